/**
 * The columns of each list's export, described once over the item the list's API answers with: the
 * spreadsheet says what the JSON says, with the vocabulary's labels for codes and euros for cents.
 */
import { actorInWords, labelOf } from '../../../common/vocabulary/index.ts';
import type { Vocabulary } from '../../../common/vocabulary/nl.ts';
import type { ListedAuditEvent } from '../../db/repositories/audit.ts';
import type { LetterSummary } from '../../db/repositories/letters.ts';
import type { AccountView } from '../../auth/accounts.ts';
import type { QueueItem } from '../../db/repositories/export-control.ts';
import type { CommitmentDetail } from '../../register/budget.ts';
import type { BudgetDecision, BudgetShift } from '../../domain/budget.ts';
import type { ProgrammeAt } from '../../register/training.ts';
import type { NonReplacementAt, StockDeliveryReadiness, StoredProject } from '../../db/repositories/readiness.ts';
import type { IndustryOverview } from '../../register/industry.ts';
import type { AnnexListing } from '../../db/repositories/annex-renderings.ts';
import type { DueReview, ToDecideAgain } from '../../db/repositories/disclosure.ts';
import { euroText } from '../csv.ts';
import type { EpfTranche } from '../../domain/epf.ts';
import type { ClaimAtDate } from '../../db/repositories/epf.ts';
import { canonicalText, type AuditEvent } from '../../audit/event.ts';
import type { presentSummary } from '../deliveries/presenters.ts';
import type { Column } from './spreadsheet.ts';
import { sumCents } from '../../../common/money.ts';

const yesNo = (value: boolean, words: Vocabulary) => (value ? words.spreadsheetExport.yes : words.spreadsheetExport.no);

type DeliveryItem = ReturnType<typeof presentSummary>;

export const DELIVERY_COLUMNS: readonly Column<DeliveryItem>[] = [
  { heading: 'title', kind: 'text', value: (row) => row.title },
  { heading: 'publicTitle', kind: 'text', value: (row) => row.publicTitle },
  { heading: 'category', kind: 'text', value: (row, words) => words.categories[row.category] },
  { heading: 'quantity', kind: 'count', value: (row) => row.quantity },
  { heading: 'unit', kind: 'text', value: (row) => row.unit },
  { heading: 'supportType', kind: 'text', value: (row, words) => words.supportTypes[row.supportType] },
  { heading: 'fundingSource', kind: 'text', value: (row, words) => words.fundingSources[row.fundingSource] },
  { heading: 'pledgedAt', kind: 'date', value: (row) => row.pledgedAt },
  { heading: 'committedAt', kind: 'date', value: (row) => row.committedAt },
  { heading: 'realisedAt', kind: 'date', value: (row) => row.realisedAt },
  { heading: 'deliveredAt', kind: 'date', value: (row) => row.deliveredAt },
  { heading: 'stage', kind: 'text', value: (row, words) => row.stage && words.stages[row.stage] },
  { heading: 'valueEuro', kind: 'euro', value: (row) => row.valueCents },
  { heading: 'disclosureState', kind: 'text', value: (row, words) => words.disclosureStates[row.disclosureState] },
  { heading: 'demonstration', kind: 'text', value: (row, words) => yesNo(row.isDemonstration, words) },
  { heading: 'id', kind: 'text', value: (row) => row.id },
];

const json = (value: unknown) => JSON.stringify(value);

/** The event without its hash: exactly what was hashed. */
function hashedEvent({ hash: _hash, ...event }: ListedAuditEvent): AuditEvent {
  return event as AuditEvent;
}

/**
 * Each event with its links: the hashed text (RFC 8785) is the event itself, so that an auditor can take
 * SHA-256 of it and compare with the hash, and compare the previous hash with the hash on the row below.
 */
