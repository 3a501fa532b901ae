import { sql, type Kysely, type RawBuilder, type Insertable } from 'kysely';
import { z } from '@hono/zod-openapi';
import { CATEGORIES, SUPPORT_TYPES, VALUATION_BASES } from '../../domain/delivery.ts';
import { CONFIDENTIALITY_GROUNDS, REALISED_DATE_PRECISIONS, type DecideAgainReason, type DisclosureState, type PublicItemMember } from '../../domain/disclosure.ts';
import { countFoundUpToCap, isPositionOf, keysetColumns, readKeysetPage, type KeysetPage, type KeysetPosition, type PageStart } from '../keyset.ts';
import type { Database, PublicDeliveryTable } from '../schema.ts';
import { realisedBy } from './figures.ts';

type Db = Kysely<Database>;

/** A decision as stored, its codes checked when read back; the API describes it with stricter formats. */
export const StoredDecisionSchema = z.object({
  id: z.string(),
  deliveryId: z.string(),
  state: z.enum(['public', 'confidential']),
  publicTitle: z.string().nullable(),
  publicDetail: z.string().nullable(),
  publicCategory: z.enum(CATEGORIES).nullable(),
  publicQuantity: z.string().nullable(),
  ground: z.enum(CONFIDENTIALITY_GROUNDS).nullable(),
  reviewOn: z.string().nullable(),
  publicFrom: z.string().nullable(),
  realisedDatePrecision: z.enum(REALISED_DATE_PRECISIONS).nullable(),
  publicValueCents: z.number().int().nullable(),
  publicValueBasis: z.enum(VALUATION_BASES).nullable(),
  note: z.string(),
  decidedById: z.string().nullable(),
  decidedByName: z.string(),
  decidedAt: z.string(),
});
export type StoredDecision = z.infer<typeof StoredDecisionSchema>;

/** Stores a decision on one delivery of a selection, under the id the selection's decisions share. */
export async function insertDecision(db: Db, decision: StoredDecision, selectionId: string): Promise<void> {
  await db.insertInto('disclosureDecision').values({ ...decision, selectionId }).execute();
}

/** The decisions on a delivery, latest first. */
export async function listDecisions(db: Db, deliveryId: string): Promise<StoredDecision[]> {
  const rows = await db.selectFrom('disclosureDecision').selectAll().where('deliveryId', '=', deliveryId).orderBy('decidedAt', 'desc').orderBy('id', 'desc').execute();
  return rows.map((row) => StoredDecisionSchema.parse(row));
}

/** The delivery's current state and the id the public knows it by (kept once given). */
export async function setDisclosureState(db: Db, deliveryId: string, state: DisclosureState, publicId: string | null): Promise<void> {
  await db.updateTable('delivery').set({ disclosureState: state, publicId }).where('id', '=', deliveryId).execute();
}

export async function publicIdOf(db: Db, deliveryId: string): Promise<string | null> {
  const row = await db.selectFrom('delivery').select('publicId').where('id', '=', deliveryId).executeTakeFirst();
  return row?.publicId ?? null;
}

/** The deliveries, not removed, that the public knows by the id: those decided public at once under it. */
export async function deliveriesKnownAs(db: Db, publicId: string): Promise<string[]> {
  const rows = await db.selectFrom('delivery').select('id').where('publicId', '=', publicId).where('deletedAt', 'is', null).execute();
  return rows.map((row) => row.id);
}

/** Whether a delivery, not removed, is still public in the item under the id: one of its members is left. */
export async function publicItemHasMembers(db: Db, publicId: string): Promise<boolean> {
  const member = await db
    .selectFrom('delivery')
    .select('id')
    .where('publicId', '=', publicId)
    .where('deletedAt', 'is', null)
    .where('disclosureState', '=', 'public')
    .limit(1)
    .executeTakeFirst();
  return member !== undefined;
}

/**
 * The deliveries, not removed, that the public item under the id is made of: those known by it that are public,
 * each with what its decision in force (the one taken at once for them all) made public of it.
 */
