import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AuditObject } from '../audit/event.ts';
import { requestDay, actorName, recordAuditEvent, type RequestContext } from '../audit/trail.ts';
import { startOfDayInTheHague, todayInAmsterdam, type IsoDate } from '../../common/dates.ts';
import { sumCents } from '../../common/money.ts';
import type { IndustryAnnexRow } from '../letters/annex-domain-sections.ts';
import type { CompanyOrigin, MilestoneStatus } from '../../common/vocabulary/codes.ts';
import { signedAfterCommitmentViolations, type RuleViolation } from '../domain/delivery.ts';
import { unknownRecord, unknownRecords } from '../domain/references.ts';
import {
  companyDecisionViolations,
  companyOrigin,
  companyTakenViolations,
  companyViolations,
  companyWithdrawalViolations,
  contractViolations,
  contractWithdrawalViolations,
  coproductionProjectViolations,
  coproductionViolations,
  correctedContractViolations,
  demandBundleViolations,
  lessonViolations,
  milestoneStatus,
  priceChangePerMille,
  priceDevelopmentViolations,
  priceUnderContractViolations,
  progressAt,
  progressViolations,
  nextStageViolations,
  withdrawnBy,
  type CompanyDecisionInput,
  type CompanyFacts,
  type CompanyInput,
  type CompanyStanding,
  type ContractInput,
  type ContractStanding,
  type CoproductionInput,
  type CoproductionProjectInput,
  type DemandBundleInput,
  type IndustryFacts,
  type LessonInput,
  type PriceDevelopmentInput,
  type ProgressReport,
  type StageInput,
  type WithdrawalInput,
} from '../domain/industry.ts';
import * as industry from '../db/repositories/industry.ts';
import { lockNamesOf } from '../db/repositories/names.ts';
import { nameTakenViolations } from '../domain/names.ts';
import { changesNothing, sameRecordViolations } from '../domain/same-record.ts';
import { correctAtVersion } from './correction.ts';
import { nameKey } from '../../common/text.ts';
import { DEMONSTRATION_COMPANIES, DEMONSTRATION_CONTRACTS, DEMONSTRATION_COPRODUCTION, DEMONSTRATION_LESSONS } from '../db/seed/demonstration-industry.ts';
import { UniqueViolationError } from '../db/errors.ts';
import type { Database } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { assertConfirmed, assertValid, assertVersionMatches, NotFoundError, ValidationError, VersionConflictError, type ExpectedVersion } from './errors.ts';
import { sentLetterPeriodWarningsOf } from './confirmed-warnings.ts';
import { recordNew } from './new-record.ts';
import type { Warning, WarningCode } from '../domain/warnings.ts';
import { whereGiven } from '../domain/plausibility.ts';
import { SYSTEM_ACTOR } from '../../common/actors.ts';

type Db = Kysely<Database>;

/**
 * What users do with the industry register. Each change is checked against the rules, made in one
 * transaction and recorded in the audit trail in that same transaction. Company and contract details are
 * commercially confidential: only a disclosure officer's decision puts a company's name in the public
 * projection, exactly as for deliveries.
 */

const recorded = (context: RequestContext) => ({ isDemonstration: false, createdAt: context.now().toISOString() });

/** The audit event of a change, with the warnings confirmed for it. */
async function audited(db: Db, context: RequestContext, action: Parameters<typeof recordAuditEvent>[2]['action'], object: AuditObject, after: unknown, before?: unknown, confirmedWarnings: readonly Warning[] = []) {
  await recordAuditEvent(db, context, { action, object, result: 'success', before, after, confirmedWarnings });
}

/**
 * A company not in the register yet: under a name no other company of its country has (whatever its case,
 * accents and spaces, see nameKey) and a registration number no other company of its country has.
 */
export async function createCompany(db: Db, context: RequestContext, input: CompanyInput): Promise<industry.StoredCompany> {
  return inTransaction(db, async (trx) => {
    await lockNamesOf(trx, 'company', input.country);
    assertValid([...companyViolations(input), ...(await companyRegisterViolations(trx, input))]);
    const company = await industry.insertCompany(trx, { id: randomUUID(), ...input, ...recorded(context) }).catch(registrationNumberTaken);
    await audited(trx, context, 'company.create', { type: 'company', id: company.id }, company);
    return company;
  });
}

const registrationNumberTaken = (error: unknown) => {
  // The lock on the country's names makes registrations and corrections in one country wait for each other; the index holds against any other writer.
  if (error instanceof UniqueViolationError && error.constraint === industry.UNIQUE_REGISTRATION_NUMBER) {
    throw new ValidationError([{ field: 'registrationNumber', code: 'registrationNumberTaken', params: {} }]);
  }
  throw error;
};

/**
 * The rules of a company that read the register, on the fields given: a name and registration number no other company
 * of its country has (than the company `correcting`, for a correction of it).
 */
export async function companyRegisterViolations(db: Db, input: Partial<CompanyInput>, correcting?: string): Promise<RuleViolation[]> {
  if (input.country === undefined) return [];
  const others = (await industry.listCompaniesOf(db, input.country)).filter((company) => company.id !== correcting);
  return companyTakenViolations(input, others);
}

/** The rules of a correction of the company `id` that read the register, on the fields given; a company that does not exist has none. */
export async function companyCorrectionRegisterViolations(db: Db, id: string, input: Partial<CompanyInput>): Promise<RuleViolation[]> {
  return (await industry.findCompany(db, id)) ? companyRegisterViolations(db, input, id) : [];
}

/**
 * Corrects a company typed in error: its name, country or registration number, at the version the correction is based
 * on (If-Match; 412 when someone corrected it or decided on it since). A correction that leaves every field as it is
 * writes nothing: no new version, no event. The company is judged as a new one among the others of its (new) country.
 * As a contract's correction, it says what the company always was: the figures at every date read it so, also at the
 * reference date of a letter already sent (whose snapshot keeps what it printed, and whose verification shows the
 * difference). What the public reads of a public company stays as its disclosure decision made it until the disclosure
 * officer decides on it again: a correction by a registrar shows nothing new in public, and a company decided on waits
 * in the disclosure queue for that decision (companiesCorrectedSinceDecision). The audit event keeps it before and after.
 */
