/**
 * The life of a letter through the API, on the demonstration register: the draft of 31 August 2025 is
 * finalised, the next letter (31 December 2025) is drafted, edited and finalised; from then on it never
 * changes, its hash verifies, a later revaluation shows in its verification and in the letter after it,
 * never in it. The confidential annex is for the few, watermarked and logged; the public surfaces show only
 * what was decided public.
 */
import { createHash } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { todayInAmsterdam } from '../../common/dates.ts';
import { API_BASE_PATH, createApi } from '../../src/api/app.ts';
import { listAuditEvents } from '../../src/db/repositories/audit.ts';
import { loadDemonstrationData } from '../../src/register/demonstration.ts';
import type { Inline } from '../../src/letters/letter-document.ts';
import { pdfPages, type PdfPage } from '../../src/letters/render/pdf-text.test-support.ts';
import type { PublicLetterSnapshot } from '../../src/letters/snapshot.ts';
import type { Role } from '../../src/domain/access.ts';
import { apiClient, type ApiCall } from '../api/client.ts';
import { formatPublishedFigure } from '../../common/letter-format.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { registerShipped } from '../support/export-control.ts';
import { sessionCookieFor } from '../support/sessions.ts';
import { placeholdersOf, submitAndApprove, ifMatchCurrent } from '../support/letters.ts';

const FINANCE = 'Financiële stand van zaken levering van militaire goederen';
/** A confidential aggregate of the demonstration (stock up to 4 Feb 2025). */
const CONFIDENTIAL_DELIVERY = 'eb51ab98-09d6-4275-b358-644a2cc992ed';
const CONFIDENTIAL_TITLE = 'Demonstratie: overige directe leveringen uit voorraad t/m 4 feb. 2025 (geaggregeerd)';
const INTERNAL_TITLE = 'Houwitsers uit depot, intern kenmerk ART-2025-117';
const PUBLIC_TITLE = 'Artilleriesystemen';
const MILLION = 100_000_000; // cents

const sha256 = (text: string | Uint8Array) => createHash('sha256').update(text).digest('hex');
const inlineText = (content: readonly Inline[]) => content.map((part) => (typeof part === 'string' ? part : `[^${part.footnote}]`)).join('');
const squeezed = (text: string) => text.replace(/\s+/g, '');

function financeSection(letter: PublicLetterSnapshot) {
  const section = letter.sections.find((candidate) => candidate.heading === FINANCE)!;
  const texts = section.blocks.flatMap((block) =>
    block.kind === 'paragraph' ? [inlineText(block.content)] : block.kind === 'bullets' ? block.items.map(inlineText) : []);
  const table = section.blocks.find((block) => block.kind === 'table');
  return {
    text: texts.join('\n'),
    header: table?.kind === 'table' ? table.table.header : [],
    rows: table?.kind === 'table' ? table.table.rows.map((row) => row.cells.map(inlineText)) : [],
  };
}

