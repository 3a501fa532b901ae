import { request } from './client.ts';
import { queryString } from './queryString.ts';
import type { QueryParameters } from './contract.ts';
import type { BudgetDecisionInput, BudgetFigures, BudgetList, BudgetShiftInput, Commitment, CommitmentInput, CommitmentList, CommitmentStageInput } from './types.ts';

/** The budget decisions and the shifts between years. */
export function listBudget(signal?: AbortSignal) {
  return request<BudgetList>('/budget', { signal });
}

/** A page of the commitments, by title, those whose title or contract reference contains `q`, of the `year` and `fund` when given. */
export function getCommitments(query: QueryParameters<'/budget/commitments', 'get'>, signal?: AbortSignal) {
  return request<CommitmentList>(`/budget/commitments${queryString(query)}`, { signal });
}

export function getCommitment(id: string, signal?: AbortSignal) {
  return request<Commitment>(`/budget/commitments/${encodeURIComponent(id)}`, { signal });
}

/** The budget figures of all funds together as known at the date: without a fund, what was realised is known. */
export function getBudgetFigures(knownAt: string, signal?: AbortSignal) {
  return request<BudgetFigures>(`/budget/figures${queryString({ knownAt })}`, { signal });
}

export function createBudgetDecision(input: BudgetDecisionInput) {
  return request('/budget/decisions', { method: 'POST', body: input });
}

export function createBudgetShift(input: BudgetShiftInput) {
  return request('/budget/shifts', { method: 'POST', body: input });
}

export function createCommitment(input: CommitmentInput) {
  return request('/budget/commitments', { method: 'POST', body: input });
}

/** A stage on the version of the commitment's stages in `ifMatch` (its ETag). */
export function addCommitmentStage(commitmentId: string, input: CommitmentStageInput, ifMatch: string) {
  return request(`/budget/commitments/${encodeURIComponent(commitmentId)}/stages`, { method: 'POST', body: input, ifMatch });
}
