import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { z } from '@hono/zod-openapi';
import { centsFromText } from '../../../common/money.ts';
import type { IsoDate } from '../../../common/dates.ts';
import {
  READINESS_EFFECTS,
  REPLENISHMENT_STAGES,
  type EffectFilter,
  type Judgement,
  type ProjectInput,
  type ProjectState,
  type ReadinessEffect,
  type ReplaceableDelivery,
  type Replacement,
} from '../../domain/readiness.ts';
import { countUpToCap, isPositionOf, keysetColumns, readKeysetPage, type KeysetPage, type KeysetPosition, type PageStart } from '../keyset.ts';
import type { Database } from '../schema.ts';
import { PLANNED_FOR_ITS_VALUES } from '../prepared-statements.ts';
import { containsPattern } from '../text-search.ts';
import { valueAt, valuesAt } from './figures.ts';

type Db = Kysely<Database>;

const StoredJudgementSchema = z.object({
  id: z.string(),
  deliveryId: z.string(),
  effect: z.enum(READINESS_EFFECTS),
  reasoning: z.string(),
  judgedOn: z.string(),
  judgedByName: z.string(),
  recordedAt: z.string(),
});

const StoredProjectSchema = z.object({
  id: z.string(),
  name: z.string(),
  stage: z.enum(REPLENISHMENT_STAGES),
  budgetCents: z.number().int().nullable(),
  expectedOn: z.string().nullable(),
  note: z.string(),
  isDemonstration: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The day its current state holds from. */
  asOf: z.string(),
});
/** A state in a project's history: its stage from a day on, with the reason it went back to that stage, if it did. */
type ProjectHistoryEntry = Pick<ProjectState, 'asOf' | 'stage' | 'reason' | 'recordedAt'>;
export type StoredProject = z.infer<typeof StoredProjectSchema> & { replaces: Replacement[]; history: ProjectHistoryEntry[] };

export interface NonReplacementDecision {
  id: string;
  deliveryId: string;
  decidedOn: string;
  reason: string;
  valuationId: string | null;
  decidedByName: string;
  recordedAt: string;
}

export async function insertJudgement(db: Db, judgement: Judgement): Promise<Judgement> {
  await db.insertInto('readinessJudgement').values(judgement).execute();
  return judgement;
}

/** Judgements of one delivery, or of all, in the order they were made. */
export async function listJudgements(db: Db, deliveryId?: string): Promise<Judgement[]> {
  let query = db.selectFrom('readinessJudgement').selectAll().orderBy('judgedOn').orderBy('recordedAt').orderBy('id');
  if (deliveryId !== undefined) query = query.where('deliveryId', '=', deliveryId);
  return (await query.execute()).map((row) => StoredJudgementSchema.parse(row));
}

type ProjectFields = Omit<ProjectInput, 'replaces' | 'asOf' | 'reason'>;

/** A state as it is recorded: the day it holds from, as the person gave it, and the moment it was recorded. */
interface StateRecording {
  asOf: IsoDate;
  /** Why the state goes back to an earlier stage; empty when it does not. */
  reason: string;
  recordedAt: string;
}

export async function insertProject(
  db: Db,
  id: string,
  fields: ProjectFields & { isDemonstration: boolean },
  replaces: readonly Replacement[],
  recording: StateRecording,
): Promise<StoredProject> {
  await db.insertInto('replenishmentProject').values({ id, ...fields }).execute();
  await linkReplacements(db, id, replaces);
  await insertState(db, id, fields, replaces, recording);
  return (await findProject(db, id))!;
}

/**
 * Changes a project if it is still at the expected version, at the moment of the request, adding its new state to the
 * history unless the change leaves its state as it is (`recording` null: only what has no history changed); undefined
 * when someone changed it since.
 */
