import type { Kysely } from 'kysely';
import {
  commitmentBeforeSigningViolations,
  currentValue,
  beginningOf,
  followsBeginningViolations,
  lifecycleStage,
  lifecycleViolations,
  paymentReferenceViolations,
  paymentWarnings,
  samePaymentViolations,
  beginningBeforeFollowersViolations,
  stageDateViolations,
  supportTypeChangeViolations,
  valuationBasisViolations,
  type DeliveryFields,
  type DeliveryInput,
  type LifecycleDates,
  type LifecycleStage,
  type Payment,
  type RuleViolation,
  type Valuation,
} from '../domain/delivery.ts';
import { isRealisedByPayment } from '../../common/delivery-rules.ts';
import type { IsoDate } from '../../common/dates.ts';
import { pastDateViolations, whereGiven } from '../domain/plausibility.ts';
import { isCurrencyCode, toEuroCents } from '../domain/currency.ts';
import { MAX_ENTRY_CENTS } from '../../common/money.ts';
import type { Database } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { requestDay, recordAuditEvent, type RequestContext } from '../audit/trail.ts';
import type { AuditObject } from '../audit/event.ts';
import * as deliveries from '../db/repositories/deliveries.ts';
import { prepareAuditEvent } from '../db/repositories/audit.ts';
import { writeDeliveryCreate } from '../db/repositories/delivery-creates.ts';
import type { KeyToStore } from '../db/repositories/idempotency.ts';
import type { KeysetPage } from '../db/keyset.ts';
import * as money from '../db/repositories/money.ts';
import * as readiness from '../db/repositories/readiness.ts';
import { claimAboveValue } from '../db/repositories/epf.ts';
import * as exportControl from '../db/repositories/export-control.ts';
import * as budget from '../db/repositories/budget.ts';
import { signingDaysOf } from '../db/repositories/industry.ts';
import { dependantsOf, disclosedQuantitiesOf, recordsNaming } from '../db/repositories/delivery-dependants.ts';
import { dependantViolations, mayAffectDependants, removalBelowDisclosedViolations, removalViolations, valueBelowClaimedViolations, valueBelowReplacedViolations } from '../domain/delivery-dependants.ts';
import { changesNothing } from '../domain/same-record.ts';
import { reconsiderAfterWithdrawal, withdrawFromPublic } from './disclosure.ts';
import { countedMoney, firstPaidOn, moneyOf } from './delivery-money.ts';
import { listCountsOf } from './list-counts.ts';
import { assertRegisteredBeforeShipment, assertShipmentAllowed, withShipmentRefusalsRecorded } from './export-control.ts';
import { assertConfirmed, assertValid, assertVersionMatches, NotFoundError, VersionConflictError, type ExpectedVersion } from './errors.ts';
import type { Warning, WarningCode } from '../domain/warnings.ts';
import { countedDeliveryWarningsOf, judgedNewDelivery, sentLetterPeriodWarningsOf } from './confirmed-warnings.ts';
import { newRecordId } from './record-ids.ts';

type Db = Kysely<Database>;

export interface DeliveryDetail extends deliveries.StoredDelivery {
  stage: LifecycleStage | null;
  valuations: Valuation[];
  payments: Payment[];
  /** The withdrawals of its payments and valuations; the withdrawn entries stay in the lists above. */
  withdrawals: money.Withdrawal[];
}

const auditObject = (id: string): AuditObject => ({ type: 'delivery', id });

/** Every change below is recorded in the audit trail in the transaction that makes it. */
/**
 * The rules a new delivery must satisfy, the shipment gate's among them. A caller that registers inside
 * a transaction of its own checks first outside it, so that a refusal at the gate stays recorded.
 */
async function assertRegistrable(db: Db, context: RequestContext, input: DeliveryInput): Promise<void> {
  assertValid(deliveryViolations(input, { payments: [], withdrawals: [] }, requestDay(context)));
  await withShipmentRefusalsRecorded(db, context, null, async () => assertRegisteredBeforeShipment(input));
}