export const AUDIT_COLUMNS: readonly Column<ListedAuditEvent>[] = [
  { heading: 'sequence', kind: 'count', value: (row) => row.seq },
  { heading: 'occurredAt', kind: 'moment', value: (row) => row.occurredAt },
  { heading: 'actor', kind: 'text', value: (row, words) => actorInWords(row.actor?.username, words) },
  { heading: 'actorRole', kind: 'text', value: (row, words) => (row.actor?.role ? labelOf(words.roles, row.actor.role) : null) },
  { heading: 'action', kind: 'text', value: (row, words) => labelOf(words.auditActions, row.action) },
  { heading: 'result', kind: 'text', value: (row, words) => words.auditResults[row.result] },
  { heading: 'objectType', kind: 'text', value: (row, words) => row.object && labelOf(words.auditObjectTypes, row.object.type) },
  { heading: 'objectId', kind: 'text', value: (row) => row.object?.id ?? null },
  { heading: 'origin', kind: 'text', value: (row) => row.origin },
  { heading: 'requestId', kind: 'text', value: (row) => row.requestId },
  { heading: 'before', kind: 'text', value: (row) => json(row.before) },
  { heading: 'after', kind: 'text', value: (row) => json(row.after) },
  { heading: 'detail', kind: 'text', value: (row) => json(row.detail) },
  { heading: 'previousHash', kind: 'text', value: (row) => row.prevHash },
  { heading: 'hash', kind: 'text', value: (row) => row.hash },
  { heading: 'canonicalJson', kind: 'text', value: (row) => canonicalText(hashedEvent(row)) },
];

export const LETTER_COLUMNS: readonly Column<LetterSummary>[] = [
  { heading: 'referenceDate', kind: 'date', value: (row) => row.referenceDate },
  { heading: 'letterDate', kind: 'date', value: (row) => row.letterDate },
  { heading: 'letterStatus', kind: 'text', value: (row, words) => words.spreadsheetExport.letterStatuses[row.status] },
  { heading: 'paperNumber', kind: 'text', value: (row) => row.paperNumber },
  { heading: 'publishedOn', kind: 'date', value: (row) => row.publishedOn },
  { heading: 'createdBy', kind: 'text', value: (row, words) => actorInWords(row.createdByName, words) },
  { heading: 'createdAt', kind: 'moment', value: (row) => row.createdAt },
  { heading: 'finalisedBy', kind: 'text', value: (row, words) => actorInWords(row.finalisedByName, words) },
  { heading: 'finalisedAt', kind: 'moment', value: (row) => row.finalisedAt },
  { heading: 'approvedBy', kind: 'text', value: (row, words) => actorInWords(row.approvedByName, words) },
  { heading: 'approvedAt', kind: 'moment', value: (row) => row.approvedAt },
  { heading: 'publicSha256', kind: 'text', value: (row) => row.publicSha256 },
  { heading: 'annexSha256', kind: 'text', value: (row) => row.annexSha256 },
  { heading: 'withdrawnBy', kind: 'text', value: (row, words) => actorInWords(row.withdrawnByName, words) },
  { heading: 'withdrawnAt', kind: 'moment', value: (row) => row.withdrawnAt },
  { heading: 'withdrawalReason', kind: 'text', value: (row) => row.withdrawalReason },
  { heading: 'demonstration', kind: 'text', value: (row, words) => yesNo(row.isDemonstration, words) },
  { heading: 'id', kind: 'text', value: (row) => row.id },
];

/** The claims as they stood at the list's date: what a batch covers, or the delivery a claim is for. */
export const EPF_CLAIM_COLUMNS: readonly Column<ClaimAtDate>[] = [
  { heading: 'reference', kind: 'text', value: (row) => row.reference },
  // A claim on one delivery covers no batch: its cell is empty, as the delivery's are for a batch.
  { heading: 'batch', kind: 'text', value: (row) => row.batch || null },
  { heading: 'delivery', kind: 'text', value: (row) => row.deliveryTitle },
  { heading: 'deliveryId', kind: 'text', value: (row) => row.deliveryId },
  { heading: 'period', kind: 'text', value: (row) => row.period },
  { heading: 'declaredOn', kind: 'date', value: (row) => row.declaredOn },
  { heading: 'declaredEuro', kind: 'euro', value: (row) => row.declaredCents },
  { heading: 'compensatedEuro', kind: 'euro', value: (row) => row.compensatedCents },
  { heading: 'paidEuro', kind: 'euro', value: (row) => row.paidCents },
  { heading: 'outstandingEuro', kind: 'euro', value: (row) => row.outstandingCents },
  { heading: 'claimStatus', kind: 'text', value: (row, words) => words.epfClaimStatuses[row.status] },
  { heading: 'blockedReason', kind: 'text', value: (row) => row.blockedReason },
  { heading: 'remainderExpectedBy', kind: 'count', value: (row) => row.remainderExpectedBy },
  { heading: 'demonstration', kind: 'text', value: (row, words) => yesNo(row.isDemonstration, words) },
  { heading: 'id', kind: 'text', value: (row) => row.id },
];

