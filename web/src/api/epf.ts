import { request } from './client.ts';
import type { RequestBody, ResponseBody, Schema } from './contract.ts';
import { queryString } from './queryString.ts';

export type EpfOverview = Schema<'EpfOverview'>;
export type EpfClaimList = Schema<'EpfClaimList'>;
export type EpfClaimDetail = Schema<'EpfClaimDetail'>;
export type EpfClaimInput = RequestBody<'/epf/claims', 'post'>;
export type EpfTranche = Schema<'EpfTranche'>;
type HistoryInputs = {
  assessments: RequestBody<'/epf/claims/{id}/assessments', 'post'>;
  receipts: RequestBody<'/epf/claims/{id}/receipts', 'post'>;
  blockages: RequestBody<'/epf/claims/{id}/blockages', 'post'>;
};

export function getEpfOverview(date: string, signal?: AbortSignal) {
  return request<ResponseBody<'/epf/overview', 'get'>>(`/epf/overview${queryString({ date })}`, { signal });
}

/** A page of the claims at a date: the first, or the one after or before a cursor of another page. */
export function getEpfClaims(query: { date: string; after?: string | undefined; before?: string | undefined }, signal?: AbortSignal) {
  return request<EpfClaimList>(`/epf/claims${queryString(query)}`, { signal });
}

export function getEpfClaim(id: string, signal?: AbortSignal) {
  return request<EpfClaimDetail>(`/epf/claims/${encodeURIComponent(id)}`, { signal });
}

export function getEpfTranches(signal?: AbortSignal) {
  return request<Schema<'EpfTrancheList'>>('/epf/tranches', { signal });
}

/** The key makes a retry of the same tranche record nothing twice. */
export function createEpfTranche(input: RequestBody<'/epf/tranches', 'post'>, idempotencyKey: string) {
  return request<Schema<'EpfTranche'>>('/epf/tranches', { method: 'POST', body: input, headers: { 'Idempotency-Key': idempotencyKey } });
}

export function createEpfClaim(input: EpfClaimInput) {
  return request<EpfClaimDetail>('/epf/claims', { method: 'POST', body: input });
}

/** Adds an assessment, money received, or a blockage to a claim's history, at the version in `ifMatch`. */
export function addToEpfClaim<K extends keyof HistoryInputs>(id: string, kind: K, input: HistoryInputs[K], ifMatch: string) {
  return request<EpfClaimDetail>(`/epf/claims/${encodeURIComponent(id)}/${kind}`, { method: 'POST', body: input, ifMatch });
}
