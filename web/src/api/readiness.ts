import { request } from './client.ts';
import type { RequestBody, ResponseBody, Schema } from './contract.ts';

type ReadinessOverview = Schema<'ReadinessOverview'>;
export type DeliveryReadiness = ReadinessOverview['deliveries'][number];
export type JudgementInput = RequestBody<'/deliveries/{id}/readiness-judgements', 'post'>;

export function getReadiness(signal?: AbortSignal) {
  return request<ResponseBody<'/readiness', 'get'>>('/readiness', { signal });
}

/** The key makes a retry of the same judgement record nothing twice. */
export function judgeReadiness(deliveryId: string, input: JudgementInput, idempotencyKey: string) {
  return request<Schema<'ReadinessJudgement'>>(`/deliveries/${encodeURIComponent(deliveryId)}/readiness-judgements`, {
    method: 'POST',
    body: input,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}
