import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getDelivery } from '../api/deliveries.ts';
import { useDeliverySearch, type DeliveryFilter } from './useDeliverySearch.ts';
import { SelectField, TextField, type Option } from './controls.tsx';

/**
 * The support of the Netherlands, without its work for the EU as implementing actor of the EPF: no EPF claim
 * covers that work and no Dutch budget pays for it.
 */
export const DUTCH_SUPPORT: DeliveryFilter = { implementingActorWork: 'false' };

/** How many deliveries the choice list offers at a time: the first by title of what the search finds. */
const OFFERED = 25;

interface DeliveryFieldProps {
  name: string;
  label: string;
  /** The chosen delivery's id; '' for none. */
  value: string;
  onChange: (value: string) => void;
  /** Which deliveries may be chosen, e.g. `{ supportType: 'procurement' }`; any when not given. */
  filter?: DeliveryFilter;
  /** What the empty choice says. */
  noneLabel: string;
  hint?: string;
  error?: string;
  optional?: boolean;
}

/**
 * A delivery chosen from a register of any size: a search on the title (and the other texts the list
 * searches) narrows a choice list of the first matches, so that every delivery can be found, not only the
 * first hundred. The chosen one stays in the list while another search is typed; one chosen before the
 * form opened (a record's current delivery) is looked up for its title.
 */
export function DeliveryField({ name, label, value, onChange, filter = {}, noneLabel, hint, error, optional }: DeliveryFieldProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<Option | null>(null);
  const found = useDeliverySearch(filter, search.trim(), OFFERED);
  // Run when the value changes: one chosen from the list brought its title along, one given did not.
  useEffect(() => {
    if (!value || chosen?.value === value) return;
    const controller = new AbortController();
    getDelivery(value, controller.signal).then(
      ({ data }) => setChosen({ value, label: data.title }),
      () => {},
    );
    return () => controller.abort();
  }, [value]);
  const matches = Array.isArray(found) ? found.map((delivery) => ({ value: delivery.id, label: delivery.title })) : [];
  // Named by its id until its title is known (or if it cannot be looked up), rather than seeming not chosen.
  const kept = value && !matches.some((option) => option.value === value) ? [chosen?.value === value ? chosen : { value, label: value }] : [];
  const options = [{ value: '', label: noneLabel }, ...kept, ...matches];
  const status = found === 'failed' ? t('deliveryField.failed') : Array.isArray(found) && found.length === OFFERED ? t('deliveryField.more', { count: OFFERED }) : undefined;
  return (
    <div className="delivery-field">
      <TextField name={`${name}-search`} type="search" label={t('deliveryField.search', { label })} value={search} onChange={setSearch} optional />
      <SelectField
        name={name}
        label={label}
        hint={[status, hint].filter(Boolean).join(' ') || undefined}
        error={error}
        optional={optional}
        value={value}
        options={options}
        onChange={(id) => {
          setChosen(options.find((option) => option.value === id) ?? null);
          onChange(id);
        }}
      />
    </div>
  );
}
