import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { centsOfTotal, sumCents, totalCents, type Cents } from '../../common/money.ts';
import type { IsoDate } from '../../common/dates.ts';
import {
  budgetByYearAt,
  budgetFigures,
  commitmentViolations,
  decisionViolations,
  deliveryFundViolations,
  FIRST_BUDGET_YEAR,
  movementsOf,
  shiftBudgetViolations,
  shiftFieldViolations,
  stageFollowsDeliveryViolations,
  stageOfCommitmentViolations,
  stageViolations,
  type BudgetDecision,
  type BudgetDecisionInput,
  type BudgetFigures,
  type BudgetFund,
  type BudgetShift,
  type BudgetShiftInput,
  type CommitmentFields,
  type CommitmentStageEntry,
  type CommitmentStageInput,
} from '../domain/budget.ts';
import type { RuleViolation } from '../domain/delivery.ts';
import type { LetterBudgetFigureKind, LetterBudgetYearPart } from '../../common/vocabulary/codes.ts';
import type { LetterBudgetInputs } from '../letters/snapshot.ts';
import * as budget from '../db/repositories/budget.ts';
import * as letters from '../db/repositories/letters.ts';
import { figureNames } from '../letters/narrative.ts';
import { lockNamesOf } from '../db/repositories/names.ts';
import { nameTakenViolations } from '../domain/names.ts';
import { sameRecordViolations } from '../domain/same-record.ts';
import { realisedTotalsAtDates } from '../db/repositories/figures.ts';
import type { KeysetPage, PageStart } from '../db/keyset.ts';
import type { Database } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { requestDay, recordAuditEvent, type RequestContext } from '../audit/trail.ts';
import type { WarningCode } from '../domain/warnings.ts';
import { sentLetterPeriodWarningsOf } from './confirmed-warnings.ts';
import { recordNew } from './new-record.ts';
import { assertConfirmed, assertValid, assertVersionMatches, NotFoundError, type ExpectedVersion } from './errors.ts';

type Db = Kysely<Database>;

export interface CommitmentDetail extends budget.StoredCommitment {
  stages: CommitmentStageEntry[];
  /** How many stages it has: the version of its history, which only grows. */
  version: number;
  /** Its latest stage's amount. */
  amountCents: Cents;
  /**
   * More is committed and pledged in its fund's budget year than that year's budget holds. A commitment
   * is a fact of a contract or an announcement: the register records it and says so, it does not refuse it.
   */
  exceedsBudget: boolean;
}

// Every change below is recorded in the audit trail in the transaction that makes it.

/**
 * A decision of a moment (Voorjaarsnota 2025) on a fund is recorded once, with its amount for each year: a
 * moment another decision on the fund has, whatever its case, accents and spaces (nameKey), is that decision.
 * Decided on or before the reference date of the latest letter sent to parliament, it adds to the budget the letter
 * printed: it is recorded only when `confirmed` names that warning, which its audit event then keeps (a shift, which
 * moves money between years, leaves that total as it was, and a new commitment is none a sent letter's text names).
 */
export async function createDecision(db: Db, context: RequestContext, input: BudgetDecisionInput, confirmed: readonly WarningCode[] = []): Promise<BudgetDecision> {
  return recordNew(db, context, {
    action: 'budgetDecision.create',
    objectType: 'budgetDecision',
    lock: (trx) => lockNamesOf(trx, 'budgetDecision', input.fund),
    violations: async (trx) => [...decisionViolations(input, requestDay(context)), ...(await decisionRegisterViolations(trx, input))],
    warnings: (trx) => sentLetterPeriodWarningsOf(trx, 'decidedOn', input.decidedOn),
    confirmed,
    insert: (trx) => budget.insertDecision(trx, randomUUID(), { ...input, isDemonstration: false }),
  });
}

/** The rules of a budget decision that read the register, on the fields given: a moment no other decision on its fund has. */
export async function decisionRegisterViolations(db: Db, { moment, fund }: Partial<BudgetDecisionInput>): Promise<RuleViolation[]> {
  if (moment === undefined || fund === undefined) return [];
  const ofFund = (await budget.listDecisions(db)).filter((decision) => decision.fund === fund);
  return nameTakenViolations('budgetDecision', 'moment', moment, ofFund.map((decision) => decision.moment));
}

