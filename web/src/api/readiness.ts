import type { IsoDate } from '../../../common/dates.ts';
import { request, versionTag } from './client.ts';
import type { QueryParameters, RequestBody, Schema } from './contract.ts';
import { queryString } from './queryString.ts';

export type ReadinessOverview = Schema<'ReadinessOverview'>;
export type StockDeliveryList = Schema<'StockDeliveryReadinessList'>;
export type DeliveryReadiness = Schema<'DeliveryReadiness'>;
export type JudgementInput = RequestBody<'/deliveries/{id}/readiness-judgements', 'post'>;

/** The replenishment projects and the decisions not to replace as they stood at the date. */
export function getReadiness(date: IsoDate, signal?: AbortSignal) {
  return request<ReadinessOverview>(`/readiness${queryString({ date })}`, { signal });
}

/** A page of the stock deliveries at the date, by title, those whose title contains `q` and whose judgement then has the `effect` when given. */
export function getStockDeliveries(query: QueryParameters<'/readiness/deliveries', 'get'>, signal?: AbortSignal) {
  return request<StockDeliveryList>(`/readiness/deliveries${queryString(query)}`, { signal });
}

export function getDeliveryReadiness(id: string, signal?: AbortSignal) {
  return request<DeliveryReadiness>(`/readiness/deliveries/${encodeURIComponent(id)}`, { signal });
}

export type ReplenishmentSummary = Schema<'ReplenishmentSummary'>;

/** What the stock deliveries added up to at the date and what projects replaced of them then, with the largest deliveries. */
export function getReplenishmentSummary(date: IsoDate, signal?: AbortSignal) {
  return request<ReplenishmentSummary>(`/readiness/replenishment${queryString({ date })}`, { signal });
}

/** The key makes a retry of the same judgement record nothing twice; `ifMatch` is the version of the delivery's readiness. */
export function judgeReadiness(deliveryId: string, input: JudgementInput, idempotencyKey: string, ifMatch: string) {
  return request<Schema<'ReadinessJudgement'>>(`/deliveries/${encodeURIComponent(deliveryId)}/readiness-judgements`, {
    method: 'POST',
    body: input,
    ifMatch,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

export type ReplenishmentProject = Schema<'ReplenishmentProject'>;
export type ProjectInput = RequestBody<'/replenishment-projects', 'post'>;

export function createProject(input: ProjectInput, idempotencyKey: string) {
  return request<ReplenishmentProject>('/replenishment-projects', { method: 'POST', body: input, headers: { 'Idempotency-Key': idempotencyKey } });
}

/** A project's new stage (or any other change), against the version the user saw. */
export function updateProject(project: ReplenishmentProject, input: ProjectInput) {
  return request<ReplenishmentProject>(`/replenishment-projects/${encodeURIComponent(project.id)}`, { method: 'PUT', body: input, ifMatch: versionTag(project.version) });
}

export type NonReplacementInput = RequestBody<'/deliveries/{id}/non-replacement-decisions', 'post'>;

/** A decision not to replace, with the revaluation it makes when the basis of the delivery's value changes. */
export function decideNotToReplace(deliveryId: string, input: NonReplacementInput, idempotencyKey: string, ifMatch: string) {
  return request<Schema<'NonReplacement'>>(`/deliveries/${encodeURIComponent(deliveryId)}/non-replacement-decisions`, {
    method: 'POST',
    body: input,
    ifMatch,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}
