/**
 * Who may do what: the one permission matrix. The server asks `isAllowed` on every route; the browser
 * only uses it to hide what would be refused anyway.
 */
import { ROLES, type Role } from '../../common/vocabulary/codes.ts';

export { ROLES, type Role };

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
  'report.read',
  'report.write',
  'annex.read',
] as const;
export type Action = (typeof ACTIONS)[number];

const STAFF_READERS: readonly Role[] = [
  'registrar',
  'finance',
  'disclosureOfficer',
  'exportControlAssessor',
  'licensingOfficer',
  'letterAuthor',
  'auditor',
];

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
  'report.read': ['letterAuthor', 'disclosureOfficer', 'auditor'],
  'report.write': ['letterAuthor'],
  'annex.read': ['parliamentReader', 'letterAuthor', 'disclosureOfficer', 'auditor'],
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
]);

export function isAllowed(role: Role, action: Action): boolean {
  return PERMISSIONS[action].includes(role);
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
