import { sql, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import { containsPattern } from '../text-search.ts';
import { countUpToCap, isPositionOf, keysetColumns, readKeysetPage, type KeysetPage, type KeysetPosition, type PageStart } from '../keyset.ts';
import type { Cents } from '../../../common/money.ts';
import type { FundingSource } from '../../../common/vocabulary/codes.ts';
import { isUuid } from '../../../common/ids.ts';
import type { IsoDate } from '../../../common/dates.ts';
import { publicOnlyAfter, sharesPublicItem } from './disclosure.ts';
import type { BeginningDates } from '../../domain/delivery.ts';
import type {
  BudgetDecision,
  BudgetDecisionInput,
  BudgetFund,
  BudgetShift,
  BudgetShiftInput,
  CommitmentFields,
  CommitmentStage,
  CommitmentStageEntry,
  CommitmentStageInput,
  CommittedByStage,
} from '../../domain/budget.ts';
import type { BudgetCommitmentTable, BudgetDecisionTable, BudgetShiftTable, Database } from '../schema.ts';

type Db = Kysely<Database>;

export interface StoredCommitment extends CommitmentFields {
  id: string;
  isDemonstration: boolean;
  createdAt: string;
}

function toDecision(row: Selectable<BudgetDecisionTable>, amounts: BudgetDecision['amounts']): BudgetDecision {
  return { ...row, fund: row.fund as BudgetFund, amounts };
}

function toShift(row: Selectable<BudgetShiftTable>): BudgetShift {
  return { ...row, fund: row.fund as BudgetFund };
}

function toCommitment(row: Selectable<BudgetCommitmentTable>): StoredCommitment {
  return { ...row, fund: row.fund as BudgetFund };
}

export async function insertDecision(db: Db, id: string, input: BudgetDecisionInput & { isDemonstration: boolean }): Promise<BudgetDecision> {
  const { amounts, ...fields } = input;
  const row = await db.insertInto('budgetDecision').values({ id, ...fields }).returningAll().executeTakeFirstOrThrow();
  await db.insertInto('budgetDecisionAmount').values(amounts.map((amount) => ({ decisionId: id, ...amount }))).execute();
  return toDecision(row, [...amounts].sort((a, b) => a.budgetYear - b.budgetYear));
}

export async function insertShift(db: Db, id: string, input: BudgetShiftInput & { isDemonstration: boolean }): Promise<BudgetShift> {
  return toShift(await db.insertInto('budgetShift').values({ id, ...input }).returningAll().executeTakeFirstOrThrow());
}

export async function insertCommitment(db: Db, id: string, fields: CommitmentFields & { isDemonstration: boolean }): Promise<StoredCommitment> {
  return toCommitment(await db.insertInto('budgetCommitment').values({ id, ...fields }).returningAll().executeTakeFirstOrThrow());
}

export async function insertStage(db: Db, entry: Omit<CommitmentStageEntry, 'recordedAt'>): Promise<CommitmentStageEntry> {
  const row = await db.insertInto('budgetCommitmentStage').values(entry).returningAll().executeTakeFirstOrThrow();
  return { ...row, stage: row.stage as CommitmentStage };
}

/** Every decision with its amounts, newest first. */
export async function listDecisions(db: Db, filter: { decisionIds?: readonly string[] } = {}): Promise<BudgetDecision[]> {
  let query = db.selectFrom('budgetDecision').selectAll().orderBy('decidedOn', 'desc').orderBy('recordedAt', 'desc');
  if (filter.decisionIds) {
    if (filter.decisionIds.length === 0) return [];
    query = query.where('id', 'in', filter.decisionIds);
  }
  const rows = await query.execute();
  if (rows.length === 0) return [];
  const amounts = await db
    .selectFrom('budgetDecisionAmount')
    .selectAll()
    .where('decisionId', 'in', rows.map((row) => row.id))
    .orderBy('budgetYear')
    .execute();
  return rows.map((row) =>
    toDecision(
      row,
      amounts.filter((amount) => amount.decisionId === row.id).map(({ budgetYear, amountCents }) => ({ budgetYear, amountCents })),
    ),
  );
}

export async function listShifts(db: Db, filter: { fund?: BudgetFund; shiftIds?: readonly string[] } = {}): Promise<BudgetShift[]> {
  let query = db.selectFrom('budgetShift').selectAll().orderBy('decidedOn', 'desc').orderBy('recordedAt', 'desc');
  if (filter.fund) query = query.where('fund', '=', filter.fund);
  if (filter.shiftIds) {
    if (filter.shiftIds.length === 0) return [];
    query = query.where('id', 'in', filter.shiftIds);
  }
  return (await query.execute()).map(toShift);
}

/** Keeps shifts of a fund from being judged against each other's stale view of its budget. */
export async function lockFundBudget(db: Db): Promise<void> {
  await sql`lock table budget_shift in share row exclusive mode`.execute(db);
}

/** Makes the recording of commitments wait for each other: looking for the same one recorded and recording this one are one step. */
export async function lockCommitments(db: Db): Promise<void> {
  await sql`lock table budget_commitment in share row exclusive mode`.execute(db);
}

export async function findCommitment(db: Db, id: string, options: { forUpdate?: boolean } = {}): Promise<StoredCommitment | undefined> {
  if (!isUuid(id)) return undefined;
  let query = db.selectFrom('budgetCommitment').selectAll().where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row && toCommitment(row);
}

/** Which commitments the budget page lists: those whose title or contract reference contains the text, of a budget year, of a fund. */
export interface CommitmentFilter {
  contains?: string | undefined;
  budgetYear?: number | undefined;
  fund?: BudgetFund | undefined;
}

/**
 * Commitments are listed by title, as people look for them, whatever year or fund they choose: one walk
 * of the index budget_commitment_title (migration 037) serves every filter. A year keeps about a quarter
 * of the commitments and a fund a third, so the walk finds a page after a few hundred rows; an order by
 * year first would need an index per combination of filters.
 */
const COMMITMENT_ORDER = keysetColumns.text('title', (text) => text.length <= 300);

export const isCommitmentPosition = (position: KeysetPosition) => isPositionOf(COMMITMENT_ORDER, position);

function commitmentsWhere({ contains, budgetYear, fund }: CommitmentFilter): RawBuilder<boolean> {
  const conditions = [sql`true`];
  const pattern = contains && containsPattern(contains);
  if (pattern) conditions.push(sql`(title ilike ${pattern} or contract_reference ilike ${pattern})`);
  if (budgetYear !== undefined) conditions.push(sql`budget_year = ${budgetYear}`);
  if (fund) conditions.push(sql`fund = ${fund}`);
  return sql<boolean>`${sql.join(conditions, sql` and `)}`;
}

/** A page of the commitments the filter finds, by title. */
export async function commitmentsPage(db: Db, query: { filter: CommitmentFilter; start: PageStart; limit: number }): Promise<KeysetPage<StoredCommitment>> {
  return readKeysetPage(
    COMMITMENT_ORDER,
    false,
    query.start,
    query.limit,
    async ([walk], order, limit) => {
      const { rows } = await sql<Selectable<BudgetCommitmentTable>>`
        select * from budget_commitment where ${commitmentsWhere(query.filter)} and ${walk!.condition} order by ${order} limit ${limit}`.execute(db);
      return rows.map(toCommitment);
    },
    (commitment) => ({ value: commitment.title, id: commitment.id }),
  );
}

/** How many commitments the filter finds, counted no further than the lists' cap. */
export async function countCommitments(db: Db, filter: CommitmentFilter): Promise<{ count: number; capped: boolean }> {
  return countUpToCap(db, 'budget_commitment', commitmentsWhere(filter));
}

/** The commitments against a fund's budget year as they were first recorded: their fields and first stage, and when. */
export async function commitmentsAsRecorded(db: Db, fund: BudgetFund, budgetYear: number): Promise<(CommitmentFields & CommitmentStageInput & { id: string; recordedAt: string })[]> {
  const commitments = await db.selectFrom('budgetCommitment').selectAll().where('fund', '=', fund).where('budgetYear', '=', budgetYear).execute();
  if (commitments.length === 0) return [];
  const stages = await db
    .selectFrom('budgetCommitmentStage')
    .selectAll()
    .where('commitmentId', 'in', commitments.map((commitment) => commitment.id))
    .orderBy('recordedAt')
    .orderBy('id')
    .execute();
  const firstStageOf = new Map<string, (typeof stages)[number]>();
  for (const stage of stages) if (!firstStageOf.has(stage.commitmentId)) firstStageOf.set(stage.commitmentId, stage);
  return commitments.flatMap(({ id, title, deliveryId, contractReference, createdAt }) => {
    const first = firstStageOf.get(id);
    if (!first) return [];
    const { stage, amountCents, effectiveOn, note } = first;
    return [{ id, title, fund, budgetYear, deliveryId, contractReference, stage: stage as CommitmentStage, amountCents, effectiveOn, note, recordedAt: createdAt }];
  });
}

/** The stages of the given commitments, each commitment's in the order they were added. */
export async function listStages(db: Db, commitmentIds: readonly string[]): Promise<CommitmentStageEntry[]> {
  if (commitmentIds.length === 0) return [];
  const rows = await db
    .selectFrom('budgetCommitmentStage')
    .selectAll()
    .where('commitmentId', 'in', commitmentIds)
    .orderBy('effectiveOn')
    .orderBy('recordedAt')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ ...row, stage: row.stage as CommitmentStage }));
}

