import { describe, expect, it } from 'vitest';
import { fieldReader, type Problems } from './fieldReader.ts';

describe('an amount typed into a form', () => {
  it.each([
    ['1.234,56', undefined, 123_456],
    ['1,234', 'amountAmbiguous', 0],
    ['0.500', 'amountBeyondCents', 0],
    ['1.234,567', 'amountBeyondCents', 0],
    ['99999999999999999', 'amountTooLarge', 0],
    ['twaalf', 'invalidAmount', 0],
  ])('%j: refused as %s before it is sent, as the import refuses it', (typed, problem, cents) => {
    const problems: Problems = {};
    expect(fieldReader({ amount: typed }, problems).amount('amount', true)).toBe(cents);
    expect(problems.amount).toBe(problem);
  });
});
