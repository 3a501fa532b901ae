/**
 * Migration 042 gives each contract of a company its own reference. A register whose contracts already
 * share one keeps them all, the later ones told apart by a number, each with an audit event in the
 * migration's name. The database is taken back to before it (migration 043 undone, its constraint dropped,
 * its record deleted) and migrated again.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { migrate } from '../../src/db/migrate.ts';
import { UNIQUE_CONTRACT_REFERENCE } from '../../src/db/repositories/industry.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { changesRecordedBy } from '../support/migration-events.ts';
import { undoMigration043 } from '../support/undo-migration-043.ts';

describeEachDatabase('migration 042 on contracts recorded before it', (database) => {
  it('numbers the later contracts of a company under a reference it gave before, in the order recorded, records each change, and then refuses another', async () => {
    const { db } = database();
    await undoMigration043(db);
    await sql`alter table industry_contract drop constraint industry_contract_reference_per_company`.execute(db);
    await sql`delete from schema_migration where name = '042_industry_contract_reference_per_company.sql'`.execute(db);
    const companyOf = async (name: string) => (await db.insertInto('company').values({ id: randomUUID(), name, country: 'NL', registrationNumber: null, isDemonstration: false, createdAt: '2025-01-01T00:00:00Z' }).returning('id').executeTakeFirstOrThrow()).id;
    const [first, second] = [await companyOf('Eerste B.V.'), await companyOf('Tweede B.V.')];
    const contract = (companyId: string, reference: string, createdAt: string) => ({
      id: randomUUID(), companyId, reference, subject: 'Drones', amountCents: 100, signedOn: '2025-01-01', isDemonstration: false, createdAt,
    });
    const contracts = [
      contract(first, 'G2B-1', '2025-01-03T00:00:00Z'),
      contract(first, 'G2B-1', '2025-01-01T00:00:00Z'),
      contract(first, 'G2B-1', '2025-01-02T00:00:00Z'),
      contract(first, 'G2B-2', '2025-01-01T00:00:00Z'),
      contract(second, 'G2B-1', '2025-01-01T00:00:00Z'),
    ];
    await db.insertInto('industryContract').values(contracts).execute();

    expect(await migrate(database())).toEqual(['042_industry_contract_reference_per_company.sql', '043_references_unique_whatever_their_case.sql']);
    const rows = await db.selectFrom('industryContract').select(['id', 'reference']).where('id', 'in', contracts.map((row) => row.id)).execute();
    expect(contracts.map((row) => rows.find((stored) => stored.id === row.id)!.reference)).toEqual(['G2B-1 (3)', 'G2B-1', 'G2B-1 (2)', 'G2B-2', 'G2B-1']);
    const change = (row: { id: string }, after: string) => ({ object: { type: 'industryContract', id: row.id }, before: { reference: 'G2B-1' }, after: { reference: after } });
    expect(await changesRecordedBy(db, '042_industry_contract_reference_per_company.sql')).toEqual([change(contracts[2]!, 'G2B-1 (2)'), change(contracts[0]!, 'G2B-1 (3)')]);
    expect(await changesRecordedBy(db, '043_references_unique_whatever_their_case.sql')).toEqual([]);
    await expect(db.insertInto('industryContract').values(contract(second, 'G2B-1', '2025-02-01T00:00:00Z')).execute()).rejects.toMatchObject({ constraint: UNIQUE_CONTRACT_REFERENCE });
  });
});
