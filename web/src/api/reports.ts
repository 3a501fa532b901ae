import { request, type ApiResponse } from './client.ts';
import type { PathParameters, RequestBody, ResponseBody, Schema } from './contract.ts';
import { queryString } from './queryString.ts';
import type { Category, SupportType } from './types.ts';

/**
 * The public letter as the API sends it with a letter. The OpenAPI document does not describe it yet
 * (it declares the field without a schema), so the browser states here the part it reads.
 */
export interface PublicLetterSnapshot {
  referenceDate: string;
  previousLetter: { id: string; referenceDate: string; paperNumber: string | null } | null;
  figures: {
    lines: {
      key: SupportType | 'total';
      label: string;
      currentCents: number;
      reportedPreviousCents: number | null;
      restatedPreviousCents: number | null;
    }[];
    increaseCents: number | null;
    increasePercentText: string | null;
  };
  overview: { category: Category; label: string; items: OverviewItem[] }[];
}

/** A public delivery as the letter's public overview lists it. */
interface OverviewItem {
  publicId: string;
  title: string;
  detail: string;
  category: Category;
  supportType: SupportType;
  quantity: string | null;
}

/**
 * How two letters differ, as each published it. The OpenAPI document does not describe it yet, so the
 * browser states it here.
 */
export interface LetterComparison {
  from: { id: string; referenceDate: string };
  to: { id: string; referenceDate: string };
  figures: { key: string; label: string; fromCents: number; toCents: number; differenceCents: number }[];
  becamePublic: OverviewItem[];
  restated: { letterId: string; referenceDate: string; key: string; label: string; reportedCents: number; restatedCents: number }[];
}

export type ReportSummary = ResponseBody<'/reports', 'get'>['items'][number];
export type ReportStatus = ReportSummary['status'];

/** A letter: for a draft computed from the register now, once final as frozen. */
export type Report = Omit<Schema<'Report'>, 'letter'> & { letter: PublicLetterSnapshot };

export type Verification = ResponseBody<'/reports/{id}/verification', 'get'>;

type LetterFormat = PathParameters<'/reports/{id}/renderings/{format}', 'get'>['format'];
type AnnexFormat = PathParameters<'/reports/{id}/annex/{format}', 'get'>['format'];

/** The formats a letter can be downloaded in, in the order the page offers them. */
export const LETTER_FORMATS = ['pdf', 'docx', 'html', 'markdown'] as const satisfies readonly LetterFormat[];
export const ANNEX_FORMATS = ['pdf', 'html'] as const satisfies readonly AnnexFormat[];

const path = (id: string) => `/reports/${encodeURIComponent(id)}`;

export function listReports(signal?: AbortSignal) {
  return request<ResponseBody<'/reports', 'get'>>('/reports', { signal });
}

/** The key makes a retry of the same request (a double click, a lost answer) start no second draft. */
export function createReport(input: RequestBody<'/reports', 'post'>, idempotencyKey: string) {
  return request<Report>('/reports', { method: 'POST', body: input, headers: { 'Idempotency-Key': idempotencyKey } });
}

export function getReport(id: string, signal?: AbortSignal) {
  return request<Report>(path(id), { signal });
}

export function updateReport(id: string, change: RequestBody<'/reports/{id}', 'patch'>, etag: string) {
  return request<Report>(path(id), { method: 'PATCH', body: change, ifMatch: etag });
}

/** A disclosure officer approves the public letter exactly as it reads now: its figures disclose aggregates too. */
export function approveReport(id: string, etag: string) {
  return request<Report>(`${path(id)}/approval`, { method: 'POST', ifMatch: etag });
}

export function finaliseReport(id: string, etag: string) {
  return request<Report>(`${path(id)}/finalisation`, { method: 'POST', body: {}, ifMatch: etag });
}

export function recordPublication(id: string, publication: RequestBody<'/reports/{id}/publication', 'post'>) {
  return request<Report>(`${path(id)}/publication`, { method: 'POST', body: publication });
}

export function verifyReport(id: string, signal?: AbortSignal) {
  return request<Verification>(`${path(id)}/verification`, { signal });
}

export function compareReports(from: string, to: string, signal?: AbortSignal) {
  return request<LetterComparison>(`/reports/comparison${queryString({ from, to })}`, { signal });
}

/** The ETag to send with If-Match; the version stands in when a proxy dropped the header. */
export function reportEtag(response: ApiResponse<Report>): string {
  return response.etag ?? `"${response.data.version}"`;
}

/** The letter as it will look, in a format to download; a draft is marked as such on every page. */
export function renderingAddress(id: string, format: LetterFormat): string {
  return `/api/v1${path(id)}/renderings/${format}`;
}

/** The confidential annex, watermarked with the reader; every opening is recorded. */
export function annexAddress(id: string, format: AnnexFormat): string {
  return `/api/v1${path(id)}/annex/${format}`;
}
