import type { IsoDate } from '../../common/dates.ts';
import type { Cents } from '../../common/money.ts';
import { referenceKey } from '../../common/text.ts';
import { READINESS_EFFECTS, REPLENISHMENT_STAGES, type ReadinessEffect, type ReplenishmentStage, type ValuationBasis } from '../../common/vocabulary/codes.ts';
import { beginningOf, followsBeginningViolations, valuationBasisViolations, type BeginningDates, type RuleViolation } from './delivery.ts';
import { unknownRecord } from './references.ts';
import { backWithoutReasonViolations } from './stages.ts';
import { amountViolations, countViolations, pastDateViolations, plannedDateViolations, textViolations, whereGiven } from './plausibility.ts';

export { EFFECT_FILTERS, READINESS_EFFECTS, REPLENISHMENT_STAGES, type EffectFilter, type ReadinessEffect } from '../../common/vocabulary/codes.ts';

export interface JudgementInput {
  effect: ReadinessEffect;
  reasoning: string;
  judgedOn: IsoDate;
}

export interface Judgement extends JudgementInput {
  id: string;
  deliveryId: string;
  judgedByName: string;
  recordedAt: string;
}

/** What a judgement must meet, each rule judged on the fields given (whereGiven), as a project's and a decision not to replace below. */
export function judgementViolations(input: Partial<JudgementInput>, today: IsoDate): RuleViolation[] {
  return [
    ...whereGiven(input.reasoning, (reasoning) => textViolations('reasoning', reasoning, { maximum: 4000, required: true })),
    ...whereGiven(input.judgedOn, (date) => pastDateViolations('judgedOn', date, today)),
  ];
}

/**
 * The judgement that held at the date: the latest judged on or before it (the later recording wins on the
 * same day, and of two recorded in the same millisecond, as an import may, the greater id: the order the
 * database's own pick of a delivery's latest judgement follows).
 */
export function judgementAt<J extends Judgement>(history: readonly J[], date: IsoDate): J | null {
  return heldAt(history, date, (judgement) => judgement.judgedOn);
}

/**
 * The record of a history that held at the date: the latest whose day is on or before it, on the same day
 * the later recorded, then the greater id.
 */
function heldAt<R extends { id: string; recordedAt: string }>(history: readonly R[], date: IsoDate, dayOf: (record: R) => IsoDate): R | null {
  const order = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  const compare = (a: R, b: R) => order(dayOf(a), dayOf(b)) || order(a.recordedAt, b.recordedAt) || order(a.id, b.id);
  let current: R | null = null;
  for (const record of history) {
    if (dayOf(record) > date) continue;
    if (current === null || compare(record, current) > 0) current = record;
  }
  return current;
}

/** The letter's overall judgement: the most severe effect any delivery has, or null when none is judged. */
export function overallEffect(effects: readonly ReadinessEffect[]): ReadinessEffect | null {
  return effects.reduce<ReadinessEffect | null>(
    (worst, effect) => (worst === null || READINESS_EFFECTS.indexOf(effect) > READINESS_EFFECTS.indexOf(worst) ? effect : worst),
    null,
  );
}

/** What a replenishment project replaces of one delivery. */
export interface Replacement {
  deliveryId: string;
  replacedValueCents: Cents;
  replacedQuantity: number | null;
}

export interface ProjectInput {
  name: string;
  stage: ReplenishmentStage;
  budgetCents: Cents | null;
  expectedOn: IsoDate | null;
  note: string;
  replaces: Replacement[];
  /** The day from which its stage and what it replaces hold, as the person says. */
  asOf: IsoDate;
  /** Why it goes back to an earlier stage, kept with this change (its note is the project's); empty otherwise. */
  reason: string;
}