export async function correctCompany(db: Db, context: RequestContext, id: string, input: CompanyInput, expectedVersion: ExpectedVersion): Promise<industry.StoredCompany> {
  return correctAtVersion(db, context, expectedVersion, {
    kind: 'company',
    action: 'company.correct',
    object: { type: 'company', id },
    find: (trx) => industry.findCompany(trx, id, { lock: 'update' }),
    change: input,
    violations: async (trx) => {
      await lockNamesOf(trx, 'company', input.country);
      return [...companyViolations(input), ...(await companyRegisterViolations(trx, input, id))];
    },
    write: (trx, current) => {
      const correctedSinceDecisionAt = current.disclosureState === 'undecided' ? null : context.now().toISOString();
      return industry.updateCompany(trx, id, current.version, input, correctedSinceDecisionAt).catch(registrationNumberTaken);
    },
  });
}

/**
 * Withdraws a company recorded in error, or that no longer takes part, by a dated row with its reason beside it: from
 * `withdrawnOn` on it is in no overview, at earlier dates it still is as it was then. It is withdrawn only when none of
 * its contracts counts from that day (each withdrawn on or before it) and no co-production project names it as its
 * partner; the contracts' figures are then as they were. It leaves what the public reads of companies (a public one's
 * name and country) and waits for no disclosure decision, nor gets one. It raises the company's version; with an
 * expected version (If-Match), only when the company is still at it. The audit event keeps the company before it.
 */
export async function withdrawCompany(db: Db, context: RequestContext, id: string, input: WithdrawalInput, expectedVersion?: ExpectedVersion): Promise<industry.CompanyWithdrawal & { version: number }> {
  return inTransaction(db, async (trx) => {
    const company = await industry.findCompany(trx, id, { lock: 'update' });
    if (!company) throw new NotFoundError('company', id);
    assertVersionMatches(expectedVersion, company.version);
    assertValid(companyWithdrawalViolations(input, requestDay(context), await companyStanding(trx, company)));
    const withdrawal = await industry.insertCompanyWithdrawal(trx, { companyId: id, ...input, recordedAt: context.now().toISOString() });
    const publicId = await industry.publicIdOfCompany(trx, id);
    if (publicId) await industry.removePublicCompany(trx, publicId);
    if (!(await industry.raiseVersion(trx, 'company', id, company.version))) throw new VersionConflictError(company.version);
    await audited(trx, context, 'company.withdraw', { type: 'company', id }, withdrawal, company);
    return { ...withdrawal, version: company.version + 1 };
  });
}

/**
 * A company as its withdrawal is judged against. Read after the company is locked, so that a withdrawal committed
 * meanwhile is seen, and a contract that names it is recorded (or corrected to name it) before or after, not meanwhile.
 */
async function companyStanding(db: Db, company: Pick<industry.StoredCompany, 'id' | 'name'>): Promise<CompanyStanding> {
  const [[withdrawal], contracts, projects] = await Promise.all([industry.listCompanyWithdrawals(db, company.id), industry.contractsOfCompany(db, company.id), industry.listCoproductions(db)]);
  const partnerIn = projects.filter((project) => nameKey(project.partner) === nameKey(company.name)).map((project) => project.title);
  return { withdrawnOn: withdrawal?.withdrawnOn ?? null, contracts, partnerIn };
}

/** The rules of a withdrawal that read its company, on the fields given; a company that does not exist has none. */
export async function companyWithdrawalRegisterViolations(db: Db, id: string, input: Partial<WithdrawalInput>, today: IsoDate): Promise<RuleViolation[]> {
  const company = await industry.findCompany(db, id);
  return company ? companyWithdrawalViolations(input, today, await companyStanding(db, company)) : [];
}

/** That a record names (at `field`) a company withdrawn: a company withdrawn is named by no new contract, nor decided on. */
async function companyWithdrawnViolations(db: Db, companyId: string, field: string): Promise<RuleViolation[]> {
  const [withdrawal] = await industry.listCompanyWithdrawals(db, companyId);
  return withdrawal ? [{ field, code: 'companyWithdrawn', params: { withdrawnOn: withdrawal.withdrawnOn } }] : [];
}

/**
 * A contract with its milestones and the procurement deliveries it fulfils, under a reference its company has
 * not given another, signed no earlier than each of those deliveries was committed. Signed on or before the reference
 * date of the latest letter sent to parliament, it changes the industry figures and the annex's contracts of that
 * letter: it is recorded only when `confirmed` names that warning, which its audit event then keeps.
 */
export async function createContract(db: Db, context: RequestContext, input: ContractInput, confirmed: readonly WarningCode[] = []): Promise<{ id: string }> {
  const { id } = await recordNew(db, context, {
    action: 'industryContract.create',
    objectType: 'industryContract',
    violations: async (trx) => [...contractViolations(input, requestDay(context)), ...(await contractRegisterViolations(trx, input))],
    warnings: (trx) => sentLetterPeriodWarningsOf(trx, 'signedOn', input.signedOn),
    confirmed,
    insert: async (trx) => {
      const deliveryIds = input.deliveryIds.toSorted();
      const contract = { id: randomUUID(), companyId: input.companyId, reference: input.reference, subject: input.subject, amountCents: input.amountCents, signedOn: input.signedOn, version: 1, ...recorded(context) };
      await industry.insertContract(trx, contract, deliveryIds).catch(referenceTaken);
      const milestones = input.milestones.map((milestone) => ({ id: randomUUID(), contractId: contract.id, ...milestone }));
      await industry.insertMilestones(trx, milestones);
      return { ...contract, deliveryIds, milestones };
    },
  });
  return { id };
}

const CONTRACT_REFERENCE_TAKEN: RuleViolation = { field: 'reference', code: 'contractReferenceTaken' };

const referenceTaken = (error: unknown) => {
  // Another contract given the reference at the same moment, which passed the check too.
  if (error instanceof UniqueViolationError && error.constraint === industry.UNIQUE_CONTRACT_REFERENCE) throw new ValidationError([CONTRACT_REFERENCE_TAKEN]);
  throw error;
};

