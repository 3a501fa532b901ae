import { isApiError, request } from './client.ts';
import type { Schema } from './contract.ts';

/** Who is logged in, what their role may do, and whether the session has the second factor confidential material needs. */
export type Session = Schema<'Session'>;
/** An action a role may be allowed, such as `delivery.write`. */
export type Action = Session['permissions'][number];
export type Credentials = Schema<'Credentials'>;
export type PasswordChange = Schema<'PasswordChange'>;
type PasswordChanged = Schema<'PasswordChanged'>;
type LoginMethods = Schema<'LoginMethods'>;

/** The identity provider's login, which comes back to the register with a session. */
export const OIDC_LOGIN_PATH = '/api/v1/session/oidc';

/** The session of this browser, or null when there is none. */
export async function getSession(): Promise<Session | null> {
  try {
    return (await request<Session>('/session')).data;
  } catch (error) {
    if (isApiError(error, 401)) return null;
    throw error;
  }
}

export async function logIn(credentials: Credentials): Promise<Session> {
  return (await request<Session>('/session', { method: 'POST', body: credentials })).data;
}

/** Changes the session's own password; the account's other sessions end. */
export async function changePassword(change: PasswordChange): Promise<PasswordChanged> {
  return (await request<PasswordChanged>('/session/password', { method: 'POST', body: change })).data;
}

export async function logOut(): Promise<void> {
  // The session is whatever this browser holds, so any version of it will do.
  await request<void>('/session', { method: 'DELETE', ifMatch: '*' });
}

/** How one can log in here; a server that does not say offers only the password. */
export async function getLoginMethods(signal?: AbortSignal): Promise<LoginMethods> {
  try {
    return (await request<LoginMethods>('/session/methods', { signal })).data;
  } catch (error) {
    if (isApiError(error, 404)) return { password: true, oidc: false };
    throw error;
  }
}
