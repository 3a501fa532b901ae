import type { Kysely } from 'kysely';
import { recordAuditEvent, type RequestContext } from '../audit/trail.ts';
import { SECOND_FACTOR_ROLES } from '../../common/second-factor.ts';
import { isRole } from '../domain/access.ts';
import * as accounts from '../db/repositories/accounts.ts';
import * as failures from '../db/repositories/login-failures.ts';
import { endSession } from '../db/repositories/sessions.ts';
import type { Database } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { LoginFailedError, LoginThrottledError } from './errors.ts';
import { passwordMatches } from './passwords.ts';
import { openSession, type Principal } from './sessions.ts';
import { tokenHash } from './tokens.ts';
import { totpStep } from './totp.ts';

type Db = Kysely<Database>;

/** Guessing is slowed down per username and per address: a few tries per quarter of an hour. */
const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_USERNAME = 5;
export const MAX_FAILURES_PER_ORIGIN = 20;

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
export async function logInWithPassword(db: Db, context: RequestContext, credentials: Credentials, previousToken?: string): Promise<LoginResult> {
  const now = context.now();
  const username = credentials.username.trim().toLowerCase();
  await refuseWhenThrottled(db, context, username, now);

  const account = await accounts.findAccountByUsername(db, username);
  const passwordOk = await passwordMatches(account?.passwordHash ?? null, credentials.password);
  const failure = !account || !passwordOk ? 'invalidCredentials' : secondFactorFailure(account, credentials.totp, now);
  if (failure || !account) return fail(db, context, username, failure ?? 'invalidCredentials', now);

  const step = account.totpSecret ? totpStep(account.totpSecret, credentials.totp ?? '', now) : null;
  return db.transaction().execute(async (trx) => {
    if (step !== null && !(await accounts.claimTotpStep(trx, account.id, step))) {
      throw new LoginFailedError();
    }
    if (previousToken) await endSession(trx, tokenHash(previousToken), now.toISOString());
    await failures.clearLoginFailures(trx, username);
    const result = await openSession(trx, account, step !== null, now);
    const actor = { id: account.id, username: account.username, role: account.role };
    await recordAuditEvent(trx, { ...context, actor }, {
      action: 'session.login',
      object: { type: 'account', id: account.id },
      result: 'success',
      detail: { method: 'password', secondFactor: step !== null },
    });
    return result;
  }).catch(async (error: unknown) => {
    if (error instanceof LoginFailedError) return fail(db, context, username, 'totpReused', now);
    throw error;
  });
}

function secondFactorFailure(account: accounts.StoredAccount, code: string | undefined, now: Date): string | null {
  if (account.disabledAt !== null || !isRole(account.role)) return 'accountDisabled';
  if (!account.totpSecret) return SECOND_FACTOR_ROLES.has(account.role) ? 'secondFactorNotEnrolled' : null;
  if (!code) return 'totpMissing';
  return totpStep(account.totpSecret, code, now) === null ? 'totpWrong' : null;
}

async function refuseWhenThrottled(db: Db, context: RequestContext, username: string, now: Date): Promise<void> {
  // A failure counts for the window and no longer: at its end, the moment Retry-After names, it is out.
  // Failures are stored to the millisecond, so the window starts one millisecond after now − window.
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS + 1).toISOString();
  const { byUsername, byOrigin } = await failures.countLoginFailures(db, username, context.origin, since);
  const blockedBy = [
    byUsername.count >= MAX_FAILURES_PER_USERNAME ? byUsername.oldest : null,
    byOrigin.count >= MAX_FAILURES_PER_ORIGIN ? byOrigin.oldest : null,
  ].filter((oldest): oldest is string => oldest !== null);
  if (blockedBy.length === 0) return;
  const freeAt = Math.max(...blockedBy.map((oldest) => Date.parse(oldest) + THROTTLE_WINDOW_MS));
  await recordAuditEvent(db, context, {
    action: 'session.login',
    object: { type: 'username', id: username },
    result: 'denied',
    detail: { reason: 'throttled' },
  });
  throw new LoginThrottledError(Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000)));
}

async function fail(db: Db, context: RequestContext, username: string, reason: string, now: Date): Promise<never> {
  await db.transaction().execute(async (trx) => {
    await failures.recordLoginFailure(trx, username, context.origin, now.toISOString());
    await recordAuditEvent(trx, context, {
      action: 'session.login',
      object: { type: 'username', id: username },
      result: 'failure',
      detail: { reason },
    });
  });
  throw new LoginFailedError();
}