export async function createDelivery(db: Db, context: RequestContext, input: DeliveryInput, confirmed: readonly WarningCode[] = []): Promise<DeliveryDetail> {
  const { delivery, write } = await newDelivery(db, context, input, confirmed);
  await write();
  return delivery;
}

/**
 * A delivery checked and made, as it will be once written, and `write`, which writes it with its audit
 * event and, if given, the request's key, all committed together (writeDeliveryCreate). One realised on or before
 * the reference date of the latest letter sent to parliament, which adds it to what that letter counted as realised,
 * is made only when `confirmed` names that warning, which its audit event then keeps.
 */
export async function newDelivery(db: Db, context: RequestContext, input: DeliveryInput, confirmed: readonly WarningCode[] = []) {
  await assertRegistrable(db, context, input);
  const now = context.now();
  const stored = deliveries.newStoredDelivery(newRecordId(), { ...input, isDemonstration: false }, now);
  const eventOf = (warnings: Warning[]) => {
    const confirmedWarnings = assertConfirmed(warnings, confirmed);
    return prepareAuditEvent(context, { action: 'delivery.create', object: auditObject(stored.id), result: 'success', after: stored, confirmedWarnings }, now);
  };
  const { made: event, judged } = await judgedNewDelivery(db, input, eventOf);
  // A new delivery has no money yet: nothing to read back.
  const delivery: DeliveryDetail = { ...stored, stage: lifecycleStage(stored), valuations: [], payments: [], withdrawals: [] };
  return { delivery, write: (key?: KeyToStore) => writeDeliveryCreate(db, { delivery: stored, event, key, judged }) };
}

interface DeliveryPage extends KeysetPage<deliveries.DeliverySummary> {
  /** How many the filter finds, at most LIST_COUNT_CAP (db/keyset.ts); `totalIsCapped` when there are more. */
  total: number;
  totalIsCapped: boolean;
  /** The register holds demonstration data. */
  isDemonstration: boolean;
}

/**
 * A page of the list: one statement when the filter's count at the register's version is known (the page
 * reads the version), otherwise a second one that counts and remembers the count with its version. A text
 * that found more than the cap when last counted is searched as a common one (repository's TextSearch).
 */
export async function listDeliveries(db: Db, query: deliveries.DeliveryListQuery): Promise<DeliveryPage> {
  const counts = listCountsOf(db);
  const textSearch = query.text?.trim() && counts.lastCounted(query)?.capped ? 'common' : 'mayBeRare';
  const { register, ...page } = await deliveries.listDeliveries(db, query, textSearch);
  const known = register && counts.get(register.version, query);
  if (register && known) return { ...page, total: known.count, totalIsCapped: known.capped, isDemonstration: register.isDemonstration };
  const counted = await deliveries.countDeliveries(db, query);
  counts.set(counted.register, query, counted);
  const isDemonstration = (register ?? counted.register).isDemonstration;
  return { ...page, total: counted.count, totalIsCapped: counted.capped, isDemonstration };
}

export async function getDelivery(db: Db, id: string): Promise<DeliveryDetail> {
  const stored = await deliveries.findDelivery(db, id);
  if (!stored) throw new NotFoundError('delivery', id);
  return withMoney(db, stored);
}

/** The version of a delivery (its ETag), which a valuation or payment added to it raises too. */
export async function deliveryVersion(db: Db, id: string): Promise<number> {
  const stored = await deliveries.findDelivery(db, id);
  if (!stored) throw new NotFoundError('delivery', id);
  return stored.version;
}

/**
 * Applies a change to a delivery. The change may be partial; the result must satisfy every rule. When
 * expectedVersion is given and someone else changed the delivery since, nothing is written. One that makes it count
 * otherwise in the figures at the reference date of the latest letter sent to parliament (its realisation moved across
 * that date, or realised by then its support type or EPF funding changed) is made only when `confirmed` names that
 * warning, which its audit event then keeps.
 */
