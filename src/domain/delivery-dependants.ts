import type { BudgetFund } from '../../common/vocabulary/codes.ts';
import type { DeliveryFields, RuleViolation } from './delivery.ts';
import { quantityStatedAbove } from './disclosure.ts';

/** What other records say of a delivery, which a change of the delivery must keep true. */
export interface DeliveryDependants {
  /** Industry contracts that fulfil it: they fulfil only procurements. */
  contracts: number;
  /** Readiness judgements, replenishments and decisions not to replace it: they concern only stock. */
  readinessRecords: number;
  /** The items replenishment projects replace of it: never more than were delivered. */
  replacedQuantity: number;
  /** EPF claims on it: work for the EU as implementing actor is not the Netherlands' to claim. */
  epfClaims: number;
  /** The funds of the budget commitments for it: made from the fund it is paid from. */
  commitmentFunds: readonly BudgetFund[];
  /**
   * The public quantities that disclosure decisions in force state of it, each with what the other deliveries
   * decided at once with it hold (null: not known; a removed one holds none): never more than they hold together.
   */
  disclosedQuantities: readonly { stated: string; othersHeld: readonly (number | null)[] }[];
}

type Changed = Pick<DeliveryFields, 'supportType' | 'fundingSource' | 'quantity'>;

/** Whether a change could break what other records say of the delivery (then they are read). */
export function mayAffectDependants(current: Changed, next: Changed): boolean {
  return current.supportType !== next.supportType || current.fundingSource !== next.fundingSource || current.quantity !== next.quantity;
}

/**
 * A change of a delivery leaves the records that depend on it valid: it stays a procurement while a
 * contract fulfils it, stock while it has readiness records, not fewer items than projects replace,
 * not fewer items than a disclosure decision in force states of it (with the deliveries decided at once
 * with it), not the EU's work while it is claimed on the EPF, and paid from the fund its budget commitments
 * are made from. Each refusal names the field changed.
 */
export function dependantViolations(current: Changed, next: Changed, dependants: DeliveryDependants): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (current.supportType === 'procurement' && next.supportType !== 'procurement' && dependants.contracts > 0) {
    violations.push({ field: 'supportType', code: 'fulfilledByContract' });
  }
  if (current.supportType === 'stock' && next.supportType !== 'stock' && dependants.readinessRecords > 0) {
    violations.push({ field: 'supportType', code: 'hasReadinessRecords' });
  }
  if (current.quantity !== next.quantity && dependants.replacedQuantity > (next.quantity ?? 0)) {
    violations.push({ field: 'quantity', code: 'belowReplaced', params: { replaced: String(dependants.replacedQuantity) } });
  }
  // Only fewer items can make a decision false; more leave one that was taken before this rule as it was.
  if (next.quantity !== null && (current.quantity === null || next.quantity < current.quantity)) {
    violations.push(...belowDisclosedViolations('quantity', 'quantityBelowDisclosed', next.quantity, dependants.disclosedQuantities));
  }
  if (current.fundingSource !== 'epf' && next.fundingSource === 'epf' && dependants.epfClaims > 0) {
    violations.push({ field: 'fundingSource', code: 'claimedOnEpf' });
  }
  const otherFund = dependants.commitmentFunds.find((fund) => fund !== next.fundingSource);
  if (current.fundingSource !== next.fundingSource && otherFund !== undefined) {
    violations.push({ field: 'fundingSource', code: 'committedFromFund', params: { fund: otherFund } });
  }
  return violations;
}

/** A stock delivery's value, lowered by the field, never below what replenishment projects replace of it. */
export function valueBelowReplacedViolations(field: string, valueCents: number, replacedValueCents: number): RuleViolation[] {
  return replacedValueCents > valueCents ? [{ field, code: 'belowReplacedValue', params: { replaced: String(replacedValueCents) } }] : [];
}

/** A delivery's value, lowered by the field, still covers at each date of an EPF claim on it what its claims declared up to then. */
export function valueBelowClaimedViolations(field: string, claim: { declaredOn: string; claimedCents: number; valueCents: number } | undefined): RuleViolation[] {
  if (!claim) return [];
  return [{ field, code: 'belowClaimedValue', params: { date: claim.declaredOn, claimed: String(claim.claimedCents), value: String(claim.valueCents) } }];
}

/**
 * What a decision in force states, when the delivery holding `held` items makes it more than its deliveries
 * hold together: of several, the largest number stated.
 */
function belowDisclosedViolations(field: string, code: string, held: number, disclosedQuantities: DeliveryDependants['disclosedQuantities']): RuleViolation[] {
  const above = disclosedQuantities
    .map(({ stated, othersHeld }) => quantityStatedAbove(stated, [held, ...othersHeld]))
    .filter((statement) => statement !== null)
    .sort((one, other) => Number(other.stated) - Number(one.stated));
  return above.length === 0 ? [] : [{ field, code, params: above[0]! }];
}

/**
 * A delivery is removed only when each decision in force for a delivery decided at once with it stays true
 * without its items ("24" for three deliveries of 8 does not stay true for two). Its own decisions go with it.
 */
export function removalBelowDisclosedViolations(disclosedWithOthers: DeliveryDependants['disclosedQuantities']): RuleViolation[] {
  return belowDisclosedViolations('id', 'neededForDisclosedQuantity', 0, disclosedWithOthers);
}

/**
 * The records of other domains that name a delivery among what they are about: a budget commitment or an
 * EPF claim for it, a training programme or industry contract that names it, a replenishment project that
 * replaces it. These would go on naming and counting a delivery that is gone. Its own history (money,
 * disclosure, readiness judgements, export assessments and licences) goes with it when it is removed.
 */
const NAMING_RECORDS = ['budgetCommitments', 'epfClaims', 'trainingProgrammes', 'replenishmentProjects', 'industryContracts'] as const;
export type NamingRecord = (typeof NAMING_RECORDS)[number];

/** A delivery is removed only when no record of another domain names it: each kind that does is a refusal. */
export function removalViolations(naming: Partial<Record<NamingRecord, number>>): RuleViolation[] {
  return NAMING_RECORDS.flatMap((records) => {
    const count = naming[records] ?? 0;
    return count > 0 ? [{ field: 'id', code: 'namedByRecords', params: { records, count: String(count) } }] : [];
  });
}
