import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { requestDay, recordAuditEvent, type RequestContext } from '../audit/trail.ts';
import {
  decisionViolations,
  publicCategoryViolations,
  publicItemFigures,
  publicItemViolations,
  publicQuantityAboveDeliveredViolations,
  valueTellsAnotherViolations,
  type DecideAgainReason,
  type DecisionInput,
} from '../domain/disclosure.ts';
import { currentValue, currentValueBasis, type ValuationBasis } from '../domain/delivery.ts';
import { unknownRecords } from '../domain/references.ts';
import * as deliveries from '../db/repositories/deliveries.ts';
import type { KeysetPage, PageStart } from '../db/keyset.ts';
import type { DeliverySummary, StoredDelivery } from '../db/repositories/deliveries.ts';
import { startOfDayInTheHague, todayInAmsterdam, type IsoDate } from '../../common/dates.ts';
import * as disclosure from '../db/repositories/disclosure.ts';
import { companiesCorrectedSinceDecision, type CorrectedCompany } from '../db/repositories/industry.ts';
import type { Database } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { firstPublishedLetterListing, listedByUnpublishedLetter, unpublishedLettersListing } from '../db/repositories/letter-publication.ts';
import { countedMoney, moneyOf } from './delivery-money.ts';
import type { Withdrawal } from '../db/repositories/money.ts';
import { assertValid, assertVersionMatches, NotFoundError, ValidationError, type ExpectedVersion } from './errors.ts';

type Db = Kysely<Database>;

/** How many confidential deliveries due for review a page lists unless asked otherwise, the earliest first. */
export const DUE_REVIEWS_PAGE_SIZE = 100;

/**
 * Decides for one delivery or a selection at once, all or nothing. A decision "public" puts the approved
 * presentation in the public projection (the only place public surfaces read from), as one item for the
 * selection: the quantity it states is what the deliveries hold together, so the public reads them once. A
 * decision "confidential" takes them out of it again. Earlier decisions stay in the history; each one is an audit
 * event. With an expected version (If-Match) of one delivery's decisions, only when none was added since the
 * caller read them.
 */
export async function decide(
  db: Db,
  context: RequestContext,
  deliveryIds: string[],
  decision: DecisionInput,
  expectedVersion?: ExpectedVersion,
): Promise<disclosure.StoredDecision[]> {
  const violations = decisionViolations(decision, requestDay(context));
  const ids = [...new Set(deliveryIds.map((id) => id.toLowerCase()))].sort();
  if (ids.length === 0) violations.push({ field: 'deliveryIds', code: 'required' });
  if (expectedVersion !== undefined && ids.length > 1) violations.push({ field: 'If-Match', code: 'ifMatchForOneDelivery' });
  if (violations.length > 0) throw new ValidationError(violations);
  const decidedAt = context.now().toISOString();
  return inTransaction(db, async (trx) => {
    // Locked in the order of their ids, so that two selections decided at once cannot wait for each other.
    const found = new Map<string, StoredDelivery>();
    for (const deliveryId of ids) {
      const delivery = await deliveries.findDelivery(trx, deliveryId, { forUpdate: true });
      if (delivery) found.set(deliveryId, delivery);
    }
    assertValid(unknownRecords('deliveryIds', 'delivery', deliveryIds, found));
    const presented = [...found.values()];
    if (decision.state === 'public') {
      assertValid([
        ...publicCategoryViolations(decision.presentation.category, presented.map((delivery) => delivery.category)),
        ...publicQuantityAboveDeliveredViolations(decision.presentation.quantity, presented.map((delivery) => delivery.quantity)),
      ]);
    }
    if (expectedVersion !== undefined) assertVersionMatches(expectedVersion, await decisionsVersion(trx, ids[0]!));
    const valueBases = await publicValueBases(trx, decision, presented);
    if (decision.state === 'public') assertValid(publicItemViolations(presented.map((delivery) => ({ supportType: delivery.supportType, publicValueBasis: valueBases.get(delivery.id) ?? null }))));
    if (decision.state === 'public' && decision.openData?.value) assertValid(valueTellsAnotherViolations(presented, await disclosure.deliveriesSummedWith(trx, ids)));
    const publicBefore = new Map<string, string | null>();
    for (const deliveryId of found.keys()) publicBefore.set(deliveryId, await disclosure.publicIdOf(trx, deliveryId));
    const itemId = decision.state === 'public' ? await itemIdFor(trx, [...publicBefore.values()], found) : null;
    if (decision.state === 'public' && decision.publicFrom) await refuseDatedApartFromItsLetter(trx, publicBefore, itemId!, found);
    const decided: disclosure.StoredDecision[] = [];
    const selectionId = randomUUID();
    for (const [deliveryId, delivery] of found) {
      const row = decisionRow(delivery, decision, valueBases.get(deliveryId) ?? null, context, decidedAt);
      await disclosure.insertDecision(trx, row, selectionId);
      await disclosure.setDisclosureState(trx, deliveryId, decision.state, itemId ?? publicBefore.get(deliveryId) ?? null);
      await recordAuditEvent(trx, context, {
        action: 'disclosure.decide',
        object: { type: 'delivery', id: deliveryId },
        result: 'success',
        before: { disclosureState: delivery.disclosureState },
        after: row,
      });
      decided.push(row);
    }
    // The items the deliveries were public in before go with them, or stay for the deliveries left in them.
    for (const publicId of new Set(publicBefore.values())) {
      if (publicId !== null && publicId !== itemId) await refreshPublicItem(trx, publicId);
    }
    if (decision.state === 'public') await putPublicItem(trx, context, itemId!, decision, presented, decidedAt);
    return decided;
  });
}

