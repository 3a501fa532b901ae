import { useTranslation } from 'react-i18next';
import { CATEGORIES, LIFECYCLE_STAGES, SUPPORT_TYPES } from '../../../../common/vocabulary/codes.ts';
import { SelectField, TextField, type Option } from '../../forms/controls.tsx';
import { useSearchText } from '../../forms/useSearchText.ts';
import type { ListQuery } from './listQuery.ts';

type FilterChange = Partial<Omit<ListQuery, 'sort' | 'page' | 'pageSize'>>;

interface DeliveryFiltersProps {
  query: ListQuery;
  onChange: (change: FilterChange, options?: { replace: boolean }) => void;
  onReset: () => void;
}

export function DeliveryFilters({ query, onChange, onReset }: DeliveryFiltersProps) {
  const { t } = useTranslation();
  const [text, setText] = useSearchText(query.q, (q) => onChange({ q }, { replace: true }));
  const withAll = (options: Option[]): Option[] => [{ value: '', label: t('deliveries.filters.all') }, ...options];

  return (
    <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
      <h2 className="nl-heading nl-heading--level-2 filters__heading">{t('deliveries.filters.heading')}</h2>
      <div className="filters__grid">
        <div className="filters__search">
          <TextField name="q" type="search" label={t('deliveries.filters.q')} hint={t('deliveries.filters.qHint')} value={text} onChange={setText} />
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
          value={query.realisedFrom}
          onChange={(realisedFrom) => onChange({ realisedFrom })}
        />
        <TextField
          name="realisedTo"
          type="date"
          label={t('deliveries.filters.realisedTo')}
          value={query.realisedTo}
          onChange={(realisedTo) => onChange({ realisedTo })}
        />
        <button type="button" className="utrecht-button utrecht-button--secondary-action filters__reset" onClick={onReset}>
          {t('deliveries.filters.reset')}
        </button>
      </div>
    </form>
  );
}
