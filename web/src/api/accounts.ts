import type { AccountView } from '../../../src/auth/accounts.ts';
import type { Role } from '../../../src/domain/access.ts';
import { request } from './client.ts';

/** An account as the API presents it. */
export type Account = AccountView;

export interface NewAccount {
  username: string;
  displayName?: string;
  role: Role;
  /** Null for an account that logs in only through the identity provider. */
  password: string | null;
  oidcSubject?: string | null;
  secondFactor?: boolean;
}

export interface CreatedAccount {
  account: Account;
  /** Shown once: the API never returns it again. */
  totpSecret: string | null;
  totpUri: string | null;
}

const path = (id: string) => `/accounts/${encodeURIComponent(id)}`;

export function listAccounts(signal?: AbortSignal) {
  return request<{ items: Account[] }>('/accounts', { signal });
}

/** The key makes a retry of the same creation (a double click, a lost answer) create nothing new. */
export function createAccount(input: NewAccount, idempotencyKey: string) {
  return request<CreatedAccount>('/accounts', { method: 'POST', body: input, headers: { 'Idempotency-Key': idempotencyKey } });
}

export function changeRole(id: string, role: Role) {
  return request<Account>(`${path(id)}/role`, { method: 'POST', body: { role } });
}

export function disableAccount(id: string) {
  return request<Account>(`${path(id)}/disable`, { method: 'POST' });
}
