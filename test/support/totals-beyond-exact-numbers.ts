/** A register whose sums pass 2^53 cents, for tests of what answers then. */
import { sql, type Kysely } from 'kysely';
import { MAX_ENTRY_CENTS } from '../../common/money.ts';
import type { Database } from '../../src/db/schema.ts';

/** How many deliveries from stock, each valued at the ceiling of one entry, it takes: together €100.000 mld. */
export const ENTRIES_AT_THE_CEILING = 1_000;

/** Adds the deliveries, realised on 1 May 2025, with their valuations, straight into the tables. */
export async function addEntriesAtTheCeiling(db: Kysely<Database>): Promise<void> {
  await sql`
    with delivered as (
      insert into delivery (id, title, category, support_type, funding_source, realised_at, current_value_cents)
      select gen_random_uuid(), 'Levering ' || n, 'vehicles', 'stock', 'defenceBudget', date '2025-05-01', ${MAX_ENTRY_CENTS}::bigint
      from generate_series(1, ${ENTRIES_AT_THE_CEILING}) n
      returning id, current_value_cents
    )
    insert into valuation (id, delivery_id, amount_cents, basis, effective_date)
    select gen_random_uuid(), id, current_value_cents, 'replacementValue', date '2025-05-01' from delivered`.execute(db);
}