/** The latest stage of each commitment effective on or before the date. */
function latestStagesAt(db: Db, date: string) {
  return db
    .selectFrom('budgetCommitmentStage')
    .distinctOn('commitmentId')
    .select(['commitmentId', 'stage', 'amountCents'])
    .where('effectiveOn', '<=', date)
    .orderBy('commitmentId')
    .orderBy('effectiveOn', 'desc')
    .orderBy('recordedAt', 'desc')
    .orderBy('id', 'desc');
}

/** What the commitments of each budget year held at a date, per stage; of one fund when it is given. */
export async function committedByYearAt(db: Db, date: string, fund?: BudgetFund): Promise<Map<number, CommittedByStage>> {
  let query = db
    .selectFrom('budgetCommitment as c')
    .innerJoin(latestStagesAt(db, date).as('s'), 's.commitmentId', 'c.id')
    .select(['c.budgetYear', 's.stage', sql<Cents>`sum(s.amount_cents)::bigint`.as('cents')])
    .groupBy(['c.budgetYear', 's.stage']);
  if (fund) query = query.where('c.fund', '=', fund);
  const byYear = new Map<number, { pledged: Cents; committed: Cents }>();
  for (const row of await query.execute()) {
    const year = byYear.get(row.budgetYear) ?? { pledged: 0, committed: 0 };
    year[row.stage as CommitmentStage] = row.cents;
    byYear.set(row.budgetYear, year);
  }
  return byYear;
}