export async function updateProject(
  db: Db,
  id: string,
  expectedVersion: number,
  fields: ProjectFields,
  replaces: readonly Replacement[],
  recording: StateRecording | null,
  updatedAt: string,
): Promise<StoredProject | undefined> {
  const updated = await db
    .updateTable('replenishmentProject')
    .set((eb) => ({ ...fields, version: eb('version', '+', 1), updatedAt }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  if (updated.numUpdatedRows === 0n) return undefined;
  await db.deleteFrom('replenishmentProjectDelivery').where('projectId', '=', id).execute();
  await linkReplacements(db, id, replaces);
  if (recording) await insertState(db, id, fields, replaces, recording);
  return findProject(db, id);
}

async function linkReplacements(db: Db, projectId: string, replaces: readonly Replacement[]): Promise<void> {
  if (replaces.length === 0) return;
  await db.insertInto('replenishmentProjectDelivery').values(replaces.map((replacement) => ({ projectId, ...replacement }))).execute();
}

async function insertState(db: Db, projectId: string, { name, stage }: ProjectFields, replaces: readonly Replacement[], { asOf, reason, recordedAt }: StateRecording): Promise<void> {
  const stateId = randomUUID();
  await db.insertInto('replenishmentProjectState').values({ id: stateId, projectId, asOf, name, stage, reason, recordedAt }).execute();
  if (replaces.length === 0) return;
  await db.insertInto('replenishmentProjectStateDelivery').values(replaces.map((replacement) => ({ stateId, ...replacement }))).execute();
}

/** The projects with the day their current state holds from. */
const projects = (db: Db) =>
  db
    .selectFrom('replenishmentProject as p')
    .selectAll('p')
    .select((eb) => eb.selectFrom('replenishmentProjectState as s').whereRef('s.projectId', '=', 'p.id').select((inner) => inner.fn.max('s.asOf').as('asOf')).as('asOf'));

export async function findProject(db: Db, id: string, options: { forUpdate?: boolean } = {}): Promise<StoredProject | undefined> {
  let query = projects(db).where('p.id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  const [replaces, histories] = await Promise.all([replacementsOf(db, [id]), historiesOf(db, id)]);
  return { ...StoredProjectSchema.parse(row), replaces, history: histories.get(id) ?? [] };
}

export async function listProjects(db: Db): Promise<StoredProject[]> {
  const [rows, replaces, histories] = await Promise.all([
    projects(db).orderBy('p.name').orderBy('p.id').execute(),
    db.selectFrom('replenishmentProjectDelivery').selectAll().orderBy('deliveryId').execute(),
    historiesOf(db),
  ]);
  return rows.map((row) => ({
    ...StoredProjectSchema.parse(row),
    replaces: replaces.filter((link) => link.projectId === row.id).map(({ projectId: _, ...replacement }) => replacement),
    history: histories.get(row.id) ?? [],
  }));
}

/** The states of one project, or of all, per project in the order they hold. */
async function historiesOf(db: Db, projectId?: string): Promise<Map<string, ProjectHistoryEntry[]>> {
  let query = db.selectFrom('replenishmentProjectState').select(['projectId', 'asOf', 'stage', 'reason', 'recordedAt']).orderBy('asOf').orderBy('recordedAt').orderBy('id');
  if (projectId !== undefined) query = query.where('projectId', '=', projectId);
  const histories = new Map<string, ProjectHistoryEntry[]>();
  for (const { projectId: project, stage, ...state } of await query.execute()) {
    histories.set(project, [...(histories.get(project) ?? []), { ...state, stage: z.enum(REPLENISHMENT_STAGES).parse(stage) }]);
  }
  return histories;
}

/** Every state every project was recorded in, each with what it replaced. */
export async function listProjectStates(db: Db): Promise<ProjectState[]> {
  const [states, replaces] = await Promise.all([
    db.selectFrom('replenishmentProjectState').selectAll().orderBy('projectId').orderBy('asOf').orderBy('recordedAt').orderBy('id').execute(),
    db.selectFrom('replenishmentProjectStateDelivery').selectAll().orderBy('deliveryId').execute(),
  ]);
  const replacesOf = Map.groupBy(replaces, (replacement) => replacement.stateId);
  return states.map((state) => ({
    ...state,
    stage: z.enum(REPLENISHMENT_STAGES).parse(state.stage),
    replaces: (replacesOf.get(state.id) ?? []).map(({ stateId: _, ...replacement }) => replacement),
  }));
}

/** The days from which replenishment projects' states replace the delivery, each state once. */
export async function projectStateDaysOf(db: Db, deliveryId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('replenishmentProjectState as s')
    .innerJoin('replenishmentProjectStateDelivery as r', 'r.stateId', 's.id')
    .select('s.asOf')
    .where('r.deliveryId', '=', deliveryId)
    .execute();
  return rows.map((row) => row.asOf);
}

async function replacementsOf(db: Db, projectIds: string[]): Promise<Replacement[]> {
  return db
    .selectFrom('replenishmentProjectDelivery')
    .select(['deliveryId', 'replacedValueCents', 'replacedQuantity'])
    .where('projectId', 'in', projectIds)
    .orderBy('deliveryId')
    .execute();
}

/** How much of a delivery's value the replenishment projects replace together. */
export async function replacedValueOf(db: Db, deliveryId: string): Promise<number> {
  return (await replacedValuesOf(db, [deliveryId])).get(deliveryId) ?? 0;
}

/** replacedValueOf of each of these deliveries that projects replace. */
export async function replacedValuesOf(db: Db, deliveryIds: readonly string[]): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('replenishmentProjectDelivery')
    .select(['deliveryId', sql<string>`sum(replaced_value_cents)`.as('cents')])
    .where('deliveryId', '=', sql<string>`any(${deliveryIds}::uuid[])`)
    .groupBy('deliveryId')
    .execute();
  return new Map(rows.map((row) => [row.deliveryId, Number(row.cents)]));
}

/**
 * The deliveries a project would replace, each with what it delivered and what the other projects
 * already replace of it; the rows are locked, so that two projects cannot together replace too much.
 */
export async function replaceableDeliveries(db: Db, deliveryIds: readonly string[], exceptProjectId: string | null): Promise<Map<string, ReplaceableDelivery>> {
  if (deliveryIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('delivery')
    .select(['id', 'supportType', 'pledgedAt', 'committedAt', 'quantity', 'currentValueCents'])
    .where('id', 'in', [...deliveryIds])
    .where('deletedAt', 'is', null)
    .orderBy('id')
    .forUpdate()
    .execute();
  const elsewhere = await db
    .selectFrom('replenishmentProjectDelivery')
    .select(['deliveryId', sql<string>`sum(replaced_value_cents)`.as('valueCents'), sql<string>`coalesce(sum(replaced_quantity), 0)`.as('quantity')])
    .where('deliveryId', 'in', [...deliveryIds])
    .$if(exceptProjectId !== null, (query) => query.where('projectId', '<>', exceptProjectId!))
    .groupBy('deliveryId')
    .execute();
  return new Map(
    rows.map((row) => {
      const replaced = elsewhere.find((other) => other.deliveryId === row.id);
      return [
        row.id,
        {
          id: row.id,
          isStock: row.supportType === 'stock',
          pledgedAt: row.pledgedAt,
          committedAt: row.committedAt,
          quantity: row.quantity,
          valueCents: row.currentValueCents,
          replacedElsewhere: { valueCents: Number(replaced?.valueCents ?? 0), quantity: Number(replaced?.quantity ?? 0) },
        },
      ];
    }),
  );
}

export async function insertNonReplacement(db: Db, decision: NonReplacementDecision): Promise<NonReplacementDecision> {
  await db.insertInto('nonReplacementDecision').values(decision).execute();
  return decision;
}

/** Decisions not to replace of one delivery, or of all, in the order they were taken, each with the title of its delivery. */
export async function listNonReplacements(db: Db, deliveryId?: string): Promise<(NonReplacementDecision & { deliveryTitle: string })[]> {
  let query = db
    .selectFrom('nonReplacementDecision as n')
    .innerJoin('delivery as d', 'd.id', 'n.deliveryId')
    .selectAll('n')
    .select('d.title as deliveryTitle')
    .orderBy('n.decidedOn')
    .orderBy('n.recordedAt')
    .orderBy('n.id');
  if (deliveryId !== undefined) query = query.where('n.deliveryId', '=', deliveryId);
  return query.execute();
}

/** A decision not to replace as it stood at a date, with the title of its delivery: whether its revaluation held by then. */
export interface NonReplacementAt extends NonReplacementDecision {
  deliveryTitle: string;
  revalued: boolean;
}

/**
 * The decisions not to replace taken on or before the date, in the order they were taken, each revalued
 * when its revaluation was effective by the date and not withdrawn by then (as realised support counts
 * it): one effective only later had not changed the delivery's value at the date.
 */
export async function nonReplacementsAt(db: Db, date: string): Promise<NonReplacementAt[]> {
  return db
    .selectFrom('nonReplacementDecision as n')
    .innerJoin('delivery as d', 'd.id', 'n.deliveryId')
    .leftJoin('valuation as v', 'v.id', 'n.valuationId')
    .leftJoin('valuationWithdrawal as w', 'w.valuationId', 'v.id')
    .selectAll('n')
    .select([
      'd.title as deliveryTitle',
      sql<boolean>`coalesce(v.effective_date <= ${date}::date and (w.withdrawn_on is null or w.withdrawn_on > ${date}::date), false)`.as('revalued'),
    ])
    .where('n.decidedOn', '<=', date)
    .orderBy('n.decidedOn')
    .orderBy('n.recordedAt')
    .orderBy('n.id')
    .execute();
}

export interface StockDelivery {
  id: string;
  title: string;
  quantity: number | null;
  unit: string | null;
  realisedAt: string | null;
  currentValueCents: number;
}

/** The deliveries from stock, as readiness reads them. */
const stock = (db: Db) =>
  db.selectFrom('delivery').select(['id', 'title', 'quantity', 'unit', 'realisedAt', 'currentValueCents']).where('supportType', '=', 'stock').where('deletedAt', 'is', null);

/** The earliest day any of the stock deliveries was realised, or null when none was: from when the annex's readiness section shows one of them. */
export async function earliestRealisationOf(db: Db, deliveryIds: readonly string[]): Promise<string | null> {
  if (deliveryIds.length === 0) return null;
  const row = await stock(db)
    .clearSelect()
    .select((eb) => eb.fn.min('realisedAt').as('earliest'))
    .where('id', 'in', [...deliveryIds])
    .executeTakeFirst();
  return row?.earliest ?? null;
}

/** The stock deliveries realised on or before the date: what readiness is judged for. */
export async function stockDeliveries(db: Db, realisedBy: string): Promise<StockDelivery[]> {
  return stock(db).where('realisedAt', '<=', realisedBy).orderBy('title').orderBy('id').execute();
}

export async function findStockDelivery(db: Db, id: string): Promise<StockDelivery | undefined> {
  return stock(db).where('id', '=', id).executeTakeFirst();
}

/** A stock delivery as the readiness list shows it at a date: its value, the judgement that held then, and how much of its history and replacement there was by then. */
export interface StockDeliveryReadiness extends Omit<StockDelivery, 'currentValueCents'> {
  /** Its value at the date (valueAt); 0 without a valuation by then, as its current value is without one. */
  valueCents: number;
  latestJudgement: { effect: ReadinessEffect; judgedOn: string; judgedByName: string } | null;
  judgements: number;
  replacedValueCents: number;
  replacedQuantity: number;
  nonReplacements: number;
}

/** The readiness list's order: by title (index delivery_stock_title, migration 034). */
const STOCK_ORDER = keysetColumns.text('title');

export const isStockDeliveryPosition = (position: KeysetPosition) => isPositionOf(STOCK_ORDER, position);

/**
 * The judgement that held at the date of each delivery whose judgements the condition admits: the latest judged
 * on or before it, by the day judged, then the moment recorded, then the id, as judgementAt takes it for the letter.
 * The condition is inside it so that a page's deliveries read theirs from the index readiness_judgement_history
 * (migration 036), and the filter on the effect reads all judgements (far fewer than the deliveries) once, in that
 * index's order.
 */
const judgementsHeldAt = (of: RawBuilder<boolean>, date: IsoDate) => sql`(
  select distinct on (delivery_id) delivery_id, effect, judged_on, judged_by_name from readiness_judgement
  where ${of} and judged_on <= ${date}::date order by delivery_id, judged_on desc, recorded_at desc, id desc)`;

/**
 * The state of each replenishment project that held at the date, as projectStatesAt takes it for the letter: the
 * latest as of the date or before, on the same day the later recorded, then the greater id (index
 * replenishment_project_state_history, migration 041).
 */
const projectStatesHeldAt = (date: IsoDate) => sql`(
  select distinct on (project_id) id from replenishment_project_state
  where as_of <= ${date}::date order by project_id, as_of desc, recorded_at desc, id desc)`;

/**
 * Which stock deliveries the readiness list shows at a date: those begun by then (their pledge, else their
 * commitment; one with neither at every date), as nothing of readiness is recorded of a delivery before its
 * beginning. Of those, the ones whose title contains the text, and those whose judgement held at the date has
 * the effect (or that have none by then).
 */
export interface StockDeliveryFilter {
  date: IsoDate;
  titleContains?: string | undefined;
  effect?: EffectFilter | undefined;
}

/**
 * The filter as a condition on the table delivery. The deliveries with an effect are found from their
 * judgements, and the unjudged by an anti-join: neither asks each delivery for its judgements in turn.
 */
function stockWhose({ date, titleContains, effect }: StockDeliveryFilter): RawBuilder<boolean> {
  const conditions = [sql`support_type = 'stock'`, sql`deleted_at is null`, sql`coalesce(pledged_at, committed_at, ${date}::date) <= ${date}::date`];
  // The title is one of the texts joined in search_text, whose trigram index finds a rare fragment; the title is then read for it.
  if (titleContains) conditions.push(sql`search_text like lower(${containsPattern(titleContains)}) ${sql.raw(PLANNED_FOR_ITS_VALUES)} and title ilike ${containsPattern(titleContains)}`);
  if (effect === 'unjudged') conditions.push(sql`not exists (select from readiness_judgement j where j.delivery_id = delivery.id and j.judged_on <= ${date}::date)`);
  else if (effect) conditions.push(sql`id in (select delivery_id from ${judgementsHeldAt(sql`true`, date)} held where effect = ${effect})`);
  return sql<boolean>`${sql.join(conditions, sql` and `)}`;
}

/**
 * A page of the stock deliveries the filter finds, each summed up for the page only as it stood at the filter's
 * date: its value then, the judgement that held then and how many were made by then, what the projects replaced
 * of it in the states that held then, and the decisions not to replace it taken by then.
 */
export async function stockDeliveryReadiness(db: Db, query: { filter: StockDeliveryFilter; start: PageStart; limit: number }): Promise<KeysetPage<StockDeliveryReadiness>> {
  const { date } = query.filter;
  return readKeysetPage(
    STOCK_ORDER,
    false,
    query.start,
    query.limit,
    async ([walk], order, limit) => {
      const { rows } = await sql<Omit<StockDeliveryReadiness, 'latestJudgement' | 'replacedValueCents'> & { effect: string | null; judgedOn: string | null; judgedByName: string | null; replacedValueCents: string }>`
        with page as (
          select id, title, quantity, unit, realised_at, coalesce(${valueAt(date)}, 0) as value_cents from delivery
          where ${stockWhose(query.filter)} and ${walk!.condition} order by ${walk!.order} limit ${limit}
        )
        select page.*, held.effect, held.judged_on, held.judged_by_name, replaced.value_cents as replaced_value_cents, replaced.quantity as replaced_quantity,
          (select count(*)::int from readiness_judgement j where j.delivery_id = page.id and j.judged_on <= ${date}::date) as judgements,
          (select count(*)::int from non_replacement_decision n where n.delivery_id = page.id and n.decided_on <= ${date}::date) as non_replacements
        from page
        left join lateral ${judgementsHeldAt(sql`delivery_id = page.id`, date)} held on true
        cross join lateral (
          select coalesce(sum(r.replaced_value_cents), 0)::text as value_cents, coalesce(sum(r.replaced_quantity), 0)::int as quantity
          from replenishment_project_state_delivery r where r.delivery_id = page.id and r.state_id in ${projectStatesHeldAt(date)}
        ) replaced
        order by ${order}`.execute(db);
      return rows.map(({ effect, judgedOn, judgedByName, replacedValueCents, ...row }) => ({
        ...row,
        latestJudgement: effect === null ? null : { effect: z.enum(READINESS_EFFECTS).parse(effect), judgedOn: judgedOn!, judgedByName: judgedByName! },
        replacedValueCents: centsFromText(replacedValueCents),
      }));
    },
    (row) => ({ value: row.title, id: row.id }),
  );
}

/** How many stock deliveries the filter finds, counted no further than the lists' cap. */
export async function countStockDeliveries(db: Db, filter: StockDeliveryFilter): Promise<{ count: number; capped: boolean }> {
  return countUpToCap(db, 'delivery', stockWhose(filter));
}

/** What the projects replace of one delivery, each with the project's name and stage. */
export async function replacementsOfDelivery(db: Db, deliveryId: string) {
  const rows = await db
    .selectFrom('replenishmentProjectDelivery as r')
    .innerJoin('replenishmentProject as p', 'p.id', 'r.projectId')
    .select(['p.id as projectId', 'p.name as project', 'p.stage', 'r.replacedValueCents', 'r.replacedQuantity'])
    .where('r.deliveryId', '=', deliveryId)
    .orderBy('p.name')
    .orderBy('p.id')
    .execute();
  return rows.map((row) => ({ ...row, stage: z.enum(REPLENISHMENT_STAGES).parse(row.stage) }));
}

/** What the stock deliveries add up to at a date, with what replenishment projects replaced of them then. */
export interface StockTotals {
  stockDeliveries: number;
  deliveredCents: number;
  replacedCents: number;
}

/** A stock delivery at a date: its value then, what projects replaced of it then and the decisions not to replace it taken by then. */
export interface StockDeliveryReplenishment {
  id: string;
  title: string;
  valueCents: number;
  replacedValueCents: number;
  nonReplacements: number;
}

/**
 * Replenishment at a date, in one statement whatever the size of the register: the stock deliveries the readiness
 * list shows then (stockWhose), each at its value then (valuesAt, read for them all at once; 0 without one) and with
 * what the projects replaced of it in the states that held then, added up; and the `limit` of the highest value then,
 * highest first, each with the decisions not to replace it taken by then.
 */
export async function replenishmentOfStockAt(db: Db, date: IsoDate, limit: number): Promise<StockTotals & { largest: StockDeliveryReplenishment[] }> {
  const { rows } = await sql<{ stockDeliveries: number; deliveredCents: string; replacedCents: string; id: string | null; title: string | null; valueCents: number | null; replacedValueCents: string | null; nonReplacements: number | null }>`
    with stock as materialized (
      select delivery.id, delivery.title, coalesce(valued.amount_cents, 0) as value_cents, coalesce(replaced.value_cents, 0) as replaced_value_cents
      from delivery
      left join (${valuesAt(db, date).select(['delivery.id as deliveryId', 'valuation.amountCents']).where('delivery.supportType', '=', 'stock')}) valued on valued.delivery_id = delivery.id
      left join (
        select delivery_id, sum(replaced_value_cents) as value_cents from replenishment_project_state_delivery
        where state_id in ${projectStatesHeldAt(date)} group by delivery_id
      ) replaced on replaced.delivery_id = delivery.id
      where ${stockWhose({ date })}
    ), largest as (
      select * from stock order by value_cents desc, id limit ${limit}
    )
    select totals.*, largest.id, largest.title, largest.value_cents, largest.replaced_value_cents::text,
      (select count(*)::int from non_replacement_decision n where n.delivery_id = largest.id and n.decided_on <= ${date}::date) as non_replacements
    from (
      select count(*)::int as stock_deliveries, coalesce(sum(value_cents), 0)::text as delivered_cents, coalesce(sum(replaced_value_cents), 0)::text as replaced_cents from stock
    ) totals
    left join largest on true
    order by largest.value_cents desc, largest.id`.execute(db);
  const [totals] = rows;
  return {
    stockDeliveries: totals!.stockDeliveries,
    deliveredCents: centsFromText(totals!.deliveredCents),
    replacedCents: centsFromText(totals!.replacedCents),
    largest: rows.flatMap(({ id, title, valueCents, replacedValueCents, nonReplacements }) =>
      id === null ? [] : { id, title: title!, valueCents: valueCents!, replacedValueCents: centsFromText(replacedValueCents!), nonReplacements: nonReplacements! },
    ),
  };
}
