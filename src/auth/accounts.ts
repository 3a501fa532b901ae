import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { SYSTEM_ACTOR } from '../../common/actors.ts';
import { recordAuditEvent, type RequestContext } from '../audit/trail.ts';
import { SECOND_FACTOR_ROLES } from '../../common/second-factor.ts';
import type { AuditAction } from '../../common/vocabulary/codes.ts';
import { roleOf, type Role } from '../domain/access.ts';
import type { RuleViolation } from '../domain/delivery.ts';
import { textViolations } from '../domain/plausibility.ts';
import * as accounts from '../db/repositories/accounts.ts';
import { endSessionsOf } from '../db/repositories/sessions.ts';
import type { Database } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { assertValid, NotFoundError, ValidationError } from '../register/errors.ts';
import { UniqueViolationError } from '../db/errors.ts';
import { forgetGuessesFromEverywhere } from './password-guesses.ts';
import { hashPassword, passwordViolation } from './passwords.ts';
import { newTotpSecret } from './totp.ts';
import { sealWithKey, type TotpSecretKey } from './totp-secret-key.ts';
import { usernameReading } from './usernames.ts';

type Db = Kysely<Database>;

const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._@-]{1,99}$/;
/** What the database accepts as an address (the API checks the form more closely). */
const EMAIL_PATTERN = /^[^@\s]{1,200}@[^@\s]{1,200}$/;


/** An account as administrators and the audit trail see it: never its password hash or TOTP secret. */
export interface AccountView {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  hasPassword: boolean;
  /** An administrator set the password: its holder chooses their own at the next login. */
  passwordChangeRequired: boolean;
  hasSecondFactor: boolean;
  oidcSubject: string | null;
  email: string | null;
  disabledAt: string | null;
  createdAt: string;
}

export function viewOf(account: accounts.StoredAccount): AccountView {
  return {
    id: account.id,
    username: account.username,
    displayName: account.displayName,
    role: roleOf(account.role),
    hasPassword: account.passwordHash !== null,
    passwordChangeRequired: account.passwordChangeRequired,
    hasSecondFactor: account.totpSecret !== null,
    oidcSubject: account.oidcSubject,
    email: account.email,
    disabledAt: account.disabledAt,
    createdAt: account.createdAt,
  };
}

/** Every account, for an administrator: a read of confidential material, so it is recorded. */
export async function listAccounts(db: Db, context: RequestContext): Promise<AccountView[]> {
  return inTransaction(db, async (trx) => {
    const stored = await accounts.listAccounts(trx);
    await recordAuditEvent(trx, context, { action: 'account.read', object: { type: 'account', id: '*' }, result: 'success' });
    return stored.map(viewOf);
  });
}

export interface NewAccount {
  username: string;
  displayName?: string | undefined;
  role: Role;
  /** Null for an account that logs in only through the identity provider. */
  password: string | null;
  oidcSubject?: string | null | undefined;
  /** Where notifications go. */
  email?: string | null | undefined;
  /** A second factor also for a role that does not require one. */
  secondFactor?: boolean | undefined;
}

export interface CreatedAccount {
  account: AccountView;
  /** The TOTP secret, to hand to its owner once; it cannot be read back. */
  totpSecret: string | null;
}

/** Creates an account; roles that need a second factor always get a TOTP secret, stored sealed with the key. */
export async function createAccount(db: Db, context: RequestContext, input: NewAccount, totpKey: TotpSecretKey): Promise<CreatedAccount> {
  const violations: RuleViolation[] = [];
  if (!USERNAME_PATTERN.test(input.username)) violations.push({ field: 'username', code: 'invalidUsername' });
  // Taken by the system: the pages show records under this name as the system's.
  if (input.username === SYSTEM_ACTOR) violations.push({ field: 'username', code: 'usernameTaken' });
  violations.push(...textViolations('displayName', input.displayName ?? '', { maximum: 200, required: false, format: 'title' }));
  if (input.password === null && !input.oidcSubject) violations.push({ field: 'password', code: 'required' });
  if (input.email && !isEmailAddress(input.email)) violations.push({ field: 'email', code: 'invalidEmail' });
  const weakness = input.password === null ? null : passwordViolation(input.password, input.username);
  if (weakness) violations.push({ field: 'password', code: weakness });
  if (violations.length > 0) throw new ValidationError(violations);

  const totpSecret = SECOND_FACTOR_ROLES.has(input.role) || input.secondFactor ? newTotpSecret() : null;
  const passwordHash = input.password === null ? null : await hashPassword(input.password);
  return inTransaction(db, async (trx) => {
    const taken = [
      ...(await usernameTakenViolations(trx, input.username)),
      ...(input.oidcSubject ? await oidcSubjectTakenViolations(trx, input.oidcSubject) : []),
      ...(input.email ? await emailTakenViolations(trx, input.email, null) : []),
    ];
    if (taken.length > 0) throw new ValidationError(taken);
    const id = randomUUID();
    const stored = await refusingTakenEmail(accounts.insertAccount(trx, {
      id,
      username: input.username,
      displayName: input.displayName ?? '',
      role: input.role,
      passwordHash,
      totpSecret: totpSecret === null ? null : sealWithKey(totpKey, id, totpSecret),
      oidcSubject: input.oidcSubject ?? null,
      email: input.email ?? null,
    }));
    const account = viewOf(stored);
    await recordAuditEvent(trx, context, { action: 'account.create', object: { type: 'account', id: account.id }, result: 'success', after: account });
    return { account, totpSecret };
  });
}

