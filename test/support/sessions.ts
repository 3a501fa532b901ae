import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { openSession } from '../../src/auth/sessions.ts';
import { systemContext } from '../../src/audit/trail.ts';
import { SESSION_COOKIE } from '../../src/api/access.ts';
import type { Role } from '../../src/domain/access.ts';
import { insertAccount } from '../../src/db/repositories/accounts.ts';
import type { Database } from '../../src/db/schema.ts';

/**
 * A Cookie header of a fresh session for a new account with the role, made directly in the database
 * (tests of what a role may do need not go through the login, which has tests of its own).
 */
export async function sessionCookieFor(
  db: Kysely<Database>,
  role: Role,
  options: { secondFactor?: boolean; now?: Date } = {},
): Promise<string> {
  return (await sessionFor(db, role, options)).cookie;
}

/** The same, with the username of the new account (to find its events in the audit trail). */
export async function sessionFor(
  db: Kysely<Database>,
  role: Role,
  options: { secondFactor?: boolean; now?: Date } = {},
): Promise<{ username: string; cookie: string }> {
  const account = await insertAccount(db, {
    id: randomUUID(),
    username: `${role.toLowerCase()}-${randomUUID().slice(0, 8)}`,
    displayName: `Test ${role}`,
    role,
    passwordHash: null,
    totpSecret: null,
    oidcSubject: null,
  });
  const { token } = await openSession(db, account, options.secondFactor ?? true, options.now ?? new Date(), systemContext('test'));
  return { username: account.username, cookie: `${SESSION_COOKIE}=${token}` };
}
