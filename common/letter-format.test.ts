import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  COMPARISON_PRECISION,
  CURRENT_WORDING,
  type LetterWording,
  countInWords,
  countedUpToInWords,
  formatExactEuros,
  letterAmountIsExact,
  formatCount,
  REFERENCE_PRECISION,
  formatLetterAmount,
  formatLetterDate,
  formatPercent,
  formatTableDate,
  keepFiguresTogether,
  percentage,
  type LetterUnit,
  type Precision,
} from './letter-format.ts';

const MILLION_EURO = 100_000_000;
const BILLION_EURO = 100_000_000_000;
const CENTS_PER_UNIT: Record<LetterUnit, bigint> = { 'mld.': BigInt(BILLION_EURO), 'mln.': BigInt(MILLION_EURO) };

/** Reads a table amount back as an exact fraction of cents: numerator / 10^decimals. */
function parseAmount(text: string): { unit: LetterUnit; numerator: bigint; decimals: number } {
  const match = /^€ (-?)([\d.]+)(?:,(\d+))? (mld\.|mln\.)$/.exec(text);
  if (!match) throw new Error(`not a letter amount: ${text}`);
  const [, sign = '', whole = '', fraction = '', unit] = match;
  const digits = BigInt(`${sign}${whole.replace(/\./g, '')}${fraction}`);
  return { unit: unit as LetterUnit, numerator: digits * CENTS_PER_UNIT[unit as LetterUnit], decimals: fraction.length };
}

/** Size of the last place the precision keeps, in cents times 10^scale (an independent computation). */
function lastPlace(amount: number, unit: LetterUnit, precision: Precision): number {
  const unitExponent = CENTS_PER_UNIT[unit].toString().length - 1;
  if ('decimals' in precision) return unitExponent - precision.decimals;
  const amountExponent = String(Math.abs(amount)).length - 1;
  return Math.min(amountExponent - precision.significantDigits + 1, unitExponent - (precision.minimumDecimals ?? -Infinity));
}

const precisions: fc.Arbitrary<Precision> = fc.oneof(
  fc.integer({ min: 0, max: 6 }).map((decimals) => ({ decimals })),
  fc.integer({ min: 1, max: 6 }).map((significantDigits) => ({ significantDigits })),
  fc
    .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 3 }))
    .map(([significantDigits, minimumDecimals]) => ({ significantDigits, minimumDecimals })),
);
const amounts = fc.integer({ min: -50_000 * BILLION_EURO, max: 50_000 * BILLION_EURO });
const units = fc.constantFrom<LetterUnit>('mld.', 'mln.');