/** A contract's own fields, which a correction sets: all but its milestones, which have their own histories. */
export type ContractCorrection = Omit<ContractInput, 'milestones'>;

const contractObject = (id: string): AuditObject => ({ type: 'industryContract', id });

/** A contract as a correction compares and records it: its fields, its deliveries by their ids in small letters in order, and its version. */
async function correctableContract(db: Db, id: string, options: { lock?: 'update' } = {}) {
  const stored = await industry.findContract(db, id, options);
  return stored && { ...stored, deliveryIds: await industry.deliveryIdsOf(db, id) };
}

/**
 * Corrects a contract typed in error: its company, reference, subject, amount, signing day or deliveries, at the
 * version the correction is based on (If-Match; 412 when someone changed or withdrew it since). A correction that
 * leaves every field as it is writes nothing: no new version, no event. The contract is judged as a new one, and
 * against the records under it (correctedContractViolations); the audit event keeps it before and after. A correction
 * of what the letter prints of a contract signed (before or after it) on or before the reference date of the latest
 * letter sent to parliament is made only when `confirmed` names that warning, at the earlier signing day; of one withdrawn
 * by that date, which the letter did not count, it is none.
 */
export async function correctContract(
  db: Db,
  context: RequestContext,
  id: string,
  input: ContractCorrection,
  expectedVersion: ExpectedVersion,
  confirmed: readonly WarningCode[] = [],
): Promise<industry.StoredContract & { deliveryIds: string[] }> {
  const deliveryIds = input.deliveryIds.map((deliveryId) => deliveryId.toLowerCase()).sort();
  const { companyId, reference, subject, amountCents, signedOn } = input;
  return correctAtVersion(db, context, expectedVersion, {
    kind: 'contract',
    action: 'industryContract.correct',
    object: contractObject(id),
    find: (trx) => correctableContract(trx, id, { lock: 'update' }),
    change: { ...input, deliveryIds },
    violations: async (trx) => [...contractViolations(input, requestDay(context)), ...(await contractRegisterViolations(trx, input, id))],
    // What the letter prints of it changed: warned of at the earlier of its two signing days, unless it was withdrawn by
    // the letter's reference date, when the letter counted it in none of its figures, whatever it said.
    warnings: async (trx, current) => {
      if (changesNothing(current, { companyId, reference, subject, amountCents, signedOn })) return [];
      const { withdrawnOn } = await contractStanding(trx, current);
      return sentLetterPeriodWarningsOf(trx, 'signedOn', signedOn < current.signedOn ? signedOn : current.signedOn, (referenceDate) => !withdrawnBy(withdrawnOn, referenceDate));
    },
    confirmed,
    write: async (trx, current) => {
      const updated = await industry.updateContract(trx, id, current.version, { companyId, reference, subject, amountCents, signedOn }, deliveryIds).catch(referenceTaken);
      return updated && { ...updated, deliveryIds };
    },
  });
}

/**
 * Withdraws a contract entered in error, or undone, by a dated row with its reason beside it: from `withdrawnOn` on
 * the figures leave it out, at earlier dates they still count it as it was known then (a letter whose reference date
 * lies before it keeps its figures). Withdrawn on its signing day, it is as if it had never been made. It raises the
 * contract's version; with an expected version (If-Match), only when the contract is still at it. Withdrawn on or
 * before the reference date of the latest letter sent to parliament, it is made only when `confirmed` names that warning.
 */
export async function withdrawContract(
  db: Db,
  context: RequestContext,
  id: string,
  input: WithdrawalInput,
  expectedVersion?: ExpectedVersion,
  confirmed: readonly WarningCode[] = [],
): Promise<industry.ContractWithdrawal & { version: number }> {
  return inTransaction(db, async (trx) => {
    const contract = await industry.findContract(trx, id, { lock: 'update' });
    if (!contract) throw new NotFoundError('contract', id);
    assertVersionMatches(expectedVersion, contract.version);
    assertValid(contractWithdrawalViolations(input, requestDay(context), await contractStanding(trx, contract)));
    const confirmedWarnings = assertConfirmed(await sentLetterPeriodWarningsOf(trx, 'withdrawnOn', input.withdrawnOn), confirmed);
    const withdrawal = await industry.insertContractWithdrawal(trx, { contractId: id, ...input, recordedAt: context.now().toISOString() });
    if (!(await industry.raiseVersion(trx, 'industryContract', id, contract.version))) throw new VersionConflictError(contract.version);
    await audited(trx, context, 'industryContract.withdraw', contractObject(id), withdrawal, contract, confirmedWarnings);
    return { ...withdrawal, version: contract.version + 1 };
  });
}

/**
 * A contract as its withdrawal and the records under it are judged against: its signing day, and the day it was
 * withdrawn, if it was. Read after the contract is locked, so that a withdrawal committed meanwhile is seen.
 */
async function contractStanding(db: Db, contract: Pick<industry.StoredContract, 'id' | 'signedOn'>): Promise<ContractStanding> {
  const [withdrawal] = await industry.listContractWithdrawals(db, contract.id);
  return { signedOn: contract.signedOn, withdrawnOn: withdrawal?.withdrawnOn ?? null };
}

/** The rules of a withdrawal that read its contract, on the fields given; a contract that does not exist has none. */
export async function contractWithdrawalRegisterViolations(db: Db, id: string, input: Partial<WithdrawalInput>, today: IsoDate): Promise<RuleViolation[]> {
  const contract = await industry.findContract(db, id);
  return contract ? contractWithdrawalViolations(input, today, await contractStanding(db, contract)) : [];
}

/**
 * The rules of a contract that read the register, on the fields given: a company that exists, under a reference it
 * has not given another contract, and procurement deliveries that exist, each committed no later than the signing;
 * for a correction of the contract `correcting`, also those of the records under it (correctedContractViolations).
 */
