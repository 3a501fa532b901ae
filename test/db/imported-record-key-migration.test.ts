/**
 * Migration 033 keys imported records by their reference whatever its case and spacing. A register
 * whose earlier imports made records under references that differ only so keeps them all. The
 * database is taken back to before it (its column and key removed, its record deleted) and migrated again.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { migrate } from '../../src/db/migrate.ts';
import { referenceKey } from '../../common/text.ts';
import { describeEachDatabase } from '../support/databases.ts';

describeEachDatabase('migration 033 on records imported before it', (database) => {
  it('gives every record its key, the one a file row is matched by, and keeps records whose references differ only in case or spacing', async () => {
    const { db } = database();
    await sql`alter table imported_record drop constraint imported_record_pkey`.execute(db);
    await sql`alter table imported_record drop column reference_key`.execute(db);
    await sql`alter table imported_record add primary key (sheet, external_reference)`.execute(db);
    await sql`delete from schema_migration where name = '033_imported_record_reference_key.sql'`.execute(db);
    const references = ['OUD-1', 'oud-1', 'Oud\u00a0 2\tB', 'Éé-3'];
    await db
      .insertInto('importedRecord')
      .values(references.map((externalReference) => ({ sheet: 'delivery', externalReference, recordId: randomUUID(), importId: randomUUID() })))
      .execute();

    expect(await migrate(database())).toEqual(['033_imported_record_reference_key.sql']);
    const rows = await db.selectFrom('importedRecord').select(['externalReference', 'referenceKey']).where('externalReference', 'in', references).execute();
    expect(new Map(rows.map((row) => [row.externalReference, row.referenceKey]))).toEqual(new Map(references.map((reference) => [reference, referenceKey(reference)])));
    expect(referenceKey('Oud\u00a0 2\tB')).toBe('oud 2 b');
    expect(referenceKey('Éé-3')).toBe('Éé-3');
  });
});