export async function updateDelivery(
  db: Db,
  context: RequestContext,
  id: string,
  change: Partial<DeliveryInput>,
  expectedVersion?: ExpectedVersion,
  confirmed: readonly WarningCode[] = [],
): Promise<DeliveryDetail> {
  return withShipmentRefusalsRecorded(db, context, id, () => inTransaction(db, async (trx) => {
    const current = await lockDelivery(trx, id, expectedVersion);
    const entries = await moneyOf(trx, id);
    // A change that leaves every field as it is writes nothing: no new version that others would conflict with, no event.
    if (changesNothing(current, change)) return { ...current, stage: lifecycleStage(current), ...entries };
    const next: DeliveryFields = { ...fieldsOf(current), ...change };
    assertValid([...deliveryViolations(next, entries, requestDay(context), current), ...(await changeOfRecordsViolations(trx, current, next, entries))]);
    await assertShipmentAllowed(trx, id, current, next);
    const confirmedWarnings = assertConfirmed(await countedDeliveryWarningsOf(trx, current, next), confirmed);
    const counted = countedMoney(entries);
    const value = currentValue(next.supportType, counted.valuations, counted.payments);
    const updated = await deliveries.updateDeliveryFields(trx, id, current.version, next, value);
    if (!updated) throw new VersionConflictError(current.version);
    await recordAuditEvent(trx, context, { action: 'delivery.update', object: auditObject(id), result: 'success', before: current, after: updated, confirmedWarnings });
    return { ...updated, stage: lifecycleStage(updated), ...entries };
  }));
}

/** A delivery's own fields, which a change sets. */
function fieldsOf(stored: deliveries.StoredDelivery): DeliveryFields {
  const { id: _id, version: _version, createdAt: _createdAt, updatedAt: _updatedAt, currentValueCents: _value, disclosureState: _disclosure, ...fields } = stored;
  return fields;
}

/**
 * What a change must keep true of the records around the delivery: those that follow its beginning and its
 * commitment, those that depend on it, and the valuations it holds. Each is judged only where the field it
 * reads changes.
 */
async function changeOfRecordsViolations(db: Db, current: deliveries.StoredDelivery, next: DeliveryFields, entries: Awaited<ReturnType<typeof moneyOf>>): Promise<RuleViolation[]> {
  const beginning = beginningOf(next)?.date;
  const followers = beginning !== undefined && beginning !== beginningOf(current)?.date ? await beginningFollowers(db, current.id, entries.valuations) : [];
  const signingDays = next.committedAt !== null && next.committedAt !== current.committedAt ? await signingDaysOf(db, current.id) : [];
  const dependants = mayAffectDependants(current, next) ? dependantViolations(current, next, await dependantsOf(db, current.id)) : [];
  // Records that keep the type (readiness, a contract) say why first; the valuations then matter no more.
  const typeKept = next.supportType === current.supportType || dependants.some((violation) => violation.field === 'supportType');
  const valuedAt = typeKept ? [] : supportTypeChangeViolations(next.supportType, countedMoney(entries).valuations);
  return [...beginningBeforeFollowersViolations(next, followers), ...commitmentBeforeSigningViolations(next, signingDays), ...dependants, ...valuedAt];
}

/**
 * The rules of a change that read the register, on the fields given: a field not given (or one that could not be
 * read) stays as the delivery has it, and a rule judges only a field that changes. A delivery that does not exist has none.
 */
export async function changeRegisterViolations(db: Db, id: string, change: Partial<DeliveryInput>): Promise<RuleViolation[]> {
  const current = await deliveries.findDelivery(db, id);
  if (!current) return [];
  const entries = await moneyOf(db, id);
  const next: DeliveryFields = { ...fieldsOf(current), ...change };
  return [...paymentRealisationViolations(next, entries), ...(await changeOfRecordsViolations(db, current, next, entries))];
}

