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

export const VALUATION_BASES = ['replacementValue', 'bookValue', 'contractPrice', 'contribution'] as const;
export type ValuationBasis = (typeof VALUATION_BASES)[number];

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
  'annex.read',
  // The European Peace Facility
  'epf.read',
  'epf.write',
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
  'account.disable',
  'demonstration.load',
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
  // The European Peace Facility
  'epf.tranche.create',
  'epf.claim.create',
  'epf.claim.assess',
  'epf.claim.receive',
  'epf.claim.block',
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
  'register',
  'username',
  'oidcSubject',
  'path',
  // The European Peace Facility
  'epfTranche',
  'epfClaim',
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
  'headline',
  'referenceDate',
  'previousReferenceDate',
  'letterDate',
  'previousLetter',
  'figuresTable',
  // The European Peace Facility (see EPF_PARAMETERISED_FIGURES for those with a parameter)
  'epfCommitted',
  'epfWindfallTotal',
  'epfImplementingActor',
  'epfDeclared',
  'epfDeclaredUntil',
  'epfCompensated',
  'epfOutstanding',
  'epfBlocked',
  'epfRemainderExpectedBy',
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
