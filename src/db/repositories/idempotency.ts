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

export async function deleteIdempotentRequestsBefore(db: Db, before: string): Promise<void> {
  await db.deleteFrom('idempotentRequest').where('createdAt', '<', before).execute();
}
