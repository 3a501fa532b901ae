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
] as const;
export type LetterFigureName = (typeof LETTER_FIGURE_NAMES)[number];
