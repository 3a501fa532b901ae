import { request } from './client.ts';
import { queryString } from './queryString.ts';

export interface AuditEvent {
  seq: number;
  occurredAt: string;
  /** Null when nobody was logged in (a failed login, a request without a session). */
  actor: { id: string | null; username: string; role: string | null } | null;
  action: string;
  object: { type: string; id: string } | null;
  result: 'success' | 'denied' | 'failure';
  origin: string | null;
  requestId: string | null;
  before: unknown;
  after: unknown;
  detail: unknown;
  hash: string;
  prevHash: string;
}

export interface AuditQuery {
  objectType?: string;
  objectId?: string;
  actor?: string;
  action?: string;
  /** Moments, ISO 8601 with offset. */
  from?: string;
  until?: string;
  /** Events before this sequence number: the next, older page. */
  before?: number;
  limit?: number;
}

export interface AuditPage {
  items: AuditEvent[];
  /** Where the next, older page starts; null on the last page. */
  nextBefore: number | null;
}

export function listAuditEvents(query: AuditQuery, signal?: AbortSignal) {
  return request<AuditPage>(`/audit-events${queryString({ ...query })}`, { signal });
}