/** The accounts as the accounts page lists them: who may do what and how they log in, never a secret. */
export const ACCOUNT_COLUMNS: readonly Column<AccountView>[] = [
  { heading: 'username', kind: 'text', value: (row) => row.username },
  { heading: 'displayName', kind: 'text', value: (row) => row.displayName },
  { heading: 'role', kind: 'text', value: (row, words) => words.roles[row.role] },
  { heading: 'hasPassword', kind: 'text', value: (row, words) => yesNo(row.hasPassword, words) },
  { heading: 'passwordChangeRequired', kind: 'text', value: (row, words) => yesNo(row.passwordChangeRequired, words) },
  { heading: 'hasSecondFactor', kind: 'text', value: (row, words) => yesNo(row.hasSecondFactor, words) },
  { heading: 'oidcSubject', kind: 'text', value: (row) => row.oidcSubject },
  { heading: 'email', kind: 'text', value: (row) => row.email },
  { heading: 'disabledAt', kind: 'moment', value: (row) => row.disabledAt },
  { heading: 'createdAt', kind: 'moment', value: (row) => row.createdAt },
  { heading: 'id', kind: 'text', value: (row) => row.id },
];

/** An item of the export-control queues, with the queue it waits in. */
export type QueuedExport = QueueItem & { queue: 'awaitingAssessment' | 'awaitingLicence' };

/** Both queues in one sheet: the assessor's first, then the licensing officer's, each in its page's order. */
export function queuedExports(queues: Record<QueuedExport['queue'], readonly QueueItem[]>): QueuedExport[] {
  return [...queues.awaitingAssessment.map((item) => ({ ...item, queue: 'awaitingAssessment' as const })), ...queues.awaitingLicence.map((item) => ({ ...item, queue: 'awaitingLicence' as const }))];
}

export const EXPORT_QUEUE_COLUMNS: readonly Column<QueuedExport>[] = [
  { heading: 'exportQueue', kind: 'text', value: (row, words) => words.spreadsheetExport.exportQueues[row.queue] },
  { heading: 'title', kind: 'text', value: (row) => row.title },
  { heading: 'category', kind: 'text', value: (row, words) => words.categories[row.category] },
  { heading: 'supportType', kind: 'text', value: (row, words) => words.supportTypes[row.supportType] },
  { heading: 'quantity', kind: 'count', value: (row) => row.quantity },
  { heading: 'realisedAt', kind: 'date', value: (row) => row.realisedAt },
  { heading: 'deliveredAt', kind: 'date', value: (row) => row.deliveredAt },
  { heading: 'assessmentOutcome', kind: 'text', value: (row, words) => row.outcome && words.exportControl.outcomes[row.outcome] },
  { heading: 'assessedOn', kind: 'date', value: (row) => row.assessedOn },
  { heading: 'assessmentId', kind: 'text', value: (row) => row.assessmentId },
  { heading: 'deliveryId', kind: 'text', value: (row) => row.deliveryId },
];

