import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'wouter';
import { isIsoDate, todayInAmsterdam, type IsoDate } from '../../../common/dates.ts';
import { TextField } from '../forms/controls.tsx';
import { useFilterDates } from '../forms/unfinishedDates.ts';
import { formatLongDate } from '../format/dates.ts';
import { currentLanguage } from '../i18n/index.ts';

/**
 * The date a page shows its domain as at, as its address holds it in `param`: today when it holds none, or
 * no date. Another date keeps the address's other parameters, but those it `restarts` (a list's page).
 */
export function useAsAtDate(param = 'date', { restarts = [] }: { restarts?: readonly string[] } = {}) {
  const [params, setParams] = useSearchParams();
  const [location] = useLocation();
  const asked = params.get(param);
  const today = todayInAmsterdam();
  const date = asked !== null && isIsoDate(asked) ? asked : today;
  const without = () => {
    const kept = new URLSearchParams(params);
    for (const name of [param, ...restarts]) kept.delete(name);
    return kept;
  };
  const show = (shown: IsoDate) => {
    const kept = without();
    kept.set(param, shown);
    setParams(kept);
  };
  const rest = without().toString();
  return { date, isToday: date === today, show, todayAddress: rest ? `${location}?${rest}` : location };
}

export type AsAtDate = ReturnType<typeof useAsAtDate>;

interface AsAtDateFormProps {
  asAt: AsAtDate;
  /** The field's name, as the API names the parameter in a refusal. */
  name?: string;
  label?: string;
  submit?: string;
  /** Why the API refused the date, said at the field rather than as a list that could not be loaded. */
  refusal?: string | undefined;
}

/** The form that shows the page at another date; a date typed in part is said at the field and not applied. */
export function AsAtDateForm({ asAt, name = 'date', label, submit, refusal }: AsAtDateFormProps) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState(asAt.date);
  useEffect(() => setTyped(asAt.date), [asAt.date]);
  const dates = useFilterDates();

  function show(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (dates.complete(event.currentTarget)) asAt.show(typed);
  }

  return (
    <form className="date-form" noValidate onSubmit={show}>
      <TextField name={name} type="date" label={label ?? t('asAtDate.label')} value={typed} error={dates.errors[name] ?? refusal} onChange={setTyped} />
      <button type="submit" className="utrecht-button utrecht-button--primary-action">
        {submit ?? t('asAtDate.show')}
      </button>
    </form>
  );
}

/** Where a page's forms stand at today's date: at another, what it shows is not what they record against, so they lead to today's. */
export function RecordedToday({ asAt }: { asAt: AsAtDate }) {
  const { t } = useTranslation();
  return (
    <p className="nl-paragraph">
      {t('asAtDate.onlyToday', { date: formatLongDate(asAt.date, currentLanguage()) })} <Link href={asAt.todayAddress}>{t('asAtDate.toToday')}</Link>
    </p>
  );
}
