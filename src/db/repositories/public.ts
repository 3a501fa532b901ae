/**
 * The public read path: the only queries behind public surfaces. It is handed the database typed as
 * PublicDatabase, which has nothing but the public projection, and names every column it reads.
 */
import { sql, type Kysely } from 'kysely';
import { todayInAmsterdam } from '../../../common/dates.ts';
import { z } from 'zod';
import { VALUATION_BASES } from '../../../common/vocabulary/codes.ts';
import { asPublished, OverviewItemSchema, PublicLetterSnapshotSchema, sealed, type PublicLetterSnapshot } from '../../letters/snapshot.ts';
import { MadeOnce } from '../../made-once.ts';
import type { PublicDatabase } from '../schema.ts';
import { parseStoredJson } from '../stored-json.ts';

type PublicDb = Kysely<PublicDatabase>;

export interface PublicLetterSummary {
  id: string;
  referenceDate: string;
  letterDate: string;
  paperNumber: string | null;
  publishedOn: string | null;
  sha256: string;
  isDemonstration: boolean;
}

const LETTER_COLUMNS = ['id', 'referenceDate', 'letterDate', 'paperNumber', 'publishedOn', 'sha256', 'isDemonstration'] as const;

/** What a frozen text is published as: the letter, and for format 1 the rounded text anyone downloads with its SHA-256. */
interface PublishedCopy {
  letter: PublicLetterSnapshot;
  rounded: { text: string; sha256: string } | null;
}

/** Enough for every letter of many years: a list that reads more letters than are kept would read them all each time. */
const MAX_KEPT_COPIES = 64;

/**
 * What each published letter read so far is published as, by its id and the SHA-256 of its frozen text:
 * parsed, and for format 1 rounded and hashed, once rather than on every request, and without reading its
 * text again (a large register's first letter is tens of megabytes). A frozen text never changes, so
 * neither does what it is published as; `letter verify` checks the text against its hash.
 */
const madeCopies = new MadeOnce<PublishedCopy>(MAX_KEPT_COPIES);

/**
 * A published letter as the public reads it. A snapshot frozen with its figures to the cent (format 1) is
 * published as the letter printed them: that text, and its own SHA-256. The frozen text and its hash stay as
 * they are, and `letter verify` checks them. A snapshot of a later format is the text as frozen and hashed.
 */
function publishedCopy(db: PublicDb, row: { id: string; sha256: string }): Promise<PublishedCopy> {
  return madeCopies.get(`${row.id} ${row.sha256}`, async () => {
    const frozen = parseStoredJson(PublicLetterSnapshotSchema, await frozenText(db, row.id));
    const letter = asPublished(frozen);
    return { letter, rounded: letter === frozen ? null : sealed(letter) };
  });
}

async function frozenText(db: PublicDb, id: string): Promise<string> {
  return (await db.selectFrom('publicLetter').select('snapshot').where('id', '=', id).executeTakeFirstOrThrow()).snapshot;
}

/** The published letters, each under the SHA-256 of its published copy. */
export async function listPublicLetters(db: PublicDb): Promise<PublicLetterSummary[]> {
  const rows = await db.selectFrom('publicLetter').select(LETTER_COLUMNS).orderBy('referenceDate', 'desc').execute();
  return Promise.all(rows.map(async (row) => ({ ...row, sha256: publishedSha256(row, await publishedCopy(db, row)) })));
}