export async function contractRegisterViolations(db: Db, input: Partial<ContractInput>, correcting?: string): Promise<RuleViolation[]> {
  const { companyId, reference, deliveryIds, signedOn } = input;
  // Locked from its withdrawal until the contract is recorded, which then sees the contract.
  const company = companyId === undefined ? null : await industry.findCompany(db, companyId, { lock: 'share' });
  const contracted = deliveryIds === undefined ? new Map() : await industry.contractedDeliveries(db, deliveryIds);
  const bought = (id: string) => [undefined, 'procurement'].includes(contracted.get(id.toLowerCase())?.supportType);
  const lastCommitted = [...contracted.values()].map((delivery) => delivery.committedAt).filter((day) => day !== null).sort().at(-1) ?? null;
  return [
    ...(company === undefined ? [unknownRecord('companyId', 'company')] : []),
    ...(company ? await companyWithdrawnViolations(db, company.id, 'companyId') : []),
    ...(company && reference !== undefined && (await industry.contractReferenceExists(db, company.id, reference, correcting)) ? [CONTRACT_REFERENCE_TAKEN] : []),
    ...(deliveryIds === undefined ? [] : unknownRecords('deliveryIds', 'delivery', deliveryIds, contracted)),
    ...(deliveryIds ?? []).flatMap((id, index) => (bought(id) ? [] : [{ field: `deliveryIds.${index}`, code: 'notProcurement' }])),
    ...whereGiven(signedOn, (date) => signedAfterCommitmentViolations({ committedAt: lastCommitted }, 'signedOn', date)),
    ...(correcting === undefined ? [] : correctedContractViolations(input, await industry.contractDependants(db, correcting))),
  ];
}

/** The rules of a correction of the contract `id` that read the register, on the fields given; a contract that does not exist has none. */
export async function contractCorrectionRegisterViolations(db: Db, id: string, input: Partial<ContractCorrection>): Promise<RuleViolation[]> {
  return (await industry.findContract(db, id)) ? contractRegisterViolations(db, input, id) : [];
}

/** The rules of a progress report that read its milestone (its contract's signing and withdrawal, its latest report), on the fields given; a milestone that does not exist has none. */
export async function progressRegisterViolations(db: Db, milestoneId: string, report: Partial<ProgressReport>, today: IsoDate): Promise<RuleViolation[]> {
  const milestone = await industry.findMilestone(db, milestoneId);
  return milestone ? progressViolations((await industry.listProgress(db, milestoneId)).at(-1) ?? null, report, today, await milestoneContract(db, milestone)) : [];
}

/** The contract of a milestone as its progress is judged against. */
const milestoneContract = (db: Db, milestone: { contractId: string; signedOn: IsoDate }) => contractStanding(db, { id: milestone.contractId, signedOn: milestone.signedOn });

/**
 * A progress report on a milestone: checked against the latest one (going back needs a reason) and its contract's
 * signing and withdrawal; with an expected version (If-Match), only when no report was added since the caller read them.
 * Answers with the version of its reports after it. One that completes the milestone, or takes its completion back, on
 * or before the reference date of the latest letter sent to parliament changes the milestones completed that letter
 * printed: it is recorded only when `confirmed` names that warning (other progress the letter does not print).
 */
export async function reportProgress(
  db: Db,
  context: RequestContext,
  milestoneId: string,
  report: ProgressReport,
  expectedVersion?: ExpectedVersion,
  confirmed: readonly WarningCode[] = [],
): Promise<industry.StoredProgress & { version: number }> {
  return inTransaction(db, async (trx) => {
    const milestone = await industry.findMilestone(trx, milestoneId);
    if (!milestone) throw new NotFoundError('milestone', milestoneId);
    const reports = await industry.listProgress(trx, milestoneId);
    assertVersionMatches(expectedVersion, reports.length);
    const latest = reports.at(-1) ?? null;
    assertValid(progressViolations(latest, report, requestDay(context), await milestoneContract(trx, milestone)));
    // Reports come in the order of their days: this one is the milestone's progress from its day on.
    const completionChanges = (latest?.percent === 100) !== (report.percent === 100);
    const confirmedWarnings = assertConfirmed(completionChanges ? await sentLetterPeriodWarningsOf(trx, 'reportedOn', report.reportedOn) : [], confirmed);
    const progress = { id: randomUUID(), milestoneId, ...report, recordedByName: actorName(context), recordedAt: context.now().toISOString() };
    await industry.insertProgress(trx, progress);
    await audited(trx, context, 'milestone.progress', { type: 'contractMilestone', id: milestoneId }, progress, latest, confirmedWarnings);
    return { ...progress, version: reports.length + 1 };
  });
}

/** What the forms of a price development and of a lesson ask: one the same in all of it as one recorded is that one sent twice. */
const PRICE_FIELDS = ['item', 'contractId', 'earlierPriceCents', 'earlierOn', 'paidPriceCents', 'paidOn', 'note'] as const;
const LESSON_FIELDS = ['text', 'notedOn', 'category'] as const;

const asRecorded = <T extends { createdAt: string }>(records: T[]) => records.map((record) => ({ ...record, recordedAt: record.createdAt }));

/** A price development; one under a contract is paid while the contract stood (signed, not withdrawn), and not above what the whole contract is worth. */
export async function recordPriceDevelopment(db: Db, context: RequestContext, input: PriceDevelopmentInput): Promise<{ id: string }> {
  return inTransaction(db, async (trx) => {
    await industry.lockRecordingOf(trx, 'priceDevelopment');
    assertValid([...priceDevelopmentViolations(input, requestDay(context)), ...(await priceRegisterViolations(trx, input))]);
    const price = { id: randomUUID(), ...input, ...recorded(context) };
    await industry.insertPriceDevelopment(trx, price);
    await audited(trx, context, 'priceDevelopment.create', { type: 'priceDevelopment', id: price.id }, price);
    return { id: price.id };
  });
}

/** The rules of a price development that read the register, on the fields given: its contract's, and one the same as one recorded. */
export async function priceRegisterViolations(db: Db, input: Partial<PriceDevelopmentInput>): Promise<RuleViolation[]> {
  // A correction or withdrawal of the contract waits until the price is recorded; the correction is then judged against it.
  const contract = input.contractId ? await industry.findContract(db, input.contractId, { lock: 'share' }) : null;
  return [
    ...(contract === undefined ? [unknownRecord('contractId', 'contract')] : contract ? priceUnderContractViolations(input, { ...(await contractStanding(db, contract)), amountCents: contract.amountCents }) : []),
    ...sameRecordViolations(PRICE_FIELDS, input, asRecorded(await industry.listPriceDevelopments(db))),
  ];
}

