import { request } from './client.ts';
import type { QueryParameters, ResponseBody, Schema } from './contract.ts';
import { queryString } from './queryString.ts';

export type AuditEvent = Schema<'AuditEvent'>;
/** Filters by object, actor, action and time (moments in ISO 8601 with offset); `before` asks for the next, older page. */
export type AuditQuery = QueryParameters<'/audit-events', 'get'>;
/** A page of events, newest first; `nextBefore` says where the next, older page starts (null on the last). */
export type AuditPage = ResponseBody<'/audit-events', 'get'>;

export function listAuditEvents(query: AuditQuery, signal?: AbortSignal) {
  return request<AuditPage>(`/audit-events${queryString({ ...query })}`, { signal });
}
