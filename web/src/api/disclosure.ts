import type { IsoDate } from '../../../src/domain/dates.ts';
import type { Category } from '../../../src/domain/delivery.ts';
import type { ConfidentialityGround } from '../../../src/domain/disclosure.ts';
import { request } from './client.ts';
import { queryString } from './queryString.ts';
import type { DeliverySummary } from './types.ts';

export interface DisclosureQueue {
  referenceDate: IsoDate;
  /** Undecided deliveries realised on or before the reference date: what the letter still needs. */
  neededForLetter: number;
  undecided: { items: DeliverySummary[]; total: number; page: number; pageSize: number };
  dueForReview: DueReview[];
}

/** A confidential delivery whose review date has come. */
export interface DueReview {
  deliveryId: string;
  title: string;
  ground: ConfidentialityGround | null;
  reviewOn: IsoDate;
  decidedAt: string;
}

export interface DisclosureDecision {
  id: string;
  deliveryId: string;
  state: 'public' | 'confidential';
  publicTitle: string | null;
  publicDetail: string | null;
  publicCategory: Category | null;
  publicQuantity: string | null;
  ground: ConfidentialityGround | null;
  reviewOn: IsoDate | null;
  note: string;
  decidedByName: string;
  decidedAt: string;
}

/** One decision for one delivery or a selection: all of them or none. */
export type DecisionRequest = { deliveryIds: string[]; note?: string } & (
  | { state: 'public'; publicTitle: string; publicDetail?: string; publicCategory: Category; publicQuantity?: string | null }
  | { state: 'confidential'; ground: ConfidentialityGround; reviewOn?: IsoDate | null }
);

export function getDisclosureQueue(query: { referenceDate: IsoDate; page: number }, signal?: AbortSignal) {
  return request<DisclosureQueue>(`/disclosure-queue${queryString({ ...query })}`, { signal });
}

export function listDisclosureDecisions(deliveryId: string, signal?: AbortSignal) {
  return request<{ items: DisclosureDecision[] }>(`/deliveries/${encodeURIComponent(deliveryId)}/disclosure-decisions`, { signal });
}

/** The key makes a retry of the same decision (a double click, a lost answer) decide nothing twice. */
export function decideDisclosure(input: DecisionRequest, idempotencyKey: string) {
  return request<{ items: DisclosureDecision[] }>('/disclosure-decisions', {
    method: 'POST',
    body: input,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}
