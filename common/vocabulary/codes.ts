/**
 * The codes the register stores for its fixed choices. They live here, outside the server, because the
 * browser needs them too; the domain modules take them from here. Their labels are in nl.ts and en.ts.
 */

/** In the order of the letter's table of realised support. */
export const SUPPORT_TYPES = ['stock', 'procurement', 'natoFund'] as const;
export type SupportType = (typeof SUPPORT_TYPES)[number];

/** UN Register of Conventional Arms categories I-VII, then the groupings the letters use. */
export const CATEGORIES = [
  'battleTanks',
  'armouredCombatVehicles',
  'largeCalibreArtillery',
  'combatAircraft',
  'attackHelicopters',
  'warships',
  'missilesAndLaunchers',
  'smallArms',
  'ammunition',
  'drones',
  'airDefence',
  'vehicles',
  'nonLethal',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

/**
 * The budget a delivery is paid from. `epf` marks work the Netherlands does on the EU's behalf as
 * implementing actor of the European Peace Facility: it is registered but never counts in Dutch totals.
 */
export const FUNDING_SOURCES = ['defenceBudget', 'ukraineSupportBudget', 'internationalSecurityBudget', 'epf'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

/** The budgets a budget decision can make money available on: every funding source but the EU's. */
export const BUDGET_FUNDS = ['defenceBudget', 'ukraineSupportBudget', 'internationalSecurityBudget'] as const satisfies readonly FundingSource[];
export type BudgetFund = (typeof BUDGET_FUNDS)[number];

/** The first budget year of military support to Ukraine; budget years before it are not this register's. */
export const FIRST_BUDGET_YEAR = 2022;
/** The last budget year a decision may plan for: a long-term commitment, not a typing error. */
export const LAST_BUDGET_YEAR = 2040;

/**
 * The stages a commitment against the budget passes before it is realised: pledged (a plan or project
 * identified, a contribution announced), then legally committed. Realisation is the deliveries' own.
 */
export const COMMITMENT_STAGES = ['pledged', 'committed'] as const satisfies readonly LifecycleStage[];
export type CommitmentStage = (typeof COMMITMENT_STAGES)[number];

export const VALUATION_BASES = ['replacementValue', 'bookValue', 'contractPrice', 'contribution'] as const;
export type ValuationBasis = (typeof VALUATION_BASES)[number];
/**
 * The bases a delivery is valued at by its support type: stock at its replacement or book value, the rest at what
 * is paid for it; the first is the one it is usually valued at.
 */
export const FITTING_VALUATION_BASES: Readonly<Record<SupportType, readonly [ValuationBasis, ...ValuationBasis[]]>> = {
  stock: ['replacementValue', 'bookValue'],
  procurement: ['contractPrice'],
  natoFund: ['contribution'],
};

export const LIFECYCLE_STAGES = ['pledged', 'committed', 'realised', 'delivered'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

/**
 * Whether a delivery may be made public. Undecided is treated as confidential everywhere the public can
 * look; only a decision "public" by a disclosure officer lets anything of it out, and then only the
 * presentation that decision approved.
 */
export const DISCLOSURE_STATES = ['undecided', 'public', 'confidential'] as const;
export type DisclosureState = (typeof DISCLOSURE_STATES)[number];

/**
 * Why a delivery stays confidential: operational security leads; state security, relations with partner
 * states and international organisations, and the interests of the companies involved (the grounds of
 * the Woo, art. 5.1).
 */
export const CONFIDENTIALITY_GROUNDS = ['operationalSecurity', 'stateSecurity', 'internationalRelations', 'companyInterests'] as const;
export type ConfidentialityGround = (typeof CONFIDENTIALITY_GROUNDS)[number];

/**
 * Why a public item withholds its value until its deliveries are decided again: a delivery decided public with
 * them left it, or the value made public counted a payment or valuation since withdrawn as of the decision's day.
 */
export const DECIDE_AGAIN_REASONS = ['deliveryLeft', 'valueWithdrawn'] as const;
export type DecideAgainReason = (typeof DECIDE_AGAIN_REASONS)[number];

export const ROLES = [
  'registrar',
  'finance',
  'disclosureOfficer',
  'exportControlAssessor',
  'licensingOfficer',
  'letterAuthor',
  'parliamentReader',
  'auditor',
  'administrator',
] as const;
export type Role = (typeof ROLES)[number];

/** What a role may be allowed to do: the actions of the permission matrix (src/domain/access.ts). */
export const ACTIONS = [
  'delivery.read',
  'delivery.create',
  'delivery.update',
  'delivery.delete',
  'valuation.create',
  'payment.create',
  'figures.read',
  'audit.read',
  'account.read',
  'account.manage',
  'disclosure.read',
  'disclosure.decide',
  'letter.read',
  'letter.write',
  /** Checking a final letter against the register: what it recomputes includes the annex's rows. */
  'letter.verify',
  'annex.read',
  // The European Peace Facility
  'epf.read',
  'epf.write',
  'budget.read',
  'budget.write',
  'industry.read',
  'industry.write',
  'training.read',
  'training.write',
  'readiness.read',
  'readiness.write',
  // Export control
  'export.read',
  'export.assess',
  'licence.issue',
  'export.report',
  'assessment.inspect',
  // Corrections: money entered in error is withdrawn, never deleted
  'payment.withdraw',
  'valuation.withdraw',
  // Import from spreadsheets
  'import.run',
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * What the audit trail records, as the server names it; the browser filters and labels events by these
 * same lists. Every permission is an action: its refusals, and the reads of confidential material, are
 * recorded under its name.
 */
const EVENT_ACTIONS = [
  /** A request without a valid session to a path that needs one. */
  'access',
  'session.login',
  'session.logout',
  /** A login ended the account's oldest session: it had the most live sessions an account may have. */
  'session.ended',
  'account.create',
  'account.changeRole',
  'account.changeEmail',
  'account.disable',
  /** A new TOTP secret for an account (a lost phone, or the key the secrets are sealed with lost). */
  'account.newSecondFactor',
  /** An account's holder changed their own password, with the current one (a wrong one is a failed guess). */
  'account.changePassword',
  /** An administrator set a new password for another account, which its holder changes at the next login. */
  'account.resetPassword',
  'demonstration.load',
  /**
   * The list of the confidential annexes a reader may open was read. Events written before it had a name of
   * its own keep `annex.read`, without an object, and the letters listed in their detail.
   */
  'annex.list',
  'letter.create',
  'letter.update',
  'letter.approve',
  'letter.finalise',
  'letter.publication',
  /** Letters were called reports before: events already written keep those names. */
  'report.create',
  'report.update',
  'report.approve',
  'report.finalise',
  'report.publication',
  // The review of drafts and the embargo of final letters.
  'letter.submit',
  'letter.reject',
  'letter.withdraw',
  'letter.delete',
  'letter.send',
  'letter.publish',
  'letter.publicationCorrection',
  'letter.publicationHeld',
  /** A final letter never sent was withdrawn, with the reason. */
  'letter.withdrawFinal',
  // The European Peace Facility
  'epf.tranche.create',
  'epf.claim.create',
  'epf.claim.assess',
  'epf.claim.receive',
  'epf.claim.block',
  'budgetDecision.create',
  'budgetShift.create',
  'budgetCommitment.create',
  'budgetCommitment.stage',
  'company.create',
  'company.correct',
  'company.withdraw',
  'industryContract.create',
  'industryContract.correct',
  'industryContract.withdraw',
  'milestone.progress',
  'priceDevelopment.create',
  'lessonLearned.create',
  'coproduction.create',
  'coproduction.stage',
  'coproduction.correct',
  'demandBundle.create',
  'demandBundle.correct',
  'training.createProgramme',
  'training.updateProgramme',
  'training.addContribution',
  'readiness.judge',
  'readiness.createProject',
  'readiness.updateProject',
  'readiness.decideNotToReplace',
  // Export control
  'exportRequirement.set',
  'exportInspection.grant',
  'shipment.refused',
  // Import from spreadsheets
  'import.commit',
  /** An import that committed nothing for the faults of its file (its rows, or a sheet's header row). */
  'import.refused',
  /** A migration of the schema changed a record it keeps (the actor names the migration). */
  'migration.change',
  /** An operator recorded that an older backup was restored and the events after it are lost (the record's signature is the object's id). */
  'audit.restore',
] as const;

export const AUDIT_ACTIONS = [...ACTIONS, ...EVENT_ACTIONS] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What an event is about: a record, or what a refused request or a failed login named. */
export const AUDIT_OBJECT_TYPES = [
  'delivery',
  'account',
  'letter',
  /** A letter, in events written before letters had that name. */
  'report',
  'disclosureQueue',
  'auditTrail',
  /** The list of the confidential annexes. */
  'annexes',
  'register',
  'username',
  'oidcSubject',
  'path',
  // The European Peace Facility
  'epfTranche',
  'epfClaim',
  'budgetDecision',
  'budgetShift',
  'budgetCommitment',
  'company',
  'industryContract',
  'contractMilestone',
  'priceDevelopment',
  'lessonLearned',
  'coproductionProject',
  'demandBundle',
  'trainingProgramme',
  'replenishmentProject',
  // Export control
  'exportAssessment',
  'exportQueue',
  'exportReport',
  // Import from spreadsheets
  'import',
  /** A file an import was refused for, named by its SHA-256. */
  'importFile',
] as const;
export type AuditObjectType = (typeof AUDIT_OBJECT_TYPES)[number];

export const AUDIT_RESULTS = ['success', 'denied', 'failure'] as const;
export type AuditResult = (typeof AUDIT_RESULTS)[number];

/**
 * The figures a letter's text places by name (`{{total}}`), each computed from the register at the
 * letter's reference date; `figuresTable` places the table as a paragraph of its own. A public
 * delivery's value is placed as `{{delivery:ID}}`.
 */
export const LETTER_FIGURE_NAMES = [
  'total',
  'stock',
  'procurement',
  'natoFund',
  'increase',
  'increasePercent',
  'decrease',
  'decreasePercent',
  'headline',
  'referenceDate',
  'previousReferenceDate',
  'letterDate',
  'previousLetter',
  'figuresTable',
  // The European Peace Facility (see EPF_PARAMETERISED_FIGURES for those with a parameter)
  'epfCommitted',
  'epfWindfallTotal',
  'epfWindfallTranches',
  'epfImplementingActor',
  'epfDeclared',
  'epfDeclaredUntil',
  'epfCompensated',
  'epfOutstanding',
  'epfBlocked',
  'epfRemainderExpectedBy',
  'budgetTotal',
  'industry.contracts',
  'industry.contractValue',
  'industry.companies',
  'industry.ukrainianCompanies',
  'industry.milestonesCompleted',
  'industry.coproductionProjects',
  'industry.demandBundles',
  'readiness.judgement',
  'trainingCountsUpTo',
  'trainingCountsBefore',
] as const;
export type LetterFigureName = (typeof LETTER_FIGURE_NAMES)[number];

/**
 * The European Peace Facility. A tranche is reported as the EU's amount (an assistance measure, or a tranche
 * of the windfall profits of immobilised Russian assets) with the Dutch role in it; a claim of the
 * Netherlands is open until assessed, then compensated, paid when all of it is received, or blocked.
 */
export const EPF_TRANCHE_KINDS = ['assistanceMeasure', 'windfallProfits'] as const;
export type EpfTrancheKind = (typeof EPF_TRANCHE_KINDS)[number];
export const EPF_DUTCH_ROLES = ['claimant', 'implementingActor', 'none'] as const;
export type EpfDutchRole = (typeof EPF_DUTCH_ROLES)[number];
export const EPF_CLAIM_STATUSES = ['open', 'compensated', 'paid', 'blocked'] as const;
export type EpfClaimStatus = (typeof EPF_CLAIM_STATUSES)[number];
/** Named figures with a parameter: `{{epfPaid:2024}}` (received in a year), `{{epfTranche:ID}}` (a tranche's EU amount). */
export const EPF_PARAMETERISED_FIGURES = ['epfPaid', 'epfTranche'] as const;
export type EpfParameterisedFigure = (typeof EPF_PARAMETERISED_FIGURES)[number];

/**
 * Figures named with the id of what they are about (`{{budgetDecision:ID}}`), each at the letter's
 * reference date: the amount of a budget decision, of a shift, and of a commitment (a pledge).
 */
export const LETTER_BUDGET_FIGURE_KINDS = ['budgetDecision', 'budgetShift', 'budgetCommitment'] as const;
export type LetterBudgetFigureKind = (typeof LETTER_BUDGET_FIGURE_KINDS)[number];
/** The years the text may name of such a record after its id (`{{budgetShift:ID.fromYear}}`), by kind and part. */
export const LETTER_BUDGET_YEAR_PARTS = ['budgetDecision.period', 'budgetShift.fromYear', 'budgetShift.toYear', 'budgetCommitment.year'] as const;
export type LetterBudgetYearPart = (typeof LETTER_BUDGET_YEAR_PARTS)[number];

/** Industry: where a company comes from, by its country (NL and UA; any other country is "other"). */
export const COMPANY_ORIGINS = ['dutch', 'ukrainian', 'other'] as const;
export type CompanyOrigin = (typeof COMPANY_ORIGINS)[number];

/** Where a contract's milestone stands at a date: from its latest progress report and its due date. */
export const MILESTONE_STATUSES = ['notStarted', 'inProgress', 'late', 'completed'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

export const LESSON_CATEGORIES = ['contracting', 'pricing', 'delivery', 'quality', 'cooperation'] as const;
export type LessonCategory = (typeof LESSON_CATEGORIES)[number];

/** The stages of co-production: a declared intention, a memorandum of understanding, a signed agreement, production. */
export const COPRODUCTION_STAGES = ['intention', 'memorandum', 'signed', 'producing'] as const;
export type CoproductionStage = (typeof COPRODUCTION_STAGES)[number];

/** Training of Ukrainian soldiers (src/domain/training.ts): how a programme is organised. */
export const TRAINING_FRAMEWORKS = ['euMission', 'bilateral', 'coalition'] as const;
export type TrainingFramework = (typeof TRAINING_FRAMEWORKS)[number];

/**
 * What a training contribution counts; each is a figure a letter's text places per programme,
 * `{{training:stc.trainers}}`, and written out in words with `:inWords` (`{{training:rou.trainers:inWords}}`).
 */
export const TRAINING_MEASURES = ['trainers', 'trainees', 'courses', 'rotations', 'soldiersPerRotation', 'costEstimate'] as const;
export type TrainingMeasure = (typeof TRAINING_MEASURES)[number];

/** The effect of a stock delivery on readiness and the NATO capability targets, from none to unacceptable. */
export const READINESS_EFFECTS = ['none', 'acceptable', 'significantButAcceptable', 'unacceptable'] as const;
export type ReadinessEffect = (typeof READINESS_EFFECTS)[number];

/** What the readiness list filters on: the effect of a delivery's latest judgement, or that it has none. */
export const EFFECT_FILTERS = [...READINESS_EFFECTS, 'unjudged'] as const;
export type EffectFilter = (typeof EFFECT_FILTERS)[number];

export const REPLENISHMENT_STAGES = ['identified', 'approved', 'contracted', 'delivered'] as const;
export type ReplenishmentStage = (typeof REPLENISHMENT_STAGES)[number];
// Export control: Council Common Position 2008/944/CFSP (as amended by 2019/1560), the EU Common
// Military List, the UN Register of Conventional Arms and the Arms Trade Treaty.

/** The eight criteria of Common Position 2008/944/CFSP, article 2, by their number. */
export const EXPORT_CRITERIA = [1, 2, 3, 4, 5, 6, 7, 8] as const;
export type ExportCriterion = (typeof EXPORT_CRITERIA)[number];

/** What an assessment finds on one criterion. */
export const CRITERION_FINDINGS = ['noObjection', 'riskMitigated', 'objection'] as const;
export type CriterionFinding = (typeof CRITERION_FINDINGS)[number];

export const ASSESSMENT_OUTCOMES = ['positive', 'positiveWithConditions', 'negative'] as const;
export type AssessmentOutcome = (typeof ASSESSMENT_OUTCOMES)[number];

/** The categories ML1-ML22 of the Common Military List of the European Union. */
export const MILITARY_LIST_CATEGORIES = [
  'ML1', 'ML2', 'ML3', 'ML4', 'ML5', 'ML6', 'ML7', 'ML8', 'ML9', 'ML10', 'ML11',
  'ML12', 'ML13', 'ML14', 'ML15', 'ML16', 'ML17', 'ML18', 'ML19', 'ML20', 'ML21', 'ML22',
] as const;
export type MilitaryListCategory = (typeof MILITARY_LIST_CATEGORIES)[number];

/** The UN Register's categories I-VII, and small arms and light weapons (the Arms Trade Treaty's VIII). */
export const UN_REGISTER_CATEGORIES = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'salw'] as const;
export type UnRegisterCategory = (typeof UN_REGISTER_CATEGORIES)[number];

/** Why a licence is left out of the Arms Trade Treaty report (article 13.3). */
export const WITHHELD_GROUNDS = ['commercial', 'nationalSecurity'] as const;
export type WithheldGround = (typeof WITHHELD_GROUNDS)[number];

/** Where a delivery stands at the shipment gate. */
export const GATE_STATES = ['notRequired', 'licensed', 'awaitingAssessment', 'assessmentNegative', 'awaitingLicence'] as const;
export type GateState = (typeof GATE_STATES)[number];

/** The arms-transfer reports the register produces for a year. */
export const EXPORT_REPORTS = ['att', 'unroca', 'coarm'] as const;

/** How precisely open data gives a public delivery's realised date: the day, or only its month. */
export const REALISED_DATE_PRECISIONS = ['day', 'month'] as const;
export type RealisedDatePrecision = (typeof REALISED_DATE_PRECISIONS)[number];

// Spreadsheet exports of the lists: the lists that export and the headings of their columns.

const EXPORT_LISTS = [
  'deliveries', 'auditTrail', 'disclosureQueue', 'letters', 'epfClaims',
  'accounts',
  'exportQueues',
  'budgetCommitments',
  'trainingProgrammes',
  'readinessDeliveries', 'replenishmentProjects', 'nonReplacements',
  'industryByCountry', 'industryContracts', 'priceDevelopments', 'lessonsLearned', 'coproductionProjects', 'demandBundles',
  'annexes',
  'budgetDecisions', 'budgetShifts',
  'epfTranches',
  'dueReviews',
  'toDecideAgain',
  'importFaults',
] as const;
export type ExportList = (typeof EXPORT_LISTS)[number];

const EXPORT_HEADINGS = [
  'id', 'title', 'publicTitle', 'category', 'quantity', 'unit', 'supportType', 'fundingSource',
  'pledgedAt', 'committedAt', 'realisedAt', 'deliveredAt', 'stage', 'valueEuro', 'disclosureState', 'demonstration',
  'sequence', 'occurredAt', 'actor', 'actorRole', 'action', 'result', 'objectType', 'objectId', 'origin', 'requestId',
  'before', 'after', 'detail', 'previousHash', 'hash', 'canonicalJson',
  'referenceDate', 'letterDate', 'letterStatus', 'paperNumber', 'publishedOn', 'createdBy', 'createdAt',
  'finalisedBy', 'finalisedAt', 'approvedBy', 'approvedAt', 'publicSha256', 'annexSha256', 'withdrawnBy', 'withdrawnAt', 'withdrawalReason',
  'reference', 'period', 'batch', 'declaredOn', 'declaredEuro', 'claimStatus', 'compensatedEuro', 'paidEuro', 'outstandingEuro',
  'blockedReason', 'remainderExpectedBy',
  'username', 'displayName', 'role', 'hasPassword', 'passwordChangeRequired', 'hasSecondFactor', 'oidcSubject', 'email', 'disabledAt',
  'exportQueue', 'deliveryId', 'assessmentId', 'assessmentOutcome', 'assessedOn',
  'budgetYear', 'amountEuro', 'exceedsBudget', 'stageHistory', 'contractReference',
  'programme', 'programmeKey', 'hostCountry', 'trainingFramework', 'systemTrainedOn', 'trainers', 'trainersIsMaximum', 'trainersCountsUpTo', 'trainees', 'traineesIsApproximate', 'traineesCountsUpTo', 'courses', 'coursesCountsUpTo',
  'rotations', 'rotationsCountsUpTo', 'soldiersPerRotation', 'soldiersPerRotationCountsUpTo', 'costEstimateEuro', 'costEstimateCountsUpTo',
  'delivery', 'readinessEffect', 'judgedOn', 'judgedBy', 'judgements', 'replacedEuro', 'replacedQuantity', 'nonReplacements',
  'project', 'stageAsOf', 'replacesEuro', 'budgetEuro', 'expectedOn', 'note', 'decidedOn', 'reason', 'revalued', 'decidedBy',
  'country', 'contracts', 'milestonesNotStarted', 'milestonesInProgress', 'milestonesLate', 'milestonesCompleted',
  'company', 'signedOn', 'subject', 'contractDeliveries', 'milestone', 'dueOn', 'progressPercent', 'milestoneStatus',
  'item', 'earlierPriceEuro', 'earlierOn', 'paidPriceEuro', 'paidOn', 'changePerMille', 'notedOn', 'lesson', 'partner', 'reachedOn',
  'need', 'dutchQuantity', 'ukrainianQuantity', 'identifiedOn',
  'sentAt', 'previousReferenceDate', 'annexRows', 'newRows', 'changedRows',
  'budgetMoment', 'firstYear', 'lastYear', 'yearAmounts', 'fromYear', 'toYear', 'description', 'recordedAt',
  'trancheName', 'trancheKind', 'euAmountEuro', 'dutchRole',
  'confidentialityGround', 'reviewOn', 'disclosureDecidedAt',
  'sheet', 'row', 'externalReference', 'columnLetter', 'columnHeading', 'fault',
] as const;
export type ExportHeading = (typeof EXPORT_HEADINGS)[number];
