import type { IsoDate } from '../../../common/dates.ts';
import { request, type ApiResponse } from './client.ts';
import type { RequestBody, ResponseBody, Schema } from './contract.ts';
import { queryString } from './queryString.ts';

export type TrainingProgramme = Schema<'TrainingProgramme'>;
export type TrainingProgrammeAt = Schema<'TrainingProgrammeAt'>;
export type TrainingCount = NonNullable<Schema<'TrainingCount'>>;
export type Contribution = Schema<'TrainingContribution'>;
export type ContributionInput = RequestBody<'/training-programmes/{id}/contributions', 'post'>;
type ProgrammeInput = RequestBody<'/training-programmes', 'post'>;

/** The programmes as they stood at the date, each count as a letter at that date takes it. */
export function listProgrammes(date: IsoDate, signal?: AbortSignal) {
  return request<ResponseBody<'/training-programmes', 'get'>>(`/training-programmes${queryString({ date })}`, { signal });
}

/** One programme, with the ETag of its version: what a change sends back. */
export function getProgramme(id: string, signal?: AbortSignal): Promise<ApiResponse<TrainingProgramme>> {
  return request<TrainingProgramme>(`/training-programmes/${encodeURIComponent(id)}`, { signal });
}

/** The key makes a retry of the same programme record nothing twice. */
export function createProgramme(input: ProgrammeInput, idempotencyKey: string) {
  return request<TrainingProgramme>('/training-programmes', { method: 'POST', body: input, headers: { 'Idempotency-Key': idempotencyKey } });
}

/** The programme's new state, against the version the ETag names. */
export function replaceProgramme(id: string, input: ProgrammeInput, etag: string) {
  return request<TrainingProgramme>(`/training-programmes/${encodeURIComponent(id)}`, { method: 'PUT', body: input, ifMatch: etag });
}

/**
 * The key makes a retry of the same count (a double click, a lost answer) record nothing twice; If-Match
 * (the programme's contributionsVersion) refuses it when another count was added since.
 */
export function addContribution(programmeId: string, input: ContributionInput, idempotencyKey: string, ifMatch: string) {
  return request<Contribution>(`/training-programmes/${encodeURIComponent(programmeId)}/contributions`, {
    method: 'POST',
    body: input,
    ifMatch,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}
