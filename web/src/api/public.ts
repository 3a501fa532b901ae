import type { IsoDate } from '../../../src/domain/dates.ts';
import type { Category, SupportType } from '../../../src/domain/delivery.ts';
import { request } from './client.ts';
import { queryString } from './queryString.ts';
import type { LetterComparison, LetterFormat, PublicLetterSnapshot } from './letters.ts';

/** A letter as sent to parliament, as anyone may read it. */
export interface PublicLetter {
  id: string;
  referenceDate: IsoDate;
  letterDate: IsoDate;
  paperNumber: string | null;
  publishedOn: IsoDate | null;
  /** SHA-256 of the snapshot: the exact text of the letter as sent. */
  sha256: string;
  isDemonstration: boolean;
  links: { self: string; snapshot: string } & Record<LetterFormat, string>;
}

export interface PublicDelivery {
  publicId: string;
  title: string;
  detail: string;
  category: Category;
  supportType: SupportType;
  quantity: string | null;
  decidedOn: IsoDate;
}

export const PUBLIC_DELIVERIES_JSON = '/api/v1/public/deliveries?format=json';
export const PUBLIC_DELIVERIES_CSV = '/api/v1/public/deliveries?format=csv';

export function listPublicLetters(signal?: AbortSignal) {
  return request<{ items: PublicLetter[] }>('/public/letters', { signal });
}

export function getPublicLetter(id: string, signal?: AbortSignal) {
  return request<PublicLetter & { letter: PublicLetterSnapshot }>(`/public/letters/${encodeURIComponent(id)}`, { signal });
}

export function listPublicDeliveries(signal?: AbortSignal) {
  return request<{ items: PublicDelivery[] }>('/public/deliveries', { signal });
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
