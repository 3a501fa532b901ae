import type { EXPORT_REPORTS } from '../../../common/vocabulary/codes.ts';
import type { Language } from '../../../common/vocabulary/index.ts';
import { request } from './client.ts';
import { queryString } from './queryString.ts';
import type { RequestBody, ResponseBody, Schema } from './contract.ts';

export type ExportControl = Schema<'ExportControl'>;
export type ExportQueueItem = Schema<'ExportQueueItem'>;
export type ExportQueuePage = ResponseBody<'/export-control/queues', 'get'>['awaitingAssessmentPage'];
export type ArmsTransferReports = Schema<'ArmsTransferReports'>;
export type AssessmentRequest = RequestBody<'/deliveries/{id}/export-assessments', 'post'>;
export type LicenceRequest = RequestBody<'/deliveries/{id}/export-licences', 'post'>;
export type RequirementRequest = RequestBody<'/deliveries/{id}/export-requirement', 'post'>;

const deliveryPath = (id: string) => `/deliveries/${encodeURIComponent(id)}`;

/** A page of each queue, from the cursors given (`assessmentAfter`, `licenceBefore`, …). */
export function getExportQueues(cursors: Record<string, string | undefined>, signal?: AbortSignal) {
  return request<ResponseBody<'/export-control/queues', 'get'>>(`/export-control/queues${queryString(cursors)}`, { signal });
}

export function getExportControl(deliveryId: string, signal?: AbortSignal) {
  return request<ExportControl>(`${deliveryPath(deliveryId)}/export-control`, { signal });
}

/** Overrides the rule for one delivery, with a reason. */
export function setRequirement(deliveryId: string, input: RequirementRequest, idempotencyKey: string, ifMatch: string) {
  return request<ExportControl>(`${deliveryPath(deliveryId)}/export-requirement`, { method: 'POST', body: input, ifMatch, headers: { 'Idempotency-Key': idempotencyKey } });
}

/** The key makes a retry of the same assessment (a double click, a lost answer) record nothing twice. */
export function recordAssessment(deliveryId: string, input: AssessmentRequest, idempotencyKey: string, ifMatch: string) {
  return request<Schema<'ExportAssessment'>>(`${deliveryPath(deliveryId)}/export-assessments`, { method: 'POST', body: input, ifMatch, headers: { 'Idempotency-Key': idempotencyKey } });
}

export function issueLicence(deliveryId: string, input: LicenceRequest, idempotencyKey: string, ifMatch: string) {
  return request<Schema<'ExportLicence'>>(`${deliveryPath(deliveryId)}/export-licences`, { method: 'POST', body: input, ifMatch, headers: { 'Idempotency-Key': idempotencyKey } });
}

export function grantInspection(assessmentId: string, note: string, idempotencyKey: string) {
  return request<Schema<'ExportAssessment'>>(`/export-assessments/${encodeURIComponent(assessmentId)}/inspection-grants`, { method: 'POST', body: { note }, headers: { 'Idempotency-Key': idempotencyKey } });
}

export function listInspectable(signal?: AbortSignal) {
  return request<ResponseBody<'/export-assessments/inspectable', 'get'>>('/export-assessments/inspectable', { signal });
}

export function openAssessment(id: string, signal?: AbortSignal) {
  return request<Schema<'OpenedAssessment'>>(`/export-assessments/${encodeURIComponent(id)}`, { signal });
}

/** The reports of the year as typed: the API judges it. */
export function getArmsTransferReports(year: string, signal?: AbortSignal) {
  return request<ArmsTransferReports>(`/export-control/reports/${encodeURIComponent(year)}`, { signal });
}

/** One of a year's arms-transfer reports as a file, its headings in the page's language. */
export function armsTransferReportFile(year: number, report: (typeof EXPORT_REPORTS)[number], format: 'csv' | 'xlsx', language: Language): string {
  return `/api/v1/export-control/reports/${year}/${report}${queryString({ format, lang: language })}`;
}