export async function publicItemMembers(db: Db, publicId: string): Promise<PublicItemMember[]> {
  const rows = await db
    .selectFrom('delivery')
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('disclosureDecision')
          .select(['realisedDatePrecision', 'publicValueCents', 'publicValueBasis'])
          .whereRef('disclosureDecision.deliveryId', '=', 'delivery.id')
          .orderBy('decidedAt', 'desc')
          .orderBy('id', 'desc')
          .limit(1)
          .as('latest'),
      (join) => join.onTrue(),
    )
    .select(['delivery.supportType', 'delivery.realisedAt', 'latest.realisedDatePrecision', 'latest.publicValueCents', 'latest.publicValueBasis'])
    .where('delivery.publicId', '=', publicId)
    .where('delivery.deletedAt', 'is', null)
    .where('delivery.disclosureState', '=', 'public')
    .execute();
  return rows.map((row) => PublicItemMemberSchema.parse(row));
}

const PublicItemMemberSchema = z.object({
  supportType: z.enum(SUPPORT_TYPES),
  realisedAt: z.string().nullable(),
  realisedDatePrecision: z.enum(REALISED_DATE_PRECISIONS).nullable(),
  publicValueCents: z.number().int().nullable(),
  publicValueBasis: z.enum(VALUATION_BASES).nullable(),
});

/**
 * An item a delivery left keeps what it showed but its value, which beside the one shown before would tell the
 * leaver's, and waits for its deliveries to be decided again, for the reason given; so does one whose value
 * counted money withdrawn since. One that shows no value (its decision kept it back, or it was withheld before)
 * has no sum to withhold, and waits only if it waited already, for the reason that withheld it first.
 */
export async function withholdPublicItemValue(db: Db, publicId: string, reason: DecideAgainReason): Promise<void> {
  const withheld = await db
    .updateTable('publicDelivery')
    .set({ valueCents: null, valueBasis: null })
    .where('publicId', '=', publicId)
    .where('valueCents', 'is not', null)
    .executeTakeFirst();
  if (withheld.numUpdatedRows === 0n) return;
  await db.insertInto('publicItemLeft').values({ publicId, reason }).onConflict((conflict) => conflict.column('publicId').doNothing()).execute();
}

/**
 * Whether a delivery has left the public item under the id: one decided public together with its deliveries (in
 * the selection of their latest decisions, which they share) that is no longer public in it, decided again or
 * removed.
 */
export async function deliveryLeftPublicItem(db: Db, publicId: string): Promise<boolean> {
  const membersSelection = db
    .selectFrom('disclosureDecision')
    .innerJoin('delivery', 'delivery.id', 'disclosureDecision.deliveryId')
    .select('disclosureDecision.selectionId')
    .where('delivery.publicId', '=', publicId)
    .where('delivery.deletedAt', 'is', null)
    .where('delivery.disclosureState', '=', 'public')
    .orderBy('disclosureDecision.decidedAt', 'desc')
    .orderBy('disclosureDecision.id', 'desc')
    .limit(1);
  const leaver = await db
    .selectFrom('disclosureDecision')
    .innerJoin('delivery', 'delivery.id', 'disclosureDecision.deliveryId')
    .select('delivery.id')
    .where('disclosureDecision.selectionId', '=', membersSelection)
    .where((eb) => eb.or([eb('delivery.publicId', 'is distinct from', publicId), eb('delivery.deletedAt', 'is not', null), eb('delivery.disclosureState', '!=', 'public')]))
    .limit(1)
    .executeTakeFirst();
  return leaver !== undefined;
}

/** An item's realised date as its deliveries now say it, where it showed one: a date it kept back stays kept back. */
export async function setPublicItemRealisedOn(db: Db, publicId: string, realisedOn: string | null): Promise<void> {
  await db.updateTable('publicDelivery').set({ realisedOn }).where('publicId', '=', publicId).where('realisedOn', 'is not', null).execute();
}

/**
 * The deliveries (removed or not) of every selection whose decision made its value public that one of these
 * deliveries was part of, whose sums the public may have read with theirs: each with every selection whose
 * decision made its value public.
 */
export async function deliveriesSummedWith(db: Db, deliveryIds: readonly string[]): Promise<{ id: string; title: string; sums: string[] }[]> {
  if (deliveryIds.length === 0) return [];
  const rows = await db
    .selectFrom('disclosureDecision as summed')
    .innerJoin('delivery', 'delivery.id', 'summed.deliveryId')
    .select(['delivery.id', 'delivery.title', 'summed.selectionId'])
    .where('summed.publicValueCents', 'is not', null)
    .where('summed.deliveryId', 'in', (eb) =>
      eb
        .selectFrom('disclosureDecision as together')
        .select('together.deliveryId')
        .where('together.selectionId', 'in', (inner) =>
          inner.selectFrom('disclosureDecision').select('selectionId').where('deliveryId', 'in', [...deliveryIds]).where('publicValueCents', 'is not', null),
        ),
    )
    .orderBy('delivery.id')
    .orderBy('summed.selectionId')
    .execute();
  const byId = new Map<string, { id: string; title: string; sums: string[] }>();
  for (const row of rows) {
    const delivery = byId.get(row.id) ?? { id: row.id, title: row.title, sums: [] };
    if (!delivery.sums.includes(row.selectionId)) delivery.sums.push(row.selectionId);
    byId.set(row.id, delivery);
  }
  return [...byId.values()];
}

