import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from './useSubmission.ts';

/**
 * The names of the date controls within the element that hold text which is no date: half typed ("12-03-")
 * or a day the calendar lacks (31-02). The browser gives their value as empty, as if nothing were typed, so
 * that only the control can tell. Each name without the scope its form puts before the names.
 */
export function unfinishedDates(within: Element | null, scope = ''): string[] {
  const controls = within ? Array.from(within.querySelectorAll<HTMLInputElement>('input[type="date"]')) : [];
  return controls.filter((control) => control.validity.badInput).map((control) => control.name.replace(scope, ''));
}

/**
 * A filter form's dates that are typed but no date, said at their fields (unfinishedDate): such a form is
 * not applied, so that the list keeps the filter in force rather than showing itself unfiltered on that date.
 */
export function useFilterDates() {
  const { t } = useTranslation();
  const [unfinished, setUnfinished] = useState<string[]>([]);

  /** Whether the form's dates may be applied; those that may not are said at their fields until the next check. */
  function complete(form: Element | null): boolean {
    const found = unfinishedDates(form);
    setUnfinished(found);
    return found.length === 0;
  }

  const errors: FieldErrors = Object.fromEntries(unfinished.map((name) => [name, t('form.errors.unfinishedDate')]));
  return { errors, complete };
}
