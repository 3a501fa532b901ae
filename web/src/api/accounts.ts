import { request } from './client.ts';
import type { ResponseBody, Schema } from './contract.ts';

/** An account as the API presents it. */
export type Account = Schema<'Account'>;
export type Role = Account['role'];
/** Its password is null for an account that logs in only through the identity provider. */
export type NewAccount = Schema<'NewAccount'>;
/** Holds the second factor's secret, shown once: the API never returns it again. */
export type CreatedAccount = Schema<'CreatedAccount'>;

const path = (id: string) => `/accounts/${encodeURIComponent(id)}`;

export function listAccounts(signal?: AbortSignal) {
  return request<ResponseBody<'/accounts', 'get'>>('/accounts', { signal });
}

/** The key makes a retry of the same creation (a double click, a lost answer) create nothing new. */
export function createAccount(input: NewAccount, idempotencyKey: string) {
  return request<CreatedAccount>('/accounts', { method: 'POST', body: input, headers: { 'Idempotency-Key': idempotencyKey } });
}

export function changeRole(id: string, role: Role) {
  return request<Account>(`${path(id)}/role`, { method: 'POST', body: { role } });
}

/** A new password for another account: its sessions end, and its holder changes it at the next login. */
export function resetPassword(id: string, password: string) {
  return request<Account>(`${path(id)}/password`, { method: 'POST', body: { password } });
}

export function disableAccount(id: string) {
  return request<Account>(`${path(id)}/disable`, { method: 'POST' });
}