/** The commitments as the budget page lists them: the latest stage's amount, and every stage in order. */
export const BUDGET_COMMITMENT_COLUMNS: readonly Column<CommitmentDetail>[] = [
  { heading: 'title', kind: 'text', value: (row) => row.title },
  { heading: 'budgetYear', kind: 'count', value: (row) => row.budgetYear },
  { heading: 'fundingSource', kind: 'text', value: (row, words) => words.fundingSources[row.fund] },
  { heading: 'stage', kind: 'text', value: (row, words) => words.stages[row.stages.at(-1)!.stage] },
  { heading: 'amountEuro', kind: 'euro', value: (row) => row.amountCents },
  { heading: 'exceedsBudget', kind: 'text', value: (row, words) => yesNo(row.exceedsBudget, words) },
  { heading: 'stageHistory', kind: 'text', value: (row, words) => row.stages.map((stage) => `${words.stages[stage.stage]} ${stage.effectiveOn}: ${euroText(stage.amountCents, words.spreadsheetExport.decimalSign)}`).join('; ') },
  { heading: 'contractReference', kind: 'text', value: (row) => row.contractReference },
  { heading: 'deliveryId', kind: 'text', value: (row) => row.deliveryId },
  { heading: 'createdAt', kind: 'moment', value: (row) => row.createdAt },
  { heading: 'demonstration', kind: 'text', value: (row, words) => yesNo(row.isDemonstration, words) },
  { heading: 'id', kind: 'text', value: (row) => row.id },
];

type TrainingProgramme = Omit<ProgrammeAt, 'createdAt' | 'updatedAt'>;

/** The programmes as the training page lists them at its date: each count as the letter takes it then, with its qualifier and the day it was counted up to. */
export const TRAINING_PROGRAMME_COLUMNS: readonly Column<TrainingProgramme>[] = [
  { heading: 'programme', kind: 'text', value: (row) => row.name },
  { heading: 'programmeKey', kind: 'text', value: (row) => row.key },
  { heading: 'hostCountry', kind: 'text', value: (row) => row.hostCountry },
  { heading: 'trainingFramework', kind: 'text', value: (row, words) => words.trainingFrameworks[row.framework] },
  { heading: 'systemTrainedOn', kind: 'text', value: (row) => row.systemTrainedOn },
  { heading: 'trainers', kind: 'count', value: (row) => row.counts.trainers?.value ?? null },
  { heading: 'trainersIsMaximum', kind: 'text', value: (row, words) => row.counts.trainers && yesNo(row.counts.trainers.qualifier === 'maximum', words) },
  { heading: 'trainersCountsUpTo', kind: 'date', value: (row) => row.counts.trainers?.countsUpTo ?? null },
  { heading: 'trainees', kind: 'count', value: (row) => row.counts.trainees?.value ?? null },
  { heading: 'traineesIsApproximate', kind: 'text', value: (row, words) => row.counts.trainees && yesNo(row.counts.trainees.qualifier === 'approximate', words) },
  { heading: 'traineesCountsUpTo', kind: 'date', value: (row) => row.counts.trainees?.countsUpTo ?? null },
  { heading: 'courses', kind: 'count', value: (row) => row.counts.courses?.value ?? null },
  { heading: 'coursesCountsUpTo', kind: 'date', value: (row) => row.counts.courses?.countsUpTo ?? null },
  { heading: 'rotations', kind: 'count', value: (row) => row.counts.rotations?.value ?? null },
  { heading: 'rotationsCountsUpTo', kind: 'date', value: (row) => row.counts.rotations?.countsUpTo ?? null },
  { heading: 'soldiersPerRotation', kind: 'count', value: (row) => row.counts.soldiersPerRotation?.value ?? null },
  { heading: 'soldiersPerRotationCountsUpTo', kind: 'date', value: (row) => row.counts.soldiersPerRotation?.countsUpTo ?? null },
  { heading: 'costEstimateEuro', kind: 'euro', value: (row) => row.counts.costEstimate?.value ?? null },
  { heading: 'costEstimateCountsUpTo', kind: 'date', value: (row) => row.counts.costEstimate?.countsUpTo ?? null },
  { heading: 'demonstration', kind: 'text', value: (row, words) => yesNo(row.isDemonstration, words) },
  { heading: 'id', kind: 'text', value: (row) => row.id },
];

