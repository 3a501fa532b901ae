import type { IsoDate } from '../../../src/domain/dates.ts';
import { request } from './client.ts';
import { queryString } from './queryString.ts';
import type { Figures, Series } from './types.ts';

export function getFigures(referenceDate: IsoDate, compareDate: IsoDate, signal?: AbortSignal) {
  return request<Figures>(`/figures${queryString({ referenceDate, compareDate })}`, { signal });
}

export function getSeries(from: IsoDate, to: IsoDate, signal?: AbortSignal) {
  return request<Series>(`/figures/series${queryString({ from, to })}`, { signal });
}
