import { describe, expect, it } from 'vitest';
import { parseExactJson } from '../../../common/exact-json.ts';
import { parseEuroAmount } from '../../../common/money.ts';
import { formatDecimal, formatEuro, formatEuroAsTyped, formatMinorUnits } from './money.ts';

/** Intl separates the currency sign with a no-break space. */
const plain = (text: string) => text.replace(/\u00a0/g, ' ');

describe('money on screen', () => {
  it('shows every cent, even of amounts that a float would round', () => {
    expect(plain(formatEuro(Number.MAX_SAFE_INTEGER, 'nl'))).toBe('€ 90.071.992.547.409,91');
    expect(plain(formatEuro(870_000_000_099, 'en'))).toBe('€8,700,000,000.99');
    expect(plain(formatEuro(-5, 'nl'))).toBe('€ -0,05');
  });

  it('fills an amount field with an amount it reads back to the cent', () => {
    expect(formatEuroAsTyped(10_000_000_000, 'nl')).toBe('100.000.000,00');
    expect(formatEuroAsTyped(870_000_000_099, 'en')).toBe('8,700,000,000.99');
    for (const cents of [1, 99, 100, 123_456_789, 1_000_000_000_000]) for (const language of ['nl', 'en'] as const) expect(parseEuroAmount(formatEuroAsTyped(cents, language))).toBe(cents);
  });

  it('shows a sum beyond 2^53 cents to the cent, as the API sends it', () => {
    const sum = parseExactJson('{"total":10000000000000001}') as { total: bigint };
    expect(plain(formatEuro(sum.total, 'nl'))).toBe('€ 100.000.000.000.000,01');
  });

  it('knows how many minor units each currency has', () => {
    expect(plain(formatMinorUnits(123_456, 'USD', 'en'))).toBe('US$1,234.56');
    expect(plain(formatMinorUnits(123_456, 'JPY', 'nl'))).toBe('JP¥ 123.456');
  });

  it('writes an exchange rate exactly, in the notation of the language', () => {
    expect(formatDecimal('0.92150000', 'nl')).toBe('0,9215');
    expect(formatDecimal('1.0000000012', 'en')).toBe('1.0000000012');
  });
});