/** The stock deliveries as the readiness page lists them at its date: their value then, the judgement that held then, and what was and was not replaced then. */
export const READINESS_DELIVERY_COLUMNS: readonly Column<StockDeliveryReadiness>[] = [
  { heading: 'delivery', kind: 'text', value: (row) => row.title },
  { heading: 'quantity', kind: 'count', value: (row) => row.quantity },
  { heading: 'unit', kind: 'text', value: (row) => row.unit },
  { heading: 'realisedAt', kind: 'date', value: (row) => row.realisedAt },
  { heading: 'valueEuro', kind: 'euro', value: (row) => row.valueCents },
  { heading: 'readinessEffect', kind: 'text', value: (row, words) => (row.latestJudgement ? words.readinessEffects[row.latestJudgement.effect] : null) },
  { heading: 'judgedOn', kind: 'date', value: (row) => row.latestJudgement?.judgedOn ?? null },
  { heading: 'judgedBy', kind: 'text', value: (row, words) => actorInWords(row.latestJudgement?.judgedByName, words) },
  { heading: 'judgements', kind: 'count', value: (row) => row.judgements },
  { heading: 'replacedEuro', kind: 'euro', value: (row) => row.replacedValueCents },
  { heading: 'replacedQuantity', kind: 'count', value: (row) => row.replacedQuantity },
  { heading: 'nonReplacements', kind: 'count', value: (row) => row.nonReplacements },
  { heading: 'id', kind: 'text', value: (row) => row.id },
];

/** What has no history of a project, known only as it is now. */
type RecordedNow = 'budgetCents' | 'expectedOn' | 'note';
type ReplenishmentProject = Omit<StoredProject, 'createdAt' | 'updatedAt' | RecordedNow> & Partial<Pick<StoredProject, RecordedNow>>;

const RECORDED_NOW_COLUMNS: readonly Column<ReplenishmentProject>[] = [
  { heading: 'budgetEuro', kind: 'euro', value: (row) => row.budgetCents ?? null },
  { heading: 'expectedOn', kind: 'date', value: (row) => row.expectedOn ?? null },
  { heading: 'note', kind: 'text', value: (row) => row.note || null },
];

/** The projects as the readiness page lists them at its date: their budget, expected date and note at today's date only, as they have no history. */
export const replenishmentProjectColumns = (atToday: boolean): readonly Column<ReplenishmentProject>[] => [
  { heading: 'project', kind: 'text', value: (row) => row.name },
  { heading: 'stage', kind: 'text', value: (row, words) => words.replenishmentStages[row.stage] },
  { heading: 'stageAsOf', kind: 'date', value: (row) => row.asOf },
  { heading: 'replacesEuro', kind: 'euro', value: (row) => sumCents(row.replaces.map((replacement) => replacement.replacedValueCents)) },
  ...(atToday ? RECORDED_NOW_COLUMNS : []),
  { heading: 'demonstration', kind: 'text', value: (row, words) => yesNo(row.isDemonstration, words) },
  { heading: 'id', kind: 'text', value: (row) => row.id },
];

/** A decision not to replace as it stood at a date, with the title of its delivery: revalued when its revaluation held then. */
export const NON_REPLACEMENT_COLUMNS: readonly Column<NonReplacementAt>[] = [
  { heading: 'decidedOn', kind: 'date', value: (row) => row.decidedOn },
  { heading: 'delivery', kind: 'text', value: (row) => row.deliveryTitle },
  { heading: 'reason', kind: 'text', value: (row) => row.reason },
  { heading: 'revalued', kind: 'text', value: (row, words) => yesNo(row.revalued, words) },
  { heading: 'decidedBy', kind: 'text', value: (row, words) => actorInWords(row.decidedByName, words) },
  { heading: 'deliveryId', kind: 'text', value: (row) => row.deliveryId },
  { heading: 'id', kind: 'text', value: (row) => row.id },
];

type CountrySummary = IndustryOverview['byCountry'][number];

/** Contracts signed by the overview's date per country, with their milestones counted by status at that date. */
export const INDUSTRY_BY_COUNTRY_COLUMNS: readonly Column<CountrySummary>[] = [
  { heading: 'country', kind: 'text', value: (row) => row.country },
  { heading: 'origin', kind: 'text', value: (row, words) => words.companyOrigins[row.origin] },
  { heading: 'contracts', kind: 'count', value: (row) => row.contracts },
  { heading: 'amountEuro', kind: 'euro', value: (row) => row.amountCents },
  { heading: 'milestonesNotStarted', kind: 'count', value: (row) => row.milestones.notStarted },
  { heading: 'milestonesInProgress', kind: 'count', value: (row) => row.milestones.inProgress },
  { heading: 'milestonesLate', kind: 'count', value: (row) => row.milestones.late },
  { heading: 'milestonesCompleted', kind: 'count', value: (row) => row.milestones.completed },
];

