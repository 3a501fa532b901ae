import { sql, type Kysely, type Selectable, type Updateable } from 'kysely';
import { z } from 'zod';
import { LETTER_STATUSES, type LetterStatus } from '../../domain/letter.ts';
import type { SentLetter } from '../../domain/sent-letter-period.ts';
import type { Cents } from '../../../common/money.ts';
import { AnnexRowSchema, AnnexSnapshotSchema, type AnnexRow, type AnnexSnapshot } from '../../letters/compose.ts';
import type { NamedDeliveryFacts } from '../../letters/named-deliveries.ts';
import { NarrativeBlocksSchema, type NarrativeBlock } from '../../letters/narrative.ts';
import { FigureLineSchema, OverviewItemSchema, PublicLetterSnapshotSchema, type FigureLine, type LetterheadFields, type OverviewItem, type PublicLetterSnapshot } from '../../letters/snapshot.ts';
import { MadeOnce } from '../../made-once.ts';
import { withTypedErrors } from '../errors.ts';
import { publicOnlyAfter, sharesPublicItem } from './disclosure.ts';
import { realisedBy, valuesAt } from './figures.ts';
import type { Database, LetterTable } from '../schema.ts';
import { parseStoredJson } from '../stored-json.ts';

type Db = Kysely<Database>;

/** Only one final letter per reference date (the unique violation of finalising a second one names it). */
export const ONE_FINAL_PER_REFERENCE_DATE = 'letter_one_final_per_reference_date';

/**
 * A letter as stored, its JSON checked: the text blocks and, once final, the public letter as frozen.
 * The frozen annex is read on its own (findFrozenAnnex): it is large and confidential.
 */
export interface StoredLetter extends Omit<Selectable<LetterTable>, 'status' | 'blocks' | 'publicSnapshot' | 'annexSnapshot' | 'figureLines'> {
  status: LetterStatus;
  blocks: NarrativeBlock[];
  publicSnapshot: PublicLetterSnapshot | null;
}

const LETTER_COLUMNS = [
  'id', 'referenceDate', 'letterDate', 'previousLetterId', 'status', 'blocks', 'publicSha256', 'annexSha256', 'paperNumber',
  'publishedOn', 'createdByName', 'finalisedByName', 'finalisedAt', 'approvedSha256', 'approvedByName', 'approvedAt', 'isDemonstration', 'version', 'createdAt',
  'submittedAt', 'submittedByName', 'sentAt', 'sentByName', 'publishAt', 'publishedAt', 'withdrawnAt', 'withdrawnByName', 'withdrawalReason',
  'wordmark', 'signatoryName', 'signatoryTitle',
] as const;

const StatusSchema = z.enum(LETTER_STATUSES);

type LetterRow = Omit<Selectable<LetterTable>, 'publicSnapshot' | 'annexSnapshot' | 'figureLines'>;

async function checked(db: Db, row: LetterRow): Promise<StoredLetter> {
  return {
    ...row,
    status: StatusSchema.parse(row.status),
    blocks: NarrativeBlocksSchema.parse(row.blocks),
    publicSnapshot: row.publicSha256 === null ? null : await frozenPublicLetter(db, { id: row.id, publicSha256: row.publicSha256 }),
  };
}

/** Enough for every final letter of many years, as the comparison of letters reads them all. */
const MAX_KEPT_LETTERS = 64;

/**
 * The public letters of final letters read so far, by id and the SHA-256 of the frozen text: parsed once,
 * and not read again (a large register's first letter is tens of megabytes). A frozen text never changes
 * under its hash; `letter verify` checks the text against it.
 */
const frozenPublicLetters = new MadeOnce<PublicLetterSnapshot>(MAX_KEPT_LETTERS);

function frozenPublicLetter(db: Db, letter: { id: string; publicSha256: string }): Promise<PublicLetterSnapshot> {
  return frozenPublicLetters.get(`${letter.id} ${letter.publicSha256}`, async () => {
    const { publicSnapshot } = await db.selectFrom('letter').select('publicSnapshot').where('id', '=', letter.id).executeTakeFirstOrThrow();
    return parseStoredJson(PublicLetterSnapshotSchema, publicSnapshot!);
  });
}

