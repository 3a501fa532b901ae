/**
 * The embargo: a final letter is sent to parliament, and published only when its publication is recorded
 * (at once, or at a scheduled moment that the server's publication timer keeps). Until then nothing of
 * it, and no delivery that it is the first to list, is on any public surface. Publication details can be
 * corrected; every record and correction is kept and audited, and the letter's frozen text never changes.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { actorName, recordAuditEvent, requestDay, type RequestContext } from '../audit/trail.ts';
import { todayInAmsterdam, type IsoDate } from '../../common/dates.ts';
import { PAPER_NUMBER_PATTERN } from '../../common/paper-number.ts';
import { publishedBeforeLetterDate } from '../../common/publication-date.ts';
import type { RuleViolation } from '../domain/delivery.ts';
import { paperNumberOrderViolations, sendingViolations } from '../domain/letter.ts';
import { pastDateViolations, plannedDateViolations, textViolations } from '../domain/plausibility.ts';
import { UniqueViolationError } from '../db/errors.ts';
import * as publication from '../db/repositories/letter-publication.ts';
import { lockLetterSending, type StoredLetter } from '../db/repositories/letters.ts';
import { deliveryValueText, figureId, listedItems, type OverviewItem } from '../letters/snapshot.ts';
import { figureNames } from '../letters/narrative.ts';
import type { Database } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { assertValid, ValidationError, type ExpectedVersion } from './errors.ts';
import { existing, getLetter, letterAt, type LetterView } from './letters.ts';

type Db = Kysely<Database>;

/** The longest reason of a correction, as the API takes it. */
const MAX_CORRECTION_REASON = 2000;

interface PublicationDetails {
  paperNumber: string;
  publishedOn: string;
}

/** Details as parliament published them: a paper number in its form, and a date from the letter's date up to today. */
function detailViolations(letter: StoredLetter, details: PublicationDetails, today: IsoDate): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (!PAPER_NUMBER_PATTERN.test(details.paperNumber)) violations.push({ field: 'paperNumber', code: 'paperNumberFormat' });
  if (publishedBeforeLetterDate(details.publishedOn, letter.letterDate)) {
    violations.push({ field: 'publishedOn', code: 'publishedBeforeLetterDate', params: { letterDate: letter.letterDate! } });
  } else violations.push(...pastDateViolations('publishedOn', details.publishedOn, today));
  return violations;
}

/**
 * Parliament gives each letter a paper number of its own, in the order the letters of a dossier come in: one
 * another letter carries names that letter, as does one out of the order of the letters' dates.
 */
async function paperNumberViolations(db: Db, letter: StoredLetter, paperNumber: string): Promise<RuleViolation[]> {
  const others = await publication.otherNumberedLetters(db, letter.id);
  const taken = others.find((other) => other.paperNumber === paperNumber);
  if (taken) return [{ field: 'paperNumber', code: 'paperNumberTaken', params: { referenceDate: taken.referenceDate } }];
  return paperNumberOrderViolations(letter.letterDate!, paperNumber, others);
}

/**
 * Sets the details on the letter. Another letter given the same number at the same moment passed the
 * check too: the database's unique index refuses the second, which is told so as the check tells it. The
 * savepoint keeps the transaction open to name that letter.
 */
async function setDetails(trx: Db, letter: StoredLetter, details: Parameters<typeof publication.setPublicationDetails>[2]): Promise<void> {
  await sql`savepoint paper_number`.execute(trx);
  try {
    await publication.setPublicationDetails(trx, letter.id, details);
  } catch (error) {
    if (!(error instanceof UniqueViolationError && error.constraint === publication.UNIQUE_PAPER_NUMBER)) throw error;
    await sql`rollback to savepoint paper_number`.execute(trx);
    const taken = await paperNumberViolations(trx, letter, details.paperNumber);
    throw taken.length > 0 ? new ValidationError(taken) : error;
  }
  await sql`release savepoint paper_number`.execute(trx);
}

/**
 * How long ago a scheduled moment may be and still be taken, as now: the clock of the browser it was chosen
 * in may run behind, and the author may take a moment to confirm. A moment longer ago is refused, not
 * published at once under the moment the author confirmed.
 */
const PASSED_MOMENT_GRACE_MS = 5 * 60_000;

