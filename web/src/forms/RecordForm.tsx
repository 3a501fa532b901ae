import { Fragment, useId, useState, type FormEvent } from 'react';
import { Alert } from '../components/Alert.tsx';
import { DescribedField, type FieldDescription } from './DescribedField.tsx';
import { ErrorSummary } from './ErrorSummary.tsx';
import { fieldReader, type FieldReader, type Problems } from './fieldReader.ts';
import { ReloadLatest } from './ReloadLatest.tsx';
import { SubmitButton } from './SubmitButton.tsx';
import { useSubmission } from './useSubmission.ts';
import { useWarningConfirmation, WarningConfirmation } from './WarningConfirmation.tsx';

/** One thing per field, such as its label, by the field's name. */
const perField = <N extends string, T>(fields: Record<N, FieldDescription<N>>, to: (description: FieldDescription<N>) => T) =>
  Object.fromEntries(Object.entries<FieldDescription<N>>(fields).map(([name, description]) => [name, to(description)])) as Record<N, T>;

/**
 * The state of a record form: its values as typed, the refusal per field (the client's own checks, then
 * the server's), the warnings confirmed at their fields, and one key per record, so that sending the same
 * record twice records it once. After a success it empties, takes a new key and says so. Several may share
 * a page: each control's id is scoped to its form, while its errors are looked up by the name the API gives
 * the field.
 */
function useRecordForm<N extends string>(initial: Record<N, string>, labels: Record<N, string>, conflictText: string | undefined) {
  const scope = useId();
  const scoped = (texts: Record<string, string>) => Object.fromEntries(Object.entries(texts).map(([name, text]) => [`${scope}${name}`, text]));
  const submission = useSubmission({ conflictText, scope });
  const [values, setValues] = useState(initial);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [done, setDone] = useState(false);
  const confirmation = useWarningConfirmation(submission.warnings, values);

  const field = (name: N) => ({
    name: `${scope}${name}`,
    label: labels[name],
    value: values[name],
    error: submission.fieldErrors[name],
    onChange: (value: string) => setValues((previous) => ({ ...previous, [name]: value })),
  });

  /** The box that confirms the warning the server gave at a field, if any, named as the form scopes its controls. */
  const warningAt = (name: N) => {
    const at = confirmation.at(name);
    return at && { ...at, name: `${scope}${name}` };
  };

  /**
   * Checks what the client can, then sends the record with its key and the warnings confirmed: also when
   * the client refuses fields the request carries, nested or not, which are then sent as typed, so that the
   * server names what else is wrong in the same round.
   */
  function submit<Input>(event: FormEvent, read: (reader: FieldReader<N>) => Input, send: Send<Input>) {
    event.preventDefault();
    setDone(false);
    const problems: Problems = {};
    const input = read(fieldReader(values, problems, submission.unfinished()));
    void submission.submitRequest(problems, input, (name) => values[name as N], async (request) => {
      await send(request, key, confirmation.codes);
      setValues(initial);
      confirmation.forget();
      setKey(crypto.randomUUID());
      setDone(true);
    });
  }

  /** The refusals and labels as the error summary links them: to the scoped controls. */
  const summary = { fieldErrors: scoped(submission.fieldErrors), labels: scoped(labels) };
  return { submission, summary, values, field, warningAt, submit, done };
}

/** Sends a record's request with its key and the codes of the warnings confirmed for what it holds (empty while none). */
type Send<Input> = (input: Input, idempotencyKey: string, confirmed: readonly string[]) => Promise<unknown>;

interface RecordFormProps<N extends string, Input> {
  legend?: string;
  doneText: string;
  submitLabel: string;
  /** What to say when the record changed since the form was filled in (a change sent with If-Match). */
  conflictText?: string;
  /** Offered with that: the form again, filled from the record's latest version. */
  onReload?: () => void;
  /** The fields in the order they are shown. */
  fields: Record<N, FieldDescription<N>>;
  /** Builds the request from what is typed, noting the problems the client can already see. */
  read: (reader: FieldReader<N>) => Input;
  /**
   * Sends the request as read, a field the client refused in it as typed: it changes none of its values, which the
   * API judges. A form whose record the server may warn of sends the warnings confirmed in its `confirm`.
   */
  send: Send<Input>;
  /** Called once the record is made. */
  onRecorded?: () => void;
}

/**
 * A form that records something new, or a change to a record, described by its fields, how its request is
 * built and where it is sent: an optional legend, the success message, the error summary, the fields (each
 * with the box "Toch vastleggen" while the server warns of it) and the button.
 */
export function RecordForm<N extends string, Input>({ legend, doneText, submitLabel, conflictText, onReload, fields, read, send, onRecorded }: RecordFormProps<N, Input>) {
  const form = useRecordForm(
    perField(fields, (description) => description.initial ?? ''),
    perField(fields, (description) => description.label),
    conflictText,
  );
  const { submission, summary } = form;
  const onSubmit = (event: FormEvent) =>
    form.submit(event, read, async (input, key, confirmed) => {
      await send(input, key, confirmed);
      onRecorded?.();
    });
  const body = (
    <>
      <div role="status">{form.done && <Alert type="ok">{doneText}</Alert>}</div>
      <ErrorSummary fieldErrors={summary.fieldErrors} labels={summary.labels} formError={submission.formError} refusals={submission.refusals}>
        {submission.conflict && onReload && <ReloadLatest onReload={onReload} />}
      </ErrorSummary>
      {Object.entries<FieldDescription<N>>(fields).map(([name, description]) =>
        description.shownWhen?.(form.values) === false ? null : (
          <Fragment key={name}>
            {description.intro && <p className="nl-paragraph">{description.intro}</p>}
            <DescribedField description={description} field={form.field(name as N)} />
            <WarningConfirmation confirmation={form.warningAt(name as N)} />
          </Fragment>
        ),
      )}
      <SubmitButton label={submitLabel} submitting={submission.submitting} />
    </>
  );
  return (
    <form ref={submission.formRef} noValidate onSubmit={onSubmit} className="record-form">
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
