import { pastDateViolations, whereGiven } from './plausibility.ts';
import { cents, sumCents, type Cents } from '../../common/money.ts';
import type { IsoDate } from '../../common/dates.ts';
import { percentage } from '../../common/letter-format.ts';
import { COMMITMENT_STAGES, FIRST_BUDGET_YEAR, LAST_BUDGET_YEAR, type BudgetFund, type CommitmentStage, type FundingSource } from '../../common/vocabulary/codes.ts';
import { followsBeginningViolations, type BeginningDates, type RuleViolation } from './delivery.ts';
import { unknownRecord } from './references.ts';

export { BUDGET_FUNDS, COMMITMENT_STAGES, FIRST_BUDGET_YEAR, LAST_BUDGET_YEAR, type BudgetFund, type CommitmentStage } from '../../common/vocabulary/codes.ts';
/** No budget decision of this register predates the first support to Ukraine. */

interface YearAmount {
  budgetYear: number;
  amountCents: Cents;
}

/** Money made available on a fund, spread over the budget years of a period. */
export interface BudgetDecisionInput {
  moment: string;
  decidedOn: IsoDate;
  fund: BudgetFund;
  firstYear: number;
  lastYear: number;
  amounts: YearAmount[];
  description: string;
}

export interface BudgetDecision extends BudgetDecisionInput {
  id: string;
  isDemonstration: boolean;
  recordedAt: string;
}

/** Money moved from one budget year of a fund to another ("€2 mld. from 2026 to 2025"). */
export interface BudgetShiftInput {
  moment: string;
  decidedOn: IsoDate;
  fund: BudgetFund;
  fromYear: number;
  toYear: number;
  amountCents: Cents;
  description: string;
}

export interface BudgetShift extends BudgetShiftInput {
  id: string;
  isDemonstration: boolean;
  recordedAt: string;
}

export interface CommitmentStageInput {
  stage: CommitmentStage;
  amountCents: Cents;
  effectiveOn: IsoDate;
  note: string;
}

export interface CommitmentStageEntry extends CommitmentStageInput {
  id: string;
  commitmentId: string;
  recordedAt: string;
}

/** Money of a budget year meant for a delivery, contract or contribution. */
export interface CommitmentFields {
  title: string;
  fund: BudgetFund;
  budgetYear: number;
  deliveryId: string | null;
  contractReference: string | null;
}

/** One change to the budget of a fund's year, dated by the decision that made it. */
export interface BudgetMovement {
  fund: BudgetFund;
  budgetYear: number;
  decidedOn: IsoDate;
  cents: Cents;
}

/** A decision adds to each of its years; a shift takes from one year what it adds to another. */
export function movementsOf(decisions: readonly BudgetDecisionInput[], shifts: readonly BudgetShiftInput[]): BudgetMovement[] {
  return [
    ...decisions.flatMap((decision) =>
      decision.amounts.map((amount) => ({ fund: decision.fund, budgetYear: amount.budgetYear, decidedOn: decision.decidedOn, cents: amount.amountCents })),
    ),
    ...shifts.flatMap((shift) => [
      { fund: shift.fund, budgetYear: shift.fromYear, decidedOn: shift.decidedOn, cents: -shift.amountCents },
      { fund: shift.fund, budgetYear: shift.toYear, decidedOn: shift.decidedOn, cents: shift.amountCents },
    ]),
  ];
}

/** The budget per year as it stood on `knownAt`: every movement decided on or before that day. */
export function budgetByYearAt(movements: readonly BudgetMovement[], knownAt: IsoDate): Map<number, Cents> {
  const byYear = new Map<number, Cents>();
  for (const movement of movements) {
    if (movement.decidedOn > knownAt) continue;
    byYear.set(movement.budgetYear, cents((byYear.get(movement.budgetYear) ?? 0) + movement.cents));
  }
  return byYear;
}


function yearViolations(field: string, year: number): RuleViolation[] {
  return year < FIRST_BUDGET_YEAR || year > LAST_BUDGET_YEAR
    ? [{ field, code: 'budgetYearOutOfRange', params: { first: String(FIRST_BUDGET_YEAR), last: String(LAST_BUDGET_YEAR) } }]
    : [];
}

/**
 * How many years after the year it is taken a decision on the budget reaches: the Miljoenennota presents
 * the next budget year and the multi-year estimates (meerjarenraming) after it, and the Voorjaarsnota 2024
 * spread its money up to 2029.
 */
