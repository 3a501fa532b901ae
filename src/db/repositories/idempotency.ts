import type { Kysely, Selectable } from 'kysely';
import type { Database, IdempotentRequestTable } from '../schema.ts';

type Db = Kysely<Database>;

export type StoredIdempotentRequest = Selectable<IdempotentRequestTable>;

export async function findIdempotentRequest(db: Db, accountId: string, key: string): Promise<StoredIdempotentRequest | undefined> {
  return db.selectFrom('idempotentRequest').selectAll().where('accountId', '=', accountId).where('key', '=', key).executeTakeFirst();
}

export async function insertIdempotentRequest(
  db: Db,
  request: Omit<StoredIdempotentRequest, 'headers'> & { headers: Record<string, string> },
): Promise<void> {
  await db.insertInto('idempotentRequest').values({ ...request, headers: JSON.stringify(request.headers) }).execute();
}

/** The request stored under this key unless it expired, removing every expired one in the same statement. */
export async function findLiveIdempotentRequest(db: Db, accountId: string, key: string, expiredBefore: string): Promise<StoredIdempotentRequest | undefined> {
  return db
    .with('expired', (query) => query.deleteFrom('idempotentRequest').where('createdAt', '<', expiredBefore))
    .selectFrom('idempotentRequest')
    .selectAll()
    .where('accountId', '=', accountId)
    .where('key', '=', key)
    .where('createdAt', '>=', expiredBefore)
    .executeTakeFirst();
}