/** The text of each paragraph of a Word XML part, its runs joined. */
function docxParagraphs(docx: Uint8Array): string[] {
  const xml = strFromU8(unzipSync(docx)['word/document.xml']!);
  return xml.split(/<w:p[ >]/).slice(1).map((paragraph) =>
    [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join('')
      .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'));
}

/** Text with its no-break spaces as plain spaces. */
const spaced = (text: string) => text.replaceAll('\u00a0', ' ');

/** The non-blank text items printed on the line of the item that is exactly `first`. */
function pdfLine(pages: readonly PdfPage[], first: string): string[] {
  for (const page of pages) {
    const start = page.items.find((item) => item.text === first);
    if (start) return page.items.filter((item) => Math.abs(item.y - start.y) < 0.5 && item.text.trim() !== '').map((item) => item.text);
  }
  return [];
}

function printedAt(page: PdfPage, text: string, where: 'top' | 'bottom'): boolean {
  return page.items.some((item) => item.text.includes(text) && (where === 'top' ? item.y > page.height * 0.9 : item.y < page.height * 0.1));
}

describeEachDatabase('letters through the API', (database) => {
  let api: ReturnType<typeof createApi>;
  let author: ApiCall;
  let registrar: ApiCall;
  let disclosure: ApiCall;
  let anonymous: ApiCall;
  const cookies = new Map<string, string>();
  /** A request with a binary (or any) body, as the role or anonymously. */
  let fetchAs: (role: Role | null, path: string) => Promise<Response>;

  let augustId: string;
  let letterId: string; // the letter of 31 December 2025
  let artilleryId: string;
  let artilleryPublicId: string;
  let finalView: any;

  beforeAll(async () => {
    const { db } = database();
    expect(await loadDemonstrationData(db)).toBeGreaterThan(0);
    api = createApi({ db, onError: (error) => { throw error; } });
    author = apiClient(db, { role: 'letterAuthor', api });
    registrar = apiClient(db, { role: 'registrar', api });
    disclosure = apiClient(db, { role: 'disclosureOfficer', api });
    anonymous = apiClient(db, { api });
    fetchAs = async (role, path) => {
      if (role && !cookies.has(role)) cookies.set(role, await sessionCookieFor(db, role));
      return api.request(path, { headers: role ? { Cookie: cookies.get(role)! } : {} });
    };
  });

  const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

  it('finalises the demonstration draft of 31 August 2025, the letter the next one follows', async () => {
    const listed = await author('GET', '/letters');
    const august = listed.body.items.find((item: any) => item.referenceDate === '2025-08-31');
    expect(august.status).toBe('draft');
    augustId = august.id;
    const current = await author('GET', `/letters/${augustId}`);
    expect(current.headers.get('ETag')).toBe(`"${current.body.version}"`);
    const unapproved = await author('POST', `/letters/${augustId}/finalisation`, {}, { 'If-Match': current.headers.get('ETag')! });
    expect(unapproved.status).toBe(400);
    expect(unapproved.body.invalidParams).toMatchObject([{ name: 'approval', code: 'notApproved' }]);
    // The author cannot approve their own letter's disclosure; a disclosure officer does.
    expect((await author('POST', `/letters/${augustId}/approval`, undefined, { 'If-Match': current.headers.get('ETag')! })).status).toBe(403);
    const approved = await submitAndApprove({ author, disclosure }, augustId, current.headers.get('ETag')!);
    expect(approved.status).toBe(200);
    expect(approved.body.approval).toMatchObject({ matchesCurrent: true, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const final = await author('POST', `/letters/${augustId}/finalisation`, {}, { 'If-Match': approved.headers.get('ETag')! });
    expect(final.status).toBe(200);
    expect(final.body).toMatchObject({ status: 'final', letterDate: '2025-09-10' });
    expect(final.body.letter.previousLetter).toMatchObject({ referenceDate: '2025-02-04', paperNumber: 'Kamerstuk 22 054, nr. 453' });
    // Under embargo until published.
    expect((await anonymous('GET', '/public/letters')).body.items.map((item: any) => item.id)).not.toContain(augustId);
    expect((await author('POST', `/letters/${augustId}/sending`, undefined, await ifMatchCurrent(author, augustId))).status).toBe(200);
    const published = await author('POST', `/letters/${augustId}/publication`, { paperNumber: 'Kamerstuk 22 054, nr. 460', publishedOn: '2025-09-10' }, await ifMatchCurrent(author, augustId));
    expect(published.status).toBe(200);
    expect(published.body.publishedAt).not.toBeNull();

    const comparison = await author('GET', `/letters/comparison?from=${final.body.letter.previousLetter.id}&to=${augustId}`);
    expect(comparison.status).toBe(200);
    expect(comparison.body.figures.find((line: any) => line.key === 'total')).toEqual({
      key: 'total',
      label: 'Totaal',
      fromCents: 590_000_000_000,
      toCents: 870_000_000_000,
      differenceCents: 280_000_000_000,
      // Each letter's figure as that letter printed it in its own column, and the difference of the two.
      fromText: '€ 5,9 mld.',
      toText: '€ 8,7 mld.',
      differenceText: '€ 2,8 mld.',
    });
  });

  it('drafts the letter of 31 December 2025 from the register; the figures its text names are computed', async () => {
    const created = await registerShipped(registrar, database().db, {
      title: INTERNAL_TITLE,
      category: 'largeCalibreArtillery',
      supportType: 'stock',
      fundingSource: 'ukraineSupportBudget',
      committedAt: '2025-10-01',
      realisedAt: '2025-10-15',
    });
    expect(created.status).toBe(200);
    artilleryId = created.body.id;
    const valued = await registrar('POST', `/deliveries/${artilleryId}/valuations`, { amountCents: 360 * MILLION, basis: 'replacementValue', effectiveDate: '2025-10-15' });
    expect(valued.status).toBe(201);
    const decided = await disclosure('POST', '/disclosure-decisions', {
      deliveryIds: [artilleryId], state: 'public', publicTitle: PUBLIC_TITLE, publicDetail: 'Uit eigen voorraad.', publicCategory: 'largeCalibreArtillery', publicQuantity: null,
      // The letter names its value: the decision makes that public too.
      publicValue: true,
    });
    expect(decided.status).toBe(201);
    artilleryPublicId = (await database().db.selectFrom('delivery').select('publicId').where('id', '=', artilleryId).executeTakeFirstOrThrow()).publicId!;

    const draft = await author('POST', '/letters', { referenceDate: '2025-12-31', letterDate: '2026-01-20' });
    expect(draft.status).toBe(201);
    expect(draft.headers.get('Location')).toBe(`/letters/${draft.body.id}`);
    letterId = draft.body.id;
    const august = await author('GET', `/letters/${augustId}`);
    expect(draft.body.blocks).toEqual(august.body.blocks);
    expect(draft.body.letter.previousLetter).toMatchObject({ id: augustId, referenceDate: '2025-08-31', letterDate: '2025-09-10' });
    const finance = financeSection(draft.body.letter);
    // The previous column as the August letter published it, the new one from the register now.
    expect(finance.header).toEqual(['Type steun', '31 aug. 2025', '31 dec. 2025']);
    expect(finance.rows).toEqual([
      ['Directe levering (vervangingswaarde)', '€ 2,4 mld.', '€ 2,8 mld.'],
      ['Commerciële verwervingen', '€ 6,12 mld.', '€ 6,1 mld.'],
      ['NAVO-fonds', '€ 0,18 mld.', '€ 0,18 mld.'],
      ['Totaal', '€ 8,7 mld.', '€ 9,1 mld.'],
    ]);
    expect(finance.text).toContain(
      'De totale waarde van de gerealiseerde militaire steun aan Oekraïne bedroeg op 31 december 2025 €9,1 mld. ' +
        'Dit is een toename van €400 mln. of 5 procent ten opzichte van de vorige leveringenbrief.',
    );
    // Only what is new since the August letter is in the overview.
    expect(draft.body.letter.overview.flatMap((group: any) => group.items.map((item: any) => item.title))).toEqual([PUBLIC_TITLE]);

    const blocks = draft.body.blocks.map((block: any) =>
      block.key === 'finance'
        ? {
            ...block,
            text:
              '{{headline}} De Nederlandse steun bestaat uit:\n\n{{figuresTable}}\n\n' +
              '· Directe levering: de vervangingswaarde bedroeg op {{referenceDate}} in totaal {{stock}} ' +
              `Daaronder vallen artilleriesystemen ter waarde van {{delivery:${artilleryId}}}\n\n` +
              '· Sinds {{previousLetter}} ({{previousReferenceDate}}) nam de steun toe met {{increase}}, {{increasePercent}}.',
          }
        : block);
    const edited = await author('PATCH', `/letters/${letterId}`, { blocks }, ifMatch(draft.body.version));
    expect(edited.status).toBe(200);
    expect(edited.headers.get('ETag')).toBe(`"${draft.body.version + 1}"`);
    expect(edited.body.problems).toEqual([]);
    const text = financeSection(edited.body.letter).text;
    expect(text).toContain('Directe levering: de vervangingswaarde bedroeg op 31 december 2025 in totaal €2,8 mld. Daaronder vallen artilleriesystemen ter waarde van €360 mln.');
    expect(text).toContain('Sinds Kamerstuk 22 054, nr. 460, dd. 10 september 2025 (31 augustus 2025) nam de steun toe met €400 mln., 5 procent.');
    expect(text).not.toContain('{{');
  });

  it('shows a block naming a confidential delivery as a problem, and refuses to finalise it', async () => {
    const current = await author('GET', `/letters/${letterId}`);
    const blocks = [...current.body.blocks, { key: 'leak', heading: 'Extra', text: `Waaronder {{delivery:${CONFIDENTIAL_DELIVERY}}} en {{nonsense}}.` }];
    const edited = await author('PATCH', `/letters/${letterId}`, { blocks }, ifMatch(current.body.version));
    expect(edited.status).toBe(200);
    expect(edited.body.problems).toEqual([
      `De tekst noemt de waarde van levering ${CONFIDENTIAL_DELIVERY} ({{delivery:${CONFIDENTIAL_DELIVERY}}}), maar die levering is niet openbaar (vertrouwelijk of nog zonder besluit).`,
      'De tekst noemt {{nonsense}}, maar dat cijfer bestaat niet of mag niet openbaar worden.',
    ]);
    const extra = edited.body.letter.sections.find((section: any) => section.heading === 'Extra');
    expect(inlineText(extra.blocks[0].content)).toBe(`Waaronder [delivery:${CONFIDENTIAL_DELIVERY}?] en [nonsense?].`);
    // Its value (€ 2,1 mld. at 31 December 2025) is nowhere in the letter.
    expect(JSON.stringify(edited.body.letter)).not.toMatch(/2,1 mld/);

    const refused = await author('POST', `/letters/${letterId}/finalisation`, {}, ifMatch(edited.body.version));
    expect(refused.status).toBe(400);
    expect(refused.headers.get('Content-Type')).toBe('application/problem+json');
    expect(refused.body.invalidParams.map((param: any) => [param.name, param.code])).toEqual([
      ['blocks', 'deliveryNotNameable'],
      ['blocks', 'unknownFigure'],
    ]);
    expect(refused.body.invalidParams[0].reason).toBe(
      `De tekst noemt de waarde van levering ${CONFIDENTIAL_DELIVERY} ({{delivery:${CONFIDENTIAL_DELIVERY}}}), maar die levering is niet openbaar (vertrouwelijk of nog zonder besluit).`,
    );
    const after = await author('GET', `/letters/${letterId}`);
    expect(after.body).toMatchObject({ status: 'draft', version: edited.body.version, publicSha256: null });
    expect((await anonymous('GET', '/public/letters')).body.items.map((item: any) => item.id)).not.toContain(letterId);

    const repaired = await author('PATCH', `/letters/${letterId}`, { blocks: current.body.blocks }, ifMatch(edited.body.version));
    expect(repaired.status).toBe(200);
    expect(repaired.body.problems).toEqual([]);
  });

  it('refuses a draft without blocks, with two blocks of one key or a text of only spaces; and approves or finalises only a whole letter', async () => {
    const { db } = database();
    // Submitted, so that a disclosure officer may judge it (and refuse it).
    const current = await author('POST', `/letters/${letterId}/submission`, undefined, ifMatch((await author('GET', `/letters/${letterId}`)).body.version));
    const { blocks, version } = current.body;
    const refusedChange = async (changed: unknown[]) => {
      const refused = await author('PATCH', `/letters/${letterId}`, { blocks: changed }, ifMatch(version));
      expect(refused.status).toBe(400);
      return refused.body.invalidParams.map((param: any) => [param.name, param.code]);
    };
    expect(await refusedChange([])).toEqual([['blocks', 'noBlocks']]);
    expect(await refusedChange([...blocks, { ...blocks[0], heading: 'Nog eens' }])).toEqual([[`blocks.${blocks.length}.key`, 'duplicateBlockKey']]);
    expect(await refusedChange([...blocks, { key: 'extra', heading: 'Extra', text: '  \n\n ' }])).toEqual([[`blocks.${blocks.length}.text`, 'blankText']]);
    expect((await author('GET', `/letters/${letterId}`)).body.version).toBe(version);

    // A draft stored so before these rules is not approved or finalised; neither is one without any text.
    const stored = async (changed: unknown[]) => db.updateTable('letter').set({ blocks: JSON.stringify(changed) }).where('id', '=', letterId).execute();
    const notWhole = async () => {
      const approval = await disclosure('POST', `/letters/${letterId}/approval`, undefined, ifMatch(version));
      const finalisation = await author('POST', `/letters/${letterId}/finalisation`, {}, ifMatch(version));
      expect([approval.status, finalisation.status]).toEqual([400, 400]);
      expect(finalisation.body.invalidParams).toEqual(approval.body.invalidParams);
      return finalisation.body.invalidParams.map((param: any) => [param.name, param.code, param.reason]);
    };
    await stored([...blocks, { key: blocks[1].key, heading: 'Extra', text: ' \n ' }]);
    expect(await notWhole()).toEqual([
      [`blocks.${blocks.length}.key`, 'duplicateBlockKey', expect.stringContaining(`Tekstblok ${blocks.length + 1} (Extra) heeft dezelfde sleutel "${blocks[1].key}" als tekstblok 2`)],
      [`blocks.${blocks.length}.text`, 'blankText', expect.stringContaining(`tekstblok ${blocks.length + 1} (Extra) bestaat alleen uit spaties`)],
    ]);
    await stored([]);
    expect(await notWhole()).toEqual([['blocks', 'noBlocks', expect.any(String)]]);
    const emptied = await author('PATCH', `/letters/${letterId}`, { blocks: blocks.map((block: any) => ({ ...block, text: '' })) }, ifMatch(version));
    expect(emptied.status).toBe(200);
    const withoutText = await author('POST', `/letters/${letterId}/finalisation`, {}, ifMatch(emptied.body.version));
    expect(withoutText.body.invalidParams).toMatchObject([{ name: 'blocks', code: 'noText' }]);
    expect((await author('PATCH', `/letters/${letterId}`, { blocks }, ifMatch(emptied.body.version))).status).toBe(200);
    const events = await listAuditEvents(db, { objectId: letterId, action: 'letter.finalise', limit: 10 });
    expect(events).toEqual([]);

    // The figures as at a date still to come are not settled: a draft for it waits for its reference date,
    // also to be submitted for approval.
    const tomorrow = new Date(Date.parse(`${todayInAmsterdam()}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const ahead = await author('POST', '/letters', { referenceDate: tomorrow, letterDate: tomorrow });
    expect(ahead.status).toBe(201);
    const offered = await author('POST', `/letters/${ahead.body.id}/submission`, undefined, ifMatch(ahead.body.version));
    expect(offered.body.invalidParams).toMatchObject([{ name: 'referenceDate', code: 'referenceDateNotReached' }]);
    const earlyFinal = await author('POST', `/letters/${ahead.body.id}/finalisation`, {}, ifMatch(ahead.body.version));
    expect(earlyFinal.body.invalidParams).toMatchObject([{ name: 'referenceDate', code: 'referenceDateNotReached' }]);
    expect((await author('DELETE', `/letters/${ahead.body.id}`, undefined, ifMatch(ahead.body.version))).status).toBe(204);
  });

  it('wants If-Match on changing and finalising a draft (428) and refuses a stale one (412), changing nothing', async () => {
    const current = await author('GET', `/letters/${letterId}`);
    const version = current.body.version;
    const change = { letterDate: '2026-01-21' };
    expect((await author('PATCH', `/letters/${letterId}`, change)).status).toBe(428);
    const stale = await author('PATCH', `/letters/${letterId}`, change, ifMatch(version - 1));
    expect(stale.status).toBe(412);
    expect(stale.headers.get('ETag')).toBe(`"${version}"`);
    expect((await author('POST', `/letters/${letterId}/finalisation`, {})).status).toBe(428);
    expect((await author('POST', `/letters/${letterId}/finalisation`, {}, ifMatch(version - 1))).status).toBe(412);
    const after = await author('GET', `/letters/${letterId}`);
    expect(after.body).toMatchObject({ status: 'draft', version, letterDate: '2026-01-20' });
  });

  it('needs a new approval when the letter changed after the approval', async () => {
    const current = await author('GET', `/letters/${letterId}`);
    const approved = await disclosure('POST', `/letters/${letterId}/approval`, undefined, ifMatch(current.body.version));
    expect(approved.status).toBe(200);
    const edited = await author('PATCH', `/letters/${letterId}`, { letterDate: '2026-01-19' }, ifMatch(approved.body.version));
    expect(edited.body.approval).toBeNull();
    const restored = await author('PATCH', `/letters/${letterId}`, { letterDate: '2026-01-20' }, ifMatch(edited.body.version));
    const refused = await author('POST', `/letters/${letterId}/finalisation`, {}, ifMatch(restored.body.version));
    expect(refused.body.invalidParams).toMatchObject([{ name: 'approval', code: 'notApproved' }]);
  });

  it('finalises the letter', async () => {
    const unapproved = await author('GET', `/letters/${letterId}`);
    const approved = await disclosure('POST', `/letters/${letterId}/approval`, undefined, ifMatch(unapproved.body.version));
    expect(approved.status).toBe(200);
    const current = await author('GET', `/letters/${letterId}`);
    const final = await author('POST', `/letters/${letterId}/finalisation`, {}, ifMatch(current.body.version));
    expect(final.status).toBe(200);
    expect(final.body).toMatchObject({ status: 'final', letterDate: '2026-01-20', referenceDate: '2025-12-31', problems: [] });
    expect(final.body.publicSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(final.body.annexSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(final.body.letter).toEqual(current.body.letter);
    finalView = final.body;
  });

  it('refuses a draft dated before the last final letter, or for its date: letters follow each other in time', async () => {
    const earlier = await author('POST', '/letters', { referenceDate: '2025-10-31', letterDate: '2025-11-10' });
    expect(earlier.status).toBe(400);
    expect(earlier.body.invalidParams).toMatchObject([{ name: 'referenceDate', code: 'beforeLastFinalLetter', reason: expect.stringContaining('31 december 2025') }]);
    const same = await author('POST', '/letters', { referenceDate: '2025-12-31' });
    expect(same.body.invalidParams).toMatchObject([{ name: 'referenceDate', code: 'finalLetterExists' }]);
  });

  it('refuses a second draft for the same reference date, and deletes a draft (audited)', async () => {
    const first = await author('POST', '/letters', { referenceDate: '2026-06-30' });
    expect(first.status).toBe(201);
    const second = await author('POST', '/letters', { referenceDate: '2026-06-30' });
    expect(second.status).toBe(400);
    expect(second.body.invalidParams).toMatchObject([{ name: 'referenceDate', code: 'draftExists' }]);
    expect((await author('DELETE', `/letters/${first.body.id}`)).status).toBe(428);
    expect((await author('DELETE', `/letters/${first.body.id}`, undefined, ifMatch(first.body.version))).status).toBe(204);
    expect((await author('GET', `/letters/${first.body.id}`)).status).toBe(404);
    const events = await listAuditEvents(database().db, { objectId: first.body.id, limit: 10 });
    expect(events.map((event) => event.action)).toContain('letter.delete');
    expect((await author('DELETE', `/letters/${letterId}`, undefined, ifMatch(finalView.version))).status).toBe(400);
  });

  it('never changes a final letter: not through any route, not in the database', async () => {
    const { db } = database();
    const version = (await author('GET', `/letters/${letterId}`)).body.version;
    const patched = await author('PATCH', `/letters/${letterId}`, { blocks: [] }, ifMatch(version));
    expect(patched.status).toBe(400);
    expect(patched.body.invalidParams).toEqual([expect.objectContaining({ name: 'status', code: 'letterIsFinal' })]);
    expect((await author('PATCH', `/letters/${letterId}`, { letterDate: '2026-02-01' }, ifMatch(version))).status).toBe(400);
    expect((await author('POST', `/letters/${letterId}/finalisation`, {}, ifMatch(version))).status).toBe(400);
    expect((await author('POST', `/letters/${letterId}/finalisation`, { letterDate: '2026-02-01' }, ifMatch(version))).status).toBe(400);

    // Published only once sent; with details in parliament's form; corrected with a reason, the earlier record kept.
    const publication = { paperNumber: 'Kamerstuk 22 054, nr. 470', publishedOn: '2026-01-22' };
    const unsent = await author('POST', `/letters/${letterId}/publication`, publication, await ifMatchCurrent(author, letterId));
    expect(unsent.body.invalidParams).toEqual([expect.objectContaining({ name: 'status', code: 'notSent' })]);
    expect((await author('POST', `/letters/${letterId}/sending`, undefined, await ifMatchCurrent(author, letterId))).status).toBe(200);
    expect((await author('POST', `/letters/${letterId}/sending`, undefined, await ifMatchCurrent(author, letterId))).body.invalidParams).toEqual([expect.objectContaining({ code: 'alreadySent' })]);
    const bad = await author('POST', `/letters/${letterId}/publication`, { paperNumber: 'nr 460 ???', publishedOn: '2026-01-19' }, await ifMatchCurrent(author, letterId));
    expect(bad.status).toBe(400);
    expect(bad.body.invalidParams).toEqual([
      expect.objectContaining({ name: 'paperNumber', code: 'paperNumberFormat', reason: expect.stringContaining('Kamerstuk 22 054, nr. 460') }),
      expect.objectContaining({ name: 'publishedOn', code: 'publishedBeforeLetterDate', reason: expect.stringContaining('20 januari 2026') }),
    ]);
    expect((await author('POST', `/letters/${letterId}/publication`, { paperNumber: null, publishedOn: null }, await ifMatchCurrent(author, letterId))).status).toBe(400);
    // Each letter has a paper number of its own: the one of the letter of 4 February 2025 is refused, on record and in a correction.
    const taken = await author('POST', `/letters/${letterId}/publication`, { ...publication, paperNumber: 'Kamerstuk 22 054, nr. 453' }, { ...(await ifMatchCurrent(author, letterId)), 'Accept-Language': 'en' });
    expect(taken.body.invalidParams).toEqual([{ name: 'paperNumber', code: 'paperNumberTaken', reason: expect.stringContaining('4 February 2025') }]);
    // Parliament numbers a dossier's papers as they come in: this letter has a higher number than those dated before it, the nearest named.
    const backwards = await author('POST', `/letters/${letterId}/publication`, { ...publication, paperNumber: 'Kamerstuk 22 054, nr. 450' }, { ...(await ifMatchCurrent(author, letterId)), 'Accept-Language': 'en' });
    expect(backwards.body.invalidParams).toEqual([{ name: 'paperNumber', code: 'paperNumberNotAfterEarlierLetter', reason: expect.stringMatching(/31 August 2025 has Kamerstuk 22 054, nr\. 460 in the same dossier/) }]);
    // Parliament chooses the dossier: a letter filed under 36 045 has a paper number of that dossier.
    expect((await author('POST', `/letters/${letterId}/publication`, { ...publication, paperNumber: 'Kamerstuk 36 045, nr. 460' }, await ifMatchCurrent(author, letterId))).status).toBe(200);
    const again = await author('POST', `/letters/${letterId}/publication`, publication, await ifMatchCurrent(author, letterId));
    expect(again.body.invalidParams).toEqual([expect.objectContaining({ name: 'paperNumber', code: 'alreadySet' })]);
    const takenInCorrection = await author('POST', `/letters/${letterId}/publication-corrections`, { ...publication, paperNumber: 'Kamerstuk 22 054, nr. 453', reason: 'Nummer van de vorige brief' }, await ifMatchCurrent(author, letterId));
    expect(takenInCorrection.body.invalidParams).toEqual([expect.objectContaining({ name: 'paperNumber', code: 'paperNumberTaken' })]);
    const withoutReason = await author('POST', `/letters/${letterId}/publication-corrections`, { ...publication, reason: ' ' }, await ifMatchCurrent(author, letterId));
    expect(withoutReason.body.invalidParams).toEqual([expect.objectContaining({ name: 'reason', code: 'required' })]);
    const dotsForReason = await author('POST', `/letters/${letterId}/publication-corrections`, { ...publication, reason: '...' }, await ifMatchCurrent(author, letterId));
    expect(dotsForReason.body.invalidParams).toEqual([expect.objectContaining({ name: 'reason', code: 'noLetterOrDigit' })]);
    const corrected = await author('POST', `/letters/${letterId}/publication-corrections`, { ...publication, reason: 'Verkeerd nummer overgenomen' }, await ifMatchCurrent(author, letterId));
    expect(corrected.status).toBe(200);
    expect(corrected.body.publications).toMatchObject([
      { paperNumber: 'Kamerstuk 22 054, nr. 470', reason: 'Verkeerd nummer overgenomen' },
      { paperNumber: 'Kamerstuk 36 045, nr. 460', reason: '' },
    ]);
    const events = await listAuditEvents(db, { objectId: letterId, limit: 20 });
    expect(events.map((event) => event.action)).toEqual(expect.arrayContaining(['letter.send', 'letter.publication', 'letter.publish', 'letter.publicationCorrection']));

    const refusedChange = /a final letter cannot be changed/;
    await expect(sql`update letter set blocks = '[]'::jsonb where id = ${letterId}`.execute(db)).rejects.toThrow(refusedChange);
    await expect(sql`update letter set public_snapshot = '{}' where id = ${letterId}`.execute(db)).rejects.toThrow(refusedChange);
    await expect(sql`update letter set public_sha256 = ${'0'.repeat(64)} where id = ${letterId}`.execute(db)).rejects.toThrow(refusedChange);
    await expect(sql`update letter set status = 'draft' where id = ${letterId}`.execute(db)).rejects.toThrow(refusedChange);
    await expect(sql`update letter set sent_at = now() where id = ${letterId}`.execute(db)).rejects.toThrow(refusedChange);
    await expect(sql`update letter set published_at = now() where id = ${letterId}`.execute(db)).rejects.toThrow(refusedChange);
    await expect(sql`update letter_publication set paper_number = 'Kamerstuk 22 054, nr. 999' where letter_id = ${letterId}`.execute(db)).rejects.toThrow(/cannot be changed/);
    await expect(sql`delete from letter where id = ${letterId}`.execute(db)).rejects.toThrow(/a final letter cannot be removed/);
    await expect(sql`update public_letter set snapshot = '{}' where id = ${letterId}`.execute(db)).rejects.toThrow(/a published letter cannot be changed/);
    await expect(sql`delete from public_letter where id = ${letterId}`.execute(db)).rejects.toThrow(/a published letter cannot be changed/);

    const after = await author('GET', `/letters/${letterId}`);
    expect(after.body).toMatchObject({ status: 'final', publicSha256: finalView.publicSha256, annexSha256: finalView.annexSha256, ...publication });
    expect(after.body.blocks).toEqual(finalView.blocks);
    expect(after.body.letter).toEqual(finalView.letter);
  });

  it('verifies: the published snapshot hashes to the published SHA-256, and every figure recomputes', async () => {
    const snapshot = await fetchAs(null, `/public/letters/${letterId}/snapshot`);
    expect(snapshot.status).toBe(200);
    const text = await snapshot.text();
    const listed = (await anonymous('GET', '/public/letters')).body.items.find((item: any) => item.id === letterId);
    expect(sha256(text)).toBe(listed.sha256);
    expect(listed.sha256).toBe(finalView.publicSha256);
    expect(JSON.parse(text)).toEqual(finalView.letter);
    const verification = await author('GET', `/letters/${letterId}/verification`);
    expect(verification.status).toBe(200);
    expect(verification.body).toEqual({ ok: true, hashesMatch: true, differences: [], figureDifferences: [], annexDifferences: [] });
    // What it recomputes includes the confidential annex's rows: it needs the second factor, and each verification is recorded.
    const withoutSecondFactor = await apiClient(database().db, { role: 'letterAuthor', secondFactor: false, api })('GET', `/letters/${letterId}/verification`);
    expect([withoutSecondFactor.status, withoutSecondFactor.body.code]).toEqual([403, 'secondFactorRequired']);
    const verified = await listAuditEvents(database().db, { action: 'letter.verify', objectId: letterId, limit: 10 });
    expect(verified.map((event) => [event.result, event.detail])).toEqual([['success', { ok: true }]]);
  });

  it('lists the final letters publicly, newest first, with their reference dates and links that work', async () => {
    const listed = await anonymous('GET', '/public/letters');
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((item: any) => [item.referenceDate, item.letterDate, item.paperNumber])).toEqual([
      ['2025-12-31', '2026-01-20', 'Kamerstuk 22 054, nr. 470'],
      ['2025-08-31', '2025-09-10', 'Kamerstuk 22 054, nr. 460'],
      ['2025-02-04', '2025-02-17', 'Kamerstuk 22 054, nr. 453'],
    ]);
    const letter = listed.body.items[0];
    expect(Object.keys(letter.links).sort()).toEqual(['docx', 'html', 'markdown', 'pdf', 'self', 'snapshot']);
    for (const link of Object.values(letter.links) as string[]) {
      expect(link.startsWith(`${API_BASE_PATH}/public/letters/${letterId}`)).toBe(true);
      expect((await fetchAs(null, link.slice(API_BASE_PATH.length))).status, link).toBe(200);
    }
    const one = await anonymous('GET', `/public/letters/${letterId}`);
    expect(one.body).toMatchObject({ referenceDate: '2025-12-31', sha256: finalView.publicSha256, letter: finalView.letter });
  });

  it('renders the final letter in all four formats, each with its figures', async () => {
    const headline = 'De totale waarde van de gerealiseerde militaire steun aan Oekraïne bedroeg op 31 december 2025 €9,1 mld.';
    const row = ['Directe levering (vervangingswaarde)', '€ 2,4 mld.', '€ 2,8 mld.'];
    for (const base of [`/letters/${letterId}`, `/public/letters/${letterId}`]) {
      const as = base.startsWith('/public') ? null : 'letterAuthor';
      const html = await fetchAs(as, `${base}/renderings/html`);
      expect(html.headers.get('Content-Type')).toMatch(/^text\/html/);
      // The renderings keep each figure and date on one line with no-break spaces.
      const page = spaced(await html.text());
      expect(page).toContain(headline);
      for (const cell of row) expect(page).toContain(`>${cell}<`);
      expect(page).not.toContain('CONCEPT');

      const markdown = await (await fetchAs(as, `${base}/renderings/markdown`)).text();
      expect(markdown).toContain(headline);
      expect(markdown).toContain(`| ${row.join(' | ')} |`);
      expect(markdown).toContain('Kamerstuk 22 054, nr. 470');

      const docx = await fetchAs(as, `${base}/renderings/docx`);
      expect(docx.headers.get('Content-Type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      expect(docx.headers.get('Content-Disposition')).toBe('attachment; filename="leveringenbrief-2025-12-31.docx"');
      const paragraphs = docxParagraphs(new Uint8Array(await docx.arrayBuffer())).map(spaced);
      expect(paragraphs.some((paragraph) => paragraph.startsWith(headline))).toBe(true);
      for (const cell of row) expect(paragraphs).toContain(cell);

      const pdf = await fetchAs(as, `${base}/renderings/pdf`);
      expect(pdf.headers.get('Content-Type')).toBe('application/pdf');
      const pages = await pdfPages(new Uint8Array(await pdf.arrayBuffer()));
      const all = squeezed(pages.map((one) => one.text).join(' '));
      expect(all).toContain(squeezed(headline));
      expect(all).not.toContain('CONCEPT');
      expect(pdfLine(pages, row[0]!).map(spaced)).toEqual(row);
      expect(pdfLine(pages, 'Totaal').map(spaced)).toEqual(['Totaal', '€ 8,7 mld.', '€ 9,1 mld.']);
    }
    // A final letter gives the same bytes every time, dated its letter date, whoever asks.
    const bytes = async (path: string, as: Role | null) => Buffer.from(await (await fetchAs(as, path)).arrayBuffer());
    for (const format of ['pdf', 'docx']) {
      const first = await bytes(`/letters/${letterId}/renderings/${format}`, 'letterAuthor');
      expect((await bytes(`/public/letters/${letterId}/renderings/${format}`, null)).equals(first), format).toBe(true);
    }
    const docx = unzipSync(new Uint8Array(await bytes(`/public/letters/${letterId}/renderings/docx`, null)));
    expect(strFromU8(docx['docProps/core.xml']!)).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-01-20T00:00:00.000Z</dcterms:created>');
  });

  describe('the confidential annex', () => {
    const annexPath = () => `/letters/${letterId}/annex/pdf`;

    it('is refused without a session, to the registrar and finance, and to a reader without the second factor', async () => {
      expect((await fetchAs(null, annexPath())).status).toBe(401);
      expect((await fetchAs('registrar', annexPath())).status).toBe(403);
      expect((await fetchAs('finance', annexPath())).status).toBe(403);
      const withoutSecondFactor = apiClient(database().db, { role: 'parliamentReader', secondFactor: false, api });
      const refused = await withoutSecondFactor('GET', annexPath());
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('secondFactorRequired');
      const events = await listAuditEvents(database().db, { action: 'annex.read', objectId: letterId, limit: 10 });
      expect(events).toEqual([]);
    });

    it('is marked on every page and watermarked with its reader, and every opening is recorded', async () => {
      const { db } = database();
      const cookie = await sessionCookieFor(db, 'parliamentReader');
      const username: string = (await (await api.request('/session', { headers: { Cookie: cookie } })).json()).username;
      expect(username).toMatch(/^parliamentreader-/);

      const opened = await api.request(annexPath(), { headers: { Cookie: cookie } });
      expect(opened.status).toBe(200);
      expect(opened.headers.get('Content-Type')).toBe('application/pdf');
      expect(opened.headers.get('Cache-Control')).toBe('no-store');
      const pages = await pdfPages(new Uint8Array(await opened.arrayBuffer()));
      expect(pages.length).toBeGreaterThan(0);
      pages.forEach((page, index) => {
        const where = `page ${index + 1}`;
        expect(printedAt(page, 'DEPARTEMENTAAL VERTROUWELIJK', 'top'), where).toBe(true);
        expect(printedAt(page, 'DEPARTEMENTAAL VERTROUWELIJK', 'bottom'), where).toBe(true);
        expect(squeezed(page.text), where).toContain(squeezed('Geopend door Test parliamentReader (Kamerlid) op'));
        // A login name is half of what signs an account in: never printed.
        expect(squeezed(page.text), where).not.toContain(squeezed(username));
      });
      // The annex is the full overview: the confidential deliveries are in it, under their internal titles.
      const all = squeezed(pages.map((page) => page.text).join(' '));
      expect(all).toContain(squeezed(CONFIDENTIAL_TITLE));
      expect(all).toContain(squeezed(INTERNAL_TITLE));

      const html = await api.request(`/letters/${letterId}/annex/html`, { headers: { Cookie: cookie } });
      expect(html.status).toBe(200);
      const htmlText = await html.text();
      expect(htmlText).toContain('Geopend door Test parliamentReader (Kamerlid) op');
      expect(htmlText).not.toContain(username);

      const events = await listAuditEvents(db, { action: 'annex.read', objectId: letterId, limit: 10 });
      expect(events.map((event) => [event.actor?.username, event.result])).toEqual([
        [username, 'success'],
        [username, 'success'],
      ]);
      // Each opening has a mark of its own, printed with its reader on every page and kept in its event, so that a copy is traced to one opening.
      const [htmlMark, pdfMark] = events.map((event) => (event.detail as { openingMark?: string }).openingMark);
      expect(pdfMark).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
      expect(htmlMark).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
      expect(htmlMark).not.toBe(pdfMark);
      pages.forEach((page, index) => expect(squeezed(page.text), `page ${index + 1}`).toContain(squeezed(`kenmerk ${pdfMark}`)));
      expect(htmlText).toContain(`kenmerk ${htmlMark}`);
      expect(htmlText).not.toContain(pdfMark);
    });
  });

  it('lists the annexes a member may open with what changed, and groups an annex by support type with the letter’s subtotals, new deliveries and the EPF work apart', async () => {
    const { db } = database();
    const cookie = await sessionCookieFor(db, 'parliamentReader');
    const asReader = (path: string) => api.request(path, { headers: { Cookie: cookie } });
    const listed = await (await asReader('/annexes')).json();
    const august = listed.items.find((item: any) => item.letterId === augustId);
    expect(august).toMatchObject({ referenceDate: '2025-08-31', paperNumber: 'Kamerstuk 22 054, nr. 460', previousReferenceDate: '2025-02-04', sentAt: expect.any(String) });
    expect(august.newRows).toBeGreaterThan(0);
    expect((await fetchAs('registrar', '/annexes')).status).toBe(403);

    const html = await (await asReader(`/letters/${augustId}/annex/html`)).text();
    const subtotalRow = (label: string) =>
      new RegExp(`<th scope="row">${label.replace(/[()]/g, '\\$&')}</th>(?:<td[^>]*>[^<]*</td>)*?<td class="numeric">(€\u00a0[^<]+)</td>.*</tr>(?:\n<tr class="note"><td colspan="8">In de tabel van de brief: (€\u00a0[^<]+)</td></tr>)?`).exec(html);
    const printedSubtotal = (label: string) => subtotalRow(label)?.[1];
    // Each subtotal to the cent, and the letter's table as the letter prints it: the same, or beneath it where the letter rounds.
    const table = financeSection((await author('GET', `/letters/${augustId}`)).body.letter);
    for (const [label, , current] of table.rows as string[][]) {
      const row = subtotalRow(label === 'Totaal' ? 'Totaal' : `Subtotaal ${label}`);
      const exactCents = Number(row![1]!.replace(/[^\d]/g, ''));
      expect(row![2]?.replaceAll('\u00a0', ' ') ?? formatPublishedFigure(exactCents), label).toBe(current);
    }
    expect(printedSubtotal('Subtotaal Commerciële verwervingen')).toBe('€\u00a06.121.000.000,00');
    expect(html).toContain('In de tabel van de brief: €\u00a06,1\u00a0mld.');
    expect(html).toMatch(/<tr class="marked">.*<td>nieuw<\/td><\/tr>/);
    // The EU's drones: at their value, apart from the Dutch total.
    expect(html).toContain('Uitvoerder voor de Europese Vredesfaciliteit: buiten het Nederlandse totaal');
    // The list counts the deliveries the annex's first page counts, without the work for the EU beside them.
    const [, stated, forTheEu] = /Totaaloverzicht tot en met 31 augustus 2025: (\d+) leveringen, samen [^;]+; daarnaast (\d+) levering/.exec(html) ?? [];
    expect([august.rowCount, forTheEu]).toEqual([Number(stated), '1']);
    // New and revalued count among all its deliveries, the work for the EU too, as its summary does; some are neither.
    expect(august.rowCount + Number(forTheEu)).toBeGreaterThan(august.newRows + august.changedRows);
    expect(printedSubtotal('Totaal als uitvoerder (buiten het Nederlandse totaal)')).toBe('€\u00a0100.000.000,00');
    expect(html).toContain('<a href="/bijlagen">');
    expect(html).toMatch(/Geopend door .* op \d{1,2} [a-z]+ \d{4} om \d{2}:\d{2}/);
  });

  it('publishes as open data exactly the public deliveries that a published letter listed, as the public may read them', async () => {
    const { db } = database();
    const deliveries = await db.selectFrom('delivery').select(['id', 'title', 'publicId', 'disclosureState']).execute();
    const published = await Promise.all((await anonymous('GET', '/public/letters')).body.items.map((item: any) => anonymous('GET', `/public/letters/${item.id}`)));
    const listed = new Set(published.flatMap((letter) => letter.body.letter.overview.flatMap((group: any) => group.items.map((item: any) => item.publicId))));
    const publicIds = deliveries.filter((delivery) => delivery.disclosureState === 'public' && listed.has(delivery.publicId)).map((delivery) => delivery.publicId!);
    expect(publicIds).toContain(artilleryPublicId);
    // Decided public, but waiting for the publication of the letter that will first list them.
    expect(deliveries.filter((delivery) => delivery.disclosureState === 'public' && !listed.has(delivery.publicId)).length).toBeGreaterThan(0);

    const json = await anonymous('GET', '/public/deliveries');
    expect(json.status).toBe(200);
    expect(json.body.items.map((item: any) => item.publicId).sort()).toEqual([...publicIds].sort());
    expect(json.body.items.find((item: any) => item.publicId === artilleryPublicId)).toEqual({
      publicId: artilleryPublicId,
      title: PUBLIC_TITLE,
      detail: 'Uit eigen voorraad.',
      category: 'largeCalibreArtillery',
      categoryLabel: 'Artillerie',
      supportType: 'stock',
      supportTypeLabel: 'Directe levering uit voorraad',
      quantity: null,
      // The decision made its value public (the letter names it), not its date.
      realisedOn: null,
      valueCents: 360 * MILLION,
      valueBasis: 'replacementValue',
      valueBasisLabel: 'Vervangingswaarde',
      firstLetter: { id: letterId, paperNumber: 'Kamerstuk 22 054, nr. 470', letterDate: '2026-01-20' },
      // Public since the publication of the letter that first listed it, on the day recorded for it.
      publicSince: '2026-01-22',
      isDemonstration: false,
    });
    expect(json.body.items.map((item: any) => item.title)).toContain('Drones van de Oekraïense defensie-industrie');

    const csv = await fetchAs(null, '/public/deliveries?format=csv&dialect=rfc4180');
    expect(csv.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    const lines = (await csv.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe('publicId,title,detail,category,categoryCode,supportType,supportTypeCode,quantity,realisedOn,valueEuros,valueBasis,valueBasisCode,letter,letterDate,publicSince,isDemonstration');
    expect(lines.slice(1).map((line) => line.slice(0, 36)).sort()).toEqual([...publicIds].sort());

    for (const body of [JSON.stringify(json.body), lines.join('\n')]) {
      for (const delivery of deliveries) {
        expect(body).not.toContain(delivery.id);
        if (delivery.disclosureState !== 'public' || delivery.id === artilleryId) expect(body).not.toContain(delivery.title);
      }
      // The internal title of the drones says more than their public one.
      expect(body).not.toContain('als uitvoerder voor de Europese Vredesfaciliteit');
    }
  });

  it('after a revaluation: verification reports the difference, the letter and its renderings stay byte for byte', async () => {
    const before = {
      snapshot: await (await fetchAs(null, `/public/letters/${letterId}/snapshot`)).text(),
      html: await (await fetchAs(null, `/public/letters/${letterId}/renderings/html`)).text(),
      markdown: await (await fetchAs(null, `/public/letters/${letterId}/renderings/markdown`)).text(),
      pdf: Buffer.from(await (await fetchAs(null, `/public/letters/${letterId}/renderings/pdf`)).arrayBuffer()),
      docx: Buffer.from(await (await fetchAs(null, `/public/letters/${letterId}/renderings/docx`)).arrayBuffer()),
      report: (await author('GET', `/letters/${letterId}`)).body,
    };
    const revalued = await registrar('POST', `/deliveries/${artilleryId}/valuations`, { amountCents: 400 * MILLION, basis: 'replacementValue', effectiveDate: '2025-12-01', confirm: ['datedInSentLetterPeriod'] });
    expect(revalued.status).toBe(201);

    const verification = await author('GET', `/letters/${letterId}/verification`);
    expect(verification.body.ok).toBe(false);
    expect(verification.body.hashesMatch).toBe(true);
    const byFigure = Object.fromEntries(verification.body.differences.map((difference: any) => [difference.figure, difference]));
    expect(Object.keys(byFigure).sort()).toEqual([`annexRow:${artilleryId}`, 'annexTotal', 'stock', 'total']);
    expect(byFigure[`annexRow:${artilleryId}`]).toEqual({ figure: `annexRow:${artilleryId}`, published: 360 * MILLION, recomputed: 400 * MILLION });
    expect(byFigure.stock).toEqual({ figure: 'stock', published: 2_760 * MILLION, recomputed: 2_800 * MILLION });
    expect(byFigure.total).toEqual({ figure: 'total', published: 9_060 * MILLION, recomputed: 9_100 * MILLION });
    expect(byFigure.annexTotal.recomputed - byFigure.annexTotal.published).toBe(40 * MILLION);
    // The named figures printed in the text recompute too: the artillery at its new value. The increase is that
    // of the totals as the table prints them, € 9,1 mld. before and after, and stays.
    const byName = Object.fromEntries(verification.body.figureDifferences.map((difference: any) => [difference.figure, difference]));
    expect(Object.keys(byName)).toEqual([`delivery:${artilleryPublicId}`]);
    expect(byName[`delivery:${artilleryPublicId}`]).toEqual({ figure: `delivery:${artilleryPublicId}`, published: '€360 mln.', recomputed: '€400 mln.' });
    // The letter of August, before the revaluation took effect, still verifies.
    expect((await author('GET', `/letters/${augustId}/verification`)).body).toEqual({ ok: true, hashesMatch: true, differences: [], figureDifferences: [], annexDifferences: [] });

    expect(await (await fetchAs(null, `/public/letters/${letterId}/snapshot`)).text()).toBe(before.snapshot);
    expect(await (await fetchAs(null, `/public/letters/${letterId}/renderings/html`)).text()).toBe(before.html);
    expect(await (await fetchAs(null, `/public/letters/${letterId}/renderings/markdown`)).text()).toBe(before.markdown);
    expect(Buffer.from(await (await fetchAs(null, `/public/letters/${letterId}/renderings/pdf`)).arrayBuffer()).equals(before.pdf)).toBe(true);
    expect(Buffer.from(await (await fetchAs(null, `/public/letters/${letterId}/renderings/docx`)).arrayBuffer()).equals(before.docx)).toBe(true);
    expect((await author('GET', `/letters/${letterId}`)).body).toEqual(before.report);
  });

  it('the next letter restates the changed line: a footnote with both figures', async () => {
    const next = await author('POST', '/letters', { referenceDate: '2026-03-31', letterDate: '2026-04-15' });
    expect(next.status).toBe(201);
    const letter: PublicLetterSnapshot = next.body.letter;
    expect(letter.previousLetter).toMatchObject({ id: letterId, paperNumber: 'Kamerstuk 22 054, nr. 470' });
    const lines = Object.fromEntries(letter.figures.lines.map((line) => [line.key, line]));
    expect(lines.stock).toMatchObject({ reportedPreviousCents: 2_760 * MILLION, restatedPreviousCents: 2_800 * MILLION, currentCents: 2_800 * MILLION });
    expect(lines.procurement!.restatedPreviousCents).toBeNull();

    const finance = financeSection(letter);
    const footnote = (row: string[]) => Number(/\[\^(\d+)\]$/.exec(row[0]!)?.[1]);
    const [stock, procurement, natoFund, total] = finance.rows as [string[], string[], string[], string[]];
    // The previous column gives the December letter's figure to two decimals; the footnote the restated figure, and what that letter printed.
    expect(stock.slice(1)).toEqual(['€ 2,76 mld.', '€ 2,8 mld.']);
    expect(total.slice(1)).toEqual(['€ 9,06 mld.', '€ 9,1 mld.']);
    expect(procurement[0]).toBe('Commerciële verwervingen');
    expect(natoFund[0]).toBe('NAVO-fonds');
    const noteText = (row: string[]) => letter.footnotes.find((note) => note.number === footnote(row))?.text;
    expect(noteText(stock)).toBe('Herzien: volgens de huidige gegevens bedroeg dit op 31 december 2025 €2,80 mld., niet €2,76 mld. (in de vorige brief afgerond €2,8 mld.).');
    expect(noteText(total)).toBe('Herzien: volgens de huidige gegevens bedroeg dit op 31 december 2025 €9,10 mld., niet €9,06 mld. (in de vorige brief afgerond €9,1 mld.).');

    const markdown = await (await fetchAs('letterAuthor', `/letters/${next.body.id}/renderings/markdown`)).text();
    expect(markdown).toContain(`| Directe levering (vervangingswaarde)[^${footnote(stock)}] | € 2,76 mld. | € 2,8 mld. |`);
    expect(markdown).toContain(`[^${footnote(stock)}]: Herzien: volgens de huidige gegevens bedroeg dit op 31 december 2025 €2,80 mld., niet €2,76 mld.`);
    // A draft is not public.
    expect((await anonymous('GET', '/public/letters')).body.items.map((item: any) => item.id)).not.toContain(next.body.id);
  });

  it('names the files of a letter, a draft and an annex in the reader’s language', async () => {
    const { db } = database();
    const named = async (role: 'letterAuthor' | 'parliamentReader', path: string, language: string) =>
      (await api.request(path, { headers: { Cookie: await sessionCookieFor(db, role), 'Accept-Language': language } })).headers.get('Content-Disposition');
    const draft = (await author('GET', '/letters')).body.items.find((item: any) => item.status === 'draft');
    expect(await named('letterAuthor', `/letters/${letterId}/renderings/pdf`, 'nl')).toBe('attachment; filename="leveringenbrief-2025-12-31.pdf"');
    expect(await named('letterAuthor', `/letters/${letterId}/renderings/pdf`, 'en')).toBe('attachment; filename="deliveries-letter-2025-12-31.pdf"');
    expect(await named('letterAuthor', `/letters/${draft.id}/renderings/docx`, 'nl')).toBe('attachment; filename="leveringenbrief-2026-03-31-concept.docx"');
    expect(await named('letterAuthor', `/letters/${draft.id}/renderings/docx`, 'en')).toBe('attachment; filename="deliveries-letter-2026-03-31-draft.docx"');
    expect(await named('parliamentReader', `/letters/${augustId}/annex/pdf`, 'nl')).toBe('attachment; filename="vertrouwelijke-bijlage-2025-08-31.pdf"');
    expect(await named('parliamentReader', `/letters/${augustId}/annex/pdf`, 'en')).toBe('attachment; filename="confidential-annex-2025-08-31.pdf"');
    // The language asked for names them over the reader's.
    expect(await named('letterAuthor', `/letters/${letterId}/renderings/pdf?lang=en`, 'nl')).toBe('attachment; filename="deliveries-letter-2025-12-31.pdf"');
    expect(await named('parliamentReader', `/letters/${augustId}/annex/pdf?lang=nl`, 'en')).toBe('attachment; filename="vertrouwelijke-bijlage-2025-08-31.pdf"');
  });

  it('opens the annex of a draft to those who write and check letters, never to parliament, to which it was not sent', async () => {
    const { db } = database();
    const draft = (await author('GET', '/letters')).body.items.find((item: any) => item.status === 'draft');
    expect(draft.referenceDate).toBe('2026-03-31');
    const path = `/letters/${draft.id}/annex/html`;
    expect((await fetchAs('letterAuthor', path)).status).toBe(200);
    const refused = await fetchAs('parliamentReader', path);
    expect(refused.status).toBe(404);
    expect(await refused.text()).not.toContain('Totaaloverzicht');
    const events = await listAuditEvents(db, { action: 'annex.read', objectId: draft.id, limit: 10 });
    expect(events.map((event) => [event.actor?.role, event.result])).toEqual([
      ['parliamentReader', 'denied'],
      ['letterAuthor', 'success'],
    ]);
  });

  it('a delivery decided confidential later leaves the open data, but stays in the letter that published it', async () => {
    const decided = await disclosure('POST', '/disclosure-decisions', { deliveryIds: [artilleryId], state: 'confidential', ground: 'operationalSecurity' });
    expect(decided.status).toBe(201);

    const json = await anonymous('GET', '/public/deliveries');
    expect(json.body.items.map((item: any) => item.publicId)).not.toContain(artilleryPublicId);
    expect(JSON.stringify(json.body)).not.toContain(PUBLIC_TITLE);
    const csv = await (await fetchAs(null, '/public/deliveries?format=csv')).text();
    expect(csv).not.toContain(artilleryPublicId);
    expect(csv).not.toContain(PUBLIC_TITLE);

    const published = await anonymous('GET', `/public/letters/${letterId}`);
    expect(published.body.letter.overview.flatMap((group: any) => group.items.map((item: any) => item.title))).toEqual([PUBLIC_TITLE]);
    const snapshot = await (await fetchAs(null, `/public/letters/${letterId}/snapshot`)).text();
    expect(sha256(snapshot)).toBe(finalView.publicSha256);
    expect(await (await fetchAs(null, `/public/letters/${letterId}/renderings/markdown`)).text()).toContain(PUBLIC_TITLE);

    // The draft that names it can no longer be finalised.
    const drafts = (await author('GET', '/letters')).body.items.filter((item: any) => item.status === 'draft');
    expect(drafts.map((item: any) => item.referenceDate)).toEqual(['2026-03-31']);
    const draft = await author('GET', `/letters/${drafts[0].id}`);
    expect(placeholdersOf(draft.body.problems)).toEqual([`{{delivery:${artilleryId}}}`]);
  });

  it('verification notices a public copy changed behind the database’s back, with its guard switched off', async () => {
    const { db } = database();
    const before = (await author('GET', `/letters/${letterId}/verification`)).body;
    expect(before.hashesMatch).toBe(true);
    await sql`alter table public_letter disable trigger public_letter_is_frozen`.execute(db);
    try {
      await sql`update public_letter set snapshot = replace(snapshot, '€ 2,8 mld.', '€ 2,9 mld.') where id = ${letterId}`.execute(db);
    } finally {
      await sql`alter table public_letter enable trigger public_letter_is_frozen`.execute(db);
    }
    const snapshot = await (await fetchAs(null, `/public/letters/${letterId}/snapshot`)).text();
    expect(sha256(snapshot)).not.toBe(finalView.publicSha256);
    const after = (await author('GET', `/letters/${letterId}/verification`)).body;
    expect(after).toEqual({ ...before, ok: false, hashesMatch: false });
  });

  it('verification notices a kept annex rendering changed behind the database’s back', async () => {
    const { db } = database();
    expect((await author('GET', `/letters/${augustId}/verification`)).body.hashesMatch).toBe(true);
    await sql`alter table annex_rendering disable trigger annex_rendering_is_frozen`.execute(db);
    try {
      await sql`update annex_rendering set html = replace(html, '>nieuw<', '><') where letter_id = ${augustId}`.execute(db);
    } finally {
      await sql`alter table annex_rendering enable trigger annex_rendering_is_frozen`.execute(db);
    }
    expect((await author('GET', `/letters/${augustId}/verification`)).body).toMatchObject({ ok: false, hashesMatch: false });
  });

  it('verification names the previous letter as the letter did: its paper number corrected since is no difference', async () => {
    const previousId = (await author('GET', `/letters/${augustId}`)).body.letter.previousLetter.id;
    const named = () => author('GET', `/letters/${augustId}/verification`).then((response) => response.body.figureDifferences.map((difference: any) => difference.figure));
    expect(await named()).not.toContain('previousLetter');
    const corrected = await author('POST', `/letters/${previousId}/publication-corrections`, { paperNumber: 'Kamerstuk 22 054, nr. 454', publishedOn: '2025-02-17', reason: 'Verkeerd nummer overgenomen' }, await ifMatchCurrent(author, previousId));
    expect(corrected.status).toBe(200);
    expect(await named()).not.toContain('previousLetter');
  });
});