const DECISION_REACH_YEARS = 5;

/**
 * A decision (or shift) is dated as a day that has come, and is about budget years of the register that
 * have not closed when it is taken and lie within its reach ("Voorjaarsbesluitvorming 2025 ... voor de
 * periode 2025-2027"), each year named once with its field.
 */
function decidedYearsViolations(decidedOn: IsoDate | undefined, today: IsoDate, years: Record<string, number | undefined>): RuleViolation[] {
  const dateViolations = whereGiven(decidedOn, (date) => pastDateViolations('decidedOn', date, today));
  return [
    ...dateViolations,
    ...Object.entries(years).flatMap(([field, year]): RuleViolation[] => {
      if (year === undefined) return [];
      const outOfRange = yearViolations(field, year);
      if (outOfRange.length > 0 || dateViolations.length > 0 || decidedOn === undefined) return outOfRange;
      const first = Number(decidedOn.slice(0, 4));
      const last = first + DECISION_REACH_YEARS;
      return year < first || year > last ? [{ field, code: 'yearOutsideReach', params: { decidedOn, first: String(first), last: String(last) } }] : [];
    }),
  ];
}

/**
 * A decision is dated no later than today, for years within its reach, and spreads positive amounts over distinct years of its own period.
 * Each rule is judged on the fields it reads that are given (a request's field that is no value of its kind is missing).
 */
export function decisionViolations(input: Partial<Pick<BudgetDecisionInput, 'decidedOn' | 'firstYear' | 'lastYear' | 'amounts'>>, today: IsoDate): RuleViolation[] {
  const { firstYear, lastYear, amounts = [] } = input;
  const violations = decidedYearsViolations(input.decidedOn, today, { firstYear, lastYear });
  // A period that ends before it starts has no years: it is refused at its last year, not at each amount too.
  const period = firstYear === undefined || lastYear === undefined ? undefined : { firstYear, lastYear };
  if (period && period.lastYear < period.firstYear) violations.push({ field: 'lastYear', code: 'beforeFirstYear' });
  else if (input.amounts?.length === 0) violations.push({ field: 'amounts', code: 'noYearAmount' });
  const seen = new Set<number>();
  amounts.forEach((amount, index) => {
    const field = `amounts.${index}`;
    if (period && period.lastYear >= period.firstYear && (amount.budgetYear < period.firstYear || amount.budgetYear > period.lastYear)) {
      violations.push({ field: `${field}.budgetYear`, code: 'yearOutsideDecision', params: { first: String(period.firstYear), last: String(period.lastYear) } });
    } else if (seen.has(amount.budgetYear)) {
      violations.push({ field: `${field}.budgetYear`, code: 'duplicateYear' });
    }
    seen.add(amount.budgetYear);
    if (amount.amountCents <= 0) violations.push({ field: `${field}.amountCents`, code: 'notPositive' });
  });
  return violations;
}

/**
 * A shift takes no more from its year than the year holds: on the day it is decided, and on every later
 * day the fund's budget changed, so that no shift recorded afterwards, dated earlier, makes a year negative.
 * Judged once its fund, year, date and amount are given and break no rule of their own.
 */
export function shiftBudgetViolations(input: Partial<BudgetShiftInput>, fundMovements: readonly BudgetMovement[], today: IsoDate): RuleViolation[] {
  const { fund, fromYear, decidedOn, amountCents } = input;
  if (fund === undefined || fromYear === undefined || decidedOn === undefined || amountCents === undefined) return [];
  const judged = new Set(['fromYear', 'decidedOn', 'amountCents']);
  if (shiftFieldViolations(input, today).some((violation) => judged.has(violation.field))) return [];
  const available = availableFrom(fromYear, decidedOn, fundMovements.filter((movement) => movement.fund === fund));
  return amountCents > available ? [{ field: 'amountCents', code: 'exceedsYearBudget', params: { year: String(fromYear), available: String(available) } }] : [];
}

/**
 * What a shift must meet whatever the budget holds: dated as a decision is, between two years, of a positive
 * amount (judged where there is one: a request's amount that is no amount is refused as such).
 */
