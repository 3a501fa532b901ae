import type { ColumnType, Generated, GeneratedAlways } from 'kysely';
import type { Source } from '../domain/delivery.ts';
import type { DecideAgainReason } from '../domain/disclosure.ts';

/** The tables as Kysely sees them (camelCase; the CamelCasePlugin maps to the snake_case columns). */
export interface Database {
  schemaMigration: { name: string; appliedAt: Generated<string> };
  delivery: DeliveryTable;
  valuation: ValuationTable;
  payment: PaymentTable;
  paymentWithdrawal: { paymentId: string; withdrawnOn: string; reason: string; recordedAt: Generated<string> };
  valuationWithdrawal: { valuationId: string; withdrawnOn: string; reason: string; recordedAt: Generated<string> };
  realisedSupportChange: { deliveryId: string; supportType: string; changeDate: string; changeCents: number };
  /** The changes added up per support type and day (migration 014); numeric, so as text. */
  realisedSupportDay: { supportType: string; changeDate: string; changeCents: string };
  account: AccountTable;
  session: SessionTable;
  loginFailure: { username: string; origin: string | null; failedAt: string };
  idempotentRequest: IdempotentRequestTable;
  oidcLogin: { state: string; codeVerifier: string; nonce: string; createdAt: string };
  auditEvent: AuditEventTable;
  // Audit events waiting for their transaction's COMMIT to be linked into the chain (migration 027)
  auditEventPending: AuditEventPendingTable;
  disclosureDecision: DisclosureDecisionTable;
  publicDelivery: PublicDeliveryTable;
  publicDeliveryVersion: PublicDeliveryVersionTable;
  // Public items withholding their value until their deliveries are decided again, and why (migrations 059, 063)
  publicItemLeft: { publicId: string; reason: DecideAgainReason };
  letter: LetterTable;
  // What each final letter's public overview listed (migration 049)
  letterOverviewItem: { letterId: string; publicId: string };
  publicLetter: PublicLetterTable;
  letterPublication: LetterPublicationTable;
  letterReview: LetterReviewTable;
  // The annex rendered once per final letter (migration 020)
  annexRendering: AnnexRenderingTable;
  // The work for the EU as implementing actor, as dated changes and per day (migration 050); numeric, so as text
  implementingActorChange: { deliveryId: string; changeDate: string; changeCents: number };
  implementingActorDay: { changeDate: string; changeCents: string };
  // The European Peace Facility (migration 008)
  epfTranche: EpfTrancheTable;
  epfClaim: EpfClaimTable;
  epfAssessment: EpfAssessmentTable;
  epfReceipt: EpfReceiptTable;
  epfBlockage: EpfBlockageTable;
  // The budget (migration 007)
  budgetDecision: BudgetDecisionTable;
  budgetDecisionAmount: { decisionId: string; budgetYear: number; amountCents: number };
  budgetShift: BudgetShiftTable;
  budgetCommitment: BudgetCommitmentTable;
  budgetCommitmentStage: BudgetCommitmentStageTable;
  // Industry (migration 011)
  company: CompanyTable;
  companyDisclosureDecision: CompanyDisclosureDecisionTable;
  publicCompany: PublicCompanyTable;
  industryContract: IndustryContractTable;
  industryContractDelivery: { contractId: string; deliveryId: string };
  industryContractWithdrawal: { contractId: string; withdrawnOn: string; reason: string; recordedAt: Generated<string> };
  companyWithdrawal: { companyId: string; withdrawnOn: string; reason: string; recordedAt: Generated<string> };
  contractMilestone: { id: string; contractId: string; title: string; dueOn: string };
  milestoneProgress: MilestoneProgressTable;
  priceDevelopment: PriceDevelopmentTable;
  lessonLearned: LessonLearnedTable;
  coproductionProject: { id: string; title: string; partner: string; isDemonstration: boolean; createdAt: string; version: Generated<number> };
  coproductionStage: { id: string; projectId: string; stage: string; reachedOn: string; note: string; recordedAt: string };
  demandBundle: DemandBundleTable;
  // Training and readiness (migration 010)
  trainingProgramme: TrainingProgrammeTable;
  trainingProgrammeDelivery: { programmeId: string; deliveryId: string };
  trainingContribution: TrainingContributionTable;
  readinessJudgement: ReadinessJudgementTable;
  replenishmentProject: ReplenishmentProjectTable;
  replenishmentProjectDelivery: { projectId: string; deliveryId: string; replacedValueCents: number; replacedQuantity: number | null };
  /** reason: why the state went back to an earlier stage, empty otherwise (migration 053). */
  replenishmentProjectState: { id: string; projectId: string; asOf: string; name: string; stage: string; reason: string; recordedAt: string };
  replenishmentProjectStateDelivery: { stateId: string; deliveryId: string; replacedValueCents: number; replacedQuantity: number | null };
  nonReplacementDecision: NonReplacementDecisionTable;
  // Export control (migration 009)
  exportRequirement: ExportRequirementTable;
  exportAssessment: ExportAssessmentTable;
  exportAssessmentCriterion: { assessmentId: string; criterion: number; finding: string; reasoning: string };
  exportInspectionGrant: ExportInspectionGrantTable;
  exportLicence: ExportLicenceTable;
  // Import (migration 022; reference_key, generated from external_reference, migration 033)
  /** rowSha256: for a record of another domain, the digest of its row as imported (migration 039); null for deliveries and their money. */
  importedRecord: { sheet: string; externalReference: string; referenceKey: GeneratedAlways<string>; recordId: string; importId: string; rowSha256: ColumnType<string | null, string | null | undefined, string | null> };
}

