/**
 * The golden letter: the demonstration's draft for 31 August 2025 must say, figure for figure, what the
 * seed letter of 10 September 2025 says in its financial section. The seed file itself is read and taken
 * apart here (its line-break hyphenation undone, the footnote a page break put in the middle of a sentence
 * taken out), so that the test compares against the letter as sent, not against a copy of its words.
 */
import { existsSync, readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, it } from 'vitest';
import { createApi } from '../../src/api/app.ts';
import { loadDemonstrationData } from '../../src/register/demonstration.ts';
import { SEED_LETTER_BLOCKS } from '../../src/db/seed/demonstration-letter.ts';
import type { Inline, LetterSection } from '../../src/letters/letter-document.ts';
import { pdfPages, type PdfPage } from '../../src/letters/render/pdf-text.test-support.ts';
import { OVERVIEW_HEADING, type PublicLetterSnapshot } from '../../src/letters/snapshot.ts';
import { apiClient, type ApiCall } from '../api/client.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { sessionCookieFor } from '../support/sessions.ts';

const SEED_PATH = process.env.SEED_LETTER ?? fileURLToPath(new URL('../../docs/specification/leveringenbrief-2025-09-10.txt', import.meta.url));
const FINANCE_HEADING = 'Financiële stand van zaken levering van militaire goederen';
const NEXT_HEADING = 'Industrie';
const EPF_HEADING = 'Europese Vredesfaciliteit';
/** The letter PDF's body size and where its sender column starts (src/letters/render/letter-pdf.ts). */
const BODY_SIZE = 9.5;
const SENDER_COLUMN_X = 452;

/** One row of the letter's table, as "label | cell | cell". */
type Row = string;

interface SeedFinance {
  /** The sentences of the section's running text that carry a figure (an amount, a percentage, a date, a number). */
  sentences: string[];
  header: Row;
  rows: Row[];
}

/** The lines of a section of the seed letter, between its heading and the next. */
function seedSection(heading: string, nextHeading: string): string[] {
  if (!existsSync(SEED_PATH)) throw new Error(`the seed letter is not at ${SEED_PATH} (set SEED_LETTER to where it is)`);
  const lines = readFileSync(SEED_PATH, 'utf8').split(/\r?\n/);
  const start = lines.findIndex((line) => line.trim() === heading);
  const end = lines.findIndex((line, index) => index > start && line.trim() === nextHeading);
  if (start < 0 || end < 0) throw new Error(`the seed letter has no section ${heading} followed by ${nextHeading}`);
  return lines.slice(start + 1, end);
}

/** A footnote printed at the foot of a page: a blank line, then its number and text. */
function isFootnote(section: readonly string[], index: number): boolean {
  return /^\d+ \S/.test(section[index]!.trim()) && section[index - 1]?.trim() === '';
}

/** The sentences of running text that carry a figure (an amount, a percentage, a date, a number). */
function figureSentences(prose: readonly string[]): string[] {
  return normalised(joinedLines(prose))
    // A sentence ends at a full stop or colon before a capital (not at "t.w.v. €25" or "nr. 377"); a bullet starts one.
    .split(/(?<=[.:])\s+(?=[\p{Lu}·])|\s*·\s+/u)
    .map((sentence) => sentence.trim())
    .filter((sentence) => /\d/.test(sentence));
}

/** The financial section of the seed letter: its figure-bearing sentences and its table. */
function seedFinance(): SeedFinance {
  const section = seedSection(FINANCE_HEADING, NEXT_HEADING);
  const amount = String.raw`€ \d[\d.,]* (?:mld|mln)\.`;
  const tableRow = new RegExp(`^(\\S.*?)\\s+(${amount})\\s+(${amount})\\s*$`);
  const tableDate = /\d{1,2} [a-z]{3}\. \d{4}/g;
  let header: Row | undefined;
  const rows: Row[] = [];
  const prose: string[] = [];
  section.forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed.startsWith('Type steun')) {
      header = ['Type steun', ...(trimmed.match(tableDate) ?? [])].join(' | ');
      return;
    }
    const row = tableRow.exec(trimmed);
    if (row) {
      rows.push(row.slice(1, 4).join(' | '));
      return;
    }
    if (isFootnote(section, index)) return;
    prose.push(line);
  });
  if (!header) throw new Error('the seed letter has no table header in its financial section');
  return { sentences: figureSentences(prose), header, rows };
}

