import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

/**
 * Runs the work in a transaction: the caller's when it passes one (so that a change, its audit event
 * and its idempotency record commit or fail together), otherwise a new one.
 */
export function inTransaction<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

/** Makes the transactions that take the lock of this name wait for each other until each ends (an advisory lock). */
export async function lockUntilCommit(trx: Kysely<Database>, name: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${name}, 0))`.execute(trx);
}
