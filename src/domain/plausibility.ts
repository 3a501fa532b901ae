import { isCountryCode } from '../../common/countries.ts';
import { DATE_FLOOR, isIsoDate, type IsoDate } from '../../common/dates.ts';
import { MAX_ENTRY_CENTS } from '../../common/money.ts';
import { contentFault, textFault, type TextFormat } from '../../common/text.ts';
import type { RuleViolation } from './delivery.ts';

/**
 * A count of people, courses or items above this (a billion) is a typing mistake. Items go so high because
 * ammunition is counted in rounds, of which one delivery may hold tens of millions.
 */
export const MAX_COUNT = 1_000_000_000;

/**
 * Text a person typed: saying something when required (a letter or digit), not longer than allowed, with no
 * character that cannot be text, and in the form of its kind (a title, a reference) where it has one.
 */
export function textViolations(
  field: string,
  text: string,
  { maximum, required, format }: { maximum: number; required: boolean; format?: TextFormat },
): RuleViolation[] {
  if (text.length > maximum) return [{ field, code: 'tooLong', params: { maximum: String(maximum) } }];
  const characterFault = textFault(text, { multiline: true });
  const fault = characterFault ? { code: characterFault } : contentFault(text, { required, format });
  return fault ? [{ field, ...fault }] : [];
}

/** The bound a date lies beyond, the register's floor (2014) or the ceiling given, to name in the refusal; undefined within them. */
export function outOfRange(date: string, ceiling: string): { floor: string } | { ceiling: string } | undefined {
  if (date < DATE_FLOOR) return { floor: DATE_FLOOR };
  if (date > ceiling) return { ceiling };
  return undefined;
}

/** A date that has happened: an existing date, not before the register's floor (2014) and not after today. */
export function pastDateViolations(field: string, date: string, today: IsoDate): RuleViolation[] {
  if (!isIsoDate(date)) return [{ field, code: 'invalidDate' }];
  if (date < DATE_FLOOR) return [{ field, code: 'dateOutOfRange', params: { floor: DATE_FLOOR } }];
  if (date > today) return [{ field, code: 'dateInFuture' }];
  return [];
}

/** A date that may lie ahead (a plan, an expected delivery), but within ten years and not before 2014. */
export function plannedDateViolations(field: string, date: string, today: IsoDate): RuleViolation[] {
  if (!isIsoDate(date)) return [{ field, code: 'invalidDate' }];
  const ceiling = `${Number(today.slice(0, 4)) + 10}${today.slice(4)}`;
  const bound = outOfRange(date, ceiling);
  return bound ? [{ field, code: 'dateOutOfRange', params: bound }] : [];
}

/** The date to look at a decision again: after today, and within ten years as any plan. */
export function reviewDateViolations(field: string, date: string, today: IsoDate): RuleViolation[] {
  if (!isIsoDate(date)) return [{ field, code: 'invalidDate' }];
  if (date <= today) return [{ field, code: 'notInFuture' }];
  return plannedDateViolations(field, date, today);
}

/** A count: a whole number from the minimum (zero unless told) up to the plausible maximum (MAX_COUNT unless told). */
export function countViolations(field: string, count: number | null, { minimum = 0, maximum = MAX_COUNT }: { minimum?: number; maximum?: number } = {}): RuleViolation[] {
  if (count === null) return [];
  if (!Number.isInteger(count)) return [{ field, code: 'notWholeNumber' }];
  if (count < minimum) return [{ field, code: 'tooSmall', params: { minimum: String(minimum) } }];
  if (count > maximum) return [{ field, code: 'tooLarge', params: { maximum: String(maximum) } }];
  return [];
}

/**
 * An amount of money in cents: whole, above zero, and not above what one entry may be (by default MAX_ENTRY_CENTS,
 * €100 mld.), said as an amount as every other amount is ("more than € 0,00"), not as a number of cents.
 */
export function amountViolations(field: string, cents: number | null, maximum: number = MAX_ENTRY_CENTS): RuleViolation[] {
  if (cents === null) return [];
  if (!Number.isInteger(cents)) return [{ field, code: 'notWholeNumber' }];
  if (cents <= 0) return [{ field, code: 'amountNotPositive' }];
  if (cents > maximum) return [{ field, code: 'tooLarge', params: { maximum: String(maximum), kind: 'amount' } }];
  return [];
}

/** A country by its ISO 3166-1 alpha-2 code, one that exists. */
export function countryViolations(field: string, code: string): RuleViolation[] {
  return isCountryCode(code) ? [] : [{ field, code: 'invalidCountry' }];
}

/**
 * A rule judged on a field where it is there: a request's field that is no value of its kind is refused as such
 * and missing here, and the record's other rules are judged without it (passedFieldRules).
 */
export function whereGiven<T>(value: T | undefined, rule: (value: T) => RuleViolation[]): RuleViolation[] {
  return value === undefined ? [] : rule(value);
}