/** The figure-bearing sentences of the seed letter's paragraph on the European Peace Facility. */
function seedEpfSentences(): string[] {
  const section = seedSection(EPF_HEADING, 'Hoogachtend,');
  return figureSentences(section.filter((_line, index) => !isFootnote(section, index)));
}

/**
 * Lines as running text. Undoes the hyphenation of words broken at the end of a line ("Ameri-" +
 * "kaanse"); a hyphen after a capital ("EU-") or before a capital is a real one and stays.
 */
function joinedLines(lines: readonly string[]): string {
  let text = '';
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed === '') {
      text += ' ';
    } else if (/\p{Ll}-$/u.test(text) && /^\p{Ll}/u.test(trimmed)) {
      text = text.slice(0, -1) + trimmed;
    } else {
      text += `${text === '' || text.endsWith(' ') ? '' : ' '}${trimmed}`;
    }
  }
  return text;
}

/** The running text of a section of the seed letter, from its heading up to the next one. */
function seedSectionText(heading: string, nextHeading: string): string {
  return normalised(joinedLines(seedSection(heading, nextHeading)));
}

/** The sentences of the seed letter that carry its budget figures, and the amounts in them that the draft names. */
const BUDGET_SENTENCES = [
  'Nederland heeft sinds de aanvang van de grootschalige agressieoorlog circa €13,6 mld. aan militaire steun begroot.',
  'Gezien de voortdurende hoge Oekraïense noden enerzijds en de zwaarwegende Europese en Nederlandse veiligheidsbelangen anderzijds, heeft het kabinet met de Voorjaarsbesluitvorming besloten om aanvullend budget beschikbaar te stellen van €3,2 mld. voor militaire steun voor de periode 2025-2027.',
  'Ook heeft het kabinet besloten om €2 mld. aan budget dat gepland stond voor 2026, naar de begroting van 2025 over te hevelen.',
  'In 2026 zal hier een extra bedrag t.w.v. €25 mln. aan worden toegevoegd conform de Voorjaarsnota 2025.',
];
const BUDGET_AMOUNTS = ['€13,6 mld.', '€3,2 mld.', '€2 mld.', '€25 mln.'];

