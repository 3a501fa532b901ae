/**
 * Migration 052 keeps the moment a decision makes a delivery public from beside the moment it is visible from.
 * The database is taken back to before it, a delivery that a final letter not yet published is the first to
 * list made visible by its decided date alone (as a decision since that letter could make it), and migrated
 * again: each delivery has the moment its decision names, and that one waits for its letter again, as deciding
 * now leaves it.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { todayInAmsterdam } from '../../common/dates.ts';
import { migrate } from '../../src/db/migrate.ts';
import { apiClient, type ApiCall } from '../api/client.ts';
import { openScratchPGlite, type ScratchDatabase } from '../support/scratch-database.ts';
import { submitAndApprove } from '../support/letters.ts';

let scratch: ScratchDatabase;
let officer: ApiCall;
let listedId: string;
let publicFrom: string;

beforeAll(async () => {
  scratch = await openScratchPGlite({ demonstration: true });
  const { db } = scratch.handle;
  const author = apiClient(db, { role: 'letterAuthor' });
  officer = apiClient(db, { role: 'disclosureOfficer' });
  const draft = (await author('GET', '/letters')).body.items.find((letter: { referenceDate: string }) => letter.referenceDate === '2025-08-31');
  const approved = await submitAndApprove({ author, disclosure: officer }, draft.id, `"${draft.version}"`);
  const final = await author('POST', `/letters/${draft.id}/finalisation`, {}, { 'If-Match': approved.headers.get('ETag')! });
  expect(final.status).toBe(200);
  const listed = final.body.letter.overview[0].items[0];
  listedId = listed.publicId;
  const tomorrow = todayInAmsterdam(new Date(Date.now() + 24 * 3_600_000));
  const decide = async (publicId: string, presentation: { title: string; detail: string; category: string; quantity: string | null }) => {
    const { id } = await db.selectFrom('delivery').select('id').where('publicId', '=', publicId).executeTakeFirstOrThrow();
    const body = { deliveryIds: [id], state: 'public', publicTitle: presentation.title, publicDetail: presentation.detail, publicCategory: presentation.category, publicQuantity: presentation.quantity, publicFrom: tomorrow };
    expect((await officer('POST', '/disclosure-decisions', body)).status).toBe(201);
  };
  await decide(listedId, listed);
  // A public delivery no letter lists: visible from its date.
  const unlisted = await db.selectFrom('publicDelivery').selectAll().where('publicId', 'not in', db.selectFrom('letterOverviewItem').select('publicId')).executeTakeFirstOrThrow();
  await decide(unlisted.publicId, unlisted);
  publicFrom = (await db.selectFrom('publicDelivery').select('publicFrom').where('publicId', '=', listedId).executeTakeFirstOrThrow()).publicFrom!;
});

afterAll(async () => {
  await scratch?.dispose();
});

const moments = async () => {
  const rows = await scratch.handle.db.selectFrom('publicDelivery').select(['publicId', 'visibleFrom', 'publicFrom']).orderBy('publicId').execute();
  const moment = (text: string | null) => text && new Date(text).toISOString();
  return rows.map((row) => [row.publicId, moment(row.visibleFrom), moment(row.publicFrom)]);
};

it('keeps each decided moment, and takes a delivery shown by its date alone before the letter that first lists it off public surfaces again', async () => {
  const { db } = scratch.handle;
  const decided = await moments();
  expect(decided.filter(([, visibleFrom, from]) => from !== null && visibleFrom === from)).toHaveLength(1);
  expect(decided.find(([publicId]) => publicId === listedId)).toEqual([listedId, null, new Date(publicFrom).toISOString()]);

  // Back to before it: without the column, nor the trigger of a later migration that reads it (061).
  await sql`drop trigger public_delivery_public_since on public_delivery`.execute(db);
  await sql`alter table public_delivery drop column public_from`.execute(db);
  await sql`update public_delivery set visible_from = ${publicFrom} where public_id = ${listedId}`.execute(db);
  await sql`delete from schema_migration where name = '052_public_delivery_public_from.sql'`.execute(db);
  expect(await migrate(scratch.handle)).toEqual(['052_public_delivery_public_from.sql']);

  expect(await moments()).toEqual(decided);
});