/**
 * The amounts at a date of the commitments a letter names: only those of no delivery or of a public one whose
 * decision makes its value public (not one public only from a later date), so that a letter cannot print by
 * way of its commitment the money of a delivery whose value it may not name; verifying a final letter
 * (`checkDisclosure` false) takes those of any delivery not removed, as the letter was approved with them.
 * Each says whether its delivery is public as one of several (sharesPublicItem), whose part it would tell.
 */
export async function letterCommitmentAmountsAt(
  db: Db,
  date: string,
  ids: readonly string[],
  options: { checkDisclosure: boolean },
): Promise<Map<string, { cents: Cents; budgetYear: number; partOfPublicItem: boolean }>> {
  if (ids.length === 0) return new Map();
  const rows = await commitmentsNameableAt(db, date, ids, options)
    .innerJoin(latestStagesAt(db, date).as('s'), 's.commitmentId', 'c.id')
    .select(['c.id', 's.amountCents', 'c.budgetYear', sharesPublicItem(sql.ref('c.deliveryId')).as('partOfPublicItem')])
    .execute();
  return new Map(rows.map((row) => [row.id, { cents: row.amountCents, budgetYear: row.budgetYear, partOfPublicItem: row.partOfPublicItem }]));
}

/**
 * Of the commitments by these ids that a letter at a date could name had they begun by then (of no delivery, or
 * of one it may name alone, as letterCommitmentAmountsAt takes them), those whose first stage is effective only
 * after the date, with that day.
 */
