import { isIsoDate, type IsoDate } from '../../common/dates.ts';
import type { RuleViolation } from './delivery.ts';

/** No record of the support to Ukraine dates from before the war began in 2014. */
const EARLIEST_DATE: IsoDate = '2014-01-01';
/** A count of people or courses above this is a typing mistake. */
const MAX_COUNT = 10_000_000;

/** Text a person typed: present when required, not longer than allowed, without control characters. */
export function textViolations(field: string, text: string, { maximum, required }: { maximum: number; required: boolean }): RuleViolation[] {
  if (required && text.trim() === '') return [{ field, code: 'required' }];
  if (text.length > maximum) return [{ field, code: 'tooLong', params: { maximum: String(maximum) } }];
  // Tabs and line breaks are text; other control characters (NUL above all) are not.
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) return [{ field, code: 'controlCharacter' }];
  return [];
}

/** A date that has happened: an existing date, not before 2014 and not after today. */
export function pastDateViolations(field: string, date: string, today: IsoDate): RuleViolation[] {
  if (!isIsoDate(date)) return [{ field, code: 'invalidDate' }];
  if (date < EARLIEST_DATE) return [{ field, code: 'tooEarly', params: { earliest: EARLIEST_DATE } }];
  if (date > today) return [{ field, code: 'inTheFuture', params: { latest: today } }];
  return [];
}

/** A date that may lie ahead (a plan, an expected delivery), but within ten years and not before 2014. */
export function plannedDateViolations(field: string, date: string, today: IsoDate): RuleViolation[] {
  if (!isIsoDate(date)) return [{ field, code: 'invalidDate' }];
  if (date < EARLIEST_DATE) return [{ field, code: 'tooEarly', params: { earliest: EARLIEST_DATE } }];
  const latest = `${Number(today.slice(0, 4)) + 10}${today.slice(4)}`;
  if (date > latest) return [{ field, code: 'tooLate', params: { latest } }];
  return [];
}

/** A count: a whole number from zero up to the plausible maximum. */
export function countViolations(field: string, count: number | null): RuleViolation[] {
  if (count === null) return [];
  if (!Number.isInteger(count)) return [{ field, code: 'notWholeNumber' }];
  if (count < 0) return [{ field, code: 'tooSmall', params: { minimum: '0' } }];
  if (count > MAX_COUNT) return [{ field, code: 'tooLarge', params: { maximum: String(MAX_COUNT) } }];
  return [];
}

/** An amount of money in cents: whole and above zero. */
export function amountViolations(field: string, cents: number | null): RuleViolation[] {
  if (cents === null) return [];
  if (!Number.isSafeInteger(cents)) return [{ field, code: 'notWholeNumber' }];
  if (cents <= 0) return [{ field, code: 'tooSmall', params: { minimum: '1' } }];
  return [];
}
