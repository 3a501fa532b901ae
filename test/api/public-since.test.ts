/**
 * Open data and the Kiel file date each public delivery by the day it became public: the publication of the
 * letter that first listed it, or the date its decision made it public from, whichever showed it. Never by the
 * day of its decision: a decision since does not move it, and one public from a later date is not dated before it.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { todayInAmsterdam } from '../../common/dates.ts';
import { createApi } from '../../src/api/app.ts';
import { KIEL_COLUMNS } from '../../src/api/public/kiel.ts';
import { parseCsv } from '../support/csv.ts';
import { stockDelivery } from '../support/deliveries.ts';
import { ifMatchCurrent } from '../support/letters.ts';
import { openScratchPGlite, type ScratchDatabase } from '../support/scratch-database.ts';
import { apiClient, type ApiCall } from './client.ts';

/** The demonstration's UCAP contribution, first listed by the letter of 17 February 2025 (published that day). */
const UCAP_ID = '7d57667c-8ef4-44e0-a7a3-ee3d993812ba';
const UCAP = 'Bijdragen aan het NAVO Ukraine Comprehensive Assistance Package (UCAP)';
const LATER = 'Generatoren, openbaar vanaf morgen';
/** Decided today to be public from a date weeks ago: it was shown first today. */
const PAST_DATE = 'Generatoren, openbaar vanaf een datum die al voorbij was';
/** Shown from today, and decided on again tomorrow with a date before it ever was. */
const SHOWN = 'Generatoren, opnieuw besloten';
const LONG_PAST = '2024-06-01';
const YESTERDAY = 'Generatoren, sinds gisteren openbaar';
const DAY_MS = 86_400_000;

let scratch: ScratchDatabase;
let anonymous: ApiCall;
let author: ApiCall;
let offsetMs = 0;
let tomorrow: string;
let today: string;
let yesterday: string;

beforeAll(async () => {
  scratch = await openScratchPGlite({ demonstration: true });
  const clock = () => new Date(Date.now() + offsetMs);
  const api = createApi({ db: scratch.handle.db, clock, onError: (error) => { throw error; } });
  anonymous = apiClient(scratch.handle.db, { api });
  author = apiClient(scratch.handle.db, { role: 'letterAuthor', api, clock });
  const registrar = apiClient(scratch.handle.db, { role: 'registrar', api });
  const disclosure = apiClient(scratch.handle.db, { role: 'disclosureOfficer', api });
  // Decided yesterday, public from that day: shown before the demonstration's letter was published here, and after the day that letter records.
  offsetMs = -DAY_MS;
  yesterday = todayInAmsterdam(clock());
  const earlier = await apiClient(scratch.handle.db, { role: 'registrar', api, clock })('POST', '/deliveries', { ...stockDelivery, title: `${YESTERDAY} (intern)` });
  expect(earlier.status).toBe(201);
  const decidedEarlier = await apiClient(scratch.handle.db, { role: 'disclosureOfficer', api, clock })('POST', '/disclosure-decisions', {
    deliveryIds: [earlier.body.id], state: 'public', publicTitle: YESTERDAY, publicCategory: 'nonLethal', publicFrom: yesterday,
  });
  expect(decidedEarlier.status).toBe(201);
  offsetMs = 0;
  // Decided on again today, as it reads.
  const again = await disclosure('POST', '/disclosure-decisions', {
    deliveryIds: [UCAP_ID], state: 'public', publicTitle: UCAP, publicDetail: 'Uit het UCAP levert NAVO niet-letale steun, zoals brandstof.', publicCategory: 'nonLethal',
  });
  expect(again.status).toBe(201);
  // Decided today, public from tomorrow; no letter lists it.
  tomorrow = todayInAmsterdam(new Date(Date.now() + DAY_MS));
  const created = await registrar('POST', '/deliveries', { ...stockDelivery, title: 'Generatoren (intern)' });
  expect(created.status).toBe(201);
  const decided = await disclosure('POST', '/disclosure-decisions', { deliveryIds: [created.body.id], state: 'public', publicTitle: LATER, publicCategory: 'nonLethal', publicFrom: tomorrow });
  expect(decided.status).toBe(201);
  // Decided today, public from a date three weeks ago, or from today; no letter lists them.
  today = todayInAmsterdam();
  const publicFrom = async (publicTitle: string, date: string) => {
    const created = await registrar('POST', '/deliveries', { ...stockDelivery, title: `${publicTitle} (intern)` });
    expect(created.status).toBe(201);
    expect((await disclosure('POST', '/disclosure-decisions', { deliveryIds: [created.body.id], state: 'public', publicTitle, publicCategory: 'nonLethal', publicFrom: date })).status).toBe(201);
    return created.body.id as string;
  };
  await publicFrom(PAST_DATE, todayInAmsterdam(new Date(Date.now() - 21 * DAY_MS)));
  const shown = await publicFrom(SHOWN, today);
  // Tomorrow, the one shown today and the one its letter showed are decided on again, public from a date long past.
  offsetMs = DAY_MS;
  const disclosureTomorrow = apiClient(scratch.handle.db, { role: 'disclosureOfficer', api, clock });
  for (const [id, publicTitle] of [[shown, SHOWN], [UCAP_ID, UCAP]] as const) {
    expect((await disclosureTomorrow('POST', '/disclosure-decisions', { deliveryIds: [id], state: 'public', publicTitle, publicCategory: 'nonLethal', publicFrom: LONG_PAST })).status).toBe(201);
  }
  offsetMs = 2 * DAY_MS;
});

