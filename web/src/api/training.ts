import { request } from './client.ts';
import type { RequestBody, ResponseBody, Schema } from './contract.ts';

export type TrainingProgramme = Schema<'TrainingProgramme'>;
export type Contribution = Schema<'TrainingContribution'>;
export type ContributionInput = RequestBody<'/training-programmes/{id}/contributions', 'post'>;
type ProgrammeInput = RequestBody<'/training-programmes', 'post'>;

export function listProgrammes(signal?: AbortSignal) {
  return request<ResponseBody<'/training-programmes', 'get'>>('/training-programmes', { signal });
}

/** The key makes a retry of the same programme record nothing twice. */
export function createProgramme(input: ProgrammeInput, idempotencyKey: string) {
  return request<TrainingProgramme>('/training-programmes', { method: 'POST', body: input, headers: { 'Idempotency-Key': idempotencyKey } });
}

/** The key makes a retry of the same count (a double click, a lost answer) record nothing twice. */
export function addContribution(programmeId: string, input: ContributionInput, idempotencyKey: string) {
  return request<Contribution>(`/training-programmes/${encodeURIComponent(programmeId)}/contributions`, {
    method: 'POST',
    body: input,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}
