/**
 * An e-mail address belongs to one account, whatever its case. Migration 051, which adds the index that
 * keeps it so, keeps accounts that already share an address: the account made first keeps it, the others
 * lose it, each with an audit event in the migration's name.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { migrate } from '../../src/db/migrate.ts';
import { insertAccount, UNIQUE_EMAIL } from '../../src/db/repositories/accounts.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { changesRecordedBy } from '../support/migration-events.ts';

const MIGRATION = '051_account_email_unique_whatever_its_case.sql';

describeEachDatabase('account e-mail addresses whatever their case', (database) => {
  const account = async (username: string, email: string, createdAt: string) => {
    const { db } = database();
    const { id } = await insertAccount(db, { id: randomUUID(), username, displayName: '', role: 'registrar', passwordHash: null, totpSecret: null, oidcSubject: null, email });
    await db.updateTable('account').set({ createdAt }).where('id', '=', id).execute();
    return id;
  };

  it(`migration ${MIGRATION.slice(0, 3)} keeps a shared address on the account made first, and takes it from the others with an audit event`, async () => {
    const { db } = database();
    await sql`drop index ${sql.id(UNIQUE_EMAIL)}`.execute(db);
    await sql`delete from schema_migration where name = ${MIGRATION}`.execute(db);
    const later = await account('qa.later', 'QA@Example.nl', '2025-03-02T09:00:00.000Z');
    const first = await account('qa.eerst', 'qa@example.nl', '2025-03-01T09:00:00.000Z');
    const own = await account('qa.eigen', 'ander@example.nl', '2025-03-03T09:00:00.000Z');

    expect(await migrate(database())).toEqual([MIGRATION]);
    const emails = await db.selectFrom('account').select(['id', 'email']).where('id', 'in', [first, later, own]).orderBy('username').execute();
    expect(emails).toEqual([
      { id: first, email: 'qa@example.nl' },
      { id: own, email: 'ander@example.nl' },
      { id: later, email: null },
    ]);
    expect(await changesRecordedBy(db, MIGRATION)).toEqual([{ object: { type: 'account', id: later }, before: { email: 'QA@Example.nl' }, after: { email: null } }]);
    await expect(db.updateTable('account').set({ email: 'Qa@EXAMPLE.nl' }).where('id', '=', later).execute()).rejects.toMatchObject({ constraint: UNIQUE_EMAIL });
  });
});
