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
    expect(toEuroCents(1_000_000_00, 'USD', '0.92155')).toBe(921_550_00);
    expect(toEuroCents(1_000_000, 'JPY', '0.0062')).toBe(6_200_00);
    expect(toEuroCents(1_000, 'KWD', '2.95')).toBe(2_95);
    expect(toEuroCents(1, 'USD', '0.5')).toBe(1);
    expect(toEuroCents(3, 'USD', '0.5')).toBe(2);
  });
});
