import type { Language } from '../../../common/vocabulary/index.ts';
import { request, requestText } from './client.ts';
import type { PathParameters, RequestBody, ResponseBody, Schema } from './contract.ts';
import { queryString } from './queryString.ts';

/** The public letter: computed now for a draft, as frozen once final. */
export type PublicLetterSnapshot = Schema<'PublicLetterSnapshot'>;

/** How two letters differ, as each published it. */
export type LetterComparison = Schema<'LetterComparison'>;

export type LetterSummary = ResponseBody<'/letters', 'get'>['items'][number];
export type DraftOrFinal = LetterSummary['status'];

/** A letter: for a draft computed from the register now, once final as frozen. */
export type Letter = Schema<'Letter'>;

export type Verification = ResponseBody<'/letters/{id}/verification', 'get'>;

type LetterFormat = PathParameters<'/letters/{id}/renderings/{format}', 'get'>['format'];
type AnnexFormat = PathParameters<'/letters/{id}/annex/{format}', 'get'>['format'];

/** The formats a letter can be downloaded in, in the order the page offers them. */
export const LETTER_FORMATS = ['pdf', 'docx', 'html', 'markdown'] as const satisfies readonly LetterFormat[];
export const ANNEX_FORMATS = ['pdf', 'html'] as const satisfies readonly AnnexFormat[];

const path = (id: string) => `/letters/${encodeURIComponent(id)}`;

export function listLetters(signal?: AbortSignal) {
  return request<ResponseBody<'/letters', 'get'>>('/letters', { signal });
}

/** The key makes a retry of the same request (a double click, a lost answer) start no second draft. */
export function createLetter(input: RequestBody<'/letters', 'post'>, idempotencyKey: string) {
  return request<Letter>('/letters', { method: 'POST', body: input, headers: { 'Idempotency-Key': idempotencyKey } });
}

export function getLetter(id: string, signal?: AbortSignal) {
  return request<Letter>(path(id), { signal });
}

export function updateLetter(id: string, change: RequestBody<'/letters/{id}', 'patch'>, etag: string) {
  return request<Letter>(path(id), { method: 'PATCH', body: change, ifMatch: etag });
}

/** A disclosure officer approves the public letter exactly as it reads now: its figures disclose aggregates too. */
export function approveLetter(id: string, etag: string) {
  return request<Letter>(`${path(id)}/approval`, { method: 'POST', ifMatch: etag });
}

/** A draft's text and letter date as the author typed them. */
export type LetterChange = RequestBody<'/letters/{id}/preview', 'post'>;

/** The draft rendered with text not yet saved: the live preview while typing (nothing is stored). */
export function previewLetter(id: string, change: LetterChange, signal?: AbortSignal) {
  return requestText(`${path(id)}/preview`, { method: 'POST', body: change, signal });
}

export function finaliseLetter(id: string, etag: string) {
  return request<Letter>(`${path(id)}/finalisation`, { method: 'POST', body: {}, ifMatch: etag });
}

export function recordPublication(id: string, publication: RequestBody<'/letters/{id}/publication', 'post'>, etag: string) {
  return request<Letter>(`${path(id)}/publication`, { method: 'POST', body: publication, ifMatch: etag });
}

export function verifyLetter(id: string, signal?: AbortSignal) {
  return request<Verification>(`${path(id)}/verification`, { signal });
}

export function compareLetters(from: string, to: string, signal?: AbortSignal) {
  return request<LetterComparison>(`/letters/comparison${queryString({ from, to })}`, { signal });
}

/** The letter as it will look, in a format to download named in the page's language; a draft is marked as such on every page. */
export function renderingAddress(id: string, format: LetterFormat, language: Language): string {
  return `/api/v1${path(id)}/renderings/${format}${queryString({ lang: language })}`;
}

/** An annex the reader may open, with what changed since the previous one. */
export type AnnexListItem = ResponseBody<'/annexes', 'get'>['items'][number];

export function listAnnexes(signal?: AbortSignal) {
  return request<ResponseBody<'/annexes', 'get'>>('/annexes', { signal });
}

/** The confidential annex, watermarked with the reader, named in the page's language; every opening is recorded. */
export function annexAddress(id: string, format: AnnexFormat, language: Language): string {
  return `/api/v1${path(id)}/annex/${format}${queryString({ lang: language })}`;
}

// The review of drafts and the embargo of final letters.

/** What waits for the person logged in: letters to approve, revise, finalise, send or publish. */
export function waitingForMe(signal?: AbortSignal) {
  return request<ResponseBody<'/letters/waiting-for-me', 'get'>>('/letters/waiting-for-me', { signal });
}

export function deleteLetter(id: string, etag: string) {
  return request<undefined>(path(id), { method: 'DELETE', ifMatch: etag });
}

export function submitLetter(id: string, etag: string) {
  return request<Letter>(`${path(id)}/submission`, { method: 'POST', ifMatch: etag });
}

export function withdrawSubmission(id: string, etag: string) {
  return request<Letter>(`${path(id)}/submission`, { method: 'DELETE', ifMatch: etag });
}

export function rejectLetter(id: string, comment: string, etag: string) {
  return request<Letter>(`${path(id)}/rejection`, { method: 'POST', body: { comment }, ifMatch: etag });
}

export function sendLetter(id: string, etag: string) {
  return request<Letter>(`${path(id)}/sending`, { method: 'POST', ifMatch: etag });
}

/** Withdraws a final letter not sent to parliament, saying why: it is never sent or published. */
export function withdrawLetter(id: string, reason: string, etag: string) {
  return request<Letter>(`${path(id)}/withdrawal`, { method: 'POST', body: { reason }, ifMatch: etag });
}

export function correctPublication(id: string, correction: RequestBody<'/letters/{id}/publication-corrections', 'post'>, etag: string) {
  return request<Letter>(`${path(id)}/publication-corrections`, { method: 'POST', body: correction, ifMatch: etag });
}
