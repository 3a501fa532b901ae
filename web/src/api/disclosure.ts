import type { IsoDate } from '../../../common/dates.ts';
import { request } from './client.ts';
import type { RequestBody, ResponseBody, Schema } from './contract.ts';
import { queryString } from './queryString.ts';

/** The undecided deliveries, how many of them the letter still needs, the confidential ones due for review, the public ones to decide on again, and the companies corrected since their decision. */
type DisclosureQueue = Schema<'DisclosureQueue'>;

/** A confidential delivery whose review date has come. */
export type DueReview = DisclosureQueue['dueForReview'][number];

/** A public delivery whose item another delivery left, to decide on again. */
export type ToDecideAgain = DisclosureQueue['toDecideAgain'][number];

/** Where a page of the deliveries to decide on again stands in their list. */
export type ToDecideAgainPage = DisclosureQueue['toDecideAgainPage'];

/** A company corrected since the disclosure officer decided on it, to decide on again. */
export type CorrectedCompany = DisclosureQueue['correctedCompanies'][number];

export type DisclosureDecision = Schema<'DisclosureDecision'>;

/** One decision for one delivery or a selection: all of them or none. */
export type DecisionRequest = RequestBody<'/disclosure-decisions', 'post'>;

/** The queue at a reference date: the undecided from `after` or `before`, those due for review from `reviewsAfter` or `reviewsBefore`. */
export function getDisclosureQueue(query: { referenceDate: IsoDate } & Record<string, string | undefined>, signal?: AbortSignal) {
  return request<DisclosureQueue>(`/disclosure-queue${queryString({ ...query })}`, { signal });
}

export function listDisclosureDecisions(deliveryId: string, signal?: AbortSignal) {
  return request<ResponseBody<'/deliveries/{id}/disclosure-decisions', 'get'>>(
    `/deliveries/${encodeURIComponent(deliveryId)}/disclosure-decisions`,
    { signal },
  );
}

/**
 * The key makes a retry of the same decision (a double click, a lost answer) decide nothing twice. A decision on
 * one delivery may name the version of its decisions it was taken on (`ifMatch`); one on several cannot.
 */
export function decideDisclosure(input: DecisionRequest, idempotencyKey: string, ifMatch?: string) {
  return request<ResponseBody<'/disclosure-decisions', 'post'>>('/disclosure-decisions', {
    method: 'POST',
    body: input,
    ifMatch,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}
