import { describe, expect, it } from 'vitest';
import { HOSTILE_TEXT, letterFixture, LONG_WORD, WORLD_TITLE, WORLD_TITLE_PRINTED } from './fixture.test-support.ts';
import { pdfInfo, pdfPages, type PdfPage } from './pdf-text.test-support.ts';
import { renderLetterPdf } from './letter-pdf.ts';

const createdAt = new Date('2025-09-10T08:00:00Z');

/** Text without its spacing, so words a viewer splits or a line break cuts still match. */
function squeezed(text: string): string {
  return text.replace(/\s+/g, '');
}

function onPage(page: PdfPage, text: string): boolean {
  return squeezed(page.text).includes(squeezed(text));
}

/** Whether the text is printed in the top or the bottom tenth of the page. */
function printedAt(page: PdfPage, text: string, where: 'top' | 'bottom'): boolean {
  return page.items.some((item) =>
    item.text.includes(text) && (where === 'top' ? item.y > page.height * 0.9 : item.y < page.height * 0.1));
}

describe('renderLetterPdf', () => {
  it('lays out the letterhead, the sections, the table and the closing, with accents and the euro sign', async () => {
    const pages = await pdfPages(await renderLetterPdf(letterFixture(), { createdAt }));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const [first] = pages;
    for (const text of [
      'Ministerie van Defensie',
      'Plein 4',
      'MPC 58 B',
      'Postbus 20701',
      'Onze referentie',
      'SR-2025-08-31',
      'Bij beantwoording, datum, onze referentie en onderwerp vermelden',
      'Bijlage(n)',
      'Retouradres Postbus 20701 2500 ES Den Haag',
      'de Voorzitter van de Tweede Kamer',
      'Datum',
      '10 september 2025',
      'Betreft',
      'Leveringen militaire goederen aan Oekraïne',
      'Geachte voorzitter,',
      'Financiële stand van zaken levering van militaire goederen',
    ]) {
      expect(onPage(first!, text), text).toBe(true);
    }
    const all = pages.map((page) => page.text).join(' ');
    for (const text of [
      'Type steun',
      'Directe levering (vervangingswaarde)',
      '€ 2,05 mld.',
      'Commerciële verwervingen',
      'NAVO-fonds',
      '€ 8,7 mld.',
    ]) {
      expect(squeezed(all), text).toContain(squeezed(text));
    }
    expect(squeezed(all)).toContain(squeezed('Directe levering: Defensie zal het geleverde materieel'));
    expect(squeezed(all)).toContain(squeezed('Nederland past het "Government to Business"-model toe'));
    expect(squeezed(all)).toContain(squeezed('coördineren'));
    const signed = pages.find((page) => onPage(page, 'DE MINISTER VAN DEFENSIE'))!;
    expect(onPage(signed, 'Hoogachtend,')).toBe(true);
    expect(onPage(signed, 'Ruben Brekelmans')).toBe(true);
    // The public overview follows the signature, on a page of its own.
    const last = pages.at(-1)!;
    expect(last).not.toBe(signed);
    expect(onPage(last, 'Openbaar overzicht van nieuwe leveringen')).toBe(true);
    expect(onPage(last, 'Patriot-raketten (12 stuks)')).toBe(true);
  });

  it('numbers every page and, while a draft, heads every page with the draft notice and the demonstration mark', async () => {
    const draft = letterFixture({ draftNotice: 'CONCEPT — niet verzenden', isDemonstration: true });
    const pages = await pdfPages(await renderLetterPdf(draft, { createdAt }));
    pages.forEach((page, index) => {
      expect(printedAt(page, 'CONCEPT — niet verzenden', 'top'), `page ${index + 1}`).toBe(true);
      expect(printedAt(page, 'DEMONSTRATIEGEGEVENS', 'top'), `page ${index + 1}`).toBe(true);
      expect(printedAt(page, `Pagina ${index + 1} van ${pages.length}`, 'bottom'), `page ${index + 1}`).toBe(true);
    });
    const final = await pdfPages(await renderLetterPdf(letterFixture(), { createdAt }));
    expect(final.some((page) => onPage(page, 'CONCEPT') || onPage(page, 'DEMONSTRATIEGEGEVENS'))).toBe(false);
  });

  it('shows é, ë, ï and € as they are', async () => {
    const letter = letterFixture({ sections: [{ heading: null, blocks: [
      { kind: 'paragraph', content: ['Eén café, geïdentificeerd en coördinatie: € 1,5 mld. – “zo”'] },
    ] }] });
    const pages = await pdfPages(await renderLetterPdf(letter, { createdAt }));
    expect(pages[0]!.text).toContain('Eén café, geïdentificeerd en coördinatie: € 1,5 mld. – “zo”');
  });

  it('writes the same bytes for the same letter and date, and carries the subject as its title', async () => {
    const first = await renderLetterPdf(letterFixture(), { createdAt });
    const second = await renderLetterPdf(letterFixture(), { createdAt });
    expect(second.equals(first)).toBe(true);
    const later = await renderLetterPdf(letterFixture(), { createdAt: new Date('2025-09-11T08:00:00Z') });
    expect(later.equals(first)).toBe(false);
    const info = await pdfInfo(first);
    expect(info.Title).toBe('Leveringen militaire goederen aan Oekraïne');
  });

  it('survives hostile text and a 500-character word, in a paragraph and in the table', async () => {
    const letter = letterFixture({
      subject: HOSTILE_TEXT,
      sections: [{ heading: HOSTILE_TEXT, blocks: [
        { kind: 'paragraph', content: [LONG_WORD, { footnote: 1 }, ' Київ 😀 ok'] },
        { kind: 'table', table: { header: ['Type', 'Bedrag'], rows: [{ cells: [[LONG_WORD], ['€ 1 mld.']] }], numericColumns: [1] } },
      ] }],
      footnotes: [{ number: 1, text: HOSTILE_TEXT }],
    });
    const pages = await pdfPages(await renderLetterPdf(letter, { createdAt }));
    const all = squeezed(pages.map((page) => page.text).join(''));
    expect(all).toContain(squeezed(HOSTILE_TEXT));
    expect(all.split(squeezed(LONG_WORD)).length).toBe(3);
    expect(all).toContain('Київ:grinning:ok');
    expect(all).not.toContain('?');
  });

  it('prints a title in Cyrillic, Polish and with an emoji as it was written, as text that can be searched', async () => {
    const letter = letterFixture({
      subject: WORLD_TITLE,
      sections: [{ heading: 'Nederlandse militaire steun', blocks: [{ kind: 'paragraph', content: [`Geleverd: ${WORLD_TITLE}.`] }] }],
    });
    const text = (await pdfPages(await renderLetterPdf(letter, { createdAt }))).map((page) => page.text).join(' ');
    expect(squeezed(text)).toContain(squeezed(`Geleverd: ${WORLD_TITLE_PRINTED}.`));
    expect(text).not.toContain('?');
  });
});
