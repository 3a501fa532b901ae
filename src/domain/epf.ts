import { pastDateViolations, textViolations, whereGiven } from './plausibility.ts';
import { DATE_FLOOR } from '../../common/dates.ts';
import { sumCents, type Cents } from '../../common/money.ts';
import { isBlank } from '../../common/text.ts';
import { isClaimableTranche } from '../../common/epf-rules.ts';
import {
  EPF_CLAIM_STATUSES,
  EPF_DUTCH_ROLES,
  EPF_TRANCHE_KINDS,
  type EpfClaimStatus,
  type EpfDutchRole,
  type EpfTrancheKind,
} from '../../common/vocabulary/codes.ts';
import type { RuleViolation } from './delivery.ts';
import { sameRecordViolations } from './same-record.ts';

/**
 * Claims of the Netherlands on the European Peace Facility (EPF) and the EU's tranches, as pure rules.
 * A claim's history is rows added, never changed: at a date the latest assessment and the latest blockage
 * on or before it hold, and the money received on or before it counts.
 */
export { EPF_CLAIM_STATUSES, EPF_DUTCH_ROLES, EPF_TRANCHE_KINDS };

/** The longest reason of a blockage, as the API takes it. */
const MAX_BLOCKAGE_REASON = 1000;

export interface EpfTranche {
  id: string;
  kind: EpfTrancheKind;
  name: string;
  /** The EU-wide amount as reported: never part of a Dutch total. */
  euAmountCents: Cents;
  decidedOn: string;
  dutchRole: EpfDutchRole;
  note: string;
  isDemonstration: boolean;
}

export interface EpfClaim {
  id: string;
  reference: string;
  /** The delivery claimed for, or null for a batch (then `batch` says what it covers). */
  deliveryId: string | null;
  batch: string;
  trancheId: string | null;
  period: string;
  declaredCents: Cents;
  declaredOn: string;
  note: string;
  isDemonstration: boolean;
  recordedAt: string;
}

export interface EpfAssessment {
  id: string;
  claimId: string;
  compensatedCents: Cents;
  assessedOn: string;
  /** The last year in which the rest of the compensation is expected. */
  remainderExpectedBy: number | null;
  note: string;
  recordedAt: string;
}

export interface EpfReceipt {
  id: string;
  claimId: string;
  amountCents: Cents;
  receivedOn: string;
  note: string;
  recordedAt: string;
}

export interface EpfBlockage {
  id: string;
  claimId: string;
  blocked: boolean;
  effectiveOn: string;
  reason: string;
  recordedAt: string;
}

export interface EpfClaimHistory {
  claim: EpfClaim;
  assessments: EpfAssessment[];
  receipts: EpfReceipt[];
  blockages: EpfBlockage[];
}

/** A claim as it stood at a date. */
export interface EpfClaimState {
  status: EpfClaimStatus;
  compensatedCents: Cents;
  paidCents: Cents;
  /** Compensated but not yet received: never below zero, since more than compensated is never received. */
  outstandingCents: Cents;
  blockedReason: string | null;
  remainderExpectedBy: number | null;
}

function latestOnOrBefore<T extends { recordedAt: string }>(rows: readonly T[], dateOf: (row: T) => string, date: string): T | undefined {
  return rows
    .filter((row) => dateOf(row) <= date)
    .reduce<T | undefined>((latest, row) => {
      if (!latest) return row;
      const [a, b] = [dateOf(row), dateOf(latest)];
      return a > b || (a === b && row.recordedAt >= latest.recordedAt) ? row : latest;
    }, undefined);
}

/** The claim at the date; undefined when it was not yet declared then. */
export function claimStateAt(history: EpfClaimHistory, date: string): EpfClaimState | undefined {
  if (history.claim.declaredOn > date) return undefined;
  const assessment = latestOnOrBefore(history.assessments, (row) => row.assessedOn, date);
  const blockage = latestOnOrBefore(history.blockages, (row) => row.effectiveOn, date);
  const compensatedCents = assessment?.compensatedCents ?? 0;
  const paidCents = receivedBy(history, date);
  const status: EpfClaimStatus = blockage?.blocked
    ? 'blocked'
    : !assessment
      ? 'open'
      : paidCents >= compensatedCents && compensatedCents > 0
        ? 'paid'
        : 'compensated';
  return {
    status,
    compensatedCents,
    paidCents,
    outstandingCents: Math.max(0, compensatedCents - paidCents),
    blockedReason: blockage?.blocked ? blockage.reason : null,
    remainderExpectedBy: assessment?.remainderExpectedBy ?? null,
  };
}

