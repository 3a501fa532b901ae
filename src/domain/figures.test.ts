import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SUPPORT_TYPES, type SupportType } from './delivery.ts';
import type { CentsTotal } from '../../common/money.ts';
import { nl } from '../../common/vocabulary/nl.ts';
import { buildFiguresTable, headlineSentence, type FiguresLine } from './figures.ts';
import { COMPARISON_PRECISION, REFERENCE_PRECISION, formatLetterAmount, formatPercent, type LetterWording } from '../../common/letter-format.ts';
import { wordingOf } from '../../common/letter-snapshot-format.ts';

const MILLION_EURO = 100_000_000;

const letterReference = {
  date: '2025-08-31',
  totals: { stock: 2_400 * MILLION_EURO, procurement: 6_121 * MILLION_EURO, natoFund: 179 * MILLION_EURO },
};
const letterCompare = {
  date: '2025-02-04',
  totals: { stock: 2_050 * MILLION_EURO, procurement: 3_730 * MILLION_EURO, natoFund: 100 * MILLION_EURO },
};

const texts = (line: FiguresLine) => [line.label, line.compare.text, line.reference.text];

describe('buildFiguresTable', () => {
  const table = buildFiguresTable(letterReference, letterCompare);

  it('prints the letter table: labels in order, each column in its own style', () => {
    expect(table.referenceDate).toBe('2025-08-31');
    expect(table.compareDate).toBe('2025-02-04');
    expect(table.rows.map((row) => row.supportType)).toEqual(['stock', 'procurement', 'natoFund']);
    expect([...table.rows.map(texts), texts(table.total)]).toEqual([
      ['Directe levering (vervangingswaarde)', '€ 2,05 mld.', '€ 2,4 mld.'],
      ['Commerciële verwervingen', '€ 3,73 mld.', '€ 6,1 mld.'],
      ['NAVO-fonds', '€ 0,1 mld.', '€ 0,18 mld.'],
      ['Totaal', '€ 5,88 mld.', '€ 8,7 mld.'],
    ]);
  });

  it('gives the increase exactly, as text, percentage and percent text', () => {
    expect(table.total.difference).toEqual({ cents: BigInt(2_820 * MILLION_EURO), text: '€ 2,82 mld.' });
    expect(table.total.increasePercent).toBe(47.96);
    expect(table.total.increasePercentText).toBe('48 procent');
    expect(table.rows.map((row) => row.difference.text)).toEqual(['€ 0,35 mld.', '€ 2,39 mld.', '€ 0,08 mld.']);
    expect(table.rows.map((row) => row.increasePercent)).toEqual([17.07, 64.1, 79]);
  });

  it('formats the total from the exact sum, not from the rounded rows (2,4 + 6,1 + 0,18 prints 8,7)', () => {
    const lowParts = buildFiguresTable(
      { date: '2025-08-31', totals: { stock: 2_449 * MILLION_EURO, procurement: 6_149 * MILLION_EURO, natoFund: 184 * MILLION_EURO } },
      letterCompare,
    );
    expect(lowParts.rows.map((row) => row.reference.text)).toEqual(['€ 2,4 mld.', '€ 6,1 mld.', '€ 0,18 mld.']);
    expect(lowParts.total.reference).toEqual({ cents: BigInt(8_782 * MILLION_EURO), text: '€ 8,8 mld.' });
  });

  it('has no increase percentage where nothing was realised at the compare date', () => {
    const fresh = buildFiguresTable(letterReference, { date: '2022-02-24', totals: { stock: 0, procurement: 0, natoFund: 0 } });
    expect(fresh.total.increasePercent).toBeNull();
    expect(fresh.total.increasePercentText).toBeNull();
    expect(fresh.total.difference.text).toBe('€ 8,7 mld.');
  });

  it('keeps the labels the letter uses', () => {
    expect(SUPPORT_TYPES.map((type) => nl.figureRows[type])).toEqual([
      'Directe levering (vervangingswaarde)',
      'Commerciële verwervingen',
      'NAVO-fonds',
    ]);
    expect(nl.figureRows.total).toBe('Totaal');
  });

  it('sums every column exactly and formats each cell from its own cents', () => {
    // Up to 10^19 cents: well past 2^53, where only exact sums stay right.
    const amount = fc.bigInt({ min: 0n, max: 10n ** 19n });
    const totals = fc.record<Record<SupportType, CentsTotal>>({ stock: amount, procurement: amount, natoFund: amount });
    fc.assert(
      fc.property(totals, totals, (referenceTotals, compareTotals) => {
        const built = buildFiguresTable(
          { date: '2025-08-31', totals: referenceTotals },
          { date: '2025-02-04', totals: compareTotals },
        );
        const lines = [...built.rows, built.total];
        for (const column of ['reference', 'compare', 'difference'] as const) {
          const parts = built.rows.reduce((sum, row) => sum + row[column].cents, 0n);
          expect(built.total[column].cents).toBe(parts);
          const precision = column === 'reference' ? REFERENCE_PRECISION : COMPARISON_PRECISION;
          for (const { [column]: cell } of lines) {
            expect(cell.text).toBe(formatLetterAmount(cell.cents, precision, { unit: 'mld.' }));
          }
        }
        for (const line of lines) {
          expect(line.difference.cents).toBe(line.reference.cents - line.compare.cents);
          expect(line.increasePercentText).toBe(
            line.compare.cents === 0n ? null : formatPercent(line.difference.cents, line.compare.cents),
          );
          expect(line.increasePercent === null).toBe(line.compare.cents === 0n);
        }
      }),
    );
  });
});

