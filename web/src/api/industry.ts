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
type CreatePath = '/companies' | '/industry-contracts' | '/price-developments' | '/lessons-learned' | '/coproduction-projects' | '/demand-bundles';

function create<Path extends CreatePath>(path: Path, input: RequestBody<Path, 'post'>, idempotencyKey: string) {
  return request<ResponseBody<Path, 'post'>>(path, { method: 'POST', body: input, headers: { 'Idempotency-Key': idempotencyKey } });
}

export const createCompany = (input: RequestBody<'/companies', 'post'>, key: string) => create('/companies', input, key);
export const recordLesson = (input: RequestBody<'/lessons-learned', 'post'>, key: string) => create('/lessons-learned', input, key);
export const createContract = (input: RequestBody<'/industry-contracts', 'post'>, key: string) => create('/industry-contracts', input, key);
export const recordPriceDevelopment = (input: RequestBody<'/price-developments', 'post'>, key: string) => create('/price-developments', input, key);
export const createCoproduction = (input: RequestBody<'/coproduction-projects', 'post'>, key: string) => create('/coproduction-projects', input, key);
export const recordDemandBundle = (input: RequestBody<'/demand-bundles', 'post'>, key: string) => create('/demand-bundles', input, key);

/**
 * A record under another one (a milestone's progress, a project's stage, a company's decision), with its key;
 * an entry in a history (progress, stage) with the version of that history it was added on.
 */
function createUnder<
  Path extends '/contract-milestones/{id}/progress' | '/coproduction-projects/{id}/stages' | '/companies/{id}/disclosure-decisions' | '/industry-contracts/{id}/withdrawal' | '/companies/{id}/withdrawal',
>(
  path: Path,
  id: string,
  input: RequestBody<Path, 'post'>,
  idempotencyKey: string,
  ifMatch?: string,
) {
  return request<ResponseBody<Path, 'post'>>(path.replace('{id}', encodeURIComponent(id)), { method: 'POST', body: input, ifMatch, headers: { 'Idempotency-Key': idempotencyKey } });
}

export const recordStage = (projectId: string, input: RequestBody<'/coproduction-projects/{id}/stages', 'post'>, key: string, ifMatch: string) =>
  createUnder('/coproduction-projects/{id}/stages', projectId, input, key, ifMatch);
export const decideOnCompany = (companyId: string, input: RequestBody<'/companies/{id}/disclosure-decisions', 'post'>, key: string, ifMatch: string) =>
  createUnder('/companies/{id}/disclosure-decisions', companyId, input, key, ifMatch);

export const reportProgress = (milestoneId: string, input: RequestBody<'/contract-milestones/{id}/progress', 'post'>, key: string, ifMatch: string) =>
  createUnder('/contract-milestones/{id}/progress', milestoneId, input, key, ifMatch);

/** A correction of a company, at the version (ETag) it was based on. */
export const correctCompany = (companyId: string, input: RequestBody<'/companies/{id}', 'put'>, etag: string) =>
  request<ResponseBody<'/companies/{id}', 'put'>>(`/companies/${encodeURIComponent(companyId)}`, { method: 'PUT', body: input, ifMatch: etag });

/** A correction of a contract, at the version (ETag) it was based on. */
export const correctContract = (contractId: string, input: RequestBody<'/industry-contracts/{id}', 'put'>, etag: string) =>
  request<ResponseBody<'/industry-contracts/{id}', 'put'>>(`/industry-contracts/${encodeURIComponent(contractId)}`, { method: 'PUT', body: input, ifMatch: etag });

/** A correction of a co-production project's title and partner, at the version (ETag) it was based on. */
export const correctCoproduction = (projectId: string, input: RequestBody<'/coproduction-projects/{id}', 'put'>, etag: string) =>
  request<ResponseBody<'/coproduction-projects/{id}', 'put'>>(`/coproduction-projects/${encodeURIComponent(projectId)}`, { method: 'PUT', body: input, ifMatch: etag });

/** A correction of a shared need, at the version (ETag) it was based on. */
export const correctDemandBundle = (bundleId: string, input: RequestBody<'/demand-bundles/{id}', 'put'>, etag: string) =>
  request<ResponseBody<'/demand-bundles/{id}', 'put'>>(`/demand-bundles/${encodeURIComponent(bundleId)}`, { method: 'PUT', body: input, ifMatch: etag });

export const withdrawContract = (contractId: string, input: RequestBody<'/industry-contracts/{id}/withdrawal', 'post'>, key: string, ifMatch: string) =>
  createUnder('/industry-contracts/{id}/withdrawal', contractId, input, key, ifMatch);
export const withdrawCompany = (companyId: string, input: RequestBody<'/companies/{id}/withdrawal', 'post'>, key: string, ifMatch: string) =>
  createUnder('/companies/{id}/withdrawal', companyId, input, key, ifMatch);