/** What a shift's form asks: two shifts the same in all of it are one sent twice (a larger shift moves the sum at once). */
const SHIFT_FIELDS = ['moment', 'decidedOn', 'fund', 'fromYear', 'toYear', 'amountCents', 'description'] as const;

export async function createShift(db: Db, context: RequestContext, input: BudgetShiftInput): Promise<BudgetShift> {
  return inTransaction(db, async (trx) => {
    await budget.lockFundBudget(trx);
    const today = requestDay(context);
    assertValid([...shiftFieldViolations(input, today), ...(await shiftRegisterViolations(trx, input, today))]);
    const shift = await budget.insertShift(trx, randomUUID(), { ...input, isDemonstration: false });
    await recordAuditEvent(trx, context, { action: 'budgetShift.create', object: { type: 'budgetShift', id: shift.id }, result: 'success', after: shift });
    return shift;
  });
}

/** The rules of a shift that read the register, on the fields given: what its year holds, and a shift the same as one recorded. */
export async function shiftRegisterViolations(db: Db, input: Partial<BudgetShiftInput>, today: IsoDate): Promise<RuleViolation[]> {
  if (input.fund === undefined) return [];
  const [movements, shifts] = await Promise.all([fundMovements(db, input.fund), budget.listShifts(db, { fund: input.fund })]);
  return [...shiftBudgetViolations(input, movements, today), ...sameRecordViolations(SHIFT_FIELDS, input, shifts)];
}

async function fundMovements(db: Db, fund: BudgetFund) {
  const [decisions, shifts] = await Promise.all([budget.listDecisions(db), budget.listShifts(db, { fund })]);
  return movementsOf(decisions.filter((decision) => decision.fund === fund), shifts);
}

/** What a commitment's form asks, and its first stage's: a commitment the same in all of them is one sent twice. */
const COMMITMENT_FIELDS = ['title', 'deliveryId', 'contractReference', 'stage', 'amountCents', 'effectiveOn', 'note'] as const;

/** A commitment with its first stage: a pledge, or a legal commitment straight away. */
export async function createCommitment(db: Db, context: RequestContext, fields: CommitmentFields, first: CommitmentStageInput): Promise<CommitmentDetail> {
  return inTransaction(db, async (trx) => {
    await budget.lockCommitments(trx);
    assertValid([...commitmentViolations(fields, first, requestDay(context)), ...(await commitmentRegisterViolations(trx, { ...fields, ...first }))]);
    const commitment = await budget.insertCommitment(trx, randomUUID(), { ...fields, isDemonstration: false });
    const stage = await budget.insertStage(trx, { id: randomUUID(), commitmentId: commitment.id, ...first });
    await recordAuditEvent(trx, context, {
      action: 'budgetCommitment.create',
      object: { type: 'budgetCommitment', id: commitment.id },
      result: 'success',
      after: { ...commitment, stage },
    });
    return (await detailsAt(trx, [commitment], requestDay(context)))[0]!;
  });
}

/**
 * The rules of a new commitment that read the register, on the fields given: a delivery it names that exists, is
 * paid from its fund and began by its first stage's date, and a commitment the same as one recorded.
 */
export async function commitmentRegisterViolations(db: Db, input: Partial<CommitmentFields & CommitmentStageInput>): Promise<RuleViolation[]> {
  const { deliveryId, fund, budgetYear } = input;
  const delivery = deliveryId ? await budget.deliveryOfCommitment(db, deliveryId) : undefined;
  return [
    ...(deliveryId ? deliveryFundViolations(fund, delivery?.fundingSource) : []),
    ...stageFollowsDeliveryViolations(delivery, input.effectiveOn),
    ...(fund === undefined || budgetYear === undefined ? [] : sameRecordViolations(COMMITMENT_FIELDS, input, await budget.commitmentsAsRecorded(db, fund, budgetYear))),
  ];
}

