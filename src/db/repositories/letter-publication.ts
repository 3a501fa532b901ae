/**
 * The embargo and the review of letters: publication records, the publication itself (the public copy of
 * the letter and of the deliveries it first lists), and the review history of drafts.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import { withTypedErrors } from '../errors.ts';
import { sharesPublicItem } from './disclosure.ts';
import type { NumberedLetter } from '../../domain/letter.ts';
import type { Database, LetterPublicationTable, LetterReviewTable, PublicDeliveryTable } from '../schema.ts';

type Db = Kysely<Database>;

export type PublicationRecord = Selectable<LetterPublicationTable>;

export async function insertPublicationRecord(db: Db, record: PublicationRecord): Promise<void> {
  await db.insertInto('letterPublication').values(record).execute();
}

/** The publication details as recorded and corrected, the latest first. */
export async function publicationHistory(db: Db, letterId: string): Promise<PublicationRecord[]> {
  return db.selectFrom('letterPublication').selectAll().where('letterId', '=', letterId).orderBy('recordedAt', 'desc').orderBy('id', 'desc').execute();
}

/** The unique index that keeps each letter's paper number its own (migration 044). */
export const UNIQUE_PAPER_NUMBER = 'letter_paper_number_unique';

/** The details on the letter and, once published, on its public copy. A number another letter carries raises UniqueViolationError. */
export async function setPublicationDetails(db: Db, letterId: string, details: { paperNumber: string; publishedOn: string; publishAt?: string }): Promise<void> {
  await withTypedErrors(db.updateTable('letter').set({ ...details, version: sql`version + 1` }).where('id', '=', letterId).execute());
  const { paperNumber, publishedOn } = details;
  await db.updateTable('publicLetter').set({ paperNumber, publishedOn }).where('id', '=', letterId).execute();
}

/** The other letters that carry a paper number, with their dates. */
export async function otherNumberedLetters(db: Db, letterId: string): Promise<NumberedLetter[]> {
  const rows = await db.selectFrom('letter').select(['referenceDate', 'letterDate', 'paperNumber']).where('paperNumber', 'is not', null).where('id', '<>', letterId).execute();
  // A letter is numbered once sent, and sent only with its date.
  return rows.map((row) => ({ referenceDate: row.referenceDate, letterDate: row.letterDate!, paperNumber: row.paperNumber! }));
}

export async function markSent(db: Db, letterId: string, sent: { sentAt: string; sentByName: string }): Promise<void> {
  await db.updateTable('letter').set({ ...sent, version: sql`version + 1` }).where('id', '=', letterId).where('sentAt', 'is', null).execute();
}

/**
 * Withdraws a final letter never sent. A delivery it was the first to list whose decision named a moment it is
 * public from waited for this letter's publication to be shown (visibleFrom null); no letter lists it before
 * another is published, so it is shown from that moment as its decision says, never before now, as if this
 * letter had never listed it.
 */
export async function markWithdrawn(db: Db, letterId: string, withdrawal: { withdrawnAt: string; withdrawnByName: string; withdrawalReason: string }): Promise<void> {
  await db
    .updateTable('letter')
    .set({ status: 'withdrawn', ...withdrawal, version: sql`version + 1` })
    .where('id', '=', letterId)
    .where('status', '=', 'final')
    .where('sentAt', 'is', null)
    .execute();
  const waiting = await db
    .selectFrom('publicDelivery')
    .select('publicId')
    .where('firstLetterId', 'is', null)
    .where('visibleFrom', 'is', null)
    .where('publicFrom', 'is not', null)
    .where('publicId', 'in', db.selectFrom('letterOverviewItem').select('publicId').where('letterId', '=', letterId))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('letterOverviewItem as listed')
            .innerJoin('letter', 'letter.id', 'listed.letterId')
            .whereRef('listed.publicId', '=', 'publicDelivery.publicId')
            .where('letter.status', '=', 'final')
            .where('letter.publishedAt', 'is', null),
        ),
      ),
    )
    .execute();
  // Only when there are: every statement on public_delivery changes the version the public files are known by.
  if (waiting.length === 0) return;
  await db
    .updateTable('publicDelivery')
    .set({ visibleFrom: sql<string>`greatest(${withdrawal.withdrawnAt}::timestamptz, public_from)` })
    .where('publicId', 'in', waiting.map((row) => row.publicId))
    .execute();
}

