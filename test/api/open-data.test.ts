/**
 * Open data as others use it: the public deliveries with their dates, letter and value where a disclosure
 * decision made them public, in the CSV Dutch Excel opens and in plain RFC 4180.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../src/api/app.ts';
import { loadDemonstrationData } from '../../src/register/demonstration.ts';
import { apiClient, type ApiCall } from './client.ts';
import { openScratchPGlite, type ScratchDatabase } from '../support/scratch-database.ts';
import { parseCsv } from '../support/csv.ts';

const PURL = 'Bijdrage aan het Prioritized Ukraine Requirement List-initiatief (PURL)';
const DRONES = 'Drones van de Oekraïense defensie-industrie';
const PAPER_NUMBER = 'Kamerstuk 22 054, nr. 460';

let scratch: ScratchDatabase;
let api: ReturnType<typeof createApi>;
let anonymous: ApiCall;
let author: ApiCall;
let disclosure: ApiCall;
let registrar: ApiCall;
let seedLetterId: string;

beforeAll(async () => {
  scratch = await openScratchPGlite();
  await loadDemonstrationData(scratch.handle.db);
  api = createApi({ db: scratch.handle.db, onError: (error) => { throw error; } });
  anonymous = apiClient(scratch.handle.db, { api });
  author = apiClient(scratch.handle.db, { role: 'letterAuthor', api });
  disclosure = apiClient(scratch.handle.db, { role: 'disclosureOfficer', api });
  registrar = apiClient(scratch.handle.db, { role: 'registrar', api });
  // The seed letter is finalised, sent and published: it is the first to list the deliveries it names.
  const draft = (await author('GET', '/letters')).body.items.find((letter: any) => letter.referenceDate === '2025-08-31');
  const approved = await disclosure('POST', `/letters/${draft.id}/approval`, undefined, { 'If-Match': `"${draft.version}"` });
  expect((await author('POST', `/letters/${draft.id}/finalisation`, {}, { 'If-Match': approved.headers.get('ETag')! })).status).toBe(200);
  expect((await author('POST', `/letters/${draft.id}/sending`)).status).toBe(200);
  expect((await author('POST', `/letters/${draft.id}/publication`, { paperNumber: PAPER_NUMBER, publishedOn: '2025-09-10' })).status).toBe(200);
  seedLetterId = draft.id;
});

afterAll(async () => {
  await scratch?.dispose();
});

const byTitle = (items: any[], title: string) => items.find((item) => item.title === title);

describe('the public deliveries', () => {
  it('give the realised date as decided (to the month or the day), the value only where decided public, and the first letter', async () => {
    const { body } = await anonymous('GET', '/public/deliveries');
    const purl = byTitle(body.items, PURL);
    expect(purl).toMatchObject({ category: 'airDefence', categoryLabel: 'Luchtverdediging', supportType: 'procurement', realisedOn: '2025-08', valueCents: 50_000_000_000 });
    expect(purl.firstLetter).toEqual({ id: seedLetterId, paperNumber: PAPER_NUMBER, letterDate: '2025-09-10' });
    const drones = byTitle(body.items, DRONES);
    expect(drones.realisedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(drones.valueCents).toBeNull();
    const english = await anonymous('GET', '/public/deliveries?lang=en');
    expect(byTitle(english.body.items, PURL).categoryLabel).toBe('Air defence');
  });

  it('are a CSV that Dutch Excel opens (byte order mark, semicolons, decimal comma), or plain RFC 4180', async () => {
    const bytes = Buffer.from(await (await api.request('/public/deliveries?format=csv')).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const dutch = parseCsv(bytes.toString('utf8').slice(1), ';');
    const [header, ...rows] = dutch;
    const purl = Object.fromEntries(header!.map((column, index) => [column, rows.find((row) => row[1] === PURL)![index]]));
    expect(purl).toMatchObject({ category: 'Luchtverdediging', categoryCode: 'airDefence', supportType: 'Commerciële verwerving', valueEuros: '500000000,00', letter: PAPER_NUMBER, letterDate: '2025-09-10', realisedOn: '2025-08' });
    expect(rows.find((row) => row[1] === DRONES)).toBeDefined();
    const plain = (await anonymous('GET', '/public/deliveries?format=csv&dialect=rfc4180')).body as string;
    expect(plain.charCodeAt(0)).not.toBe(0xfeff);
    expect(parseCsv(plain).find((row) => row[1] === PURL)).toContain('500000000.00');
  });

  it('change their ETag when a decision makes a value public, and show the value as decided', async () => {
    const before = (await anonymous('GET', '/public/deliveries')).headers.get('ETag')!;
    const drones = (await registrar('GET', '/deliveries?q=Drones')).body.items.find((item: any) => item.title.startsWith('Drones'));
    const decided = await disclosure('POST', '/disclosure-decisions', {
      deliveryIds: [drones.id],
      state: 'public',
      publicTitle: DRONES,
      publicCategory: 'drones',
      publicRealisedDate: 'month',
      publicValue: true,
    });
    expect(decided.status).toBe(201);
    expect(decided.body.items[0]).toMatchObject({ realisedDatePrecision: 'month', publicValueCents: drones.valueCents });
    const after = await anonymous('GET', '/public/deliveries', undefined, { 'If-None-Match': before });
    expect(after.status).toBe(200);
    expect(byTitle(after.body.items, DRONES)).toMatchObject({ realisedOn: expect.stringMatching(/^\d{4}-\d{2}$/), valueCents: drones.valueCents });
    const refused = await disclosure('POST', '/disclosure-decisions', { deliveryIds: [drones.id], state: 'confidential', ground: 'operationalSecurity', publicValue: true });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('publicValue');
  });
});