/**
 * Whether an entry added to a claim's history (`before` without it, `after` with it) moves what the claim adds to the
 * EPF figures at a date (epfFiguresAt): what it had compensated and received by then, whether it was blocked (its
 * declaration then counts as blocked), and the year the rest is expected while some is outstanding. An assessment or
 * blockage that a later one before the date overrides, or an assessment that compensates what the one in force did,
 * moves none.
 */
export function movesClaimFiguresAt(before: EpfClaimHistory, after: EpfClaimHistory, date: string): boolean {
  const [was, is] = [claimStateAt(before, date), claimStateAt(after, date)];
  if (!was || !is) return was !== is;
  const remainderOf = (state: EpfClaimState) => (state.outstandingCents > 0 ? state.remainderExpectedBy : null);
  return (
    was.compensatedCents !== is.compensatedCents ||
    was.paidCents !== is.paidCents ||
    (was.status === 'blocked') !== (is.status === 'blocked') ||
    remainderOf(was) !== remainderOf(is)
  );
}

export interface EpfFigures {
  date: string;
  declaredCents: Cents;
  /** The date of the last claim declared on or before the date. */
  declaredUntil: string | null;
  compensatedCents: Cents;
  paidCents: Cents;
  paidByYear: { year: number; cents: Cents }[];
  outstandingCents: Cents;
  /** What the blocked claims declared. */
  blockedCents: Cents;
  /** The last year in which an outstanding amount is expected. */
  remainderExpectedBy: number | null;
  byStatus: Record<EpfClaimStatus, { count: number; declaredCents: Cents }>;
}

/** The EPF at a date, as the register and the letter show it. */
export interface EpfOverview extends EpfFigures {
  /** Work as implementing actor for the EU, at its value on the date: shown, never in a Dutch total. */
  implementingActorCents: Cents;
  /** The tranches decided on or before the date. */
  tranches: EpfTranche[];
}

/**
 * The letter's EPF figures that add up money of deliveries, by the name its text gives each: of the claims (all
 * declared, compensated, outstanding, of the blocked claims declared, received in a year: `epfPaid:2025`) and the
 * work as implementing actor. A claim for a batch is for no one delivery.
 */
export const EPF_DELIVERY_FIGURES = ['epfDeclared', 'epfCompensated', 'epfOutstanding', 'epfBlocked', 'epfPaid', 'epfImplementingActor'] as const;
export type EpfDeliveryFigure = (typeof EPF_DELIVERY_FIGURES)[number];

/** The Dutch EPF figures at a date: claims declared by then, each as it stood then. */
export function epfFiguresAt(histories: readonly EpfClaimHistory[], date: string): EpfFigures {
  const byStatus = Object.fromEntries(EPF_CLAIM_STATUSES.map((status) => [status, { count: 0, declaredCents: 0 }])) as EpfFigures['byStatus'];
  const paidByYear = new Map<number, Cents>();
  let declaredUntil: string | null = null;
  let remainderExpectedBy: number | null = null;
  const states: EpfClaimState[] = [];
  for (const history of histories) {
    const state = claimStateAt(history, date);
    if (!state) continue;
    states.push(state);
    const { claim } = history;
    if (declaredUntil === null || claim.declaredOn > declaredUntil) declaredUntil = claim.declaredOn;
    byStatus[state.status].count += 1;
    byStatus[state.status].declaredCents = sumCents([byStatus[state.status].declaredCents, claim.declaredCents]);
    for (const receipt of history.receipts.filter((row) => row.receivedOn <= date)) {
      const year = Number(receipt.receivedOn.slice(0, 4));
      paidByYear.set(year, sumCents([paidByYear.get(year) ?? 0, receipt.amountCents]));
    }
    if (state.outstandingCents > 0 && state.remainderExpectedBy !== null) {
      remainderExpectedBy = Math.max(remainderExpectedBy ?? state.remainderExpectedBy, state.remainderExpectedBy);
    }
  }
  return epfFigures({
    date,
    declaredUntil,
    compensatedCents: sumCents(states.map((state) => state.compensatedCents)),
    paidCents: sumCents(states.map((state) => state.paidCents)),
    paidByYear: [...paidByYear].sort(([a], [b]) => a - b).map(([year, cents]) => ({ year, cents })),
    remainderExpectedBy,
    byStatus,
  });
}

