import { useEffect, useRef, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldId } from './FormField.tsx';
import type { FieldErrors } from './useSubmission.ts';

interface ErrorSummaryProps {
  fieldErrors: FieldErrors;
  /** The label of each field on this form; errors about other names are listed without a link. */
  labels: Record<string, string>;
  formError: string | null;
  /** Changes with every refused submission: the summary then takes focus. */
  refusals: number;
  children?: ReactNode;
}

export function ErrorSummary({ fieldErrors, labels, formError, refusals, children }: ErrorSummaryProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (refusals > 0) ref.current?.focus();
  }, [refusals]);

  const entries = inFieldOrder(Object.entries(fieldErrors));
  if (entries.length === 0 && !formError && !children) return null;
  return (
    <div ref={ref} tabIndex={-1} className="utrecht-alert utrecht-alert--error error-summary">
      <h2 className="nl-heading nl-heading--level-2">
        {t('form.errorSummary')}
      </h2>
      {formError && <p className="nl-paragraph">{formError}</p>}
      {children}
      {entries.length > 0 && (
        <ul className="utrecht-unordered-list">
          {entries.map(([name, message]) => {
            const target = linkTarget(name, labels);
            return (
              <li key={name} className="utrecht-unordered-list__item">
                {target ? (
                  <a className="utrecht-link utrecht-link--html-a" href={`#${fieldId(target)}`} onClick={(event) => focusField(event, target)}>
                    {labels[name] ?? labels[target]}: {message}
                  </a>
                ) : labels[name] ? (
                  `${labels[name]}: ${message}`
                ) : (
                  message
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

/**
 * The errors in the order their fields appear on the page, so that they are mended top to bottom; an error
 * whose field is not on the page keeps its place. The page is read as it stands before this render: errors
 * only come from submitting the form, whose fields are there by then.
 */
function inFieldOrder(entries: [string, string][]): [string, string][] {
  const located = entries.map((entry) => ({ entry, field: document.getElementById(fieldId(entry[0])) }));
  const inOrder = located
    .filter((item): item is { entry: [string, string]; field: HTMLElement } => item.field !== null)
    .sort((a, b) => (a.field.compareDocumentPosition(b.field) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))
    .map((item) => item.entry);
  return located.map(({ entry, field }) => (field ? (inOrder.shift() ?? entry) : entry));
}

/**
 * The field an error's link leads to: the one named, or else the nearest labelled field on the page that
 * holds it ('amounts.0.budgetYear' in 'amounts'); none when no such field is on the page, as a link to
 * nothing would leave focus where it is.
 */
function linkTarget(name: string, labels: Record<string, string>): string | undefined {
  for (let candidate = name; ; candidate = candidate.slice(0, candidate.lastIndexOf('.'))) {
    if ((labels[name] || labels[candidate]) && document.getElementById(fieldId(candidate))) return candidate;
    if (!candidate.includes('.')) return undefined;
  }
}

/** Focuses the field, or the first control of a group of fields (a fieldset). */
function focusField(event: MouseEvent, name: string): void {
  const field = document.getElementById(fieldId(name));
  if (!field) return;
  event.preventDefault();
  const control = field instanceof HTMLFieldSetElement ? field.querySelector<HTMLElement>('input, select, textarea') : null;
  (control ?? field).focus();
  field.scrollIntoView({ block: 'center' });
}
