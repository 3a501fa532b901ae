import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, isApiError } from '../api/client.ts';
import { invalidParamsShown } from './refusalReason.ts';
import { asTyped } from './typedRequest.ts';
import { unfinishedDates } from './unfinishedDates.ts';

/** What the client itself can find wrong with a field before asking the server. */
export type ClientProblem =
  | 'required'
  | 'invalidAmount'
  | 'amountAmbiguous'
  | 'amountBeyondCents'
  | 'amountTooLarge'
  | 'invalidWholeNumber'
  | 'numberAmbiguous'
  | 'unfinishedDate'
  | 'invalidCurrency'
  | 'invalidRate'
  | 'invalidCountry'
  | 'momentPassed'
  | 'paperNumberFormat'
  | 'publishedBeforeLetterDate'
  | 'noYearAmount'
  | 'deliveryOrBundle'
  | 'passwordsDiffer';

/** Messages per field name, as the API names fields: 'title', 'realisedAt', 'sources.0.url'. */
export type FieldErrors = Record<string, string>;

/**
 * Why the last submission was refused, kept as the cause rather than as words, so that the messages are
 * worded anew in the language shown: switching language after a refusal changes them with the rest of the form.
 */
type Refusal = { problems: Record<string, ClientProblem>; error?: unknown } | { error: unknown };

interface SubmissionState {
  refusal: Refusal | null;
  submitting: boolean;
  /** Counts refused submissions, so the error summary takes focus after each one. */
  refusals: number;
}

const IDLE: SubmissionState = { refusal: null, submitting: false, refusals: 0 };

