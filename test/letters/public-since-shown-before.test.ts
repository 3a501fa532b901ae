/**
 * The day a delivery became public is the day it was first shown. A decision on it since does not move that day,
 * nor does the letter that lists it afterwards, when that letter's publication is recorded for an earlier day.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { todayInAmsterdam } from '../../common/dates.ts';
import { apiClient, type ApiCall } from '../api/client.ts';
import { stockDelivery } from '../support/deliveries.ts';
import { ifMatchCurrent, submitAndApprove } from '../support/letters.ts';
import { openScratchPGlite, type ScratchDatabase } from '../support/scratch-database.ts';

const SHOWN = 'Generatoren, getoond voor de brief';
const DAY_MS = 86_400_000;

let scratch: ScratchDatabase;
let anonymous: ApiCall;

beforeAll(async () => {
  scratch = await openScratchPGlite({ demonstration: true });
  const { db } = scratch.handle;
  const [author, officer, registrar] = [apiClient(db, { role: 'letterAuthor' }), apiClient(db, { role: 'disclosureOfficer' }), apiClient(db, { role: 'registrar' })];
  anonymous = apiClient(db);
  const created = await registrar('POST', '/deliveries', { ...stockDelivery, title: `${SHOWN} (intern)` });
  expect(created.status).toBe(201);
  // Public from a date three weeks ago, so shown from this decision on; then decided on again without a date.
  const decision = { deliveryIds: [created.body.id], state: 'public', publicTitle: SHOWN, publicCategory: 'nonLethal' };
  expect((await officer('POST', '/disclosure-decisions', { ...decision, publicFrom: todayInAmsterdam(new Date(Date.now() - 21 * DAY_MS)) })).status).toBe(201);
  expect((await officer('POST', '/disclosure-decisions', decision)).status).toBe(201);
  // The letter of 31 August 2025 lists it, and its publication is recorded for 10 September 2025.
  const draft = (await author('GET', '/letters')).body.items.find((letter: { referenceDate: string }) => letter.referenceDate === '2025-08-31');
  const approved = await submitAndApprove({ author, disclosure: officer }, draft.id, `"${draft.version}"`);
  const final = await author('POST', `/letters/${draft.id}/finalisation`, {}, { 'If-Match': approved.headers.get('ETag')! });
  expect(final.body.letter.overview.flatMap((group: { items: { title: string }[] }) => group.items.map((item) => item.title))).toContain(SHOWN);
  expect((await author('POST', `/letters/${draft.id}/sending`, undefined, await ifMatchCurrent(author, draft.id))).status).toBe(200);
  const published = await author('POST', `/letters/${draft.id}/publication`, { paperNumber: 'Kamerstuk 22 054, nr. 460', publishedOn: '2025-09-10' }, await ifMatchCurrent(author, draft.id));
  expect(published.status).toBe(200);
});

afterAll(async () => {
  await scratch?.dispose();
});

it('stays the day it was first shown after a decision since and the publication of a letter recorded for an earlier day', async () => {
  const { body } = await anonymous('GET', '/public/deliveries');
  expect(body.items.find((item: { title: string }) => item.title === SHOWN)).toMatchObject({ publicSince: todayInAmsterdam() });
});