/** The figures with what follows from the rest: declared (all statuses), outstanding and blocked. */
export function epfFigures(parts: Omit<EpfFigures, 'declaredCents' | 'outstandingCents' | 'blockedCents'>): EpfFigures {
  return {
    ...parts,
    declaredCents: sumCents(EPF_CLAIM_STATUSES.map((status) => parts.byStatus[status].declaredCents)),
    outstandingCents: parts.compensatedCents - parts.paidCents,
    blockedCents: parts.byStatus.blocked.declaredCents,
  };
}

/** What a claim for one delivery may declare: no more than the delivery was worth at the claim's date. */
export interface ClaimedDelivery {
  /** Work done for the EU as implementing actor is the EU's, not claimable by the Netherlands. */
  isImplementingActorWork: boolean;
  /**
   * Its latest valuation effective on or before the claim's date, or what it counts for in realised support then where
   * that is more (a purchase or contribution paid beyond its valuation, or not valued); null when worth nothing then.
   */
  valueCents: Cents | null;
  /** What earlier claims on it declared. */
  alreadyClaimedCents: Cents;
}

/**
 * A claim is for one delivery or for a batch that says what it covers, never both. Neither is that rule
 * unmet (deliveryOrBundle), said at the batch: the field is not one to fill in whatever the claim.
 */
export function claimViolations(
  input: Partial<{ declaredCents: Cents; declaredOn: string; deliveryId: string | null; batch: string; period: string }>,
  today: string,
  delivery: ClaimedDelivery | null,
): RuleViolation[] {
  const { deliveryId, batch } = input;
  const violations = [...whereGiven(input.declaredOn, (date) => pastDateViolations('declaredOn', date, today)), ...whereGiven(input.period, (period) => periodViolations(period, today))];
  if (deliveryId === null && batch !== undefined) {
    violations.push(...(isBlank(batch) ? [{ field: 'batch', code: 'deliveryOrBundle' }] : textViolations('batch', batch, { maximum: 500, required: false, format: 'title' })));
  }
  if (deliveryId !== null && deliveryId !== undefined && batch !== undefined && batch !== '') violations.push({ field: 'batch', code: 'batchWithDelivery' });
  if (delivery?.isImplementingActorWork) violations.push({ field: 'deliveryId', code: 'implementingActorWork' });
  else if (delivery && input.declaredCents !== undefined) {
    const available = (delivery.valueCents ?? 0) - delivery.alreadyClaimedCents;
    if (input.declaredCents > available) {
      violations.push({ field: 'declaredCents', code: 'aboveDelivered', params: { availableCents: String(Math.max(0, available)) } });
    }
  }
  return violations;
}

/** A year as a period names it: four digits on their own ("2025", "Q3 2025", "2025Q3", "2024-2025"). */
const YEAR = /(?<!\d)\d{4}(?!\d)/g;

/**
 * A claim is for costs of a period that has come: each year its period names lies from the register's first
 * (2014) to this year, as the date of anything that happened does (pastDateViolations).
 */
function periodViolations(period: string, today: string): RuleViolation[] {
  const [first, last] = [DATE_FLOOR.slice(0, 4), today.slice(0, 4)];
  const outside = period.match(YEAR)?.find((year) => year < first || year > last);
  return outside ? [{ field: 'period', code: 'periodOutOfRange', params: { year: outside, first, last } }] : [];
}

/** A tranche is decided on a day that has come. */
export function newTrancheViolations(tranche: Partial<Pick<EpfTranche, 'decidedOn'>>, today: string): RuleViolation[] {
  return whereGiven(tranche.decidedOn, (date) => pastDateViolations('decidedOn', date, today));
}

/** A blockage says its reason; a release needs none. */
export function blockageReasonViolations(input: Partial<{ blocked: boolean; reason: string }>): RuleViolation[] {
  return input.blocked === true && input.reason !== undefined ? textViolations('reason', input.reason, { maximum: MAX_BLOCKAGE_REASON, required: true }) : [];
}

