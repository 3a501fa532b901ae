import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField } from './controls.tsx';
import type { Warning } from './useSubmission.ts';
import type { PaymentInput } from '../api/types.ts';

/** The warnings a form confirms at its fields, as the API names them (a payment's form may have each of them). */
type FormWarning = NonNullable<PaymentInput['confirm']>[number];

/** The warnings confirmed, each with the value of its field it was confirmed for. */
type Confirmed = Readonly<Record<string, { name: string; value: unknown }>>;

/**
 * The confirmation of the warnings a refusal gave (useSubmission's `warnings`): a checkbox at the field a
 * warning concerns, and the codes to send back in `confirm`. A confirmation holds for the value it was
 * given for: a field typed anew is warned of anew.
 */
export function useWarningConfirmation<V extends object>(warnings: readonly Warning[], values: V) {
  const [confirmed, setConfirmed] = useState<Confirmed>({});
  const valueOf = (name: string): unknown => Reflect.get(values, name);
  const holds = (code: string) => confirmed[code] !== undefined && confirmed[code].value === valueOf(confirmed[code].name);

  /** The checkbox's props at a field, or null while no warning concerns it. */
  function at(name: string) {
    const codes = warnings.filter((warning) => warning.name === name).map((warning) => warning.code);
    if (codes.length === 0) return null;
    const checked = codes.every(holds);
    const onChange = (confirm: boolean) =>
      setConfirmed((previous) => {
        const next = { ...previous };
        for (const code of codes) {
          if (confirm) next[code] = { name, value: valueOf(name) };
          else delete next[code];
        }
        return next;
      });
    return { name, codes, checked, onChange };
  }

  /** The codes to send in `confirm`: those confirmed for the values the fields hold now. */
  const codes = Object.keys(confirmed).filter(holds);
  /** Forgets what was confirmed, once it is recorded: a form that stays for the next record warns of that one anew. */
  const forget = () => setConfirmed({});
  return { at, codes, forget };
}

/**
 * What a record form's request sends of the warnings confirmed at its fields (RecordForm's `send`) where the only
 * warning it can have is a date in the period of a letter sent to parliament: `confirm` with it, left out while it is
 * not confirmed.
 */
export const confirmedPeriod = (confirmed: readonly string[]): { confirm?: ['datedInSentLetterPeriod'] } =>
  confirmed.includes('datedInSentLetterPeriod') ? { confirm: ['datedInSentLetterPeriod'] } : {};

/**
 * "Record anyway" at a field the server warned of, to confirm that what it holds is meant, in the words of its warning,
 * or in the `label` given where the field is no date or amount the warning's words name.
 */
export function WarningConfirmation({ confirmation, label }: { confirmation: { name: string; codes: string[]; checked: boolean; onChange: (checked: boolean) => void } | null; label?: string }) {
  const { t } = useTranslation();
  if (!confirmation) return null;
  return (
    <CheckboxField
      name={`${confirmation.name}-confirm`}
      label={label ?? t(`form.recordAnyway.${confirmation.codes[0] as FormWarning}`)}
      checked={confirmation.checked}
      onChange={confirmation.onChange}
    />
  );
}
