import { sql, type ExpressionBuilder, type Kysely, type Selectable } from 'kysely';
import {
  CATEGORIES,
  LIFECYCLE_STAGES,
  SUPPORT_TYPES,
  type Category,
  type Delivery,
  type DeliveryFields,
  type DeliverySortKey,
  type LifecycleStage,
  type SupportType,
} from '../../domain/delivery.ts';
import type { DisclosureState } from '../../domain/disclosure.ts';
import type { Database, DeliveryTable } from '../schema.ts';
import { inTransaction } from '../transaction.ts';
import { PLANNED_FOR_ITS_VALUES } from '../prepared-statements.ts';
import { containsPattern } from '../text-search.ts';
import { CAPPED_COUNT_LIMIT, cappedCount, isPositionOf, keysetColumns, readKeysetPage, type KeysetColumn, type KeysetWalk, type KeysetPage, type KeysetPosition, type PageStart } from '../keyset.ts';
import { isUuid } from '../../../common/ids.ts';

type Db = Kysely<Database>;

export interface StoredDelivery extends Delivery {
  currentValueCents: number;
  disclosureState: DisclosureState;
}

export interface DeliveryListFilter {
  supportType?: SupportType | undefined;
  category?: Category | undefined;
  stage?: LifecycleStage | undefined;
  disclosureState?: DisclosureState | undefined;
  /** Only the work for the EU as implementing actor of the EPF (true), or only the rest (false). */
  implementingActorWork?: boolean | undefined;
  text?: string | undefined;
  realisedFrom?: string | undefined;
  realisedTo?: string | undefined;
}

export interface DeliveryListQuery extends DeliveryListFilter {
  sort: DeliverySortKey;
  descending: boolean;
  start?: PageStart;
  limit: number;
}

/** Each sort key and the column it walks; every one has an index on (column, id) for undeleted rows. */
const SORT_COLUMNS: Record<DeliverySortKey, KeysetColumn> = {
  title: keysetColumns.text('title', (text) => text.length <= 300),
  supportType: keysetColumns.text('supportType', (text) => SUPPORT_TYPES.some((type) => type === text)),
  category: keysetColumns.text('category', (text) => CATEGORIES.some((category) => category === text)),
  realisedAt: keysetColumns.date('realisedAt', { nullable: true }),
  committedAt: keysetColumns.date('committedAt', { nullable: true }),
  createdAt: keysetColumns.timestamp('createdAt'),
  valueCents: keysetColumns.integer('currentValueCents'),
};

/** Whether a position from outside (a cursor) could be that of a delivery in a list sorted by this key. */
export function isDeliveryPosition(sort: DeliverySortKey, position: KeysetPosition): boolean {
  return isPositionOf(SORT_COLUMNS[sort], position);
}

export function toDelivery(row: Selectable<DeliveryTable>): StoredDelivery {
  const { deletedAt: _deleted, publicId: _publicId, searchText: _searchText, ...delivery } = row;
  return delivery as StoredDelivery;
}

export function toColumns<Fields extends DeliveryFields>(fields: Fields) {
  return { ...fields, sources: JSON.stringify(fields.sources) };
}

/** A new delivery as it is stored, every column given: what the event of its creation says it is. */
export function newStoredDelivery(id: string, fields: DeliveryFields, now: Date): StoredDelivery {
  const at = now.toISOString();
  return { id, ...fields, version: 1, createdAt: at, updatedAt: at, currentValueCents: 0, disclosureState: 'undecided' };
}

/** The row of a new delivery as given, every column written. */
export function deliveryRow(delivery: StoredDelivery) {
  return { ...toColumns(delivery), deletedAt: null, publicId: null };
}

/** The statement that inserts a new delivery as given, writing every column. */
export function insertingDelivery(db: Db, delivery: StoredDelivery) {
  return db.insertInto('delivery').values(deliveryRow(delivery));
}

/** Inserts unless a delivery with this id exists; true when inserted. */
export async function insertDeliveryIfAbsent(db: Db, id: string, fields: DeliveryFields): Promise<boolean> {
  const result = await db
    .insertInto('delivery')
    .values({ id, ...toColumns(fields), deletedAt: null })
    .onConflict((conflict) => conflict.column('id').doNothing())
    .executeTakeFirst();
  return result.numInsertedOrUpdatedRows === 1n;
}

export async function findDelivery(db: Db, id: string, options: { forUpdate?: boolean } = {}) {
  if (!isUuid(id)) return undefined;
  let query = db.selectFrom('delivery').selectAll().where('id', '=', id).where('deletedAt', 'is', null);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row && toDelivery(row);
}

