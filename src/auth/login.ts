import type { Kysely } from 'kysely';
import type { AuditReason } from '../audit/reasons.ts';
import { recordAuditEvent, type RequestContext } from '../audit/trail.ts';
import { SECOND_FACTOR_ROLES } from '../../common/second-factor.ts';
import { isRole } from '../domain/access.ts';
import * as accounts from '../db/repositories/accounts.ts';
import * as failures from '../db/repositories/login-failures.ts';
import { endSession } from '../db/repositories/sessions.ts';
import type { Database } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { addressNetwork } from './address-network.ts';
import { auditedUsername } from './audited-username.ts';
import { LoginFailedError, LoginThrottledError } from './errors.ts';
import { passwordMatches } from './passwords.ts';
import { openSession, type Principal } from './sessions.ts';
import { tokenHash } from './tokens.ts';
import { totpStep } from './totp.ts';
import { openedTotpSecret, type TotpSecretKey } from './totp-secret-key.ts';

type Db = Kysely<Database>;

/**
 * Guessing is slowed down per username and address together, so that guesses from elsewhere never keep
 * a person out: after FREE_FAILURES failures in a row, each next attempt from that address waits, 30
 * seconds after the last failure and twice as long after each further one, up to a quarter of an hour.
 * An address is also held up after MAX_FAILURES_PER_ORIGIN failures, whatever the usernames, within
 * THROTTLE_WINDOW_MS. A success forgets the failures of its username and address; any failure is
 * forgotten after a day.
 */
export const FREE_FAILURES = 5;
const FIRST_WAIT_MS = 30 * 1000;
const LONGEST_WAIT_MS = 15 * 60 * 1000;
const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ORIGIN = 20;
const FAILURE_MEMORY_MS = 24 * 60 * 60 * 1000;

export interface Credentials {
  username: string;
  password: string;
  totp?: string | undefined;
}

export interface LoginResult {
  token: string;
  principal: Principal;
}

/** Ends the session of a token; logging out is an audit event. */
export async function logOut(db: Db, context: RequestContext, token: string, accountId: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    await endSession(trx, tokenHash(token), context.now().toISOString());
    await recordAuditEvent(trx, context, { action: 'session.logout', object: { type: 'account', id: accountId }, result: 'success' });
  });
}

/**
 * Logs in with a password, and the TOTP code when the account has a second factor. Every attempt is an
 * audit event. A session the client already had is ended: a login always gets a new token.
 */
export async function logInWithPassword(
  db: Db,
  context: RequestContext,
  credentials: Credentials,
  totpKey: TotpSecretKey,
  previousToken?: string,
): Promise<LoginResult> {
  const now = context.now();
  const username = credentials.username.trim().toLowerCase();
  const network = addressNetwork(context.origin);
  const account = await accounts.findAccountByUsername(db, username);
  const audited = auditedUsername(totpKey, username, account !== undefined);
  await claimAttempt(db, context, { username, audited }, network, now);

  const passwordOk = await passwordMatches(account?.passwordHash ?? null, credentials.password);
  const totpSecret = account ? openedTotpSecret(totpKey, account) : null;
  const failure = !account || !passwordOk ? 'invalidCredentials' : secondFactorFailure(account, totpSecret, credentials.totp, now);
  if (failure || !account) return fail(db, context, audited, failure ?? 'invalidCredentials');

  const step = totpSecret ? totpStep(totpSecret, credentials.totp ?? '', now) : null;
  return db.transaction().execute(async (trx) => {
    if (step !== null && !(await accounts.claimTotpStep(trx, account.id, step))) {
      throw new LoginFailedError();
    }
    if (previousToken) await endSession(trx, tokenHash(previousToken), now.toISOString());
    await failures.clearLoginFailures(trx, username, network);
    const result = await openSession(trx, account, step !== null, now, context);
    const actor = { id: account.id, username: account.username, role: account.role };
    await recordAuditEvent(trx, { ...context, actor }, {
      action: 'session.login',
      object: { type: 'account', id: account.id },
      result: 'success',
      detail: { method: 'password', secondFactor: step !== null },
    });
    return result;
  }).catch(async (error: unknown) => {
    if (error instanceof LoginFailedError) return fail(db, context, audited, 'totpReused');
    throw error;
  });
}