/** A publication is scheduled for a moment that exists, has not passed, and is no further ahead than any plan. */
function scheduleViolations(publishAt: Date, now: Date): RuleViolation[] {
  if (Number.isNaN(publishAt.getTime())) return [{ field: 'publishAt', code: 'invalidValue' }];
  if (publishAt.getTime() < now.getTime() - PASSED_MOMENT_GRACE_MS) return [{ field: 'publishAt', code: 'momentPassed' }];
  return plannedDateViolations('publishAt', todayInAmsterdam(publishAt), todayInAmsterdam(now));
}

/** Whether the letter is published, or its publication is scheduled, by the moment (ISO text). */
function isPublicBy(letter: StoredLetter, moment: string): boolean {
  return letter.publishedAt !== null || (letter.publishAt !== null && Date.parse(letter.publishAt) <= Date.parse(moment));
}

/** A letter is sent and published only as final: not a draft, and not once withdrawn. */
function refuseUnlessFinal(letter: StoredLetter): void {
  if (letter.status !== 'final') throw new ValidationError([{ field: 'status', code: letter.status === 'withdrawn' ? 'letterIsWithdrawn' : 'notFinal' }]);
}

function refuseUnlessSent(letter: StoredLetter): void {
  refuseUnlessFinal(letter);
  if (letter.sentAt === null) throw new ValidationError([{ field: 'status', code: 'notSent' }]);
}

/**
 * Records that the final letter went to parliament: from now on it is under embargo until published, and a change dated
 * in its period is a warning to confirm. It is recorded once the changes judged against the letter sent before it have
 * committed, and those judged meanwhile wait for it (lockLetterSending).
 */
export async function sendLetter(db: Db, context: RequestContext, id: string, expectedVersion: ExpectedVersion): Promise<LetterView> {
  return inTransaction(db, async (trx) => {
    await lockLetterSending(trx);
    const current = await letterAt(trx, id, expectedVersion);
    refuseUnlessFinal(current);
    if (current.sentAt !== null) throw new ValidationError([{ field: 'status', code: 'alreadySent' }]);
    assertValid(sendingViolations(current, requestDay(context)));
    const sentAt = context.now().toISOString();
    await publication.markSent(trx, id, { sentAt, sentByName: actorName(context) });
    await recordAuditEvent(trx, context, { action: 'letter.send', object: { type: 'letter', id }, result: 'success', after: { sentAt } });
    return getLetter(trx, id, context.now());
  });
}

/**
 * Records the paper number and the publication date, and publishes the letter at once or, with a later
 * `publishAt`, schedules its publication. The details are recorded once; later changes are corrections.
 */
export async function recordPublication(
  db: Db,
  context: RequestContext,
  id: string,
  expectedVersion: ExpectedVersion,
  details: PublicationDetails & { publishAt?: string | undefined },
): Promise<LetterView> {
  return inTransaction(db, async (trx) => {
    const current = await letterAt(trx, id, expectedVersion);
    refuseUnlessSent(current);
    if (current.publishAt !== null) throw new ValidationError([{ field: 'paperNumber', code: 'alreadySet' }]);
    const now = context.now();
    const today = todayInAmsterdam(now);
    const publishAt = details.publishAt === undefined ? now : new Date(details.publishAt);
    const violations = [...detailViolations(current, details, today), ...(await paperNumberViolations(trx, current, details.paperNumber)), ...scheduleViolations(publishAt, now)];
    if (violations.length > 0) throw new ValidationError(violations);
    const at = (publishAt > now ? publishAt : now).toISOString();
    // The letter prints the previous letter's figures and names it: published before it, it would make that
    // letter public before its own publication. Letters are published in the order of their dates.
    const previous = current.previousLetterId === null ? undefined : await existing(trx, current.previousLetterId);
    if (previous && !isPublicBy(previous, at)) {
      throw new ValidationError([{ field: 'publishAt', code: 'previousLetterNotPublished', params: { date: previous.referenceDate } }]);
    }
    const listing = await listingViolations(trx, current, at);
    if (listing.length > 0) throw new ValidationError(listing);
    const { paperNumber, publishedOn } = details;
    await publication.insertPublicationRecord(trx, {
      id: randomUUID(), letterId: id, paperNumber, publishedOn, reason: '', recordedByName: actorName(context), recordedAt: now.toISOString(),
    });
    await setDetails(trx, current, { paperNumber, publishedOn, publishAt: at });
    await recordAuditEvent(trx, context, { action: 'letter.publication', object: { type: 'letter', id }, result: 'success', after: { paperNumber, publishedOn, publishAt: at } });
    if (publishAt <= now) {
      const refused = await publishNow(trx, context, id);
      if (refused.length > 0) throw new ValidationError(refused);
    }
    return getLetter(trx, id, now);
  });
}