/** A claim on a tranche follows the tranche's decision, and names only a tranche the Netherlands claims on. */
export function trancheViolations(tranche: Pick<EpfTranche, 'decidedOn' | 'dutchRole'>, declaredOn: string | undefined): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (!isClaimableTranche(tranche.dutchRole)) violations.push({ field: 'trancheId', code: 'trancheNotClaimable', params: { role: tranche.dutchRole } });
  if (declaredOn !== undefined && declaredOn < tranche.decidedOn) violations.push({ field: 'declaredOn', code: 'beforeTranche', params: { decidedOn: tranche.decidedOn } });
  return violations;
}

/**
 * An assessment is dated on or after its claim, compensates no more than was declared nor less than was received,
 * and expects a remainder only where one remains, in a year from the assessment's on. Without the claim's history
 * (a request's body judged on its own) and on the fields given, the rules that need neither are judged.
 */
export function assessmentViolations(
  history: EpfClaimHistory | null,
  input: Partial<{ compensatedCents: Cents; assessedOn: string; remainderExpectedBy: number | null }>,
  today: string,
): RuleViolation[] {
  const { compensatedCents, assessedOn, remainderExpectedBy = null } = input;
  const violations = whereGiven(assessedOn, (date) => [...pastDateViolations('assessedOn', date, today), ...(history ? notBeforeDeclared(history, 'assessedOn', date) : [])]);
  if (history && compensatedCents !== undefined && compensatedCents > history.claim.declaredCents) {
    violations.push({ field: 'compensatedCents', code: 'aboveDeclared', params: { declaredCents: String(history.claim.declaredCents) } });
  }
  const received = history ? sumCents(history.receipts.map((receipt) => receipt.amountCents)) : 0;
  if (compensatedCents !== undefined && compensatedCents < received) {
    violations.push({ field: 'compensatedCents', code: 'belowReceived', params: { receivedCents: String(received) } });
  }
  if (remainderExpectedBy !== null && history && compensatedCents !== undefined && assessedOn !== undefined && compensatedCents <= receivedBy(history, assessedOn)) {
    violations.push({ field: 'remainderExpectedBy', code: 'nothingRemains' });
  } else if (remainderExpectedBy !== null && assessedOn !== undefined && remainderExpectedBy < Number(assessedOn.slice(0, 4))) {
    violations.push({ field: 'remainderExpectedBy', code: 'beforeAssessment' });
  }
  // A year the rest is expected in is a plan: at most ten years ahead, as any.
  const lastPlannedYear = Number(today.slice(0, 4)) + 10;
  if (remainderExpectedBy !== null && remainderExpectedBy > lastPlannedYear) {
    violations.push({ field: 'remainderExpectedBy', code: 'tooLarge', params: { maximum: String(lastPlannedYear) } });
  }
  return violations;
}

/** What a receipt's form asks: a receipt the same in all of it as one the claim has is that one entered twice, which would count its money twice. */
const RECEIPT_FIELDS = ['amountCents', 'receivedOn', 'note'] as const;

type ReceiptInput = Partial<Pick<EpfReceipt, (typeof RECEIPT_FIELDS)[number]>>;

/**
 * Money is received on a claim once it is assessed, and not while it is blocked. What it received may not
 * exceed what was compensated, at its date or any later one, and a receipt is not one the claim has again.
 * Without the claim's history (a request's body judged on its own) only its date is judged, and with no
 * date nothing.
 */
export function receiptViolations(history: EpfClaimHistory | null, input: ReceiptInput, today: string): RuleViolation[] {
  return [...receivedViolations(history, input, today), ...(history ? sameRecordViolations(RECEIPT_FIELDS, input, history.receipts) : [])];
}

