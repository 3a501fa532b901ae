/**
 * Migration 063 keeps why each public item waits for its deliveries to be decided again. The database is taken
 * back to before it, with items whose value was withheld: by a withdrawal of money it counted; by a delivery
 * leaving; by a delivery leaving before a withdrawal that would have withheld it; by a withdrawal before a
 * delivery left; and by a delivery leaving an item decided again since a withdrawal withheld its value. Migrated
 * again, each waits for what withheld its value first since it was last decided.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { migrate } from '../../src/db/migrate.ts';
import { apiClient, type ApiCall } from '../api/client.ts';
import { stockDelivery } from '../support/deliveries.ts';
import { openScratchPGlite, type ScratchDatabase } from '../support/scratch-database.ts';

const MIGRATION = '063_public_item_left_reason.sql';
const MILLION = 100_000_000; // cents

let scratch: ScratchDatabase;
let officer: ApiCall;
let registrar: ApiCall;

const created = async (call: Promise<{ status: number; body: any }>) => {
  const response = await call;
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
};

/** Two deliveries of one value each, decided public as one item with their summed value; the first's valuation's id. */
async function publicItem(title: string) {
  const ids: string[] = [];
  const valuations: string[] = [];
  for (const part of ['een', 'twee']) {
    const delivery = await created(registrar('POST', '/deliveries', { ...stockDelivery, title: `${title} ${part}`, realisedAt: '2025-05-02' }));
    ids.push(delivery.id);
    valuations.push((await created(registrar('POST', `/deliveries/${delivery.id}/valuations`, { amountCents: 10 * MILLION, basis: 'replacementValue', effectiveDate: '2025-05-02' }))).id);
  }
  await decidePublic(ids, title);
  return { kept: ids[0]!, leaving: ids[1]!, valuation: valuations[0]! };
}

const decidePublic = (deliveryIds: string[], publicTitle: string) =>
  created(officer('POST', '/disclosure-decisions', { deliveryIds, state: 'public', publicTitle, publicCategory: 'nonLethal', publicRealisedDate: 'day', publicValue: true, publicFrom: '2025-07-01' }));
const withdrawAsNeverMade = (valuation: string) => created(registrar('POST', `/valuations/${valuation}/withdrawal`, { withdrawnOn: '2025-05-02', reason: 'Verkeerd ingevoerd' }));
const leave = (deliveryId: string) => created(officer('POST', '/disclosure-decisions', { deliveryIds: [deliveryId], state: 'confidential', ground: 'operationalSecurity' }));

beforeAll(async () => {
  scratch = await openScratchPGlite();
  const { db } = scratch.handle;
  officer = apiClient(db, { role: 'disclosureOfficer' });
  registrar = apiClient(db, { role: 'registrar' });

  const withdrawn = await publicItem('Generatoren');
  await withdrawAsNeverMade(withdrawn.valuation);

  await leave((await publicItem('Laarzen')).leaving);

  const leftThenWithdrawn = await publicItem('Dekens');
  await leave(leftThenWithdrawn.leaving);
  await withdrawAsNeverMade(leftThenWithdrawn.valuation);

  const withdrawnThenLeft = await publicItem('Jassen');
  await withdrawAsNeverMade(withdrawnThenLeft.valuation);
  await leave(withdrawnThenLeft.leaving);

  const decidedAgain = await publicItem('Petten');
  await withdrawAsNeverMade(decidedAgain.valuation);
  await created(registrar('POST', `/deliveries/${decidedAgain.kept}/valuations`, { amountCents: 1 * MILLION, basis: 'replacementValue', effectiveDate: '2025-05-02' }));
  await decidePublic([decidedAgain.kept, decidedAgain.leaving], 'Petten');
  await leave(decidedAgain.leaving);

  // Before the migration: the register kept which items wait, not why.
  await sql`alter table public_item_left drop column reason`.execute(db);
  await sql`delete from schema_migration where name = ${MIGRATION}`.execute(db);
});

afterAll(async () => {
  await scratch?.dispose();
});

it('gives each item waiting to be decided again the reason that withheld its value first since it was last decided', async () => {
  expect(await migrate(scratch.handle)).toEqual([MIGRATION]);
  const queue = (await officer('GET', '/disclosure-queue')).body.toDecideAgain.map(({ publicTitle, reason }: Record<string, string>) => [publicTitle, reason]);
  expect(Object.fromEntries(queue)).toEqual({ Generatoren: 'valueWithdrawn', Laarzen: 'deliveryLeft', Dekens: 'deliveryLeft', Jassen: 'valueWithdrawn', Petten: 'deliveryLeft' });
  expect(queue).toHaveLength(6);
});