export function projectViolations(input: Partial<ProjectInput>, today: IsoDate): RuleViolation[] {
  const { replaces = [] } = input;
  const violations = [
    ...whereGiven(input.name, (name) => textViolations('name', name, { maximum: 300, required: true, format: 'title' })),
    ...whereGiven(input.asOf, (date) => pastDateViolations('asOf', date, today)),
    ...amountViolations('budgetCents', input.budgetCents ?? null),
    ...expectedOnViolations(input, today),
    ...textViolations('note', input.note ?? '', { maximum: 2000, required: false }),
    ...textViolations('reason', input.reason ?? '', { maximum: 2000, required: false }),
    ...replaces.flatMap((replacement, index) => [
      ...amountViolations(`replaces.${index}.replacedValueCents`, replacement.replacedValueCents),
      ...countViolations(`replaces.${index}.replacedQuantity`, replacement.replacedQuantity, { minimum: 1 }),
    ]),
  ];
  const ids = replaces.map((replacement) => replacement.deliveryId);
  if (new Set(ids).size !== ids.length) violations.push({ field: 'replaces', code: 'duplicateDelivery' });
  return violations;
}

/**
 * A project not yet delivered is expected on or after the day its state holds from; a delivered one came by
 * that day, so it is not expected after it. Within ten years as any plan.
 */
function expectedOnViolations({ expectedOn, stage, asOf }: Partial<ProjectInput>, today: IsoDate): RuleViolation[] {
  if (expectedOn === null || expectedOn === undefined) return [];
  const violations = plannedDateViolations('expectedOn', expectedOn, today);
  if (violations.length > 0 || stage === undefined || asOf === undefined) return violations;
  if (stage === 'delivered') return expectedOn > asOf ? [{ field: 'expectedOn', code: 'expectedAfterDelivery', params: { asOf } }] : [];
  return expectedOn < asOf ? [{ field: 'expectedOn', code: 'expectedBeforeState', params: { asOf } }] : [];
}

/**
 * A change of a project holds from its latest state's day or later: the project's current state is then
 * always the one that holds today, and a letter at an earlier date finds the state that held then.
 */
export function laterStateViolations(asOf: IsoDate, latestAsOf: IsoDate): RuleViolation[] {
  return asOf < latestAsOf ? [{ field: 'asOf', code: 'beforeLatestState', params: { latest: latestAsOf } }] : [];
}

/** A project goes back to an earlier stage (a contract dissolved, a delivery rejected) only with the reason it does; forward needs none. */
export function stageChangeViolations(current: ReplenishmentStage, input: Pick<ProjectInput, 'stage' | 'reason'>): RuleViolation[] {
  return backWithoutReasonViolations(REPLENISHMENT_STAGES, current, input.stage, { field: 'reason', text: input.reason, code: 'replenishmentStageGoesBack' });
}

/** A project's state as recorded: its stage (with the reason it went back, if it did) and what it replaced, holding from its day on. */
export interface ProjectState {
  id: string;
  projectId: string;
  asOf: IsoDate;
  name: string;
  stage: ReplenishmentStage;
  reason: string;
  replaces: Replacement[];
  recordedAt: string;
}

/**
 * The state of each project that held at the date: its latest as of the date or before (on the same day
 * the later recording, then the greater id, as with judgements). A project with no state by then did
 * not exist yet and is left out.
 */
export function projectStatesAt(states: readonly ProjectState[], date: IsoDate): ProjectState[] {
  return [...Map.groupBy(states, (state) => state.projectId).values()].flatMap((history) => heldAt(history, date, (state) => state.asOf) ?? []);
}

/** A stock delivery as a replacement is measured against: when it began, what was delivered, and what other projects already replace. */
export interface ReplaceableDelivery extends BeginningDates {
  id: string;
  isStock: boolean;
  quantity: number | null;
  valueCents: Cents;
  /** What other projects (not the one being checked) replace of it. */
  replacedElsewhere: { valueCents: Cents; quantity: number };
}

/**
 * A project replaces at most what was delivered: together with every other project, no more of a
 * delivery's value than it is valued at, and no more items than were handed over. Its state holds from a
 * day on or after the beginning (pledge, else commitment) of each delivery it replaces: refused at that day,
 * naming the latest beginning.
 */