/**
 * The basis of the value each delivery's decision makes public, by id (null where it keeps the value back). A
 * delivery without a valuation or payment counts for 0: open data would give that as its value, so it is refused.
 */
async function publicValueBases(trx: Db, decision: DecisionInput, presented: readonly StoredDelivery[]): Promise<Map<string, ValuationBasis | null>> {
  const valuePublic = decision.state === 'public' && decision.openData?.value === true;
  const bases = new Map<string, ValuationBasis | null>();
  for (const delivery of presented) {
    if (valuePublic && delivery.currentValueCents === 0) {
      throw new ValidationError([{ field: 'publicValue', code: 'noValueYet', params: { deliveryId: delivery.id, title: delivery.title } }]);
    }
    bases.set(delivery.id, valuePublic ? await currentValueBasisOf(trx, delivery) : null);
  }
  return bases;
}

/**
 * The id the public knows a selection decided public by: the one its deliveries carry already when they are
 * all the deliveries (not removed) that carry it, the same item decided again, which so stays listed by the
 * letters that listed it and visible as it was; else a new one, an item no letter listed yet.
 */
async function itemIdFor(trx: Db, publicBefore: readonly (string | null)[], selection: ReadonlyMap<string, StoredDelivery>): Promise<string> {
  const [shared, ...others] = new Set(publicBefore);
  if (shared && others.length === 0 && (await disclosure.deliveriesKnownAs(trx, shared)).every((id) => selection.has(id))) return shared;
  return randomUUID();
}

/** Puts the public item of a selection decided public, presented as decided, visible as its letters and date say. */
async function putPublicItem(trx: Db, context: RequestContext, publicId: string, decision: DecisionInput & { state: 'public' }, presented: readonly StoredDelivery[], decidedAt: string): Promise<void> {
  const { title, detail, category, quantity } = decision.presentation;
  const firstLetterId = await firstPublishedLetterListing(trx, publicId);
  if (firstLetterId === null) await refusePublicBeforeItsLetter(trx, publicId, presented[0]!.title, decision.publicFrom ?? null, requestDay(context));
  const { visibleFrom, publicFrom } = await visibilityOf(trx, publicId, decision.publicFrom ?? null, decidedAt, firstLetterId !== null);
  await disclosure.putPublicDelivery(trx, {
    visibleFrom,
    publicFrom,
    firstLetterId,
    ...publicItemFigures(await disclosure.publicItemMembers(trx, publicId)),
    publicId,
    title,
    detail,
    category,
    quantity,
    supportType: presented[0]!.supportType,
    decidedOn: requestDay(context),
    isDemonstration: presented.some((delivery) => delivery.isDemonstration),
  });
}

/**
 * A public item some of whose deliveries left it (decided again apart, or removed): it goes with the last of
 * them; otherwise it keeps what it showed, its presentation as decided and its date, but not its value. The
 * public may have read the item before: the sum of the deliveries left, or the latest date of theirs, beside
 * what it read would tell the leaver's value or when it was realised. Where it showed a value, the deliveries
 * left wait in the queue for a new decision (toDecideAgainPage), which cannot make their value public on
 * its own either (valueTellsAnotherViolations).
 */
