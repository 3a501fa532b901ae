import { request } from './client.ts';
import type { ResponseBody, Schema } from './contract.ts';
import { queryString } from './queryString.ts';
import type { LetterComparison } from './letters.ts';

/** A letter as sent to parliament, as anyone may read it; `sha256` is that of its snapshot, the exact text as sent. */
export type PublicLetter = Schema<'PublicLetter'>;
export type PublicDelivery = Schema<'PublicDelivery'>;

export const PUBLIC_DELIVERIES_JSON = '/api/v1/public/deliveries?format=json';
export const PUBLIC_DELIVERIES_CSV = '/api/v1/public/deliveries?format=csv';
// Open data besides the deliveries: the Kiel-compatible file, the letters' figures and the DCAT catalogue.
export const KIEL_CSV = '/api/v1/public/kiel?format=csv';
export const KIEL_XLSX = '/api/v1/public/kiel?format=xlsx';
export const LETTER_FIGURES_CSV = '/api/v1/public/letter-figures?format=csv';
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
