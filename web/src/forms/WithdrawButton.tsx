import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.ts';
import type { WithdrawalInput } from '../api/types.ts';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { TextAreaField, TextField } from './controls.tsx';
import { ErrorSummary } from './ErrorSummary.tsx';
import { useSubmission } from './useSubmission.ts';
import { useWarningConfirmation, WarningConfirmation } from './WarningConfirmation.tsx';

/**
 * The "Intrekken" button of a record entered in error, and the dialog that asks from which date it no longer counts
 * (`initialDate` by default, none before `earliest`) and why, in the words under `texts` (its action, title, body,
 * fields, confirmation, and what it says when the record changed since). `send` sends it on the record's version the
 * page shows, with a key that makes a retry record it once. A refusal is said at the fields, with a summary that takes
 * focus, as on the other forms.
 */
export function WithdrawButton({
  texts,
  initialDate,
  earliest,
  send,
  onChanged,
}: {
  texts: 'delivery.withdrawal' | 'industry.forms.companyWithdrawal';
  initialDate: string;
  earliest?: string;
  send: (input: WithdrawalInput, idempotencyKey: string) => Promise<unknown>;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const word = (key: 'action' | 'title' | 'body' | 'withdrawnOn' | 'reason' | 'confirm' | 'changed') => t(`${texts}.${key}`);
  const [open, setOpen] = useState(false);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [withdrawnOn, setWithdrawnOn] = useState(initialDate);
  const [reason, setReason] = useState('');
  // Each row has a dialog of its own: its controls' ids are scoped to it, its errors named as the API names the fields.
  const scope = useId();
  const submission = useSubmission({ scope, conflictText: t(`${texts}.failed`, { detail: word('changed') }) });
  const labels = { withdrawnOn: word('withdrawnOn'), reason: word('reason') };
  const scoped = (texts: Record<string, string>) => Object.fromEntries(Object.entries(texts).map(([name, text]) => [`${scope}${name}`, text]));
  const confirmation = useWarningConfirmation(submission.warnings, { withdrawnOn, reason });
  const dateConfirmation = confirmation.at('withdrawnOn');

  function confirm() {
    // The server judges both fields, in one answer: a date the browser cannot read is sent empty, refused with the reason's faults.
    void submission.submit({}, async () => {
      try {
        const confirmed = confirmation.codes.length > 0 ? { confirm: confirmation.codes as NonNullable<WithdrawalInput['confirm']> } : {};
        await send({ withdrawnOn, reason, ...confirmed }, key);
      } catch (error) {
        // Someone else changed the record since the page loaded it: the page shows the latest behind the dialog.
        if (isApiError(error, 412)) onChanged();
        throw error;
      }
      setOpen(false);
      onChanged();
    }, () => true);
  }

  return (
    <>
      <button type="button" className="utrecht-button utrecht-button--subtle" onClick={() => { submission.reset(); setKey(crypto.randomUUID()); setOpen(true); }}>
        {word('action')}
      </button>
      <ConfirmDialog open={open} title={word('title')} confirmLabel={word('confirm')} destructive busy={submission.submitting} failure={null} onConfirm={confirm} onCancel={() => setOpen(false)}>
        <p className="nl-paragraph">{word('body')}</p>
        <ErrorSummary fieldErrors={scoped(submission.fieldErrors)} labels={scoped(labels)} formError={submission.formError} refusals={submission.refusals} />
        <div ref={submission.formRef} className="withdraw-entry-fields">
          <TextField name={`${scope}withdrawnOn`} label={labels.withdrawnOn} type="date" min={earliest} value={withdrawnOn} onChange={setWithdrawnOn} error={submission.fieldErrors.withdrawnOn} />
          <WarningConfirmation confirmation={dateConfirmation && { ...dateConfirmation, name: `${scope}withdrawnOn` }} />
          <TextAreaField name={`${scope}reason`} label={labels.reason} value={reason} onChange={setReason} error={submission.fieldErrors.reason} />
        </div>
      </ConfirmDialog>
    </>
  );
}
