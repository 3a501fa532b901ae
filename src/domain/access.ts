import { ACTIONS, ROLES, type Action, type Role } from '../../common/vocabulary/codes.ts';
import type { LetterStatus } from './letter.ts';

/**
 * Who may do what: the one permission matrix, and beside it the rules that look at the record itself.
 * The server asks `isAllowed` (the role matrix) on every route before it reads any input, and `may`
 * where a use case knows the record; the browser only uses them to hide what would be refused anyway.
 */
export { ACTIONS, ROLES, type Action, type Role };


/** Every role of the ministry's own staff: all but the parliament's readers and the administrator. */
const STAFF_READERS: readonly Role[] = ROLES.filter((role) => role !== 'parliamentReader' && role !== 'administrator');

const PERMISSIONS: Record<Action, readonly Role[]> = {
  'delivery.read': STAFF_READERS,
  'delivery.create': ['registrar'],
  'delivery.update': ['registrar'],
  'delivery.delete': ['registrar'],
  'valuation.create': ['registrar'],
  'payment.create': ['finance'],
  'figures.read': ['registrar', 'finance', 'disclosureOfficer', 'letterAuthor', 'auditor'],
  'audit.read': ['auditor'],
  'account.read': ['administrator'],
  'account.manage': ['administrator'],
  'disclosure.read': ['disclosureOfficer', 'letterAuthor', 'auditor'],
  'disclosure.decide': ['disclosureOfficer'],
  'letter.read': ['letterAuthor', 'disclosureOfficer', 'auditor'],
  'letter.write': ['letterAuthor'],
  // A letter's verification recomputes its annex's rows from the register now: those who read the letter, with the second factor.
  'letter.verify': ['letterAuthor', 'disclosureOfficer', 'auditor'],
  'annex.read': ['parliamentReader', 'letterAuthor', 'disclosureOfficer', 'auditor'],
  // EPF claims are finance's to record; they are read by whoever reads the figures they feed.
  'epf.read': ['registrar', 'finance', 'disclosureOfficer', 'letterAuthor', 'auditor'],
  'epf.write': ['finance'],
  // The budget and its commitments are read by those who read the figures: they are the figures' other half.
  'budget.read': ['registrar', 'finance', 'disclosureOfficer', 'letterAuthor', 'auditor'],
  'budget.write': ['finance'],
  // Industry: the registrar, who registers the procurement deliveries, records the companies and contracts
  // they are bought under; those who read the figures read them too.
  'industry.read': ['registrar', 'finance', 'disclosureOfficer', 'letterAuthor', 'auditor'],
  'industry.write': ['registrar'],
  // Training and readiness are about deliveries: whoever reads deliveries reads them; the registrar, who
  // keeps the register and values what was delivered, records them (a decision not to replace can revalue).
  'training.read': STAFF_READERS,
  'training.write': ['registrar'],
  'readiness.read': STAFF_READERS,
  'readiness.write': ['registrar'],
  // Export control: separation of duties, the assessor does not issue licences, the licensing officer does not assess.
  'export.read': ['exportControlAssessor', 'licensingOfficer', 'auditor'],
  'export.assess': ['exportControlAssessor'],
  'licence.issue': ['licensingOfficer'],
  'export.report': ['exportControlAssessor', 'auditor'],
  'assessment.inspect': ['parliamentReader', 'exportControlAssessor', 'licensingOfficer', 'auditor'],
  // Who records money withdraws it when it was entered in error: finance its payments, the registrar its valuations.
  'payment.withdraw': ['finance'],
  'valuation.withdraw': ['registrar'],
  // Bringing a spreadsheet in: the registrar's deliveries, valuations and the records beside them, finance's
  // payments, the licensing officer's licences (whose sessions always have the second factor, see
  // SECOND_FACTOR_ROLES); each row needs the permission its record needs (src/register/import-permissions.ts).
  'import.run': ['registrar', 'finance', 'licensingOfficer'],
};

/**
 * Actions on confidential material: they need a session opened with the second factor, and every
 * use is an audit event (reads included). The audit trail holds the before and after of every change;
 * disclosure decisions hold why something stays confidential; the annex is the full overview.
 */
const CONFIDENTIAL_ACTIONS: ReadonlySet<Action> = new Set([
  'audit.read',
  'account.read',
  'account.manage',
  'disclosure.read',
  'disclosure.decide',
  'annex.read',
  'letter.verify',
  // Assessments are confidential by nature (relations with other states and international organisations).
  'export.read',
  'export.assess',
  'licence.issue',
  'export.report',
  'assessment.inspect',
]);

export function isAllowed(role: Role, action: Action): boolean {
  return PERMISSIONS[action].includes(role);
}

/**
 * A record that a rule below looks at: the letter whose annex is asked for (sent: it went to parliament),
 * or an assessment to inspect.
 */
export type Resource = { type: 'letter'; status: LetterStatus; sent: boolean } | { type: 'exportAssessment'; inspectionGranted: boolean };

/**
 * Rules on the record itself, each on top of the role matrix. The annex of a letter not yet sent, draft or
 * final, is only for those who may read the letter itself: parliament sees the annex of a letter as it was
 * sent to it, and no other.
 */
const RECORD_RULES: { readonly [A in Action]?: (role: Role, resource: Resource) => boolean } = {
  'annex.read': (role, letter) => letter.type === 'letter' && ((letter.status === 'final' && letter.sent) || isAllowed(role, 'letter.read')),
  /** Parliament opens an assessment only after the assessor granted inspection of it; export staff always. */
  'assessment.inspect': (role, assessment) => assessment.type === 'exportAssessment' && (assessment.inspectionGranted || isAllowed(role, 'export.read')),
};

/** Whether the principal may take the action, on this record when one is given: the role matrix plus the record's rules. */
export function may(principal: { role: Role }, action: Action, resource?: Resource): boolean {
  if (!isAllowed(principal.role, action)) return false;
  const rule = RECORD_RULES[action];
  return resource === undefined || rule === undefined || rule(principal.role, resource);
}

export function isConfidential(action: Action): boolean {
  return CONFIDENTIAL_ACTIONS.has(action);
}

export function permissionsOf(role: Role): Action[] {
  return ACTIONS.filter((action) => isAllowed(role, action));
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** A role as the database holds it: anything but a known role is an error here, not a wrong value further on. */
export function roleOf(stored: string): Role {
  if (!isRole(stored)) throw new Error(`the database holds an unknown role: "${stored}"`);
  return stored;
}
