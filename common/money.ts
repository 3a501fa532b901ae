/**
 * Money is held as an exact whole number of euro cents. One amount is a number: it is at most
 * MAX_ENTRY_CENTS, and numbers are exact up to 2^53; every operation checks it stays there. A sum over
 * the register is a CentsTotal (BigInt), exact at any size, since enough entries at the ceiling pass 2^53.
 */
import { COMMA_GROUPED, COMMA_GROUPED_TWICE, numberText, ONE_COMMA_GROUP, POINT_GROUPED } from './number-text.ts';

export type Cents = number;
export type CentsTotal = bigint;

export class MoneyError extends Error {}

/**
 * The most one valuation or payment may be: €100 mld. (10^13 cents), far above any single delivery of
 * military support. Over 900 entries at the ceiling pass 2^53 cents: sums are CentsTotals.
 */
export const MAX_ENTRY_CENTS: Cents = 10_000_000_000_000;

export function cents(value: number): Cents {
  if (!Number.isSafeInteger(value)) throw new MoneyError(`not a whole number of cents: ${value}`);
  return value;
}

/** Parses the integer text PostgreSQL returns for bigint and numeric sums. */
export function centsFromText(text: string): Cents {
  if (!/^-?\d+$/.test(text)) throw new MoneyError(`not a whole number of cents: ${text}`);
  return cents(Number(text));
}

/** Parses the integer text PostgreSQL returns for a numeric sum, at any size. */
export function totalCentsFromText(text: string): CentsTotal {
  if (!/^-?\d+$/.test(text)) throw new MoneyError(`not a whole number of cents: ${text}`);
  return BigInt(text);
}

/** The exact sum of amounts and totals. */
export function totalCents(values: Iterable<Cents | CentsTotal>): CentsTotal {
  let total = 0n;
  for (const value of values) total += typeof value === 'bigint' ? value : BigInt(cents(value));
  return total;
}

/**
 * A total where the code that reads it still counts in numbers (the budget, the letter's snapshot):
 * refused, never rounded, beyond 2^53.
 */
export function centsOfTotal(total: CentsTotal): Cents {
  if (total > BigInt(Number.MAX_SAFE_INTEGER) || total < BigInt(Number.MIN_SAFE_INTEGER)) throw new MoneyError(`beyond exact numbers: ${total} cents`);
  return Number(total);
}

/** A checked sum of amounts that stays a number; a sum over the register is a totalCents. */
export function sumCents(values: Iterable<Cents>): Cents {
  let total = 0;
  for (const value of values) total = cents(total + value);
  return total;
}

/**
 * Parses an amount in euro as people type it ("1.234,56", "1234.56", "500000000", "1,234.56", "25,000,000",
 * "-€ 5", "€ 1.234,-") into cents, without ever going through floating point. Returns undefined when the text is not an
 * amount, or when it could be either ("1,234": a thousand or one euro and a fraction; two commas cannot
 * both be decimal).
 */
export function parseEuroAmount(text: string): Cents | undefined {
  const signed = parseEuroAmountExactly(text);
  if (signed === undefined || signed > BigInt(Number.MAX_SAFE_INTEGER) || signed < BigInt(Number.MIN_SAFE_INTEGER)) return undefined;
  return Number(signed);
}

/** The same at any size, so that a reader can tell an amount too large from text that is no amount. */
export function parseEuroAmountExactly(text: string): CentsTotal | undefined {
  const trimmed = amountText(text);
  const match = DUTCH_AMOUNT.exec(trimmed) ?? ENGLISH_AMOUNT.exec(trimmed) ?? ENGLISH_WHOLE_EUROS.exec(trimmed) ?? PLAIN_AMOUNT.exec(trimmed);
  if (!match) return undefined;
  const [, sign, whole = '', fraction = ''] = match;
  const value = BigInt(whole.replace(/[.,]/g, '')) * 100n + BigInt(fraction.padEnd(2, '0'));
  return sign === '-' ? -value : value;
}

// Thousands grouped as number-text.ts reads them, the decimals after a comma (Dutch) or a point (English).
const DUTCH_AMOUNT = new RegExp(String.raw`^(-?)(${POINT_GROUPED}|\d+)(?:,(\d{1,2}))?$`);
const ENGLISH_AMOUNT = new RegExp(String.raw`^(-?)(${COMMA_GROUPED})\.(\d{1,2})$`);
const ENGLISH_WHOLE_EUROS = new RegExp(String.raw`^(-?)(${COMMA_GROUPED_TWICE})$`);
// Plain, with a decimal point.
const PLAIN_AMOUNT = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;

/**
 * The text of an amount as numberText gives it, without euro sign, nor the ",-" of whole euros; a sign stands
 * before or after the euro sign ("-€ 5" or "€ -5", as Excel shows either), or is a minus sign.
 */
function amountText(text: string): string {
  return numberText(text.trim().replace(/^([-−]?)\s*€/, '$1')).replace(WHOLE_EUROS, '$1');
}

/** ",-" after whole euros written in Dutch ("€ 1.234,-"), or ",--", or with a dash as a word processor makes it (",–"). */
const WHOLE_EUROS = new RegExp(String.raw`^(-?(?:\d+|${POINT_GROUPED})),[-–]{1,2}$`);

/** An amount but for its three or more decimals ("1.234,567", "1234.5678", "0.500"). */
const DECIMALS_BEYOND_CENTS = /^-?\d[\d.,]*[.,]\d{3,}$/;

/**
 * Why text is no amount of one entry: one it could read two ways ("1,234": a thousand, with one comma
 * between thousands, or one euro and a fraction, with a decimal comma), one of more than two decimals, no
 * amount at all, or one beyond MAX_ENTRY_CENTS; undefined for an amount parseEuroAmount reads.
 */
export function euroAmountFault(text: string): 'amountAmbiguous' | 'amountBeyondCents' | 'notAnAmount' | 'amountTooLarge' | undefined {
  const exact = parseEuroAmountExactly(text);
  if (exact === undefined) {
    const written = amountText(text);
    if (ONE_COMMA_GROUP.test(written)) return 'amountAmbiguous';
    return DECIMALS_BEYOND_CENTS.test(written) ? 'amountBeyondCents' : 'notAnAmount';
  }
  return exact > BigInt(MAX_ENTRY_CENTS) || exact < -BigInt(MAX_ENTRY_CENTS) ? 'amountTooLarge' : undefined;
}

/**
 * Exact decimal text of a whole number of minor units ("-1234.05"), so no binary fraction reaches Intl;
 * in BigInt arithmetic, so that a sum beyond 2^53 keeps its last cent.
 */
function decimalText(minorUnits: number | bigint, fractionDigits: number): `${number}` {
  const exact = BigInt(minorUnits);
  const scale = 10n ** BigInt(fractionDigits);
  const magnitude = exact < 0n ? -exact : exact;
  const fraction = magnitude % scale;
  const whole = magnitude / scale;
  const fractionText = fractionDigits > 0 ? `.${String(fraction).padStart(fractionDigits, '0')}` : '';
  return `${exact < 0n ? '-' : ''}${whole}${fractionText}` as `${number}`;
}

/** An amount in any currency, given in that currency's minor unit (cents, or yen for JPY), in a locale ("nl-NL"). */
export function formatMinorUnitsIn(amount: number | bigint, currency: string, locale: string): string {
  const formatter = new Intl.NumberFormat(locale, { style: 'currency', currency });
  return formatter.format(decimalText(amount, formatter.resolvedOptions().maximumFractionDigits ?? 2));
}
