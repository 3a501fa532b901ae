import { beforeAll, describe, expect, it } from 'vitest';
import type { LetterDocument } from '../letter-document.ts';
import { letterFixture } from './fixture.test-support.ts';
import { renderLetterPdf } from './letter-pdf.ts';
import { pdfAccessibility, pdfPages, type PdfPage, type PdfTextItem } from './pdf-text.test-support.ts';

const createdAt = new Date('2025-09-10T08:00:00Z');
/** A letter long enough for several pages, each paragraph citing its own footnote with the word just before the reference. */
function longLetter(): LetterDocument {
  const filler = 'De Nederlandse steun aan Oekraïne is omvangrijk en wordt met zorg geregistreerd en verantwoord. '.repeat(5);
  const paragraphs = Array.from({ length: 14 }, (_, index) => ({
    kind: 'paragraph' as const,
    content: [`${filler}Zie verwijzing${index + 1}`, { footnote: index + 1 }, ' voor de bron.'],
  }));
  return letterFixture({
    sections: [{ heading: 'Nederlandse militaire steun', blocks: paragraphs }],
    footnotes: paragraphs.map((_, index) => ({ number: index + 1, text: `Bron nummer ${index + 1} van deze brief, met een toelichting die de regel vult.` })),
  });
}

describe('the letter as a tagged PDF', () => {
  it('is tagged, in Dutch, titled with its subject, and reads in the letter’s order', async () => {
    const { marked, info, displayDocTitle, roles } = await pdfAccessibility(await renderLetterPdf(letterFixture(), { createdAt }));
    expect(marked).toBe(true);
    expect(info.Language).toBe('nl-NL');
    expect(info.Title).toBe('Leveringen militaire goederen aan Oekraïne');
    expect(displayDocTitle).toBe(true);
    const first = roles[0]!;
    expect(first.slice(0, 2)).toEqual(['Root', 'Document']);
    // The wordmark, the sender column, the addressee and the subject come before the letter's text.
    expect(first.indexOf('Figure')).toBeLessThan(first.indexOf('Sect'));
    expect(first.indexOf('Sect')).toBeLessThan(first.indexOf('H1'));
    expect(first.indexOf('H1')).toBeLessThan(first.indexOf('H2'));
    // A footnote's Note follows the paragraph that cites it.
    expect(first).toContain('Note');
    const all = roles.flat();
    for (const role of ['Table', 'TR', 'TH', 'TD', 'L', 'LI', 'LBody', 'H3']) expect(all, role).toContain(role);
  });

  it('prints each footnote at the foot of the page that cites it', async () => {
    const letter = longLetter();
    const pages = await pdfPages(await renderLetterPdf(letter, { createdAt }));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const note of letter.footnotes) {
      const printed = pages.findIndex((page) => page.text.includes(note.text));
      expect(printed, `footnote ${note.number}`).toBeGreaterThanOrEqual(0);
      const page = pages[printed]!;
      const reference = page.items.find((item) => item.text.includes(`verwijzing${note.number}`));
      expect(reference, `the reference to footnote ${note.number} on page ${printed + 1}`).toBeDefined();
      const noteItem = page.items.find((item) => note.text.startsWith(item.text) && item.text.length > 10)!;
      expect(noteItem.y, `footnote ${note.number} below its reference`).toBeLessThan(reference!.y);
      expect(noteItem.y, `footnote ${note.number} at the foot of the page`).toBeLessThan(page.height * 0.3);
    }
  });

  it('signs with the letter’s own signatory and wordmark', async () => {
    const letter = letterFixture({
      letterhead: { ...letterFixture().letterhead, wordmark: 'Ministerie van Voorbeeldzaken' },
      closing: ['Hoogachtend,', 'DE STAATSSECRETARIS VAN DEFENSIE', 'G. Tuinman'],
    });
    const text = (await pdfPages(await renderLetterPdf(letter, { createdAt }))).map((page) => page.text).join(' ');
    for (const expected of ['Ministerie van Voorbeeldzaken', 'DE STAATSSECRETARIS VAN DEFENSIE', 'G. Tuinman']) expect(text).toContain(expected);
  });

  it('never leaves the closing alone on a page: the letter’s last paragraph, or its last list item, goes with it', async () => {
    const last = 'De laatste tekst van de brief, die twee regels beslaat op de pagina: de Nederlandse steun aan Oekraïne blijft omvangrijk en wordt zorgvuldig verantwoord.';
    const endings = { paragraph: { kind: 'paragraph' as const, content: [last] }, list: { kind: 'bullets' as const, items: [['Een eerder punt.'], [last]] } };
    // One line more each time moves the end of the text down the page, through a whole page.
    for (let lines = 20; lines <= 52; lines += 1) {
      for (const [ending, block] of Object.entries(endings)) {
        const letter = letterFixture({
          sections: [{ heading: 'Nederlandse militaire steun', blocks: [
            ...Array.from({ length: lines }, (_, index) => ({ kind: 'paragraph' as const, content: [`Regel ${index + 1} van de brief.`] })),
            block,
          ] }],
          footnotes: [],
          overview: null,
        });
        const pages = await pdfPages(await renderLetterPdf(letter, { createdAt }));
        const signed = pages.find((page) => page.items.some((item) => item.text === 'Hoogachtend,'))!;
        expect(signed.text, `${lines} lines before the last ${ending}`).toContain('zorgvuldig verantwoord.');
      }
    }
  });
});

/** The text of each printed line, page by page: the text items at one height, left to right. */
function printedLines(pages: readonly PdfPage[]): string[] {
  return pages.flatMap((page) => {
    const rows = new Map<number, PdfTextItem[]>();
    for (const item of page.items) rows.set(Math.round(item.y), [...(rows.get(Math.round(item.y)) ?? []), item]);
    return [...rows.values()].map((items) => items.sort((a, b) => a.x - b.x).map((item) => item.text).join('').replace(/\s+/g, ' ').trim());
  });
}

describe('the letter’s PDF keeps a figure on one line', () => {
  // Each phrase as the letter writes it, in paragraphs whose longer first word moves it along the line, past its end.
  const phrases = ['€6,1 mld.', '€500 miljoen', '6 miljard euro', '48 procent', '17 februari 2025', '31 aug. 2025', 'Kamerstuk 22 054', 'nr. 453'];
  const shifts = Array.from({ length: 25 }, (_, index) => index);
  const filler = 'De totale waarde van de militaire steun bedroeg op';
  let lines: string[] = [];

  beforeAll(async () => {
    const letter = letterFixture({
      sections: [{ heading: null, blocks: phrases.flatMap((phrase) => shifts.map((shift) => ({ kind: 'paragraph' as const, content: [`${'w'.repeat(shift + 1)} ${filler} ${phrase} en meer.`] }))) }],
      footnotes: [],
      overview: null,
    });
    lines = printedLines(await pdfPages(await renderLetterPdf(letter, { createdAt })));
  });

  it.each(phrases)('never breaks %j between lines', (phrase) => {
    const words = phrase.split(' ');
    const broken = lines.flatMap((line, index) => words.slice(1).flatMap((_, cut) => {
      const [head, tail] = [words.slice(0, cut + 1).join(' '), words.slice(cut + 1).join(' ')];
      return line.endsWith(` ${head}`) && (lines[index + 1] ?? '').startsWith(tail) ? [`${line} / ${lines[index + 1]}`] : [];
    }));
    expect(broken, `lines ending within ${JSON.stringify(phrase)}`).toEqual([]);
    expect(lines.filter((line) => line.includes(phrase))).toHaveLength(shifts.length);
  });
});