export interface ToDecideAgain {
  deliveryId: string;
  title: string;
  publicTitle: string;
  reason: DecideAgainReason;
}

/** Deliveries to decide on again are listed by their item's public title, then id (the delivery's). */
const TO_DECIDE_AGAIN_ORDER = keysetColumns.text('public_delivery.title', (text) => text.length <= 300);

/**
 * Public deliveries whose item, which gave a value, another delivery left (decided again apart, or removed), or
 * whose value rested on money withdrawn since as never counted by then.
 */
function toDecideAgain(db: Db) {
  return db
    .selectFrom('delivery')
    .innerJoin('publicItemLeft', 'publicItemLeft.publicId', 'delivery.publicId')
    .innerJoin('publicDelivery', 'publicDelivery.publicId', 'delivery.publicId')
    .where('delivery.disclosureState', '=', 'public')
    .where('delivery.deletedAt', 'is', null);
}

/** A page of the public deliveries whose item another delivery left: the item gives no value until they are decided again. */
export async function toDecideAgainPage(db: Db, start: PageStart, limit: number): Promise<KeysetPage<ToDecideAgain>> {
  return readKeysetPage(
    TO_DECIDE_AGAIN_ORDER,
    false,
    start,
    limit,
    ([walk], _order, limit) =>
      toDecideAgain(db)
        .select(['delivery.id as deliveryId', 'delivery.title', 'publicDelivery.title as publicTitle', 'publicItemLeft.reason'])
        .where(walk!.condition)
        .orderBy(walk!.order)
        .limit(limit)
        .execute(),
    (entry) => ({ value: entry.publicTitle, id: entry.deliveryId }),
  );
}

/** Why the delivery waits to be decided on again (its item's value withheld, see toDecideAgain); null when it does not. */
export async function decideAgainReasonOf(db: Db, deliveryId: string): Promise<DecideAgainReason | null> {
  const entry = await toDecideAgain(db).select('publicItemLeft.reason').where('delivery.id', '=', deliveryId).limit(1).executeTakeFirst();
  return entry?.reason ?? null;
}

/** Whether a cursor's position could be a delivery's to decide on again. */
export const isToDecideAgainPosition = (position: KeysetPosition) => isPositionOf(TO_DECIDE_AGAIN_ORDER, position);

/** How many deliveries wait to be decided on again, counted no further than the lists' cap. */
export async function countToDecideAgain(db: Db): Promise<{ count: number; capped: boolean }> {
  return countFoundUpToCap(db, toDecideAgain(db).select(sql<number>`1`.as('one')));
}

/** Puts an item as decided, which no longer waits for a decision after a delivery left it. */
export async function putPublicDelivery(db: Db, row: Insertable<PublicDeliveryTable>): Promise<void> {
  await db.deleteFrom('publicItemLeft').where('publicId', '=', row.publicId).execute();
  await db
    .insertInto('publicDelivery')
    .values(row)
    .onConflict((conflict) => conflict.column('publicId').doUpdateSet(row))
    .execute();
}

/** From when an item is shown, and the moment its decision made it public from, as stored (both null for an item not stored). */
export async function visibilityOfItem(db: Db, publicId: string): Promise<{ visibleFrom: string | null; publicFrom: string | null }> {
  const row = await db.selectFrom('publicDelivery').select(['visibleFrom', 'publicFrom']).where('publicId', '=', publicId).executeTakeFirst();
  return { visibleFrom: row?.visibleFrom ?? null, publicFrom: row?.publicFrom ?? null };
}

export async function removePublicDelivery(db: Db, publicId: string): Promise<void> {
  await db.deleteFrom('publicItemLeft').where('publicId', '=', publicId).execute();
  await db.deleteFrom('publicDelivery').where('publicId', '=', publicId).execute();
}

