import type { Language } from '../../../common/vocabulary/index.ts';
import { request } from './client.ts';
import type { ResponseBody, Schema } from './contract.ts';
import { FILE_QUERIES } from './exports.ts';
import { queryString } from './queryString.ts';
import type { LetterComparison } from './letters.ts';

/** A letter as sent to parliament, as anyone may read it; `sha256` is that of its snapshot, the exact text as sent. */
export type PublicLetter = Schema<'PublicLetter'>;
export type PublicDelivery = Schema<'PublicDelivery'>;

/** The files of open data offered beside the page: CSV in either dialect, and JSON. */
export const OPEN_DATA_FILES = ['csv', 'csvRfc4180', 'json'] as const;
type OpenDataFile = (typeof OPEN_DATA_FILES)[number];

/** The public deliveries as a file, labelled in a language. */
export function publicDeliveriesFile(file: OpenDataFile, language: Language): string {
  return `/api/v1/public/deliveries${queryString({ ...FILE_QUERIES[file], lang: language })}`;
}

/** The figures of every published letter, as a time series, in a file named in a language. */
export function letterFiguresFile(file: OpenDataFile, language: Language): string {
  return `/api/v1/public/letter-figures${queryString({ ...FILE_QUERIES[file], lang: language })}`;
}

/** A published letter in a format to download (one of its `links`), named in a language. */
export function publicLetterFile(address: string, language: Language): string {
  return `${address}${address.includes('?') ? '&' : '?'}${new URLSearchParams({ lang: language }).toString()}`;
}
// Open data besides the deliveries and the letters' figures: the Kiel-compatible file and the DCAT catalogue.
export const KIEL_CSV = '/api/v1/public/kiel?format=csv';
export const KIEL_XLSX = '/api/v1/public/kiel?format=xlsx';
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