export function replacementViolations({ replaces = [], asOf }: Partial<Pick<ProjectInput, 'replaces' | 'asOf'>>, deliveries: ReadonlyMap<string, ReplaceableDelivery>): RuleViolation[] {
  const replaced = replaces.flatMap((replacement, index) => {
    const field = `replaces.${index}`;
    const delivery = deliveries.get(replacement.deliveryId);
    if (!delivery) return [unknownRecord(`${field}.deliveryId`, 'delivery')];
    if (!delivery.isStock) return [{ field: `${field}.deliveryId`, code: 'notStock' }];
    const violations: RuleViolation[] = [];
    const valueLeft = delivery.valueCents - delivery.replacedElsewhere.valueCents;
    if (replacement.replacedValueCents > valueLeft) {
      violations.push({ field: `${field}.replacedValueCents`, code: 'moreThanDelivered', params: { maximum: String(Math.max(0, valueLeft)), kind: 'amount' } });
    }
    if (replacement.replacedQuantity !== null) {
      const quantityLeft = delivery.quantity === null ? 0 : delivery.quantity - delivery.replacedElsewhere.quantity;
      if (replacement.replacedQuantity > quantityLeft) {
        violations.push({ field: `${field}.replacedQuantity`, code: 'moreThanDelivered', params: { maximum: String(Math.max(0, quantityLeft)) } });
      }
    }
    return violations;
  });
  const begun = (dates: Partial<BeginningDates>) => beginningOf(dates)?.date ?? '';
  const latestBegun = replaces.reduce<Partial<BeginningDates>>((latest, { deliveryId }) => {
    const delivery = deliveries.get(deliveryId);
    return delivery && begun(delivery) > begun(latest) ? delivery : latest;
  }, {});
  return [...whereGiven(asOf, (date) => followsBeginningViolations(latestBegun, 'asOf', 'replenishmentProject', date)), ...replaced];
}

/** A decision not to replace, and the revaluation it makes when the basis of the delivery's value changes with it. */
export interface NonReplacementInput {
  decidedOn: IsoDate;
  reason: string;
  revaluation: { amountCents: Cents; basis: ValuationBasis; effectiveDate: IsoDate } | null;
}

export function nonReplacementViolations(input: Partial<NonReplacementInput>, today: IsoDate): RuleViolation[] {
  const { decidedOn } = input;
  const decidedOnViolations = whereGiven(decidedOn, (date) => pastDateViolations('decidedOn', date, today));
  const violations = [...decidedOnViolations, ...whereGiven(input.reason, (reason) => textViolations('reason', reason, { maximum: 4000, required: true }))];
  if (input.revaluation) {
    const { amountCents, basis, effectiveDate } = input.revaluation;
    if (!Number.isSafeInteger(amountCents) || amountCents < 0) violations.push({ field: 'revaluation.amountCents', code: 'tooSmall', params: { minimum: '0' } });
    // Only stock is decided not to be replaced.
    violations.push(...valuationBasisViolations('revaluation.basis', 'stock', basis));
    const effectiveDateViolations = pastDateViolations('revaluation.effectiveDate', effectiveDate, today);
    violations.push(...(effectiveDateViolations.length > 0 || decidedOnViolations.length > 0 || decidedOn === undefined ? effectiveDateViolations : followsDecisionViolations('revaluation.effectiveDate', effectiveDate, decidedOn)));
  }
  return violations;
}

/**
 * What follows from a decision holds from the day it was taken, not before: a letter at an earlier
 * reference date, which does not know the decision yet, would otherwise count its consequence (a
 * revaluation) with nothing to explain it. Refused at the consequence's date, naming the decision's.
 */
function followsDecisionViolations(field: string, date: IsoDate, decidedOn: IsoDate): RuleViolation[] {
  return date < decidedOn ? [{ field, code: 'beforeDecision', params: { decidedOn, date } }] : [];
}

/**
 * A decision not to replace may concern part of a delivery, so a delivery may have several; one on the same
 * day for the same reason (capitals and spacing aside) is the same decision recorded twice.
 */
export function sameDecisionViolations(input: Partial<Pick<NonReplacementInput, 'decidedOn' | 'reason'>>, earlier: readonly Pick<NonReplacementInput, 'decidedOn' | 'reason'>[]): RuleViolation[] {
  if (input.decidedOn === undefined || input.reason === undefined) return [];
  const reasonKey = referenceKey(input.reason.trim());
  return earlier.some((decision) => decision.decidedOn === input.decidedOn && referenceKey(decision.reason.trim()) === reasonKey)
    ? [{ field: 'reason', code: 'decisionRecorded', params: { decidedOn: input.decidedOn } }]
    : [];
}

/** How many stock deliveries the replenishment summary names one by one; its totals are of them all. */
export const LARGEST_STOCK_DELIVERIES = 20;
