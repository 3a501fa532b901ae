import type { Kysely, QueryCreator, Selectable } from 'kysely';
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

export type IdempotentRequest = Omit<StoredIdempotentRequest, 'headers'> & { headers: Record<string, string> };

const storedRow = (request: IdempotentRequest) => ({ ...request, headers: JSON.stringify(request.headers) });

/**
 * Stores a request under its key, removing every expired one in the same statement. A key stored before,
 * live or expired, is refused by its unique index.
 */
export async function insertIdempotentRequest(db: Db, request: IdempotentRequest, expiredBefore: string): Promise<void> {
  await withExpiredRemoved(db, expiredBefore).insertInto('idempotentRequest').values(storedRow(request)).execute();
}

/**
 * Stores a request under its key as insertIdempotentRequest does, but as part of the statement written on what
 * this returns (the create's own), so that both commit or fail together without a transaction.
 */
export function storingIdempotentRequest(db: Db, request: IdempotentRequest, expiredBefore: string): QueryCreator<Database> {
  const statement = withExpiredRemoved(db, expiredBefore).with('stored', (query) => query.insertInto('idempotentRequest').values(storedRow(request)));
  // Typed as the database alone: nothing reads the two queries' names (expired, stored) as tables.
  return statement as unknown as QueryCreator<Database>;
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
