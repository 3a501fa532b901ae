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
import { openScratchPGlite, type ScratchDatabase } from '../support/scratch-database.ts';
import { apiClient, type ApiCall } from './client.ts';

/** The demonstration's UCAP contribution, first listed by the letter of 17 February 2025 (published that day). */
const UCAP_ID = '7d57667c-8ef4-44e0-a7a3-ee3d993812ba';
const UCAP = 'Bijdragen aan het NAVO Ukraine Comprehensive Assistance Package (UCAP)';
const LATER = 'Generatoren, openbaar vanaf morgen';
const DAY_MS = 86_400_000;

let scratch: ScratchDatabase;
let anonymous: ApiCall;
let offsetMs = 0;
let tomorrow: string;

beforeAll(async () => {
  scratch = await openScratchPGlite({ demonstration: true });
  const api = createApi({ db: scratch.handle.db, clock: () => new Date(Date.now() + offsetMs), onError: (error) => { throw error; } });
  anonymous = apiClient(scratch.handle.db, { api });
  const registrar = apiClient(scratch.handle.db, { role: 'registrar', api });
  const disclosure = apiClient(scratch.handle.db, { role: 'disclosureOfficer', api });
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

it('announces each delivery in the Kiel file on the day it became public', async () => {
  const [, ...rows] = parseCsv((await anonymous('GET', '/public/kiel')).body as string);
  const announced = (title: string) => rows.find((row) => row[KIEL_COLUMNS.indexOf('Item')] === title)?.[KIEL_COLUMNS.indexOf('Announcement Date')];
  expect([announced(UCAP), announced(LATER)]).toEqual(['2025-02-17', tomorrow]);
});