function secondFactorFailure(account: accounts.StoredAccount, totpSecret: string | null | undefined, code: string | undefined, now: Date): AuditReason | null {
  if (account.disabledAt !== null || !isRole(account.role)) return 'accountDisabled';
  // The code cannot be checked: refused, as a wrong code is; the audit event tells the operator why.
  if (totpSecret === undefined) return 'totpSecretUnreadable';
  if (!totpSecret) return SECOND_FACTOR_ROLES.has(account.role) ? 'secondFactorNotEnrolled' : null;
  if (!code) return 'totpMissing';
  return totpStep(totpSecret, code, now) === null ? 'totpWrong' : null;
}

/**
 * Counts this attempt as a failure before the password is checked, unless the throttling rules make it
 * wait; a success takes it back. Counting and recording are one step per address: guesses sent all at
 * once are held to the same limits as guesses sent one after another. A refusal is recorded too.
 */
async function claimAttempt(db: Db, context: RequestContext, { username, audited }: { username: string; audited: string }, network: string | null, now: Date): Promise<void> {
  const waitMs = await inTransaction(db, async (trx) => {
    await failures.lockLoginsFrom(trx, network);
    await failures.forgetLoginFailuresBefore(trx, new Date(now.getTime() - FAILURE_MEMORY_MS).toISOString());
    const freeAt = await throttledUntil(trx, username, network, now);
    if (freeAt <= now.getTime()) {
      await failures.recordLoginFailure(trx, username, network, now.toISOString());
      return 0;
    }
    await recordAuditEvent(trx, context, {
      action: 'session.login',
      object: { type: 'username', id: audited },
      result: 'denied',
      detail: { reason: 'throttled' satisfies AuditReason },
    });
    return freeAt - now.getTime();
  });
  if (waitMs > 0) throw new LoginThrottledError(Math.max(1, Math.ceil(waitMs / 1000)));
}

/** The moment the next attempt for this username from this address's network may be made (milliseconds). */
async function throttledUntil(db: Db, username: string, origin: string | null, now: Date): Promise<number> {
  const ofUsername = await failures.failuresOfUsernameFrom(db, username, origin, new Date(now.getTime() - FAILURE_MEMORY_MS).toISOString());
  const usernameFreeAt = ofUsername.count >= FREE_FAILURES ? Date.parse(ofUsername.last!) + waitAfter(ofUsername.count) : 0;
  if (origin === null) return usernameFreeAt;
  // A failure counts for the window and no longer: at its end, the moment Retry-After names, it is out.
  // Failures are stored to the millisecond, so the window starts one millisecond after now − window.
  const fromOrigin = await failures.failuresFrom(db, origin, new Date(now.getTime() - THROTTLE_WINDOW_MS + 1).toISOString());
  const originFreeAt = fromOrigin.count >= MAX_FAILURES_PER_ORIGIN ? Date.parse(fromOrigin.oldest!) + THROTTLE_WINDOW_MS : 0;
  return Math.max(usernameFreeAt, originFreeAt);
}

function waitAfter(failureCount: number): number {
  return Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS * 2 ** (failureCount - FREE_FAILURES));
}

async function fail(db: Db, context: RequestContext, auditedName: string, reason: AuditReason): Promise<never> {
  // The attempt was counted as a failure when it was claimed.
  await recordAuditEvent(db, context, {
    action: 'session.login',
    object: { type: 'username', id: auditedName },
    result: 'failure',
    detail: { reason },
  });
  throw new LoginFailedError();
}
