import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { renderLetterDocx } from './docx.ts';
import { HOSTILE_TEXT, letterFixture, LONG_WORD } from './fixture.test-support.ts';

/** The XML parts of a .docx, by path. */
function parts(docx: Buffer): Map<string, string> {
  return new Map(Object.entries(unzipSync(new Uint8Array(docx))).map(([path, bytes]) => [path, strFromU8(bytes)]));
}

function decode(xml: string): string {
  return xml.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** The text of each paragraph of a part, its runs joined. */
function paragraphs(xml: string): string[] {
  return xml.split(/<w:p[ >]/).slice(1).map((paragraph) =>
    decode([...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join('')));
}

/** A figure as the renderings keep it on one line: its spaces no-break spaces. */
const kept = (text: string) => text.replaceAll(' ', '\u00a0');

function headers(files: Map<string, string>): string[] {
  return [...files].filter(([path]) => /^word\/header\d*\.xml$/.test(path)).map(([, xml]) => paragraphs(xml).join('\n'));
}

describe('renderLetterDocx', () => {
  it('is an A4 Word document with the letterhead, the sections and the closing in order', async () => {
    const files = parts(await renderLetterDocx(letterFixture()));
    const document = files.get('word/document.xml')!;
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const texts = paragraphs(document);
    const order = [
      'Retouradres Postbus 20701 2500 ES Den Haag',
      'de Voorzitter van de Tweede Kamer',
      'Datum10 september 2025',
      'BetreftLeveringen militaire goederen aan Oekraïne',
      'Geachte voorzitter,',
      'Nederlandse militaire steun',
      'Financiële stand van zaken levering van militaire goederen',
      'Industrie',
      'Hoogachtend,',
      'DE MINISTER VAN DEFENSIE',
      'Ruben Brekelmans',
      // The public overview follows the signature.
      'Openbaar overzicht van nieuwe leveringen',
      'Luchtverdediging',
      'Patriot-raketten (12 stuks): voor de luchtverdediging van steden',
    ].map((expected) => texts.indexOf(expected));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(files.get('docProps/core.xml')).toContain('<dc:title>Leveringen militaire goederen aan Oekraïne</dc:title>');
  });

  it('has the wordmark on the first page and the sender column beside the addressee, in a frame', async () => {
    const files = parts(await renderLetterDocx(letterFixture()));
    expect(headers(files).some((header) => header.includes('Ministerie van Defensie'))).toBe(true);
    const document = files.get('word/document.xml')!;
    const framed = document.split(/<w:p[ >]/).slice(1).filter((paragraph) => paragraph.includes('<w:framePr'));
    expect(framed.map((paragraph) => paragraphs(`<w:p>${paragraph}`).join(''))).toEqual([
      'Ministerie van Defensie', 'Plein 4', 'MPC 58 B', 'Postbus 20701', '2500 ES Den Haag',
      'Onze referentie', 'SR-2025-08-31', 'Bij beantwoording, datum, onze referentie en onderwerp vermelden', 'Bijlage(n)', '1',
    ]);
  });

  it('holds the figures in a table, amounts right-aligned and the total in bold', async () => {
    const document = parts(await renderLetterDocx(letterFixture())).get('word/document.xml')!;
    const table = document.slice(document.indexOf('<w:tbl>'), document.indexOf('</w:tbl>'));
    const rows = table.split('<w:tr>').slice(1).map((row) =>
      row.split('<w:tc>').slice(1).map((cell) => paragraphs(cell).join('')));
    expect(rows).toEqual([
      ['Type steun', kept('4 feb. 2025'), kept('31 aug. 2025')],
      ['Directe levering (vervangingswaarde)', kept('€ 2,05 mld.'), kept('€ 2,4 mld.')],
      ['Commerciële verwervingen', kept('€ 3,73 mld.'), kept('€ 6,1 mld.')],
      ['NAVO-fonds', kept('€ 0,1 mld.'), kept('€ 0,18 mld.')],
      ['Totaal', kept('€ 5,88 mld.'), kept('€ 8,7 mld.')],
    ]);
    const amountCell = table.split('<w:tc>').find((cell) => cell.includes(kept('€ 6,1 mld.')))!;
    expect(amountCell).toContain('<w:jc w:val="right"/>');
    const totalCell = table.split('<w:tc>').find((cell) => cell.includes(kept('€ 8,7 mld.')))!;
    expect(totalCell).toContain('<w:b/>');
    expect(table).toContain('<w:tblHeader/>');
  });

  it('keeps each figure, date and paper reference of the running text on one line, by no-break spaces', async () => {
    const texts = paragraphs(parts(await renderLetterDocx(letterFixture())).get('word/document.xml')!);
    expect(texts.find((paragraph) => paragraph.startsWith('In vervolg op'))).toContain(`(${kept('Kamerstuk 22 054')}, ${kept('nr. 453')}, dd. ${kept('17 februari 2025')})`);
    expect(texts.find((paragraph) => paragraph.startsWith('In vervolg op'))).toContain(`tot en met ${kept('31 augustus 2025')} door`);
    expect(texts.find((paragraph) => paragraph.startsWith('De Nederlandse steun'))).toContain(`van ${kept('€3,2 mld.')} voor`);
  });

  it('makes bullets a list and footnotes real Word footnotes', async () => {
    const files = parts(await renderLetterDocx(letterFixture()));
    const document = files.get('word/document.xml')!;
    // Three bullets in the letter, three in the public overview after it.
    expect(document.match(/<w:numPr>/g)).toHaveLength(6);
    expect(files.get('word/numbering.xml')).toContain('<w:lvlText w:val="•"/>');
    expect(document).toContain('<w:footnoteReference w:id="1"/>');
    expect(document).toContain('<w:footnoteReference w:id="3"/>');
    const footnotes = files.get('word/footnotes.xml')!;
    expect(footnotes).toMatch(/<w:footnote w:id="1">/);
    expect(paragraphs(footnotes).map((paragraph) => paragraph.trim())).toContain(
      'Ter vertrouwelijke inzage gelegd, alleen voor de leden, bij het Centraal Informatiepunt Tweede Kamer.');
  });

  it('prints the draft notice and the demonstration mark in the header of every page', async () => {
    const final = headers(parts(await renderLetterDocx(letterFixture())));
    expect(final.join('')).not.toContain('CONCEPT');
    const files = parts(await renderLetterDocx(letterFixture({ draftNotice: 'CONCEPT — niet verzenden', isDemonstration: true })));
    // The first page has a header of its own (with the wordmark): both carry the notice and the mark.
    const pageHeaders = headers(files);
    expect(pageHeaders).toHaveLength(2);
    for (const header of pageHeaders) {
      expect(header).toContain('CONCEPT — niet verzenden');
      expect(header).toContain('DEMONSTRATIEGEGEVENS');
    }
    expect(files.get('word/document.xml')).toMatch(/<w:headerReference w:type="default"/);
    expect(files.get('word/document.xml')).toMatch(/<w:headerReference w:type="first"/);
  });

  it('is written in Dutch, so that Word checks its spelling as Dutch, and names no English placeholder as its editor', async () => {
    for (const createdAt of [undefined, new Date('2025-09-10T10:00:00Z')]) {
      const files = parts(await renderLetterDocx(letterFixture(), { createdAt }));
      const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(files.get('word/styles.xml')!)![0];
      expect(defaults).toContain('<w:lang w:val="nl-NL"/>');
      expect(files.get('docProps/core.xml')).toContain('<cp:lastModifiedBy>Steunregister</cp:lastModifiedBy>');
    }
  });

  it('keeps hostile and long text as text', async () => {
    const files = parts(await renderLetterDocx(letterFixture({
      subject: HOSTILE_TEXT,
      sections: [{ heading: HOSTILE_TEXT, blocks: [{ kind: 'paragraph', content: [LONG_WORD, { footnote: 1 }] }] }],
      footnotes: [{ number: 1, text: HOSTILE_TEXT }],
    })));
    const texts = paragraphs(files.get('word/document.xml')!);
    expect(texts).toContain(`Betreft${HOSTILE_TEXT}`);
    expect(texts).toContain(HOSTILE_TEXT);
    expect(texts).toContain(LONG_WORD);
    expect(files.get('word/document.xml')).not.toContain('<script>');
    expect(paragraphs(files.get('word/footnotes.xml')!).map((paragraph) => paragraph.trim())).toContain(HOSTILE_TEXT);
  });
});
