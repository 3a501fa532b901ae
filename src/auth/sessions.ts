import type { Kysely } from 'kysely';
import type { AuditReason } from '../audit/reasons.ts';
import { recordAuditEvent, type RequestContext } from '../audit/trail.ts';
import { isRole, roleOf, type Role } from '../domain/access.ts';
import { findAccountById, type StoredAccount } from '../db/repositories/accounts.ts';
import * as sessions from '../db/repositories/sessions.ts';
import type { Database } from '../db/schema.ts';
import { newSessionToken, tokenHash } from './tokens.ts';

type Db = Kysely<Database>;

const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
/** Last-seen times are written at most this often, so that reading does not mean writing every time. */
const TOUCH_INTERVAL_MS = 60 * 1000;
/** Enough for every browser and device a person uses; a login beyond it ends the account's oldest session. */
export const MAX_LIVE_SESSIONS = 10;

/** The account a request acts for, as its session says. */
export interface Principal {
  accountId: string;
  username: string;
  displayName: string;
  role: Role;
  /** The account logs in with a password (not only through the identity provider), which its holder may change. */
  hasPassword: boolean;
  /** An administrator set the password: until its holder chooses their own, the session reaches nothing else. */
  passwordChangeRequired: boolean;
  /** The session was opened with a second factor (TOTP, or an identity provider that used one). */
  secondFactor: boolean;
  tokenHash: string;
  expiresAt: string;
}

/**
 * Opens a session for the account, in the caller's transaction; the oldest sessions beyond
 * MAX_LIVE_SESSIONS end, each recorded in the audit trail of the login's context.
 */
export async function openSession(
  db: Db,
  account: StoredAccount,
  secondFactor: boolean,
  now: Date,
  context: RequestContext,
): Promise<{ token: string; principal: Principal }> {
  const token = newSessionToken();
  const createdAt = now.toISOString();
  // Logins of one account open sessions one at a time, so that together they cannot pass the limit.
  await findAccountById(db, account.id, { forUpdate: true });
  await sessions.insertSession(db, { tokenHash: tokenHash(token), accountId: account.id, secondFactor, createdAt });
  const ended = await sessions.endSessionsBeyondNewest(db, account.id, MAX_LIVE_SESSIONS, createdAt);
  const actor = { id: account.id, username: account.username, role: account.role };
  for (let count = 0; count < ended; count += 1) {
    await recordAuditEvent(db, { ...context, actor }, {
      action: 'session.ended',
      object: { type: 'account', id: account.id },
      result: 'success',
      detail: { reason: 'sessionLimit' satisfies AuditReason },
    });
  }
  return { token, principal: principalOf(account, { tokenHash: tokenHash(token), secondFactor, createdAt, lastSeenAt: createdAt }) };
}

/**
 * The principal of a session token, or null when the session does not exist, has ended, has been idle
 * too long, has reached its absolute limit, or its account is disabled. An expired session is ended.
 */
export async function resolveSession(db: Db, token: string, now: Date): Promise<Principal | null> {
  const hash = tokenHash(token);
  const session = await sessions.findOpenSession(db, hash);
  if (!session) return null;
  const idleFor = now.getTime() - Date.parse(session.lastSeenAt);
  const age = now.getTime() - Date.parse(session.createdAt);
  if (idleFor > IDLE_TIMEOUT_MS || age > ABSOLUTE_TIMEOUT_MS || session.account.disabledAt !== null || !isRole(session.account.role)) {
    await sessions.endSession(db, hash, now.toISOString());
    return null;
  }
  const lastSeenAt = idleFor > TOUCH_INTERVAL_MS ? now.toISOString() : session.lastSeenAt;
  if (lastSeenAt !== session.lastSeenAt) await sessions.touchSession(db, hash, lastSeenAt);
  return principalOf(session.account, { ...session, lastSeenAt });
}

function principalOf(account: StoredAccount, session: { tokenHash: string; secondFactor: boolean; createdAt: string; lastSeenAt: string }): Principal {
  const expiresAt = Math.min(Date.parse(session.lastSeenAt) + IDLE_TIMEOUT_MS, Date.parse(session.createdAt) + ABSOLUTE_TIMEOUT_MS);
  return {
    accountId: account.id,
    username: account.username,
    displayName: account.displayName,
    role: roleOf(account.role),
    hasPassword: account.passwordHash !== null,
    passwordChangeRequired: account.passwordChangeRequired,
    secondFactor: session.secondFactor,
    tokenHash: session.tokenHash,
    expiresAt: new Date(expiresAt).toISOString(),
  };
}
