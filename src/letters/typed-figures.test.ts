import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SEED_LETTER_BLOCKS } from '../db/seed/demonstration-letter.ts';
import { DEFAULT_BLOCKS } from './default-blocks.ts';
import { typedFiguresIn } from './narrative.ts';
import { typedFigures } from './typed-figures.ts';

const SPECIFICATION = readFileSync(new URL('../../docs/specification/leveringenbrief-2025-09-10.txt', import.meta.url), 'utf8');

describe('amounts and percentages typed in a letter', () => {
  it('finds an amount in euro or the letter’s units, and a percentage, as typed', () => {
    const text = 'Nu € 9,9 mld. en €123 mln., EUR 5.000, 5 miljoen euro, 2,4 mld en 12 EUR, 500 € en €-500; 48 procent, 12,5%, 3 procentpunt, 48 pct. en 5‰.';
    expect(typedFigures(text)).toEqual([
      { kind: 'typedAmount', text: '€ 9,9 mld.' },
      { kind: 'typedAmount', text: '€123 mln.' },
      { kind: 'typedAmount', text: 'EUR 5.000' },
      { kind: 'typedAmount', text: '5 miljoen euro' },
      { kind: 'typedAmount', text: '2,4 mld' },
      { kind: 'typedAmount', text: '12 EUR' },
      { kind: 'typedAmount', text: '500 €' },
      { kind: 'typedAmount', text: '€-500' },
      { kind: 'typedPercentage', text: '48 procent' },
      { kind: 'typedPercentage', text: '12,5%' },
      { kind: 'typedPercentage', text: '3 procentpunt' },
      { kind: 'typedPercentage', text: '48 pct.' },
      { kind: 'typedPercentage', text: '5‰' },
    ]);
    expect(typedFigures('ruim €\n 3,3   mld.')).toEqual([{ kind: 'typedAmount', text: '€ 3,3 mld.' }]);
  });

  it('leaves the numbers of dates, papers, articles, systems and counts to the author', () => {
    const text =
      'Op 10 september 2025 (Kamerstuk 22 054, nr. 460, dd. 17 februari 2025) volgens artikel 100: F-16’s, Patriot PAC-3, ' +
      'CW3.1, Q2 2023, de periode 2025-2027, 1.234 stuks, 1,5 miljoen granaten, drie miljard euro en de Europese Unie.';
    expect(typedFigures(text)).toEqual([]);
  });

  it('finds every amount and percentage the specification letter prints, and nothing else of it', () => {
    const found = typedFigures(SPECIFICATION);
    const amounts = found.filter((figure) => figure.kind === 'typedAmount').map((figure) => figure.text);
    const withSign = amounts.filter((amount) => amount.startsWith('€'));
    expect(withSign).toHaveLength([...SPECIFICATION.matchAll(/€\s*\d/g)].length);
    expect(withSign).toEqual(expect.arrayContaining(['€13,6 mld.', '€8,7 mld.', '€ 0,18 mld.', '€100 miljoen']));
    expect(amounts.filter((amount) => !amount.startsWith('€'))).toEqual(['6 miljard euro']);
    expect(found.filter((figure) => figure.kind === 'typedPercentage')).toEqual([{ kind: 'typedPercentage', text: '48 procent' }]);
  });

  it('reads a block’s heading, typed text, footnotes and a count’s words, not the placeholders’ names, naming each figure once per block', () => {
    const blocks = [
      { key: 'a', heading: null, text: '{{stock}} of € 9,9 mld.[^Afgerond: € 9,9 mld.; zie 48 procent.] en {{epfWindfallTranches|tranche van €1 mld.|tranches}}' },
      { key: 'b', heading: 'Kop', text: 'Ook € 9,9 mld.' },
      { key: 'c', heading: 'Extra steun van €500 mln.', text: '{{epfWindfallTranches}}' },
    ];
    expect(typedFiguresIn(blocks)).toEqual([
      { block: 0, fault: 'typedAmount', excerpt: '€ 9,9 mld.' },
      { block: 0, fault: 'typedPercentage', excerpt: '48 procent' },
      { block: 0, fault: 'typedAmount', excerpt: '€1 mld.' },
      { block: 1, fault: 'typedAmount', excerpt: '€ 9,9 mld.' },
      { block: 2, fault: 'typedAmount', excerpt: '€500 mln.' },
    ]);
  });

  it('finds none in the text the demonstration’s letters and a first letter start from', () => {
    expect(typedFiguresIn(SEED_LETTER_BLOCKS)).toEqual([]);
    expect(typedFiguresIn(DEFAULT_BLOCKS)).toEqual([]);
  });
});
