import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORIES, LIFECYCLE_STAGES, SUPPORT_TYPES } from '../../../../common/vocabulary/codes.ts';
import { SelectField, TextField, type Option } from '../../forms/controls.tsx';
import { useFilterDates } from '../../forms/unfinishedDates.ts';
import { useSearchText } from '../../forms/useSearchText.ts';
import { fieldErrorsOf, type FieldErrors } from '../../forms/useSubmission.ts';
import type { ListQuery } from './listQuery.ts';

type FilterChange = Partial<Omit<ListQuery, 'sort' | 'page' | 'pageSize'>>;

/** The filters typed rather than chosen: the server may refuse what is typed (a period that ends before it starts). */
const TYPED_FILTERS = ['q', 'realisedFrom', 'realisedTo'] as const;

/** The server's refusal of the typed filters, by field; a refusal of anything else is the list's failure to load. */
export function typedFilterErrors(error: unknown): FieldErrors {
  const errors = fieldErrorsOf(error);
  return Object.fromEntries(TYPED_FILTERS.flatMap((name) => (errors[name] === undefined ? [] : [[name, errors[name]]])));
}

interface DeliveryFiltersProps {
  query: ListQuery;
  onChange: (change: FilterChange, options?: { replace: boolean }) => void;
  onReset: () => void;
  /** The server's refusal of the filters in force, by field (typedFilterErrors). */
  errors: FieldErrors;
}

export function DeliveryFilters({ query, onChange, onReset, errors }: DeliveryFiltersProps) {
  const { t } = useTranslation();
  const [text, setText] = useSearchText(query.q, (q) => onChange({ q }, { replace: true }));
  const form = useRef<HTMLFormElement>(null);
  const dates = useFilterDates();
  // What is typed, apart from the filter in force: a date typed in part is left in its control and not applied.
  const [typed, setTyped] = useState({ realisedFrom: query.realisedFrom, realisedTo: query.realisedTo });
  useEffect(() => setTyped({ realisedFrom: query.realisedFrom, realisedTo: query.realisedTo }), [query.realisedFrom, query.realisedTo]);
  function typeDate(change: Partial<typeof typed>) {
    setTyped((previous) => ({ ...previous, ...change }));
    if (dates.complete(form.current)) onChange(change);
  }
  const dateError = (name: keyof typeof typed) => dates.errors[name] ?? errors[name];
  const withAll = (options: Option[]): Option[] => [{ value: '', label: t('deliveries.filters.all') }, ...options];

  return (
    <form
      ref={form}
      className="filters"
      role="search"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        dates.complete(event.currentTarget);
      }}
      onBlur={(event) => dates.complete(event.currentTarget)}
    >
      <h2 className="nl-heading nl-heading--level-2 filters__heading">{t('deliveries.filters.heading')}</h2>
      <div className="filters__grid">
        <div className="filters__search">
          <TextField name="q" type="search" label={t('deliveries.filters.q')} hint={t('deliveries.filters.qHint')} value={text} error={errors.q} onChange={setText} />
        </div>
        <SelectField
          name="supportType"
          label={t('fields.supportType')}
          value={query.supportType}
          onChange={(supportType) => onChange({ supportType })}
          options={withAll(SUPPORT_TYPES.map((value) => ({ value, label: t(`supportTypes.${value}`) })))}
        />
        <SelectField
          name="category"
          label={t('fields.category')}
          value={query.category}
          onChange={(category) => onChange({ category })}
          options={withAll(CATEGORIES.map((value) => ({ value, label: t(`categories.${value}`) })))}
        />
        <SelectField
          name="stage"
          label={t('deliveries.columns.stage')}
          value={query.stage}
          onChange={(stage) => onChange({ stage })}
          options={withAll(LIFECYCLE_STAGES.map((value) => ({ value, label: t(`stages.${value}`) })))}
        />
        <TextField
          name="realisedFrom"
          type="date"
          label={t('deliveries.filters.realisedFrom')}
          value={typed.realisedFrom}
          error={dateError('realisedFrom')}
          onChange={(realisedFrom) => typeDate({ realisedFrom })}
        />
        <TextField
          name="realisedTo"
          type="date"
          label={t('deliveries.filters.realisedTo')}
          value={typed.realisedTo}
          error={dateError('realisedTo')}
          onChange={(realisedTo) => typeDate({ realisedTo })}
        />
        <button type="button" className="utrecht-button utrecht-button--secondary-action filters__reset" onClick={onReset}>
          {t('deliveries.filters.reset')}
        </button>
      </div>
    </form>
  );
}
