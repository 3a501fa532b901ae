import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.ts';

/**
 * Takes the database back to before migration 043: the exact unique constraints instead of the folded indexes, and
 * licences not yet kept from being changed (migration 073), so that 043 can number them again.
 */
export async function undoMigration043(db: Kysely<Database>): Promise<void> {
  await sql`alter table export_licence disable trigger export_licence_kept`.execute(db);
  await sql`drop function register_key(text) cascade`.execute(db);
  await sql`alter table export_licence add constraint export_licence_number_key unique (number)`.execute(db);
  await sql`alter table epf_claim add constraint epf_claim_reference_key unique (reference)`.execute(db);
  await sql`alter table industry_contract add constraint industry_contract_reference_per_company unique (company_id, reference)`.execute(db);
  await sql`delete from schema_migration where name = '043_references_unique_whatever_their_case.sql'`.execute(db);
}
