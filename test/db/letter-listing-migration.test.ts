/**
 * Migrations 048 and 049 keep, beside each final letter's frozen texts, its table to the cent and what its
 * public overview listed. The database is taken back to before them (their table, column and triggers
 * dropped, their records removed) and migrated again: what they fill in for a letter finalised before them
 * is what finalising writes now, and the next letter still lists what it listed before. Neither changes once
 * the letter is final, and `letter verify` fails a letter whose kept table or list no longer equals its texts'.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { migrate } from '../../src/db/migrate.ts';
import { loadDemonstrationData } from '../../src/register/demonstration.ts';
import { getLetter, listLetters, verifyLetter } from '../../src/register/letters.ts';
import { describeEachDatabase } from '../support/databases.ts';

describeEachDatabase('migrations 048 and 049 on letters finalised before them', (database) => {
  let finalId: string;
  let draftId: string;

  beforeAll(async () => {
    await loadDemonstrationData(database().db);
    const letters = await listLetters(database().db);
    finalId = letters.find((letter) => letter.status === 'final')!.id;
    draftId = letters.find((letter) => letter.status === 'draft')!.id;
  });

  const kept = async () => {
    const { db } = database();
    const { figureLines } = await db.selectFrom('letter').select('figureLines').where('id', '=', finalId).executeTakeFirstOrThrow();
    const listed = await db.selectFrom('letterOverviewItem').select('publicId').where('letterId', '=', finalId).orderBy('publicId').execute();
    return { figureLines: JSON.parse(figureLines!) as unknown, listed: listed.map((row) => row.publicId) };
  };

  it('fills in the table to the cent and the listed deliveries as finalising writes them, and the next letter lists what it did', async () => {
    const { db } = database();
    const written = await kept();
    expect(written.listed.length).toBeGreaterThan(0);
    const overviewBefore = (await getLetter(db, draftId, new Date())).letter.overview;
    expect(overviewBefore.length).toBeGreaterThan(0);

    await sql`drop table letter_overview_item`.execute(db);
    await sql`drop function keep_letter_overview_items()`.execute(db);
    await sql`drop trigger letter_figure_lines_frozen on letter`.execute(db);
    await sql`drop function keep_final_figure_lines()`.execute(db);
    await sql`alter table letter drop column figure_lines`.execute(db);
    await sql`delete from schema_migration where name in ('048_letter_figure_lines.sql', '049_letter_overview_items.sql')`.execute(db);
    expect(await migrate(database())).toEqual(['048_letter_figure_lines.sql', '049_letter_overview_items.sql']);

    expect(await kept()).toEqual(written);
    expect((await getLetter(db, draftId, new Date())).letter.overview).toEqual(overviewBefore);
    expect(await verifyLetter(db, finalId)).toMatchObject({ ok: true, hashesMatch: true });
  });

  it('refuses to change either once the letter is final', async () => {
    const { db } = database();
    await expect(sql`update letter set figure_lines = '[]' where id = ${finalId}`.execute(db)).rejects.toThrow(/a final letter cannot be changed/);
    await expect(sql`delete from letter_overview_item where letter_id = ${finalId}`.execute(db)).rejects.toThrow(/what a final letter listed cannot be changed/);
    await expect(sql`update letter_overview_item set public_id = gen_random_uuid() where letter_id = ${finalId}`.execute(db)).rejects.toThrow(
      /what a final letter listed cannot be changed/,
    );
  });

  it('has the letter fail verification when what it listed was added to', async () => {
    const { db } = database();
    const intact = await verifyLetter(db, finalId);
    const added = randomUUID();
    await sql`insert into letter_overview_item (letter_id, public_id) values (${finalId}, ${added})`.execute(db);
    expect([intact.hashesMatch, (await verifyLetter(db, finalId)).hashesMatch]).toEqual([true, false]);
    // Taken out again behind the trigger's back, for the next test.
    await sql`alter table letter_overview_item disable trigger letter_overview_item_frozen`.execute(db);
    await sql`delete from letter_overview_item where public_id = ${added}`.execute(db);
    await sql`alter table letter_overview_item enable trigger letter_overview_item_frozen`.execute(db);
  });

  it('has the letter fail verification when the table kept beside the annex no longer equals the annex', async () => {
    const { db } = database();
    const intact = await verifyLetter(db, finalId);
    // Behind the trigger's back, as only someone with the database owner's rights could.
    await sql`alter table letter disable trigger letter_figure_lines_frozen`.execute(db);
    await sql`update letter set figure_lines = jsonb_set(figure_lines::jsonb, '{0,label}', '"Gewijzigd"')::text where id = ${finalId}`.execute(db);
    await sql`alter table letter enable trigger letter_figure_lines_frozen`.execute(db);
    expect([intact.hashesMatch, (await verifyLetter(db, finalId)).hashesMatch]).toEqual([true, false]);
  });
});
