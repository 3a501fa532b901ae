import { describe, expect, it } from 'vitest';
import { isCurrencyCode, minorUnitDigits, toEuroCents } from './currency.ts';

describe('currencies', () => {
  it('knows ISO 4217 codes and their minor units', () => {
    expect(isCurrencyCode('USD')).toBe(true);
    expect(isCurrencyCode('XYZ')).toBe(false);
    expect(minorUnitDigits('USD')).toBe(2);
    expect(minorUnitDigits('JPY')).toBe(0);
    expect(minorUnitDigits('KWD')).toBe(3);
  });

  it('converts minor units to euro cents at a rate, to the cent', () => {
    expect(toEuroCents(1_000_000_00, 'USD', '0.92155')).toBe(921_550_00n);
    expect(toEuroCents(1_000_000, 'JPY', '0.0062')).toBe(6_200_00n);
    expect(toEuroCents(1_000, 'KWD', '2.95')).toBe(2_95n);
    expect(toEuroCents(1, 'USD', '0.5')).toBe(1n);
    expect(toEuroCents(3, 'USD', '0.5')).toBe(2n);
  });

  it('is exact beyond 2^53, so that an amount worth more than any entry is told, not lost', () => {
    expect(toEuroCents(Number.MAX_SAFE_INTEGER, 'USD', '9999999999.99999999')).toBe(90_071_992_547_409_909_909_928_007n);
  });
});
