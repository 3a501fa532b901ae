import type { Kysely } from 'kysely';
import type { AuditReason } from '../audit/reasons.ts';
import { recordAuditEvent, type RequestContext } from '../audit/trail.ts';
import { SECOND_FACTOR_ROLES } from '../../common/second-factor.ts';
import { isRole } from '../domain/access.ts';
import * as accounts from '../db/repositories/accounts.ts';
import { endSession } from '../db/repositories/sessions.ts';
import type { Database } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { auditedUsername } from './audited-username.ts';
import { LoginFailedError } from './errors.ts';
import { claimGuess, forgetGuesses } from './password-guesses.ts';
import { passwordMatches } from './passwords.ts';
import { openSession, type Principal } from './sessions.ts';
import { tokenHash } from './tokens.ts';
import { totpStep } from './totp.ts';
import { openedTotpSecret, type TotpSecretKey } from './totp-secret-key.ts';

type Db = Kysely<Database>;

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
  const account = await accounts.findAccountByUsername(db, username);
  const audited = auditedUsername(totpKey, username, account !== undefined);
  await claimGuess(db, context, { username, action: 'session.login', object: { type: 'username', id: audited } });

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
    await forgetGuesses(trx, context, username);
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
