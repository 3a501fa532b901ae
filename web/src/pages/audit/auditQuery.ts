import { isIsoDate, startOfDayInTheHague } from '../../../../common/dates.ts';
import { AUDIT_ACTIONS, AUDIT_OBJECT_TYPES } from '../../../../common/vocabulary/codes.ts';
import type { AuditQuery } from '../../api/audit.ts';
import { queryString } from '../../api/queryString.ts';
import { isUuid } from '../../../../common/ids.ts';

const AUDIT_PAGE_SIZE = 50;

/** The filters as the form holds them: text, dates as YYYY-MM-DD, '' for "any". */
export interface AuditFilters {
  objectType: string;
  objectId: string;
  actor: string;
  action: string;
  from: string;
  until: string;
  importId: string;
}

export const NO_FILTERS: AuditFilters = { objectType: '', objectId: '', actor: '', action: '', from: '', until: '', importId: '' };

/** The trail's state as the address bar holds it: the filters and where the page starts. */
export interface AuditAddress {
  filters: AuditFilters;
  /** The page holds the events before this sequence number; undefined for the newest. */
  before: number | undefined;
}

export function parseAuditAddress(params: URLSearchParams): AuditAddress {
  const text = (name: keyof AuditFilters) => params.get(name)?.trim() ?? '';
  const date = (name: 'from' | 'until') => (isIsoDate(text(name)) ? text(name) : '');
  const before = Number(params.get('before'));
  return {
    filters: {
      objectType: text('objectType'),
      objectId: text('objectId'),
      actor: text('actor'),
      action: text('action'),
      from: date('from'),
      until: date('until'),
      importId: isUuid(text('importId')) ? text('importId') : '',
    },
    before: Number.isSafeInteger(before) && before > 0 ? before : undefined,
  };
}

export function auditAddress(filters: AuditFilters, before?: number): string {
  return `/audit${queryString({ ...filters, before })}`;
}

/** The code the form holds when the list knows it: a hand-edited address filters on nothing unknown. */
function oneOf<C extends string>(codes: readonly C[], value: string): C | undefined {
  return codes.find((code) => code === value);
}

/** The API's query: the days of the form become the moments they begin and end in The Hague. */
export function auditApiQuery({ filters, before }: AuditAddress): AuditQuery {
  return {
    objectType: oneOf(AUDIT_OBJECT_TYPES, filters.objectType),
    objectId: filters.objectId || undefined,
    actor: filters.actor || undefined,
    action: oneOf(AUDIT_ACTIONS, filters.action),
    from: filters.from ? startOfDayInTheHague(filters.from) : undefined,
    until: filters.until ? startOfDayInTheHague(filters.until, 1) : undefined,
    importId: filters.importId || undefined,
    before,
    limit: AUDIT_PAGE_SIZE,
  };
}