/**
 * The next stage of a commitment, or a new amount at the same stage; earlier stages stay as they were. With
 * an expected version (If-Match), only when no stage was added since the caller read the commitment. A stage is
 * dated on or after the latest, so one on or before the reference date of the latest letter sent to parliament is the
 * commitment's stage then: where that letter's text names the commitment's amount and the stage changes it, it is
 * recorded only when `confirmed` names that warning, which its audit event then keeps.
 */
export async function addCommitmentStage(
  db: Db,
  context: RequestContext,
  commitmentId: string,
  input: CommitmentStageInput,
  expectedVersion?: ExpectedVersion,
  confirmed: readonly WarningCode[] = [],
): Promise<CommitmentDetail> {
  return inTransaction(db, async (trx) => {
    const commitment = await budget.findCommitment(trx, commitmentId, { forUpdate: true });
    if (!commitment) throw new NotFoundError('budgetCommitment', commitmentId);
    const stages = await budget.listStages(trx, [commitmentId]);
    assertVersionMatches(expectedVersion, stages.length);
    assertValid([...stageViolations(commitment.budgetYear, stages, input, requestDay(context)), ...(await stageOfDeliveryViolations(trx, commitment, input))]);
    const movesNamedAmount = async (referenceDate: IsoDate) =>
      input.amountCents !== stages.at(-1)!.amountCents && figureNames(await letters.sentLetterBlocks(trx, referenceDate)).includes(`budgetCommitment:${commitmentId}`);
    const confirmedWarnings = assertConfirmed(await sentLetterPeriodWarningsOf(trx, 'effectiveOn', input.effectiveOn, movesNamedAmount), confirmed);
    const stage = await budget.insertStage(trx, { id: randomUUID(), commitmentId, ...input });
    await recordAuditEvent(trx, context, {
      action: 'budgetCommitment.stage',
      object: { type: 'budgetCommitment', id: commitmentId },
      result: 'success',
      after: stage,
      confirmedWarnings,
    });
    return (await detailsAt(trx, [commitment], requestDay(context)))[0]!;
  });
}

/**
 * The rules of a next stage that read its commitment (its budget year, stages so far and delivery), on the fields given; a
 * commitment that does not exist has none.
 */
export async function stageRegisterViolations(db: Db, commitmentId: string, input: Partial<CommitmentStageInput>, today: IsoDate): Promise<RuleViolation[]> {
  const commitment = await budget.findCommitment(db, commitmentId);
  if (!commitment) return [];
  return [...stageOfCommitmentViolations(commitment.budgetYear, await budget.listStages(db, [commitmentId]), input, today), ...(await stageOfDeliveryViolations(db, commitment, input))];
}

/** A stage of a commitment for a delivery follows the delivery's beginning. */
async function stageOfDeliveryViolations(db: Db, { deliveryId }: budget.StoredCommitment, { effectiveOn }: Partial<CommitmentStageInput>): Promise<RuleViolation[]> {
  return deliveryId && effectiveOn !== undefined ? stageFollowsDeliveryViolations(await budget.deliveryOfCommitment(db, deliveryId), effectiveOn) : [];
}

/** The budget decisions and the shifts between years: a handful a year, read whole. */
export async function listBudget(db: Db): Promise<{ decisions: BudgetDecision[]; shifts: BudgetShift[] }> {
  const [decisions, shifts] = await Promise.all([budget.listDecisions(db), budget.listShifts(db)]);
  return { decisions, shifts };
}

/** A page of the commitments the filter finds, by title, with how many there are (capped). */
export async function listCommitments(
  db: Db,
  query: { filter: budget.CommitmentFilter; start: PageStart; pageSize: number; today: IsoDate },
): Promise<KeysetPage<CommitmentDetail> & { total: number; totalIsCapped: boolean }> {
  const [page, found] = await Promise.all([
    commitmentsPage(db, { filter: query.filter, start: query.start, limit: query.pageSize, today: query.today }),
    budget.countCommitments(db, query.filter),
  ]);
  return { ...page, total: found.count, totalIsCapped: found.capped };
}

