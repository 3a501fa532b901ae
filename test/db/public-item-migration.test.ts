/**
 * Migration 058 makes the deliveries decided public at once before it one public item. The database is taken
 * back to before it, two deliveries decided public at once each with a public row of its own that repeats the
 * decision's quantity, a letter finalised and published that lists them so, and migrated again: the public
 * reads the selection once, with the values summed and the latest realised date, while the letter keeps what
 * it listed and verifies.
 */
import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { migrate } from '../../src/db/migrate.ts';
import { apiClient, type ApiCall } from '../api/client.ts';
import { stockDelivery } from '../support/deliveries.ts';
import { ifMatchCurrent, submitAndApprove } from '../support/letters.ts';
import { changesRecordedBy } from '../support/migration-events.ts';
import { openScratchPGlite, type ScratchDatabase } from '../support/scratch-database.ts';

const MIGRATION = '058_public_item_per_selection.sql';
const TITLE = 'Winterlaarzen';

let scratch: ScratchDatabase;
let anonymous: ApiCall;
let author: ApiCall;
let ids: string[];
let letterId: string;

beforeAll(async () => {
  scratch = await openScratchPGlite({ demonstration: true });
  const { db } = scratch.handle;
  anonymous = apiClient(db);
  author = apiClient(db, { role: 'letterAuthor' });
  const registrar = apiClient(db, { role: 'registrar' });
  const disclosure = apiClient(db, { role: 'disclosureOfficer' });
  const shipment = async (realisedAt: string, amountCents: number) => {
    const created = await registrar('POST', '/deliveries', { ...stockDelivery, title: `Winterlaarzen (intern, ${realisedAt})`, quantity: 600, unit: 'paar', realisedAt });
    expect((await registrar('POST', `/deliveries/${created.body.id}/valuations`, { amountCents, basis: 'replacementValue', effectiveDate: realisedAt })).status).toBe(201);
    return created.body.id as string;
  };
  ids = [await shipment('2025-05-02', 30_000_000), await shipment('2025-06-20', 32_000_000)];
  const decided = await disclosure('POST', '/disclosure-decisions', { deliveryIds: ids, state: 'public', publicTitle: TITLE, publicCategory: 'nonLethal', publicQuantity: '1200 paar', publicValue: true, publicRealisedDate: 'day' });
  expect(decided.status).toBe(201);

  // Before the migration: a public row of each delivery's own, each with the decision's quantity and its own value and date.
  const [shared] = await db.selectFrom('publicDelivery').selectAll().where('title', '=', TITLE).execute();
  const ownId = randomUUID();
  await db.insertInto('publicDelivery').values({ ...shared!, publicId: ownId, valueCents: 32_000_000, realisedOn: '2025-06-20' }).execute();
  await db.updateTable('publicDelivery').set({ valueCents: 30_000_000, realisedOn: '2025-05-02' }).where('publicId', '=', shared!.publicId).execute();
  await db.updateTable('delivery').set({ publicId: ownId }).where('id', '=', ids[1]!).execute();
  await sql`drop index delivery_public_id`.execute(db);
  await sql`alter table delivery add constraint delivery_public_id_key unique (public_id)`.execute(db);
  await sql`delete from schema_migration where name = ${MIGRATION}`.execute(db);

  const draft = (await author('GET', '/letters')).body.items.find((letter: { referenceDate: string }) => letter.referenceDate === '2025-08-31');
  const approved = await submitAndApprove({ author, disclosure }, draft.id, `"${draft.version}"`);
  expect((await author('POST', `/letters/${draft.id}/finalisation`, {}, { 'If-Match': approved.headers.get('ETag')! })).status).toBe(200);
  expect((await author('POST', `/letters/${draft.id}/sending`, undefined, await ifMatchCurrent(author, draft.id))).status).toBe(200);
  expect((await author('POST', `/letters/${draft.id}/publication`, { paperNumber: 'Kamerstuk 22 054, nr. 461', publishedOn: '2025-09-10' }, await ifMatchCurrent(author, draft.id))).status).toBe(200);
  letterId = draft.id;
});

afterAll(async () => {
  await scratch?.dispose();
});

const listedTitles = async () =>
  (await anonymous('GET', `/public/letters/${letterId}`)).body.letter.overview.flatMap((group: { items: { title: string }[] }) => group.items.map((item) => item.title)).filter((title: string) => title === TITLE);

it('makes the deliveries decided public at once one item, while the letter that listed each keeps what it listed and verifies', async () => {
  const { db } = scratch.handle;
  expect(await listedTitles()).toEqual([TITLE, TITLE]);
  const before = await db.selectFrom('delivery').select(['id', 'publicId']).where('id', 'in', ids).orderBy('realisedAt').execute();

  expect(await migrate(scratch.handle)).toEqual([MIGRATION]);

  const carried = await db.selectFrom('delivery').select(['id', 'publicId']).where('id', 'in', ids).orderBy('realisedAt').execute();
  expect(new Set(carried.map((delivery) => delivery.publicId)).size).toBe(1);
  const items = (await anonymous('GET', '/public/deliveries')).body.items.filter((item: { title: string }) => item.title === TITLE);
  expect(items).toEqual([expect.objectContaining({ publicId: carried[0]!.publicId, quantity: '1200 paar', valueCents: 62_000_000, realisedOn: '2025-06-20' })]);
  expect(items[0].firstLetter).toMatchObject({ id: letterId });
  // Each delivery given another public id says so in the audit trail.
  const moved = before.filter((delivery, index) => delivery.publicId !== carried[index]!.publicId);
  expect(await changesRecordedBy(db, MIGRATION)).toEqual(
    moved.map((delivery) => ({ object: { type: 'delivery', id: delivery.id }, before: { publicId: delivery.publicId }, after: { publicId: carried[0]!.publicId } })),
  );

  expect(await listedTitles()).toEqual([TITLE, TITLE]);
  const verification = await author('GET', `/letters/${letterId}/verification`);
  expect(verification.body).toMatchObject({ ok: true, hashesMatch: true });
  // The next letter does not list the item again: a letter listed it.
  const next = await author('POST', '/letters', { referenceDate: '2025-09-30', letterDate: '2025-10-10' });
  expect(next.body.letter.overview.flatMap((group: { items: { title: string }[] }) => group.items).filter((item: { title: string }) => item.title === TITLE)).toEqual([]);
});
