import type { CentsTotal } from '../../common/money.ts';

const KNOWN_CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));
const RATE_DECIMALS = 8;
const RATE_SCALE = 10n ** BigInt(RATE_DECIMALS);

export function isCurrencyCode(code: string): boolean {
  return KNOWN_CURRENCIES.has(code);
}

/** How many decimals a currency's minor unit has: 2 for the dollar, 0 for the yen, 3 for the dinar. */
export function minorUnitDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * Euro cents of an amount in a currency's minor units at a rate in euro per unit of that currency
 * (decimal text with at most eight decimals), rounded half away from zero in exact integer arithmetic:
 * exact at any size, so that a rule can tell an amount worth more than one entry may be.
 */
export function toEuroCents(originalAmountMinor: number, currency: string, exchangeRate: string): CentsTotal {
  const [whole = '0', fraction = ''] = exchangeRate.split('.');
  const scaledRate = BigInt(whole) * RATE_SCALE + BigInt(fraction.padEnd(RATE_DECIMALS, '0').slice(0, RATE_DECIMALS));
  const numerator = BigInt(originalAmountMinor) * scaledRate * 100n;
  const denominator = RATE_SCALE * 10n ** BigInt(minorUnitDigits(currency));
  const magnitude = (2n * (numerator < 0n ? -numerator : numerator) + denominator) / (2n * denominator);
  return numerator < 0n ? -magnitude : magnitude;
}
