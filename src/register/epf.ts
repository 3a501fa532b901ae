import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AuditObject } from '../audit/event.ts';
import { requestDay, recordAuditEvent, type RequestContext } from '../audit/trail.ts';
import { UniqueViolationError } from '../db/errors.ts';
import type { KeysetPage, PageStart } from '../db/keyset.ts';
import * as repository from '../db/repositories/epf.ts';
import { lockNamesOf } from '../db/repositories/names.ts';
import { nameTakenViolations } from '../domain/names.ts';
import type { ClaimAtDate } from '../db/repositories/epf.ts';
import type { Database } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import {
  assessmentViolations,
  blockageReasonViolations,
  blockageViolations,
  claimStateAt,
  claimViolations,
  movesClaimFiguresAt,
  newTrancheViolations,
  receiptViolations,
  trancheViolations,
  type EpfAssessment,
  type EpfBlockage,
  type EpfClaim,
  type EpfClaimHistory,
  type EpfClaimState,
  type EpfOverview,
  type EpfReceipt,
  type EpfTranche,
} from '../domain/epf.ts';
import type { RuleViolation } from '../domain/delivery.ts';
import { unknownRecord } from '../domain/references.ts';
import type { WarningCode } from '../domain/warnings.ts';
import { assertConfirmed, assertValid, assertVersionMatches, NotFoundError, ValidationError, type ExpectedVersion } from './errors.ts';
import { sentLetterPeriodWarningsOf } from './confirmed-warnings.ts';
import { recordNew } from './new-record.ts';
import { isUuid } from '../../common/ids.ts';
import type { IsoDate } from '../../common/dates.ts';

type Db = Kysely<Database>;

const claimObject = (id: string): AuditObject => ({ type: 'epfClaim', id });

export type TrancheInput = Omit<EpfTranche, 'id' | 'isDemonstration'>;

/**
 * A tranche, named as no other tranche of its kind is (whatever its case, accents and spaces, see nameKey). Decided on
 * or before the reference date of the latest letter sent to parliament, it changes the EU amounts of its kind the letter
 * printed: it is recorded only when `confirmed` names that warning, which its audit event then keeps.
 */
export async function createTranche(db: Db, context: RequestContext, input: TrancheInput, confirmed: readonly WarningCode[] = []): Promise<EpfTranche> {
  return recordNew(db, context, {
    action: 'epf.tranche.create',
    objectType: 'epfTranche',
    lock: (trx) => lockNamesOf(trx, 'epfTranche', input.kind),
    violations: async (trx) => [...newTrancheViolations(input, requestDay(context)), ...(await trancheRegisterViolations(trx, input))],
    warnings: (trx) => sentLetterPeriodWarningsOf(trx, 'decidedOn', input.decidedOn),
    confirmed,
    insert: (trx) => repository.insertTranche(trx, { id: randomUUID(), ...input }),
  });
}

/** The rules of a tranche that read the register, on the fields given: a name no other tranche of its kind has. */
export async function trancheRegisterViolations(db: Db, { kind, name }: Partial<TrancheInput>): Promise<RuleViolation[]> {
  if (kind === undefined || name === undefined) return [];
  const ofKind = (await repository.listTranches(db)).filter((tranche) => tranche.kind === kind);
  return nameTakenViolations('epfTranche', 'name', name, ofKind.map((tranche) => tranche.name));
}

export async function listTranches(db: Db): Promise<EpfTranche[]> {
  return repository.listTranches(db);
}

export type ClaimInput = Omit<EpfClaim, 'id' | 'isDemonstration' | 'recordedAt'>;

/**
 * Declares a claim; one for a delivery may not declare more than the delivery was worth at the claim's
 * date, and one on a tranche names a tranche the Netherlands claims on, decided by the claim's date. Declared on
 * or before the reference date of the latest letter sent to parliament, it changes what the letter printed as
 * declared: it is recorded only when `confirmed` names that warning, which its audit event then keeps.
 */
