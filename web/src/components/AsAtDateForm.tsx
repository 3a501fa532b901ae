import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'wouter';
import { isIsoDate, todayInAmsterdam, type IsoDate } from '../../../common/dates.ts';
import { TextField } from '../forms/controls.tsx';
import { useFilterDates } from '../forms/unfinishedDates.ts';
import { fieldErrorsOf, type FieldErrors } from '../forms/useSubmission.ts';
import { formatLongDate } from '../format/dates.ts';
import { currentLanguage } from '../i18n/index.ts';

interface AsAtOptions {
  /** The parameters another date starts again, left out of the address (a list's page). */
  restarts?: readonly string[];
  /** Text in the address that is no date stays as it is, for the API to refuse at its field, rather than the default shown. */
  keepsNoDate?: boolean;
}

/**
 * The dates a page shows its domain as at, by the parameters its address holds them in: each its default where
 * the address holds none (or, unless it `keepsNoDate`, no date). Another date keeps the address's other
 * parameters, but those it `restarts`.
 */
export function useAsAtDates<Param extends string>(defaults: Readonly<Record<Param, IsoDate>>, { restarts = [], keepsNoDate = false }: AsAtOptions = {}) {
  const [params, setParams] = useSearchParams();
  const [location] = useLocation();
  const names = Object.keys(defaults) as Param[];
  const dateOf = (param: Param): string => {
    const asked = params.get(param);
    return asked && (keepsNoDate || isIsoDate(asked)) ? asked : defaults[param];
  };
  const without = () => {
    const kept = new URLSearchParams(params);
    for (const name of [...names, ...restarts]) kept.delete(name);
    return kept;
  };
  /** Shows the page at the dates typed; one left empty at its default again, which the address then holds none of. */
  const show = (typed: Readonly<Record<Param, string>>) => {
    const kept = without();
    for (const param of names) if (typed[param] !== '') kept.set(param, typed[param]);
    setParams(kept);
  };
  const rest = without().toString();
  return {
    dates: Object.fromEntries(names.map((param) => [param, dateOf(param)])) as Record<Param, string>,
    show,
    /** The page at its default dates. */
    defaultAddress: rest ? `${location}?${rest}` : location,
  };
}

type AsAtDates<Param extends string = string> = ReturnType<typeof useAsAtDates<Param>>;

/** The one date a page shows its domain as at, as its address holds it in `param`: today (or `byDefault`) when it holds none, or no date. */
export function useAsAtDate(param = 'date', { restarts = [], byDefault }: { restarts?: readonly string[]; byDefault?: IsoDate } = {}) {
  const today = todayInAmsterdam();
  const asAt = useAsAtDates({ [param]: byDefault ?? today }, { restarts });
  // The address's date, or the default where it holds none or no date.
  const date = asAt.dates[param]!;
  return { ...asAt, param, date, isToday: date === today, todayAddress: asAt.defaultAddress };
}

export type AsAtDate = ReturnType<typeof useAsAtDate>;

/** A date field of the form: the parameter it shows, its label, the name the API gives it in a refusal (the parameter's when left out) and why the API refused it. */
interface AsAtDateField<Param extends string> {
  param: Param;
  label: string;
  name?: string;
  refusal?: string | undefined;
}

type AsAtDateFormProps<Param extends string> = { submit?: string } & (
  | {
      asAt: AsAtDates<Param>;
      fields: readonly AsAtDateField<Param>[];
      /**
       * Asks the API about the dates typed, one typed in part as left empty, where one is: so that what it finds
       * wrong with the others is said in the same round as that, while the page stays at the dates it shows.
       */
      check?: (typed: Record<Param, string>) => Promise<unknown>;
    }
  | ({ asAt: AsAtDate; fields?: never; check?: never } & Partial<Omit<AsAtDateField<Param>, 'param'>>)
);

/**
 * The form that shows the page at other dates ("Stand op" for one date unless labelled otherwise); a date typed
 * in part is said at its field and none is applied, and a date emptied shows the page at its default again.
 */
export function AsAtDateForm<Param extends string>(props: AsAtDateFormProps<Param>) {
  const { t } = useTranslation();
  const { asAt, submit } = props;
  const fields: readonly AsAtDateField<string>[] = props.fields ?? [{ param: props.asAt.param, name: props.name, label: props.label ?? t('asAtDate.label'), refusal: props.refusal }];
  const shown = asAt.dates as Record<string, string>;
  const [typed, setTyped] = useState(shown);
  // Those shown again whenever they change: compared by value, as the dates are a new object each time.
  const shownKey = JSON.stringify(shown);
  useEffect(() => setTyped(shown), [shownKey]);
  const dates = useFilterDates();
  const [checked, setChecked] = useState<FieldErrors>({});

  async function show(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setChecked({});
    if (!dates.complete(event.currentTarget)) {
      if (props.check) await props.check(typed).catch((error: unknown) => setChecked(fieldErrorsOf(error)));
      return;
    }
    // An emptied field shows a date again: the default once the address holds none, or the one shown where it already did.
    setTyped(Object.fromEntries(fields.map(({ param }) => [param, typed[param] || shown[param]!])));
    asAt.show(typed);
  }

  return (
    <form className="date-form" noValidate onSubmit={(event) => void show(event)}>
      {fields.map(({ param, name = param, label, refusal }) => (
        <TextField
          key={param}
          name={name}
          type="date"
          label={label}
          value={typed[param] ?? ''}
          error={dates.errors[name] ?? checked[name] ?? refusal}
          onChange={(value) => setTyped((previous) => ({ ...previous, [param]: value }))}
        />
      ))}
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