/** Corrects recorded publication details: the earlier record stays, the letter and its public copy carry the new one. */
export async function correctPublication(
  db: Db,
  context: RequestContext,
  id: string,
  expectedVersion: ExpectedVersion,
  correction: PublicationDetails & { reason: string },
): Promise<LetterView> {
  return inTransaction(db, async (trx) => {
    const current = await letterAt(trx, id, expectedVersion);
    refuseUnlessSent(current);
    if (current.paperNumber === null || current.publishedOn === null || current.publishAt === null) {
      throw new ValidationError([{ field: 'paperNumber', code: 'notRecorded' }]);
    }
    const now = context.now();
    const violations = [...detailViolations(current, correction, todayInAmsterdam(now)), ...(await paperNumberViolations(trx, current, correction.paperNumber))];
    violations.push(...textViolations('reason', correction.reason, { maximum: MAX_CORRECTION_REASON, required: true }));
    if (correction.paperNumber === current.paperNumber && correction.publishedOn === current.publishedOn) violations.push({ field: 'paperNumber', code: 'unchanged' });
    if (violations.length > 0) throw new ValidationError(violations);
    const { paperNumber, publishedOn, reason } = correction;
    await publication.insertPublicationRecord(trx, {
      id: randomUUID(), letterId: id, paperNumber, publishedOn, reason, recordedByName: actorName(context), recordedAt: now.toISOString(),
    });
    await setDetails(trx, current, { paperNumber, publishedOn });
    await recordAuditEvent(trx, context, {
      action: 'letter.publicationCorrection',
      object: { type: 'letter', id },
      result: 'success',
      before: { paperNumber: current.paperNumber, publishedOn: current.publishedOn },
      after: { paperNumber, publishedOn, reason },
    });
    return getLetter(trx, id, now);
  });
}

/**
 * What keeps a final letter from being published at the moment: it lists a delivery, or names its value (or the
 * amount of a commitment for it), that a decision since it became final took out of public view or makes public
 * only from a later date, it lists one presented otherwise than it is public now, it prints a delivery's value
 * other than the one a decision since makes public, or the amount of a commitment for a delivery a decision since
 * made public as one of several. The letter never changes, so it waits for the decisions.
 */
async function listingViolations(trx: Db, letter: StoredLetter, moment: string): Promise<RuleViolation[]> {
  const snapshot = letter.publicSnapshot!;
  const listed = listedItems(snapshot);
  // The letter prints a commitment under a public name: its id is in the text frozen with it.
  const commitments = await publication.commitmentDeliveries(trx, namedIds(figureNames(letter.blocks), 'budgetCommitment'));
  const namedDeliveries = namedIds(Object.keys(snapshot.namedFigures ?? {}), 'delivery').map((publicId) => ({ publicId, title: `{{delivery:${publicId}}}`, printed: snapshot.namedFigures![`delivery:${publicId}`]! }));
  const named = [
    ...namedDeliveries,
    // A delivery never public is known by the commitment's id, under which nothing is public.
    ...commitments.map(({ commitmentId, publicId, partOfPublicItem }) => ({ publicId: publicId ?? commitmentId, title: `{{budgetCommitment:${commitmentId}}}`, partOfPublicItem })),
  ];
  const current = new Map((await publication.publicPresentations(trx, [...listed, ...named].map((item) => item.publicId))).map((row) => [row.publicId, row]));
  // One violation per delivery, under its public id: a form lists each of them.
  const violation = (item: { publicId: string }, code: string, params: Record<string, string>): RuleViolation[] => [{ field: `overview.${item.publicId}`, code, params }];
  const publicAtTheMoment = (item: { publicId: string; title: string }): RuleViolation[] => {
    const now = current.get(item.publicId);
    if (!now) return violation(item, 'listedNotPublic', { title: item.title });
    if (now.publicFrom !== null && Date.parse(now.publicFrom) > Date.parse(moment)) {
      return violation(item, 'listedPublicFrom', { title: item.title, date: todayInAmsterdam(new Date(now.publicFrom)) });
    }
    return [];
  };
  const presentedAsListed = (item: OverviewItem): RuleViolation[] => {
    const now = current.get(item.publicId);
    const same = now && now.title === item.title && now.detail === item.detail && now.category === item.category && now.supportType === item.supportType && now.quantity === item.quantity;
    return now && !same ? violation(item, 'listedPresentedOtherwise', { title: item.title }) : [];
  };
  const valueStillPublic = (item: { publicId: string }): RuleViolation[] => {
    const now = current.get(item.publicId);
    return now && now.valueCents === null ? violation(item, 'namedValueNotPublic', { title: now.title }) : [];
  };
  // What is one delivery's alone would tell its part of the item the public reads only as a whole.
  const publicOnItsOwn = (item: { publicId: string; title: string; partOfPublicItem?: boolean }): RuleViolation[] => {
    const now = current.get(item.publicId);
    return now && item.partOfPublicItem ? violation(item, 'namedPartOfPublicItem', { name: item.title, title: now.title }) : [];
  };
  // The letter keeps a value only as it printed it: the value decided public since must print the same.
  const valueAsDecided = (item: { publicId: string; printed: string }): RuleViolation[] => {
    const now = current.get(item.publicId);
    if (!now || now.valueCents === null) return [];
    const decided = deliveryValueText(now.valueCents, snapshot.format);
    return decided === item.printed ? [] : violation(item, 'namedValueNotAsDecided', { title: now.title, printed: item.printed, decided });
  };
  return [
    ...listed.flatMap((item) => [...publicAtTheMoment(item), ...presentedAsListed(item)]),
    ...named.flatMap((item) => [...publicAtTheMoment(item), ...valueStillPublic(item), ...publicOnItsOwn(item)]),
    ...namedDeliveries.flatMap(valueAsDecided),
  ];
}