/**
 * Removes a delivery no other record names and no decision in force for others decided at once with it needs
 * the items of. A record being made that names it holds the delivery's row (FOR SHARE) until it commits,
 * which the removal's lock waits for: it then counts that record, or the record, waiting in turn, finds the
 * delivery gone. One realised on or before the reference date of the latest letter sent to parliament, which takes
 * it from what that letter counted as realised, is removed only when `confirmed` names that warning, which its audit
 * event then keeps.
 */
export async function deleteDelivery(db: Db, context: RequestContext, id: string, expectedVersion?: ExpectedVersion, confirmed: readonly WarningCode[] = []): Promise<void> {
  await inTransaction(db, async (trx) => {
    const current = await lockDelivery(trx, id, expectedVersion);
    assertValid([...removalViolations(await recordsNaming(trx, id)), ...removalBelowDisclosedViolations(await disclosedQuantitiesOf(trx, id, { othersOnly: true }))]);
    const confirmedWarnings = assertConfirmed(await countedDeliveryWarningsOf(trx, current, null), confirmed);
    if (!(await deliveries.markDeliveryDeleted(trx, id, current.version))) {
      throw new VersionConflictError(current.version);
    }
    await withdrawFromPublic(trx, id);
    await recordAuditEvent(trx, context, { action: 'delivery.delete', object: auditObject(id), result: 'success', before: current, confirmedWarnings });
  });
}

export type ValuationInput = Omit<Valuation, 'id' | 'deliveryId' | 'recordedAt'>;

/**
 * Adds a valuation (a revaluation when earlier ones exist), dated no earlier than the delivery's beginning; earlier valuations
 * stay as they were. With an expected version (If-Match), only when the delivery is still at it. One dated in the period
 * of a letter sent to parliament is added only when `confirmed` names that warning, which its audit event then keeps.
 */
export async function addValuation(
  db: Db,
  context: RequestContext,
  deliveryId: string,
  input: ValuationInput,
  expectedVersion?: ExpectedVersion,
  confirmed: readonly WarningCode[] = [],
): Promise<Valuation> {
  return inTransaction(db, async (trx) => {
    const delivery = await lockDelivery(trx, deliveryId, expectedVersion);
    assertValid([...valuationViolations(input, requestDay(context)), ...valuationOfDeliveryViolations(delivery, input)]);
    const confirmedWarnings = assertConfirmed(await sentLetterPeriodWarningsOf(trx, 'effectiveDate', input.effectiveDate), confirmed);
    const valuation = await money.insertValuation(trx, { id: newRecordId(), deliveryId, ...input });
    await revalue(trx, delivery, 'amountCents');
    await recordAuditEvent(trx, context, { action: 'valuation.create', object: auditObject(deliveryId), result: 'success', after: valuation, confirmedWarnings });
    return valuation;
  });
}

/** What a valuation must meet of its delivery, on the fields given: dated no earlier than its beginning, at a basis its support type is valued at. */
function valuationOfDeliveryViolations(delivery: deliveries.StoredDelivery, input: Partial<ValuationInput>): RuleViolation[] {
  return [
    ...whereGiven(input.effectiveDate, (date) => followsBeginningViolations(delivery, 'effectiveDate', 'valuation', date)),
    ...whereGiven(input.basis, (basis) => valuationBasisViolations('basis', delivery.supportType, basis)),
  ];
}

/** The rules of a valuation that read its delivery, on the fields given; a delivery that does not exist has none. */
export async function valuationRegisterViolations(db: Db, deliveryId: string, input: Partial<ValuationInput>): Promise<RuleViolation[]> {
  const delivery = await deliveries.findDelivery(db, deliveryId);
  return delivery ? valuationOfDeliveryViolations(delivery, input) : [];
}