export async function nameableCommitmentsBeginningAfter(db: Db, date: string, ids: readonly string[]): Promise<Map<string, IsoDate>> {
  if (ids.length === 0) return new Map();
  const rows = await commitmentsNameableAt(db, date, ids, { checkDisclosure: true })
    .innerJoin('budgetCommitmentStage as s', 's.commitmentId', 'c.id')
    .where((eb) => eb.not(sharesPublicItem(sql.ref('c.deliveryId'))))
    .select((eb) => ['c.id', eb.fn.min<IsoDate>('s.effectiveOn').as('beginsOn')])
    .groupBy('c.id')
    .having((eb) => eb.fn.min('s.effectiveOn'), '>', date)
    .execute();
  return new Map(rows.map((row) => [row.id, row.beginsOn]));
}

/** The commitments by these ids whose delivery a letter at a date may name (see letterCommitmentAmountsAt). */
function commitmentsNameableAt(db: Db, date: string, ids: readonly string[], options: { checkDisclosure: boolean }) {
  return db
    .selectFrom('budgetCommitment as c')
    .leftJoin('delivery as d', 'd.id', 'c.deliveryId')
    .leftJoin('publicDelivery as p', 'p.publicId', 'd.publicId')
    .where('c.id', 'in', ids)
    .where((eb) =>
      eb.or([
        eb('c.deliveryId', 'is', null),
        options.checkDisclosure
          ? eb.and([
              eb('d.disclosureState', '=', 'public'),
              eb('d.deletedAt', 'is', null),
              eb('p.valueCents', 'is not', null),
              eb.not(publicOnlyAfter(sql.ref('d.id'), date)),
            ])
          : eb('d.deletedAt', 'is', null),
      ]),
    );
}

/** What a commitment reads of the delivery it is for. */
export interface DeliveryOfCommitment extends BeginningDates {
  fundingSource: FundingSource;
}

/**
 * The budget a delivery in the register is paid from and the dates it begins with, the delivery kept from removal
 * and change until the transaction ends (see deleteDelivery, updateDelivery); undefined when there is no such delivery.
 */
export async function deliveryOfCommitment(db: Db, id: string): Promise<DeliveryOfCommitment | undefined> {
  const found = await db.selectFrom('delivery').select(['fundingSource', 'pledgedAt', 'committedAt']).where('id', '=', id).where('deletedAt', 'is', null).forShare().executeTakeFirst();
  return found && { ...found, fundingSource: found.fundingSource as FundingSource };
}

/** The days of the stages of the commitments for a delivery. */
export async function commitmentStageDaysOf(db: Db, deliveryId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('budgetCommitmentStage as s')
    .innerJoin('budgetCommitment as c', 'c.id', 's.commitmentId')
    .select('s.effectiveOn')
    .where('c.deliveryId', '=', deliveryId)
    .execute();
  return rows.map((row) => row.effectiveOn);
}

export async function insertDecisionIfAbsent(db: Db, decision: Omit<BudgetDecision, 'recordedAt'>): Promise<boolean> {
  if (await db.selectFrom('budgetDecision').select('id').where('id', '=', decision.id).executeTakeFirst()) return false;
  const { id, ...input } = decision;
  await insertDecision(db, id, input);
  return true;
}

export async function insertShiftIfAbsent(db: Db, shift: Omit<BudgetShift, 'recordedAt'>): Promise<void> {
  await db.insertInto('budgetShift').values(shift).onConflict((c) => c.column('id').doNothing()).execute();
}

export async function insertCommitmentIfAbsent(db: Db, commitment: Omit<StoredCommitment, 'createdAt'>, stages: Omit<CommitmentStageEntry, 'recordedAt'>[]): Promise<void> {
  const inserted = await db.insertInto('budgetCommitment').values(commitment).onConflict((c) => c.column('id').doNothing()).returning('id').executeTakeFirst();
  if (inserted && stages.length > 0) await db.insertInto('budgetCommitmentStage').values(stages).execute();
}