async function refreshPublicItem(trx: Db, publicId: string): Promise<void> {
  if (!(await disclosure.publicItemHasMembers(trx, publicId))) await disclosure.removePublicDelivery(trx, publicId);
  else await disclosure.withholdPublicItemValue(trx, publicId, 'deliveryLeft');
}

/**
 * A final letter not yet published that lists a delivery first makes it public: a date the decision names that
 * has come already would show the delivery before that letter, so it is refused. (A later date holds the
 * letter's publication back until then, and the delivery waits for that publication: visibilityOf.)
 */
async function refusePublicBeforeItsLetter(trx: Db, publicId: string, title: string, publicFrom: string | null, today: string): Promise<void> {
  if (publicFrom === null || publicFrom > today) return;
  const [letter] = await unpublishedLettersListing(trx, publicId);
  if (letter) throw new ValidationError([{ field: 'publicFrom', code: 'publicBeforeItsLetter', params: { title, referenceDate: letter.referenceDate } }]);
}

/**
 * A delivery that a final letter not yet published is the first to list, under the item the letter names, is
 * shown by that letter's publication. Decided public with a date under another item (apart from the deliveries
 * it was listed with, or together with others), it would be shown from that date, before the letter if the date
 * has come or comes first: refused. Without a date the other item waits for a letter that lists it.
 */
async function refuseDatedApartFromItsLetter(trx: Db, publicBefore: ReadonlyMap<string, string | null>, itemId: string, found: ReadonlyMap<string, StoredDelivery>): Promise<void> {
  // Each item the deliveries left once, by the first of them: a selection of many is mostly of a few items.
  const leaverOf = new Map<string, string>();
  for (const [deliveryId, publicId] of publicBefore) if (publicId !== null && publicId !== itemId && !leaverOf.has(publicId)) leaverOf.set(publicId, deliveryId);
  for (const [publicId, deliveryId] of leaverOf) {
    if ((await firstPublishedLetterListing(trx, publicId)) !== null) continue;
    const [letter] = await unpublishedLettersListing(trx, publicId);
    if (letter) throw new ValidationError([{ field: 'publicFrom', code: 'datedApartBeforeItsLetter', params: { title: found.get(deliveryId)!.title, referenceDate: letter.referenceDate } }]);
  }
}

/**
 * From when public surfaces show a delivery decided public (visibleFrom), and the moment the decision makes it
 * public from (publicFrom). A date the decision names that is still to come: from midnight of that day in The
 * Hague, unless a final letter not yet published is the first to list it, whose publication shows it no earlier
 * than that moment (null until then). Otherwise a delivery shown already stays as it was, its date with it (a
 * decision since moves neither); else a date that has come shows it from the decision, never before it was
 * shown; else at once if a published letter lists it already, or from the publication of the first letter that
 * lists it (null until then).
 */
async function visibilityOf(
  trx: Db,
  publicId: string,
  date: IsoDate | null,
  decidedAt: string,
  listedInPublishedLetter: boolean,
): Promise<{ visibleFrom: string | null; publicFrom: string | null }> {
  const named = date === null ? null : startOfDayInTheHague(date);
  if (named !== null && named > decidedAt) {
    return { visibleFrom: !listedInPublishedLetter && (await listedByUnpublishedLetter(trx, publicId)) ? null : named, publicFrom: named };
  }
  const before = await disclosure.visibilityOfItem(trx, publicId);
  if (before.visibleFrom !== null && before.visibleFrom <= decidedAt) return before;
  if (named !== null) return { visibleFrom: decidedAt, publicFrom: decidedAt };
  return { visibleFrom: listedInPublishedLetter ? decidedAt : null, publicFrom: null };
}

/** The basis of the delivery's current value, from the same money that gave it. */
async function currentValueBasisOf(trx: Db, delivery: StoredDelivery): Promise<ValuationBasis | null> {
  return currentValueBasis(delivery.supportType, countedMoney(await moneyOf(trx, delivery.id)).valuations);
}