function normalised(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function inlineText(content: readonly Inline[]): string {
  return content.map((part) => (typeof part === 'string' ? part : '')).join('');
}

/** A section of a letter as text (paragraphs and bullets) and its table as rows "label | cell | cell". */
function sectionOf(letter: PublicLetterSnapshot, heading: string): { text: string; header: Row; rows: Row[] } {
  const section = letter.sections.find((candidate: LetterSection) => candidate.heading === heading);
  if (!section) throw new Error(`the letter has no section ${heading}`);
  const texts: string[] = [];
  let header = '';
  const rows: Row[] = [];
  for (const block of section.blocks) {
    if (block.kind === 'paragraph') texts.push(inlineText(block.content));
    if (block.kind === 'bullets') texts.push(...block.items.map(inlineText));
    if (block.kind === 'table') {
      header = block.table.header.join(' | ');
      rows.push(...block.table.rows.map((row) => row.cells.map(inlineText).join(' | ')));
    }
  }
  return { text: normalised(texts.join(' ')), header, rows };
}

/** The Markdown section under the heading: its text without escapes, and its pipe table as rows. */
function markdownSection(markdown: string, heading: string): { text: string; rows: Row[] } {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  expect(start, `the Markdown has a section ${heading}`).toBeGreaterThan(0);
  const end = markdown.indexOf('\n## ', start + 1);
  const body = markdown.slice(start, end < 0 ? undefined : end).split('\n').slice(2);
  const unescape = (text: string) => text.replace(/\\(.)/g, '$1');
  const rows = body
    .filter((line) => line.startsWith('|') && !/^\|\s*-/.test(line))
    .map((line) => line.slice(1, -1).split(' | ').map((cell) => unescape(cell.trim().replace(/^\*\*(.*)\*\*$/, '$1'))).join(' | '));
  const text = normalised(unescape(body.filter((line) => !line.startsWith('|')).map((line) => line.replace(/^- /, '')).join(' ')));
  return { text, rows };
}

/** The text items printed on one line of a PDF page, from the one that is exactly `first`. */
function pdfLineStartingWith(pages: readonly PdfPage[], first: string): string[] {
  for (const page of pages) {
    const start = page.items.find((item) => item.text === first);
    if (start) return page.items.filter((item) => Math.abs(item.y - start.y) < 0.5 && item.text.trim() !== '').map((item) => item.text);
  }
  return [];
}

const squeezed = (text: string) => text.replace(/\s+/g, '');

/**
 * The letter's running text in its PDF, pages joined: what is printed in the text column at the body's size,
 * without what each page prints around it (the draft notice, the page number, the date and reference in the
 * sender column), the footnotes at its foot or the references to them, so that a sentence that a page break
 * cuts reads as one.
 */
function pdfRunningText(pages: readonly PdfPage[]): string {
  const body = pages.flatMap((page) => page.items.filter((item) => item.x < SENDER_COLUMN_X && Math.abs(item.size - BODY_SIZE) < 0.01));
  return squeezed(body.map((item) => item.text).join(' '));
}

describeEachDatabase('the golden letter: the draft of 31 August 2025 against the seed letter', (database) => {
  const seed = seedFinance();
  let author: ApiCall;
  let draftId: string;
  let letter: PublicLetterSnapshot;
  let binary: (path: string) => Promise<Response>;

  beforeAll(async () => {
    const { db } = database();
    expect(await loadDemonstrationData(db)).toBeGreaterThan(0);
    const api = createApi({ db, onError: (error) => { throw error; } });
    author = apiClient(db, { role: 'letterAuthor', api });
    const cookie = await sessionCookieFor(db, 'letterAuthor');
    binary = (path) => Promise.resolve(api.request(path, { headers: { Cookie: cookie } }));
    const listed = await author('GET', '/letters');
    expect(listed.status).toBe(200);
    const draft = listed.body.items.find((item: any) => item.referenceDate === '2025-08-31');
    expect(draft).toMatchObject({ status: 'draft', letterDate: '2025-09-10' });
    draftId = draft.id;
    const view = await author('GET', `/letters/${draftId}`);
    expect(view.status).toBe(200);
    expect(view.body.problems).toEqual([]);
    letter = view.body.letter;
  });

  it('finds in the seed letter the figure-bearing sentences and the table of its financial section', () => {
    // What the extraction must find, so that a broken reading of the seed cannot pass as a match.
    expect(seed.sentences).toHaveLength(8);
    expect(seed.sentences[0]).toBe('De totale waarde van de gerealiseerde militaire steun aan Oekraïne bedroeg op 31 augustus 2025 €8,7 mld.');
    expect(seed.sentences[1]).toBe('Dit is een toename van €2,82 mld. of 48 procent ten opzichte van de vorige leveringenbrief.');
    expect(seed.sentences.filter((sentence) => sentence.includes('€'))).toHaveLength(7);
    // The page break's hyphenation is undone, and the footnote at the foot of that page is not in the text.
    expect(seed.sentences.join(' ')).toContain('snel Amerikaanse wapensystemen');
    expect(seed.sentences.join(' ')).toContain('aan worden toegevoegd conform de Voorjaarsnota 2025');
    expect(seed.sentences.join(' ')).not.toContain('Veiligheidssamenwerking');
    expect(seed.header).toBe('Type steun | 4 feb. 2025 | 31 aug. 2025');
    expect(seed.rows).toEqual([
      'Directe levering (vervangingswaarde) | € 2,05 mld. | € 2,4 mld.',
      'Commerciële verwervingen | € 3,73 mld. | € 6,1 mld.',
      'NAVO-fonds | € 0,1 mld. | € 0,18 mld.',
      'Totaal | € 5,88 mld. | € 8,7 mld.',
    ]);
  });

  it('says every figure-bearing sentence of the seed letter, and its table cell by cell', () => {
    const draft = sectionOf(letter, FINANCE_HEADING);
    for (const sentence of seed.sentences) expect(draft.text, sentence).toContain(sentence);
    expect(draft.header).toBe(seed.header);
    expect(draft.rows).toEqual(seed.rows);
    // The figures under the text are the amounts it prints, never to the cent: the total rounds the exact sum
    // (€ 8,7 mld., not the € 8,68 mld. of its rounded parts), the increase the exact difference.
    const lines = Object.fromEntries(letter.figures.lines.map((line) => [line.key, [line.currentCents, line.reportedPreviousCents]]));
    expect(lines).toEqual({
      stock: [240_000_000_000, 205_000_000_000],
      procurement: [610_000_000_000, 373_000_000_000],
      natoFund: [18_000_000_000, 10_000_000_000],
      total: [870_000_000_000, 588_000_000_000],
    });
    expect(letter.figures.increaseCents).toBe(282_000_000_000);
    expect(letter.figures.increasePercentText).toBe('48 procent');
  });

  it('says every figure-bearing sentence of the seed letter\'s paragraph on the European Peace Facility, each amount a named figure', async () => {
    const sentences = seedEpfSentences();
    // What the extraction must find: the footnote a page break put in the paragraph is not in it.
    expect(sentences).toHaveLength(7);
    expect(sentences[0]).toBe('Vanuit de Europese Vredesfaciliteit (European Peace Facility – EPF) is reeds ongeveer 6 miljard euro gecommitteerd aan steun voor Oekraïne.');
    expect(sentences.join(' ')).not.toContain('wapenexportcriteria');
    const draft = sectionOf(letter, EPF_HEADING);
    for (const sentence of sentences) expect(draft.text, sentence).toContain(sentence);
    const markdown = markdownSection(await (await binary(`/letters/${draftId}/renderings/markdown`)).text(), EPF_HEADING);
    for (const sentence of sentences) expect(markdown.text, sentence).toContain(sentence);

    // The editable text types none of these amounts: each is computed from the register.
    const view = (await author('GET', `/letters/${draftId}`)).body;
    const block = view.blocks.find((candidate: any) => candidate.heading === EPF_HEADING);
    expect(block.text).not.toMatch(/€\s?\d|\d+ (?:miljard|miljoen)|20 juli 2025|2027/);
    expect(block.text).toContain('{{epfDeclared}}');
    // The figures the author may place offer what was received in each year up to the reference date's, €0 in 2025 too.
    expect(view.figures.filter((figure: any) => figure.name.startsWith('epfPaid:'))).toEqual([
      { name: 'epfPaid:2024', value: '€52,8 mln.' },
      { name: 'epfPaid:2025', value: '€0' },
    ]);
  });

  it('says the budget sentences of the seed letter, each amount in them a figure the register computes', () => {
    const seedText = normalised(joinedLines(readFileSync(SEED_PATH, 'utf8').split(/\r?\n/)));
    const draftText = normalised(
      letter.sections
        .flatMap((section) => section.blocks.flatMap((block) => (block.kind === 'paragraph' ? [inlineText(block.content)] : block.kind === 'bullets' ? block.items.map(inlineText) : [])))
        .join(' '),
    );
    for (const sentence of BUDGET_SENTENCES) {
      expect(seedText, sentence).toContain(sentence);
      expect(draftText, sentence).toContain(sentence);
    }
    const typed = SEED_LETTER_BLOCKS.map((block) => block.text).join('\n');
    for (const amount of BUDGET_AMOUNTS) expect(typed, amount).not.toContain(amount);
  });

  it('says the sections Training and Effecten krijgsmacht exactly as the seed letter, their counts and judgement computed', () => {
    expect(sectionOf(letter, 'Training').text).toBe(seedSectionText('Training', 'Toetsing'));
    expect(sectionOf(letter, 'Effecten krijgsmacht').text).toBe(seedSectionText('Effecten krijgsmacht', 'Europese Vredesfaciliteit'));
    // The editable text names the figures; no count or amount of these sections is typed in it (years are dates).
    for (const key of ['training', 'armedForces']) {
      const text = SEED_LETTER_BLOCKS.find((block) => block.key === key)!.text;
      expect(text).toMatch(/\{\{(training:|readiness\.)/);
      const literalFigures = text.replace(/\{\{[^}]*\}\}/g, '').match(/€|\b(?!(?:19|20)\d\d\b)\d+\b|\b(twee|twintig|negentig|zestigduizend|significant)\b/g) ?? [];
      expect(literalFigures.filter((figure) => !['1', '16'].includes(figure))).toEqual([]);
    }
  });

  it('prints one space where the seed letter\'s text typed two ("zo wordt  optimaal", "de  F-16\'s"), in the DOCX as in the other renderings', async () => {
    const typed = SEED_LETTER_BLOCKS.map((block) => block.text).join('\n');
    expect(typed).toContain('zo wordt  optimaal');
    expect(JSON.stringify(letter.sections)).toContain('zo wordt optimaal');
    expect(JSON.stringify(letter.sections)).not.toMatch(/ {2}/);
    const docx = unzipSync(new Uint8Array(await (await binary(`/letters/${draftId}/renderings/docx`)).arrayBuffer()));
    expect(strFromU8(docx['word/document.xml']!)).not.toMatch(/ {2}/);
  });

  it('keeps the seed letter\'s paragraphs whole: a page break of the seed is no paragraph break of the draft', () => {
    const unfinished = letter.sections
      .filter((section) => section.heading !== OVERVIEW_HEADING)
      .flatMap((section) => section.blocks.flatMap((block) =>
        block.kind === 'paragraph' ? [inlineText(block.content)] : block.kind === 'bullets' ? block.items.map(inlineText) : []))
      .filter((paragraph) => !/[.:]$/.test(paragraph.trim()));
    expect(unfinished).toEqual([]);
  });

  it('says them in the Markdown rendering', async () => {
    const response = await binary(`/letters/${draftId}/renderings/markdown`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toMatch(/^text\/markdown/);
    const markdown = markdownSection(await response.text(), FINANCE_HEADING);
    for (const sentence of seed.sentences) expect(markdown.text, sentence).toContain(sentence);
    expect(markdown.rows).toEqual([seed.header, ...seed.rows]);
  });

  it('says them in the PDF rendering, the table row by row', async () => {
    const response = await binary(`/letters/${draftId}/renderings/pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/pdf');
    const pages = await pdfPages(new Uint8Array(await response.arrayBuffer()));
    const text = pdfRunningText(pages);
    for (const sentence of seed.sentences) expect(text, sentence).toContain(squeezed(sentence));
    for (const row of [seed.header, ...seed.rows]) {
      const cells = row.split(' | ');
      expect(pdfLineStartingWith(pages, cells[0]!)).toEqual(cells);
    }
  });

  it('signs as the seed letter signs, with the sender column on its first page and the public overview after the signature', async () => {
    const seedClosing = readFileSync(SEED_PATH, 'utf8').split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
    const signature = seedClosing.slice(seedClosing.indexOf('Hoogachtend,'));
    expect(signature).toEqual(['Hoogachtend,', 'DE MINISTER VAN DEFENSIE', 'Ruben Brekelmans']);
    const pages = await pdfPages(new Uint8Array(await (await binary(`/letters/${draftId}/renderings/pdf`)).arrayBuffer()));
    const signed = pages.findIndex((page) => signature.every((line) => page.items.some((item) => item.text === line)));
    expect(signed).toBeGreaterThan(0);
    for (const line of ['Ministerie van Defensie', 'Plein 4', 'MPC 58 B', 'Postbus 20701', '2500 ES Den Haag', 'Onze referentie', 'Bijlage(n)']) {
      expect(pages[0]!.items.some((item) => item.text === line), line).toBe(true);
    }
    const overview = pages.findIndex((page) => page.items.some((item) => item.text === OVERVIEW_HEADING));
    expect(overview).toBeGreaterThan(signed);
  });

  it('lists in its public overview exactly the public deliveries realised after 4 Feb 2025 up to 31 Aug 2025, and nothing confidential', async () => {
    const { db } = database();
    const deliveries = await db.selectFrom('delivery').select(['id', 'title', 'publicId', 'disclosureState', 'realisedAt']).execute();
    const expected = deliveries
      .filter((delivery) => delivery.disclosureState === 'public' && delivery.realisedAt !== null && delivery.realisedAt > '2025-02-04' && delivery.realisedAt <= '2025-08-31')
      .map((delivery) => delivery.publicId);
    const listed = letter.overview.flatMap((group) => group.items);
    expect(listed.map((item) => item.publicId).sort()).toEqual([...expected].sort());
    expect(listed.map((item) => item.title).sort()).toEqual([
      'Bijdrage aan het Prioritized Ukraine Requirement List-initiatief (PURL)',
      'Drones van de Oekraïense defensie-industrie',
    ]);

    const text = JSON.stringify(letter);
    const hidden = deliveries.filter((delivery) => delivery.disclosureState !== 'public');
    expect(hidden.length).toBeGreaterThan(0);
    for (const delivery of hidden) {
      expect(text).not.toContain(delivery.id);
      expect(text).not.toContain(delivery.title);
    }
    // Internal ids never reach the letter: public deliveries are known by their public id.
    for (const delivery of deliveries) expect(text).not.toContain(delivery.id);
  });

  it('says the section Industrie exactly as the seed letter', () => {
    const lines = readFileSync(SEED_PATH, 'utf8').split(/\r?\n/);
    const start = lines.findIndex((line) => line.trim() === NEXT_HEADING);
    const end = lines.findIndex((line, index) => index > start && line.trim() === 'Training');
    const paragraphs = (text: string) => text.split(/\n\s*\n/).map((paragraph) => paragraph.replace(/\s+/g, ' ').trim()).filter(Boolean);
    const seedParagraphs = paragraphs(lines.slice(start + 1, end).join('\n'));
    expect(seedParagraphs).toHaveLength(4);
    expect(sectionOf(letter, NEXT_HEADING).text).toBe(normalised(seedParagraphs.join(' ')));
    const block = letter.sections.find((section) => section.heading === NEXT_HEADING)!.blocks;
    expect(block).toHaveLength(seedParagraphs.length);
  });

  it('places the industry figures as the register holds them at the reference date', async () => {
    const text = '{{industry.contracts}} contract(en) met {{industry.companies}} bedrijf/bedrijven, waarvan {{industry.ukrainianCompanies}} Oekraïens, ' +
      'samen {{industry.contractValue}}; {{industry.milestonesCompleted}} mijlpaal afgerond; {{industry.coproductionProjects}} coproductieprojecten; {{industry.demandBundles}} gebundelde behoeften.';
    // One draft per reference date: the demonstration holds the one of 31 August, so this one counts up to the day before.
    const draft = await author('POST', '/letters', { referenceDate: '2025-08-30', letterDate: '2025-09-10' });
    expect(draft.status).toBe(201);
    const created = await author('PATCH', `/letters/${draft.body.id}`, { blocks: [{ key: 'industry', heading: NEXT_HEADING, text }] }, { 'If-Match': `"${draft.body.version}"` });
    expect(created.status).toBe(200);
    expect(created.body.problems).toEqual([]);
    // The drone contract with the Ukrainian industry (€100 mln.) and its first milestone; the intention of co-production came after the reference date.
    expect(sectionOf(created.body.letter, NEXT_HEADING).text).toBe(
      '1 contract(en) met 1 bedrijf/bedrijven, waarvan 1 Oekraïens, samen €100 mln.; 1 mijlpaal afgerond; 0 coproductieprojecten; 0 gebundelde behoeften.',
    );
  });
});
