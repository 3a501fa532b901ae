import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { nl } from '../i18n/nl/index.ts';
import type { FieldErrors } from './useSubmission.ts';

export type FieldName = keyof typeof nl.fields;
type TextKeys<V> = { [K in keyof V]: V[K] extends string ? K : never }[keyof V] & FieldName;

/**
 * The typed values of a form and, per field, the props its control needs: name, translated label,
 * value, the error for it and the change handler.
 */
export function useFields<V extends object>(initial: V, errors: FieldErrors) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);

  function field(name: TextKeys<V>) {
    const fieldName: FieldName = name;
    return {
      name: fieldName,
      label: t(`fields.${fieldName}`),
      value: values[name] as string,
      error: errors[name],
      onChange: (value: string) => setValues((previous) => ({ ...previous, [name]: value })),
    };
  }

  function labels(names: readonly FieldName[]): Record<string, string> {
    return Object.fromEntries(names.map((name) => [name, t(`fields.${name}`)]));
  }

  return { values, setValues, field, labels };
}