type Company = IndustryOverview['companies'][number];
type Contract = Company['contracts'][number];

/** A row of the industry page's contracts table: a milestone with its contract and company (a contract without milestones, or a company without contracts, still gets a row). */
export interface ContractMilestoneRow {
  company: Company;
  contract: Contract | null;
  milestone: Contract['milestones'][number] | null;
}

export function contractMilestoneRows(companies: readonly Company[]): ContractMilestoneRow[] {
  return companies.flatMap((company): ContractMilestoneRow[] =>
    company.contracts.length === 0
      ? [{ company, contract: null, milestone: null }]
      : company.contracts.flatMap((contract): ContractMilestoneRow[] => (contract.milestones.length === 0 ? [{ company, contract, milestone: null }] : contract.milestones.map((milestone) => ({ company, contract, milestone })))),
  );
}

export const INDUSTRY_CONTRACT_COLUMNS: readonly Column<ContractMilestoneRow>[] = [
  { heading: 'company', kind: 'text', value: (row) => row.company.name },
  { heading: 'country', kind: 'text', value: (row) => row.company.country },
  { heading: 'origin', kind: 'text', value: (row, words) => words.companyOrigins[row.company.origin] },
  { heading: 'disclosureState', kind: 'text', value: (row, words) => words.disclosureStates[row.company.disclosureState] },
  { heading: 'contractReference', kind: 'text', value: (row) => row.contract?.reference ?? null },
  { heading: 'signedOn', kind: 'date', value: (row) => row.contract?.signedOn ?? null },
  { heading: 'subject', kind: 'text', value: (row) => row.contract?.subject ?? null },
  { heading: 'contractDeliveries', kind: 'text', value: (row) => row.contract?.deliveries.map((delivery) => delivery.title).join('; ') || null },
  { heading: 'amountEuro', kind: 'euro', value: (row) => row.contract?.amountCents ?? null },
  { heading: 'milestone', kind: 'text', value: (row) => row.milestone?.title ?? null },
  { heading: 'dueOn', kind: 'date', value: (row) => row.milestone?.dueOn ?? null },
  { heading: 'progressPercent', kind: 'count', value: (row) => row.milestone?.percent ?? null },
  { heading: 'milestoneStatus', kind: 'text', value: (row, words) => (row.milestone ? words.milestoneStatuses[row.milestone.status] : null) },
];

export const PRICE_DEVELOPMENT_COLUMNS: readonly Column<IndustryOverview['priceDevelopments'][number]>[] = [
  { heading: 'item', kind: 'text', value: (row) => row.item },
  { heading: 'earlierPriceEuro', kind: 'euro', value: (row) => row.earlierPriceCents },
  { heading: 'earlierOn', kind: 'date', value: (row) => row.earlierOn },
  { heading: 'paidPriceEuro', kind: 'euro', value: (row) => row.paidPriceCents },
  { heading: 'paidOn', kind: 'date', value: (row) => row.paidOn },
  { heading: 'changePerMille', kind: 'count', value: (row) => row.changePerMille },
  { heading: 'note', kind: 'text', value: (row) => row.note || null },
  { heading: 'demonstration', kind: 'text', value: (row, words) => yesNo(row.isDemonstration, words) },
  { heading: 'id', kind: 'text', value: (row) => row.id },
];

export const LESSON_COLUMNS: readonly Column<IndustryOverview['lessons'][number]>[] = [
  { heading: 'notedOn', kind: 'date', value: (row) => row.notedOn },
  { heading: 'category', kind: 'text', value: (row, words) => words.lessonCategories[row.category] },
  { heading: 'lesson', kind: 'text', value: (row) => row.text },
  { heading: 'demonstration', kind: 'text', value: (row, words) => yesNo(row.isDemonstration, words) },
  { heading: 'id', kind: 'text', value: (row) => row.id },
];

