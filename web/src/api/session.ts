import type { Action, Role } from '../../../src/domain/access.ts';
import { isApiError, request } from './client.ts';

export interface Session {
  username: string;
  displayName: string;
  role: Role;
  permissions: Action[];
  /** The session was opened with the second factor, which confidential material needs. */
  secondFactor: boolean;
  expiresAt: string;
}

export interface Credentials {
  username: string;
  password: string;
  totp?: string;
}

export interface LoginMethods {
  password: boolean;
  oidc: boolean;
}

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