export type PaymentInput = Omit<Payment, 'id' | 'deliveryId' | 'recordedAt'>;

/**
 * Adds a payment; the first payment of a procurement or fund contribution is when it was realised. With an
 * expected version (If-Match), only when the delivery is still at it. A payment far above the delivery's
 * valuation, or dated in the period of a letter sent to parliament, is added only when `confirmed` names that
 * warning, which its audit event then keeps.
 */
export async function addPayment(
  db: Db,
  context: RequestContext,
  deliveryId: string,
  input: PaymentInput,
  expectedVersion?: ExpectedVersion,
  confirmed: readonly WarningCode[] = [],
): Promise<Payment> {
  return inTransaction(db, async (trx) => {
    const delivery = await lockDelivery(trx, deliveryId, expectedVersion);
    const entries = await moneyOf(trx, deliveryId);
    assertValid([...paymentViolations(input, requestDay(context)), ...paymentOfDeliveryViolations(delivery, entries, input)]);
    const counted = countedMoney(entries);
    const warnings = [...paymentWarnings(input.amountCents, counted.valuations), ...(await sentLetterPeriodWarningsOf(trx, 'paidOn', input.paidOn))];
    const confirmedWarnings = assertConfirmed(warnings, confirmed);
    const payment = await money.insertPayment(trx, { id: newRecordId(), deliveryId, ...input });
    await refreshCurrentValue(trx, delivery);
    await recordAuditEvent(trx, context, { action: 'payment.create', object: auditObject(deliveryId), result: 'success', after: payment, confirmedWarnings });
    return payment;
  });
}

/**
 * What a payment must meet of its delivery, on the fields given: one realised by payment, not paid before an
 * earlier stage of it, under a reference no other payment of it carries, and not one of its payments again.
 */
function paymentOfDeliveryViolations(delivery: deliveries.StoredDelivery, entries: Awaited<ReturnType<typeof moneyOf>>, input: Partial<PaymentInput>): RuleViolation[] {
  if (!isRealisedByPayment(delivery.supportType)) return [{ field: 'paidOn', code: 'paymentOnStock' }];
  const live = countedMoney(entries).payments;
  return [
    ...whereGiven(input.paidOn, (paidOn) => {
      const standing = firstPaidOn(entries);
      const realisedAt = standing !== null && standing < paidOn ? standing : paidOn;
      return lifecycleViolations({ ...delivery, realisedAt }).map((violation) => ({ ...violation, field: 'paidOn' }));
    }),
    ...paymentReferenceViolations(input.reference, live),
    ...samePaymentViolations(input, live),
  ];
}

/** The rules of a payment that read its delivery and its money, on the fields given; a delivery that does not exist has none. */
export async function paymentRegisterViolations(db: Db, deliveryId: string, input: Partial<PaymentInput>): Promise<RuleViolation[]> {
  const delivery = await deliveries.findDelivery(db, deliveryId);
  return delivery ? paymentOfDeliveryViolations(delivery, await moneyOf(db, deliveryId), input) : [];
}

export interface WithdrawalInput {
  withdrawnOn: string;
  reason: string;
}

/**
 * Withdraws a payment or valuation entered in error, by a new entry beside it: from `withdrawnOn` on the
 * figures leave it out, at earlier dates they still count it as it was known then. Dated on the entry's
 * own date, it leaves every figure as if the entry had never been made: a delivery realised by payment is
 * realised on the day of its first payment not so withdrawn (firstPaidOn), and a value made public that counted
 * it is withheld until the delivery is decided on again (reconsiderAfterWithdrawal). It raises the delivery's
 * version, as the entry did; with an expected version (If-Match), only when the delivery is still at it. One
 * dated in the period of a letter sent to parliament is made only when `confirmed` names that warning, which its
 * audit event then keeps.
 */
