import { request, type ApiResponse } from './client.ts';
import { queryString } from './queryString.ts';
import type { DeliveryDetail, DeliveryList, DeliveryRegistration, DeliveryRemovalQuery, DeliveryReplacement, Payment, PaymentInput, Valuation, ValuationInput, Withdrawal, WithdrawalInput } from './types.ts';

export function listDeliveries(query: Record<string, string | number | undefined>, signal?: AbortSignal) {
  return request<DeliveryList>(`/deliveries${queryString(query)}`, { signal });
}

export function getDelivery(id: string, signal?: AbortSignal): Promise<ApiResponse<DeliveryDetail>> {
  return request<DeliveryDetail>(`/deliveries/${encodeURIComponent(id)}`, { signal });
}

export function createDelivery(input: DeliveryRegistration) {
  return request<DeliveryDetail>('/deliveries', { method: 'POST', body: input });
}

export function replaceDelivery(id: string, input: DeliveryReplacement, etag: string) {
  return request<DeliveryDetail>(`/deliveries/${encodeURIComponent(id)}`, { method: 'PUT', body: input, ifMatch: etag });
}

/** Removes a delivery, with the warning confirmed in the query where there is one (a removal takes no body). */
export function deleteDelivery(id: string, etag: string, query: DeliveryRemovalQuery = {}) {
  return request<void>(`/deliveries/${encodeURIComponent(id)}${queryString(query)}`, { method: 'DELETE', ifMatch: etag });
}

/** A valuation or payment is added on the delivery's version in `ifMatch` (its ETag), which it raises. */
export function addValuation(id: string, input: ValuationInput, ifMatch: string) {
  return request<Valuation>(`/deliveries/${encodeURIComponent(id)}/valuations`, { method: 'POST', body: input, ifMatch });
}

export function addPayment(id: string, input: PaymentInput, ifMatch: string) {
  return request<Payment>(`/deliveries/${encodeURIComponent(id)}/payments`, { method: 'POST', body: input, ifMatch });
}

/** Withdraws a payment or valuation entered in error, on the delivery's version in `ifMatch` (its ETag), which it raises. */
export function withdrawEntry(kind: 'payments' | 'valuations', id: string, input: WithdrawalInput, ifMatch: string) {
  return request<Withdrawal>(`/${kind}/${encodeURIComponent(id)}/withdrawal`, { method: 'POST', body: input, ifMatch });
}
