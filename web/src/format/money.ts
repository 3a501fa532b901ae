import type { Cents } from '../../../common/money.ts';
import type { Language } from '../i18n/index.ts';
import { locale } from './locale.ts';

/** Exact decimal text of a whole number of minor units ("-1234.05"), so no binary fraction reaches Intl. */
function decimalText(minorUnits: number, fractionDigits: number): `${number}` {
  const scale = 10 ** fractionDigits;
  const magnitude = Math.abs(minorUnits);
  const fraction = magnitude % scale;
  const whole = (magnitude - fraction) / scale;
  const fractionText = fractionDigits > 0 ? `.${String(fraction).padStart(fractionDigits, '0')}` : '';
  return `${minorUnits < 0 ? '-' : ''}${whole}${fractionText}` as `${number}`;
}

export function formatEuro(amount: Cents, language: Language): string {
  return formatMinorUnits(amount, 'EUR', language);
}

/** An amount in any currency, given in that currency's minor unit (cents, or yen for JPY). */
export function formatMinorUnits(amount: number, currency: string, language: Language): string {
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