export async function withdrawMoney(
  db: Db,
  context: RequestContext,
  kind: money.MoneyKind,
  entryId: string,
  input: WithdrawalInput,
  expectedVersion?: ExpectedVersion,
  confirmed: readonly WarningCode[] = [],
): Promise<money.Withdrawal & { deliveryId: string }> {
  return inTransaction(db, async (trx) => {
    const entry = await findEntry(trx, kind, entryId);
    if (!entry) throw new NotFoundError(kind, entryId);
    const delivery = await lockDelivery(trx, entry.deliveryId, expectedVersion);
    assertValid([
      ...withdrawalViolations(input, requestDay(context)),
      ...entryWithdrawalViolations(entry, await money.findWithdrawal(trx, kind, entryId), input),
      ...realisationAfterWithdrawalViolations(delivery, await moneyOf(trx, delivery.id), entry, input),
    ]);
    const confirmedWarnings = assertConfirmed(await sentLetterPeriodWarningsOf(trx, 'withdrawnOn', input.withdrawnOn), confirmed);
    const withdrawal = await money.insertWithdrawal(trx, kind, { entryId, ...input });
    await revalue(trx, delivery, 'id');
    const publicValueWithheld = await reconsiderAfterWithdrawal(trx, delivery.id, withdrawal);
    await recordAuditEvent(trx, context, {
      action: `${kind}.withdraw`,
      object: auditObject(entry.deliveryId),
      result: 'success',
      before: entry,
      after: withdrawal,
      ...(publicValueWithheld ? { detail: { publicValueWithheld } } : {}),
      confirmedWarnings,
    });
    return { ...withdrawal, deliveryId: entry.deliveryId };
  });
}

const findEntry = (db: Db, kind: money.MoneyKind, id: string) => (kind === 'payment' ? money.findPayment(db, id) : money.findValuation(db, id));

/** A withdrawal dates from a day that has come. */
export function withdrawalViolations(input: Partial<WithdrawalInput>, todayIso: IsoDate): RuleViolation[] {
  return whereGiven(input.withdrawnOn, (date) => pastDateViolations('withdrawnOn', date, todayIso));
}

/** What a withdrawal must meet of its entry, on the fields given: the entry's first, and from the entry's own date or later. */
function entryWithdrawalViolations(entry: Payment | Valuation, earlier: money.Withdrawal | undefined, input: Partial<WithdrawalInput>): RuleViolation[] {
  const entryDate = 'paidOn' in entry ? entry.paidOn : entry.effectiveDate;
  return [
    ...(earlier ? [{ field: 'withdrawnOn', code: 'alreadyWithdrawn', params: { withdrawnOn: earlier.withdrawnOn } }] : []),
    ...whereGiven(input.withdrawnOn, (date) => (date < entryDate ? [{ field: 'withdrawnOn', code: 'beforeEntry', params: { entryDate } }] : [])),
  ];
}

/**
 * A payment withdrawn on its own date was never made: when it was its delivery's first, the delivery is realised
 * on the next one's day (firstPaidOn), which must still come before the stages that follow its realisation.
 */
function realisationAfterWithdrawalViolations(delivery: deliveries.StoredDelivery, entries: PaymentsOf, entry: Payment | Valuation, input: Partial<WithdrawalInput>): RuleViolation[] {
  if (!('paidOn' in entry) || input.withdrawnOn !== entry.paidOn) return [];
  const realisedAt = firstPaidOn({ payments: entries.payments, withdrawals: [...entries.withdrawals, { entryId: entry.id, withdrawnOn: entry.paidOn }] });
  return lifecycleViolations({ ...delivery, realisedAt }).map((violation) => ({ ...violation, field: 'withdrawnOn' }));
}

