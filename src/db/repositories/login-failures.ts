import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { lockUntilCommit } from '../transaction.ts';

type Db = Kysely<Database>;

/**
 * Makes the logins from one address wait for each other until the transaction ends, so that counting
 * its failures and recording the next attempt are one step (all throttling rules concern one address).
 */
export async function lockLoginsFrom(db: Db, origin: string | null): Promise<void> {
  await lockUntilCommit(db, `login from ${origin ?? ''}`);
}

export async function recordLoginFailure(db: Db, username: string, origin: string | null, at: string): Promise<void> {
  await db.insertInto('loginFailure').values({ username, origin, failedAt: at }).execute();
}

/** The failures of a username from an address since a moment, and the last of them. */
export async function failuresOfUsernameFrom(db: Db, username: string, origin: string | null, since: string) {
  const row = await db
    .selectFrom('loginFailure')
    .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.max('failedAt').as('last')])
    .where('username', '=', username)
    .where('origin', 'is not distinct from', origin)
    .where('failedAt', '>=', since)
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), last: row.last as string | null };
}

/** The failures from an address, whatever the username, since a moment, and the oldest of them. */
export async function failuresFrom(db: Db, origin: string, since: string) {
  const row = await db
    .selectFrom('loginFailure')
    .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('failedAt').as('oldest')])
    .where('origin', '=', origin)
    .where('failedAt', '>=', since)
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), oldest: row.oldest as string | null };
}

export async function clearLoginFailures(db: Db, username: string, origin: string | null): Promise<void> {
  await db.deleteFrom('loginFailure').where('username', '=', username).where('origin', 'is not distinct from', origin).execute();
}

/** Forgets the failures of a username from every address; those of other usernames stay. */
export async function clearLoginFailuresOfUsername(db: Db, username: string): Promise<void> {
  await db.deleteFrom('loginFailure').where('username', '=', username).execute();
}

export async function forgetLoginFailuresBefore(db: Db, before: string): Promise<void> {
  await db.deleteFrom('loginFailure').where('failedAt', '<', before).execute();
}