export async function insertDraft(
  db: Db,
  draft: Pick<StoredLetter, 'id' | 'referenceDate' | 'letterDate' | 'blocks' | 'createdByName' | 'isDemonstration' | 'createdAt'> & Partial<LetterheadFields>,
): Promise<StoredLetter> {
  const row = await db
    .insertInto('letter')
    .values({ ...draft, status: 'draft', blocks: JSON.stringify(draft.blocks) })
    .returning(LETTER_COLUMNS)
    .executeTakeFirstOrThrow();
  return checked(db, row);
}

export async function findLetter(db: Db, id: string, options: { forUpdate?: boolean } = {}): Promise<StoredLetter | undefined> {
  const query = db.selectFrom('letter').select(LETTER_COLUMNS).where('id', '=', id);
  const row = await (options.forUpdate ? query.forUpdate() : query).executeTakeFirst();
  return row && checked(db, row);
}

const SUMMARY_COLUMNS = LETTER_COLUMNS.filter((column) => column !== 'blocks');

export type LetterSummary = Omit<StoredLetter, 'blocks' | 'publicSnapshot'>;

export async function listLetters(db: Db): Promise<LetterSummary[]> {
  const rows = await db.selectFrom('letter').select(SUMMARY_COLUMNS).orderBy('referenceDate', 'desc').orderBy('createdAt', 'desc').execute();
  return rows.map((row) => ({ ...row, status: StatusSchema.parse(row.status) }));
}

