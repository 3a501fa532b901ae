import { sql, type Kysely, type Selectable } from 'kysely';
import { roleOf, type Role } from '../../domain/access.ts';
import type { AccountTable, Database } from '../schema.ts';
import { lockUntilCommit } from '../transaction.ts';

type Db = Kysely<Database>;

export type StoredAccount = Selectable<AccountTable>;

export async function insertAccount(
  db: Db,
  account: Omit<StoredAccount, 'createdAt' | 'totpLastStep' | 'disabledAt' | 'email' | 'passwordChangeRequired'> & { email?: string | null },
): Promise<StoredAccount> {
  return db.insertInto('account').values(account).returningAll().executeTakeFirstOrThrow();
}

export async function findAccountByUsername(db: Db, username: string): Promise<StoredAccount | undefined> {
  return db.selectFrom('account').selectAll().where('username', '=', username).executeTakeFirst();
}

/** The role of each account among the names, by its username; a name no account has (the system's) is not in it. */
export async function rolesByUsername(db: Db, usernames: readonly string[]): Promise<Map<string, Role>> {
  if (usernames.length === 0) return new Map();
  const rows = await db.selectFrom('account').select(['username', 'role']).where('username', '=', sql<string>`any(${[...usernames]}::text[])`).execute();
  return new Map(rows.map((row) => [row.username, roleOf(row.role)]));
}

export async function findAccountById(db: Db, id: string, options: { forUpdate?: boolean } = {}): Promise<StoredAccount | undefined> {
  const query = db.selectFrom('account').selectAll().where('id', '=', id);
  return (options.forUpdate ? query.forUpdate() : query).executeTakeFirst();
}

/** The index that keeps an e-mail address to one account, whatever its case (migration 051). */
export const UNIQUE_EMAIL = 'account_email_folded';

/** The username of another account than `exceptId` with this e-mail address, compared as the index compares it. */
export async function usernameWithEmail(db: Db, email: string, exceptId: string | null): Promise<string | undefined> {
  let query = db.selectFrom('account').select('username').where(sql`lower(email)`, '=', sql`lower(${email})`);
  if (exceptId !== null) query = query.where('id', '<>', exceptId);
  return (await query.executeTakeFirst())?.username;
}

export async function findAccountByOidcSubject(db: Db, subject: string): Promise<StoredAccount | undefined> {
  return db.selectFrom('account').selectAll().where('oidcSubject', '=', subject).executeTakeFirst();
}

export async function listAccounts(db: Db): Promise<StoredAccount[]> {
  return db.selectFrom('account').selectAll().orderBy('username').execute();
}

/** The e-mail addresses of the enabled accounts in a role that have one. */
export async function emailsOfRole(db: Db, role: string): Promise<string[]> {
  const rows = await db.selectFrom('account').select('email').where('role', '=', role).where('disabledAt', 'is', null).where('email', 'is not', null).execute();
  return rows.flatMap(({ email }) => (email === null ? [] : [email]));
}

/** Makes changes of who may manage accounts wait for each other until the transaction ends. */
export async function lockAdministrators(db: Db): Promise<void> {
  await lockUntilCommit(db, 'account administrators');
}

/** Makes new accounts wait for each other until the transaction ends: a username is compared with every other by how it reads. */
export async function lockUsernames(db: Db): Promise<void> {
  await lockUntilCommit(db, 'account usernames');
}

export async function listUsernames(db: Db): Promise<string[]> {
  return (await db.selectFrom('account').select('username').execute()).map((row) => row.username);
}

/** Whether an enabled administrator other than the account exists. */
export async function hasOtherEnabledAdministrator(db: Db, exceptId: string): Promise<boolean> {
  const row = await db
    .selectFrom('account')
    .select('id')
    .where('role', '=', 'administrator')
    .where('disabledAt', 'is', null)
    .where('id', '<>', exceptId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function countAccounts(db: Db): Promise<number> {
  const { count } = await db.selectFrom('account').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  return Number(count);
}

export async function updateAccount(
  db: Db,
  id: string,
  change: Partial<Pick<StoredAccount, 'role' | 'disabledAt' | 'passwordHash' | 'passwordChangeRequired' | 'totpSecret' | 'totpLastStep' | 'displayName' | 'oidcSubject' | 'email'>>,
): Promise<StoredAccount> {
  return db.updateTable('account').set(change).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/**
 * Marks a TOTP time step as used, only when it is later than the last one used: a code is accepted
 * once, also when two logins race with it.
 */
export async function claimTotpStep(db: Db, id: string, step: number): Promise<boolean> {
  const result = await db
    .updateTable('account')
    .set({ totpLastStep: step })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('totpLastStep', 'is', null), eb('totpLastStep', '<', step)]))
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Accounts whose TOTP secret is not sealed (does not start with the prefix sealed ones have). */
export async function accountsWithPlainTotpSecret(db: Db, sealedPrefix: string): Promise<{ id: string; totpSecret: string }[]> {
  const rows = await db
    .selectFrom('account')
    .select(['id', 'totpSecret'])
    .where('totpSecret', 'is not', null)
    .where('totpSecret', 'not like', `${sealedPrefix}%`)
    .execute();
  return rows.map((row) => ({ id: row.id, totpSecret: row.totpSecret! }));
}

function withSealedTotpSecret(db: Db, sealedPrefix: string) {
  return db.selectFrom('account').where('totpSecret', 'like', `${sealedPrefix}%`);
}

/** How many accounts have a sealed TOTP secret (one that starts with the prefix sealed ones have). */
export async function countAccountsWithSealedTotpSecret(db: Db, sealedPrefix: string): Promise<number> {
  const row = await withSealedTotpSecret(db, sealedPrefix)
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The accounts with a sealed TOTP secret, locked for a change, by username. */
export async function lockAccountsWithSealedTotpSecret(db: Db, sealedPrefix: string): Promise<StoredAccount[]> {
  return withSealedTotpSecret(db, sealedPrefix).selectAll().orderBy('username').forUpdate().execute();
}