export interface EpfTrancheTable {
  id: string;
  kind: string;
  name: string;
  euAmountCents: number;
  decidedOn: string;
  dutchRole: string;
  note: string;
  isDemonstration: Generated<boolean>;
  recordedAt: Generated<string>;
}

export interface EpfClaimTable {
  id: string;
  reference: string;
  deliveryId: string | null;
  batch: Generated<string>;
  trancheId: string | null;
  period: string;
  declaredCents: number;
  declaredOn: string;
  note: Generated<string>;
  isDemonstration: Generated<boolean>;
  recordedAt: Generated<string>;
}

export interface EpfAssessmentTable {
  id: string;
  claimId: string;
  compensatedCents: number;
  assessedOn: string;
  remainderExpectedBy: number | null;
  note: Generated<string>;
  recordedAt: Generated<string>;
}

export interface EpfReceiptTable {
  id: string;
  claimId: string;
  amountCents: number;
  receivedOn: string;
  note: Generated<string>;
  recordedAt: Generated<string>;
}

export interface EpfBlockageTable {
  id: string;
  claimId: string;
  blocked: boolean;
  effectiveOn: string;
  reason: Generated<string>;
  recordedAt: Generated<string>;
}

export interface PublicLetterTable {
  id: string;
  referenceDate: string;
  letterDate: string;
  paperNumber: string | null;
  publishedOn: string | null;
  snapshot: string;
  sha256: string;
  isDemonstration: boolean;
}

/**
 * All that the public read path can reach: the public projection. Public routes get the database typed
 * as this, so a query of theirs against any other table or column does not compile.
 */
export interface PublicDatabase {
  publicDelivery: PublicDeliveryTable;
  publicDeliveryVersion: PublicDeliveryVersionTable;
  publicLetter: PublicLetterTable;
  publicCompany: PublicCompanyTable;
}

export interface DisclosureDecisionTable {
  id: string;
  deliveryId: string;
  state: string;
  publicTitle: string | null;
  publicDetail: string | null;
  publicCategory: string | null;
  publicQuantity: string | null;
  ground: string | null;
  reviewOn: string | null;
  publicFrom: ColumnType<string | null, string | null | undefined, string | null>;
  realisedDatePrecision: ColumnType<string | null, string | null | undefined, string | null>;
  publicValueCents: ColumnType<number | null, number | null | undefined, number | null>;
  publicValueBasis: ColumnType<string | null, string | null | undefined, string | null>;
  note: string;
  decidedById: string | null;
  decidedByName: string;
  decidedAt: string;
  /** Shared by the decisions taken at once for a selection of deliveries. */
  selectionId: Generated<string>;
}