export async function recordLesson(db: Db, context: RequestContext, input: LessonInput): Promise<{ id: string }> {
  assertValid(lessonViolations(input, requestDay(context)));
  return inTransaction(db, async (trx) => {
    await industry.lockRecordingOf(trx, 'lessonLearned');
    assertValid(sameRecordViolations(LESSON_FIELDS, input, asRecorded(await industry.listLessons(trx))));
    const lesson = { id: randomUUID(), ...input, ...recorded(context) };
    await industry.insertLesson(trx, lesson);
    await audited(trx, context, 'lessonLearned.create', { type: 'lessonLearned', id: lesson.id }, lesson);
    return { id: lesson.id };
  });
}

/**
 * A co-production project under a title no other project with the same partner has (whatever its case, accents and
 * spaces, see nameKey). At its first stage on or before the reference date of the latest letter sent to parliament it
 * changes the co-production projects that letter counted: it is recorded only when `confirmed` names that warning.
 */
export async function createCoproduction(db: Db, context: RequestContext, input: CoproductionInput, confirmed: readonly WarningCode[] = []): Promise<{ id: string }> {
  const { id } = await recordNew(db, context, {
    action: 'coproduction.create',
    objectType: 'coproductionProject',
    lock: (trx) => lockNamesOf(trx, 'coproductionProject', nameKey(input.partner)),
    violations: async (trx) => [...coproductionViolations(input, requestDay(context)), ...(await coproductionRegisterViolations(trx, input))],
    warnings: (trx) => sentLetterPeriodWarningsOf(trx, 'reachedOn', input.reachedOn),
    confirmed,
    insert: async (trx) => {
      const project = { id: randomUUID(), title: input.title, partner: input.partner, ...recorded(context), version: 1 };
      await industry.insertCoproduction(trx, project);
      const stage = { id: randomUUID(), projectId: project.id, stage: input.stage, reachedOn: input.reachedOn, note: input.note, recordedAt: context.now().toISOString() };
      await industry.insertStage(trx, stage);
      return { ...project, stage };
    },
  });
  return { id };
}

/**
 * The rules of a co-production project that read the register, on the fields given: a title no other project with
 * its partner has (than the project `correcting`, for a correction of it).
 */
export async function coproductionRegisterViolations(db: Db, { title, partner }: Partial<CoproductionProjectInput>, correcting?: string): Promise<RuleViolation[]> {
  if (title === undefined || partner === undefined) return [];
  const withPartner = (await industry.listCoproductions(db)).filter((project) => project.id !== correcting && nameKey(project.partner) === nameKey(partner));
  return nameTakenViolations('coproductionProject', 'title', title, withPartner.map((project) => project.title));
}

/** The rules of a correction of the co-production project `id` that read the register, on the fields given; a project that does not exist has none. */
export async function coproductionCorrectionRegisterViolations(db: Db, id: string, input: Partial<CoproductionProjectInput>): Promise<RuleViolation[]> {
  return (await industry.findCoproduction(db, id)) ? coproductionRegisterViolations(db, input, id) : [];
}

/**
 * Corrects a co-production project typed in error: its title or partner (its stages keep their own history), at the
 * version the correction is based on (If-Match; 412 when someone corrected it or recorded a stage of it since). It is
 * judged as a new project among the others with its (new) partner. It says what the project always was: the count of
 * projects at every date reads it so. No public surface shows a project: the letter counts them, and a letter sent
 * keeps what it printed in its snapshot.
 */
export async function correctCoproduction(db: Db, context: RequestContext, id: string, input: CoproductionProjectInput, expectedVersion: ExpectedVersion): Promise<industry.StoredCoproduction> {
  return correctAtVersion(db, context, expectedVersion, {
    kind: 'coproductionProject',
    action: 'coproduction.correct',
    object: { type: 'coproductionProject', id },
    find: (trx) => industry.findCoproduction(trx, id, { forUpdate: true }),
    change: input,
    violations: async (trx) => {
      await lockNamesOf(trx, 'coproductionProject', nameKey(input.partner));
      return [...coproductionProjectViolations(input), ...(await coproductionRegisterViolations(trx, input, id))];
    },
    write: (trx, current) => industry.updateCoproduction(trx, id, current.version, input),
  });
}

/**
 * A stage a co-production project reached; dated on or after the stage before it, and back to an earlier one only
 * with a reason; with an expected version (If-Match), only when the project was not corrected and no stage was added
 * since the caller read it. Answers with the project's version after it.
 */
export async function recordStage(db: Db, context: RequestContext, projectId: string, input: StageInput, expectedVersion?: ExpectedVersion): Promise<{ id: string; version: number }> {
  return inTransaction(db, async (trx) => {
    const project = await industry.findCoproduction(trx, projectId, { forUpdate: true });
    if (!project) throw new NotFoundError('coproductionProject', projectId);
    assertVersionMatches(expectedVersion, project.version);
    const latest = (await industry.listStages(trx, projectId)).at(-1);
    assertValid(nextStageViolations(latest, input, requestDay(context)));
    const stage = { id: randomUUID(), projectId, ...input, recordedAt: context.now().toISOString() };
    await industry.insertStage(trx, stage);
    if (!(await industry.raiseVersion(trx, 'coproductionProject', projectId, project.version))) throw new VersionConflictError(project.version);
    await audited(trx, context, 'coproduction.stage', { type: 'coproductionProject', id: projectId }, stage, latest ?? null);
    return { id: stage.id, version: project.version + 1 };
  });
}

/** The rules of a stage that read its project's latest stage, on the fields given; a project that does not exist has none. */
export async function stageRegisterViolations(db: Db, projectId: string, input: Partial<StageInput>, today: IsoDate): Promise<RuleViolation[]> {
  if (!(await industry.findCoproduction(db, projectId))) return [];
  return nextStageViolations((await industry.listStages(db, projectId)).at(-1), input, today);
}

/** A shared need as recorded and corrected: its category one of the register's. */
type DemandBundleRecord = DemandBundleInput & { category: industry.StoredDemandBundle['category'] };

