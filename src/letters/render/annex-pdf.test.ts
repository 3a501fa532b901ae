import { describe, expect, it } from 'vitest';
import { renderAnnexPdf, stampAnnexPdf } from './annex-pdf.ts';
import { ANNEX_WATERMARK, annexFixture, HOSTILE_TEXT, LONG_WORD, WORLD_TITLE, WORLD_TITLE_PRINTED } from './fixture.test-support.ts';
import { encodeWinAnsi } from './pdf-standard-font.ts';
import { wrapText } from './pdf-writer.ts';
import { pdfAccessibility, pdfInfo, pdfPages, type PdfPage } from './pdf-text.test-support.ts';

const createdAt = new Date('2025-09-10T08:00:00Z');
const squeezed = (text: string) => text.replace(/\s+/g, '');
const onPage = (page: PdfPage, text: string) => squeezed(page.text).includes(squeezed(text));

describe('renderAnnexPdf and stampAnnexPdf', () => {
  const annex = annexFixture(90);
  const kept = renderAnnexPdf(annex, { createdAt });

  it('marks every page at the top and the bottom, numbers it, repeats the table header, and stamps the reader on every page', async () => {
    const bytes = stampAnnexPdf(kept, ANNEX_WATERMARK);
    const pages = await pdfPages(bytes);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((page, index) => {
      const where = `page ${index + 1}`;
      const marks = page.items.filter((item) => item.text === 'DEPARTEMENTAAL VERTROUWELIJK');
      expect(marks, where).toHaveLength(2);
      expect(onPage(page, ANNEX_WATERMARK), where).toBe(true);
      expect(onPage(page, 'Gerealiseerd'), where).toBe(true);
      expect(onPage(page, `Pagina ${index + 1} van ${pages.length}`), where).toBe(true);
    });
    const rows = pages.flatMap((page) => page.items.filter((item) => /^Levering \d+:/.test(item.text)));
    expect(rows).toHaveLength(90);
    expect(onPage(pages.at(-1)!, 'Exact € 2.398.765.432,10')).toBe(true);
    expect((await pdfInfo(bytes)).Title).toBe(`DEPARTEMENTAAL VERTROUWELIJK: ${annex.title}`);
    // One revision: the kept rendering cannot be had back by cutting the file short.
    expect(Buffer.from(bytes).toString('latin1').match(/%%EOF/g)).toHaveLength(1);
  });

  it('keeps no reader, and stamps each reader on the same kept bytes', async () => {
    expect(Buffer.from(kept.bytes).toString('latin1')).not.toContain('Geopend');
    expect(Buffer.from(renderAnnexPdf(annex, { createdAt }).bytes).equals(kept.bytes)).toBe(true);
    const other = await pdfPages(stampAnnexPdf(kept, 'Geopend door A. Ander (Kamerlid) op 1 december 2026 om 09:00'));
    expect(onPage(other[0]!, 'A. Ander')).toBe(true);
    expect(onPage(other[0]!, ANNEX_WATERMARK)).toBe(false);
  });

  it('is tagged: the classification, title and headings first, then the table with a header cell per column and a cell per value', async () => {
    const { marked, info, displayDocTitle, roles } = await pdfAccessibility(stampAnnexPdf(kept, ANNEX_WATERMARK));
    expect(marked).toBe(true);
    expect(info.Language).toBe('nl-NL');
    expect(displayDocTitle).toBe(true);
    const count = (role: string) => tree.filter((found) => found === role).length;
    // pdf.js gives each page the whole tree of the elements it shows content of.
    const tree = roles[0]!;
    expect(tree.slice(0, 6)).toEqual(['Root', 'Document', 'P', 'H1', 'P', 'P']);
    expect(tree.indexOf('H2')).toBeLessThan(tree.indexOf('Table'));
    expect(roles.length).toBeGreaterThanOrEqual(3);
    for (const page of roles) expect(page).toContain('TD');
    // One header row, though it is printed at the top of every page; then the group, the 90 deliveries, the subtotal and the note.
    expect(count('TH')).toBe(annex.sections[0]!.header.length);
    expect(count('TR')).toBe(1 + 1 + 90 + 1 + 1);
    expect(count('TD')).toBe(1 + 90 * 6 + 6 + 1);
  });

  it('survives hostile text and a 500-character word in a cell', async () => {
    const pages = await pdfPages(stampAnnexPdf(renderAnnexPdf(annexFixture(3, {
      title: HOSTILE_TEXT,
      rows: [['1', LONG_WORD, HOSTILE_TEXT, '2', '3', LONG_WORD]],
    }), { createdAt }), HOSTILE_TEXT));
    const all = squeezed(pages.map((page) => page.text).join(''));
    expect(all).toContain(squeezed(HOSTILE_TEXT));
    expect(all).toContain(squeezed(LONG_WORD));
  });

  it('prints a title in Cyrillic, Polish and with an emoji as the letter does, as text that can be searched', async () => {
    const pages = await pdfPages(renderAnnexPdf(annexFixture(3, {
      title: WORLD_TITLE,
      rows: [['1', WORLD_TITLE, 'Voertuigen', '2', '3 feb. 2025', '€ 1,0 mln.']],
    }), { createdAt }).bytes.slice());
    expect(pages[0]!.items.filter((item) => item.text === WORLD_TITLE_PRINTED)).toHaveLength(2);
    expect(pages[0]!.text).not.toContain('?');
  });
  it('never leaves a section’s heading and table header at the foot of a page, its first row on the next', async () => {
    const reasoning = Array.from({ length: 12 }, (_, index) => `Regel ${index + 1} van een lange onderbouwing van het oordeel over de gereedheid.`).join(' ');
    const second = { heading: 'Effecten krijgsmacht', header: ['Levering', 'Onderbouwing'], rows: [['Eerste levering', reasoning]], numericColumns: [] };
    for (let fill = 20; fill <= 46; fill += 2) {
      const document = annexFixture(fill);
      const pages = await pdfPages(renderAnnexPdf({ ...document, sections: [...document.sections, second] }, { createdAt }).bytes);
      const starts = pages.find((page) => page.items.some((item) => item.text === 'Effecten krijgsmacht'))!;
      expect(onPage(starts, 'Eerste levering'), `after ${fill} rows`).toBe(true);
    }
  });

  it('keeps a group’s heading with its first row, and the note beneath a subtotal with it', async () => {
    const pageOf = (pages: PdfPage[], text: string) => pages.findIndex((page) => page.items.some((item) => item.text === text));
    for (let fill = 16; fill <= 26; fill += 1) {
      const rows = [
        ...Array.from({ length: fill }, (_, index) => [`Levering ${index + 1}`, '€ 1,00']),
        { kind: 'subtotal' as const, cells: ['Subtotaal voorraad', '€ 9,00'] },
        { kind: 'note' as const, cells: ['In de tabel van de brief: € 0 mld.'] },
        { kind: 'group' as const, cells: ['Commerciële verwervingen'] },
        ['Eerste aankoop', '€ 2,00'],
      ];
      const pages = await pdfPages(renderAnnexPdf(annexFixture(0, { sections: [{ heading: 'Leveringen', header: ['Levering', 'Waarde'], rows, numericColumns: [1] }] }), { createdAt }).bytes);
      expect(pageOf(pages, 'In de tabel van de brief: € 0 mld.'), `after ${fill} rows`).toBe(pageOf(pages, 'Subtotaal voorraad'));
      expect(pageOf(pages, 'Eerste aankoop'), `after ${fill} rows`).toBe(pageOf(pages, 'Commerciële verwervingen'));
    }
  });
});

