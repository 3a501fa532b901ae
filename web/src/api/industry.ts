import type { IsoDate } from '../../../common/dates.ts';
import { request } from './client.ts';
import type { RequestBody, ResponseBody, Schema } from './contract.ts';
import { queryString } from './queryString.ts';

export type IndustryOverview = Schema<'IndustryOverview'>;
export type CountrySummary = Schema<'IndustryCountrySummary'>;

export function getIndustry(date: IsoDate, signal?: AbortSignal) {
  return request<IndustryOverview>(`/industry${queryString({ date })}`, { signal });
}

/** Each create carries a key, so that a retry (a double click, a lost answer) records nothing twice. */
function create<Path extends '/companies' | '/lessons-learned'>(path: Path, input: RequestBody<Path, 'post'>, idempotencyKey: string) {
  return request<ResponseBody<Path, 'post'>>(path, { method: 'POST', body: input, headers: { 'Idempotency-Key': idempotencyKey } });
}

export const createCompany = (input: RequestBody<'/companies', 'post'>, key: string) => create('/companies', input, key);
export const recordLesson = (input: RequestBody<'/lessons-learned', 'post'>, key: string) => create('/lessons-learned', input, key);

export function reportProgress(milestoneId: string, input: RequestBody<'/contract-milestones/{id}/progress', 'post'>, idempotencyKey: string) {
  return request<ResponseBody<'/contract-milestones/{id}/progress', 'post'>>(`/contract-milestones/${encodeURIComponent(milestoneId)}/progress`, {
    method: 'POST',
    body: input,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}
