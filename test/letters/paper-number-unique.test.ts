/**
 * Each letter has a paper number of its own, also when two letters are given one number at the same moment:
 * both pass the register's check, the database's unique index refuses the second, which is told so as the
 * check tells it. Migration 044, which adds the index, keeps letters that already share a number, the later
 * ones told apart by a number, each with an audit event in the migration's name.
 */
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { todayInAmsterdam } from '../../common/dates.ts';
import { systemContext } from '../../src/audit/trail.ts';
import { migrate } from '../../src/db/migrate.ts';
import { UNIQUE_PAPER_NUMBER } from '../../src/db/repositories/letter-publication.ts';
import { loadDemonstrationData } from '../../src/register/demonstration.ts';
import { recordPublication } from '../../src/register/letter-publication.ts';
import { PREVIOUS_LETTER } from '../../src/db/seed/demonstration-disclosure.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { submitAndApprove, ifMatchCurrent } from '../support/letters.ts';
import { changesRecordedBy } from '../support/migration-events.ts';
import { accepted, recordingRoles } from '../support/recording-roles.ts';

describeEachDatabase('a letter’s paper number, its own at the same moment too', (database) => {
  /** The published letter of 4 February 2025, and the final letter of 31 August 2025, sent but without its number. */
  let published: string;
  let sent: string;

  beforeAll(async () => {
    const { db } = database();
    await loadDemonstrationData(db);
    const roles = recordingRoles(db);
    const letters = (await roles.author('GET', '/letters')).body.items;
    published = letters.find((letter: any) => letter.referenceDate === PREVIOUS_LETTER.referenceDate).id;
    const draft = letters.find((letter: any) => letter.referenceDate === '2025-08-31');
    const approved = await accepted(submitAndApprove(roles, draft.id, `"${draft.version}"`), 200);
    await accepted(roles.author('POST', `/letters/${draft.id}/finalisation`, {}, { 'If-Match': approved.headers.get('ETag')! }), 200);
    await accepted(roles.author('POST', `/letters/${draft.id}/sending`, undefined, await ifMatchCurrent(roles.author, draft.id)), 200);
    sent = draft.id;
  });

  const stored = (id: string) => database().db.selectFrom('letter').select(['paperNumber', 'publishedOn', 'version']).where('id', '=', id).executeTakeFirstOrThrow();

  it('refuses a number another letter took after the check as the check refuses it, and one written past the register', async () => {
    const { db } = database();
    const number = 'Kamerstuk 22 054, nr. 999';
    // The letter of February is given the number after the check, before the letter of August is: as its publication is recorded.
    await sql`create function take_the_number() returns trigger language plpgsql as $$
      begin update letter set paper_number = new.paper_number where id = ${sql.lit(published)}; return new; end $$`.execute(db);
    await sql`create trigger take_the_number after insert on letter_publication for each row execute function take_the_number()`.execute(db);
    try {
      const recording = recordPublication(db, systemContext('test'), sent, '*', { paperNumber: number, publishedOn: todayInAmsterdam() });
      await expect(recording).rejects.toMatchObject({ violations: [{ field: 'paperNumber', code: 'paperNumberTaken', params: { referenceDate: PREVIOUS_LETTER.referenceDate } }] });
    } finally {
      await sql`drop function take_the_number() cascade`.execute(db);
    }
    expect((await stored(sent)).paperNumber).toBeNull();
    expect((await stored(published)).paperNumber).toBe(PREVIOUS_LETTER.paperNumber);

    const written = db.updateTable('letter').set({ paperNumber: PREVIOUS_LETTER.paperNumber }).where('id', '=', sent).execute();
    await expect(written).rejects.toMatchObject({ constraint: UNIQUE_PAPER_NUMBER });
  });

  it('migration 044 keeps letters that share a number: the first to carry it keeps it, a later one gets the first free " (n)", a correction saying why and an audit event', async () => {
    const { db } = database();
    await sql`drop index letter_paper_number_unique`.execute(db);
    await sql`delete from schema_migration where name = '044_letter_paper_number_unique.sql'`.execute(db);
    const draft = await accepted(recordingRoles(db).author('POST', '/letters', { referenceDate: '2025-12-31' }));
    await db.updateTable('letter').set({ paperNumber: `${PREVIOUS_LETTER.paperNumber} (2)` }).where('id', '=', draft.body.id).execute();
    await db.updateTable('letter').set({ paperNumber: PREVIOUS_LETTER.paperNumber, publishedOn: '2025-09-10' }).where('id', '=', sent).execute();
    const before = await stored(sent);

    expect(await migrate(database())).toEqual(['044_letter_paper_number_unique.sql']);
    expect((await stored(published)).paperNumber).toBe(PREVIOUS_LETTER.paperNumber);
    expect((await stored(draft.body.id)).paperNumber).toBe(`${PREVIOUS_LETTER.paperNumber} (2)`);
    expect(await stored(sent)).toEqual({ ...before, paperNumber: `${PREVIOUS_LETTER.paperNumber} (3)`, version: before.version + 1 });
    const history = await db.selectFrom('letterPublication').select(['paperNumber', 'publishedOn', 'reason', 'recordedByName']).where('letterId', '=', sent).execute();
    expect(history).toEqual([{ paperNumber: `${PREVIOUS_LETTER.paperNumber} (3)`, publishedOn: '2025-09-10', reason: expect.stringContaining('Kamerstuknummer'), recordedByName: 'system' }]);
    expect(await changesRecordedBy(db, '044_letter_paper_number_unique.sql')).toEqual([
      { object: { type: 'letter', id: sent }, before: { paperNumber: PREVIOUS_LETTER.paperNumber }, after: { paperNumber: `${PREVIOUS_LETTER.paperNumber} (3)`, reason: history[0]!.reason } },
    ]);
    await expect(db.updateTable('letter').set({ paperNumber: PREVIOUS_LETTER.paperNumber }).where('id', '=', sent).execute()).rejects.toMatchObject({ constraint: UNIQUE_PAPER_NUMBER });
  });
});
