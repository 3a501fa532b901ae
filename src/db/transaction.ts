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
 * Makes the registrations under the names of one set of records (`names`: "company names of NL") wait for
 * each other until the transaction ends, so that looking for a record of the same name and registering this
 * one are one step. A name's key (nameKey) folds letters the database cannot fold alike on every server, so
 * no unique index can hold it.
 */
export async function lockNames(db: Kysely<Database>, names: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${names}, 0))`.execute(db);
}
