import { formatMinorUnitsIn, type Cents, type CentsTotal } from '../../../common/money.ts';
import type { Language } from '../i18n/index.ts';
import { locale } from './locale.ts';

export function formatEuro(amount: Cents | CentsTotal, language: Language): string {
  return formatMinorUnits(amount, 'EUR', language);
}

/** An amount in any currency, given in that currency's minor unit (cents, or yen for JPY). */
export function formatMinorUnits(amount: number | bigint, currency: string, language: Language): string {
  return formatMinorUnitsIn(amount, currency, locale(language));
}

/** A decimal such as an exchange rate, kept exact: "0.9215" becomes "0,9215" in Dutch. */
export function formatDecimal(text: string, language: Language): string {
  return new Intl.NumberFormat(locale(language), { maximumFractionDigits: 20 }).format(text as `${number}`);
}

/** Billions for chart axes, which need only a rough scale. */
export function formatBillions(amount: Cents, language: Language): string {
  return new Intl.NumberFormat(locale(language), { maximumFractionDigits: 1 }).format(amount / 1e11);
}

/** An amount as a person would type it in an amount field ("1.200.000,00"), which the field reads back exactly. */
export function formatEuroAsTyped(amount: Cents, language: Language): string {
  const exact = `${Math.trunc(amount / 100)}.${String(Math.abs(amount % 100)).padStart(2, '0')}`;
  return new Intl.NumberFormat(locale(language), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(exact as `${number}`);
}