/** The rules of a withdrawal that read its entry, on the fields given; an entry that does not exist has none. */
export async function withdrawalRegisterViolations(db: Db, kind: money.MoneyKind, entryId: string, input: Partial<WithdrawalInput>): Promise<RuleViolation[]> {
  const entry = await findEntry(db, kind, entryId);
  if (!entry) return [];
  const delivery = await deliveries.findDelivery(db, entry.deliveryId);
  return [
    ...entryWithdrawalViolations(entry, await money.findWithdrawal(db, kind, entryId), input),
    ...(delivery ? realisationAfterWithdrawalViolations(delivery, await moneyOf(db, delivery.id), entry, input) : []),
  ];
}

async function lockDelivery(db: Db, id: string, expectedVersion?: ExpectedVersion) {
  const delivery = await deliveries.findDelivery(db, id, { forUpdate: true });
  if (!delivery) throw new NotFoundError('delivery', id);
  assertVersionMatches(expectedVersion, delivery.version);
  return delivery;
}

/**
 * The records that follow the delivery's beginning, by their dates: its valuations (a withdrawn one too, as a
 * payment's date stays the realisation's), its readiness judgements, the decisions not to replace it and
 * the states of the replenishment projects that replace it.
 */
async function beginningFollowers(db: Db, id: string, valuations: readonly Valuation[]) {
  const [judgements, nonReplacements, projectDays, assessmentDays, commitmentDays] = await Promise.all([
    readiness.listJudgements(db, id),
    readiness.listNonReplacements(db, id),
    readiness.projectStateDaysOf(db, id),
    exportControl.assessmentDaysOf(db, id),
    budget.commitmentStageDaysOf(db, id),
  ]);
  return [
    ...valuations.map((valuation) => ({ record: 'valuation' as const, date: valuation.effectiveDate })),
    ...judgements.map((judgement) => ({ record: 'judgement' as const, date: judgement.judgedOn })),
    ...nonReplacements.map((decision) => ({ record: 'nonReplacement' as const, date: decision.decidedOn })),
    ...projectDays.map((day) => ({ record: 'replenishmentProject' as const, date: day })),
    ...assessmentDays.map((day) => ({ record: 'exportAssessment' as const, date: day })),
    ...commitmentDays.map((day) => ({ record: 'budgetCommitment' as const, date: day })),
  ];
}

async function withMoney(db: Db, stored: deliveries.StoredDelivery): Promise<DeliveryDetail> {
  return { ...stored, stage: lifecycleStage(stored), ...(await moneyOf(db, stored.id)) };
}

/**
 * Brings the stored value in step after money was added or withdrawn, and for deliveries realised by payment
 * the realisation date: the day of the first payment not withdrawn on its own date (firstPaidOn). Gives the value.
 */
export async function refreshCurrentValue(db: Db, delivery: Pick<DeliveryFields, 'supportType'> & { id: string }): Promise<number> {
  const entries = await moneyOf(db, delivery.id);
  const realisedAt = isRealisedByPayment(delivery.supportType) ? firstPaidOn(entries) : undefined;
  const { valuations, payments } = countedMoney(entries);
  const value = currentValue(delivery.supportType, valuations, payments);
  await deliveries.setCurrentValue(db, delivery.id, value, realisedAt);
  return value;
}

/**
 * refreshCurrentValue after a valuation was added or withdrawn: a stock delivery stays valued at no less than
 * replenishment projects replace of it, as it keeps no fewer items than they replace, and any delivery worth at
 * each date of an EPF claim on it what its claims declared up to then; a lower value is refused, naming the field
 * that lowered it.
 */
export async function revalue(db: Db, delivery: Pick<DeliveryFields, 'supportType'> & { id: string }, field: string): Promise<void> {
  const value = await refreshCurrentValue(db, delivery);
  if (delivery.supportType === 'stock') assertValid(valueBelowReplacedViolations(field, value, await readiness.replacedValueOf(db, delivery.id)));
  assertValid(valueBelowClaimedViolations(field, await claimAboveValue(db, delivery.id)));
}

