import type { Kysely } from 'kysely';
import type { AuditReason } from '../audit/reasons.ts';
import { recordAuditEvent, type RequestContext } from '../audit/trail.ts';
import type { RuleViolation } from '../domain/delivery.ts';
import * as accounts from '../db/repositories/accounts.ts';
import { endSessionsOf } from '../db/repositories/sessions.ts';
import type { Database } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { NotFoundError, ValidationError } from '../register/errors.ts';
import { viewOf } from './accounts.ts';
import { claimGuess, forgetGuesses } from './password-guesses.ts';
import { hashPassword, isSamePassword, passwordMatches, passwordViolation } from './passwords.ts';
import type { Principal } from './sessions.ts';

type Db = Kysely<Database>;

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
}

/**
 * Changes the password of the session's own account. The current password is asked for, and a wrong one is a
 * failed guess as a failed login is (counted before it is checked, and slowed down alike): a session left open
 * does not let someone find the password out. The new one follows the rules of every new password and differs
 * from the current one. Every other session of the account ends, the one it was changed in stays; the change
 * is recorded without either password. Returns how many sessions ended.
 */
export async function changeOwnPassword(db: Db, context: RequestContext, principal: Principal, change: PasswordChange): Promise<{ otherSessionsEnded: number }> {
  const account = await accounts.findAccountById(db, principal.accountId);
  if (!account) throw new NotFoundError('account', principal.accountId);
  // Its password is the identity provider's, and changed there.
  if (account.passwordHash === null) throw new ValidationError([{ field: 'currentPassword', code: 'accountWithoutPassword' }]);
  const object = { type: 'account', id: account.id } as const;
  await claimGuess(db, context, { username: account.username, action: 'account.changePassword', object });

  const currentIsRight = await passwordMatches(account.passwordHash, change.currentPassword);
  if (!currentIsRight) {
    // The guess stays counted.
    await recordAuditEvent(db, context, { action: 'account.changePassword', object, result: 'failure', detail: { reason: 'wrongPassword' satisfies AuditReason } });
    throw new ValidationError([{ field: 'currentPassword', code: 'wrongPassword' }, ...newPasswordViolations(change, account.username, false)]);
  }
  await forgetGuesses(db, context, account.username);
  const violations = newPasswordViolations(change, account.username, true);
  if (violations.length > 0) throw new ValidationError(violations);

  const passwordHash = await hashPassword(change.newPassword);
  return inTransaction(db, async (trx) => {
    const current = await accounts.findAccountById(trx, account.id, { forUpdate: true });
    if (!current) throw new NotFoundError('account', account.id);
    // Changed since it was checked (in another session, or by an administrator): what was given is no longer the current password.
    if (current.passwordHash !== account.passwordHash) throw new ValidationError([{ field: 'currentPassword', code: 'wrongPassword' }]);
    const changed = await accounts.updateAccount(trx, account.id, { passwordHash, passwordChangeRequired: false });
    const otherSessionsEnded = await endSessionsOf(trx, account.id, context.now().toISOString(), { except: principal.tokenHash });
    await recordAuditEvent(trx, context, {
      action: 'account.changePassword',
      object,
      result: 'success',
      before: viewOf(current),
      after: viewOf(changed),
      detail: { sessionsEnded: otherSessionsEnded },
    });
    return { otherSessionsEnded };
  });
}

/** What is wrong with the new password: the rules of every new password, and, where the current one was right, that it is that one. */
function newPasswordViolations(change: PasswordChange, username: string, currentIsRight: boolean): RuleViolation[] {
  const weakness = passwordViolation(change.newPassword, username);
  if (weakness) return [{ field: 'newPassword', code: weakness }];
  return currentIsRight && isSamePassword(change.newPassword, change.currentPassword) ? [{ field: 'newPassword', code: 'passwordUnchanged' }] : [];
}
