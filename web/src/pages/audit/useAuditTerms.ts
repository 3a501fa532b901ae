import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../api/audit.ts';
import { nl } from '../../i18n/nl/index.ts';

/** The actions the register records, as the audit trail names them. */
export const AUDIT_ACTIONS = [
  'session.login',
  'session.logout',
  'delivery.create',
  'delivery.update',
  'delivery.delete',
  'valuation.create',
  'payment.create',
  'account.create',
  'account.changeRole',
  'account.disable',
  'account.read',
  'audit.read',
  'delivery.read',
  'figures.read',
  'account.manage',
  'demonstration.load',
  'disclosure.read',
  'disclosure.decide',
  'report.create',
  'report.update',
  'report.approve',
  'report.finalise',
  'report.publication',
  'annex.read',
  'access',
] as const;
type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const OBJECT_TYPES = ['delivery', 'account', 'username', 'path', 'auditTrail', 'register', 'report', 'disclosureQueue'] as const;
type ObjectType = (typeof OBJECT_TYPES)[number];

function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return values.some((candidate) => candidate === value);
}

function hasKey<T extends object>(object: T, key: unknown): key is Extract<keyof T, string> {
  return typeof key === 'string' && Object.hasOwn(object, key);
}

/** The audit trail's codes in words; a code the application does not know is shown as it is. */
export function useAuditTerms() {
  const { t } = useTranslation();
  return {
    action: (action: string) => (isOneOf<AuditAction>(AUDIT_ACTIONS, action) ? t(`audit.actions.${action}`) : action),
    objectType: (type: string) => (isOneOf<ObjectType>(OBJECT_TYPES, type) ? t(`audit.objectTypes.${type}`) : type),
    result: (result: AuditEvent['result']) => t(`audit.results.${result}`),
    role: (role: string | null) => (role === null ? t('common.none') : hasKey(nl.roles, role) ? t(`roles.${role}`) : role),
    detailField: (field: string) => (hasKey(nl.audit.detail.fields, field) ? t(`audit.detail.fields.${field}`) : field),
    reason: (reason: string) => (hasKey(nl.audit.reasons, reason) ? t(`audit.reasons.${reason}`) : reason),
  };
}
