import { request } from './client.ts';
import { queryString } from './queryString.ts';
import type { BudgetDecisionInput, BudgetFigures, BudgetList, BudgetShiftInput, CommitmentInput, CommitmentStageInput } from './types.ts';

export function listBudget(signal?: AbortSignal) {
  return request<BudgetList>('/budget', { signal });
}

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

export function addCommitmentStage(commitmentId: string, input: CommitmentStageInput) {
  return request(`/budget/commitments/${encodeURIComponent(commitmentId)}/stages`, { method: 'POST', body: input });
}