export function shiftFieldViolations(input: Partial<Pick<BudgetShiftInput, 'decidedOn' | 'fromYear' | 'toYear' | 'amountCents'>>, today: IsoDate): RuleViolation[] {
  const violations = decidedYearsViolations(input.decidedOn, today, { fromYear: input.fromYear, toYear: input.toYear });
  if (input.fromYear !== undefined && input.fromYear === input.toYear) violations.push({ field: 'toYear', code: 'sameYear' });
  if (input.amountCents !== undefined && input.amountCents <= 0) violations.push({ field: 'amountCents', code: 'notPositive' });
  return violations;
}

/** The least the year holds on `from` or any later day its budget changes. */
function availableFrom(budgetYear: number, from: IsoDate, movements: readonly BudgetMovement[]): Cents {
  const ofYear = movements.filter((movement) => movement.budgetYear === budgetYear);
  const days = [from, ...ofYear.map((movement) => movement.decidedOn).filter((day) => day > from)];
  return Math.min(...days.map((day) => budgetByYearAt(ofYear, day).get(budgetYear) ?? 0));
}

/**
 * A commitment's stages are added in order: never dated before the latest, never back from legally committed
 * to pledged, never after its budget year closed (on 31 December), when its money can no longer be committed,
 * and never before a decision on the budget could reach that year (DECISION_REACH_YEARS ahead).
 */
export function stageViolations(
  budgetYear: number | undefined,
  existing: readonly CommitmentStageInput[],
  next: Partial<Pick<CommitmentStageInput, 'stage' | 'amountCents' | 'effectiveOn'>>,
  today: IsoDate,
): RuleViolation[] {
  return [...stageFieldViolations(next, today), ...stageOfCommitmentViolations(budgetYear, existing, next, today)];
}

/** What a stage must meet whatever its commitment: it has happened, and has an amount. */
export function stageFieldViolations(next: Partial<Pick<CommitmentStageInput, 'amountCents' | 'effectiveOn'>>, today: IsoDate): RuleViolation[] {
  return [
    ...whereGiven(next.effectiveOn, (date) => pastDateViolations('effectiveOn', date, today)),
    ...(next.amountCents !== undefined && next.amountCents <= 0 ? [{ field: 'amountCents', code: 'notPositive' }] : []),
  ];
}

/** What a stage must meet of its commitment's budget year and the stages it has (stageViolations), on the fields given. */
export function stageOfCommitmentViolations(
  budgetYear: number | undefined,
  existing: readonly CommitmentStageInput[],
  next: Partial<Pick<CommitmentStageInput, 'stage' | 'amountCents' | 'effectiveOn'>>,
  today: IsoDate,
): RuleViolation[] {
  const { effectiveOn, stage } = next;
  const violations: RuleViolation[] = [];
  // A date that has not come is refused as such, not also against the budget year.
  const dated = effectiveOn !== undefined && pastDateViolations('effectiveOn', effectiveOn, today).length === 0;
  const year = Number(effectiveOn?.slice(0, 4));
  if (dated && budgetYear !== undefined && year > budgetYear) {
    violations.push({ field: 'effectiveOn', code: 'afterBudgetYear', params: { year: String(budgetYear) } });
  }
  if (dated && budgetYear !== undefined && year < budgetYear - DECISION_REACH_YEARS) {
    violations.push({ field: 'effectiveOn', code: 'beforeBudgetReach', params: { year: String(budgetYear), first: String(budgetYear - DECISION_REACH_YEARS) } });
  }
  const latest = existing.at(-1);
  if (latest && effectiveOn !== undefined && effectiveOn < latest.effectiveOn) {
    violations.push({ field: 'effectiveOn', code: 'beforeLatestStage', params: { latest: latest.effectiveOn } });
  }
  if (latest && stage !== undefined && COMMITMENT_STAGES.indexOf(stage) < COMMITMENT_STAGES.indexOf(latest.stage)) {
    violations.push({ field: 'stage', code: 'stageGoesBack' });
  }
  // The latest stage again, to the cent and the day, says nothing new: a form sent twice, not a step.
  if (latest && latest.stage === next.stage && latest.amountCents === next.amountCents && latest.effectiveOn === next.effectiveOn) {
    violations.push({ field: 'stage', code: 'sameAsLatestStage' });
  }
  return violations;
}

/**
 * A stage of a commitment for a delivery is not dated before the delivery's beginning (its pledge, or without
 * one its commitment), as the delivery's valuations and other records are not: money is not committed to a
 * delivery before it exists. A commitment for no delivery, or one without a beginning, follows nothing.
 */