/** A page of commitments, each with its stages and judged against its fund's budget as known today. */
export async function commitmentsPage(db: Db, query: { filter: budget.CommitmentFilter; start: PageStart; limit: number; today: IsoDate }): Promise<KeysetPage<CommitmentDetail>> {
  const page = await budget.commitmentsPage(db, query);
  return { ...page, rows: await detailsAt(db, page.rows, query.today) };
}

/** One commitment as the list shows it. */
export async function getCommitment(db: Db, id: string, todayIso: IsoDate): Promise<CommitmentDetail> {
  const commitment = await budget.findCommitment(db, id);
  if (!commitment) throw new NotFoundError('budgetCommitment', id);
  return (await detailsAt(db, [commitment], todayIso))[0]!;
}

/**
 * The commitments with their stages, each judged against its fund's budget as known on the day (today:
 * the same answer whether a commitment was just recorded, listed or read alone); the figures of their funds only.
 */
async function detailsAt(db: Db, commitments: budget.StoredCommitment[], todayIso: IsoDate): Promise<CommitmentDetail[]> {
  const funds = [...new Set(commitments.map((commitment) => commitment.fund))];
  const [stages, figures] = await Promise.all([
    budget.listStages(db, commitments.map((commitment) => commitment.id)),
    Promise.all(funds.map(async (fund) => [fund, await budgetFiguresAt(db, todayIso, todayIso, fund)] as const)),
  ]);
  const stagesOf = Map.groupBy(stages, (stage) => stage.commitmentId);
  const figuresOf = new Map(figures);
  return commitments.map((commitment) => {
    const own = stagesOf.get(commitment.id)!;
    const year = figuresOf.get(commitment.fund)!.years.find((row) => row.budgetYear === commitment.budgetYear);
    return { ...commitment, stages: own, version: own.length, amountCents: own.at(-1)!.amountCents, exceedsBudget: year?.overcommitted ?? false };
  });
}

/**
 * Per budget year and in total since 2022, as known at `knownAt`: budgeted, legally committed, pledged,
 * unallocated, realised (of all funds together only: realisation is not booked per fund) and the pace
 * of realisation; of one fund when it is given, with realised and its pace null (not known per fund). `today` is the caller's: no year after it is realised yet.
 */
export async function budgetFiguresAt(db: Db, knownAt: IsoDate, today: IsoDate, fund?: BudgetFund): Promise<BudgetFigures> {
  const [decisions, shifts, committed] = await Promise.all([
    budget.listDecisions(db),
    budget.listShifts(db, fund ? { fund } : {}),
    budget.committedByYearAt(db, knownAt, fund),
  ]);
  const movements = movementsOf(fund ? decisions.filter((decision) => decision.fund === fund) : decisions, shifts);
  return budgetFigures(knownAt, budgetByYearAt(movements, knownAt), committed, fund ? null : await realisedByYear(db, knownAt, today));
}

/** Realised support per calendar year up to `until` and no later than today's year: the register's realisation figures at each year's end. */
async function realisedByYear(db: Db, until: IsoDate, today: IsoDate): Promise<Map<number, Cents>> {
  const untilYear = Number(until.slice(0, 4));
  const lastYear = Math.min(untilYear, Number(today.slice(0, 4)));
  const ends = [`${FIRST_BUDGET_YEAR - 1}-12-31`];
  for (let year = FIRST_BUDGET_YEAR; year <= lastYear; year++) ends.push(year === untilYear ? until : `${year}-12-31`);
  const totals = (await realisedTotalsAtDates(db, ends)).map((atEnd) => centsOfTotal(totalCents(Object.values(atEnd))));
  const byYear = new Map<number, Cents>();
  for (let index = 1; index < ends.length; index++) byYear.set(FIRST_BUDGET_YEAR + index - 1, totals[index]! - totals[index - 1]!);
  return byYear;
}

type YearFigure = [`${LetterBudgetFigureKind}:${string}`, string];

/** A period of budget years as the letter writes it: "2025-2027", or "2025" for one year. */
const yearsText = (first: number, last: number) => (first === last ? String(first) : `${first}-${last}`);