export interface PublicDeliveryTable {
  publicId: string;
  title: string;
  detail: string;
  category: string;
  supportType: string;
  quantity: string | null;
  decidedOn: string;
  isDemonstration: boolean;
  /**
   * From when public surfaces show it: the publication of the first letter that lists it, or a decided date; null
   * until then, and while a final letter not yet published is the first to list it.
   */
  visibleFrom: string | null;
  /**
   * The moment its decision makes it public from: midnight in The Hague of the date it names, or the decision itself
   * where that date had come already; null when it names none. An item shown already keeps both as they were.
   */
  publicFrom: string | null;
  /** YYYY-MM-DD, or YYYY-MM where the decision coarsens it; null when not decided public. */
  realisedOn: string | null;
  /** The value decided public, in cents; null when not decided public. */
  valueCents: number | null;
  /** The basis of that value (a valuation basis); null when no value is public. */
  valueBasis: string | null;
  /** The first published letter that lists it. */
  firstLetterId: string | null;
  /** The day it became public (publicSince), kept by a trigger from the columns above and its first letter (migration 061); null while not shown. */
  publicSince: ColumnType<string | null, never, never>;
}

/** One row: bumped by every statement that changes public_delivery (migration 015). */
export interface PublicDeliveryVersionTable {
  onlyRow: Generated<boolean>;
  version: number;
  /** The moment of the latest statement that moved the version (migration 083); null until one came. */
  changedAt: ColumnType<string | null, never, never>;
}

export interface LetterTable {
  id: string;
  referenceDate: string;
  letterDate: string | null;
  previousLetterId: string | null;
  status: string;
  blocks: ColumnType<unknown, string, string>;
  publicSnapshot: string | null;
  publicSha256: string | null;
  annexSnapshot: string | null;
  annexSha256: string | null;
  /** A final letter's table to the cent as JSON, as its annex froze it (migration 048). */
  figureLines: string | null;
  paperNumber: string | null;
  publishedOn: string | null;
  createdByName: string;
  finalisedByName: string | null;
  finalisedAt: string | null;
  approvedSha256: string | null;
  approvedByName: string | null;
  approvedAt: string | null;
  submittedAt: ColumnType<string | null, string | null | undefined, string | null>;
  submittedByName: ColumnType<string | null, string | null | undefined, string | null>;
  sentAt: ColumnType<string | null, string | null | undefined, string | null>;
  sentByName: ColumnType<string | null, string | null | undefined, string | null>;
  publishAt: ColumnType<string | null, string | null | undefined, string | null>;
  publishedAt: ColumnType<string | null, string | null | undefined, string | null>;
  /** A final letter never sent, withdrawn: when, by whom and why (migration 062). */
  withdrawnAt: ColumnType<string | null, string | null | undefined, string | null>;
  withdrawnByName: ColumnType<string | null, string | null | undefined, string | null>;
  withdrawalReason: ColumnType<string | null, string | null | undefined, string | null>;
  isDemonstration: Generated<boolean>;
  version: Generated<number>;
  createdAt: string;
  wordmark: Generated<string>;
  signatoryName: Generated<string>;
  signatoryTitle: Generated<string>;
}

export interface AccountTable {
  id: string;
  username: string;
  displayName: string;
  role: string;
  passwordHash: string | null;
  /** The password was set by an administrator: its holder chooses their own before anything else. */
  passwordChangeRequired: Generated<boolean>;
  totpSecret: string | null;
  totpLastStep: number | null;
  oidcSubject: string | null;
  /** Where notifications go; null for none. */
  email: string | null;
  disabledAt: string | null;
  createdAt: Generated<string>;
}

export interface SessionTable {
  tokenHash: string;
  accountId: string;
  secondFactor: boolean;
  createdAt: string;
  lastSeenAt: string;
  endedAt: string | null;
}

export interface IdempotentRequestTable {
  accountId: string;
  key: string;
  fingerprint: string;
  status: number;
  headers: ColumnType<Record<string, string>, string, string>;
  body: string;
  createdAt: Generated<string>;
}

export interface AuditEventTable {
  seq: number;
  prevHash: string;
  hash: string;
  canonical: string;
  occurredAt: string;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  result: string;
  origin: string | null;
  requestId: string | null;
}

