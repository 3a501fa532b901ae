import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { StoredAccount } from './accounts.ts';

type Db = Kysely<Database>;

export interface StoredSession {
  tokenHash: string;
  secondFactor: boolean;
  createdAt: string;
  lastSeenAt: string;
  account: StoredAccount;
}

export async function insertSession(
  db: Db,
  session: { tokenHash: string; accountId: string; secondFactor: boolean; createdAt: string },
): Promise<void> {
  await db.insertInto('session').values({ ...session, lastSeenAt: session.createdAt, endedAt: null }).execute();
}

/** An open (not ended) session with its account. */
export async function findOpenSession(db: Db, tokenHash: string): Promise<StoredSession | undefined> {
  const row = await db
    .selectFrom('session')
    .innerJoin('account', 'account.id', 'session.accountId')
    .selectAll('account')
    .select(['session.tokenHash', 'session.secondFactor', 'session.createdAt as sessionCreatedAt', 'session.lastSeenAt'])
    .where('session.tokenHash', '=', tokenHash)
    .where('session.endedAt', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const { tokenHash: hash, secondFactor, sessionCreatedAt, lastSeenAt, ...account } = row;
  return { tokenHash: hash, secondFactor, createdAt: sessionCreatedAt, lastSeenAt, account };
}

export async function touchSession(db: Db, tokenHash: string, at: string): Promise<void> {
  await db.updateTable('session').set({ lastSeenAt: at }).where('tokenHash', '=', tokenHash).execute();
}

export async function endSession(db: Db, tokenHash: string, at: string): Promise<void> {
  await db.updateTable('session').set({ endedAt: at }).where('tokenHash', '=', tokenHash).where('endedAt', 'is', null).execute();
}

/**
 * Ends every open session of an account (disabled, role or password changed), but the one of the token hash
 * `except` where given (the session a password was changed in); returns how many it ended.
 */
export async function endSessionsOf(db: Db, accountId: string, at: string, { except }: { except?: string } = {}): Promise<number> {
  let query = db.updateTable('session').set({ endedAt: at }).where('accountId', '=', accountId).where('endedAt', 'is', null);
  if (except !== undefined) query = query.where('tokenHash', '<>', except);
  const ended = await query.executeTakeFirst();
  return Number(ended.numUpdatedRows);
}

/** Ends the open sessions of an account except the `keep` newest; returns how many it ended. */
export async function endSessionsBeyondNewest(db: Db, accountId: string, keep: number, at: string): Promise<number> {
  const ended = await db
    .updateTable('session')
    .set({ endedAt: at })
    .where('tokenHash', 'in', (eb) =>
      eb
        .selectFrom('session')
        .select('tokenHash')
        .where('accountId', '=', accountId)
        .where('endedAt', 'is', null)
        .orderBy('createdAt', 'desc')
        .orderBy('tokenHash')
        .offset(keep),
    )
    .executeTakeFirst();
  return Number(ended.numUpdatedRows);
}