/** Takes back a scheduled publication that cannot go ahead: the letter waits for its publication to be recorded again. */
export async function unschedule(db: Db, letterId: string): Promise<void> {
  await db.updateTable('letter').set({ publishAt: null, version: sql`version + 1` }).where('id', '=', letterId).execute();
}

/** How the deliveries are public now (by the ids the public knows them by); one not decided public has no row. */
export async function publicPresentations(
  db: Db,
  publicIds: string[],
): Promise<Pick<Selectable<PublicDeliveryTable>, 'publicId' | 'title' | 'detail' | 'category' | 'supportType' | 'quantity' | 'publicFrom' | 'valueCents'>[]> {
  if (publicIds.length === 0) return [];
  return db
    .selectFrom('publicDelivery')
    .select(['publicId', 'title', 'detail', 'category', 'supportType', 'quantity', 'publicFrom', 'valueCents'])
    // As one array: a first letter may list more deliveries than a statement takes parameters.
    .where('publicId', '=', sql<string>`any(${publicIds}::uuid[])`)
    .execute();
}

/**
 * The deliveries (by the ids the public knows them by) of the commitments, by id, that are for a delivery: a
 * letter that names such a commitment's amount names that delivery's money. Null for a delivery not public now
 * (never, no longer, or removed): the item it was public in may stay for others. With whether it is public as
 * one of several, whose part the amount would tell.
 */
export async function commitmentDeliveries(db: Db, commitmentIds: string[]): Promise<{ commitmentId: string; publicId: string | null; partOfPublicItem: boolean }[]> {
  if (commitmentIds.length === 0) return [];
  return db
    .selectFrom('budgetCommitment')
    .innerJoin('delivery', 'delivery.id', 'budgetCommitment.deliveryId')
    .select((eb) => [
      'budgetCommitment.id as commitmentId',
      eb.case().when(eb.and([eb('delivery.disclosureState', '=', 'public'), eb('delivery.deletedAt', 'is', null)])).then(eb.ref('delivery.publicId')).end().as('publicId'),
      sharesPublicItem(sql.ref('delivery.id')).as('partOfPublicItem'),
    ])
    .where('budgetCommitment.id', 'in', commitmentIds)
    .execute();
}

/** Letters whose scheduled publication has come and that are not published yet, the earliest first. */
export async function dueForPublication(db: Db, now: string): Promise<string[]> {
  const rows = await db
    .selectFrom('letter')
    .select('id')
    .where('publishAt', '<=', now)
    .where('publishedAt', 'is', null)
    .orderBy('publishAt')
    .execute();
  return rows.map((row) => row.id);
}

/**
 * Publishes a final letter: its public copy is written, and the deliveries its overview lists for the first
 * time become visible, unless a decision named the moment they do: earlier, or later (a decision since the
 * letter was finalised may have made the delivery public only from a later date, its presentation, value and
 * dates with it). One that waited for this letter with a decided moment becomes visible at the later of the two.
 */
export async function publish(
  db: Db,
  letter: { id: string; referenceDate: string; letterDate: string; paperNumber: string; publishedOn: string; isDemonstration: boolean },
  publishedAt: string,
): Promise<void> {
  const frozen = await db.selectFrom('letter').select(['publicSnapshot', 'publicSha256']).where('id', '=', letter.id).executeTakeFirstOrThrow();
  await db
    .insertInto('publicLetter')
    .values({ ...letter, snapshot: frozen.publicSnapshot!, sha256: frozen.publicSha256! })
    .execute();
  await db.updateTable('letter').set({ publishedAt, version: sql`version + 1` }).where('id', '=', letter.id).execute();
  const listed = db.selectFrom('letterOverviewItem').select('publicId').where('letterId', '=', letter.id);
  // What the letter lists becomes visible now and names it as the first letter, unless already so.
  await db
    .updateTable('publicDelivery')
    .set((eb) => ({
      visibleFrom: eb.fn.coalesce('visibleFrom', sql<string>`greatest(${publishedAt}::timestamptz, public_from)`),
      firstLetterId: eb.fn.coalesce('firstLetterId', eb.val(letter.id)),
    }))
    .where('publicId', 'in', listed)
    .where((eb) => eb.or([eb('visibleFrom', 'is', null), eb('firstLetterId', 'is', null)]))
    .execute();
}

