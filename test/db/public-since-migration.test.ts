/**
 * Migration 061 keeps the day each public delivery became public beside it, for the public file's order. The
 * database is taken back to before it, with a delivery its letter showed (recorded as published before the
 * register showed it) and one shown from its decision's date; migrated again, each is dated as it was and the
 * file is in that order.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { todayInAmsterdam } from '../../common/dates.ts';
import { migrate } from '../../src/db/migrate.ts';
import { apiClient, type ApiCall } from '../api/client.ts';
import { stockDelivery } from '../support/deliveries.ts';
import { openScratchPGlite, type ScratchDatabase } from '../support/scratch-database.ts';

const MIGRATION = '061_public_delivery_public_since.sql';

let scratch: ScratchDatabase;
let anonymous: ApiCall;

beforeAll(async () => {
  scratch = await openScratchPGlite({ demonstration: true });
  const { db } = scratch.handle;
  anonymous = apiClient(db);
  const registrar = apiClient(db, { role: 'registrar' });
  const officer = apiClient(db, { role: 'disclosureOfficer' });
  const created = await registrar('POST', '/deliveries', { ...stockDelivery, title: 'Generatoren (intern)' });
  expect(created.status).toBe(201);
  expect((await officer('POST', '/disclosure-decisions', { deliveryIds: [created.body.id], state: 'public', publicTitle: 'Generatoren', publicCategory: 'nonLethal', publicFrom: todayInAmsterdam() })).status).toBe(201);

  await sql`drop index public_delivery_in_order`.execute(db);
  await sql`drop trigger public_letter_public_since on public_letter`.execute(db);
  await sql`drop trigger public_delivery_public_since on public_delivery`.execute(db);
  await sql`drop function keep_public_since_of_letter(), keep_public_since(), public_since_of(timestamptz, timestamptz, uuid)`.execute(db);
  await sql`alter table public_delivery drop column public_since`.execute(db);
  await sql`create index public_delivery_in_order on public_delivery (visible_from desc, title, public_id)`.execute(db);
  await sql`delete from schema_migration where name = ${MIGRATION}`.execute(db);
});

afterAll(async () => {
  await scratch?.dispose();
});

it('dates each public delivery as it was dated before, and the file is read in that order', async () => {
  expect(await migrate(scratch.handle)).toEqual([MIGRATION]);
  const { body } = await anonymous('GET', '/public/deliveries');
  const dated = body.items.map(({ title, publicSince }: { title: string; publicSince: string }) => [title, publicSince]);
  expect(dated).toEqual([
    ['Generatoren', todayInAmsterdam()],
    ['Bijdragen aan het NAVO Ukraine Comprehensive Assistance Package (UCAP)', '2025-02-17'],
  ]);
});