/** The decision as stored; a public value is the delivery's value now, with `valueBasis` its basis. */
function decisionRow(delivery: StoredDelivery, decision: DecisionInput, valueBasis: ValuationBasis | null, context: RequestContext, decidedAt: string): disclosure.StoredDecision {
  const isPublic = decision.state === 'public';
  const openData = isPublic ? decision.openData : undefined;
  return {
    id: randomUUID(),
    deliveryId: delivery.id,
    state: decision.state,
    publicTitle: isPublic ? decision.presentation.title : null,
    publicDetail: isPublic ? decision.presentation.detail : null,
    publicCategory: isPublic ? decision.presentation.category : null,
    publicQuantity: isPublic ? decision.presentation.quantity : null,
    publicFrom: isPublic ? (decision.publicFrom ?? null) : null,
    realisedDatePrecision: openData?.realisedDate ?? null,
    publicValueCents: openData?.value ? delivery.currentValueCents : null,
    publicValueBasis: openData?.value ? valueBasis : null,
    ground: isPublic ? null : decision.ground,
    reviewOn: isPublic ? null : decision.reviewOn,
    note: decision.note,
    decidedById: context.actor?.id ?? null,
    decidedByName: context.actor?.username ?? 'unknown',
    decidedAt,
  };
}

/** How many decisions a delivery has: the version of its decisions, which only grows. */
export async function decisionsVersion(db: Db, deliveryId: string): Promise<number> {
  return (await disclosure.listDecisions(db, deliveryId)).length;
}

/**
 * The decisions on a delivery, latest first, with their version, the final letters not yet published that list
 * it, and whether it waits to be decided on again (another delivery left its item): why something stays
 * confidential is itself confidential, so reading it is recorded.
 */
export async function decisionsOf(
  db: Db,
  context: RequestContext,
  deliveryId: string,
): Promise<{ items: disclosure.StoredDecision[]; version: number; awaitingLetters: { id: string; referenceDate: string; letterDate: string }[]; toDecideAgain: boolean; decideAgainReason: DecideAgainReason | null }> {
  return inTransaction(db, async (trx) => {
    if (!(await deliveries.findDelivery(trx, deliveryId))) throw new NotFoundError('delivery', deliveryId);
    const publicId = await disclosure.publicIdOf(trx, deliveryId);
    const [items, awaitingLetters, decideAgainReason] = await Promise.all([
      disclosure.listDecisions(trx, deliveryId),
      publicId ? unpublishedLettersListing(trx, publicId) : [],
      disclosure.decideAgainReasonOf(trx, deliveryId),
    ]);
    await recordAuditEvent(trx, context, { action: 'disclosure.read', object: { type: 'delivery', id: deliveryId }, result: 'success' });
    return { items, version: items.length, awaitingLetters, toDecideAgain: decideAgainReason !== null, decideAgainReason };
  });
}

interface QueueQuery {
  referenceDate: IsoDate;
  start: PageStart;
  pageSize: number;
  reviews: { start: PageStart; pageSize: number };
  decideAgain: { start: PageStart; pageSize: number };
}

interface DisclosureQueue {
  referenceDate: IsoDate;
  /** Undecided deliveries realised on or before the reference date: what the letter still needs. */
  neededForLetter: number;
  /** Undecided deliveries, realised first, a page from its start; counted up to LIST_COUNT_CAP (db/keyset.ts). */
  undecided: KeysetPage<DeliverySummary> & { total: number; totalIsCapped: boolean };
  dueForReview: KeysetPage<disclosure.DueReview> & { total: number; totalIsCapped: boolean };
  /** Public deliveries whose item another delivery left, which gives no value until they are decided again. */
  toDecideAgain: KeysetPage<disclosure.ToDecideAgain> & { total: number; totalIsCapped: boolean };
  /** Companies corrected since the disclosure officer decided on them, which wait for a new decision; all of them (tens at most). */
  correctedCompanies: CorrectedCompany[];
}

/** How many public deliveries whose item another left a page lists unless asked otherwise. */
export const TO_DECIDE_AGAIN_PAGE_SIZE = 100;

/** The order of the undecided deliveries in the queue. */
export const QUEUE_ORDER = { sort: 'realisedAt', descending: false } as const;

/**
 * What waits for a decision: undecided deliveries (realised first), confidential ones due for review, public ones
 * whose item another delivery left, and companies corrected since they were decided on. Reading it is recorded.
 */
