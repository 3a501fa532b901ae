import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

/**
 * Runs the work in a transaction: the caller's when it passes one (so that a change, its audit event
 * and its idempotency record commit or fail together), otherwise a new one.
 */
export function inTransaction<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

/**
 * Runs bulk work (an import's dry run or commit) as inTransaction does, without the limit on how long a
 * statement of a request may run (DatabaseConfig's statementLimits) and waiting for a lock as long as such a
 * statement may run: it writes many rows in one statement, and one import waits for another's commit.
 */
export function inBulkTransaction<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return inTransaction(db, async (trx) => {
    await sql`select set_config('lock_timeout', current_setting('statement_timeout'), true)`.execute(trx);
    await sql`select set_config('statement_timeout', '0', true)`.execute(trx);
    return work(trx);
  });
}

/** Makes the transactions that take the lock of this name wait for each other until each ends (an advisory lock). */
export async function lockUntilCommit(trx: Kysely<Database>, name: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${name}, 0))`.execute(trx);
}