/** The ids in the names of a kind of named figure (`delivery:ID`, `budgetCommitment:ID`, `budgetCommitment:ID.year`), each once. */
function namedIds(names: readonly string[], kind: string): string[] {
  return [...new Set(names.filter((name) => name.startsWith(`${kind}:`)).map((name) => figureId(name.slice(kind.length + 1))))];
}

/**
 * Publishes a letter whose moment has come: its public copy, and the deliveries it first lists. A scheduled
 * publication that can no longer go ahead is taken back, audited with the reasons, and waits for a person to
 * record it again. Returns those reasons, none when the letter is published.
 */
async function publishNow(trx: Db, context: RequestContext, id: string): Promise<RuleViolation[]> {
  const letter = await existing(trx, id, { forUpdate: true });
  if (letter.publishedAt !== null) return [];
  const publishedAt = context.now().toISOString();
  const violations = await publicationViolations(trx, context, letter, publishedAt);
  if (violations.length > 0) {
    await publication.unschedule(trx, id);
    await recordAuditEvent(trx, context, { action: 'letter.publicationHeld', object: { type: 'letter', id }, result: 'denied', before: { publishAt: letter.publishAt }, detail: { violations } });
    return violations;
  }
  const listed = listedItems(letter.publicSnapshot!).length;
  await publication.publish(
    trx,
    {
      id,
      referenceDate: letter.referenceDate,
      letterDate: letter.letterDate!,
      paperNumber: letter.paperNumber!,
      publishedOn: letter.publishedOn!,
      isDemonstration: letter.isDemonstration,
    },
    publishedAt,
  );
  await recordAuditEvent(trx, context, { action: 'letter.publish', object: { type: 'letter', id }, result: 'success', after: { publishedAt, deliveries: listed } });
  return [];
}

/** Why the letter cannot be published at the moment: the letter it follows is not (its moment has not come, or it is held), or what it lists. */
async function publicationViolations(trx: Db, context: RequestContext, letter: StoredLetter, moment: string): Promise<RuleViolation[]> {
  if (letter.previousLetterId !== null) {
    // The previous letter goes first: this one prints its figures.
    const previous = await existing(trx, letter.previousLetterId, { forUpdate: true });
    if (!isPublicBy(previous, moment) || (await publishNow(trx, context, previous.id)).length > 0) {
      return [{ field: 'publishAt', code: 'previousLetterNotPublished', params: { date: previous.referenceDate } }];
    }
  }
  return listingViolations(trx, letter, moment);
}

/** A scheduled publication that was taken back when its moment came, and why. */
export interface HeldPublication {
  letterId: string;
  referenceDate: IsoDate;
  violations: RuleViolation[];
}

/** Publishes every letter whose scheduled moment has passed; what the server does by itself. Returns the publications it held back. */
export async function publishDueLetters(db: Db, context: RequestContext): Promise<HeldPublication[]> {
  const due = await publication.dueForPublication(db, context.now().toISOString());
  const held: HeldPublication[] = [];
  for (const id of due) {
    const violations = await inTransaction(db, (trx) => publishNow(trx, context, id));
    if (violations.length > 0) held.push({ letterId: id, referenceDate: (await existing(db, id)).referenceDate, violations });
  }
  return held;
}
