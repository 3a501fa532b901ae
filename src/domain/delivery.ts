import { sumCents, type Cents } from '../../common/money.ts';
import type { IsoDate } from '../../common/dates.ts';
import { isRealisedByPayment } from '../../common/delivery-rules.ts';
import { pastDateViolations } from './plausibility.ts';
import { sameRecordViolations } from './same-record.ts';
import { referenceKey } from '../../common/text.ts';
import type { Warning } from './warnings.ts';
import { FITTING_VALUATION_BASES, type Category, type FundingSource, type LifecycleStage, type SupportType, type ValuationBasis } from '../../common/vocabulary/codes.ts';

/** The codes of a delivery's choices are shared with the browser, so they are kept in common/vocabulary. */
export {
  CATEGORIES,
  FUNDING_SOURCES,
  LIFECYCLE_STAGES,
  SUPPORT_TYPES,
  VALUATION_BASES,
  type Category,
  type FundingSource,
  type LifecycleStage,
  type SupportType,
  type ValuationBasis,
} from '../../common/vocabulary/codes.ts';

/** The orders a list of deliveries can be sorted in. */
export const DELIVERY_SORT_KEYS = ['title', 'supportType', 'category', 'realisedAt', 'committedAt', 'createdAt', 'valueCents'] as const;
export type DeliverySortKey = (typeof DELIVERY_SORT_KEYS)[number];

export interface LifecycleDates {
  pledgedAt: IsoDate | null;
  committedAt: IsoDate | null;
  realisedAt: IsoDate | null;
  deliveredAt: IsoDate | null;
}

export interface Source {
  description: string;
  url?: string | undefined;
}

export interface DeliveryFields extends LifecycleDates {
  title: string;
  description: string;
  publicTitle: string | null;
  category: Category;
  quantity: number | null;
  unit: string | null;
  supportType: SupportType;
  fundingSource: FundingSource;
  company: string | null;
  contractReference: string | null;
  sources: Source[];
  isDemonstration: boolean;
}

/** What a user may set on a delivery; whether it is demonstration data is not theirs to say. */
export type DeliveryInput = Omit<DeliveryFields, 'isDemonstration'>;

type RequiredDeliveryField = 'title' | 'category' | 'supportType' | 'fundingSource';

/** What the optional fields of a delivery hold when nobody filled them in. */
export function unsetDeliveryFields(): Omit<DeliveryInput, RequiredDeliveryField> {
  return {
    description: '',
    publicTitle: null,
    quantity: null,
    unit: null,
    pledgedAt: null,
    committedAt: null,
    realisedAt: null,
    deliveredAt: null,
    company: null,
    contractReference: null,
    sources: [],
  };
}

