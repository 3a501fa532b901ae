import { describe, expect, it } from 'vitest';
import { fieldReader, type Problems } from './fieldReader.ts';
import { refusedField } from './typedRequest.ts';

/** A refused field reads as its mark, which the request carries in its place until it is sent as typed. */
const REFUSED = -1;

describe('an amount typed into a form', () => {
  it.each([
    ['1.234,56', undefined, 123_456],
    ['€ 1.234,-', undefined, 123_400],
    ['1,234', 'amountAmbiguous', REFUSED],
    ['0.500', 'amountBeyondCents', REFUSED],
    ['1.234,567', 'amountBeyondCents', REFUSED],
    ['99999999999999999', 'amountTooLarge', REFUSED],
    ['twaalf', 'invalidAmount', REFUSED],
  ])('%j: refused as %s before it is sent, as the import refuses it', (typed, problem, cents) => {
    const problems: Problems = {};
    expect(fieldReader({ amount: typed }, problems).amount('amount', true)).toBe(cents === REFUSED ? refusedField('amount') : cents);
    expect(problems.amount).toBe(problem);
  });
});

describe('a whole number typed into a form', () => {
  it.each([
    ['1.000', undefined, 1000],
    ['1 000', undefined, 1000],
    ['1,000,000', undefined, 1_000_000],
    ['1,000', 'numberAmbiguous', REFUSED],
    ['1.5', 'invalidWholeNumber', REFUSED],
    ['50%', 'invalidWholeNumber', REFUSED],
  ])('%j: refused as %s before it is sent, with its thousands grouped as in an amount', (typed, problem, count) => {
    const problems: Problems = {};
    expect(fieldReader({ count: typed }, problems).wholeNumber('count', true)).toBe(count === REFUSED ? refusedField('count') : count);
    expect(problems.count).toBe(problem);
  });

  it.each([
    ['50%', undefined, 50],
    ['50 %', undefined, 50],
    ['50', undefined, 50],
    ['%', 'invalidWholeNumber', REFUSED],
    ['', 'required', REFUSED],
  ])('%j: a percentage with or without its sign', (typed, problem, percent) => {
    const problems: Problems = {};
    expect(fieldReader({ percent: typed }, problems).percentage('percent')).toBe(percent === REFUSED ? refusedField('percent') : percent);
    expect(problems.percent).toBe(problem);
  });
});
