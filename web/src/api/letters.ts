import type { IsoDate } from '../../../src/domain/dates.ts';
import type { LetterComparison } from '../../../src/letters/compare.ts';
import type { NarrativeBlock } from '../../../src/letters/narrative.ts';
import type { PublicLetterSnapshot } from '../../../src/letters/snapshot.ts';
import { request, type ApiResponse } from './client.ts';
import { queryString } from './queryString.ts';

export type { LetterComparison, NarrativeBlock, PublicLetterSnapshot };

export type DraftOrFinal = 'draft' | 'final';

export interface LetterSummary {
  id: string;
  referenceDate: IsoDate;
  letterDate: IsoDate | null;
  status: DraftOrFinal;
  paperNumber: string | null;
  publishedOn: IsoDate | null;
  publicSha256: string | null;
  version: number;
}

/** A letter: for a draft computed from the register now, once final as frozen. */
export interface Letter extends LetterSummary {
  blocks: NarrativeBlock[];
  annexSha256: string | null;
  finalisedAt: string | null;
  finalisedByName: string | null;
  isDemonstration: boolean;
  letter: PublicLetterSnapshot;
  /** What keeps a draft from being finalised: figure names the text uses that the letter does not know. */
  problems: string[];
  /** A disclosure officer's approval of the public letter; finalising needs one that matches the letter as it reads now. */
  approval: Approval | null;
}

export interface Approval {
  sha256: string;
  byName: string;
  at: string;
  matchesCurrent: boolean;
}

export interface Verification {
  ok: boolean;
  hashesMatch: boolean;
  differences: { figure: string; published: number; recomputed: number }[];
}

export const LETTER_FORMATS = ['pdf', 'docx', 'html', 'markdown'] as const;
export type LetterFormat = (typeof LETTER_FORMATS)[number];
export const ANNEX_FORMATS = ['pdf', 'html'] as const;
export type AnnexFormat = (typeof ANNEX_FORMATS)[number];

const path = (id: string) => `/letters/${encodeURIComponent(id)}`;

export function listLetters(signal?: AbortSignal) {
  return request<{ items: LetterSummary[] }>('/letters', { signal });
}

/** The key makes a retry of the same request (a double click, a lost answer) start no second draft. */
export function createLetter(input: { referenceDate: IsoDate; letterDate?: IsoDate }, idempotencyKey: string) {
  return request<Letter>('/letters', { method: 'POST', body: input, headers: { 'Idempotency-Key': idempotencyKey } });
}

export function getLetter(id: string, signal?: AbortSignal) {
  return request<Letter>(path(id), { signal });
}

export function updateLetter(id: string, change: { blocks?: NarrativeBlock[]; letterDate?: IsoDate | null }, etag: string) {
  return request<Letter>(path(id), { method: 'PATCH', body: change, ifMatch: etag });
}

/** A disclosure officer approves the public letter exactly as it reads now: its figures disclose aggregates too. */
export function approveLetter(id: string, etag: string) {
  return request<Letter>(`${path(id)}/approval`, { method: 'POST', ifMatch: etag });
}

export function finaliseLetter(id: string, etag: string) {
  return request<Letter>(`${path(id)}/finalisation`, { method: 'POST', body: {}, ifMatch: etag });
}

export function recordPublication(id: string, publication: { paperNumber: string | null; publishedOn: IsoDate | null }) {
  return request<Letter>(`${path(id)}/publication`, { method: 'POST', body: publication });
}

export function verifyLetter(id: string, signal?: AbortSignal) {
  return request<Verification>(`${path(id)}/verification`, { signal });
}

export function compareLetters(from: string, to: string, signal?: AbortSignal) {
  return request<LetterComparison>(`/letters/comparison${queryString({ from, to })}`, { signal });
}

/** The ETag to send with If-Match; the version stands in when a proxy dropped the header. */
export function letterEtag(response: ApiResponse<Letter>): string {
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