afterAll(async () => {
  await scratch?.dispose();
});

const byTitle = (items: { title: string }[], title: string) => items.find((item) => item.title === title);

it('gives in JSON and CSV the day each delivery became public, not the day of its decision', async () => {
  const { body } = await anonymous('GET', '/public/deliveries');
  expect(byTitle(body.items, UCAP)).toMatchObject({ publicSince: '2025-02-17' });
  expect(byTitle(body.items, LATER)).toMatchObject({ publicSince: tomorrow });
  expect(body.items.every((item: object) => !('decidedOn' in item))).toBe(true);
  const [header, ...rows] = parseCsv((await anonymous('GET', '/public/deliveries?format=csv&dialect=rfc4180')).body as string);
  const since = (title: string) => rows.find((row) => row[header!.indexOf('title')] === title)?.[header!.indexOf('publicSince')];
  expect([since(UCAP), since(LATER)]).toEqual(['2025-02-17', tomorrow]);
  expect(header).not.toContain('decidedOn');
});

it('is never a day before the delivery was shown: a date its decision names that had passed shows it from that decision, and keeps one shown already as it was', async () => {
  const { body } = await anonymous('GET', '/public/deliveries');
  const since = (title: string) => body.items.find((item: { title: string; publicSince: string }) => item.title === title)?.publicSince;
  expect([since(PAST_DATE), since(SHOWN), since(UCAP)]).toEqual([today, today, '2025-02-17']);
  const [, ...rows] = parseCsv((await anonymous('GET', '/public/kiel')).body as string);
  const announced = (title: string) => rows.find((row) => row[KIEL_COLUMNS.indexOf('Item')] === title)?.[KIEL_COLUMNS.indexOf('Announcement Date')];
  expect([announced(PAST_DATE), announced(SHOWN), announced(UCAP)]).toEqual([today, today, '2025-02-17']);
});

it('announces each delivery in the Kiel file on the day it became public', async () => {
  const [, ...rows] = parseCsv((await anonymous('GET', '/public/kiel')).body as string);
  const announced = (title: string) => rows.find((row) => row[KIEL_COLUMNS.indexOf('Item')] === title)?.[KIEL_COLUMNS.indexOf('Announcement Date')];
  expect([announced(UCAP), announced(LATER)]).toEqual(['2025-02-17', tomorrow]);
});

it('is the order of the files, the latest to become public first, then by title, in JSON, CSV and the Kiel file alike', async () => {
  const { body } = await anonymous('GET', '/public/deliveries');
  const items: { publicId: string; title: string; publicSince: string }[] = body.items;
  expect(items.map((item) => item.title)).toEqual(expect.arrayContaining([LATER, PAST_DATE, SHOWN, YESTERDAY, UCAP]));
  expect(items.find((item) => item.title === YESTERDAY)).toMatchObject({ publicSince: yesterday });
  // The day first, however the moments they became visible fall within it or before it (UCAP's letter was recorded as published long before it was shown here).
  const days = items.map((item) => item.publicSince);
  expect(days).toEqual(days.toSorted().reverse());
  const sameDay = items.filter((item) => item.publicSince === today).map((item) => item.title);
  expect(sameDay).toEqual([PAST_DATE, SHOWN].filter((title) => sameDay.includes(title)));
  const [header, ...rows] = parseCsv((await anonymous('GET', '/public/deliveries?format=csv&dialect=rfc4180')).body as string);
  expect(rows.map((row) => row[header!.indexOf('publicId')])).toEqual(items.map((item) => item.publicId));
  const [, ...kiel] = parseCsv((await anonymous('GET', '/public/kiel')).body as string);
  expect(kiel.map((row) => row[KIEL_COLUMNS.indexOf('Item')])).toEqual(items.map((item) => item.title));
});

it('follows a correction of the day its letter was published, in its date and its place in the file', async () => {
  const letter = (await anonymous('GET', '/public/letters')).body.items.find((published: { publishedOn: string }) => published.publishedOn === '2025-02-17');
  const corrected = await author('POST', `/letters/${letter.id}/publication-corrections`, { paperNumber: letter.paperNumber, publishedOn: '2025-02-18', reason: 'Datum van publicatie verkeerd overgenomen' }, await ifMatchCurrent(author, letter.id));
  expect(corrected.status).toBe(200);
  const { body } = await anonymous('GET', '/public/deliveries');
  expect(body.items.find((item: { title: string }) => item.title === UCAP)).toMatchObject({ publicSince: '2025-02-18' });
  const days = body.items.map((item: { publicSince: string }) => item.publicSince);
  expect(days).toEqual(days.toSorted().reverse());
});