/**
 * A shared need, named as no other of its category is (whatever its case, accents and spaces, see nameKey). Identified
 * on or before the reference date of the latest letter sent to parliament, it changes the shared needs that letter
 * counted: it is recorded only when `confirmed` names that warning.
 */
export async function recordDemandBundle(db: Db, context: RequestContext, input: DemandBundleRecord, confirmed: readonly WarningCode[] = []): Promise<{ id: string }> {
  const { id } = await recordNew(db, context, {
    action: 'demandBundle.create',
    objectType: 'demandBundle',
    lock: (trx) => lockNamesOf(trx, 'demandBundle', input.category),
    violations: async (trx) => [...demandBundleViolations(input, requestDay(context)), ...(await demandBundleRegisterViolations(trx, input))],
    warnings: (trx) => sentLetterPeriodWarningsOf(trx, 'identifiedOn', input.identifiedOn),
    confirmed,
    insert: async (trx) => {
      const bundle = { id: randomUUID(), ...input, ...recorded(context) };
      await industry.insertDemandBundle(trx, bundle);
      return bundle;
    },
  });
  return { id };
}

/**
 * The rules of a shared need that read the register, on the fields given: a need no other of its category has (than
 * the need `correcting`, for a correction of it).
 */
export async function demandBundleRegisterViolations(db: Db, { need, category }: Partial<DemandBundleInput & { category: string }>, correcting?: string): Promise<RuleViolation[]> {
  if (need === undefined || category === undefined) return [];
  const ofCategory = (await industry.listDemandBundles(db)).filter((bundle) => bundle.id !== correcting && bundle.category === category);
  return nameTakenViolations('demandBundle', 'need', need, ofCategory.map((bundle) => bundle.need));
}

/** The rules of a correction of the shared need `id` that read the register, on the fields given; a need that does not exist has none. */
export async function demandBundleCorrectionRegisterViolations(db: Db, id: string, input: Partial<DemandBundleInput & { category: string }>): Promise<RuleViolation[]> {
  return (await industry.findDemandBundle(db, id)) ? demandBundleRegisterViolations(db, input, id) : [];
}

/**
 * Corrects a shared need typed in error: its need, category, quantities, date or note, at the version the correction
 * is based on (If-Match; 412 when someone corrected it since). It is judged as a new need among the others of its (new)
 * category. It says what the need always was: the count of needs at every date reads it so. No public surface shows a
 * need: the letter counts them, and a letter sent keeps what it printed in its snapshot. A date moved where either
 * date is on or before the reference date of the latest letter sent to parliament may change the needs it counted:
 * the correction is made only when `confirmed` names that warning, at the earlier date.
 */
export async function correctDemandBundle(
  db: Db,
  context: RequestContext,
  id: string,
  input: DemandBundleRecord,
  expectedVersion: ExpectedVersion,
  confirmed: readonly WarningCode[] = [],
): Promise<industry.StoredDemandBundle> {
  return correctAtVersion(db, context, expectedVersion, {
    kind: 'demandBundle',
    action: 'demandBundle.correct',
    object: { type: 'demandBundle', id },
    find: (trx) => industry.findDemandBundle(trx, id, { forUpdate: true }),
    change: input,
    violations: async (trx) => {
      await lockNamesOf(trx, 'demandBundle', input.category);
      return [...demandBundleViolations(input, requestDay(context)), ...(await demandBundleRegisterViolations(trx, input, id))];
    },
    warnings: async (trx, current) =>
      input.identifiedOn === current.identifiedOn ? [] : sentLetterPeriodWarningsOf(trx, 'identifiedOn', input.identifiedOn < current.identifiedOn ? input.identifiedOn : current.identifiedOn),
    confirmed,
    write: (trx, current) => industry.updateDemandBundle(trx, id, current.version, input),
  });
}

/**
 * A disclosure officer decides on a company as on a delivery: "public" puts the approved name and the
 * country in the public projection; "confidential" (ground: the interests of the companies involved, or
 * another) takes it out. Decisions are a history; each is an audit event under `disclosure.decide`.
 */
export async function decideOnCompany(
  db: Db,
  context: RequestContext,
  companyId: string,
  decision: CompanyDecisionInput,
  expectedVersion?: ExpectedVersion,
): Promise<industry.StoredCompanyDecision & { version: number }> {
  assertValid(companyDecisionViolations(decision, requestDay(context)));
  const decidedAt = context.now().toISOString();
  return inTransaction(db, async (trx) => {
    const company = await industry.findCompany(trx, companyId, { lock: 'update' });
    if (!company) throw new NotFoundError('company', companyId);
    const { version } = company;
    assertVersionMatches(expectedVersion, version);
    // A company withdrawn is in no overview: nothing is decided on it, nor is it put back in public.
    assertValid(await companyWithdrawnViolations(trx, companyId, 'state'));
    const isPublic = decision.state === 'public';
    const row: industry.StoredCompanyDecision = {
      id: randomUUID(),
      companyId,
      state: decision.state,
      publicName: isPublic ? (decision.publicName ?? '') : null,
      ground: isPublic ? null : (decision.ground ?? null),
      reviewOn: isPublic ? null : (decision.reviewOn ?? null),
      note: decision.note ?? '',
      decidedById: context.actor?.id ?? null,
      decidedByName: context.actor?.username ?? 'unknown',
      decidedAt,
    };
    await industry.insertCompanyDecision(trx, row);
    const publicId = (await industry.publicIdOfCompany(trx, companyId)) ?? (isPublic ? randomUUID() : null);
    if (isPublic && publicId) {
      await industry.putPublicCompany(trx, { publicId, name: decision.publicName ?? '', country: company.country, decidedOn: requestDay(context), isDemonstration: company.isDemonstration });
    } else if (publicId) {
      await industry.removePublicCompany(trx, publicId);
    }
    await industry.setCompanyDisclosure(trx, companyId, decision.state, publicId);
    await audited(trx, context, 'disclosure.decide', { type: 'company', id: companyId }, row, { disclosureState: company.disclosureState });
    return { ...row, version: version + 1 };
  });
}

// Reading ---------------------------------------------------------------------------------------------

