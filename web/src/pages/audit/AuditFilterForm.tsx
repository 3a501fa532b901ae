import { useState, type FormEvent } from 'react';
import { MAX_AUDIT_ACTOR, MAX_AUDIT_OBJECT_ID } from '../../../../common/audit-filter-limits.ts';
import { isUuid } from '../../../../common/ids.ts';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField, type Option } from '../../forms/controls.tsx';
import { useFilterDates } from '../../forms/unfinishedDates.ts';
import { useFields } from '../../forms/useFields.ts';
import { AUDIT_ACTIONS, AUDIT_OBJECT_TYPES } from '../../../../common/vocabulary/codes.ts';
import { NO_FILTERS, type AuditFilters } from './auditQuery.ts';
import { useAuditTerms } from './useAuditTerms.ts';

interface AuditFilterFormProps {
  /** The filters in force; give the form a new key when they change from elsewhere. */
  filters: AuditFilters;
  onApply: (filters: AuditFilters) => void;
}

/** Filters applied together, on request: each one asks the server for the trail again. */
export function AuditFilterForm({ filters, onApply }: AuditFilterFormProps) {
  const { t } = useTranslation();
  const terms = useAuditTerms();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const dates = useFilterDates();
  const { values, setValues, field } = useFields<AuditFilters>(filters, { ...errors, ...dates.errors });
  const withAll = (options: Option[]): Option[] => [{ value: '', label: t('audit.all') }, ...options];

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const importId = values.importId.trim();
    const [objectId, actor] = [values.objectId.trim(), values.actor.trim()];
    // What the server would refuse is said by its field: the trail could otherwise not be loaded, and say no more.
    const refused: Record<string, string> = {};
    // An id that is no import's would otherwise be left out of the address, and the trail shown unfiltered.
    if (importId !== '' && !isUuid(importId)) refused.importId = t('form.errors.invalidImportId');
    if (objectId.length > MAX_AUDIT_OBJECT_ID) refused.objectId = t('form.errors.tooLong', { maximum: MAX_AUDIT_OBJECT_ID });
    if (actor.length > MAX_AUDIT_ACTOR) refused.actor = t('form.errors.tooLong', { maximum: MAX_AUDIT_ACTOR });
    if (values.from !== '' && values.until !== '' && values.until < values.from) refused.until = t('form.errors.untilBeforeFrom');
    setErrors(refused);
    if (dates.complete(event.currentTarget) && Object.keys(refused).length === 0) onApply({ ...values, objectId, actor, importId });
  }

  // What was typed goes too: when no filter was in force (one typed was refused), the page does not change to clear it.
  function clearFilters() {
    setValues(NO_FILTERS);
    setErrors({});
    onApply(NO_FILTERS);
  }

  return (
    <form className="filters" role="search" noValidate onSubmit={handleSubmit}>
      <h2 className="nl-heading nl-heading--level-2 filters__heading">{t('audit.filtersHeading')}</h2>
      <div className="filters__grid">
        <SelectField {...field('objectType')} options={withAll(AUDIT_OBJECT_TYPES.map((value) => ({ value, label: terms.objectType(value) })))} />
        <TextField {...field('objectId')} hint={t('form.hints.objectId')} />
        <TextField {...field('actor')} />
        <SelectField {...field('action')} options={withAll(AUDIT_ACTIONS.map((value) => ({ value, label: terms.action(value) })))} />
        <TextField {...field('from')} type="date" />
        <TextField {...field('until')} type="date" />
        <TextField {...field('importId')} hint={t('form.hints.importId')} />
      </div>
      <div className="action-row filters__actions">
        <button type="submit" className="utrecht-button utrecht-button--primary-action">
          {t('audit.apply')}
        </button>
        <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={clearFilters}>
          {t('audit.reset')}
        </button>
      </div>
    </form>
  );
}
