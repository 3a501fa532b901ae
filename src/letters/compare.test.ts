import { describe, expect, it } from 'vitest';
import { letterInputs } from '../../test/support/letter-inputs.ts';
import { compareSnapshots } from './compare.ts';
import { buildPublicLetter, type Totals } from './snapshot.ts';

const MILLION = 100_000_000; // cents

/** A first letter of 4 February 2025 with these totals, and the letter of 31 August 2025 that follows it with those. */
function twoLetters(earlier: Totals, later: Totals) {
  const first = buildPublicLetter(letterInputs({ id: 'february', referenceDate: '2025-02-04', letterDate: '2025-02-14', totals: earlier })).snapshot;
  const previous = { id: 'february', referenceDate: '2025-02-04', letterDate: '2025-02-14', paperNumber: null, reportedTotals: earlier };
  const second = buildPublicLetter(letterInputs({ id: 'august', previous, totals: later, restatedPreviousTotals: earlier })).snapshot;
  return { first, second, comparison: compareSnapshots(first, second, [first, second]) };
}

describe('the comparison of two letters', () => {
  // Procurement did not change (€ 6,08 mld.: 6,1 in either letter's own column, 6,08 in the later letter's
  // column of the earlier); stock rose € 22,8 mln. (2,4 in both letters, 2,40 beside it).
  const { first, second, comparison } = twoLetters(
    { stock: 2_397 * MILLION + 20_000_000, procurement: 6_080 * MILLION, natoFund: 55 * MILLION },
    { stock: 2_420 * MILLION, procurement: 6_080 * MILLION, natoFund: 180 * MILLION },
  );
  const figure = (key: string) => comparison.figures.find((each) => each.key === key)!;

  it('compares each figure as both letters printed it in their own column, at one precision', () => {
    for (const line of second.figures.lines) {
      const own = first.figures.lines.find((other) => other.key === line.key)!;
      expect(figure(line.key)).toMatchObject({ fromCents: own.currentCents, toCents: line.currentCents, differenceCents: line.currentCents - own.currentCents });
    }
  });

  it('invents no change: a figure that did not change differs by nothing', () => {
    expect(figure('procurement')).toMatchObject({ fromText: '€ 6,1 mld.', toText: '€ 6,1 mld.', differenceCents: 0, differenceText: '€ 0 mld.' });
  });

  it('gives the difference of the printed figures as exactly as they print it, never rounded further', () => {
    // € 0,055 mld. in the earlier letter, € 0,18 mld. in the later.
    expect(figure('natoFund')).toMatchObject({ fromText: '€ 0,055 mld.', toText: '€ 0,18 mld.', differenceText: '€ 0,125 mld.' });
  });
});