describe('headlineSentence', () => {
  it('yields the letter sentence, with running-text amounts', () => {
    const table = buildFiguresTable(letterReference, letterCompare);
    expect(headlineSentence(table.referenceDate, table.total.reference.cents, table.total.compare.cents)).toBe(
      'De totale waarde van de gerealiseerde militaire steun aan Oekraïne bedroeg op 31 augustus 2025 €8,7 mld. ' +
        'Dit is een toename van €2,82 mld. of 48 procent ten opzichte van de vorige leveringenbrief.',
    );
  });

  it('speaks of a decrease when the total went down, and uses mln. below a billion', () => {
    const table = buildFiguresTable(
      { date: '2025-08-31', totals: { stock: 500 * MILLION_EURO, procurement: 0, natoFund: 0 } },
      { date: '2025-02-04', totals: { stock: 600 * MILLION_EURO, procurement: 0, natoFund: 0 } },
    );
    expect(headlineSentence(table.referenceDate, table.total.reference.cents, table.total.compare.cents)).toBe(
      'De totale waarde van de gerealiseerde militaire steun aan Oekraïne bedroeg op 31 augustus 2025 €500 mln. ' +
        'Dit is een afname van €100 mln. of 17 procent ten opzichte van de vorige leveringenbrief.',
    );
  });

  it('leaves out the percentage when nothing was realised before', () => {
    const table = buildFiguresTable(letterReference, { date: '2022-02-24', totals: { stock: 0, procurement: 0, natoFund: 0 } });
    expect(headlineSentence(table.referenceDate, table.total.reference.cents, table.total.compare.cents)).toBe(
      'De totale waarde van de gerealiseerde militaire steun aan Oekraïne bedroeg op 31 augustus 2025 €8,7 mld. ' +
        'Dit is een toename van €8,7 mld. ten opzichte van de vorige leveringenbrief.',
    );
  });

  it('gives the increase of the totals as the table prints them, not of the exact totals', () => {
    // € 7,3 mld. − € 5,88 mld.: exactly it is € 1,47 mld., 25 procent.
    const table = buildFiguresTable(
      { date: '2025-06-30', totals: { stock: 2_349 * MILLION_EURO, procurement: 5_000 * MILLION_EURO, natoFund: 0 } },
      { date: '2025-02-04', totals: { stock: 2_050 * MILLION_EURO, procurement: 3_834 * MILLION_EURO, natoFund: 0 } },
    );
    expect([table.total.compare.text, table.total.reference.text]).toEqual(['€ 5,88 mld.', '€ 7,3 mld.']);
    expect(headlineSentence(table.referenceDate, table.total.reference.cents, table.total.compare.cents)).toBe(
      'De totale waarde van de gerealiseerde militaire steun aan Oekraïne bedroeg op 30 juni 2025 €7,3 mld. ' +
        'Dit is een toename van €1,42 mld. of 24 procent ten opzichte van de vorige leveringenbrief.',
    );
  });

  it('groups a rise of a thousand percent or more as the letter writes its counts', () => {
    expect(headlineSentence('2025-11-30', 10_940_000_000_000, 880_000_000_000)).toBe(
      'De totale waarde van de gerealiseerde militaire steun aan Oekraïne bedroeg op 30 november 2025 €109,4 mld. Dit is een toename van €100,6 mld. of 1.143 procent ten opzichte van de vorige leveringenbrief.',
    );
  });

  it('gives the total alone in a first letter, with nothing to compare it with', () => {
    expect(headlineSentence('2025-08-31', 870_000_000_000, null)).toBe('De totale waarde van de gerealiseerde militaire steun aan Oekraïne bedroeg op 31 augustus 2025 €8,7 mld.');
  });

  it('gives a total and an increase under €1 mln. in euro, as {{total}} and {{increase}} print them, and ends the sentence after it; a letter of format 3 printed a fraction of a million', () => {
    const opening = 'De totale waarde van de gerealiseerde militaire steun aan Oekraïne bedroeg op 31 augustus 2025';
    expect(headlineSentence('2025-08-31', 50_000_000, null)).toBe(`${opening} €500.000.`);
    expect(headlineSentence('2025-08-31', 50_000_000, 0)).toBe(`${opening} €500.000. Dit is een toename van €500.000 ten opzichte van de vorige leveringenbrief.`);
    expect(headlineSentence('2025-08-31', 50_000_000, 0, wordingOf('steunregister-letter/4'))).toBe(`${opening} €500.000. Dit is een toename van €500.000 ten opzichte van de vorige leveringenbrief.`);
    expect(headlineSentence('2025-08-31', 50_000_000, 0, wordingOf('steunregister-letter/3'))).toBe(`${opening} €0,5 mln. Dit is een toename van €0,5 mln. ten opzichte van de vorige leveringenbrief.`);
    expect(headlineSentence('2025-08-31', 0, null)).toBe(`${opening} €0.`);
    expect(headlineSentence('2025-08-31', 50_000_000, null, wordingOf('steunregister-letter/3'))).toBe(`${opening} €0,5 mln.`);
    expect(headlineSentence('2025-08-31', 50_000_000, null, wordingOf('steunregister-letter/2'))).toBe(`${opening} €0,5 mln.`);
  });

  /** The headline of a letter whose total is `total` after one whose total was `earlier`, both exact, in euro cents. */
  const headline = (total: number, earlier: number, wording?: LetterWording) => headlineSentence('2025-08-31', total, earlier, wording).replace(/^.*€8,7 mld\. /, '');

  it('says "evenveel" only when the totals are the same, also when the columns print them apart', () => {
    // € 8,7 mld. beside € 8,72 mld. in the previous column: the same € 8,72 mld. to the cent.
    expect(headline(872_000_000_000, 872_000_000_000)).toBe('Dit is evenveel als in de vorige leveringenbrief.');
  });

  it('names a change the columns’ rounding hides at the two decimals the later letter prints this total at', () => {
    // € 8,7 mld. beside € 8,70 mld.: it rose € 22,8 mln., from € 8,697 mld. to € 8,7198 mld.: € 8,70 to € 8,72 mld.
    expect(headline(871_980_000_000, 869_700_000_000)).toBe('Dit is een toename van €20 mln. of minder dan 1 procent ten opzichte van de vorige leveringenbrief.');
    expect(headline(869_700_000_000, 871_980_000_000)).toBe('Dit is een afname van €20 mln. of minder dan 1 procent ten opzichte van de vorige leveringenbrief.');
  });

  it('names a change the columns’ rounding turns around in its own direction', () => {
    // € 8,7 mld. beside € 8,74 mld. reads as a fall of € 40 mln., but it rose € 1,1 mln.: € 8,74 to € 8,75 mld.
    expect(headline(874_510_000_000, 874_400_000_000)).toBe('Dit is een toename van €10 mln. of minder dan 1 procent ten opzichte van de vorige leveringenbrief.');
  });

  it('says a change smaller than two decimals show is less than their last place, in its direction', () => {
    // € 8,7001 mld. and € 8,7049 mld.: € 8,70 mld. either way.
    expect(headline(870_490_000_000, 870_010_000_000)).toBe('Dit is een toename van minder dan €10 mln. of minder dan 1 procent ten opzichte van de vorige leveringenbrief.');
    expect(headline(870_010_000_000, 870_490_000_000)).toBe('Dit is een afname van minder dan €10 mln. of minder dan 1 procent ten opzichte van de vorige leveringenbrief.');
  });

  it.each(['steunregister-letter/3', 'steunregister-letter/4'] as const)('words a letter of format %s as it did, comparing only the columns', (format) => {
    expect(headline(871_980_000_000, 869_700_000_000, wordingOf(format))).toBe('Dit is evenveel als in de vorige leveringenbrief.');
    expect(headline(872_000_000_000, 872_000_000_000, wordingOf(format))).toBe('Dit is een afname van €20 mln. of minder dan 1 procent ten opzichte van de vorige leveringenbrief.');
  });

  it('says the total is as much as before when it did not change', () => {
    expect(headlineSentence('2025-08-31', 870_000_000_000, 870_000_000_000)).toBe(
      'De totale waarde van de gerealiseerde militaire steun aan Oekraïne bedroeg op 31 augustus 2025 €8,7 mld. Dit is evenveel als in de vorige leveringenbrief.',
    );
  });
});