/** The first published letter whose overview lists the delivery (by the id the public knows it by), if any. */
export async function firstPublishedLetterListing(db: Db, publicId: string): Promise<string | null> {
  const row = await db
    .selectFrom('letterOverviewItem as listed')
    .innerJoin('publicLetter', 'publicLetter.id', 'listed.letterId')
    .select('publicLetter.id')
    .where('listed.publicId', '=', publicId)
    .orderBy('publicLetter.referenceDate')
    .limit(1)
    .executeTakeFirst();
  return row?.id ?? null;
}

/**
 * Whether the overview of a final letter not yet published lists the delivery (by the id the public knows it by):
 * where no published letter lists it, that letter is the first to, and its publication shows it.
 */
export async function listedByUnpublishedLetter(db: Db, publicId: string): Promise<boolean> {
  const row = await db
    .selectFrom('letterOverviewItem as listed')
    .innerJoin('letter', 'letter.id', 'listed.letterId')
    .select('letter.id')
    .where('listed.publicId', '=', publicId)
    .where('letter.status', '=', 'final')
    .where('letter.publishedAt', 'is', null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The final letters not yet published whose public text lists the delivery or names its value (by the id the
 * public knows it by), or whose text names the amount of a commitment for it, the earliest first.
 */
export async function unpublishedLettersListing(db: Db, publicId: string): Promise<{ id: string; referenceDate: string; letterDate: string }[]> {
  const rows = await db
    .selectFrom('letter')
    .select(['id', 'referenceDate', 'letterDate'])
    .where('status', '=', 'final')
    .where('publishedAt', 'is', null)
    .where((eb) =>
      eb.or([
        sql<boolean>`position(${publicId} in public_snapshot) > 0`,
        eb.exists(
          eb
            .selectFrom('budgetCommitment')
            .innerJoin('delivery', 'delivery.id', 'budgetCommitment.deliveryId')
            .select('budgetCommitment.id')
            .where('delivery.publicId', '=', publicId)
            // The public text names a commitment by its place in the text, which is frozen with the letter under its id.
            .where(sql<boolean>`position('budgetCommitment:' || budget_commitment.id::text in letter.blocks::text) > 0`),
        ),
      ]),
    )
    .orderBy('referenceDate')
    .execute();
  return rows.map((row) => ({ ...row, letterDate: row.letterDate! }));
}

export type ReviewRecord = Selectable<LetterReviewTable>;

export async function insertReview(db: Db, review: ReviewRecord): Promise<void> {
  await db.insertInto('letterReview').values(review).execute();
}

export async function reviewHistory(db: Db, letterId: string): Promise<ReviewRecord[]> {
  return db.selectFrom('letterReview').selectAll().where('letterId', '=', letterId).orderBy('at', 'desc').orderBy('id', 'desc').execute();
}

/** Submits a draft for approval, or ends the submission (withdrawn; rejected, which also ends an approval). */
export async function setSubmission(
  db: Db,
  letterId: string,
  submission: { submittedAt: string; submittedByName: string } | 'withdrawn' | 'rejected',
): Promise<void> {
  const change =
    submission === 'withdrawn'
      ? { submittedAt: null, submittedByName: null }
      : submission === 'rejected'
        ? { submittedAt: null, submittedByName: null, approvedSha256: null, approvedByName: null, approvedAt: null }
        : submission;
  await db.updateTable('letter').set({ ...change, version: sql`version + 1` }).where('id', '=', letterId).where('status', '=', 'draft').execute();
}

export async function deleteDraft(db: Db, letterId: string): Promise<void> {
  await db.deleteFrom('letter').where('id', '=', letterId).where('status', '=', 'draft').execute();
}

/** Whether a draft for this reference date exists already. */
export async function draftExistsFor(db: Db, referenceDate: string): Promise<boolean> {
  const row = await db.selectFrom('letter').select('id').where('status', '=', 'draft').where('referenceDate', '=', referenceDate).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** The latest reference date of a draft, if any: the letter being written. */
export async function latestDraftReferenceDate(db: Db): Promise<string | null> {
  const row = await db.selectFrom('letter').select('referenceDate').where('status', '=', 'draft').orderBy('referenceDate', 'desc').limit(1).executeTakeFirst();
  return row?.referenceDate ?? null;
}

/** The latest reference date of a final letter, if any. */
export async function latestFinalReferenceDate(db: Db): Promise<string | null> {
  const row = await db.selectFrom('letter').select('referenceDate').where('status', '=', 'final').orderBy('referenceDate', 'desc').limit(1).executeTakeFirst();
  return row?.referenceDate ?? null;
}
