/**
 * A refusal says what was expected: a date where the audit trail's period takes one (the start of that day in
 * the Netherlands), a moment without a time zone, content that is not base64, an Idempotency-Key that is no key.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openScratchPGlite, type ScratchDatabase } from '../support/scratch-database.ts';
import { stockDelivery } from '../support/deliveries.ts';
import { apiClient, type ApiCall } from './client.ts';

let scratch: ScratchDatabase;
let registrar: ApiCall;
let auditor: ApiCall;
let author: ApiCall;

beforeAll(async () => {
  scratch = await openScratchPGlite({ demonstration: true });
  registrar = apiClient(scratch.handle.db, { role: 'registrar' });
  auditor = apiClient(scratch.handle.db, { role: 'auditor' });
  author = apiClient(scratch.handle.db, { role: 'letterAuthor' });
});

afterAll(async () => {
  await scratch?.dispose();
});

const english = { 'Accept-Language': 'en' };

it("takes a date for the audit trail's period as the start of that day in the Netherlands, and says what a moment needs", async () => {
  const byDay = await auditor('GET', '/audit-events?from=2025-01-01&until=2099-12-31&limit=500');
  const byMoment = await auditor('GET', '/audit-events?from=2024-12-31T23:00:00Z&until=2099-12-30T23:00:00Z&limit=500');
  expect(byDay.status).toBe(200);
  expect(byDay.body.items.length).toBeGreaterThan(0);
  // Newest first, the second reading begins with the first (a reading of the trail is an event of it).
  expect(byMoment.body.items.slice(1)).toEqual(byDay.body.items);
  expect((await auditor('GET', '/audit-events?from=2025-01-01T09:00:00', undefined, english)).body.invalidParams).toEqual([
    { name: 'from', code: 'momentWithoutTimeZone', reason: 'This moment has no time zone: add it, such as 2025-09-01T14:00:00+02:00 or 2025-09-01T12:00:00Z.' },
  ]);
  expect((await auditor('GET', '/audit-events?from=gisteren', undefined, english)).body.invalidParams).toEqual([
    { name: 'from', code: 'invalidMoment', reason: 'Enter a moment with its date, time and time zone, such as 2025-09-01T14:00:00+02:00.' },
  ]);
});

it('says a scheduled publication needs a time zone', async () => {
  const letters = (await author('GET', '/letters')).body.items as { id: string; version: number }[];
  const refused = await author('POST', `/letters/${letters[0]!.id}/publication`, { paperNumber: 'Kamerstuk 22 054, nr. 453', publishedOn: '2025-09-10', publishAt: '2030-01-01T09:00' }, { ...english, 'If-Match': '*' });
  expect(refused.status).toBe(400);
  expect(refused.body.invalidParams).toEqual([expect.objectContaining({ name: 'publishAt', code: 'momentWithoutTimeZone' })]);
});

it('says content that is not base64 is not', async () => {
  const refused = await registrar('POST', '/imports/dry-run', { fileName: 'leveringen.csv', content: 'dit is geen base64!' }, english);
  expect(refused.status).toBe(400);
  expect(refused.body.invalidParams).toEqual([
    { name: 'content', code: 'notBase64', reason: 'The content is not base64: send the bytes of the file as base64 (A-Z, a-z, 0-9, + and /, padded with =).' },
  ]);
});

it('says what a valid Idempotency-Key is', async () => {
  const refused = await registrar('POST', '/deliveries', stockDelivery, { ...english, 'Idempotency-Key': 'een sleutel met spaties' });
  expect(refused.status).toBe(400);
  expect(refused.body).toMatchObject({ code: 'invalidIdempotencyKey', detail: 'The Idempotency-Key is not valid: use 1 to 255 visible ASCII characters without spaces, such as a UUID.' });
});
