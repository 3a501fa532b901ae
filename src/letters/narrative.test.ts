import { describe, expect, it } from 'vitest';
import { composeNarrative, figureNames, type TextTable } from './narrative.ts';

const table: TextTable = { header: ['Type steun', '31 aug. 2025'], rows: [{ cells: ['Totaal[^Afgerond.]', '€ 8,7 mld.'], emphasis: true }], numericColumns: [1] };
const figures = new Map([['total', '€8,7 mld.'], ['referenceDate', '31 augustus 2025']]);

describe('the narrative of a letter', () => {
  it('places figures by name, splits paragraphs and bullets, numbers footnotes across sections and the table', () => {
    const composed = composeNarrative(
      [
        { key: 'a', heading: null, text: 'Op {{referenceDate}} was het {{ total }}[^Gerealiseerd.]\ndoorlopende regel.\n\n{{figuresTable}}' },
        { key: 'b', heading: 'Kop', text: '· een[^Eerste.]\n\n· twee\n\nSlot.' },
      ],
      (name) => figures.get(name),
      table,
    );
    expect(composed.unknownFigures).toEqual([]);
    expect(composed.sections[0]!.blocks[0]).toEqual({
      kind: 'paragraph',
      content: ['Op 31 augustus 2025 was het €8,7 mld.', { footnote: 1 }, ' doorlopende regel.'],
    });
    expect(composed.sections[0]!.blocks[1]).toMatchObject({ kind: 'table', table: { rows: [{ cells: [['Totaal', { footnote: 2 }], ['€ 8,7 mld.']], emphasis: true }] } });
    expect(composed.sections[1]).toEqual({
      heading: 'Kop',
      blocks: [
        { kind: 'bullets', items: [['een', { footnote: 3 }], ['twee']] },
        { kind: 'paragraph', content: ['Slot.'] },
      ],
    });
    expect(composed.footnotes.map((footnote) => footnote.text)).toEqual(['Gerealiseerd.', 'Afgerond.', 'Eerste.']);
  });

  it('names the figures it does not know, and leaves out sections without text', () => {
    const composed = composeNarrative(
      [
        { key: 'a', heading: null, text: 'Bedrag {{delivery:geheim}} en {{onbekend}}.' },
        { key: 'b', heading: 'Leeg', text: '  \n ' },
      ],
      () => undefined,
      null,
    );
    expect(composed.unknownFigures.sort()).toEqual(['delivery:geheim', 'onbekend']);
    expect(composed.sections.map((section) => section.heading)).toEqual([null]);
    expect(figureNames([{ key: 'a', heading: null, text: '{{a}} {{b}} {{a}}' }])).toEqual(['a', 'b']);
  });

  it('names each placeholder and footnote that is not whole by its block, and prints it as typed', () => {
    const composed = composeNarrative(
      [
        { key: 'a', heading: null, text: 'Totaal {{total' },
        { key: 'b', heading: 'Leeg', text: '' },
        { key: 'c', heading: 'Kop', text: 'Tekst[^] en {{ }} en total}}.\n\n· Bron[^Zie {{referenceDate}}] en [^open' },
      ],
      (name) => figures.get(name),
      null,
    );
    expect(composed.markupFaults).toEqual([
      { block: 0, fault: 'unclosedPlaceholder', excerpt: '{{total' },
      { block: 2, fault: 'emptyFootnote', excerpt: '[^] en {{ }} en total}}' },
      { block: 2, fault: 'emptyPlaceholder', excerpt: '{{ }} en total}}.' },
      { block: 2, fault: 'strayPlaceholderEnd', excerpt: '}}.' },
      { block: 2, fault: 'unclosedFootnote', excerpt: '[^open' },
    ]);
    expect(composed.unknownFigures).toEqual([]);
    expect(composed.sections[0]!.blocks[0]).toEqual({ kind: 'paragraph', content: ['Totaal {{total'] });
    expect(composed.sections[1]!.blocks[1]).toEqual({ kind: 'bullets', items: [['Bron', { footnote: 1 }, ' en [^open']] });
    expect(composed.footnotes).toEqual([{ number: 1, text: 'Zie 31 augustus 2025' }]);
  });

  it('reads a name with spaces in it as a name the letter does not know, and finds names in footnotes', () => {
    const composed = composeNarrative([{ key: 'a', heading: null, text: '{{geen naam}}[^{{total}}]' }], (name) => figures.get(name), null);
    expect(composed.unknownFigures).toEqual(['geen naam']);
    expect(composed.markupFaults).toEqual([]);
    expect(figureNames([{ key: 'a', heading: null, text: 'Zie[^{{delivery:x}}] en {{ total }}' }])).toEqual(['delivery:x', 'total']);
  });
});

describe('a figure whose value ends in a full stop', () => {
  const amounts = new Map([['natoFund', '€700 mln.'], ['budgetTotal', '€950.000'], ['headline', 'Het totaal bedroeg €8,7 mld.']]);
  const paragraph = (text: string) => {
    const composed = composeNarrative([{ key: 'a', heading: null, text }], (name) => amounts.get(name), null);
    return { content: (composed.sections[0]!.blocks[0] as { content: unknown[] }).content, footnotes: composed.footnotes.map((note) => note.text) };
  };

  it('ends the sentence with it: the full stop typed after it is not printed again', () => {
    expect(paragraph('Bijgedragen: {{natoFund}}. Verder.').content).toEqual(['Bijgedragen: €700 mln. Verder.']);
    expect(paragraph('{{headline}}.').content).toEqual(['Het totaal bedroeg €8,7 mld.']);
    expect(paragraph('Bijgedragen: {{natoFund}}[^Afgerond.]. Verder.').content).toEqual(['Bijgedragen: €700 mln.', { footnote: 1 }, ' Verder.']);
    expect(paragraph('Zie[^Bijgedragen: {{natoFund}}.] hier.').footnotes).toEqual(['Bijgedragen: €700 mln.']);
  });

  it('leaves the full stop after a value without one, and any other punctuation, as typed', () => {
    expect(paragraph('Begroot: {{budgetTotal}}. Bijgedragen: {{natoFund}}, en {{natoFund}}? En {{natoFund}}...').content).toEqual([
      'Begroot: €950.000. Bijgedragen: €700 mln., en €700 mln.? En €700 mln....',
    ]);
    expect(paragraph('Typed mln.. stays').content).toEqual(['Typed mln.. stays']);
  });
});

describe('the spaces of a text', () => {
  it('print as one space each run of them, in the text and its footnotes, so that every rendering prints the text alike', () => {
    const composed = composeNarrative([{ key: 'a', heading: null, text: 'Zo wordt  optimaal\tgebruik gemaakt[^Zie  de\u00a0bijlage.] van {{total}}  en  meer.' }], (name) => figures.get(name), null);
    expect(composed.sections[0]!.blocks[0]).toEqual({ kind: 'paragraph', content: ['Zo wordt optimaal gebruik gemaakt', { footnote: 1 }, ' van €8,7 mld. en meer.'] });
    expect(composed.footnotes).toEqual([{ number: 1, text: 'Zie de\u00a0bijlage.' }]);
  });
});
