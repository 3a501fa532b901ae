import { request } from './client.ts';
import { queryString } from './queryString.ts';
import type { Figures, NextLetterDates, Series } from './types.ts';

export function getFigures(referenceDate: string, compareDate: string, signal?: AbortSignal) {
  return request<Figures>(`/figures${queryString({ referenceDate, compareDate })}`, { signal });
}

export function getSeries(from: string, to: string, signal?: AbortSignal) {
  return request<Series>(`/figures/series${queryString({ from, to })}`, { signal });
}

export function getNextLetterDates(signal?: AbortSignal) {
  return request<NextLetterDates>('/figures/next-letter-dates', { signal });
}