export interface DueReview {
  deliveryId: string;
  title: string;
  ground: string | null;
  reviewOn: string;
  decidedAt: string;
}

/** Deliveries due for review are listed by review date, then id (the delivery's: the only id the statement reads). */
const DUE_REVIEW_ORDER = keysetColumns.date('latest.review_on', { nullable: false });

function dueReviews(db: Db, on: string) {
  const latest = db
    .selectFrom('disclosureDecision')
    .select(['deliveryId', 'ground', 'reviewOn', 'decidedAt', 'state'])
    .distinctOn('deliveryId')
    .orderBy('deliveryId')
    .orderBy('decidedAt', 'desc')
    .orderBy('id', 'desc')
    .as('latest');
  return db
    .selectFrom(latest)
    .innerJoin('delivery', 'delivery.id', 'latest.deliveryId')
    .where('latest.state', '=', 'confidential')
    .where('latest.reviewOn', '<=', on)
    .where('delivery.deletedAt', 'is', null);
}

/** A page of the deliveries kept confidential whose latest decision asked to look at it again on or before the date. */
export async function dueReviewsPage(db: Db, on: string, start: PageStart, limit: number): Promise<KeysetPage<DueReview>> {
  return readKeysetPage(
    DUE_REVIEW_ORDER,
    false,
    start,
    limit,
    ([walk], _order, limit) =>
      dueReviews(db, on)
        .select(['latest.deliveryId', 'delivery.title', 'latest.ground', 'latest.reviewOn', 'latest.decidedAt'])
        .where(walk!.condition)
        .orderBy(walk!.order)
        .limit(limit)
        .execute() as Promise<DueReview[]>,
    (review) => ({ value: review.reviewOn, id: review.deliveryId }),
  );
}

/** Whether a cursor's position could be a due review's. */
export const isDueReviewPosition = (position: KeysetPosition) => isPositionOf(DUE_REVIEW_ORDER, position);

/** How many deliveries are due for review on the date, counted no further than the lists' cap. */
export async function countDueReviews(db: Db, on: string): Promise<{ count: number; capped: boolean }> {
  return countFoundUpToCap(db, dueReviews(db, on).select(sql<number>`1`.as('one')));
}

/**
 * How many undecided deliveries the letter's figures count at the date: realised by then (not a purchase whose
 * payments were all withdrawn by then), or claimed on the EPF by then, whose claims its EPF figures add up
 * whether or not the delivery is realised. What a letter for that date still needs.
 */
export async function countUndecidedCountedBy(db: Db, date: string): Promise<number> {
  const { count } = await db
    .selectFrom('delivery')
    .select(sql<string>`count(*)`.as('count'))
    .where('disclosureState', '=', 'undecided')
    .where('deletedAt', 'is', null)
    .where((eb) =>
      eb.or([realisedBy(date), eb.exists(eb.selectFrom('epfClaim').select('epfClaim.id').whereRef('epfClaim.deliveryId', '=', 'delivery.id').where('epfClaim.declaredOn', '<=', date))]),
    )
    .executeTakeFirstOrThrow();
  return Number(count);
}

/**
 * Whether a delivery (its id column, e.g. `sql.ref('delivery.id')`) is public only from a date after the
 * given one: its latest decision names a later `publicFrom`. A letter at that date neither lists it nor
 * names its value, so that publishing the letter cannot show it before the decision allows.
 */
export function publicOnlyAfter(deliveryId: RawBuilder<unknown>, date: string): RawBuilder<boolean> {
  return sql<boolean>`exists (
    select from disclosure_decision latest
    where latest.delivery_id = ${deliveryId} and latest.public_from > ${date}::date
      and latest.decided_at = (select max(earlier.decided_at) from disclosure_decision earlier where earlier.delivery_id = ${deliveryId}))`;
}

/**
 * Whether a delivery (its id column, e.g. `sql.ref('delivery.id')`) is public as one of several: another
 * delivery, public and not removed, is known by its public id, decided public with it as one item whose
 * figures the public reads only summed. What is that delivery's alone (its value, a commitment made for it)
 * would give away its part.
 */
export function sharesPublicItem(deliveryId: RawBuilder<unknown>): RawBuilder<boolean> {
  return sql<boolean>`exists (
    select from delivery other join delivery self on self.public_id = other.public_id
    where self.id = ${deliveryId} and other.id <> self.id and other.deleted_at is null and other.disclosure_state = 'public')`;
}