/** The update of a draft still at the version the caller read: it returns no row once the letter has moved on. */
function changeDraft(db: Db, id: string, version: number, change: Updateable<LetterTable>) {
  return db
    .updateTable('letter')
    .set({ ...change, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'draft')
    .returning(LETTER_COLUMNS);
}

/** Changes a draft; an approval given to the earlier text no longer holds. */
export async function updateDraft(
  db: Db,
  id: string,
  version: number,
  change: { blocks?: NarrativeBlock[]; letterDate?: string | null } & Partial<LetterheadFields>,
): Promise<StoredLetter | undefined> {
  const { blocks, ...rest } = change;
  const row = await changeDraft(db, id, version, {
    ...rest,
    ...(blocks === undefined ? {} : { blocks: JSON.stringify(blocks) }),
    approvedSha256: null,
    approvedByName: null,
    approvedAt: null,
  }).executeTakeFirst();
  return row && checked(db, row);
}

export async function markApproved(
  db: Db,
  id: string,
  version: number,
  approval: Pick<StoredLetter, 'approvedSha256' | 'approvedByName' | 'approvedAt'>,
): Promise<StoredLetter | undefined> {
  const row = await changeDraft(db, id, version, approval).executeTakeFirst();
  return row && checked(db, row);
}

/**
 * Freezes a draft: the exact texts of its public letter and annex are stored as hashed, with the annex's table
 * to the cent beside them and what its public overview lists. A second final letter for the same reference
 * date raises a UniqueViolationError naming ONE_FINAL_PER_REFERENCE_DATE.
 */
export async function markFinal(
  db: Db,
  id: string,
  version: number,
  final: Pick<
    Selectable<LetterTable>,
    'letterDate' | 'publicSnapshot' | 'publicSha256' | 'annexSnapshot' | 'annexSha256' | 'finalisedByName' | 'finalisedAt' | 'previousLetterId'
  > & { figureLines: FigureLine[]; overviewIds: string[] },
): Promise<StoredLetter | undefined> {
  const { figureLines, overviewIds, ...texts } = final;
  const row = await withTypedErrors(changeDraft(db, id, version, { ...texts, figureLines: JSON.stringify(figureLines), status: 'final' }).executeTakeFirst());
  if (row && overviewIds.length > 0) {
    // As one array: a first letter may list more deliveries than a statement takes parameters.
    await sql`insert into letter_overview_item (letter_id, public_id) select ${id}::uuid, unnest(${overviewIds}::uuid[])`.execute(db);
  }
  return row && checked(db, row);
}

/**
 * The latest final letter with a reference date before the given one: the one a new letter follows. `forShare`
 * keeps it final until the transaction ends: a withdrawal of it waits, and one that came first is passed over.
 */
export async function latestFinalBefore(db: Db, referenceDate: string, options: { forShare?: boolean } = {}): Promise<StoredLetter | undefined> {
  const query = db
    .selectFrom('letter')
    .select(LETTER_COLUMNS)
    .where('status', '=', 'final')
    .where('referenceDate', '<', referenceDate)
    .orderBy('referenceDate', 'desc')
    .limit(1);
  const row = await (options.forShare ? query.forShare() : query).executeTakeFirst();
  return row && checked(db, row);
}

/** The earliest reference date of a final letter after the given one, if any: letters are finalised and sent in the order of their dates. */
export async function nextFinalReferenceDate(db: Db, referenceDate: string): Promise<string | null> {
  const row = await db
    .selectFrom('letter')
    .select('referenceDate')
    .where('status', '=', 'final')
    .where('referenceDate', '>', referenceDate)
    .orderBy('referenceDate')
    .limit(1)
    .executeTakeFirst();
  return row?.referenceDate ?? null;
}

/** Any fixed number: the key of the transaction-scoped advisory lock the latest sent letter is read under (also in latest_sent_letter, migration 081). */
const LETTER_SENDING_LOCK = 7_412_002;

/**
 * The latest letter sent to parliament, by its reference date: letters are finalised and sent in the order of their
 * dates, and only a final letter is sent (one sent is never withdrawn). Read under the shared form of the lock that
 * marking a letter sent holds (lockLetterSending), taken by the statement itself (latest_sent_letter, migration 081):
 * in a transaction, no letter is marked sent until it ends, so what it writes judged against this letter commits
 * before any later one is sent. One read of the index of final letters by reference date
 * (letter_one_final_per_reference_date), from the latest.
 */
export async function latestSentLetter(db: Db): Promise<SentLetter | undefined> {
  return db
    .selectFrom(sql<{ referenceDate: string; paperNumber: string | null }>`latest_sent_letter()`.as('sent'))
    .select(['sent.referenceDate', 'sent.paperNumber'])
    .executeTakeFirst();
}

/**
 * Holds, until the transaction ends, the exclusive form of the lock the latest letter sent is read under
 * (latestSentLetter): a letter is marked sent only once every change judged against the letter sent before it has
 * committed, and a change judged meanwhile waits for it and reads it sent. Taken first, before the letter is locked.
 */
export async function lockLetterSending(trx: Db): Promise<void> {
  if (!trx.isTransaction) throw new Error('a letter is marked sent in a transaction');
  await sql`select pg_advisory_xact_lock(${LETTER_SENDING_LOCK})`.execute(trx);
}

/** What hold_latest_sent_letter raises (migration 081): the latest letter sent is not the one a change was judged against. */
const SENT_LETTER_CHANGED = 'SL001';

/**
 * Holds the latest letter sent, as latestSentLetter does, in the transaction of the statement this is selected in,
 * raising (isSentLetterChanged) where it is not the one with each of these reference dates (undefined for none
 * sent): the statement then writes nothing.
 */
export const holdingSentLetter = (judgedAgainst: readonly (string | undefined)[]) =>
  sql<void>`hold_latest_sent_letter(${judgedAgainst.map((referenceDate) => referenceDate ?? null)}::date[])`;

/** A statement holding the latest letter sent (holdingSentLetter) wrote nothing: a letter was sent after its changes were judged. */
export function isSentLetterChanged(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === SENT_LETTER_CHANGED;
}

/** The text of the letter sent to parliament with this reference date (the one final letter of that date): the figures it names. */
export async function sentLetterBlocks(db: Db, referenceDate: string): Promise<NarrativeBlock[]> {
  const row = await db
    .selectFrom('letter')
    .select('blocks')
    .where('status', '=', 'final')
    .where('sentAt', 'is not', null)
    .where('referenceDate', '=', referenceDate)
    .executeTakeFirstOrThrow();
  return NarrativeBlocksSchema.parse(row.blocks);
}

/** The public letters of all final letters, as frozen. */
export async function finalPublicSnapshots(db: Db): Promise<PublicLetterSnapshot[]> {
  const rows = await db.selectFrom('letter').select(['id', 'publicSha256']).where('status', '=', 'final').where('publicSha256', 'is not', null).execute();
  return Promise.all(rows.map((row) => frozenPublicLetter(db, { id: row.id, publicSha256: row.publicSha256! })));
}

/** A final letter's frozen texts exactly as hashed: what verification hashes again. */
export async function findFrozenTexts(db: Db, id: string): Promise<{ publicSnapshot: string | null; annexSnapshot: string | null } | undefined> {
  return db.selectFrom('letter').select(['publicSnapshot', 'annexSnapshot']).where('id', '=', id).executeTakeFirst();
}

/** The confidential annex frozen with a final letter; null while the letter is a draft. */
export async function findFrozenAnnex(db: Db, id: string): Promise<AnnexSnapshot | null> {
  const row = await db.selectFrom('letter').select('annexSnapshot').where('id', '=', id).executeTakeFirst();
  return row?.annexSnapshot ? parseStoredJson(AnnexSnapshotSchema, row.annexSnapshot) : null;
}

/** The public letter's table to the cent that a final letter's annex keeps, as kept beside the annex. */
export async function findFrozenFigureLines(db: Db, id: string): Promise<FigureLine[] | undefined> {
  const row = await db.selectFrom('letter').select('figureLines').where('id', '=', id).executeTakeFirst();
  return row?.figureLines ? parseStoredJson(z.array(FigureLineSchema), row.figureLines) : undefined;
}

/** What a final letter's overview listed, as kept beside its text: the public ids, sorted. */
export async function findListedPublicIds(db: Db, id: string): Promise<string[]> {
  const rows = await db.selectFrom('letterOverviewItem').select('publicId').where('letterId', '=', id).execute();
  return rows.map((row) => row.publicId).sort();
}

/** The public copy of a final letter: the snapshot the public downloads, and the SHA-256 it is published with. */
export async function findPublicLetterCopy(db: Db, id: string): Promise<{ snapshot: string; sha256: string } | undefined> {
  return db.selectFrom('publicLetter').select(['snapshot', 'sha256']).where('id', '=', id).executeTakeFirst();
}

/**
 * The public items (deliveries decided public at once are one) whose deliveries are all realised by the date as
 * the letter's figures count them (a purchase whose only payment was withdrawn by then is not), as the public may
 * read them, that no final letter before the date listed: each once, since the quantity it states is what its
 * deliveries hold together. Not those whose decision makes them public only from a later date (the letter would
 * publish them before it).
 */
export async function newPublicDeliveriesBy(db: Db, referenceDate: string): Promise<OverviewItem[]> {
  const rows = await db
    .selectFrom('publicDelivery')
    .select(['publicDelivery.publicId', 'publicDelivery.title', 'publicDelivery.detail', 'publicDelivery.category', 'publicDelivery.supportType', 'publicDelivery.quantity'])
    .where(({ exists, not, or, selectFrom }) => {
      const members = () =>
        selectFrom('delivery')
          .select('delivery.id')
          .whereRef('delivery.publicId', '=', 'publicDelivery.publicId')
          .where('delivery.disclosureState', '=', 'public')
          .where('delivery.deletedAt', 'is', null);
      const notListedYet = not(
        exists(
          selectFrom('letterOverviewItem as listed')
            .innerJoin('letter as earlier', 'earlier.id', 'listed.letterId')
            .whereRef('listed.publicId', '=', 'publicDelivery.publicId')
            .where('earlier.status', '=', 'final')
            .where('earlier.referenceDate', '<', referenceDate),
        ),
      );
      const notComplete = exists(members().where(or([not(realisedBy(referenceDate)), publicOnlyAfter(sql.ref('delivery.id'), referenceDate)])));
      return exists(members()).and(not(notComplete)).and(notListedYet);
    })
    .execute();
  return rows.map((row) => OverviewItemSchema.parse(row));
}

/**
 * What a letter at the reference date needs to know of each of these deliveries (not removed) to name its
 * value: whether it is public then, on its own or as one of several, and the value its decision makes public, whether it is realised by then,
 * and its value then (its latest valuation effective on or before that date and not withdrawn by then).
 */
export async function namedDeliveryFacts(db: Db, ids: string[], referenceDate: string): Promise<NamedDeliveryFacts[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('delivery')
    .leftJoin('publicDelivery', 'publicDelivery.publicId', 'delivery.publicId')
    .leftJoin(valuesAt(db, referenceDate).select(['delivery.id as deliveryId', 'valuation.amountCents']).as('latestValue'), 'latestValue.deliveryId', 'delivery.id')
    .select((eb) => [
      'delivery.id',
      'delivery.publicId',
      eb('delivery.disclosureState', '=', 'public').$castTo<boolean>().as('isPublic'),
      publicOnlyAfter(sql.ref('delivery.id'), referenceDate).as('publicLater'),
      sharesPublicItem(sql.ref('delivery.id')).as('partOfPublicItem'),
      'publicDelivery.valueCents as publicValueCents',
      realisedBy(referenceDate).as('realised'),
      'latestValue.amountCents as cents',
    ])
    .where('delivery.id', 'in', ids)
    .where('delivery.deletedAt', 'is', null)
    .execute();
}

/**
 * The annex: every delivery realised by the date as the letter's figures count it (not a purchase whose
 * payments were all withdrawn by then), with what it counts for at that date; and the work for the EU as
 * implementing actor realised by then at its value then (its latest valuation by then not withdrawn by then),
 * as the letter's figure of it counts it (never in a Dutch total).
 */
export async function annexRows(db: Db, referenceDate: string): Promise<AnnexRow[]> {
  const [counted, implementingActor] = await Promise.all([
    db
      .selectFrom('delivery')
      .leftJoin(
        (eb) =>
          eb
            .selectFrom('realisedSupportChange')
            .select(['deliveryId', sql<Cents>`sum(change_cents)::bigint`.as('valueCents')])
            .where('changeDate', '<=', referenceDate)
            .groupBy('deliveryId')
            .as('realised'),
        (join) => join.onRef('realised.deliveryId', '=', 'delivery.id'),
      )
      .select(['delivery.id as deliveryId', 'title', 'category', 'supportType', 'fundingSource', 'quantity', 'unit', 'realisedAt', 'disclosureState', 'realised.valueCents'])
      .where('deletedAt', 'is', null)
      .where('fundingSource', '<>', 'epf')
      .where(realisedBy(referenceDate))
      .orderBy('realisedAt')
      .orderBy('title')
      .orderBy('delivery.id')
      .execute(),
    valuesAt(db, referenceDate)
      .select(['delivery.id as deliveryId', 'title', 'category', 'supportType', 'fundingSource', 'quantity', 'unit', 'realisedAt', 'disclosureState', 'valuation.amountCents'])
      .where('delivery.fundingSource', '=', 'epf')
      .where(realisedBy(referenceDate))
      .execute(),
  ]);
  return [
    ...counted.map(({ valueCents, ...row }) => AnnexRowSchema.parse({ ...row, valueCents: valueCents ?? 0 })),
    ...implementingActor.map(({ amountCents, ...row }) => AnnexRowSchema.parse({ ...row, valueCents: 0, implementingActorCents: amountCents })),
  ];
}
