import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { createApi } from '../../src/api/app.ts';
import { publicDeliveryBatches } from '../../src/db/repositories/public.ts';
import type { Database, PublicDatabase } from '../../src/db/schema.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { apiClient, type ApiCall } from './client.ts';

const NOW = new Date('2025-09-10T10:00:00Z');
const LATER = '2025-09-20T00:00:00.000Z';

function row(title: string, visibleFrom: string | null) {
  return { publicId: randomUUID(), title, detail: 'Uit eigen voorraad.', category: 'ammunition', supportType: 'stock', quantity: null, decidedOn: '2025-01-10', isDemonstration: false, visibleFrom };
}

describeEachDatabase('the public deliveries file', (database) => {
  let offsetMs = 0;
  let anonymous: ApiCall;
  let api: ReturnType<typeof createApi>;
  const db = () => database().db as Kysely<Database>;
  const visibleIds = async () =>
    (await db().selectFrom('publicDelivery').select('publicId').where('visibleFrom', '<=', new Date(NOW.getTime() + offsetMs).toISOString())
      .orderBy('publicSince', 'desc').orderBy('title').orderBy('publicId').execute()).map((found) => found.publicId);

  beforeAll(async () => {
    // Ties on the day they became public and on the title, so that batches end in the middle of both; within a day
    // the moments they became visible are in another order than their titles, which the file does not follow.
    const rows = ['2025-03-01', '2025-03-01', '2025-03-01', '2025-02-01', '2025-02-01', '2025-01-15', '2025-01-15'].map((date, index) =>
      row(`Levering ${index % 2}`, `${date}T${index % 2 === 0 ? '09:30' : '15:00'}:00.000Z`));
    rows.push(row('Nog niet gepubliceerd', null), row('Pas later zichtbaar', LATER));
    await db().insertInto('publicDelivery').values(rows).execute();
    api = createApi({ db: db(), clock: () => new Date(NOW.getTime() + offsetMs), onError: (error) => { throw error; } });
    anonymous = apiClient(db(), { api });
  });

  it('reads every visible delivery once, in order, whatever the batch size', async () => {
    const expected = await visibleIds();
    expect(expected).toHaveLength(7);
    for (const batchSize of [1, 2, 3, 100]) {
      const read: string[] = [];
      for await (const batch of publicDeliveryBatches(db() as unknown as Kysely<PublicDatabase>, NOW, batchSize)) {
        expect(batch.length).toBeLessThanOrEqual(batchSize);
        read.push(...batch.map((item) => item.publicId));
      }
      expect(read, `batches of ${batchSize}`).toEqual(expected);
    }
  });

  it('answers with an ETag that changes only with the public deliveries, and 304 while it holds', async () => {
    const json = await anonymous('GET', '/public/deliveries');
    expect(json.status).toBe(200);
    expect(json.body.items.map((item: { publicId: string }) => item.publicId)).toEqual(await visibleIds());
    expect(json.body.items.map((item: { title: string }) => item.title)).not.toContain('Nog niet gepubliceerd');
    const tag = json.headers.get('ETag')!;
    expect((await anonymous('GET', '/public/deliveries')).headers.get('ETag')).toBe(tag);
    expect((await anonymous('GET', '/public/deliveries', undefined, { 'If-None-Match': tag })).status).toBe(304);

    const csv = await anonymous('GET', '/public/deliveries?format=csv');
    expect(csv.headers.get('ETag')).not.toBe(tag);
    const lines = (csv.body as string).trimEnd().split('\r\n');
    expect(lines[0]).toBe('publicId;title;detail;category;categoryCode;supportType;supportTypeCode;quantity;realisedOn;valueEuros;valueBasis;valueBasisCode;letter;letterDate;publicSince;isDemonstration');
    expect(lines.slice(1).map((line) => line.slice(0, 36))).toEqual(await visibleIds());
    expect(lines[1]).toContain(';Munitie;ammunition;');
    // Dutch Excel knows UTF-8 by its byte order mark (which a text decoder takes away, so the bytes are read).
    const bytes = new Uint8Array(await (await api.request('/public/deliveries?format=csv')).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const plain = await anonymous('GET', '/public/deliveries?format=csv&dialect=rfc4180&lang=en');
    expect((plain.body as string).split('\r\n')[1]).toContain(',Ammunition,ammunition,');

    // A delivery decided public with a later date becomes visible when that moment has passed.
    offsetMs = Date.parse(LATER) - NOW.getTime() + 1000;
    const later = await anonymous('GET', '/public/deliveries', undefined, { 'If-None-Match': tag });
    expect(later.status).toBe(200);
    expect(later.body.items.map((item: { title: string }) => item.title)).toContain('Pas later zichtbaar');
    const laterTag = later.headers.get('ETag')!;
    expect(laterTag).not.toBe(tag);

    // A decision (any change to the public projection) changes it too.
    await db().updateTable('publicDelivery').set({ detail: 'Aangepast.' }).where('title', '=', 'Levering 0').execute();
    expect((await anonymous('GET', '/public/deliveries', undefined, { 'If-None-Match': laterTag })).status).toBe(200);
  });
});