/** An event as written by its transaction; a trigger links it into audit_event at COMMIT (migration 027). */
export interface AuditEventPendingTable extends Omit<AuditEventTable, 'seq' | 'prevHash' | 'hash' | 'canonical'> {
  id: Generated<number>;
  /** Its canonical text before the previous hash, and between that hash and the sequence number. */
  beforePrevHash: string;
  beforeSeq: string;
}

export interface DeliveryTable {
  id: string;
  title: string;
  description: string;
  publicTitle: string | null;
  category: string;
  quantity: number | null;
  unit: string | null;
  supportType: string;
  fundingSource: string;
  pledgedAt: string | null;
  committedAt: string | null;
  realisedAt: string | null;
  deliveredAt: string | null;
  company: string | null;
  contractReference: string | null;
  sources: ColumnType<Source[], string, string>;
  isDemonstration: boolean;
  version: Generated<number>;
  createdAt: Generated<string>;
  updatedAt: Generated<string>;
  deletedAt: string | null;
  currentValueCents: Generated<number>;
  disclosureState: Generated<string>;
  publicId: string | null;
  /** Title, description, public title, company and contract reference, joined and lowered (migration 045): what the list's text search reads. */
  searchText: GeneratedAlways<string>;
}

export interface ValuationTable {
  id: string;
  deliveryId: string;
  amountCents: number;
  currency: string;
  originalAmountMinor: number | null;
  exchangeRate: string | null;
  basis: string;
  effectiveDate: string;
  recordedAt: Generated<string>;
  note: string;
}

export interface PaymentTable {
  id: string;
  deliveryId: string;
  amountCents: number;
  paidOn: string;
  reference: string | null;
  recordedAt: Generated<string>;
  note: string;
}

export interface BudgetDecisionTable {
  id: string;
  moment: string;
  decidedOn: string;
  fund: string;
  firstYear: number;
  lastYear: number;
  description: string;
  isDemonstration: boolean;
  recordedAt: Generated<string>;
}

export interface BudgetShiftTable {
  id: string;
  moment: string;
  decidedOn: string;
  fund: string;
  fromYear: number;
  toYear: number;
  amountCents: number;
  description: string;
  isDemonstration: boolean;
  recordedAt: Generated<string>;
}

export interface BudgetCommitmentTable {
  id: string;
  title: string;
  fund: string;
  budgetYear: number;
  deliveryId: string | null;
  contractReference: string | null;
  isDemonstration: boolean;
  createdAt: Generated<string>;
}

export interface BudgetCommitmentStageTable {
  id: string;
  commitmentId: string;
  stage: string;
  amountCents: number;
  effectiveOn: string;
  note: string;
  recordedAt: Generated<string>;
}

export interface CompanyTable {
  id: string;
  name: string;
  country: string;
  registrationNumber: string | null;
  disclosureState: Generated<string>;
  publicId: string | null;
  isDemonstration: boolean;
  createdAt: string;
  version: Generated<number>;
  /** The moment of its latest correction since its latest disclosure decision, which waits for a new one (migration 077); null when there is none. */
  correctedSinceDecisionAt: string | null;
}

export interface CompanyDisclosureDecisionTable {
  id: string;
  companyId: string;
  state: string;
  publicName: string | null;
  ground: string | null;
  reviewOn: string | null;
  note: string;
  decidedById: string | null;
  decidedByName: string;
  decidedAt: string;
}

export interface PublicCompanyTable {
  publicId: string;
  name: string;
  country: string;
  decidedOn: string;
  isDemonstration: boolean;
}

export interface IndustryContractTable {
  id: string;
  companyId: string;
  reference: string;
  subject: string;
  amountCents: number;
  signedOn: string;
  isDemonstration: boolean;
  createdAt: string;
  version: Generated<number>;
}

export interface MilestoneProgressTable {
  id: string;
  milestoneId: string;
  percent: number;
  reportedOn: string;
  reason: string;
  recordedByName: string;
  recordedAt: string;
}

export interface PriceDevelopmentTable {
  id: string;
  item: string;
  contractId: string | null;
  earlierPriceCents: number;
  earlierOn: string;
  paidPriceCents: number;
  paidOn: string;
  note: string;
  isDemonstration: boolean;
  createdAt: string;
}

