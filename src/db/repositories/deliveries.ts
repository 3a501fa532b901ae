import { sql, type ExpressionBuilder, type Kysely, type Selectable } from 'kysely';
import {
  LIFECYCLE_STAGES,
  type Category,
  type Delivery,
  type DeliveryFields,
  type DeliverySortKey,
  type LifecycleStage,
  type SupportType,
} from '../../domain/delivery.ts';
import type { DisclosureState } from '../../domain/disclosure.ts';
import type { Database, DeliveryTable } from '../schema.ts';

type Db = Kysely<Database>;

export interface StoredDelivery extends Delivery {
  currentValueCents: number;
  disclosureState: DisclosureState;
}

export interface DeliveryListQuery {
  supportType?: SupportType | undefined;
  category?: Category | undefined;
  stage?: LifecycleStage | undefined;
  disclosureState?: DisclosureState | undefined;
  text?: string | undefined;
  realisedFrom?: string | undefined;
  realisedTo?: string | undefined;
  sort: DeliverySortKey;
  descending: boolean;
  offset: number;
  limit: number;
}

const SORT_COLUMNS = {
  title: 'title',
  supportType: 'supportType',
  category: 'category',
  realisedAt: 'realisedAt',
  committedAt: 'committedAt',
  createdAt: 'createdAt',
  valueCents: 'currentValueCents',
} as const satisfies Record<DeliverySortKey, keyof DeliveryTable>;

const NULLABLE_SORT_COLUMNS: ReadonlySet<string> = new Set(['realisedAt', 'committedAt']);

/**
 * Orders by the column, then by id so that pages never overlap. Undated deliveries come last in both
 * directions; the non-null columns get no nulls clause, so that PostgreSQL can read them in index order.
 */
function orderClause(column: string, descending: boolean, table?: string) {
  const direction = sql.raw(descending ? 'desc' : 'asc');
  const nulls = sql.raw(NULLABLE_SORT_COLUMNS.has(column) ? ' nulls last' : '');
  const qualified = (name: string) => sql.ref(table ? `${table}.${name}` : name);
  return sql`${qualified(column)} ${direction}${nulls}, ${qualified('id')} ${direction}`;
}

export function toDelivery(row: Selectable<DeliveryTable>): StoredDelivery {
  const { deletedAt: _deleted, publicId: _publicId, ...delivery } = row;
  return delivery as StoredDelivery;
}

export function toColumns(fields: DeliveryFields) {
  return { ...fields, sources: JSON.stringify(fields.sources) };
}

export async function insertDelivery(db: Db, id: string, fields: DeliveryFields): Promise<StoredDelivery> {
  const row = await db
    .insertInto('delivery')
    .values({ id, ...toColumns(fields), deletedAt: null })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toDelivery(row);
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findDelivery(db: Db, id: string, options: { forUpdate?: boolean } = {}) {
  if (!UUID.test(id)) return undefined;
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

/** Records what the money history now says; a new version, since the delivery reads differently. */
export async function setCurrentValue(db: Db, id: string, currentValueCents: number, realisedAt?: string) {
  await db
    .updateTable('delivery')
    .set({ currentValueCents, ...(realisedAt ? { realisedAt } : {}), version: sql`version + 1`, updatedAt: sql`now()` })
    .where('id', '=', id)
    .execute();
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

export async function listDeliveries(db: Db, query: DeliveryListQuery) {
  let filtered = db.selectFrom('delivery').where('deletedAt', 'is', null);
  if (query.supportType) filtered = filtered.where('supportType', '=', query.supportType);
  if (query.category) filtered = filtered.where('category', '=', query.category);
  if (query.realisedFrom) filtered = filtered.where('realisedAt', '>=', query.realisedFrom);
  if (query.realisedTo) filtered = filtered.where('realisedAt', '<=', query.realisedTo);
  if (query.stage) filtered = filtered.where(stageCondition(query.stage));
  if (query.disclosureState) filtered = filtered.where('disclosureState', '=', query.disclosureState);
  const text = query.text?.trim();
  if (text) {
    const pattern = `%${escapeLike(text)}%`;
    filtered = filtered.where((eb) =>
      eb.or([
        eb('title', 'ilike', pattern),
        eb('description', 'ilike', pattern),
        eb('publicTitle', 'ilike', pattern),
        eb('company', 'ilike', pattern),
        eb('contractReference', 'ilike', pattern),
      ]),
    );
  }
  const order = (table?: string) => orderClause(SORT_COLUMNS[query.sort], query.descending, table);
  // The page's ids are found on an index alone; only those rows are then read whole.
  const page = filtered.select('id').orderBy(order()).offset(query.offset).limit(query.limit).as('page');
  const [rows, count] = await Promise.all([
    db.selectFrom(page).innerJoin('delivery', 'delivery.id', 'page.id').selectAll('delivery').orderBy(order('delivery')).execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toDelivery), total: Number(count.total) };
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

export async function containsDemonstrationData(db: Db): Promise<boolean> {
  const row = await db
    .selectFrom('delivery')
    .select('id')
    .where('isDemonstration', '=', true)
    .where('deletedAt', 'is', null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
