import { describe, expect, it } from 'vitest';
import { parseEuroAmount } from './money.ts';
import { parseWholeNumber, wholeNumberFault } from './number-text.ts';

describe('a whole number as typed', () => {
  it.each([
    ['8', 8],
    [' 1000 ', 1000],
    ['1.000', 1000],
    ['1.234.567', 1_234_567],
    ['1 000', 1000],
    ['12 345 678', 12_345_678],
    ['1\u00a0000\u202f000', 1_000_000],
    ['- 5', -5],
    ['1,000,000', 1_000_000],
    ['-3', -3],
    ['−1.000', -1000],
  ])('reads %j as %i', (text, expected) => {
    expect(parseWholeNumber(text)).toBe(expected);
  });

  it.each([
    ['1,000', 'numberAmbiguous'],
    ['1.5', 'notWholeNumber'],
    ['2,5', 'notWholeNumber'],
    ['0.500', 'notWholeNumber'],
    ['1.00', 'notWholeNumber'],
    ['1.000,5', 'notWholeNumber'],
    ['acht', 'notWholeNumber'],
    // A space that groups no three digits: leaving it out would read other digits than the ones grouped.
    ['1 23', 'notWholeNumber'],
    ['12 34', 'notWholeNumber'],
    ['123 4', 'notWholeNumber'],
    ['12 3456', 'notWholeNumber'],
    ['', 'notWholeNumber'],
  ])('refuses %j as %s', (text, fault) => {
    expect(parseWholeNumber(text)).toBeUndefined();
    expect(wholeNumberFault(text)).toBe(fault);
  });

  it('groups thousands as an amount in euros does', () => {
    for (const text of ['1.000', '1 000', '1,000,000', '12.345.678']) expect(parseWholeNumber(text)! * 100).toBe(parseEuroAmount(text));
    for (const text of ['1,000', '0.500', '1 23', '12 345 6']) expect(parseEuroAmount(text)).toBeUndefined();
  });
});