/** Gives an account another role; its sessions end, so the new role applies from the next login. */
export async function changeRole(db: Db, context: RequestContext, id: string, role: Role): Promise<AccountView> {
  refuseOwnAccount(context, id, 'role');
  return inTransaction(db, async (trx) => {
    const current = await lockAccountOfAdministrators(trx, id);
    if (current.role === role) throw new ValidationError([{ field: 'role', code: 'sameRole' }]);
    await refuseLastAdministrator(trx, current, 'role');
    if (SECOND_FACTOR_ROLES.has(role) && current.totpSecret === null) {
      throw new ValidationError([{ field: 'role', code: 'roleNeedsSecondFactor' }]);
    }
    const changed = await accounts.updateAccount(trx, id, { role });
    await endSessionsOf(trx, id, context.now().toISOString());
    return audited(trx, context, 'account.changeRole', current, changed);
  });
}

/** Sets or clears where an account's notifications go. */
export async function changeEmail(db: Db, context: RequestContext, id: string, email: string | null): Promise<AccountView> {
  if (email !== null && !isEmailAddress(email)) throw new ValidationError([{ field: 'email', code: 'invalidEmail' }]);
  return inTransaction(db, async (trx) => {
    const current = await lockAccount(trx, id);
    if (email !== null) assertValid(await emailTakenViolations(trx, email, id));
    const changed = await refusingTakenEmail(accounts.updateAccount(trx, id, { email }));
    return audited(trx, context, 'account.changeEmail', current, changed);
  });
}

/** Disables an account: it can no longer log in, and its open sessions end at once. */
export async function disableAccount(db: Db, context: RequestContext, id: string): Promise<AccountView> {
  refuseOwnAccount(context, id, 'account');
  return inTransaction(db, async (trx) => {
    const current = await lockAccountOfAdministrators(trx, id);
    if (current.disabledAt !== null) throw new ValidationError([{ field: 'account', code: 'alreadyDisabled' }]);
    await refuseLastAdministrator(trx, current, 'account');
    const now = context.now().toISOString();
    const changed = await accounts.updateAccount(trx, id, { disabledAt: now });
    await endSessionsOf(trx, id, now);
    return audited(trx, context, 'account.disable', current, changed);
  });
}

/**
 * Sets a new password for another account that logs in with one (its holder forgot it, or it leaked). Its
 * sessions end, and as the administrator knows this password, the account is marked: its holder logs in
 * with it only to choose their own. The failed guesses at its username are forgotten, from every address:
 * a holder who locked themselves out logs in with it at once. An administrator changes their own password
 * with the current one.
 */
export async function resetPassword(db: Db, context: RequestContext, id: string, password: string): Promise<AccountView> {
  if (context.actor?.id === id) throw new ValidationError([{ field: 'account', code: 'ownPassword' }]);
  return inTransaction(db, async (trx) => {
    const current = await lockAccount(trx, id);
    if (current.disabledAt !== null) throw new ValidationError([{ field: 'account', code: 'passwordOfDisabledAccount' }]);
    // Its password is the identity provider's; one set here would be a second way in.
    if (current.passwordHash === null) throw new ValidationError([{ field: 'password', code: 'accountWithoutPassword' }]);
    const weakness = passwordViolation(password, current.username);
    if (weakness) throw new ValidationError([{ field: 'password', code: weakness }]);
    const changed = await accounts.updateAccount(trx, id, { passwordHash: await hashPassword(password), passwordChangeRequired: true });
    const sessionsEnded = await endSessionsOf(trx, id, context.now().toISOString());
    await forgetGuessesFromEverywhere(trx, current.username);
    const account = viewOf(changed);
    await recordAuditEvent(trx, context, {
      action: 'account.resetPassword',
      object: { type: 'account', id },
      result: 'success',
      before: viewOf(current),
      after: account,
      detail: { sessionsEnded },
    });
    return account;
  });
}

export interface NewSecondFactor {
  account: AccountView;
  /** The new TOTP secret, to hand to its owner once; it cannot be read back. */
  totpSecret: string;
}