/** Writes new field values and bumps the version, only if the version is still the expected one. */
export async function updateDeliveryFields(
  db: Db,
  id: string,
  expectedVersion: number,
  fields: DeliveryFields,
  currentValueCents: number,
) {
  const row = await db
    .updateTable('delivery')
    .set({ ...toColumns(fields), currentValueCents, version: sql`version + 1`, updatedAt: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .where('deletedAt', 'is', null)
    .returningAll()
    .executeTakeFirst();
  return row && toDelivery(row);
}

export async function markDeliveryDeleted(db: Db, id: string, expectedVersion: number): Promise<boolean> {
  const result = await db
    .updateTable('delivery')
    .set({ deletedAt: sql`now()`, version: sql`version + 1`, updatedAt: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .where('deletedAt', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Records what the money history now says (the realisation date too, when given); a new version, since the delivery reads differently. */
export async function setCurrentValue(db: Db, id: string, currentValueCents: number, realisedAt?: string | null) {
  await db
    .updateTable('delivery')
    .set({ currentValueCents, ...(realisedAt !== undefined ? { realisedAt } : {}), version: sql`version + 1`, updatedAt: sql`now()` })
    .where('id', '=', id)
    .execute();
}

/**
 * How a text search is written. A text that may be rare is matched with LIKE, in a statement planned for
 * its value each time (PLANNED_FOR_ITS_VALUES): PostgreSQL finds a rare one through the trigram index and a
 * common one walking the list's own order. A text known to be common (more than LIST_COUNT_CAP matches when
 * last counted) is matched with strpos, which no index serves: that statement is named, its plan the walk
 * and kept, where planning a search took about half of PostgreSQL's time for its page.
 */
export type TextSearch = 'mayBeRare' | 'common';

function filtered(db: Db, filter: DeliveryListFilter, textSearch: TextSearch = 'mayBeRare') {
  let query = db.selectFrom('delivery').where('deletedAt', 'is', null);
  if (filter.supportType) query = query.where('supportType', '=', filter.supportType);
  if (filter.category) query = query.where('category', '=', filter.category);
  if (filter.realisedFrom) query = query.where('realisedAt', '>=', filter.realisedFrom);
  if (filter.realisedTo) query = query.where('realisedAt', '<=', filter.realisedTo);
  if (filter.stage) query = query.where(stageCondition(filter.stage));
  if (filter.disclosureState) query = query.where('disclosureState', '=', filter.disclosureState);
  if (filter.implementingActorWork !== undefined) query = query.where('fundingSource', filter.implementingActorWork ? '=' : '<>', 'epf');
  const text = filter.text?.trim();
  if (text) {
    // Lowered by the function that lowered the joined texts: a match as ILIKE would find it in any one of them.
    query =
      textSearch === 'common'
        ? query.where(sql<number>`strpos(${sql.ref('searchText')}, lower(${text}))`, '>', 0)
        : query.where('searchText', 'like', sql<string>`lower(${containsPattern(text)}) ${sql.raw(PLANNED_FOR_ITS_VALUES)}`);
  }
  return query;
}

/**
 * What a list says about the register as a whole, read in the same statement as its rows: the end of the
 * audit chain, which moves with every change (each is written with its audit event, in its transaction),
 * and whether the register holds demonstration data.
 */
export interface RegisterState {
  version: string;
  isDemonstration: boolean;
}

function registerStateColumns(db: Db) {
  return [
    sql<string>`coalesce((select max(seq) from audit_event), 0)::text`.as('registerVersion'),
    sql<boolean>`exists ${demonstrationDeliveries(db)}`.as('registerIsDemonstration'),
  ] as const;
}

/** The columns a list shows of each delivery, and all that it reads of them. */
const SUMMARY_COLUMNS = [
  'id', 'title', 'publicTitle', 'category', 'quantity', 'unit', 'supportType', 'fundingSource',
  'pledgedAt', 'committedAt', 'realisedAt', 'deliveredAt', 'currentValueCents', 'disclosureState', 'isDemonstration',
] as const satisfies readonly (keyof StoredDelivery)[];

export type DeliverySummary = Pick<StoredDelivery, (typeof SUMMARY_COLUMNS)[number]>;

/**
 * A page of the list from its start position: each walk an index walk from there, however deep, all in
 * one statement with the state of the register (null when the page is empty).
 */
export async function listDeliveries(
  db: Db,
  query: DeliveryListQuery,
  textSearch?: TextSearch,
): Promise<KeysetPage<DeliverySummary> & { register: RegisterState | null }> {
  const key = SORT_COLUMNS[query.sort];
  // The walks' rows are put in order by the sort column; the summary shows every other one.
  const sortColumn = query.sort === 'createdAt' ? (['createdAt'] as const) : [];
  let register: RegisterState | null = null;
  const page = await readKeysetPage(
    key,
    query.descending,
    query.start,
    query.limit,
    async ([firstWalk, secondWalk], order, limit) => {
      const walk = ({ condition, order: walkOrder }: KeysetWalk, index: number) =>
        filtered(db, query, textSearch)
          .select([...SUMMARY_COLUMNS, ...sortColumn, key.positionText.as('position'), sql<number>`${sql.lit(index)}`.as('walk')])
          .where(condition)
          .orderBy(walkOrder)
          .limit(limit);
      const walked = secondWalk
        ? db
            .with('walk0', () => walk(firstWalk!, 0))
            .selectFrom('walk0')
            .selectAll()
            // The second walk (the undated rows) is read only when the first does not fill the page.
            .unionAll(db.selectFrom(walk(secondWalk, 1).as('walk1')).selectAll().where(sql<boolean>`(select count(*) from walk0) < ${limit}`))
        : db.selectFrom(walk(firstWalk!, 0).as('walk0')).selectAll();
      const rows = await db
        .selectFrom(walked.as('page'))
        .selectAll()
        .select(registerStateColumns(db))
        .orderBy('walk')
        .orderBy(order)
        .limit(limit)
        .execute();
      if (rows[0]) register = { version: rows[0].registerVersion, isDemonstration: rows[0].registerIsDemonstration };
      return rows;
    },
    (row) => ({ value: row.position, id: row.id }),
  );
  return { ...page, rows: page.rows.map(summaryOf), register };
}

/** The summary's columns of a row read with others (its position, its walk, the register's state); a plain loop, a third of what Object.fromEntries cost. */
function summaryOf(row: Record<keyof DeliverySummary, unknown>): DeliverySummary {
  const summary: Partial<Record<keyof DeliverySummary, unknown>> = {};
  for (const column of SUMMARY_COLUMNS) summary[column] = row[column];
  return summary as DeliverySummary;
}

/**
 * How many deliveries the filter finds, counted no further than LIST_COUNT_CAP: an exact count would read
 * every match (seconds at a million) and an estimate can be far off for a filter. Counting stops at the
 * cap, so it reads at most that many matches, whatever the size of the register; with the state of the
 * register it counted, so that the count can be kept until the register changes (register/list-counts.ts).
 */
export async function countDeliveries(db: Db, filter: DeliveryListFilter): Promise<{ count: number; capped: boolean; register: RegisterState }> {
  const count = async (trx: Db) => {
    const found = filtered(trx, filter).select(sql<number>`1`.as('one')).limit(CAPPED_COUNT_LIMIT).as('found');
    return trx
      .selectFrom(found)
      .select((eb) => [eb.fn.countAll<string>().as('count'), ...registerStateColumns(trx)])
      .executeTakeFirstOrThrow();
  };
  // A text search is counted through the trigram index: the planner would rather read the table until it
  // has the cap (for a common word at 300,000 deliveries 18 ms against 10; 6 times slower at 100,000 when
  // the search matched five texts one by one).
  const row = filter.text?.trim()
    ? await inTransaction(db, async (trx) => {
        await sql`set local enable_seqscan = off`.execute(trx);
        return count(trx);
      })
    : await count(db);
  return { ...cappedCount(Number(row.count)), register: { version: row.registerVersion, isDemonstration: row.registerIsDemonstration } };
}

const STAGE_COLUMN = {
  pledged: 'pledgedAt',
  committed: 'committedAt',
  realised: 'realisedAt',
  delivered: 'deliveredAt',
} as const satisfies Record<LifecycleStage, keyof DeliveryTable>;

/** A delivery is at the latest stage whose date is set. */
function stageCondition(stage: LifecycleStage) {
  const laterStages = LIFECYCLE_STAGES.slice(LIFECYCLE_STAGES.indexOf(stage) + 1);
  return (eb: ExpressionBuilder<Database, 'delivery'>) =>
    eb.and([
      eb(STAGE_COLUMN[stage], 'is not', null),
      ...laterStages.map((later) => eb(STAGE_COLUMN[later], 'is', null)),
    ]);
}

function demonstrationDeliveries(db: Db) {
  return db.selectFrom('delivery').select('id').where('isDemonstration', '=', sql.lit(true)).where('deletedAt', 'is', null).limit(sql.lit(1));
}

export async function containsDemonstrationData(db: Db): Promise<boolean> {
  return (await demonstrationDeliveries(db).executeTakeFirst()) !== undefined;
}
