/**
 * Deliveries decided public at once are one public item: the quantity the decision states is what they hold
 * together, so every public surface (the letter's overview, open data in JSON and CSV, the Kiel file) names the
 * selection once, with the value the decision made public summed and the latest realised date to the precision
 * decided. The confidential annex keeps a row per delivery: members read single deliveries there.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApi } from '../../src/api/app.ts';
import { KIEL_COLUMNS } from '../../src/api/public/kiel.ts';
import { parseCsv } from '../support/csv.ts';
import { procurement, stockDelivery } from '../support/deliveries.ts';
import { ifMatchCurrent, submitAndApprove } from '../support/letters.ts';
import { openScratchPGlite, type ScratchDatabase } from '../support/scratch-database.ts';
import { apiClient, type ApiCall } from './client.ts';

const TITLE = 'Winterlaarzen';
const PAPER_NUMBER = 'Kamerstuk 22 054, nr. 461';

let scratch: ScratchDatabase;
let anonymous: ApiCall;
let author: ApiCall;
let registrar: ApiCall;
let disclosure: ApiCall;
let letterId: string;
let listedInDraft: string[];
let ids: string[];

beforeAll(async () => {
  scratch = await openScratchPGlite({ demonstration: true });
  const api = createApi({ db: scratch.handle.db, onError: (error) => { throw error; } });
  anonymous = apiClient(scratch.handle.db, { api });
  author = apiClient(scratch.handle.db, { role: 'letterAuthor', api });
  registrar = apiClient(scratch.handle.db, { role: 'registrar', api });
  disclosure = apiClient(scratch.handle.db, { role: 'disclosureOfficer', api });
  const shipment = async (realisedAt: string, amountCents: number) => {
    const created = await registrar('POST', '/deliveries', { ...stockDelivery, title: `Winterlaarzen (intern, ${realisedAt})`, quantity: 600, unit: 'paar', realisedAt });
    expect(created.status).toBe(201);
    expect((await registrar('POST', `/deliveries/${created.body.id}/valuations`, { amountCents, basis: 'replacementValue', effectiveDate: realisedAt })).status).toBe(201);
    return created.body.id as string;
  };
  ids = [await shipment('2025-05-02', 30_000_000), await shipment('2025-06-20', 32_000_000)];
  const decided = await disclosure('POST', '/disclosure-decisions', {
    deliveryIds: ids, state: 'public', publicTitle: TITLE, publicCategory: 'nonLethal', publicQuantity: '1200 paar', publicRealisedDate: 'month', publicValue: true,
  });
  expect(decided.status).toBe(201);

  const draft = (await author('GET', '/letters')).body.items.find((letter: { referenceDate: string }) => letter.referenceDate === '2025-08-31');
  listedInDraft = (await author('GET', `/letters/${draft.id}`)).body.letter.overview.flatMap((group: { items: { title: string }[] }) => group.items.map((item) => item.title));
  const approved = await submitAndApprove({ author, disclosure }, draft.id, `"${draft.version}"`);
  expect((await author('POST', `/letters/${draft.id}/finalisation`, {}, { 'If-Match': approved.headers.get('ETag')! })).status).toBe(200);
  expect((await author('POST', `/letters/${draft.id}/sending`, undefined, await ifMatchCurrent(author, draft.id))).status).toBe(200);
  expect((await author('POST', `/letters/${draft.id}/publication`, { paperNumber: PAPER_NUMBER, publishedOn: '2025-09-10' }, await ifMatchCurrent(author, draft.id))).status).toBe(200);
  letterId = draft.id;
});

afterAll(async () => {
  await scratch?.dispose();
});

it('is listed once by the letter that first lists it, in the draft and as published', async () => {
  expect(listedInDraft.filter((title) => title === TITLE)).toHaveLength(1);
  const published = await anonymous('GET', `/public/letters/${letterId}`);
  const items = published.body.letter.overview.flatMap((group: { items: { title: string; quantity: string | null }[] }) => group.items);
  expect(items.filter((item: { title: string }) => item.title === TITLE)).toEqual([expect.objectContaining({ title: TITLE, quantity: '1200 paar' })]);
});

it('is one item of open data, its value the sum decided public and its date the latest realised, in JSON and CSV', async () => {
  const { body } = await anonymous('GET', '/public/deliveries');
  const items = body.items.filter((item: { title: string }) => item.title === TITLE);
  expect(items).toEqual([expect.objectContaining({ quantity: '1200 paar', valueCents: 62_000_000, valueBasis: 'replacementValue', realisedOn: '2025-06' })]);
  expect(items[0].firstLetter).toMatchObject({ id: letterId, paperNumber: PAPER_NUMBER });
  const [header, ...rows] = parseCsv((await anonymous('GET', '/public/deliveries?format=csv&dialect=rfc4180')).body as string);
  const titled = rows.filter((row) => row[header!.indexOf('title')] === TITLE);
  expect(titled.map((row) => [row[header!.indexOf('quantity')], row[header!.indexOf('valueEuros')]])).toEqual([['1200 paar', '620000.00']]);
});

it('is one row of the Kiel file, which delivers 1,200 pairs once', async () => {
  const [, ...rows] = parseCsv((await anonymous('GET', '/public/kiel')).body as string);
  const titled = rows.filter((row) => row[KIEL_COLUMNS.indexOf('Item')] === TITLE);
  expect(titled.map((row) => [row[KIEL_COLUMNS.indexOf('Quantity Delivered')], row[KIEL_COLUMNS.indexOf('Value (EUR)')]])).toEqual([['1200 paar', '620000.00']]);
});

it('keeps a row per delivery in the confidential annex', async () => {
  const annex = await author('GET', `/letters/${letterId}/annex/html`);
  expect(annex.status).toBe(200);
  expect(annex.body).toContain('Winterlaarzen (intern, 2025-05-02)');
  expect(annex.body).toContain('Winterlaarzen (intern, 2025-06-20)');
});

const decidedPublic = { state: 'public', publicTitle: TITLE, publicCategory: 'nonLethal', publicQuantity: '1200 paar', publicRealisedDate: 'month', publicValue: true };
const items = async () => (await anonymous('GET', '/public/deliveries')).body.items.filter((item: { title: string }) => item.title === TITLE);

it('stays the item its letter listed when the same deliveries are decided on again, and shows the rest without its value once one is decided apart, until removed', async () => {
  const [listed] = await items();
  expect((await disclosure('POST', '/disclosure-decisions', { ...decidedPublic, deliveryIds: ids, publicDetail: 'Voor de winter.' })).status).toBe(201);
  expect(await items()).toEqual([expect.objectContaining({ publicId: listed.publicId, detail: 'Voor de winter.', valueCents: 62_000_000, firstLetter: listed.firstLetter })]);

  // Decided apart, the later shipment is an item of its own, which waits for a letter to list it. Its value on its
  // own is refused: beside the €620.000 published it would tell the other's. The other stays, but no longer with the
  // sum of what is left (€300.000, which told the later shipment's €320.000) nor its date (May, which told that the
  // later shipment came in June): without a value and with the date published, until it is decided again
  // (test/api/public-item-leave.test.ts).
  const apart = { ...decidedPublic, deliveryIds: [ids[1]], publicQuantity: '600 paar' };
  expect((await disclosure('POST', '/disclosure-decisions', apart)).body.invalidParams).toEqual([expect.objectContaining({ code: 'valueTellsAnother' })]);
  expect((await disclosure('POST', '/disclosure-decisions', { ...apart, publicValue: false })).status).toBe(201);
  expect(await items()).toEqual([expect.objectContaining({ publicId: listed.publicId, valueCents: null, realisedOn: '2025-06' })]);
  const draft = await author('POST', '/letters', { referenceDate: '2025-09-30', letterDate: '2025-10-10' });
  expect(draft.status).toBe(201);
  const newlyListed = draft.body.letter.overview.flatMap((group: { items: { title: string; quantity: string }[] }) => group.items).filter((item: { title: string }) => item.title === TITLE);
  expect(newlyListed.map((item: { quantity: string }) => item.quantity)).toEqual(['600 paar']);

  // Removed, the first shipment takes the item with it (and from the figures of the letter sent, as confirmed).
  const removed = await registrar('DELETE', `/deliveries/${ids[0]}?confirm=datedInSentLetterPeriod`, undefined, { 'If-Match': (await registrar('GET', `/deliveries/${ids[0]}`)).headers.get('ETag')! });
  expect(removed.status).toBe(204);
  expect(await items()).toEqual([]);
});

it('refuses to make deliveries of different types of support one public item, changing nothing', async () => {
  const purchase = await registrar('POST', '/deliveries', { ...procurement, category: 'nonLethal', title: 'Winterlaarzen (ingekocht)' });
  expect(purchase.status).toBe(201);
  const stock = await registrar('POST', '/deliveries', { ...stockDelivery, title: 'Winterlaarzen (voorraad)', confirm: ['datedInSentLetterPeriod'] });
  const refused = await disclosure('POST', '/disclosure-decisions', { deliveryIds: [purchase.body.id, stock.body.id], state: 'public', publicTitle: 'Laarzen', publicCategory: 'nonLethal' });
  expect(refused.status).toBe(400);
  expect(refused.body.invalidParams).toEqual([expect.objectContaining({ name: 'deliveryIds', code: 'supportTypesDiffer' })]);
  expect((await registrar('GET', `/deliveries/${stock.body.id}`)).body.disclosureState).toBe('undecided');
});
