import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

type Db = Kysely<Database>;

export async function recordLoginFailure(db: Db, username: string, origin: string | null, at: string): Promise<void> {
  await db.insertInto('loginFailure').values({ username, origin, failedAt: at }).execute();
}

/** Failures since a moment, for one username and for one origin; the oldest of each, to say when to retry. */
export async function countLoginFailures(db: Db, username: string, origin: string | null, since: string) {
  const forUsername = db
    .selectFrom('loginFailure')
    .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('failedAt').as('oldest')])
    .where('username', '=', username)
    .where('failedAt', '>=', since)
    .executeTakeFirstOrThrow();
  const forOrigin =
    origin === null
      ? Promise.resolve({ count: 0, oldest: null })
      : db
          .selectFrom('loginFailure')
          .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('failedAt').as('oldest')])
          .where('origin', '=', origin)
          .where('failedAt', '>=', since)
          .executeTakeFirstOrThrow();
  const [byUsername, byOrigin] = await Promise.all([forUsername, forOrigin]);
  return {
    byUsername: { count: Number(byUsername.count), oldest: byUsername.oldest as string | null },
    byOrigin: { count: Number(byOrigin.count), oldest: byOrigin.oldest as string | null },
  };
}

export async function clearLoginFailures(db: Db, username: string): Promise<void> {
  await db.deleteFrom('loginFailure').where('username', '=', username).execute();
}
