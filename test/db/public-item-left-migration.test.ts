/**
 * Migrations 059 and 060 keep which public items a delivery left, of those that showed a value. The database is taken back to before it, with an item
 * one of whose two deliveries was decided confidential since, giving the other's value as before; and an item
 * whose deliveries all stay; and an item whose decision kept its value back, one of whose deliveries left it.
 * Migrated again, the item left gives no value and waits for a new decision; the other keeps its sum; the one
 * that gave no value waits for nothing.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { migrate } from '../../src/db/migrate.ts';
import { apiClient, type ApiCall } from '../api/client.ts';
import { stockDelivery } from '../support/deliveries.ts';
import { openScratchPGlite, type ScratchDatabase } from '../support/scratch-database.ts';

// 063 keeps why each item waits, in the table 059 makes.
const MIGRATIONS = ['059_public_item_left.sql', '060_public_item_left_showing_no_value.sql', '063_public_item_left_reason.sql'];

let scratch: ScratchDatabase;
let anonymous: ApiCall;
let officer: ApiCall;
let left: string[];

beforeAll(async () => {
  scratch = await openScratchPGlite();
  const { db } = scratch.handle;
  anonymous = apiClient(db);
  officer = apiClient(db, { role: 'disclosureOfficer' });
  const registrar = apiClient(db, { role: 'registrar' });
  const shipment = async (title: string, realisedAt: string, amountCents: number) => {
    const created = await registrar('POST', '/deliveries', { ...stockDelivery, title: `${title} (intern, ${realisedAt})`, realisedAt });
    expect((await registrar('POST', `/deliveries/${created.body.id}/valuations`, { amountCents, basis: 'replacementValue', effectiveDate: realisedAt })).status).toBe(201);
    return created.body.id as string;
  };
  const decidePublic = async (deliveryIds: string[], publicTitle: string, publicValue = true) =>
    expect((await officer('POST', '/disclosure-decisions', { deliveryIds, state: 'public', publicTitle, publicCategory: 'nonLethal', publicValue, publicRealisedDate: 'month', publicFrom: '2025-07-01' })).status).toBe(201);
  const decideConfidential = async (deliveryId: string) =>
    expect((await officer('POST', '/disclosure-decisions', { deliveryIds: [deliveryId], state: 'confidential', ground: 'operationalSecurity' })).status).toBe(201);
  left = [await shipment('Laarzen', '2025-05-02', 30_000_000), await shipment('Laarzen', '2025-06-20', 32_000_000)];
  await decidePublic(left, 'Laarzen');
  await decidePublic([await shipment('Jassen', '2025-05-02', 10_000_000), await shipment('Jassen', '2025-06-20', 12_000_000)], 'Jassen');
  await decideConfidential(left[1]!);
  // An item whose decision kept its value back, a delivery of which left it as well.
  const keptBack = [await shipment('Petten', '2025-05-02', 5_000_000), await shipment('Petten', '2025-06-20', 6_000_000)];
  await decidePublic(keptBack, 'Petten', false);
  await decideConfidential(keptBack[1]!);

  // Before the migration: the item left gave the sum of the rest, and nothing kept that it was left.
  await db.updateTable('publicDelivery').set({ valueCents: 30_000_000, valueBasis: 'replacementValue' }).where('title', '=', 'Laarzen').execute();
  await sql`drop table public_item_left`.execute(db);
  await sql`delete from schema_migration where name in (${sql.join(MIGRATIONS)})`.execute(db);
});

afterAll(async () => {
  await scratch?.dispose();
});

it('withholds the value of an item a delivery left and queues the rest for a new decision, keeps the sum of one whole, and queues none of one that gave no value', async () => {
  expect(await migrate(scratch.handle)).toEqual(MIGRATIONS);
  const items = (await anonymous('GET', '/public/deliveries')).body.items.map(({ title, valueCents, realisedOn }: Record<string, unknown>) => ({ title, valueCents, realisedOn }));
  expect(items).toEqual(expect.arrayContaining([{ title: 'Laarzen', valueCents: null, realisedOn: '2025-06' }, { title: 'Jassen', valueCents: 22_000_000, realisedOn: '2025-06' }, { title: 'Petten', valueCents: null, realisedOn: '2025-06' }]));
  const queue = await officer('GET', '/disclosure-queue');
  expect(queue.body.toDecideAgain).toEqual([{ deliveryId: left[0], title: 'Laarzen (intern, 2025-05-02)', publicTitle: 'Laarzen', reason: 'deliveryLeft' }]);
});
