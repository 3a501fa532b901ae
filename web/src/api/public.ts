import type { Language } from '../../../common/vocabulary/index.ts';
import { request } from './client.ts';
import type { ResponseBody, Schema } from './contract.ts';
import { queryString } from './queryString.ts';
import type { LetterComparison } from './letters.ts';

/** A letter as sent to parliament, as anyone may read it; `sha256` is that of its snapshot, the exact text as sent. */
export type PublicLetter = Schema<'PublicLetter'>;
export type PublicDelivery = Schema<'PublicDelivery'>;

/** The public deliveries as JSON or in either dialect of CSV (see exports.ts), labelled in a language. */
export function publicDeliveriesFile(file: 'json' | 'csv' | 'csvRfc4180', language: Language): string {
  const format = file === 'json' ? { format: 'json' } : { format: 'csv', dialect: file === 'csv' ? 'excel-nl' : 'rfc4180' };
  return `/api/v1/public/deliveries${queryString({ ...format, lang: language })}`;
}
// Open data besides the deliveries: the Kiel-compatible file, the letters' figures and the DCAT catalogue.
export const KIEL_CSV = '/api/v1/public/kiel?format=csv';
export const KIEL_XLSX = '/api/v1/public/kiel?format=xlsx';
export const LETTER_FIGURES_CSV = '/api/v1/public/letter-figures?format=csv&dialect=excel-nl';
export const LETTER_FIGURES_CSV_RFC4180 = '/api/v1/public/letter-figures?format=csv&dialect=rfc4180';
export const LETTER_FIGURES_JSON = '/api/v1/public/letter-figures?format=json';
export const OPEN_DATA_CATALOG = '/api/v1/public/catalog';

export function listPublicLetters(signal?: AbortSignal) {
  return request<ResponseBody<'/public/letters', 'get'>>('/public/letters', { signal });
}

export function getPublicLetter(id: string, signal?: AbortSignal) {
  return request<ResponseBody<'/public/letters/{id}', 'get'>>(`/public/letters/${encodeURIComponent(id)}`, { signal });
}

export function listPublicDeliveries(signal?: AbortSignal) {
  return request<ResponseBody<'/public/deliveries', 'get'>>('/public/deliveries', { signal });
}

export function comparePublicLetters(from: string, to: string, signal?: AbortSignal) {
  return request<LetterComparison>(`/public/letter-comparison${queryString({ from, to })}`, { signal });
}

/**
 * The SHA-256 of the letter's snapshot, computed here in the browser from the exact text the server
 * keeps: the same check as `sha256sum`, without leaving the page.
 */
export async function snapshotSha256(letter: PublicLetter): Promise<string> {
  const response = await fetch(letter.links.snapshot, { credentials: 'omit' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const digest = await crypto.subtle.digest('SHA-256', await response.arrayBuffer());
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