export interface LessonLearnedTable {
  id: string;
  notedOn: string;
  category: string;
  text: string;
  isDemonstration: boolean;
  createdAt: string;
}

export interface DemandBundleTable {
  id: string;
  need: string;
  category: string;
  dutchQuantity: number;
  ukrainianQuantity: number;
  identifiedOn: string;
  note: string;
  isDemonstration: boolean;
  createdAt: string;
  version: Generated<number>;
}

export interface TrainingProgrammeTable {
  id: string;
  key: string;
  name: string;
  hostCountry: string;
  framework: string;
  systemTrainedOn: string | null;
  description: string;
  isDemonstration: boolean;
  version: Generated<number>;
  createdAt: Generated<string>;
  updatedAt: Generated<string>;
}

export interface TrainingContributionTable {
  id: string;
  programmeId: string;
  periodFrom: string;
  periodTo: string | null;
  countsUpTo: string;
  trainers: number | null;
  trainersIsMaximum: boolean;
  rotations: number | null;
  soldiersPerRotation: number | null;
  trainees: number | null;
  traineesIsApproximate: boolean;
  courses: number | null;
  costEstimateCents: number | null;
  fundingSource: string | null;
  note: string;
  recordedByName: string;
  recordedAt: string;
}

export interface ReadinessJudgementTable {
  id: string;
  deliveryId: string;
  effect: string;
  reasoning: string;
  judgedOn: string;
  judgedByName: string;
  recordedAt: string;
}

export interface ReplenishmentProjectTable {
  id: string;
  name: string;
  stage: string;
  budgetCents: number | null;
  expectedOn: string | null;
  note: string;
  isDemonstration: boolean;
  version: Generated<number>;
  createdAt: Generated<string>;
  updatedAt: Generated<string>;
}

export interface NonReplacementDecisionTable {
  id: string;
  deliveryId: string;
  decidedOn: string;
  reason: string;
  valuationId: string | null;
  decidedByName: string;
  recordedAt: string;
}

export interface ExportRequirementTable {
  id: string;
  deliveryId: string;
  required: boolean;
  reason: string;
  /** The day from which the override holds (migration 067). */
  effectiveOn: string;
  decidedById: string | null;
  decidedByName: string;
  decidedAt: string;
}

export interface ExportAssessmentTable {
  id: string;
  deliveryId: string;
  outcome: string;
  conditions: string;
  expedited: boolean;
  endUser: string;
  endUseStatement: string;
  assessedOn: string;
  assessedById: string | null;
  assessedByName: string;
  recordedAt: string;
  isDemonstration: boolean;
}

export interface ExportInspectionGrantTable {
  id: string;
  assessmentId: string;
  note: string;
  grantedById: string | null;
  grantedByName: string;
  grantedAt: string;
}

export interface ExportLicenceTable {
  id: string;
  deliveryId: string;
  assessmentId: string;
  number: string;
  issuedOn: string;
  validUntil: string;
  conditions: string;
  militaryListCategory: string;
  unRegisterCategory: string | null;
  quantityAuthorised: number | null;
  valueAuthorisedCents: number;
  importingState: string;
  withheldGround: string | null;
  issuedById: string | null;
  issuedByName: string;
  recordedAt: string;
  isDemonstration: boolean;
}

/** Each record of a letter's publication details, the first and every correction; the letter carries the latest. */
export interface LetterPublicationTable {
  id: string;
  letterId: string;
  paperNumber: string;
  publishedOn: string;
  reason: string;
  recordedByName: string;
  recordedAt: string;
}

/** The review of a draft: submitted, approved, rejected (with a comment), withdrawn. */
export interface LetterReviewTable {
  id: string;
  letterId: string;
  action: string;
  comment: string;
  byName: string;
  at: string;
}

export interface AnnexRenderingTable {
  letterId: string;
  pdfBase64: string;
  pdfSlot: number;
  pdfSha256: string;
  html: string;
  htmlSha256: string;
  rowCount: number;
  newRows: number;
  changedRows: number;
  renderedAt: string;
}