describe('formatLetterAmount', () => {
  it('prints the new column of the letter table with two significant digits and at least one decimal', () => {
    const table = (amount: number) => formatLetterAmount(amount, REFERENCE_PRECISION, { unit: 'mld.' });
    expect(table(240_000_000_000)).toBe('€ 2,4 mld.');
    expect(table(612_100_000_000)).toBe('€ 6,1 mld.');
    expect(table(17_900_000_000)).toBe('€ 0,18 mld.');
    expect(table(870_000_000_000)).toBe('€ 8,7 mld.');
    expect(table(1_360_000_000_000)).toBe('€ 13,6 mld.');
    expect(formatLetterAmount(17_900_000_000, REFERENCE_PRECISION, { runningText: true })).toBe('€179 mln.');
  });

  it('prints the previous column and the increase with up to two decimals, trailing zeros dropped', () => {
    const table = (amount: number) => formatLetterAmount(amount, COMPARISON_PRECISION, { unit: 'mld.' });
    expect(table(205_000_000_000)).toBe('€ 2,05 mld.');
    expect(table(373_000_000_000)).toBe('€ 3,73 mld.');
    expect(table(10_000_000_000)).toBe('€ 0,1 mld.');
    expect(table(588_000_000_000)).toBe('€ 5,88 mld.');
    expect(table(282_000_000_000)).toBe('€ 2,82 mld.');
    expect(table(240_000_000_000)).toBe('€ 2,4 mld.');
    expect(table(300_000_000_000)).toBe('€ 3 mld.');
  });

  it('prints every decimal of the precision where asked, a trailing zero too', () => {
    const allDecimals = (amount: number) => formatLetterAmount(amount, COMPARISON_PRECISION, { unit: 'mld.', runningText: true, allDecimals: true });
    expect(allDecimals(880_000_000_000)).toBe('€8,80 mld.');
    expect(allDecimals(879_000_000_000)).toBe('€8,79 mld.');
    expect(allDecimals(300_000_000_000)).toBe('€3,00 mld.');
    expect(allDecimals(-10_000_000_000)).toBe('€-0,10 mld.');
    expect(formatLetterAmount(880_000_000_000, REFERENCE_PRECISION, { unit: 'mld.', allDecimals: true })).toBe('€ 8,8 mld.');
  });

  it('chooses mln. or mld. by magnitude and writes running text without a space after the euro sign', () => {
    const text = (amount: number) => formatLetterAmount(amount, COMPARISON_PRECISION, { runningText: true });
    expect(text(500 * MILLION_EURO)).toBe('€500 mln.');
    expect(text(179 * MILLION_EURO)).toBe('€179 mln.');
    expect(text(52_800_000 * 100)).toBe('€52,8 mln.');
    expect(text(1_360_000_000_000)).toBe('€13,6 mld.');
    expect(formatLetterAmount(870_000_000_000, REFERENCE_PRECISION, { runningText: true })).toBe('€8,7 mld.');
  });

  it('moves to mld. when rounding reaches a thousand million', () => {
    expect(formatLetterAmount(99_995_000_000, REFERENCE_PRECISION)).toBe('€ 1 mld.');
    expect(formatLetterAmount(99_994_999_999, REFERENCE_PRECISION)).toBe('€ 999,9 mln.');
    expect(formatLetterAmount(99_995_000_000, { significantDigits: 2 })).toBe('€ 1 mld.');
    expect(formatLetterAmount(99_499_999_999, { significantDigits: 2 })).toBe('€ 990 mln.');
    expect(formatLetterAmount(99_999_499_999, COMPARISON_PRECISION)).toBe('€ 999,99 mln.');
    expect(formatLetterAmount(99_999_500_000, COMPARISON_PRECISION)).toBe('€ 1 mld.');
  });

  it('rounds exact halves away from zero where floating point would not', () => {
    expect(formatLetterAmount(234_500_000_000, COMPARISON_PRECISION)).toBe('€ 2,35 mld.');
    expect(formatLetterAmount(-234_500_000_000, COMPARISON_PRECISION)).toBe('€ -2,35 mld.');
    expect(formatLetterAmount(234_499_999_999, COMPARISON_PRECISION)).toBe('€ 2,34 mld.');
    expect(formatLetterAmount(100_500_000_000, COMPARISON_PRECISION)).toBe('€ 1,01 mld.');
    expect(formatLetterAmount(245_000_000_000, REFERENCE_PRECISION)).toBe('€ 2,5 mld.');
    expect(formatLetterAmount(17_500_000_000, REFERENCE_PRECISION, { unit: 'mld.' })).toBe('€ 0,18 mld.');
  });

  it('groups thousands with points and rounds to tens when the digits run out', () => {
    expect(formatLetterAmount(1_360_000_000_000, COMPARISON_PRECISION, { unit: 'mln.' })).toBe('€ 13.600 mln.');
    expect(formatLetterAmount(123_456_700_000_000, COMPARISON_PRECISION)).toBe('€ 1.234,57 mld.');
    expect(formatLetterAmount(17_900_000_000, { significantDigits: 2 })).toBe('€ 180 mln.');
    expect(formatLetterAmount(123_456_700_000_000, { significantDigits: 2 })).toBe('€ 1.200 mld.');
    expect(formatLetterAmount(123_456_700_000_000, REFERENCE_PRECISION)).toBe('€ 1.234,6 mld.');
  });

  it('prints zero and amounts below a million', () => {
    expect(formatLetterAmount(0, REFERENCE_PRECISION, { unit: 'mld.' })).toBe('€ 0 mld.');
    expect(formatLetterAmount(0, COMPARISON_PRECISION)).toBe('€ 0 mln.');
    expect(formatLetterAmount(250_000_000, REFERENCE_PRECISION)).toBe('€ 2,5 mln.');
    expect(formatLetterAmount(123, REFERENCE_PRECISION)).toBe('€ 0,0000012 mln.');
    expect(formatLetterAmount(-1, COMPARISON_PRECISION)).toBe('€ 0 mln.');
  });

  it('refuses amounts that are not whole cents and precisions that make no sense', () => {
    expect(() => formatLetterAmount(0.5, COMPARISON_PRECISION)).toThrow();
    expect(() => formatLetterAmount(1, { significantDigits: 0 })).toThrow(RangeError);
    expect(() => formatLetterAmount(1, { decimals: -1 })).toThrow(RangeError);
    expect(() => formatLetterAmount(1, { decimals: 1.5 })).toThrow(RangeError);
  });

  it('is never off by more than half the last kept place, and an exact half goes away from zero', () => {
    fc.assert(
      fc.property(amounts, precisions, units, (amount, precision, unit) => {
        const printed = parseAmount(formatLetterAmount(amount, precision, { unit }));
        expect(printed.unit).toBe(unit);
        const place = lastPlace(amount, unit, precision);
        // Compare printed and exact on a common scale of cents * 10^scale.
        const scale = Math.max(printed.decimals, -place, 0);
        const printedScaled = printed.numerator * 10n ** BigInt(scale - printed.decimals);
        const exactScaled = BigInt(amount) * 10n ** BigInt(scale);
        const halfPlace = 10n ** BigInt(place + scale) / 2n;
        const error = printedScaled - exactScaled;
        expect(error <= halfPlace && error >= -halfPlace).toBe(true);
        if (error === halfPlace || error === -halfPlace) expect(error > 0n).toBe(amount > 0);
      }),
      { numRuns: 2000 },
    );
  });

  it('rounds every exact half away from zero', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000, max: 10_000 }), fc.integer({ min: 0, max: 2 }), (whole, decimals) => {
        const place = BILLION_EURO / 10 ** decimals;
        const half = whole * place + Math.sign(whole || 1) * (place / 2);
        const awayFromZero = (whole + Math.sign(whole || 1)) * place;
        const options = { unit: 'mld.' } as const;
        expect(formatLetterAmount(half, { decimals }, options)).toBe(formatLetterAmount(awayFromZero, { decimals }, options));
      }),
    );
  });

  it('never prints a larger amount for a smaller one', () => {
    fc.assert(
      fc.property(amounts, amounts, precisions, units, (a, b, precision, unit) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const value = (amount: number) => {
          const { numerator, decimals } = parseAmount(formatLetterAmount(amount, precision, { unit }));
          return numerator * 10n ** BigInt(30 - decimals);
        };
        expect(value(low) <= value(high)).toBe(true);
      }),
    );
  });

  it('prints running text exactly as the table, without the space', () => {
    fc.assert(
      fc.property(amounts, precisions, (amount, precision) => {
        const table = formatLetterAmount(amount, precision);
        expect(formatLetterAmount(amount, precision, { runningText: true })).toBe(table.replace('€ ', '€'));
      }),
    );
  });
});