/** Gives an enabled account a new TOTP secret (a lost phone): codes from the old one no longer log in, and its sessions end. */
export async function giveNewSecondFactor(db: Db, context: RequestContext, id: string, totpKey: TotpSecretKey): Promise<NewSecondFactor> {
  return inTransaction(db, async (trx) => {
    const current = await lockAccount(trx, id);
    if (current.disabledAt !== null) throw new ValidationError([{ field: 'account', code: 'accountDisabled' }]);
    return renewSecondFactor(trx, context, current, totpKey);
  });
}

/**
 * A new TOTP secret, sealed with the key, for an account locked in the transaction; its sessions end and
 * the change is recorded (`detail` says why, without the secret). A step of the old secret used last does
 * not hold back the new secret's codes.
 */
export async function renewSecondFactor(
  trx: Db,
  context: RequestContext,
  current: accounts.StoredAccount,
  totpKey: TotpSecretKey,
  detail?: Record<string, unknown>,
): Promise<NewSecondFactor> {
  const totpSecret = newTotpSecret();
  const changed = await accounts.updateAccount(trx, current.id, { totpSecret: sealWithKey(totpKey, current.id, totpSecret), totpLastStep: null });
  await endSessionsOf(trx, current.id, context.now().toISOString());
  const account = viewOf(changed);
  await recordAuditEvent(trx, context, {
    action: 'account.newSecondFactor',
    object: { type: 'account', id: current.id },
    result: 'success',
    before: viewOf(current),
    after: account,
    ...(detail ? { detail } : {}),
  });
  return { account, totpSecret };
}

/** An administrator cannot lock themselves out, nor raise or lower their own rights: another must do it. */
function refuseOwnAccount(context: RequestContext, id: string, field: string): void {
  if (context.actor?.id === id) throw new ValidationError([{ field, code: 'ownAccount' }]);
}

/**
 * Someone must be left who manages accounts: the change of an enabled administrator that would leave none
 * is refused (from the command line too). Two administrators who demote or disable each other at the same
 * moment would otherwise each see the other still there, and both succeed.
 */
async function refuseLastAdministrator(trx: Db, current: accounts.StoredAccount, field: string): Promise<void> {
  if (current.role !== 'administrator' || current.disabledAt !== null) return;
  if (!(await accounts.hasOtherEnabledAdministrator(trx, current.id))) throw new ValidationError([{ field, code: 'lastAdministrator' }]);
}

/** The account locked for a change of its role or state, after the changes of administrators before it. */
async function lockAccountOfAdministrators(db: Db, id: string) {
  await accounts.lockAdministrators(db);
  return lockAccount(db, id);
}

async function lockAccount(db: Db, id: string) {
  const account = await accounts.findAccountById(db, id, { forUpdate: true });
  if (!account) throw new NotFoundError('account', id);
  return account;
}

async function audited(db: Db, context: RequestContext, action: AuditAction, before: accounts.StoredAccount, after: accounts.StoredAccount) {
  const view = viewOf(after);
  await recordAuditEvent(db, context, { action, object: { type: 'account', id: after.id }, result: 'success', before: viewOf(before), after: view });
  return view;
}

/** A username another account has, or one that reads as another's ("k.jansen" and "k-jansen", "beheer1" and "beheerl"), refused naming that account. */
async function usernameTakenViolations(db: Db, username: string): Promise<RuleViolation[]> {
  await accounts.lockUsernames(db);
  const usernames = await accounts.listUsernames(db);
  if (usernames.includes(username)) return [{ field: 'username', code: 'usernameTaken' }];
  const reading = usernameReading(username);
  const lookalike = usernames.find((other) => usernameReading(other) === reading);
  return lookalike === undefined ? [] : [{ field: 'username', code: 'usernameLooksTaken', params: { username: lookalike } }];
}

/** The identity provider's subject of one person logs in to one account: another account's is refused, naming it. */
async function oidcSubjectTakenViolations(db: Db, subject: string): Promise<RuleViolation[]> {
  const other = await accounts.findAccountByOidcSubject(db, subject);
  return other === undefined ? [] : [{ field: 'oidcSubject', code: 'oidcSubjectTaken', params: { username: other.username } }];
}

/** An e-mail address names one person: another account's address, whatever its case, is refused, naming that account. */
async function emailTakenViolations(db: Db, email: string, exceptId: string | null): Promise<RuleViolation[]> {
  const username = await accounts.usernameWithEmail(db, email, exceptId);
  return username === undefined ? [] : [{ field: 'email', code: 'emailTaken', params: { username } }];
}

/** The write, with another account given the same address at the same moment (which passed the check too) refused as the check refuses it. */
async function refusingTakenEmail<T>(write: Promise<T>): Promise<T> {
  return write.catch((error: unknown) => {
    if (error instanceof UniqueViolationError && error.constraint === accounts.UNIQUE_EMAIL) throw new ValidationError([{ field: 'email', code: 'emailTaken' }]);
    throw error;
  });
}

function isEmailAddress(text: string): boolean {
  return text.length <= 254 && EMAIL_PATTERN.test(text);
}