function receivedViolations(history: EpfClaimHistory | null, input: ReceiptInput, today: string): RuleViolation[] {
  const { amountCents, receivedOn } = input;
  if (receivedOn === undefined) return [];
  const violations = pastDateViolations('receivedOn', receivedOn, today);
  if (history === null) return violations;
  violations.push(...notBeforeDeclared(history, 'receivedOn', receivedOn));
  if (violations.length > 0) return violations;
  const blockage = latestOnOrBefore(history.blockages, (row) => row.effectiveOn, receivedOn);
  if (blockage?.blocked) return [{ field: 'receivedOn', code: 'receivedWhileBlocked', params: { blockedOn: blockage.effectiveOn } }];
  if (!latestOnOrBefore(history.assessments, (row) => row.assessedOn, receivedOn)) {
    const firstAssessedOn = history.assessments.map((row) => row.assessedOn).sort()[0];
    return [firstAssessedOn ? { field: 'receivedOn', code: 'receivedBeforeAssessment', params: { assessedOn: firstAssessedOn } } : { field: 'receivedOn', code: 'notAssessed' }];
  }
  // The receipt counts from its date on, also after a later assessment that lowered the compensation: the
  // compensation must cover it at every date from then, and it only changes at an assessment or a receipt.
  const datesFromThen = [receivedOn, ...history.assessments.map((row) => row.assessedOn), ...history.receipts.map((row) => row.receivedOn)].filter(
    (date) => date >= receivedOn,
  );
  const outstanding = Math.min(...datesFromThen.map((date) => claimStateAt(history, date)!).map((state) => state.compensatedCents - state.paidCents));
  if (amountCents !== undefined && amountCents > outstanding) {
    violations.push({ field: 'amountCents', code: 'aboveCompensated', params: { outstandingCents: String(Math.max(0, outstanding)) } });
  }
  return violations;
}

/**
 * A blockage is dated on or after the claim, and a release lifts a blockage: on its date the claim is
 * blocked. A release dated before the first blockage in force names that blockage's date. A claim is
 * blocked once until it is released: a blockage on a date it is blocked, or just before a later blockage
 * with no release between, names the date of the blockage it would double.
 */
export function blockageViolations(history: EpfClaimHistory, input: { blocked: boolean; effectiveOn: string }, today: string): RuleViolation[] {
  const violations = [...pastDateViolations('effectiveOn', input.effectiveOn, today), ...notBeforeDeclared(history, 'effectiveOn', input.effectiveOn)];
  if (violations.length > 0) return violations;
  const inForce = latestOnOrBefore(history.blockages, (row) => row.effectiveOn, input.effectiveOn);
  if (input.blocked) {
    if (inForce?.blocked) return [{ field: 'blocked', code: 'alreadyBlocked', params: { blockedOn: inForce.effectiveOn } }];
    const next = history.blockages
      .filter((row) => row.effectiveOn > input.effectiveOn)
      .reduce<EpfBlockage | undefined>((first, row) => (!first || row.effectiveOn < first.effectiveOn || (row.effectiveOn === first.effectiveOn && row.recordedAt < first.recordedAt) ? row : first), undefined);
    if (next?.blocked) return [{ field: 'effectiveOn', code: 'alreadyBlocked', params: { blockedOn: next.effectiveOn } }];
    // Blocked until the release that follows, if any: money received in that time was not blocked.
    const receivedWhileBlocked = history.receipts
      .map((row) => row.receivedOn)
      .filter((receivedOn) => receivedOn >= input.effectiveOn && (!next || receivedOn < next.effectiveOn))
      .sort()[0];
    return receivedWhileBlocked ? [{ field: 'effectiveOn', code: 'moneyReceivedSince', params: { receivedOn: receivedWhileBlocked } }] : [];
  }
  if (inForce?.blocked) return [];
  const nextBlock = history.blockages
    .filter((row) => row.blocked && row.effectiveOn > input.effectiveOn)
    .map((row) => row.effectiveOn)
    .sort()[0];
  return nextBlock ? [{ field: 'effectiveOn', code: 'beforeBlockage', params: { blockedOn: nextBlock } }] : [{ field: 'blocked', code: 'notBlocked' }];
}

function receivedBy(history: EpfClaimHistory, date: string): Cents {
  return sumCents(history.receipts.filter((receipt) => receipt.receivedOn <= date).map((receipt) => receipt.amountCents));
}

function notBeforeDeclared(history: EpfClaimHistory, field: string, date: string): RuleViolation[] {
  return date < history.claim.declaredOn ? [{ field, code: 'beforeDeclared', params: { declaredOn: history.claim.declaredOn } }] : [];
}