/** The projects with the stage they reached last, and every stage in order. */
export const COPRODUCTION_COLUMNS: readonly Column<IndustryOverview['coproductionProjects'][number]>[] = [
  { heading: 'title', kind: 'text', value: (row) => row.title },
  { heading: 'partner', kind: 'text', value: (row) => row.partner },
  { heading: 'stage', kind: 'text', value: (row, words) => { const stage = row.stages.at(-1); return stage ? words.coproductionStages[stage.stage] : null; } },
  { heading: 'reachedOn', kind: 'date', value: (row) => row.stages.at(-1)?.reachedOn ?? null },
  { heading: 'stageHistory', kind: 'text', value: (row, words) => row.stages.map((stage) => `${words.coproductionStages[stage.stage]} ${stage.reachedOn}`).join('; ') || null },
  { heading: 'demonstration', kind: 'text', value: (row, words) => yesNo(row.isDemonstration, words) },
  { heading: 'id', kind: 'text', value: (row) => row.id },
];

export const DEMAND_BUNDLE_COLUMNS: readonly Column<IndustryOverview['demandBundles'][number]>[] = [
  { heading: 'need', kind: 'text', value: (row) => row.need },
  { heading: 'category', kind: 'text', value: (row, words) => words.categories[row.category] },
  { heading: 'dutchQuantity', kind: 'count', value: (row) => row.dutchQuantity },
  { heading: 'ukrainianQuantity', kind: 'count', value: (row) => row.ukrainianQuantity },
  { heading: 'identifiedOn', kind: 'date', value: (row) => row.identifiedOn },
  { heading: 'note', kind: 'text', value: (row) => row.note || null },
  { heading: 'demonstration', kind: 'text', value: (row, words) => yesNo(row.isDemonstration, words) },
  { heading: 'id', kind: 'text', value: (row) => row.id },
];

/** The confidential annexes the reader may open, newest first, with what changed since the previous letter's. */
export const ANNEX_COLUMNS: readonly Column<AnnexListing>[] = [
  { heading: 'referenceDate', kind: 'date', value: (row) => row.referenceDate },
  { heading: 'letterDate', kind: 'date', value: (row) => row.letterDate },
  { heading: 'paperNumber', kind: 'text', value: (row) => row.paperNumber },
  { heading: 'sentAt', kind: 'moment', value: (row) => row.sentAt },
  { heading: 'previousReferenceDate', kind: 'date', value: (row) => row.previousReferenceDate },
  { heading: 'annexRows', kind: 'count', value: (row) => row.rowCount },
  { heading: 'newRows', kind: 'count', value: (row) => row.newRows },
  { heading: 'changedRows', kind: 'count', value: (row) => row.changedRows },
  { heading: 'id', kind: 'text', value: (row) => row.letterId },
];

/** Each decision that made money available, with its total and its amount per budget year, as the budget page shows it. */
export const BUDGET_DECISION_COLUMNS: readonly Column<BudgetDecision>[] = [
  { heading: 'budgetMoment', kind: 'text', value: (row) => row.moment },
  { heading: 'decidedOn', kind: 'date', value: (row) => row.decidedOn },
  { heading: 'fundingSource', kind: 'text', value: (row, words) => words.fundingSources[row.fund] },
  { heading: 'firstYear', kind: 'count', value: (row) => row.firstYear },
  { heading: 'lastYear', kind: 'count', value: (row) => row.lastYear },
  { heading: 'amountEuro', kind: 'euro', value: (row) => sumCents(row.amounts.map((amount) => amount.amountCents)) },
  { heading: 'yearAmounts', kind: 'text', value: (row, words) => row.amounts.map((amount) => `${amount.budgetYear}: ${euroText(amount.amountCents, words.spreadsheetExport.decimalSign)}`).join('; ') },
  { heading: 'description', kind: 'text', value: (row) => row.description || null },
  { heading: 'recordedAt', kind: 'moment', value: (row) => row.recordedAt },
  { heading: 'demonstration', kind: 'text', value: (row, words) => yesNo(row.isDemonstration, words) },
  { heading: 'id', kind: 'text', value: (row) => row.id },
];

