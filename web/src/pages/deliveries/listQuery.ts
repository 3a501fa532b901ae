import { isIsoDate } from '../../../../common/dates.ts';
import { CATEGORIES, LIFECYCLE_STAGES, SUPPORT_TYPES } from '../../../../common/vocabulary/codes.ts';
import { DELIVERY_SORT_KEYS, type DeliverySortKey } from '../../api/types.ts';

export const PAGE_SIZES = [25, 50, 100] as const;
const DEFAULT_SORT = '-realisedAt';

export interface ListQuery {
  supportType: string;
  category: string;
  stage: string;
  q: string;
  realisedFrom: string;
  realisedTo: string;
  sort: { key: DeliverySortKey; descending: boolean };
  /** The page starts after this cursor (the next page) or ends before that one (the previous page); '' for neither. */
  after: string;
  before: string;
  pageSize: number;
}

function oneOf(value: string | null, allowed: readonly string[]): string {
  return value !== null && allowed.includes(value) ? value : '';
}

function date(value: string | null): string {
  return value !== null && isIsoDate(value) ? value : '';
}

function positiveInteger(value: string | null, fallback: number): number {
  const number = Number(value);
  return Number.isSafeInteger(number) && number >= 1 ? number : fallback;
}

function parseSort(value: string | null): ListQuery['sort'] {
  const text = value ?? DEFAULT_SORT;
  const key = text.replace(/^-/, '');
  const found = DELIVERY_SORT_KEYS.find((candidate) => candidate === key);
  return found ? { key: found, descending: text.startsWith('-') } : { key: 'realisedAt', descending: true };
}

/** The list's state as the address bar holds it; whatever is not understood falls back to the default. */
export function parseListQuery(params: URLSearchParams): ListQuery {
  const pageSize = positiveInteger(params.get('pageSize'), PAGE_SIZES[0]);
  return {
    supportType: oneOf(params.get('supportType'), SUPPORT_TYPES),
    category: oneOf(params.get('category'), CATEGORIES),
    stage: oneOf(params.get('stage'), LIFECYCLE_STAGES),
    q: params.get('q') ?? '',
    realisedFrom: date(params.get('realisedFrom')),
    realisedTo: date(params.get('realisedTo')),
    sort: parseSort(params.get('sort')),
    after: params.get('after') ?? '',
    before: params.get('before') ?? '',
    pageSize: PAGE_SIZES.some((size) => size === pageSize) ? pageSize : PAGE_SIZES[0],
  };
}

function sortText(sort: ListQuery['sort']): string {
  return `${sort.descending ? '-' : ''}${sort.key}`;
}

/** The list's state for the address bar, leaving out what is the default anyway. */
export function addressParams(query: ListQuery): Record<string, string | number | undefined> {
  const sort = sortText(query.sort);
  return {
    supportType: query.supportType,
    category: query.category,
    stage: query.stage,
    q: query.q,
    realisedFrom: query.realisedFrom,
    realisedTo: query.realisedTo,
    sort: sort === DEFAULT_SORT ? undefined : sort,
    after: query.after,
    before: query.before,
    pageSize: query.pageSize === PAGE_SIZES[0] ? undefined : query.pageSize,
  };
}

/** The list's state for the API, every parameter spelled out. */
export function apiParams(query: ListQuery): Record<string, string | number | undefined> {
  return { ...addressParams(query), q: query.q.trim(), sort: sortText(query.sort), pageSize: query.pageSize };
}