interface MilestoneView extends industry.StoredMilestone {
  percent: number;
  status: MilestoneStatus;
  reports: industry.StoredProgress[];
  /** How many reports it has: the version of its history, which only grows. */
  version: number;
}

interface ContractView extends industry.StoredContract {
  deliveries: { id: string; title: string }[];
  milestones: MilestoneView[];
}

interface WithdrawnContractView extends ContractView {
  withdrawal: industry.ContractWithdrawal;
}

interface CompanyView extends industry.StoredCompany {
  origin: CompanyOrigin;
  contracts: ContractView[];
}

interface CountrySummary {
  country: string;
  origin: CompanyOrigin;
  contracts: number;
  amountCents: number;
  milestones: Record<MilestoneStatus, number>;
}

export interface IndustryOverview {
  date: IsoDate;
  companies: CompanyView[];
  /** Contracts signed by the date and withdrawn by it: in no company's contracts, nor in any figure. */
  withdrawnContracts: WithdrawnContractView[];
  /** Companies in the register by the date and withdrawn by it: not among its companies. */
  withdrawnCompanies: (industry.StoredCompany & { origin: CompanyOrigin; withdrawal: industry.CompanyWithdrawal })[];
  byCountry: CountrySummary[];
  priceDevelopments: (Awaited<ReturnType<typeof industry.listPriceDevelopments>>[number] & { changePerMille: number })[];
  lessons: industry.StoredLesson[];
  coproductionProjects: (industry.StoredCoproduction & { stages: industry.StoredStage[] })[];
  demandBundles: industry.StoredDemandBundle[];
  isDemonstration: boolean;
}

/**
 * The industry register as it stood at the date: the contracts signed and not withdrawn, progress reported, prices paid, lessons
 * noted, stages reached and needs identified on or before it (a co-production project that had reached no stage
 * yet is not there), milestones judged at it, and each company as its disclosure decisions then left it (in The
 * Hague's day: a decision taken during the day holds on that day). The versions are those of the whole histories,
 * to send as If-Match with the next entry.
 */
export async function industryOverview(db: Db, date: IsoDate): Promise<IndustryOverview> {
  const [register, states] = await Promise.all([registerAt(db, date), industry.companyStatesBefore(db, startOfDayInTheHague(date, 1))]);
  return { ...register, companies: register.companies.map((company) => ({ ...company, disclosureState: states.get(company.id) ?? 'undecided' })) };
}

/** The industry register as it stood at the date, each company in its current disclosure state. */
async function registerAt(db: Db, date: IsoDate): Promise<IndustryOverview> {
  const [companies, companyWithdrawals, contracts, withdrawals, links, milestones, progress, prices, lessons, projects, stages, bundles, isDemonstration] = await Promise.all([
    industry.listCompanies(db),
    industry.listCompanyWithdrawals(db),
    industry.listContracts(db, date),
    industry.listContractWithdrawals(db),
    industry.listContractDeliveries(db),
    industry.listMilestones(db),
    industry.listProgress(db),
    industry.listPriceDevelopments(db),
    industry.listLessons(db),
    industry.listCoproductions(db),
    industry.listStages(db),
    industry.listDemandBundles(db),
    industry.containsIndustryDemonstrationData(db),
  ]);
  const byThen = <R>(records: readonly R[], dateOf: (record: R) => IsoDate) => records.filter((record) => dateOf(record) <= date);
  const reportsOf = Map.groupBy(progress, (report) => report.milestoneId);
  const milestoneViews = milestones.map((milestone): MilestoneView => {
    const reports = reportsOf.get(milestone.id) ?? [];
    const latest = progressAt(reports, date);
    return { ...milestone, percent: latest?.percent ?? 0, status: milestoneStatus(milestone.dueOn, latest, date), reports: byThen(reports, (report) => report.reportedOn), version: reports.length };
  });
  const linksOf = Map.groupBy(links, (link) => link.contractId);
  const milestonesOf = Map.groupBy(milestoneViews, (milestone) => milestone.contractId);
  const contractViews = contracts.map((contract): ContractView => ({
    ...contract,
    deliveries: (linksOf.get(contract.id) ?? []).map((link) => ({ id: link.deliveryId, title: link.title })),
    milestones: milestonesOf.get(contract.id) ?? [],
  }));
  // A contract withdrawn on or before the date no longer counts at it; one withdrawn later still did.
  const withdrawalOf = new Map(withdrawals.filter((withdrawal) => withdrawnBy(withdrawal.withdrawnOn, date)).map((withdrawal) => [withdrawal.contractId, withdrawal]));
  const contractsOf = Map.groupBy(
    contractViews.filter((contract) => !withdrawalOf.has(contract.id)),
    (contract) => contract.companyId,
  );
  const withdrawnContracts = contractViews.flatMap((contract) => {
    const withdrawal = withdrawalOf.get(contract.id);
    return withdrawal ? [{ ...contract, withdrawal }] : [];
  });
  const stagesOf = Map.groupBy(stages, (stage) => stage.projectId);
  // A company recorded after the date was not in the register then, unless a contract signed by then names it (recorded later), withdrawn since or not.
  const named = new Set(contractViews.map((contract) => contract.companyId));
  const inRegister = companies.filter((company) => named.has(company.id) || todayInAmsterdam(new Date(company.createdAt)) <= date);
  // A company withdrawn on or before the date was no longer in it; one withdrawn later still was.
  const companyWithdrawalOf = new Map(companyWithdrawals.filter((withdrawal) => withdrawal.withdrawnOn <= date).map((withdrawal) => [withdrawal.companyId, withdrawal]));
  const companyViews = inRegister.flatMap((company): CompanyView[] =>
    companyWithdrawalOf.has(company.id) ? [] : [{ ...company, origin: companyOrigin(company.country), contracts: contractsOf.get(company.id) ?? [] }],
  );
  const withdrawnCompanies = inRegister.flatMap((company) => {
    const withdrawal = companyWithdrawalOf.get(company.id);
    return withdrawal ? [{ ...company, origin: companyOrigin(company.country), withdrawal }] : [];
  });
  return {
    date,
    companies: companyViews,
    withdrawnContracts,
    withdrawnCompanies,
    byCountry: contractsByCountry(companyViews),
    priceDevelopments: byThen(prices, (price) => price.paidOn).map((price) => ({ ...price, changePerMille: priceChangePerMille(price.earlierPriceCents, price.paidPriceCents) })),
    lessons: byThen(lessons, (lesson) => lesson.notedOn),
    coproductionProjects: projects.flatMap((project) => {
      const own = stagesOf.get(project.id) ?? [];
      const reached = byThen(own, (stage) => stage.reachedOn);
      return reached.length === 0 ? [] : [{ ...project, stages: reached }];
    }),
    demandBundles: byThen(bundles, (bundle) => bundle.identifiedOn),
    isDemonstration,
  };
}

