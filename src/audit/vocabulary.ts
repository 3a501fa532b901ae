import { ACTIONS } from '../domain/access.ts';

/**
 * What the audit trail records, as the server names it; the API's description carries these lists, so
 * the browser shows them from the same source. Every permission is an action: its refusals, and the
 * reads of confidential material, are recorded under its name.
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
  'report.create',
  'report.update',
  'report.approve',
  'report.finalise',
  'report.publication',
] as const;

export const AUDIT_ACTIONS = [...ACTIONS, ...EVENT_ACTIONS] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What an event is about: a record, or what a refused request or a failed login named. */
export const AUDIT_OBJECT_TYPES = [
  'delivery',
  'account',
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