export async function createClaim(db: Db, context: RequestContext, input: ClaimInput, confirmed: readonly WarningCode[] = []): Promise<ClaimDetail> {
  const claim = await recordNew(db, context, {
    action: 'epf.claim.create',
    objectType: 'epfClaim',
    violations: (trx) => claimRegisterViolations(trx, input, requestDay(context)),
    warnings: (trx) => sentLetterPeriodWarningsOf(trx, 'declaredOn', input.declaredOn),
    confirmed,
    insert: (trx) =>
      repository.insertClaim(trx, { id: randomUUID(), ...input, isDemonstration: false }).catch((error: unknown) => {
        // Another claim given the reference at the same moment, which passed the check too.
        if (error instanceof UniqueViolationError && error.constraint === repository.UNIQUE_CLAIM_REFERENCE) throw new ValidationError([REFERENCE_TAKEN]);
        throw error;
      }),
  });
  return detail({ claim, assessments: [], receipts: [], blockages: [] }, requestDay(context));
}

const REFERENCE_TAKEN: RuleViolation = { field: 'reference', code: 'referenceTaken' };

/**
 * A claim's rules with those that read the register, on the fields given: a reference no other claim has, a tranche
 * that exists, is claimable and was decided by the claim's date, and a delivery that exists, is no work for the EU
 * and was worth what is declared at that date (judged only with the date).
 */
export async function claimRegisterViolations(db: Db, input: Partial<ClaimInput>, today: IsoDate): Promise<RuleViolation[]> {
  const { reference, trancheId, deliveryId, declaredOn } = input;
  const violations: RuleViolation[] = reference !== undefined && (await repository.claimReferenceExists(db, reference)) ? [REFERENCE_TAKEN] : [];
  const tranche = trancheId ? await repository.findTranche(db, trancheId) : null;
  if (tranche === undefined) violations.push(unknownRecord('trancheId', 'tranche'));
  else if (tranche) violations.push(...trancheViolations(tranche, declaredOn));
  let delivery = null;
  if (deliveryId) {
    const found = await repository.deliveryForClaim(db, deliveryId, declaredOn ?? today);
    if (!found) violations.push(unknownRecord('deliveryId', 'delivery'));
    else delivery = { isImplementingActorWork: found.fundingSource === 'epf', valueCents: found.valueCents, alreadyClaimedCents: found.alreadyClaimedCents ?? 0 };
  }
  // What the delivery was worth is known only at the claim's date.
  const judged = declaredOn === undefined ? { ...input, declaredCents: undefined } : input;
  return [...violations, ...claimViolations(judged, today, delivery)];
}

/** A claim with its whole history, and as it stands today. */
export interface ClaimDetail extends EpfClaimHistory {
  state: EpfClaimState;
  /** How many assessments, receipts and blockages it has: the version of its history, which only grows. */
  version: number;
}

function detail(history: EpfClaimHistory, date: string): ClaimDetail {
  // A claim is declared on or before the day it is recorded, so it has a state today.
  return { ...history, state: claimStateAt(history, date)!, version: historyVersion(history) };
}

export async function getClaim(db: Db, context: RequestContext, id: string): Promise<ClaimDetail> {
  return detail(await existingClaim(db, id), requestDay(context));
}

interface ClaimListQuery {
  date: string;
  start: PageStart;
  pageSize: number;
}

/** A page of the claims declared on or before the date, each as it stood then, with how many there are (capped). */
export async function listClaims(db: Db, query: ClaimListQuery): Promise<KeysetPage<ClaimAtDate> & { total: number; totalIsCapped: boolean }> {
  const [page, found] = await Promise.all([repository.claimsAt(db, query.date, query.start, query.pageSize), repository.countClaimsAt(db, query.date)]);
  return { ...page, total: found.count, totalIsCapped: found.capped };
}

/** The EPF figures at a date: the Dutch claims as they stood then, the tranches known by then, and the implementing-actor work. */
export async function epfOverview(db: Db, date: string): Promise<EpfOverview> {
  const [figures, implementingActorCents, tranches] = await Promise.all([
    repository.figuresAt(db, date),
    repository.implementingActorCentsAt(db, date),
    repository.listTranches(db),
  ]);
  return { ...figures, implementingActorCents, tranches: tranches.filter((tranche) => tranche.decidedOn <= date) };
}

type HistoryInput<T> = Omit<T, 'id' | 'claimId' | 'recordedAt'>;

/** The assessment of a claim: what it compensates, from its date (see addToHistory for one in the period of a letter sent). */
export async function assessClaim(
  db: Db,
  context: RequestContext,
  claimId: string,
  input: HistoryInput<EpfAssessment>,
  expectedVersion?: ExpectedVersion,
  confirmed: readonly WarningCode[] = [],
): Promise<ClaimDetail> {
  const dated = { field: 'assessedOn', date: input.assessedOn, confirmed };
  return addToHistory(db, context, { claimId, expectedVersion, dated }, 'epf.claim.assess', (history) => assessmentViolations(history, input, requestDay(context)), (trx) =>
    repository.insertAssessment(trx, { id: randomUUID(), claimId, ...input }));
}

