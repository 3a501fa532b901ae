import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { parseEuroAmount } from '../../../common/money.ts';
import { Alert } from '../components/Alert.tsx';
import { ErrorSummary } from './ErrorSummary.tsx';
import { SubmitButton } from './SubmitButton.tsx';
import { useSubmission, type ClientProblem } from './useSubmission.ts';

type Problems = Partial<Record<string, ClientProblem>>;

/**
 * A form that records something new: its values as typed, the refusal per field (the client's own
 * checks, then the server's), and one key per record, so that sending the same record twice records it
 * once. After a success it empties, takes a new key and says so. Several may share a page: each control's
 * id is scoped to its form, while its errors are looked up by the name the API gives the field.
 */
export function useRecordForm<V extends Record<string, string>>(initial: V, labels: Record<keyof V & string, string>) {
  const scope = useId();
  const scoped = (texts: Record<string, string>) => Object.fromEntries(Object.entries(texts).map(([name, text]) => [`${scope}${name}`, text]));
  const submission = useSubmission();
  const [values, setValues] = useState(initial);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [done, setDone] = useState(false);

  const field = (name: keyof V & string) => ({
    name: `${scope}${name}`,
    label: labels[name],
    value: values[name],
    error: submission.fieldErrors[name],
    onChange: (value: string) => setValues((previous) => ({ ...previous, [name]: value })),
  });

  /** Checks what the client can, then sends the record with its key; `read` notes problems while it builds the request. */
  function submit<Input>(event: FormEvent, read: (reader: FieldReader) => Input, send: (input: Input, idempotencyKey: string) => Promise<unknown>) {
    event.preventDefault();
    setDone(false);
    const problems: Problems = {};
    const input = read(fieldReader(problems));
    void submission.submit(problems, async () => {
      await send(input, key);
      setValues(initial);
      setKey(crypto.randomUUID());
      setDone(true);
    });
  }

  /** The refusals and labels as the error summary links them: to the scoped controls. */
  const summary = { fieldErrors: scoped(submission.fieldErrors), labels: scoped(labels) };
  return { submission, summary, values, field, submit, done };
}

export type RecordFormState = ReturnType<typeof useRecordForm>;

/** Turns typed text into a request's values, noting each field the client can already tell is wrong. */
export interface FieldReader {
  required(name: string, text: string): string;
  /** A whole number, or null when left empty (then `required` says whether that is allowed). */
  wholeNumber(name: string, text: string, required?: boolean): number | null;
  /** An amount in euros as typed ("5.000.000", "5 mln" is not), in cents; null when left empty. */
  amount(name: string, text: string, required?: boolean): number | null;
}

function fieldReader(problems: Problems): FieldReader {
  const empty = (name: string, text: string, required: boolean) => {
    if (text.trim() !== '') return false;
    if (required) problems[name] = 'required';
    return true;
  };
  return {
    required(name, text) {
      empty(name, text, true);
      return text;
    },
    wholeNumber(name, text, required = false) {
      if (empty(name, text, required)) return null;
      if (!/^-?\d+$/.test(text.trim())) problems[name] = 'invalidWholeNumber';
      return Number(text.trim());
    },
    amount(name, text, required = false) {
      if (empty(name, text, required)) return null;
      const cents = parseEuroAmount(text);
      if (cents === undefined) problems[name] = 'invalidAmount';
      return cents ?? 0;
    },
  };
}

/** The frame every record form has: an optional legend, the success message, the error summary, the fields and the button. */
export function RecordForm({ form, legend, doneText, conflictText, submitLabel, onSubmit, children }: {
  form: Pick<RecordFormState, 'submission' | 'summary' | 'done'>;
  legend?: string;
  /** What to say when the record changed since the form was filled in (a change sent with If-Match). */
  conflictText?: string;
  doneText: string;
  submitLabel: string;
  onSubmit: (event: FormEvent) => void;
  children: ReactNode;
}) {
  const { submission, summary } = form;
  const body = (
    <>
      <div role="status">{form.done && <Alert type="ok">{doneText}</Alert>}</div>
      <ErrorSummary fieldErrors={summary.fieldErrors} labels={summary.labels} formError={submission.formError ?? (submission.conflict ? (conflictText ?? null) : null)} refusals={submission.refusals} />
      {children}
      <SubmitButton label={submitLabel} submitting={submission.submitting} />
    </>
  );
  return (
    <form noValidate onSubmit={onSubmit} className="record-form">
      {legend ? (
        <fieldset className="utrecht-form-fieldset">
          <legend className="utrecht-form-fieldset__legend">{legend}</legend>
          {body}
        </fieldset>
      ) : (
        body
      )}
    </form>
  );
}
