import type { Cents, CentsTotal } from '../../../common/money.ts';
import type { Language } from '../i18n/index.ts';
import { locale } from './locale.ts';

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

export function formatEuro(amount: Cents | CentsTotal, language: Language): string {
  return formatMinorUnits(amount, 'EUR', language);
}

/** An amount in any currency, given in that currency's minor unit (cents, or yen for JPY). */
export function formatMinorUnits(amount: number | bigint, currency: string, language: Language): string {
  const formatter = new Intl.NumberFormat(locale(language), { style: 'currency', currency });
  return formatter.format(decimalText(amount, formatter.resolvedOptions().maximumFractionDigits ?? 2));
}

/** A decimal such as an exchange rate, kept exact: "0.9215" becomes "0,9215" in Dutch. */
export function formatDecimal(text: string, language: Language): string {
  return new Intl.NumberFormat(locale(language), { maximumFractionDigits: 20 }).format(text as `${number}`);
}

/** Billions for chart axes, which need only a rough scale. */
export function formatBillions(amount: Cents, language: Language): string {
  return new Intl.NumberFormat(locale(language), { maximumFractionDigits: 1 }).format(amount / 1e11);
}
