import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { HOSTILE_TEXT, letterFixture, LONG_WORD } from './fixture.test-support.ts';
import { attribute, bodyRows, elements, parseStrict, text } from './html-tree.test-support.ts';
import { escapeMarkdown, renderLetterMarkdown } from './markdown.ts';

/** Renders GitHub-flavoured Markdown, raw HTML allowed, so escaping that fails shows as markup. */
function toHtml(markdown: string): string {
  const body = micromark(markdown, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });
  return `<!DOCTYPE html><html><head><title>t</title></head><body>${body}</body></html>`;
}

describe('renderLetterMarkdown', () => {
  it('writes the figures as a pipe table with right-aligned amounts', () => {
    const markdown = renderLetterMarkdown(letterFixture());
    expect(markdown).toContain([
      '| Type steun | 4 feb. 2025 | 31 aug. 2025 |',
      '| --- | ---: | ---: |',
      '| Directe levering (vervangingswaarde) | € 2,05 mld. | € 2,4 mld. |',
      '| Commerciële verwervingen | € 3,73 mld. | € 6,1 mld. |',
      '| NAVO-fonds | € 0,1 mld. | € 0,18 mld. |',
      '| **Totaal** | **€ 5,88 mld.** | **€ 8,7 mld.** |',
    ].join('\n'));
    const document = parseStrict(toHtml(markdown));
    expect(bodyRows(elements(document, 'table')[0]!)).toEqual([
      ['Directe levering (vervangingswaarde)', '€ 2,05 mld.', '€ 2,4 mld.'],
      ['Commerciële verwervingen', '€ 3,73 mld.', '€ 6,1 mld.'],
      ['NAVO-fonds', '€ 0,1 mld.', '€ 0,18 mld.'],
      ['Totaal', '€ 5,88 mld.', '€ 8,7 mld.'],
    ]);
  });

  it('heads the letter with its subject and each section with its heading, and lists the bullets', () => {
    const document = parseStrict(toHtml(renderLetterMarkdown(letterFixture())));
    expect(elements(document, 'h1').map(text)).toEqual(['Betreft: Leveringen militaire goederen aan Oekraïne']);
    expect(elements(document, 'h2').map(text)).toContain('Financiële stand van zaken levering van militaire goederen');
    expect(elements(elements(document, 'ul')[0]!, 'li')).toHaveLength(3);
    expect(text(document)).toContain('Datum 10 september 2025');
  });

  it('writes footnotes as GitHub footnotes, referenced from the text', () => {
    const markdown = renderLetterMarkdown(letterFixture());
    expect(markdown).toContain('De vertrouwelijke bijlage[^1] bevat');
    expect(markdown).toContain('[^1]: Ter vertrouwelijke inzage gelegd');
    const document = parseStrict(toHtml(markdown));
    const section = elements(document, 'section').find((element) => attribute(element, 'data-footnotes') !== undefined)!;
    expect(elements(section, 'li')).toHaveLength(3);
    expect(text(section)).toContain('Centraal Informatiepunt Tweede Kamer');
  });

  it('puts the draft notice and the demonstration mark first', () => {
    const markdown = renderLetterMarkdown(letterFixture({ draftNotice: 'CONCEPT', isDemonstration: true }));
    expect(markdown.startsWith('> **CONCEPT**\n\n> **DEMONSTRATIEGEGEVENS**')).toBe(true);
  });

  it('keeps hostile text as text: no markup, link, table cell or block comes out of it', () => {
    const letter = letterFixture({
      subject: HOSTILE_TEXT,
      sections: [{ heading: HOSTILE_TEXT, blocks: [
        { kind: 'paragraph', content: [HOSTILE_TEXT] },
        { kind: 'paragraph', content: ['- geen lijst\n# geen kop\n\n| geen | tabel |'] },
        { kind: 'paragraph', content: ['1. geen genummerde lijst'] },
        { kind: 'table', table: { header: ['a', 'b'], rows: [{ cells: [[HOSTILE_TEXT], [LONG_WORD]] }], numericColumns: [1] } },
      ] }],
    });
    const document = parseStrict(toHtml(renderLetterMarkdown(letter)));
    for (const tag of ['script', 'em', 'a', 'code', 'ol', 'del']) expect(elements(document, tag)).toEqual([]);
    expect(elements(document, 'strong').map(text)).toEqual(['Ministerie van Defensie', 'Onze referentie', 'Bijlage(n)', 'Datum']);
    expect(elements(document, 'h1').map(text)).toEqual([`Betreft: ${HOSTILE_TEXT}`]);
    const paragraphs = elements(document, 'p').map(text);
    expect(paragraphs).toContain(HOSTILE_TEXT);
    expect(paragraphs).toContain('- geen lijst # geen kop | geen | tabel |');
    expect(paragraphs).toContain('1. geen genummerde lijst');
    expect(bodyRows(elements(document, 'table')[0]!)).toEqual([[HOSTILE_TEXT, LONG_WORD]]);
  });

  it('escapes each character that Markdown would read as syntax', () => {
    expect(escapeMarkdown('a*b_c`d[e]f<g>h|i~j&k$l#m\\n')).toBe('a\\*b\\_c\\`d\\[e\\]f\\<g\\>h\\|i\\~j\\&k\\$l\\#m\\\\n');
    expect(escapeMarkdown('- x')).toBe('\\- x');
    expect(escapeMarkdown('12. x')).toBe('12\\. x');
  });
});
