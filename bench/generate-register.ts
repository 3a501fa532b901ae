import { sql, type Kysely } from 'kysely';
import { AuditEventsInPreparation } from '../src/audit/preparation.ts';
import { systemContext } from '../src/audit/trail.ts';
import { toColumns } from '../src/db/repositories/deliveries.ts';
import type { Database } from '../src/db/schema.ts';
import { inTransaction } from '../src/db/transaction.ts';
import { registerInBulk } from '../src/register/bulk-registration.ts';
import { SeededRandom } from './random.ts';
import type { RowCounts } from './report.ts';
import { syntheticDelivery, type SyntheticDelivery } from './synthetic-delivery.ts';

/**
 * How the rows go in. `bulk`: as the register registers in bulk (an import): per batch one transaction
 * in which the records are written set-based and each gets its audit event in the chain. `plainInserts`:
 * the peer a benchmark compares with, the same rows by plain multi-row INSERTs, without audit events.
 */
export type RegisterWriter = 'bulk' | 'plainInserts';

/** Deliveries per transaction; plain inserts stay well under PostgreSQL's 65,535 parameters a statement. */
const BATCH_SIZE: Record<RegisterWriter, number> = { bulk: 10_000, plainInserts: 1_000 };

/**
 * Fills an empty, migrated register with `size` synthetic deliveries and their money, the same for the
 * same seed, and returns how many rows it wrote. Ends with what autovacuum does on PostgreSQL soon after
 * such a load: VACUUM ANALYZE, so that the planner knows the tables and index-only scans work. (PGlite
 * has no autovacuum: there only the application could do it.)
 */
export async function generateRegister(db: Kysely<Database>, size: number, options: { seed?: number; writer?: RegisterWriter } = {}): Promise<RowCounts> {
  const generated = await registerSyntheticDeliveries(db, size, options);
  await sql`vacuum analyze delivery, valuation, payment, realised_support_change, realised_support_day, implementing_actor_change, implementing_actor_day, audit_event`.execute(db);
  return generated;
}

/** The registration alone of generateRegister, without the VACUUM ANALYZE that follows it: what bench:bulk times. */
export async function registerSyntheticDeliveries(db: Kysely<Database>, size: number, options: { seed?: number; writer?: RegisterWriter } = {}): Promise<RowCounts> {
  const writer = options.writer ?? 'bulk';
  const random = new SeededRandom(options.seed ?? 20250831);
  const generated: RowCounts = { deliveries: 0, valuations: 0, payments: 0 };
  for (let start = 0; start < size; start += BATCH_SIZE[writer]) {
    const batch: SyntheticDelivery[] = [];
    for (let number = start + 1; number <= Math.min(start + BATCH_SIZE[writer], size); number++) {
      batch.push(syntheticDelivery(random, number));
    }
    await (writer === 'bulk' ? registerBatch : insertBatch)(db, batch);
    generated.deliveries += batch.length;
    generated.valuations += batch.reduce((count, item) => count + item.valuations.length, 0);
    generated.payments += batch.reduce((count, item) => count + item.payments.length, 0);
  }
  return generated;
}

const GENERATOR = systemContext('benchmark-generator');

async function registerBatch(db: Kysely<Database>, batch: SyntheticDelivery[]): Promise<void> {
  await inTransaction(db, async (trx) => {
    const events = new AuditEventsInPreparation(GENERATOR);
    await registerInBulk(
      trx,
      { deliveries: batch.map((item) => item.delivery), valuations: batch.flatMap((item) => item.valuations), payments: batch.flatMap((item) => item.payments) },
      events,
    );
    await events.appendTo(trx);
  });
}

async function insertBatch(db: Kysely<Database>, batch: SyntheticDelivery[]): Promise<void> {
  const valuations = batch.flatMap((item) => item.valuations);
  const payments = batch.flatMap((item) => item.payments);
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('delivery').values(batch.map(({ delivery: { id, currentValueCents, ...fields } }) => ({ id, currentValueCents, ...toColumns(fields), deletedAt: null }))).execute();
    if (valuations.length > 0) await trx.insertInto('valuation').values(valuations).execute();
    if (payments.length > 0) await trx.insertInto('payment').values(payments).execute();
  });
}