/** Each shift of money between two budget years of a fund (kasschuif). */
export const BUDGET_SHIFT_COLUMNS: readonly Column<BudgetShift>[] = [
  { heading: 'budgetMoment', kind: 'text', value: (row) => row.moment },
  { heading: 'decidedOn', kind: 'date', value: (row) => row.decidedOn },
  { heading: 'fundingSource', kind: 'text', value: (row, words) => words.fundingSources[row.fund] },
  { heading: 'fromYear', kind: 'count', value: (row) => row.fromYear },
  { heading: 'toYear', kind: 'count', value: (row) => row.toYear },
  { heading: 'amountEuro', kind: 'euro', value: (row) => row.amountCents },
  { heading: 'description', kind: 'text', value: (row) => row.description || null },
  { heading: 'recordedAt', kind: 'moment', value: (row) => row.recordedAt },
  { heading: 'demonstration', kind: 'text', value: (row, words) => yesNo(row.isDemonstration, words) },
  { heading: 'id', kind: 'text', value: (row) => row.id },
];

/** The EU's EPF tranches decided by the page's date; the EU-wide amount is never part of a Dutch total. */
export const EPF_TRANCHE_COLUMNS: readonly Column<EpfTranche>[] = [
  { heading: 'trancheName', kind: 'text', value: (row) => row.name },
  { heading: 'trancheKind', kind: 'text', value: (row, words) => words.epfTrancheKinds[row.kind] },
  { heading: 'decidedOn', kind: 'date', value: (row) => row.decidedOn },
  { heading: 'euAmountEuro', kind: 'euro', value: (row) => row.euAmountCents },
  { heading: 'dutchRole', kind: 'text', value: (row, words) => words.epfDutchRoles[row.dutchRole] },
  { heading: 'note', kind: 'text', value: (row) => row.note || null },
  { heading: 'demonstration', kind: 'text', value: (row, words) => yesNo(row.isDemonstration, words) },
  { heading: 'id', kind: 'text', value: (row) => row.id },
];

/** The confidential deliveries whose review date has come by the reference date; a ground the vocabulary does not know stays as stored. */
export const DUE_REVIEW_COLUMNS: readonly Column<DueReview>[] = [
  { heading: 'title', kind: 'text', value: (row) => row.title },
  { heading: 'confidentialityGround', kind: 'text', value: (row, words) => row.ground && labelOf(words.confidentialityGrounds, row.ground) },
  { heading: 'reviewOn', kind: 'date', value: (row) => row.reviewOn },
  { heading: 'disclosureDecidedAt', kind: 'moment', value: (row) => row.decidedAt },
  { heading: 'deliveryId', kind: 'text', value: (row) => row.deliveryId },
];

/** A public delivery to decide on again: its item, which gave a value, another delivery left, or a withdrawal withheld it. */
export const TO_DECIDE_AGAIN_COLUMNS: readonly Column<ToDecideAgain>[] = [
  { heading: 'title', kind: 'text', value: (row) => row.title },
  { heading: 'publicTitle', kind: 'text', value: (row) => row.publicTitle },
  { heading: 'reason', kind: 'text', value: (row, words) => words.decideAgainReasons[row.reason] },
  { heading: 'deliveryId', kind: 'text', value: (row) => row.deliveryId },
];

/** A fault an import's dry run finds, on the sheet and row of the file it names (a header row names no reference), worded. */
export interface ImportFaultLine {
  sheetName: string;
  rowNumber: number;
  reference: string | null;
  /** The column's header as the file has it, or as the template names a column the file lacks; empty for a fault of a whole row or sheet. */
  column: string;
  columnLetter: string | null;
  reason: string;
}

/** In the order the import page lists them: the place, the column, the row's reference, what is wrong. */
export const IMPORT_FAULT_COLUMNS: readonly Column<ImportFaultLine>[] = [
  { heading: 'sheet', kind: 'text', value: (line) => line.sheetName },
  { heading: 'row', kind: 'count', value: (line) => line.rowNumber },
  { heading: 'columnLetter', kind: 'text', value: (line) => line.columnLetter },
  { heading: 'columnHeading', kind: 'text', value: (line) => line.column || null },
  { heading: 'externalReference', kind: 'text', value: (line) => line.reference },
  { heading: 'fault', kind: 'text', value: (line) => line.reason },
];
