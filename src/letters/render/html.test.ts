import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ANNEX_WATERMARK, annexFixture, HOSTILE_TEXT, letterFixture, LONG_WORD } from './fixture.test-support.ts';
import { attribute, bodyRows, elements, parseStrict, text } from './html-tree.test-support.ts';
import { inlineStyleSource, LETTER_CSS, renderAnnexHtml, renderLetterHtml, WATERMARK_SLOT } from './html.ts';

/** What a Content-Security-Policy names the stylesheet by: its SHA-256 in base64. */
const STYLE_SOURCE = `'sha256-${createHash('sha256').update(LETTER_CSS).digest('base64')}'`;

/** A figure as the renderings keep it on one line: its spaces no-break spaces. */
const kept = (text: string) => text.replaceAll(' ', '\u00a0');

/** The page keeps its style wherever it is saved: the stylesheet in it, nothing linked to fetch. */
function expectSelfContained(html: string): void {
  const document = parseStrict(html);
  expect(elements(document, 'style').map(text)).toEqual([LETTER_CSS]);
  expect(elements(document, 'link')).toHaveLength(0);
  expect(inlineStyleSource(html)).toBe(STYLE_SOURCE);
}

describe('renderLetterHtml', () => {
  it('is a complete Dutch document with one h1, a heading per section and its stylesheet in it', () => {
    const document = parseStrict(renderLetterHtml(letterFixture()));
    expect(attribute(elements(document, 'html')[0]!, 'lang')).toBe('nl');
    const h1 = elements(document, 'h1');
    expect(h1).toHaveLength(1);
    expect(text(h1[0]!)).toContain('Leveringen militaire goederen aan Oekraïne');
    expect(elements(document, 'h2').map(text)).toEqual([
      'Nederlandse militaire steun',
      'Financiële stand van zaken levering van militaire goederen',
      'Industrie',
      'Toetsing',
      'Voetnoten',
      'Openbaar overzicht van nieuwe leveringen',
    ]);
    expect(elements(document, 'h3').map(text)).toEqual(['Luchtverdediging', 'Munitie']);
    expectSelfContained(renderLetterHtml(letterFixture()));
  });

  it('carries no script and no style but its stylesheet, which a strict Content-Security-Policy allows by its hash', () => {
    const document = parseStrict(renderLetterHtml(letterFixture({ draftNotice: 'CONCEPT', isDemonstration: true })));
    expect(elements(document, 'style')).toHaveLength(1);
    expect(elements(document, 'script')).toHaveLength(0);
    expect(elements(document).filter((element) => attribute(element, 'style') !== undefined)).toHaveLength(0);
  });

  it('lays the figures out in a real table with column and row headers and right-aligned amounts', () => {
    const document = parseStrict(renderLetterHtml(letterFixture()));
    const table = elements(document, 'table').find((element) => attribute(element, 'class') === 'figures')!;
    const columnHeaders = elements(table, 'th').filter((th) => attribute(th, 'scope') === 'col');
    expect(columnHeaders.map(text)).toEqual(['Type steun', '4 feb. 2025', '31 aug. 2025']);
    expect(bodyRows(table)).toEqual([
      ['Directe levering (vervangingswaarde)', kept('€ 2,05 mld.'), kept('€ 2,4 mld.')],
      ['Commerciële verwervingen', kept('€ 3,73 mld.'), kept('€ 6,1 mld.')],
      ['NAVO-fonds', kept('€ 0,1 mld.'), kept('€ 0,18 mld.')],
      ['Totaal', kept('€ 5,88 mld.'), kept('€ 8,7 mld.')],
    ]);
    const rowHeaders = elements(table, 'th').filter((th) => attribute(th, 'scope') === 'row');
    expect(rowHeaders.map(text)).toContain('Totaal');
    const amounts = elements(table, 'td');
    expect(amounts.every((td) => attribute(td, 'class') === 'numeric')).toBe(true);
  });

  it('keeps each figure, date and paper reference of the running text on one line, by no-break spaces', () => {
    const paragraphs = elements(parseStrict(renderLetterHtml(letterFixture())), 'p').map(text);
    expect(paragraphs.find((paragraph) => paragraph.startsWith('In vervolg op'))).toContain(`(${kept('Kamerstuk 22 054')}, ${kept('nr. 453')}, dd. ${kept('17 februari 2025')})`);
    expect(paragraphs.find((paragraph) => paragraph.startsWith('In vervolg op'))).toContain(`tot en met ${kept('31 augustus 2025')} door`);
    expect(paragraphs.find((paragraph) => paragraph.startsWith('De Nederlandse steun'))).toContain(`van ${kept('€3,2 mld.')} voor`);
  });

  it('links each footnote reference to its note and back', () => {
    const document = parseStrict(renderLetterHtml(letterFixture()));
    const references = elements(document, 'a').filter((a) => attribute(a, 'role') === 'doc-noteref');
    expect(references.map((a) => attribute(a, 'href'))).toEqual(['#voetnoot-1', '#voetnoot-2', '#voetnoot-3']);
    const note = elements(document, 'li').find((li) => attribute(li, 'id') === 'voetnoot-1')!;
    expect(text(note)).toContain('Centraal Informatiepunt Tweede Kamer');
    const back = elements(note, 'a')[0]!;
    expect(attribute(back, 'href')).toBe(`#${attribute(references[0]!, 'id')}`);
  });

  it('shows the bullets, the closing and the draft notice', () => {
    const html = renderLetterHtml(letterFixture({ draftNotice: 'CONCEPT — niet verzenden', isDemonstration: true }));
    const document = parseStrict(html);
    expect(elements(elements(document, 'ul')[0]!, 'li')).toHaveLength(3);
    expect(text(document)).toContain('DE MINISTER VAN DEFENSIE');
    expect(text(document)).toContain('CONCEPT — niet verzenden');
    expect(text(document)).toContain('DEMONSTRATIEGEGEVENS');
    expect(elements(document, 'thead').some((thead) => text(thead).includes('CONCEPT — niet verzenden'))).toBe(true);
  });

  it('escapes hostile text wherever it lands, and gives a 500-character word places to break', () => {
    const letter = letterFixture({
      subject: HOSTILE_TEXT,
      addressee: [HOSTILE_TEXT],
      sections: [{ heading: HOSTILE_TEXT, blocks: [
        { kind: 'paragraph', content: [HOSTILE_TEXT, { footnote: 1 }, LONG_WORD] },
        { kind: 'table', table: { header: [HOSTILE_TEXT, 'x'], rows: [{ cells: [[HOSTILE_TEXT], [LONG_WORD]] }], numericColumns: [1] } },
      ] }],
      footnotes: [{ number: 1, text: HOSTILE_TEXT }],
    });
    const html = renderLetterHtml(letter);
    const document = parseStrict(html);
    expect(elements(document, 'script')).toHaveLength(0);
    expect(html).not.toContain('<script>');
    expect(text(elements(document, 'h1')[0]!)).toContain(HOSTILE_TEXT);
    expect(text(elements(document, 'title')[0]!)).toBe(HOSTILE_TEXT);
    expect(text(document).split(LONG_WORD.slice(0, 20)).length).toBeGreaterThan(1);
    const paragraph = elements(document, 'p').find((p) => text(p).includes(LONG_WORD))!;
    expect(elements(paragraph, 'wbr').length).toBeGreaterThan(20);
  });
});

