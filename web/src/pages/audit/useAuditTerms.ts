import { useTranslation } from 'react-i18next';
import { labelOf, vocabulary } from '../../../../common/vocabulary/index.ts';
import type { AuditEvent } from '../../api/audit.ts';
import { currentLanguage, shownWords } from '../../i18n/index.ts';

function hasKey<T extends object>(object: T, key: unknown): key is Extract<keyof T, string> {
  return typeof key === 'string' && Object.hasOwn(object, key);
}

/** The audit trail's codes in words; a code the application does not know is shown as it is. */
export function useAuditTerms() {
  const { t } = useTranslation();
  const words = vocabulary(currentLanguage());
  const shown = shownWords();
  return {
    action: (action: string) => labelOf(words.auditActions, action),
    objectType: (type: string) => labelOf(words.auditObjectTypes, type),
    result: (result: AuditEvent['result']) => words.auditResults[result],
    role: (role: string | null) => (role === null ? t('common.none') : labelOf(words.roles, role)),
    /** A field of an event's record or detail by the trail's own label, if it has one (else the forms' serves, see useFieldText). */
    field: (field: string) => (hasKey(shown.audit.fields, field) ? t(`audit.fields.${field}`) : undefined),
    reason: (reason: string) => (hasKey(shown.audit.reasons, reason) ? t(`audit.reasons.${reason}`) : reason),
  };
}