export interface Delivery extends DeliveryFields {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Valuation {
  id: string;
  deliveryId: string;
  amountCents: Cents;
  currency: string;
  originalAmountMinor: number | null;
  exchangeRate: string | null;
  basis: ValuationBasis;
  effectiveDate: IsoDate;
  recordedAt: string;
  note: string;
}

export interface Payment {
  id: string;
  deliveryId: string;
  amountCents: Cents;
  paidOn: IsoDate;
  reference: string | null;
  recordedAt: string;
  note: string;
}

/**
 * What a delivery counts for today by its money: stock its latest valuation (valuations in the order
 * later ones supersede earlier ones), procurement and fund contributions the sum of their payments.
 */
export function currentValue(
  supportType: SupportType,
  valuations: readonly Pick<Valuation, 'amountCents'>[],
  payments: readonly Pick<Payment, 'amountCents'>[],
): Cents {
  if (isRealisedByPayment(supportType)) return sumCents(payments.map((payment) => payment.amountCents));
  return valuations.at(-1)?.amountCents ?? 0;
}


/** A valuation's basis is one its delivery's support type is valued at: refused at the field, naming those that fit. */
export function valuationBasisViolations(field: string, supportType: SupportType, basis: ValuationBasis): RuleViolation[] {
  const fitting = FITTING_VALUATION_BASES[supportType];
  return fitting.includes(basis) ? [] : [{ field, code: 'basisNotOfSupportType', params: { supportType, bases: fitting.join(',') } }];
}

/**
 * A delivery takes another support type only when the valuations it holds (not withdrawn) are at a basis
 * that type is valued at: a stock delivery valued at replacement value is no procurement until that
 * valuation is withdrawn.
 */
export function supportTypeChangeViolations(supportType: SupportType, valuations: readonly { basis: ValuationBasis }[]): RuleViolation[] {
  const unfitting = [...new Set(valuations.map((valuation) => valuation.basis).filter((basis) => !FITTING_VALUATION_BASES[supportType].includes(basis)))];
  return unfitting.length === 0 ? [] : [{ field: 'supportType', code: 'valuedAtOtherBasis', params: { supportType, bases: unfitting.join(',') } }];
}

/**
 * The basis of the value currentValue gives: for stock that of the valuation it takes (null while there is
 * none), for procurement and fund contributions what their payments are.
 */
export function currentValueBasis(supportType: SupportType, valuations: readonly Pick<Valuation, 'basis'>[]): ValuationBasis | null {
  return supportType === 'stock' ? (valuations.at(-1)?.basis ?? null) : FITTING_VALUATION_BASES[supportType][0];
}

export function lifecycleStage(dates: LifecycleDates): LifecycleStage | null {
  if (dates.deliveredAt) return 'delivered';
  if (dates.realisedAt) return 'realised';
  if (dates.committedAt) return 'committed';
  if (dates.pledgedAt) return 'pledged';
  return null;
}

export interface RuleViolation {
  field: string;
  code: string;
  params?: Record<string, string>;
}

const ORDER: ReadonlyArray<keyof LifecycleDates> = ['pledgedAt', 'committedAt', 'realisedAt', 'deliveredAt'];

/**
 * The violation of a date that lies before the date of one of the earlier stages (the first of them in
 * order that it does), or undefined. `later` names what is dated when that is not the field itself.
 */
function beforeEarlierStage(
  dates: Partial<LifecycleDates>,
  earlierStages: ReadonlyArray<keyof LifecycleDates>,
  field: string,
  laterDate: IsoDate,
  later?: string,
): RuleViolation | undefined {
  for (const earlier of earlierStages) {
    const earlierDate = dates[earlier];
    if (earlierDate && laterDate < earlierDate) return { field, code: 'beforeEarlierStage', params: { ...(later ? { later } : {}), earlier, earlierDate, laterDate } };
  }
  return undefined;
}

/**
 * Each lifecycle date that is set must not lie before an earlier stage's date that is set. A change that
 * moves an earlier stage past a later one it kept (`kept`, the dates before the change) is refused at the
 * date it moved, once, rather than at a date it did not touch.
 */
export function lifecycleViolations(dates: LifecycleDates, kept?: LifecycleDates): RuleViolation[] {
  const moved = new Set<keyof LifecycleDates>();
  return ORDER.flatMap((later, laterIndex) => {
    const laterDate = dates[later];
    const violation = laterDate && beforeEarlierStage(dates, ORDER.slice(0, laterIndex), later, laterDate);
    if (!violation) return [];
    const earlier = violation.params!.earlier as keyof LifecycleDates;
    const movedPastKept = kept !== undefined && kept[later] === laterDate && kept[earlier] !== dates[earlier];
    if (!movedPastKept) return [violation];
    if (moved.has(earlier)) return [];
    moved.add(earlier);
    return [{ field: earlier, code: 'afterLaterStage', params: { earlier, earlierDate: dates[earlier]!, later, laterDate } }];
  });
}

/**
 * A stage is recorded once it has happened: each lifecycle date that is set is not after today. A date a
 * change keeps as it was (`kept`, the dates before the change) is not judged again.
 */
export function stageDateViolations(dates: LifecycleDates, today: IsoDate, kept?: LifecycleDates): RuleViolation[] {
  return ORDER.flatMap((stage) => {
    const date = dates[stage];
    return date && date !== kept?.[stage] ? pastDateViolations(stage, date, today) : [];
  });
}

/**
 * The records that follow a delivery's beginning, as its later stages do: its valuations, the judgements of
 * its effect on readiness, the decisions not to replace it, the replenishment projects that replace it, the
 * assessments of its export and the stages of the budget commitments for it.
 */
export type BeginningFollower = 'valuation' | 'judgement' | 'nonReplacement' | 'replenishmentProject' | 'exportAssessment' | 'budgetCommitment';

/** What a record dated after a stage of its delivery is, as a refusal names it: one that follows the beginning, or a contract (which follows the commitment). */
export type StageFollower = BeginningFollower | 'contract';

/** The dates a delivery begins with: its pledge, or without one its commitment. */
export type BeginningDates = Pick<LifecycleDates, 'pledgedAt' | 'committedAt'>;

/**
 * The stage a delivery begins with, while one is known: its pledge, or without one its commitment. Its hand-over
 * (realisedAt, deliveredAt) is no beginning: what follows the beginning may come before it (an assessment and a
 * licence have to, a procurement's contract price is known before the first payment that realises it).
 */
export function beginningOf(dates: Partial<BeginningDates>): { stage: keyof BeginningDates; date: IsoDate } | undefined {
  if (dates.pledgedAt) return { stage: 'pledgedAt', date: dates.pledgedAt };
  if (dates.committedAt) return { stage: 'committedAt', date: dates.committedAt };
  return undefined;
}

/**
 * The stage a record follows: its delivery's beginning, but for an export assessment only the pledge. An export
 * is assessed before the delivery is committed to as well as after (a commitment can wait for it), and before
 * the hand-over its licence allows.
 */
function followedStage(dates: Partial<BeginningDates>, record: BeginningFollower): ReturnType<typeof beginningOf> {
  return beginningOf(record === 'exportAssessment' ? { pledgedAt: dates.pledgedAt ?? null, committedAt: null } : dates);
}

/** A record that follows the delivery's beginning is not dated before it: refused at the record's field, naming the stage and its date. */
export function followsBeginningViolations(dates: Partial<BeginningDates>, field: string, record: BeginningFollower, date: IsoDate): RuleViolation[] {
  const followed = followedStage(dates, record);
  const violation = followed && beforeEarlierStage(dates, [followed.stage], field, date, record);
  return violation ? [violation] : [];
}

/**
 * A delivery's beginning is not moved after a record that follows it (a pledge moved, or without one the
 * commitment, or a pledge taken away that leaves a later commitment): refused at the stage it begins with,
 * naming the earliest such record.
 */
export function beginningBeforeFollowersViolations(dates: BeginningDates, followers: readonly { record: BeginningFollower; date: IsoDate }[]): RuleViolation[] {
  const refused = followers.filter((follower) => follower.date < (followedStage(dates, follower.record)?.date ?? follower.date));
  const earliest = refused.reduce<(typeof refused)[number] | undefined>((first, follower) => (first && first.date <= follower.date ? first : follower), undefined);
  return earliest ? followsBeginningViolations(dates, followedStage(dates, earliest.record)!.stage, earliest.record, earliest.date) : [];
}

/**
 * A contract a procurement is bought under is signed on or after the delivery's legal commitment: the
 * signing is what commits (juridisch verplicht), so a contract signed earlier says the commitment date is
 * wrong. A framework agreement signed earlier is not such a contract; the call-off that buys the delivery is.
 * Refused at the signing date, naming the commitment's.
 */
export function signedAfterCommitmentViolations(dates: Pick<LifecycleDates, 'committedAt'>, field: string, signedOn: IsoDate): RuleViolation[] {
  const violation = beforeEarlierStage(dates, ['committedAt'], field, signedOn, 'contract');
  return violation ? [violation] : [];
}

/** A commitment is not moved after the signing of a contract the delivery is bought under: refused at the commitment, naming the earliest signing. */
export function commitmentBeforeSigningViolations(dates: Pick<LifecycleDates, 'committedAt'>, signingDays: readonly IsoDate[]): RuleViolation[] {
  const earliest = signingDays.reduce<IsoDate | undefined>((first, day) => (first !== undefined && first <= day ? first : day), undefined);
  return earliest === undefined ? [] : signedAfterCommitmentViolations(dates, 'committedAt', earliest);
}

/**
 * A payment's reference names that one payment of its delivery: a reference another payment of it carries
 * (capitals aside, several spaces as one) is the same payment entered twice, unless that one was withdrawn.
 */
export function paymentReferenceViolations(reference: string | null | undefined, livePayments: readonly Pick<Payment, 'paidOn' | 'reference'>[]): RuleViolation[] {
  if (!reference) return [];
  const key = referenceKey(reference);
  const same = livePayments.find((payment) => payment.reference !== null && referenceKey(payment.reference) === key);
  return same ? [{ field: 'reference', code: 'paymentReferenceTaken', params: { paidOn: same.paidOn } }] : [];
}

/** What a payment's form asks: all of it makes a payment the same as another. */
export const PAYMENT_FIELDS = ['amountCents', 'paidOn', 'reference', 'note'] as const;

export type TypedPayment = Pick<Payment, (typeof PAYMENT_FIELDS)[number]>;

/**
 * A payment without a reference the same in amount, day and note as one of its delivery's (not withdrawn, so
 * also without one) is that payment entered twice: counted twice, it would double what the delivery realised.
 * Two payments of one day and amount differ in their note or reference. One with a reference is told apart
 * by it, as references are (paymentReferenceViolations).
 */
export function samePaymentViolations(input: Partial<TypedPayment>, livePayments: readonly (TypedPayment & Pick<Payment, 'id' | 'recordedAt'>)[]): RuleViolation[] {
  return input.reference ? [] : sameRecordViolations(PAYMENT_FIELDS, input, livePayments);
}

/**
 * A payment at ten times its delivery's valuation (the price of its contract, or its contribution) or more
 * is far above it: the whole price typed with a zero too many is ten times it, typed in cents as if euros a
 * hundred times. Below that an overrun (indexation, extra work) cannot be told from a mistake. A delivery
 * without a valuation has nothing to compare with, and no amount alone tells a mistake there: one
 * contribution to a fund may be hundreds of millions, and every amount's ceiling (MAX_ENTRY_CENTS) holds.
 */
const FAR_ABOVE_VALUATION = 10;

/** The warnings of a payment for its delivery's valuations (not withdrawn, in the order later ones supersede earlier ones). */
export function paymentWarnings(amountCents: Cents, valuations: readonly Pick<Valuation, 'amountCents'>[]): Warning[] {
  const valuation = valuations.at(-1)?.amountCents;
  if (!valuation || amountCents < valuation * FAR_ABOVE_VALUATION) return [];
  const params = { amount: String(amountCents), valuation: String(valuation), ratio: String(Math.floor(amountCents / valuation)) };
  return [{ field: 'amountCents', code: 'paymentFarAboveValuation', params }];
}
