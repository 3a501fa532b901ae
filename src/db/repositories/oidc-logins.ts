import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

type Db = Kysely<Database>;

/** A login started at the identity provider and not finished yet. */
export interface PendingOidcLogin {
  state: string;
  codeVerifier: string;
  nonce: string;
  createdAt: string;
}

export async function insertOidcLogin(db: Db, login: PendingOidcLogin): Promise<void> {
  await db.insertInto('oidcLogin').values(login).execute();
}

/** Removes and returns the login of a state: of two callbacks with the same state, one gets it. */
export async function takeOidcLogin(db: Db, state: string): Promise<PendingOidcLogin | undefined> {
  return db.deleteFrom('oidcLogin').where('state', '=', state).returningAll().executeTakeFirst();
}

export async function deleteOidcLoginsStartedBefore(db: Db, before: string): Promise<void> {
  await db.deleteFrom('oidcLogin').where('createdAt', '<', before).execute();
}