export function stageFollowsDeliveryViolations(delivery: Partial<BeginningDates> | undefined, effectiveOn: IsoDate | undefined): RuleViolation[] {
  return delivery && effectiveOn !== undefined ? followsBeginningViolations(delivery, 'effectiveOn', 'budgetCommitment', effectiveOn) : [];
}

/**
 * A commitment for a delivery is made from the budget the delivery is paid from: from another one, or for
 * work done for the EU as implementing actor (which the EU pays), one of the two is wrong.
 */
export function deliveryFundViolations(fund: BudgetFund | undefined, fundingSource: FundingSource | undefined): RuleViolation[] {
  if (fundingSource === undefined) return [unknownRecord('deliveryId', 'delivery')];
  return fund === undefined || fundingSource === fund ? [] : [{ field: 'fund', code: 'fundOtherThanDelivery', params: { fundingSource } }];
}

/** A new commitment is for a budget year of the register, and its first stage is one any stage may be. */
export function commitmentViolations(
  fields: Partial<Pick<CommitmentFields, 'budgetYear'>>,
  first: Partial<Pick<CommitmentStageInput, 'stage' | 'amountCents' | 'effectiveOn'>>,
  today: IsoDate,
): RuleViolation[] {
  return [...whereGiven(fields.budgetYear, (year) => yearViolations('budgetYear', year)), ...stageViolations(fields.budgetYear, [], first, today)];
}

/** Commitments of a budget year by the stage they had reached at a date. */
export type CommittedByStage = Readonly<Record<CommitmentStage, Cents>>;

interface BudgetYearFigures {
  budgetYear: number;
  budgeted: Cents;
  /** Legally committed (juridisch verplicht). */
  committed: Cents;
  /** Pledged: plans and projects identified, not yet legally committed. */
  pledged: Cents;
  /** Budgeted less committed and pledged; below zero when more is committed than budgeted. */
  unallocated: Cents;
  /** Realised support in the calendar year (the register's realisation figures), up to the date; null for one fund, which realisation is not booked by. */
  realised: Cents | null;
  /** Realised over budgeted in percent, to one decimal; null without a budget or without what was realised. */
  realisationPace: number | null;
  /** More is committed and pledged than the year's budget holds: allowed, and shown, never hidden. */
  overcommitted: boolean;
}

export interface BudgetFigures {
  knownAt: IsoDate;
  years: BudgetYearFigures[];
  /** Every year since 2022 together. */
  total: Omit<BudgetYearFigures, 'budgetYear'>;
}

/**
 * The budget figures per year (2022 up to knownAt's year, and no later than LAST_BUDGET_YEAR) and in total, from
 * what was known at `knownAt`; `realised` null where it is not known (of one fund), so that none is shown as 0.
 */
export function budgetFigures(
  knownAt: IsoDate,
  budgeted: ReadonlyMap<number, Cents>,
  commitments: ReadonlyMap<number, CommittedByStage>,
  realised: ReadonlyMap<number, Cents> | null,
): BudgetFigures {
  const known = [...budgeted.keys(), ...commitments.keys(), ...(realised?.keys() ?? [])];
  const lastYear = Math.min(LAST_BUDGET_YEAR, Math.max(Number(knownAt.slice(0, 4)), ...known));
  const years: BudgetYearFigures[] = [];
  for (let budgetYear = FIRST_BUDGET_YEAR; budgetYear <= lastYear; budgetYear++) {
    const stages = commitments.get(budgetYear);
    years.push({ budgetYear, ...line(budgeted.get(budgetYear) ?? 0, stages?.committed ?? 0, stages?.pledged ?? 0, realised && (realised.get(budgetYear) ?? 0)) });
  }
  const sum = (pick: (year: BudgetYearFigures) => Cents) => sumCents(years.map(pick));
  return {
    knownAt,
    years,
    total: line(sum((year) => year.budgeted), sum((year) => year.committed), sum((year) => year.pledged), realised && sum((year) => year.realised ?? 0)),
  };
}

function line(budgeted: Cents, committed: Cents, pledged: Cents, realised: Cents | null): Omit<BudgetYearFigures, 'budgetYear'> {
  const unallocated = cents(budgeted - committed - pledged);
  return {
    budgeted,
    committed,
    pledged,
    unallocated,
    realised,
    realisationPace: realised !== null && budgeted > 0 ? percentage(realised, budgeted, 1) : null,
    overcommitted: unallocated < 0,
  };
}
