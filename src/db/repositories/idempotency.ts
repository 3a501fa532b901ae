import type { Kysely, Selectable } from 'kysely';
import type { Database, IdempotentRequestTable } from '../schema.ts';

type Db = Kysely<Database>;

export type StoredIdempotentRequest = Selectable<IdempotentRequestTable>;

export async function findIdempotentRequest(db: Db, accountId: string, key: string): Promise<StoredIdempotentRequest | undefined> {
  return db.selectFrom('idempotentRequest').selectAll().where('accountId', '=', accountId).where('key', '=', key).executeTakeFirst();
}

/** Every request stored before `expiredBefore`, removed: a query to run beside another in one statement. */
function withExpiredRemoved(db: Db, expiredBefore: string) {
  return db.with('expired', (query) => query.deleteFrom('idempotentRequest').where('createdAt', '<', expiredBefore));
}

/**
 * Stores a request under its key, removing every expired one in the same statement. A key stored before,
 * live or expired, is refused by its unique index.
 */
export async function insertIdempotentRequest(
  db: Db,
  request: Omit<StoredIdempotentRequest, 'headers'> & { headers: Record<string, string> },
  expiredBefore: string,
): Promise<void> {
  await withExpiredRemoved(db, expiredBefore)
    .insertInto('idempotentRequest')
    .values({ ...request, headers: JSON.stringify(request.headers) })
    .execute();
}

/** The request stored under this key unless it expired, removing every expired one in the same statement. */
export async function findLiveIdempotentRequest(db: Db, accountId: string, key: string, expiredBefore: string): Promise<StoredIdempotentRequest | undefined> {
  return withExpiredRemoved(db, expiredBefore)
    .selectFrom('idempotentRequest')
    .selectAll()
    .where('accountId', '=', accountId)
    .where('key', '=', key)
    .where('createdAt', '>=', expiredBefore)
    .executeTakeFirst();
}