/** A published letter with its public letter as sent, checked. */
export async function findPublicLetter(db: PublicDb, id: string): Promise<(PublicLetterSummary & { letter: PublicLetterSnapshot }) | undefined> {
  const row = await db.selectFrom('publicLetter').select(LETTER_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row && withPublishedCopy(row, await publishedCopy(db, row));
}

/** A letter's summary under the SHA-256 of its published copy, with the letter as the public reads it. */
function withPublishedCopy(row: PublicLetterSummary, copy: PublishedCopy): PublicLetterSummary & { letter: PublicLetterSnapshot } {
  return { ...row, sha256: publishedSha256(row, copy), letter: copy.letter };
}

/** The SHA-256 a letter is published under: of its rounded copy for format 1, else of its frozen text. */
function publishedSha256(row: { sha256: string }, copy: PublishedCopy): string {
  return copy.rounded?.sha256 ?? row.sha256;
}

/** A published letter's snapshot exactly as the public reads it: the text anyone can check against its SHA-256. */
export async function findPublicSnapshotText(db: PublicDb, id: string): Promise<string | undefined> {
  const row = await db.selectFrom('publicLetter').select(['id', 'sha256']).where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  return (await publishedCopy(db, row)).rounded?.text ?? frozenText(db, id);
}

export async function allPublicSnapshots(db: PublicDb): Promise<PublicLetterSnapshot[]> {
  const rows = await db.selectFrom('publicLetter').select(['id', 'sha256']).execute();
  return Promise.all(rows.map(async (row) => (await publishedCopy(db, row)).letter));
}

/** A delivery decided public, as the public may read it. */
export const PublicDeliverySchema = OverviewItemSchema.extend({
  /** YYYY-MM-DD, or YYYY-MM where the decision gives only the month; null where it gives none. */
  realisedOn: z.string().nullable(),
  /** The value decided public, in cents; null where it was not. */
  valueCents: z.number().int().nullable(),
  /** The basis of that value: of the valuation that gives it for stock, what was paid for the rest; null with it. */
  valueBasis: z.enum(VALUATION_BASES).nullable(),
  /** The first published letter that listed it: its parliamentary paper number and date. */
  firstLetter: z.object({ id: z.string(), paperNumber: z.string().nullable(), letterDate: z.iso.date() }).nullable(),
  /** The day it became public (publicSince): never the day of its decision. */
  publicSince: z.iso.date(),
  isDemonstration: z.boolean(),
});
export type PublicDelivery = z.infer<typeof PublicDeliverySchema>;

const STORED_COLUMNS = [
  'publicDelivery.publicId',
  'publicDelivery.title',
  'publicDelivery.detail',
  'publicDelivery.category',
  'publicDelivery.supportType',
  'publicDelivery.quantity',
  'publicDelivery.realisedOn',
  'publicDelivery.valueCents',
  'publicDelivery.valueBasis',
  'publicDelivery.isDemonstration',
  'publicLetter.id as letterId',
  'publicLetter.paperNumber as letterPaperNumber',
  'publicLetter.letterDate',
  // The day it became public, in The Hague (migration 061): the publication of the first letter that listed it, on
  // the day recorded for that letter (the register may have shown it later, as for a letter published before the
  // register was), or the moment its decision made it public from, where that showed it earlier or held the
  // publication back until later (never before that decision: register/disclosure.ts, visibilityOf). Never the day
  // of its decision: a decision since would move it, and a delivery public only from a later date would be dated
  // before it was.
  'publicDelivery.publicSince',
] as const;

/**
 * Names what the public deliveries are at this moment, without reading them: the version of the public
 * projection (bumped by every statement that changes it or the published letters: a disclosure decision, a
 * publication or its correction, a removal) and the latest moment from which a delivery became visible that
 * has passed (a decided date or a scheduled publication arriving). Two index reads.
 */
export async function publicDeliveriesVersion(db: PublicDb, now: Date): Promise<string> {
  const row = await db
    .selectFrom('publicDeliveryVersion')
    .select((eb) => [
      'version',
      eb.selectFrom('publicDelivery').select((inner) => inner.fn.max('visibleFrom').as('latest')).where('visibleFrom', '<=', now.toISOString()).as('latestVisibleFrom'),
    ])
    .executeTakeFirstOrThrow();
  return `${row.version}-${row.latestVisibleFrom === null ? 0 : Date.parse(row.latestVisibleFrom)}`;
}

/**
 * A digest of what the public deliveries file shows at this moment: the visible deliveries with every
 * column the file gives, and the number and date of the letter that first listed each. A change to a
 * delivery nobody may see yet (a decision that waits for its letter's publication) leaves it as it is.
 * It reads every visible delivery once: ask it only when publicDeliveriesVersion has moved.
 */
export async function publicDeliveriesDigest(db: PublicDb, now: Date): Promise<string> {
  const shown = sql`row(${sql.join(STORED_COLUMNS.map((column) => sql.ref(column.split(' as ')[0]!)))})::text`;
  const row = await db
    .selectFrom('publicDelivery')
    .leftJoin('publicLetter', 'publicLetter.id', 'publicDelivery.firstLetterId')
    .select([
      sql<string>`count(*)`.as('rows'),
      // An order-free sum of 60 bits of each row's MD5: the same rows give the same digest in any order.
      sql<string>`coalesce(sum(('x' || left(md5(${shown}), 15))::bit(60)::bigint), 0)`.as('sum'),
    ])
    .where('publicDelivery.visibleFrom', '<=', now.toISOString())
    .executeTakeFirstOrThrow();
  return `${row.rows}-${BigInt(row.sum).toString(36)}`;
}

interface PublicDeliveryPosition {
  publicSince: string;
  title: string;
  publicId: string;
}

/**
 * The deliveries public at this moment (not those waiting for the publication of the letter that first
 * lists them), the latest to become public first (publicSince), then by title: read in batches from the last
 * row of the batch before, so that a reader of the whole file holds one batch at a time. Each batch is a walk
 * over the index in this order (migration 061): the rest of the day of the last row, then the days before it.
 */
export async function* publicDeliveryBatches(db: PublicDb, now: Date, batchSize = 1000): AsyncGenerator<PublicDelivery[]> {
  const visible = () =>
    db
      .selectFrom('publicDelivery')
      .leftJoin('publicLetter', 'publicLetter.id', 'publicDelivery.firstLetterId')
      .select(STORED_COLUMNS)
      .where('publicDelivery.visibleFrom', '<=', now.toISOString())
      // The day it became public has come too (it is never after the moment it became visible): a bound of the walk over
      // the index, so that it skips what is not shown yet (without that day, waiting for a letter, or of a later day).
      .where('publicDelivery.publicSince', '<=', todayInAmsterdam(now));
  let last: PublicDeliveryPosition | undefined;
  for (;;) {
    let rows;
    if (last === undefined) {
      rows = await visible().orderBy('publicDelivery.publicSince', 'desc').orderBy('publicDelivery.title').orderBy('publicDelivery.publicId').limit(batchSize).execute();
    } else {
      const { publicSince, title, publicId } = last;
      rows = await visible()
        .where('publicDelivery.publicSince', '=', publicSince)
        .where((eb) => eb(eb.refTuple('publicDelivery.title', 'publicDelivery.publicId'), '>', eb.tuple(title, publicId)))
        .orderBy('publicDelivery.title')
        .orderBy('publicDelivery.publicId')
        .limit(batchSize)
        .execute();
      if (rows.length < batchSize) {
        const earlier = await visible()
          .where('publicDelivery.publicSince', '<', publicSince)
          .orderBy('publicDelivery.publicSince', 'desc')
          .orderBy('publicDelivery.title')
          .orderBy('publicDelivery.publicId')
          .limit(batchSize - rows.length)
          .execute();
        rows.push(...earlier);
      }
    }
    if (rows.length === 0) return;
    yield rows.map(({ letterId, letterPaperNumber, letterDate, ...row }) =>
      PublicDeliverySchema.parse({ ...row, firstLetter: letterId === null ? null : { id: letterId, paperNumber: letterPaperNumber, letterDate } }),
    );
    if (rows.length < batchSize) return;
    const { publicSince, title, publicId } = rows.at(-1)!;
    last = { publicSince: publicSince!, title, publicId };
  }
}

/** A company a disclosure officer decided public: the approved name and the country, nothing else. */
export interface PublicCompany {
  publicId: string;
  name: string;
  country: string;
  decidedOn: string;
  isDemonstration: boolean;
}

export async function listPublicCompanies(db: PublicDb): Promise<PublicCompany[]> {
  return db.selectFrom('publicCompany').select(['publicId', 'name', 'country', 'decidedOn', 'isDemonstration']).orderBy('name').orderBy('publicId').execute();
}

/**
 * The periods the open data covers and the days each dataset last changed: what its catalogue says of it.
 * Only what anyone may see counts, so that the catalogue never tells of a decision that waits for its
 * letter's publication.
 */
export async function openDataDates(db: PublicDb, now: Date) {
  const deliveries = await db
    .selectFrom('publicDelivery')
    .select((eb) => [
      eb.fn.min('realisedOn').as('firstRealised'),
      // A date public only to its month (YYYY-MM) lasts to the month's end, after any day in it.
      eb.fn.max(sql<string>`case when length(realised_on) = 7 then to_char(to_date(realised_on, 'YYYY-MM') + interval '1 month' - interval '1 day', 'YYYY-MM-DD') else realised_on end`).as('lastRealised'),
      eb.fn.max('decidedOn').as('lastDecided'),
      eb.fn.max('visibleFrom').as('lastShown'),
    ])
    .where('visibleFrom', '<=', now.toISOString())
    .executeTakeFirstOrThrow();
  const letters = await db
    .selectFrom('publicLetter')
    .select((eb) => [eb.fn.min('referenceDate').as('firstReferenceDate'), eb.fn.max('referenceDate').as('lastReferenceDate'), eb.fn.max('publishedOn').as('lastPublished')])
    .executeTakeFirstOrThrow();
  const { changedAt } = await db.selectFrom('publicDeliveryVersion').select('changedAt').executeTakeFirstOrThrow();
  return {
    firstRealised: deliveries.firstRealised,
    lastRealised: deliveries.lastRealised,
    firstReferenceDate: letters.firstReferenceDate,
    lastReferenceDate: letters.lastReferenceDate,
    deliveriesModified: changedAt === null ? daysDeliveriesTell(deliveries, letters.lastPublished) : latestMoment([changedAt, deliveries.lastShown]),
    lettersModified: letters.lastPublished,
  };
}

/**
 * The moment the public deliveries last changed: the latest statement that changed what is shown (a decision, a
 * removal, a publication), or the latest moment passed from which a delivery is shown, whichever came last.
 */
const latestMoment = (moments: readonly (string | null)[]) => moments.filter((moment) => moment !== null).sort().at(-1)!;

/**
 * The day the public deliveries last changed as the rows shown tell it, for a register in which nothing shown changed
 * since the moment of each change was kept (migration 083): the latest decision on them, the day the latest was shown
 * from, and the latest publication, which shows those it lists first and names it beside them.
 */
function daysDeliveriesTell(deliveries: { lastDecided: string | null; lastShown: string | null }, lastPublished: string | null): string | null {
  const days = [deliveries.lastDecided, deliveries.lastShown && todayInAmsterdam(new Date(deliveries.lastShown)), deliveries.lastDecided && lastPublished];
  return days.filter((day): day is string => !!day).sort().at(-1) ?? null;
}

/** Whether a delivery anyone may see at this moment is demonstration data (the catalogue says so while one is). */
export async function showsDemonstrationDeliveries(db: PublicDb, now: Date): Promise<boolean> {
  const row = await db
    .selectFrom('publicDelivery')
    .select('publicId')
    .where('isDemonstration', '=', true)
    .where('visibleFrom', '<=', now.toISOString())
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Every published letter with its public letter as sent, oldest reference date first. */
export async function publicLettersWithSnapshots(db: PublicDb): Promise<(PublicLetterSummary & { letter: PublicLetterSnapshot })[]> {
  const rows = await db.selectFrom('publicLetter').select(LETTER_COLUMNS).orderBy('referenceDate').execute();
  return Promise.all(rows.map(async (row) => withPublishedCopy(row, await publishedCopy(db, row))));
}