/** The contracts per country of the company, with the status of their milestones. */
function contractsByCountry(companies: readonly CompanyView[]): CountrySummary[] {
  const summaries = new Map<string, CountrySummary>();
  for (const company of companies) {
    for (const contract of company.contracts) {
      const summary = summaries.get(company.country) ?? {
        country: company.country,
        origin: company.origin,
        contracts: 0,
        amountCents: 0,
        milestones: { notStarted: 0, inProgress: 0, late: 0, completed: 0 },
      };
      summary.contracts += 1;
      summary.amountCents = sumCents([summary.amountCents, contract.amountCents]);
      for (const milestone of contract.milestones) summary.milestones[milestone.status] += 1;
      summaries.set(company.country, summary);
    }
  }
  return [...summaries.values()].sort((a, b) => b.contracts - a.contracts || a.country.localeCompare(b.country));
}

/**
 * Which companies' contracts a letter's industry facts count: those decided on now (a draft's), those decided on
 * before a final letter's finalisation, which a decision since does not change, or every company's, as a letter
 * finalised before format 7 counted them (LetterWording's industryOfDecidedCompanies).
 */
export type CompaniesCounted = 'decidedNow' | { decidedBefore: string } | 'every';

/** The facts the letter's Industrie section places by name, at its reference date: what the overview at that date lists, of the companies counted. */
export async function industryFactsAt(db: Db, date: IsoDate, counted: CompaniesCounted = 'decidedNow'): Promise<IndustryFacts> {
  const [register, states] = await Promise.all([registerAt(db, date), typeof counted === 'object' ? industry.companyStatesBefore(db, counted.decidedBefore) : null]);
  const stateOf = (company: CompanyView) => (states ? (states.get(company.id) ?? 'undecided') : company.disclosureState);
  return {
    ...companyFacts(counted === 'every' ? register.companies : register.companies.filter((company) => stateOf(company) !== 'undecided')),
    coproductionProjects: register.coproductionProjects.length,
    demandBundles: register.demandBundles.length,
  };
}

function companyFacts(companies: readonly CompanyView[]): CompanyFacts {
  const contracted = companies.filter((company) => company.contracts.length > 0);
  const contracts = contracted.flatMap((company) => company.contracts);
  return {
    contracts: contracts.length,
    contractValueCents: sumCents(contracts.map((contract) => contract.amountCents)),
    companies: contracted.length,
    ukrainianCompanies: contracted.filter((company) => company.origin === 'ukrainian').length,
    milestonesCompleted: contracts.flatMap((contract) => contract.milestones).filter((milestone) => milestone.status === 'completed').length,
  };
}

/** Each company decided confidential now with a contract signed by the date, with what its contracts make of the letter's industry figures then. */
export async function confidentialCompanyFactsAt(db: Db, date: IsoDate): Promise<{ companyId: string; name: string; facts: CompanyFacts }[]> {
  const register = await registerAt(db, date);
  return register.companies
    .filter((company) => company.disclosureState === 'confidential' && company.contracts.length > 0)
    .map((company) => ({ companyId: company.id, name: company.name, facts: companyFacts([company]) }));
}

/**
 * The confidential annex's section: every contract signed by the date, per company, with its milestones then; each
 * company in its current disclosure state, as the annex gives each delivery's.
 */
export async function industryAnnexRows(db: Db, date: IsoDate): Promise<IndustryAnnexRow[]> {
  const register = await registerAt(db, date);
  return register.companies.flatMap((company) =>
    company.contracts.map((contract) => ({
      contractId: contract.id,
      company: company.name,
      country: company.country,
      disclosureState: company.disclosureState,
      reference: contract.reference,
      subject: contract.subject,
      signedOn: contract.signedOn,
      amountCents: contract.amountCents,
      milestones: contract.milestones.length,
      milestonesCompleted: contract.milestones.filter((milestone) => milestone.status === 'completed').length,
    })),
  );
}

/** Loads the demonstration industry register (in the caller's transaction; see src/db/seed/demonstration-industry.ts). */
export async function loadDemonstrationIndustry(trx: Db, context: RequestContext): Promise<void> {
  const createdAt = context.now().toISOString();
  const demonstration = { isDemonstration: true, createdAt };
  for (const company of DEMONSTRATION_COMPANIES) await industry.insertCompany(trx, { ...company, ...demonstration });
  for (const { deliveryIds, milestones, ...contract } of DEMONSTRATION_CONTRACTS) {
    await industry.insertContract(trx, { ...contract, ...demonstration }, deliveryIds);
    await industry.insertMilestones(trx, milestones.map(({ progress: _progress, ...milestone }) => ({ ...milestone, contractId: contract.id })));
    for (const { progress, id: milestoneId } of milestones) {
      for (const report of progress) await industry.insertProgress(trx, { ...report, milestoneId, recordedByName: SYSTEM_ACTOR, recordedAt: createdAt });
    }
  }
  for (const lesson of DEMONSTRATION_LESSONS) await industry.insertLesson(trx, { ...lesson, ...demonstration });
  const { stage, ...project } = DEMONSTRATION_COPRODUCTION;
  await industry.insertCoproduction(trx, { ...project, ...demonstration, version: 1 });
  await industry.insertStage(trx, { ...stage, projectId: project.id, recordedAt: createdAt });
  await decideOnCompany(trx, context, DEMONSTRATION_COMPANIES[0].id, { state: 'confidential', ground: 'companyInterests', reviewOn: null, note: 'Demonstratie' });
}