describe('encodeWinAnsi and wrapText', () => {
  it('keeps Latin-1 as it is and what else the standard fonts have by its code, and replaces the rest', () => {
    expect(encodeWinAnsi('Oekraïne à 3,7 mld.')).toBe('Oekraïne à 3,7 mld.');
    expect(Buffer.from(encodeWinAnsi('€ – “”'), 'latin1')).toEqual(Buffer.from([0x80, 0x20, 0x96, 0x20, 0x93, 0x94]));
    expect(encodeWinAnsi('Київ\u0007\u202f5\ttab')).toBe('Kiiv\u00a05 tab');
    expect(encodeWinAnsi('Oe\u0308kraine')).toBe('Oëkraine');
  });

  it('writes a letter the fonts lack in Latin letters, so that a name in the watermark stays readable', () => {
    expect(encodeWinAnsi('Geopend door Олена Зеленська (Kamerlid)')).toBe("Geopend door Olena Zelens'ka (Kamerlid)");
    expect(encodeWinAnsi('Ελένη Παπαδοπούλου')).toBe('Eleni Papadopoyloy');
    expect(encodeWinAnsi('Geopend door Dilan Yeşilgöz-Zegerius (Kamerlid)')).toBe('Geopend door Dilan Yesilgöz-Zegerius (Kamerlid)');
    expect(encodeWinAnsi('Łukasz Dvořák, Şebnem Ağrı, Đorđe')).toBe('Lukasz Dvorák, Sebnem Agri, Dorde');
  });

  it('breaks at spaces, and inside a word too long for a line', () => {
    expect(wrapText('een twee drie', 'regular', 10, 1000)).toEqual(['een twee drie']);
    expect(wrapText('een twee drie', 'regular', 10, 45)).toEqual(['een twee', 'drie']);
    const pieces = wrapText('x'.repeat(100), 'regular', 10, 50);
    expect(pieces.join('')).toBe('x'.repeat(100));
    expect(pieces.length).toBeGreaterThan(5);
  });

});
