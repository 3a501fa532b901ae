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
    ['', 'notWholeNumber'],
  ])('refuses %j as %s', (text, fault) => {
    expect(parseWholeNumber(text)).toBeUndefined();
    expect(wholeNumberFault(text)).toBe(fault);
  });

  it('groups thousands as an amount in euros does', () => {
    for (const text of ['1.000', '1 000', '1,000,000', '12.345.678']) expect(parseWholeNumber(text)! * 100).toBe(parseEuroAmount(text));
    for (const text of ['1,000', '0.500']) expect(parseEuroAmount(text)).toBeUndefined();
  });
});