/**
 * Rules across fields: stages that have happened, in lifecycle order, and that payments, not people, say
 * when a payment-type item was realised. A change's dates kept as they were (`kept`) are not judged again
 * against today.
 */
export function deliveryViolations(fields: DeliveryInput, entries: PaymentsOf, todayIso: IsoDate, kept?: LifecycleDates): RuleViolation[] {
  return [...stageDateViolations(fields, todayIso, kept), ...lifecycleViolations(fields, kept), ...paymentRealisationViolations(fields, entries)];
}

type PaymentsOf = { payments: readonly Payment[]; withdrawals: readonly Pick<money.Withdrawal, 'entryId' | 'withdrawnOn'>[] };

/** Payments, not people, say when a payment-type item was realised (firstPaidOn); another type has none, not even withdrawn. */
function paymentRealisationViolations(fields: Pick<DeliveryInput, 'supportType' | 'realisedAt'>, entries: PaymentsOf): RuleViolation[] {
  if (!isRealisedByPayment(fields.supportType)) return entries.payments.length > 0 ? [{ field: 'supportType', code: 'hasPayments' }] : [];
  const paidOn = firstPaidOn(entries);
  return fields.realisedAt === paidOn ? [] : [{ field: 'realisedAt', code: 'realisedByPayment', params: paidOn ? { firstPaidOn: paidOn } : {} }];
}

/** A payment has been made: it is not dated after today. */
export function paymentViolations(input: Partial<Pick<PaymentInput, 'paidOn'>>, todayIso: IsoDate): RuleViolation[] {
  return whereGiven(input.paidOn, (paidOn) => pastDateViolations('paidOn', paidOn, todayIso));
}

/** A valuation holds from a day that has come, and one in another currency converts to its euro amount at its rate, to the cent. */
export function valuationViolations(input: Partial<ValuationInput>, todayIso: IsoDate): RuleViolation[] {
  return [...whereGiven(input.effectiveDate, (date) => pastDateViolations('effectiveDate', date, todayIso)), ...currencyViolations(input)];
}

/** A valuation in another currency names a known one and converts to its euro amount at its rate, to the cent: judged once these fields are all there. */
function currencyViolations({ currency, originalAmountMinor, exchangeRate, amountCents }: Partial<ValuationInput>): RuleViolation[] {
  if (currency === undefined || originalAmountMinor === undefined || exchangeRate === undefined || amountCents === undefined) return [];
  const input = { currency, originalAmountMinor, exchangeRate, amountCents };
  if (input.currency === 'EUR') {
    return input.originalAmountMinor === null && input.exchangeRate === null
      ? []
      : [{ field: 'currency', code: 'euroHasNoRate' }];
  }
  if (!isCurrencyCode(input.currency)) return [{ field: 'currency', code: 'unknownCurrency' }];
  if (input.originalAmountMinor === null || input.exchangeRate === null) {
    return [
      ...(input.originalAmountMinor === null ? [{ field: 'originalAmountMinor', code: 'requiredForCurrency' }] : []),
      ...(input.exchangeRate === null ? [{ field: 'exchangeRate', code: 'requiredForCurrency' }] : []),
    ];
  }
  // A rate of zero would make any amount in the currency worth nothing: the smallest rate is one step of its eight decimals.
  if (!/[1-9]/.test(input.exchangeRate)) return [{ field: 'exchangeRate', code: 'tooSmall', params: { minimum: '0.00000001' } }];
  const expected = toEuroCents(input.originalAmountMinor, input.currency, input.exchangeRate);
  // Worth more than one entry may be at its rate: no euro amount could match it.
  if (expected > BigInt(MAX_ENTRY_CENTS)) return [{ field: 'originalAmountMinor', code: 'convertedAmountTooLarge' }];
  if (BigInt(input.amountCents) === expected) return [];
  return [{ field: 'amountCents', code: 'doesNotMatchRate', params: { expected: String(expected) } }];
}