/** What of each kind of budget record its years are read from. */
interface YearRecords {
  budgetDecision: { firstYear: number; lastYear: number };
  budgetShift: { fromYear: number; toYear: number };
  budgetCommitment: { budgetYear: number };
}
/** The parts of a kind of record that LETTER_BUDGET_YEAR_PARTS names (`fromYear` of `budgetShift.fromYear`). */
type YearPartOf<Kind extends LetterBudgetFigureKind> = LetterBudgetYearPart extends infer Part ? (Part extends `${Kind}.${infer Name}` ? Name : never) : never;
/**
 * The years a letter's text may name of a budget record after its id (`{{budgetDecision:ID.period}}`), each as the
 * letter prints it: a decision's period ("2025-2027"), a shift's years, a commitment's budget year.
 */
export const BUDGET_YEAR_PARTS: { readonly [Kind in LetterBudgetFigureKind]: Readonly<Record<YearPartOf<Kind>, (record: YearRecords[Kind]) => string>> } = {
  budgetDecision: { period: (decision) => yearsText(decision.firstYear, decision.lastYear) },
  budgetShift: { fromYear: (shift) => String(shift.fromYear), toYear: (shift) => String(shift.toYear) },
  budgetCommitment: { year: (commitment) => String(commitment.budgetYear) },
};

/** Every year the text may name of each record, by its figure's name (`budgetShift:ID.fromYear`). */
function yearFigures<Kind extends LetterBudgetFigureKind>(kind: Kind, records: readonly (readonly [string, YearRecords[Kind]])[]): YearFigure[] {
  const parts: [string, (record: YearRecords[Kind]) => string][] = Object.entries(BUDGET_YEAR_PARTS[kind]);
  return records.flatMap(([id, record]) => parts.map(([part, text]): YearFigure => [`${kind}:${id}.${part}`, text(record)]));
}

/** The budget a letter names, at its reference date: the total, and the decisions, shifts and commitments its text names. */
export async function letterBudgetInputs(
  db: Db,
  referenceDate: IsoDate,
  named: Record<LetterBudgetFigureKind, string[]>,
  options: { checkDisclosure: boolean },
): Promise<LetterBudgetInputs> {
  const [decisions, shifts, amounts] = await Promise.all([
    budget.listDecisions(db),
    budget.listShifts(db),
    budget.letterCommitmentAmountsAt(db, referenceDate, named.budgetCommitment, options),
  ]);
  // A commitment for one of several deliveries public as one item would print its part: the text may not name it.
  const partOfItem = new Set(options.checkDisclosure ? [...amounts].filter(([, commitment]) => commitment.partOfPublicItem).map(([id]) => id) : []);
  const commitments = [...amounts].filter(([id]) => !partOfItem.has(id));
  const budgeted = budgetByYearAt(movementsOf(decisions, shifts), referenceDate);
  const knownAndNamed = <T extends { id: string; decidedOn: IsoDate }>(items: T[], ids: string[]) =>
    items.filter((item) => item.decidedOn <= referenceDate && ids.includes(item.id));
  const namedDecisions = knownAndNamed(decisions, named.budgetDecision);
  const namedShifts = knownAndNamed(shifts, named.budgetShift);
  return {
    totalCents: sumCents(budgeted.values()),
    named: {
      budgetDecision: new Map(namedDecisions.map((decision) => [decision.id, sumCents(decision.amounts.map((amount) => amount.amountCents))])),
      budgetShift: new Map(namedShifts.map((shift) => [shift.id, shift.amountCents])),
      budgetCommitment: new Map(commitments.map(([id, commitment]) => [id, commitment.cents])),
    },
    commitmentsOfPartOfItem: partOfItem,
    years: new Map([
      ...yearFigures('budgetDecision', namedDecisions.map((decision) => [decision.id, decision] as const)),
      ...yearFigures('budgetShift', namedShifts.map((shift) => [shift.id, shift] as const)),
      ...yearFigures('budgetCommitment', commitments),
    ]),
  };
}
