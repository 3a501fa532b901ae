import type { DeliveryFilter } from './useDeliverySearch.ts';
import { SelectField, TextAreaField, TextField, type Option } from './controls.tsx';
import { DeliveryField } from './DeliveryField.tsx';

/**
 * The control a field is typed or chosen in: plain text when not said, 'amount' for euros as typed
 * (1.234.567,89), 'count' for a whole number, 'delivery' for a delivery found by a search.
 */
type Control =
  | { control?: 'text'; size?: 'small' }
  | { control: 'date' | 'amount' | 'count' }
  | { control: 'textarea'; rows?: number }
  | { control: 'select'; options: Option[] }
  | { control: 'delivery'; filter?: DeliveryFilter; noneLabel: string };

/** How a field shows: its control, with the hint under its label and whether it may be left empty. */
type Shown = Control & { hint?: string; optional?: boolean };

/** One field of a record form, by the name the API gives it (so that its refusals land there). */
export type FieldDescription<N extends string> = Shown & {
  label: string;
  /** What the field holds before anything is typed, and again after a record is made; empty when not said. */
  initial?: string;
  /** Shown only while this holds of what is typed; hidden, it keeps what was typed in it. */
  shownWhen?: (values: Record<NoInfer<N>, string>) => boolean;
  /** A paragraph before the field, introducing it and those after it. */
  intro?: string;
};

/** What the form gives each field's control: its scoped name, label, value, error and change handler. */
interface FieldState {
  name: string;
  label: string;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}

export function DescribedField({ description, field }: { description: Shown; field: FieldState }) {
  const common = { ...field, hint: description.hint, optional: description.optional };
  switch (description.control) {
    case 'select':
      return <SelectField {...common} options={description.options} />;
    case 'delivery':
      return <DeliveryField {...common} filter={description.filter} noneLabel={description.noneLabel} />;
    case 'textarea':
      return <TextAreaField {...common} rows={description.rows} />;
    case 'date':
      return <TextField {...common} type="date" />;
    case 'amount':
      return <TextField {...common} inputMode="decimal" />;
    case 'count':
      return <TextField {...common} inputMode="numeric" size="small" />;
    default:
      return <TextField {...common} size={description.size} />;
  }
}