/** 'sources[0].url' and '/sources/0/url' both name the field 'sources.0.url'. */
function fieldName(name: string): string {
  return name.replace(/^\//, '').replace(/\//g, '.').replace(/\[(\d+)\]/g, '.$1');
}

/** The server's refusal per field, in the language the page shows now: every reason it gives for the field. */
export function fieldErrorsOf(error: unknown): FieldErrors {
  const fieldErrors: FieldErrors = {};
  if (!(error instanceof ApiError)) return fieldErrors;
  for (const param of invalidParamsShown(error)) {
    const name = fieldName(param.name);
    const earlier = fieldErrors[name];
    if (earlier === undefined) fieldErrors[name] = param.reason;
    else if (!earlier.includes(param.reason)) fieldErrors[name] = `${earlier} ${param.reason}`;
  }
  return fieldErrors;
}

/** A warning the server asks to confirm before it records what was sent, by the field it concerns. */
export interface Warning {
  name: string;
  code: string;
}

/** The warnings of a refusal that records nothing until they are confirmed (422, confirmationRequired). */
function warningsOf(refusal: Refusal | null): Warning[] {
  if (!refusal || !('error' in refusal) || !isApiError(refusal.error, 422) || refusal.error.problem.code !== 'confirmationRequired') return [];
  return (refusal.error.problem.invalidParams ?? []).map((param) => ({ name: fieldName(param.name), code: param.code }));
}

/** A refusal in words: at its fields, about the form as a whole, and whether it is that the record changed meanwhile. */
interface Words {
  fieldErrors: FieldErrors;
  formError: string | null;
  conflict: boolean;
}

const words = (fieldErrors: FieldErrors, formError: string | null = null, conflict = false): Words => ({ fieldErrors, formError, conflict });

interface SubmissionOptions {
  /** The prefix the form puts before its fields' names to tell its controls from another form's on the page. */
  scope?: string;
  /** Words the refusals that concern the form as a whole, where the form knows better than "saving failed". */
  explain?: (error: ApiError) => string | null;
  /** What to say when the record changed since the form was filled in (412 to a request with If-Match). */
  conflictText?: string;
}

/**
 * Runs a form submission: the client's own checks first, as a convenience, then the request, whose
 * refusal the server explains per field in the user's language.
 */
export function useSubmission({ scope = '', explain, conflictText }: SubmissionOptions = {}) {
  const { t } = useTranslation();
  const [state, setState] = useState<SubmissionState>(IDLE);
  const container = useRef<HTMLElement | null>(null);
  /** Put on the form (or what holds its controls), so that a date typed there that is no date refuses the submission. */
  const formRef = useCallback((element: HTMLElement | null) => {
    container.current = element;
  }, []);

  /** The form's date fields typed only in part, by name. */
  const unfinished = () => unfinishedDates(container.current, scope);

  const refuse = (refusal: Refusal) => setState((previous) => ({ ...IDLE, refusal, refusals: previous.refusals + 1 }));

  /**
   * Sends the request unless the client refuses a field. Where `sendsAsTyped` says the request carries
   * each refused field as typed (a date the browser cannot read as empty text), it is sent then too: the
   * server refuses those fields as well, so that it records nothing, and names what else is wrong in the
   * same round rather than the next.
   */
  async function submit(problems: Partial<Record<string, ClientProblem>>, send: () => Promise<void>, sendsAsTyped: (field: string) => boolean = () => false): Promise<void> {
    // An unfinished date reads as empty: said as such rather than as a date left out, whether the field is required or not.
    const unfinishedProblems = Object.fromEntries(unfinished().map((name) => [name, 'unfinishedDate' as const]));
    const entries = Object.entries({ ...problems, ...unfinishedProblems }).filter((entry): entry is [string, ClientProblem] => entry[1] !== undefined);
    const refused = entries.length > 0 ? { problems: Object.fromEntries(entries) } : undefined;
    if (refused && !entries.every(([field]) => sendsAsTyped(field))) return refuse(refused);
    setState((previous) => ({ ...IDLE, submitting: true, refusals: previous.refusals }));
    try {
      await send();
      setState((previous) => ({ ...IDLE, refusals: previous.refusals }));
    } catch (error) {
      refuse({ ...refused, error });
    }
  }

  /**
   * `submit` for a request built with `refusedField` where the client refuses a field (see typedRequest.ts):
   * sent with those fields as `typed` gives them, by name, where the request carries each of them.
   */
  function submitRequest<Request>(problems: Partial<Record<string, ClientProblem>>, request: Request, typed: (field: string) => unknown, send: (request: Request) => Promise<void>): Promise<void> {
    const sent = asTyped(request, typed);
    return submit(problems, () => send(sent.request), (field) => sent.carried.has(field));
  }

  /** The refusal in words, in the language shown: the client's own, and the server's reasons as it wrote them in that language. */
  function worded(refusal: Refusal | null): Words {
    if (!refusal) return words({});
    if (!('problems' in refusal)) return serverWords(refusal.error);
    // The client's words at the fields it refused; the server's, about what was sent in their place, only at the others.
    const client = Object.fromEntries(Object.entries(refusal.problems).map(([name, problem]) => [name, t(`form.errors.${problem}`)]));
    if (refusal.error === undefined) return words(client);
    const server = serverWords(refusal.error);
    return words({ ...server.fieldErrors, ...client }, server.conflict ? server.formError : null, server.conflict);
  }

  function serverWords(error: unknown): Words {
    if (!(error instanceof ApiError)) return words({}, t('form.errors.network'));
    if (error.status === 412) return words({}, conflictText ?? null, true);
    const explained = explain?.(error);
    if (explained) return words({}, explained);
    if (error.status === 403) return words({}, t('access.submitRefused'));
    const fieldErrors = fieldErrorsOf(error);
    if (Object.keys(fieldErrors).length === 0) return words({}, t('form.errors.failed', { detail: error.message }));
    return words(fieldErrors);
  }

  /** Forgets the last refusal, when what it was about is gone (the form now holds another version). */
  const reset = useCallback(() => setState((previous) => ({ ...IDLE, refusals: previous.refusals })), []);

  return { ...worded(state.refusal), warnings: warningsOf(state.refusal), submitting: state.submitting, refusals: state.refusals, formRef, submit, submitRequest, unfinished, reset };
}
