import { request } from './client.ts';
import type { RequestBody, ResponseBody, Schema } from './contract.ts';

type ReadinessOverview = Schema<'ReadinessOverview'>;
export type DeliveryReadiness = ReadinessOverview['deliveries'][number];
export type JudgementInput = RequestBody<'/deliveries/{id}/readiness-judgements', 'post'>;

export function getReadiness(signal?: AbortSignal) {
  return request<ResponseBody<'/readiness', 'get'>>('/readiness', { signal });
}

export type ReplenishmentSummary = Schema<'ReplenishmentSummary'>;

export function getReplenishmentSummary(signal?: AbortSignal) {
  return request<ReplenishmentSummary>('/readiness/replenishment', { signal });
}

/** The key makes a retry of the same judgement record nothing twice. */
export function judgeReadiness(deliveryId: string, input: JudgementInput, idempotencyKey: string) {
  return request<Schema<'ReadinessJudgement'>>(`/deliveries/${encodeURIComponent(deliveryId)}/readiness-judgements`, {
    method: 'POST',
    body: input,
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
  return request<ReplenishmentProject>(`/replenishment-projects/${encodeURIComponent(project.id)}`, { method: 'PUT', body: input, ifMatch: `"${project.version}"` });
}

/** A decision not to replace, with the revaluation it makes when the basis of the delivery's value changes. */
export function decideNotToReplace(deliveryId: string, input: RequestBody<'/deliveries/{id}/non-replacement-decisions', 'post'>, idempotencyKey: string) {
  return request<Schema<'NonReplacement'>>(`/deliveries/${encodeURIComponent(deliveryId)}/non-replacement-decisions`, {
    method: 'POST',
    body: input,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}
