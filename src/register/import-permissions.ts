/**
 * Which rows of an import the importer may create: each sheet's records need the permission that
 * entering them one at a time needs, so that a spreadsheet gives no role more than its screens do (the
 * registrar brings in deliveries and valuations, finance their payments, commitments and EPF claims, the
 * licensing officer the export licences issued).
 */
import type { AuditContext } from '../audit/event.ts';
import { isAllowed, isRole, ROLES, type Action, type Role } from '../domain/access.ts';
import type { ImportSheet } from '../import/sheets.ts';

const PERMISSION_TO_CREATE: Record<ImportSheet, Action> = {
  delivery: 'delivery.create',
  valuation: 'valuation.create',
  payment: 'payment.create',
  trainingProgramme: 'training.write',
  trainingContribution: 'training.write',
  readinessJudgement: 'readiness.write',
  company: 'industry.write',
  industryContract: 'industry.write',
  budgetCommitment: 'budget.write',
  epfClaim: 'epf.write',
  exportLicence: 'licence.issue',
};

/** Whether the actor may create the records of a sheet: any sheet for the system itself (a command run on the server). */
export function mayCreate(actor: AuditContext['actor'], sheet: ImportSheet): boolean {
  if (actor !== null && actor.id === null && actor.role === null) return true;
  return actor?.role != null && isRole(actor.role) && isAllowed(actor.role, PERMISSION_TO_CREATE[sheet]);
}

/** The roles that may create a sheet's records. */
export function rolesCreating(sheet: ImportSheet): Role[] {
  return ROLES.filter((role) => isAllowed(role, PERMISSION_TO_CREATE[sheet]));
}