export async function disclosureQueue(db: Db, context: RequestContext, { referenceDate, start, pageSize, reviews, decideAgain }: QueueQuery): Promise<DisclosureQueue> {
  return inTransaction(db, async (trx) => {
    const undecidedFilter = { disclosureState: 'undecided' } as const;
    const [page, counted, neededForLetter, dueForReview, dueCounted, toDecideAgain, toDecideAgainCounted, correctedCompanies] = await Promise.all([
      deliveries.listDeliveries(trx, { ...undecidedFilter, ...QUEUE_ORDER, start, limit: pageSize }),
      deliveries.countDeliveries(trx, undecidedFilter),
      disclosure.countUndecidedCountedBy(trx, referenceDate),
      disclosure.dueReviewsPage(trx, referenceDate, reviews.start, reviews.pageSize),
      disclosure.countDueReviews(trx, referenceDate),
      disclosure.toDecideAgainPage(trx, decideAgain.start, decideAgain.pageSize),
      disclosure.countToDecideAgain(trx),
      companiesCorrectedSinceDecision(trx),
    ]);
    await recordAuditEvent(trx, context, { action: 'disclosure.read', object: { type: 'disclosureQueue', id: referenceDate }, result: 'success' });
    return {
      referenceDate,
      neededForLetter,
      undecided: { ...page, total: counted.count, totalIsCapped: counted.capped },
      dueForReview: { ...dueForReview, total: dueCounted.count, totalIsCapped: dueCounted.capped },
      toDecideAgain: { ...toDecideAgain, total: toDecideAgainCounted.count, totalIsCapped: toDecideAgainCounted.capped },
      correctedCompanies,
    };
  });
}

/** Takes a removed delivery out of its public item, in the removal's transaction. */
export async function withdrawFromPublic(db: Db, deliveryId: string): Promise<void> {
  const publicId = await disclosure.publicIdOf(db, deliveryId);
  if (publicId) await refreshPublicItem(db, publicId);
}

/**
 * A public delivery one of whose payments or valuations was just withdrawn (`withdrawal`), in the withdrawal's
 * transaction. Its item's realised date follows its deliveries' (one withdrawn on its own date was never paid), as
 * long as none has left the item. Where the value its decision made public counted the entry (withdrawn by the day
 * of the decision: on the entry's own date, or dated back so), that value was never true: the item withholds it and
 * waits for a new decision, as it does when a delivery leaves it. A withdrawal dated after the decision's day
 * leaves that value, which held then, as a revaluation since does. Gives the id of the item whose value it
 * withheld, or null.
 */
export async function reconsiderAfterWithdrawal(trx: Db, deliveryId: string, withdrawal: Pick<Withdrawal, 'entryId' | 'withdrawnOn'>): Promise<string | null> {
  const delivery = await deliveries.findDelivery(trx, deliveryId);
  const publicId = await disclosure.publicIdOf(trx, deliveryId);
  if (!delivery || delivery.disclosureState !== 'public' || publicId === null) return null;
  // Once a delivery has left the item it keeps the date it showed: the rest's date would tell when they were realised.
  if (!(await disclosure.deliveryLeftPublicItem(trx, publicId))) {
    await disclosure.setPublicItemRealisedOn(trx, publicId, publicItemFigures(await disclosure.publicItemMembers(trx, publicId)).realisedOn);
  }
  const [decision] = await disclosure.listDecisions(trx, deliveryId);
  if (decision?.publicValueCents == null) return null;
  const entries = await moneyOf(trx, deliveryId);
  const others = entries.withdrawals.filter((other) => other.entryId !== withdrawal.entryId);
  const valueAtDecision = (withdrawals: readonly Pick<Withdrawal, 'entryId' | 'withdrawnOn'>[]) => {
    const decidedAt = new Date(decision.decidedAt).getTime();
    const decidedOn = todayInAmsterdam(new Date(decidedAt));
    const withdrawn = new Set(withdrawals.filter((other) => other.withdrawnOn <= decidedOn).map((other) => other.entryId));
    const known = <T extends { id: string; recordedAt: string }>(recorded: readonly T[]) => recorded.filter((entry) => new Date(entry.recordedAt).getTime() <= decidedAt && !withdrawn.has(entry.id));
    return currentValue(delivery.supportType, known(entries.valuations), known(entries.payments));
  };
  if (valueAtDecision(others) === valueAtDecision([...others, withdrawal])) return null;
  await disclosure.withholdPublicItemValue(trx, publicId, 'valueWithdrawn');
  return publicId;
}