/** Money received on a claim (see addToHistory for money dated in the period of a letter sent). */
export async function receiveOnClaim(
  db: Db,
  context: RequestContext,
  claimId: string,
  input: HistoryInput<EpfReceipt>,
  expectedVersion?: ExpectedVersion,
  confirmed: readonly WarningCode[] = [],
): Promise<ClaimDetail> {
  const dated = { field: 'receivedOn', date: input.receivedOn, confirmed };
  return addToHistory(db, context, { claimId, expectedVersion, dated }, 'epf.claim.receive', (history) => receiptViolations(history, input, requestDay(context)), (trx) =>
    repository.insertReceipt(trx, { id: randomUUID(), claimId, ...input }));
}

/** Blocks a claim with its reason (a member state's veto), or releases it again (see addToHistory for one in the period of a letter sent). */
export async function blockClaim(
  db: Db,
  context: RequestContext,
  claimId: string,
  input: HistoryInput<EpfBlockage>,
  expectedVersion?: ExpectedVersion,
  confirmed: readonly WarningCode[] = [],
): Promise<ClaimDetail> {
  const reasonMissing = blockageReasonViolations(input);
  const dated = { field: 'effectiveOn', date: input.effectiveOn, confirmed };
  return addToHistory(db, context, { claimId, expectedVersion, dated }, 'epf.claim.block', (history) => [...reasonMissing, ...blockageViolations(history, input, requestDay(context))], (trx) =>
    repository.insertBlockage(trx, { id: randomUUID(), claimId, ...input }));
}

/** The rules of an entry in a claim's history that read that history (`violationsOf`); a claim that does not exist has none. */
export async function historyViolations(db: Db, claimId: string, violationsOf: (history: EpfClaimHistory) => RuleViolation[]): Promise<RuleViolation[]> {
  const history = isUuid(claimId) ? await repository.claimHistory(db, claimId) : undefined;
  return history ? violationsOf(history) : [];
}

/**
 * Adds a row to a claim's history after checking it against the history so far (and, with an expected version,
 * that nothing was added since the caller read it), with its audit event, in one transaction. A row `dated` on or
 * before the reference date of the latest letter sent to parliament that moves what the claim adds to the EPF figures
 * at that date (movesClaimFiguresAt), which the letter printed, is added only when `dated.confirmed` names that
 * warning, which the audit event then keeps; otherwise nothing is written.
 */
async function addToHistory(
  db: Db,
  context: RequestContext,
  { claimId, expectedVersion, dated }: { claimId: string; expectedVersion: ExpectedVersion | undefined; dated: { field: string; date: IsoDate; confirmed: readonly WarningCode[] } },
  action: 'epf.claim.assess' | 'epf.claim.receive' | 'epf.claim.block',
  violationsOf: (history: EpfClaimHistory) => RuleViolation[],
  insert: (trx: Db) => Promise<EpfAssessment | EpfReceipt | EpfBlockage>,
): Promise<ClaimDetail> {
  // The database is given only an id that can be a claim's, the lock included.
  if (!isUuid(claimId)) throw new NotFoundError('epfClaim', claimId);
  return inTransaction(db, async (trx) => {
    await repository.lockClaim(trx, claimId);
    const history = await existingClaim(trx, claimId);
    assertVersionMatches(expectedVersion, historyVersion(history));
    assertValid(violationsOf(history));
    const added = await insert(trx);
    const after = await existingClaim(trx, claimId);
    const warnings = await sentLetterPeriodWarningsOf(trx, dated.field, dated.date, (referenceDate) => movesClaimFiguresAt(history, after, referenceDate));
    const confirmedWarnings = assertConfirmed(warnings, dated.confirmed);
    await recordAuditEvent(trx, context, { action, object: claimObject(claimId), result: 'success', after: added, confirmedWarnings });
    return detail(after, requestDay(context));
  });
}

const historyVersion = ({ assessments, receipts, blockages }: EpfClaimHistory) => assessments.length + receipts.length + blockages.length;

async function existingClaim(db: Db, id: string): Promise<EpfClaimHistory> {
  const history = isUuid(id) ? await repository.claimHistory(db, id) : undefined;
  if (!history) throw new NotFoundError('epfClaim', id);
  return history;
}
