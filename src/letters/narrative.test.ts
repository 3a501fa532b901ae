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
});