describe('formatPercent and percentage', () => {
  /** As letters before format 3 wrote a share, always in whole percent: "0 procent". */
  const IN_WHOLE_PERCENT: LetterWording = { ...CURRENT_WORDING, lessThanOnePercent: false };

  it('gives the letter increase: 2,82 on 5,88 is 48 procent, 47.96 as data', () => {
    expect(formatPercent(282_000_000_000, 588_000_000_000)).toBe('48 procent');
    expect(percentage(282_000_000_000, 588_000_000_000, 2)).toBe(47.96);
  });

  it('rounds halves away from zero', () => {
    expect(formatPercent(1, 200)).toBe('1 procent');
    expect(formatPercent(-1, 200)).toBe('-1 procent');
    expect(formatPercent(1, 201, IN_WHOLE_PERCENT)).toBe('0 procent');
    expect(percentage(1, 8, 1)).toBe(12.5);
    expect(percentage(1, 16, 1)).toBe(6.3);
    expect(percentage(-1, 16, 1)).toBe(-6.3);
  });

  it('says a change that rounds to no whole percent is less than one percent, and none only of nothing', () => {
    expect(formatPercent(1, 201)).toBe('minder dan 1 procent');
    expect(formatPercent(-1, 201)).toBe('minder dan 1 procent');
    expect(formatPercent(0, 201)).toBe('0 procent');
  });

  it('groups a share of a thousand percent or more as the letter writes its counts, where letters before format 6 did not', () => {
    expect(formatPercent(1_142, 100)).toBe('1.142 procent');
    expect(formatPercent(-1_142_000, 1_000)).toBe('-114.200 procent');
    expect(formatPercent(999, 100)).toBe('999 procent');
    expect(formatPercent(1_142, 100, { ...CURRENT_WORDING, groupedPercent: false })).toBe('1142 procent');
  });

  it('refuses a zero denominator', () => {
    expect(() => formatPercent(1, 0)).toThrow(RangeError);
    expect(() => percentage(1, 0, 2)).toThrow(RangeError);
  });

  it('agrees with the exact ratio to within half a percent, halves away from zero', () => {
    const nonZero = fc.integer({ min: -1_000 * BILLION_EURO, max: 1_000 * BILLION_EURO }).filter((d) => d !== 0);
    fc.assert(
      fc.property(fc.integer({ min: -10 * BILLION_EURO, max: 10 * BILLION_EURO }), nonZero, (numerator, denominator) => {
        const text = formatPercent(numerator, denominator, IN_WHOLE_PERCENT);
        const whole = BigInt(/^(-?[\d.]+) procent$/.exec(text)![1]!.replaceAll('.', ''));
        // error = whole - 100 n / d, scaled by |d|
        const scaledError = (whole * BigInt(denominator) - 100n * BigInt(numerator)) * (denominator < 0 ? -1n : 1n);
        const bound = BigInt(Math.abs(denominator));
        expect(2n * scaledError <= bound && 2n * scaledError >= -bound).toBe(true);
        if (2n * scaledError === bound) expect(whole > 0n).toBe(true);
        if (2n * scaledError === -bound) expect(whole < 0n).toBe(true);
        expect(String(percentage(numerator, denominator, 0))).toBe(String(whole));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives data to a hundredth of a percent, within half a hundredth of the exact ratio', () => {
    const totals = fc.integer({ min: MILLION_EURO, max: 1_000 * BILLION_EURO });
    fc.assert(
      fc.property(fc.integer({ min: -1_000 * BILLION_EURO, max: 1_000 * BILLION_EURO }), totals, (numerator, denominator) => {
        const hundredths = BigInt(Math.round(percentage(numerator, denominator, 2) * 100));
        const scaledError = hundredths * BigInt(denominator) - 10_000n * BigInt(numerator);
        expect(2n * scaledError <= BigInt(denominator) && 2n * scaledError >= -BigInt(denominator)).toBe(true);
      }),
    );
  });
});

describe('letter dates', () => {
  it('writes the letter date in full', () => {
    expect(formatLetterDate('2025-09-10')).toBe('10 september 2025');
    expect(formatLetterDate('2025-08-31')).toBe('31 augustus 2025');
    expect(formatLetterDate('2022-12-16')).toBe('16 december 2022');
    expect(formatLetterDate('2024-03-01')).toBe('1 maart 2024');
  });

  it('writes the table heading with the Dutch month abbreviations', () => {
    expect(formatTableDate('2025-08-31')).toBe('31 aug. 2025');
    expect(formatTableDate('2025-02-04')).toBe('4 feb. 2025');
    const abbreviations = Array.from({ length: 12 }, (_, index) =>
      formatTableDate(`2025-${String(index + 1).padStart(2, '0')}-01`).split(' ')[1],
    );
    expect(abbreviations).toEqual(['jan.', 'feb.', 'mrt.', 'apr.', 'mei', 'jun.', 'jul.', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.']);
  });

  it('says up to when something was counted by its month only where the count reaches the month\'s last day, else by its day', () => {
    expect(countedUpToInWords('2025-08-31')).toEqual({ upTo: 'augustus 2025', before: 'september 2025' });
    expect(countedUpToInWords('2025-12-31')).toEqual({ upTo: 'december 2025', before: 'januari 2026' });
    expect(countedUpToInWords('2024-02-29')).toEqual({ upTo: 'februari 2024', before: 'maart 2024' });
    expect(countedUpToInWords('2025-10-15')).toEqual({ upTo: '15 oktober 2025', before: '16 oktober 2025' });
    expect(countedUpToInWords('2025-08-30')).toEqual({ upTo: '30 augustus 2025', before: '31 augustus 2025' });
  });

  it('refuses text that is not a calendar date', () => {
    expect(() => formatLetterDate('2025-02-30')).toThrow(RangeError);
    expect(() => formatTableDate('10 september 2025')).toThrow(RangeError);
  });
});

describe('counts in the letter', () => {
  it('prints digits with a thousands point and writes out words as the seed letter does', () => {
    expect(formatCount(71)).toBe('71');
    expect(formatCount(60_000)).toBe('60.000');
    expect([2, 20, 90, 60_000].map(countInWords)).toEqual(['twee', 'twintig', 'negentig', 'zestigduizend']);
    expect([0, 21, 22, 101, 250, 1000, 1_234].map(countInWords)).toEqual([
      'nul',
      'eenentwintig',
      'tweeëntwintig',
      'honderdeen',
      'tweehonderdvijftig',
      'duizend',
      'duizendtweehonderdvierendertig',
    ]);
    expect(countInWords(2_000_000)).toBe('2.000.000');
    expect(() => countInWords(-1)).toThrow(RangeError);
  });
});

describe('exact amounts beside the letter\'s rounding', () => {
  it('prints euro and cent with a thousands point, and says when the letter\'s figure is exact', () => {
    expect([0, 5, 123_456, 612_100_000_000, -1_050].map(formatExactEuros)).toEqual(['€ 0,00', '€ 0,05', '€ 1.234,56', '€ 6.121.000.000,00', '€ -10,50']);
    expect(letterAmountIsExact(240_000_000_000, REFERENCE_PRECISION, { unit: 'mld.' })).toBe(true);
    expect(letterAmountIsExact(612_100_000_000, REFERENCE_PRECISION, { unit: 'mld.' })).toBe(false);
    expect(letterAmountIsExact(17_900_000_000, REFERENCE_PRECISION)).toBe(true);
  });
});

describe('keepFiguresTogether', () => {
  const kept = (text: string) => keepFiguresTogether(text).replaceAll('\u00a0', '~');

  it.each([
    ['circa €13,6 mld. aan militaire steun', 'circa €13,6~mld. aan militaire steun'],
    ['Directe levering € 2,05 mld.', 'Directe levering €~2,05~mld.'],
    ['een bijdrage van €500 mln. aan', 'een bijdrage van €500~mln. aan'],
    ['€1.234.567,89 en €7.000', '€1.234.567,89 en €7.000'],
    ['ruim 6 miljard euro en €100 miljoen', 'ruim 6~miljard~euro en €100~miljoen'],
    ['7.000 euro of 48 procent', '7.000~euro of 48~procent'],
    ['(Kamerstuk 22 054, nr. 453, dd. 17 februari 2025)', '(Kamerstuk~22~054, nr.~453, dd. 17~februari~2025)'],
    ['Kamerstuk 36 200 X, nr. 5', 'Kamerstuk~36~200~X, nr.~5'],
    ['tot en met 31 augustus 2025 door', 'tot en met 31~augustus~2025 door'],
    ['31 aug. 2025 en tot en met augustus 2025', '31~aug.~2025 en tot en met augustus~2025'],
  ])('keeps the figures of %j on one line', (text, expected) => {
    expect(kept(text)).toBe(expected);
  });

  it.each(['in 2025 werd 12 keer geleverd', 'de 3 euro-landen', 'mei 12 keer', 'Tomnr. 5', 'De 20 mldn'])('leaves %j breakable where no figure is', (text) => {
    expect(kept(text)).toBe(text);
  });

  it('changes nothing but spaces', () => {
    fc.assert(fc.property(fc.string(), (text) => {
      expect(keepFiguresTogether(text).replaceAll('\u00a0', ' ')).toBe(text.replaceAll('\u00a0', ' '));
    }));
  });
});
