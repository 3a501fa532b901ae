import { describe, expect, it } from 'vitest';
import { PAPER_NUMBER_PATTERN } from './paper-number.ts';

describe('PAPER_NUMBER_PATTERN', () => {
  it.each([
    'Kamerstuk 22 054, nr. 460',
    'Kamerstuk 36 045, nr. 460',
    'Kamerstuk 36 200 X, nr. 5',
    'Kamerstuk 36 200-X, nr. 5',
    'Kamerstuk 36 410 IXB, nr. 12',
    'Kamerstuk 36 600 XVIII, nr. 3',
    'Kamerstuk 36 600 A, nr. 7',
    'Kamerstuk 21 501-28, nr. 250',
  ])('accepts %s', (paperNumber) => expect(PAPER_NUMBER_PATTERN.test(paperNumber)).toBe(true));

  it.each([
    'nr 460 ???',
    'Kamerstuk 36045, nr. 460',
    'Kamerstuk 36 045 nr. 460',
    'Kamerstuk 36 045, nr 460',
    'Kamerstuk 36 045, nr. 0',
    'Kamerstuk 06 045, nr. 460',
    'Kamerstuk 136 045, nr. 460',
    'Kamerstuk 36 200 x, nr. 5',
    'Kamerstuk 36 200 Defensie, nr. 5',
    'Kamerstuk 36 200 -X, nr. 5',
    'Kamerstuk 21 501 28, nr. 250',
    'Kamerstuk 36 045, nr. 460 ???',
  ])('refuses %s', (paperNumber) => expect(PAPER_NUMBER_PATTERN.test(paperNumber)).toBe(false));
});
