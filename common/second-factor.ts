import type { Role } from './vocabulary/codes.ts';

/**
 * Roles whose accounts always have a second factor: administrators, and the roles whose work is
 * confidential material (the audit trail, disclosure decisions, the letter's confidential annex,
 * export assessments).
 */
export const SECOND_FACTOR_ROLES: ReadonlySet<Role> = new Set([
  'administrator',
  'auditor',
  'disclosureOfficer',
  'letterAuthor',
  'parliamentReader',
  // Export control: assessments are confidential by nature.
  'exportControlAssessor',
  'licensingOfficer',
]);
