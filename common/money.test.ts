import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cents, centsFromText, centsOfTotal, euroAmountFault, MoneyError, parseEuroAmount, sumCents, totalCents, totalCentsFromText } from './money.ts';

describe('cents', () => {
  it('accepts whole numbers and refuses fractions and unsafe sizes', () => {
    expect(cents(12_345)).toBe(12_345);
    expect(() => cents(1.5)).toThrow(MoneyError);
    expect(() => cents(2 ** 53)).toThrow(MoneyError);
    expect(() => centsFromText('12.5')).toThrow(MoneyError);
    expect(centsFromText('-870000000000')).toBe(-870_000_000_000);
  });

  it('sums exactly and refuses a sum beyond exact range', () => {
    expect(sumCents([240_000_000_000, 612_100_000_000, 17_900_000_000])).toBe(870_000_000_000);
    expect(() => sumCents([Number.MAX_SAFE_INTEGER, 1])).toThrow(MoneyError);
  });

  it('adds totals exactly beyond 2^53, and refuses to turn one that large back into a number', () => {
    expect(totalCents([Number.MAX_SAFE_INTEGER, 1, 1n])).toBe(9_007_199_254_740_993n);
    expect(totalCentsFromText('-10000000000000000001')).toBe(-10_000_000_000_000_000_001n);
    expect(() => totalCentsFromText('1e20')).toThrow(MoneyError);
    expect(centsOfTotal(9_007_199_254_740_991n)).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => centsOfTotal(9_007_199_254_740_992n)).toThrow(MoneyError);
  });
});

describe('parseEuroAmount', () => {
  it.each([
    ['1.234.567,89', 123_456_789],
    ['€ 500.000.000', 50_000_000_000],
    ['1234567.89', 123_456_789],
    ['0,1', 10],
    ['12', 1_200],
    ['-3,05', -305],
    [' 1 234,5 ', 123_450],
    ['-€ 1.234,56', -123_456],
    ['€ -1.234,56', -123_456],
    ['−12,50', -1_250],
    ['1,234.56', 123_456],
    ['€ 1,234,567.8', 123_456_780],
    ['25,000,000', 2_500_000_000],
    ['€ -12,345,678', -1_234_567_800],
    ['€ 1.234,-', 123_400],
    ['1.234,--', 123_400],
    ['250,–', 25_000],
    ['-€ 5,-', -500],
    ['€ 1 234 567,89', 123_456_789],
    ['- € 1\u00a0234,56', -123_456],
  ])('reads %s as %i cents', (text, expected) => {
    expect(parseEuroAmount(text)).toBe(expected);
  });

  it.each(['', 'twaalf', '1,234', '1.23.4', '12,345', '1e6', '0.1.2', '1,23.45', '1,2345.6', '--5', '€€5', '5-', '1.234.56', '0.500', '00.250', '0.500.000', '0,500,000.00', '012.345', ',-', '€ ,-', '1.234,-5', '1.234,---', '1.234.-', '1,5,-', '1 23', '12 34', '123 4', '1 234,5 6', '€ 12 345 6', '€€ 12'])('refuses %j', (text) => {
    expect(parseEuroAmount(text)).toBeUndefined();
  });

  it('reads back every amount written in Dutch style, to the cent', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (amount) => {
        const euros = Math.floor(amount / 100).toLocaleString('nl-NL');
        const text = `${euros},${String(amount % 100).padStart(2, '0')}`;
        expect(parseEuroAmount(text)).toBe(amount);
      }),
    );
  });

  it('reads back every amount with its thousands grouped by spaces, as French and Excel write them', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (amount) => {
        const euros = Math.floor(amount / 100).toLocaleString('fr-FR');
        expect(parseEuroAmount(`${euros},${String(amount % 100).padStart(2, '0')}`)).toBe(amount);
      }),
    );
  });

  it('reads back every amount of at least a million euro written in English style, without or with cents', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100_000_000, max: Number.MAX_SAFE_INTEGER }), (amount) => {
        const euros = Math.floor(amount / 100).toLocaleString('en-GB');
        expect(parseEuroAmount(`${euros}.${String(amount % 100).padStart(2, '0')}`)).toBe(amount);
        expect(parseEuroAmount(euros)).toBe(amount - (amount % 100));
      }),
    );
  });
});

describe('euroAmountFault', () => {
  it.each([
    ['1,234', 'amountAmbiguous'],
    ['-1,000', 'amountAmbiguous'],
    ['12,345,678', undefined],
    ['1,234,56', 'notAnAmount'],
    ['1,23.45', 'notAnAmount'],
    ['twaalf', 'notAnAmount'],
    ['100.000.000.000,01', 'amountTooLarge'],
    ['100.000.000.000', undefined],
    ['1.234', undefined],
  ])('says of %j: %s', (text, fault) => {
    expect(euroAmountFault(text)).toBe(fault);
  });
});