describe('renderAnnexHtml', () => {
  const annex = annexFixture(60);
  const annexOptions = { watermark: ANNEX_WATERMARK, backHref: '/bijlagen' };

  it('is self-contained: its stylesheet in it, and a kept annex that links it has none to allow', () => {
    expectSelfContained(renderAnnexHtml(annex, annexOptions));
    expectSelfContained(renderAnnexHtml(annex, { ...annexOptions, watermark: WATERMARK_SLOT }));
    expect(inlineStyleSource('<!DOCTYPE html>\n<html lang="nl">\n<head>\n<link rel="stylesheet" href="/api/v1/public/letter-stylesheet">\n</head>\n<body><p>&lt;style&gt;</p></body>\n</html>')).toBeNull();
  });

  it('marks the annex at the top and the bottom, repeated on every printed page', () => {
    const document = parseStrict(renderAnnexHtml(annex, annexOptions));
    const frame = elements(document, 'table').find((table) => attribute(table, 'class') === 'page-frame')!;
    expect(text(elements(frame, 'thead')[0]!)).toContain('DEPARTEMENTAAL VERTROUWELIJK');
    expect(text(elements(frame, 'tfoot')[0]!)).toContain('DEPARTEMENTAAL VERTROUWELIJK');
    expect(LETTER_CSS).toMatch(/\.page-frame thead \{\s*display: table-header-group;/);
    expect(LETTER_CSS).toMatch(/\.page-frame tfoot \{\s*display: table-footer-group;/);
  });

  it('repeats the watermark, leads back to the list of annexes, and lists every row with its group, subtotal and note', () => {
    const document = parseStrict(renderAnnexHtml(annex, annexOptions));
    const watermark = elements(document, 'div').find((div) => attribute(div, 'class') === 'watermark')!;
    expect(attribute(watermark, 'aria-hidden')).toBe('true');
    expect(elements(watermark, 'span').map(text).filter((value) => value === ANNEX_WATERMARK).length).toBeGreaterThan(3);
    expect(LETTER_CSS).toMatch(/\.watermark \{\s*position: fixed;/);
    expect(elements(document, 'a').map((link) => attribute(link, 'href'))).toContain('/bijlagen');
    const table = elements(document, 'table').find((element) => attribute(element, 'class') === 'annex-table')!;
    expect(elements(table, 'th').filter((th) => attribute(th, 'scope') === 'col').map(text)).toEqual(annex.sections[0]!.header);
    const rows = elements(elements(table, 'tbody')[0]!, 'tr');
    expect(rows).toHaveLength(63);
    expect(rows.map((row) => attribute(row, 'class')).filter((name) => name !== undefined && name !== null)).toEqual(['group', ...Array.from({ length: 6 }, () => 'marked'), 'subtotal', 'note']);
  });

  it('keeps a slot for the watermark that no text can fill', () => {
    const kept = renderAnnexHtml(annexFixture(2, { title: WATERMARK_SLOT, rows: [[WATERMARK_SLOT]] }), { ...annexOptions, watermark: WATERMARK_SLOT });
    expect(kept.split(WATERMARK_SLOT)).toHaveLength(11);
  });

  it('escapes hostile text in the annex', () => {
    const html = renderAnnexHtml(annexFixture(1, { title: HOSTILE_TEXT, rows: [[HOSTILE_TEXT, LONG_WORD]] }), { ...annexOptions, watermark: HOSTILE_TEXT });
    const document = parseStrict(html);
    expect(elements(document, 'script')).toHaveLength(0);
    expect(text(elements(document, 'h1')[0]!)).toBe(HOSTILE_TEXT);
  });
});
