import type { Kysely, QueryCreator, Selectable } from 'kysely';
import type { Database, IdempotentRequestTable } from '../schema.ts';

type Db = Kysely<Database>;

export type StoredIdempotentRequest = Selectable<IdempotentRequestTable>;

export async function findIdempotentRequest(db: Db, accountId: string, key: string): Promise<StoredIdempotentRequest | undefined> {
  return db.selectFrom('idempotentRequest').selectAll().where('accountId', '=', accountId).where('key', '=', key).executeTakeFirst();
}

/**
 * A statement to write on that also removes every request stored before `expiredBefore`, if given. Typed as
 * the database alone: nothing reads the query's name (expired) as a table.
 */
export function removingExpired(db: Db, expiredBefore: string | undefined): QueryCreator<Database> {
  if (expiredBefore === undefined) return db;
  return db.with('expired', (query) => query.deleteFrom('idempotentRequest').where('createdAt', '<', expiredBefore)) as unknown as QueryCreator<Database>;
}

export type IdempotentRequest = Omit<StoredIdempotentRequest, 'headers'> & { headers: Record<string, string> };

/** A request as its row stores it. */
export const idempotentRequestRow = (request: IdempotentRequest) => ({ ...request, headers: JSON.stringify(request.headers) });

/**
 * Stores a request under its key; given `expiredBefore`, every request stored before it is removed in the
 * same statement. A key stored before, live or expired, is refused by its unique index.
 */
export async function insertIdempotentRequest(db: Db, request: IdempotentRequest, expiredBefore: string | undefined): Promise<void> {
  await removingExpired(db, expiredBefore).insertInto('idempotentRequest').values(idempotentRequestRow(request)).execute();
}

/** A request to store with the create it answers, and, when it is time to, the moment before which stored requests expired, to remove them. */
export interface KeyToStore {
  request: IdempotentRequest;
  expiredBefore: string | undefined;
}

/**
 * The request stored under this key unless it expired; an expired one under the key is removed in the same
 * statement, so that the key can be stored again.
 */
export async function findLiveIdempotentRequest(db: Db, accountId: string, key: string, expiredBefore: string): Promise<StoredIdempotentRequest | undefined> {
  return db
    .with('expired', (query) => query.deleteFrom('idempotentRequest').where('accountId', '=', accountId).where('key', '=', key).where('createdAt', '<', expiredBefore))
    .selectFrom('idempotentRequest')
    .selectAll()
    .where('accountId', '=', accountId)
    .where('key', '=', key)
    .where('createdAt', '>=', expiredBefore)
    .executeTakeFirst();
}
