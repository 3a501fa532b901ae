import { sql, type Kysely } from 'kysely';
import type { Database } from '../src/db/schema.ts';
import { SeededRandom } from './random.ts';
import type { RowCounts } from './report.ts';
import { syntheticDelivery, type SyntheticDelivery } from './synthetic-delivery.ts';

/** Deliveries per transaction; with their money well under PostgreSQL's 65,535 parameters a statement. */
const BATCH_SIZE = 1_000;

/**
 * Fills an empty, migrated register with `size` synthetic deliveries and their money, the same for the
 * same seed, and returns how many rows it wrote. Rows are written directly (a benchmark fixture, not the
 * register's own write path): per batch one transaction of three multi-row inserts. Ends with what
 * autovacuum does on PostgreSQL soon after such a load: VACUUM ANALYZE, so that the planner knows the
 * tables and index-only scans work. (PGlite has no autovacuum: there only the application could do it.)
 */
export async function generateRegister(db: Kysely<Database>, size: number, seed = 20250831): Promise<RowCounts> {
  const random = new SeededRandom(seed);
  const generated: RowCounts = { deliveries: 0, valuations: 0, payments: 0 };
  for (let start = 0; start < size; start += BATCH_SIZE) {
    const batch: SyntheticDelivery[] = [];
    for (let number = start + 1; number <= Math.min(start + BATCH_SIZE, size); number++) {
      batch.push(syntheticDelivery(random, number));
    }
    await insertBatch(db, batch);
    generated.deliveries += batch.length;
    generated.valuations += batch.reduce((count, item) => count + item.valuations.length, 0);
    generated.payments += batch.reduce((count, item) => count + item.payments.length, 0);
  }
  await sql`vacuum analyze delivery, valuation, payment, realised_support_change, realised_support_day`.execute(db);
  return generated;
}

async function insertBatch(db: Kysely<Database>, batch: SyntheticDelivery[]): Promise<void> {
  const valuations = batch.flatMap((item) => item.valuations);
  const payments = batch.flatMap((item) => item.payments);
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('delivery').values(batch.map((item) => item.delivery)).execute();
    if (valuations.length > 0) await trx.insertInto('valuation').values(valuations).execute();
    if (payments.length > 0) await trx.insertInto('payment').values(payments).execute();
  });
}
