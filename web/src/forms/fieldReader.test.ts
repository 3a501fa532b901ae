import { describe, expect, it } from 'vitest';
import { fieldReader, type Problems } from './fieldReader.ts';

describe('an amount typed into a form', () => {
  it.each([
    ['1.234,56', undefined, 123_456],
    ['€ 1.234,-', undefined, 123_400],
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

describe('a whole number typed into a form', () => {
  it.each([
    ['1.000', undefined, 1000],
    ['1 000', undefined, 1000],
    ['1,000,000', undefined, 1_000_000],
    ['1,000', 'numberAmbiguous', 0],
    ['1.5', 'invalidWholeNumber', 0],
    ['50%', 'invalidWholeNumber', 0],
  ])('%j: refused as %s before it is sent, with its thousands grouped as in an amount', (typed, problem, count) => {
    const problems: Problems = {};
    expect(fieldReader({ count: typed }, problems).wholeNumber('count', true)).toBe(count);
    expect(problems.count).toBe(problem);
  });

  it.each([
    ['50%', undefined, 50],
    ['50 %', undefined, 50],
    ['50', undefined, 50],
    ['%', 'invalidWholeNumber', 0],
    ['', 'required', 0],
  ])('%j: a percentage with or without its sign', (typed, problem, percent) => {
    const problems: Problems = {};
    expect(fieldReader({ percent: typed }, problems).percentage('percent')).toBe(percent);
    expect(problems.percent).toBe(problem);
  });
});
