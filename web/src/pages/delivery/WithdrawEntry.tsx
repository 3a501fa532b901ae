import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { withdrawEntry } from '../../api/deliveries.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { TextAreaField, TextField } from '../../forms/controls.tsx';
import { ErrorSummary } from '../../forms/ErrorSummary.tsx';
import { useSubmission } from '../../forms/useSubmission.ts';
import { useWarningConfirmation, WarningConfirmation } from '../../forms/WarningConfirmation.tsx';
import type { WithdrawalInput } from '../../api/types.ts';

/**
 * The "Intrekken" button of a payment or valuation entered in error, and the dialog that asks from which
 * date it no longer counts (its own date by default: as if it had never been entered) and why. It is sent
 * on the delivery's version the page shows (`etag`). A refusal is said at the fields, with a summary that
 * takes focus, as on the other forms.
 */
export function WithdrawEntry({ kind, id, entryDate, etag, onChanged }: { kind: 'payments' | 'valuations'; id: string; entryDate: string; etag: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [withdrawnOn, setWithdrawnOn] = useState(entryDate);
  const [reason, setReason] = useState('');
  // Each row has a dialog of its own: its controls' ids are scoped to it, its errors named as the API names the fields.
  const scope = useId();
  const submission = useSubmission({ scope, conflictText: t('delivery.withdrawal.failed', { detail: t('delivery.withdrawal.changed') }) });
  const labels = { withdrawnOn: t('delivery.withdrawal.withdrawnOn'), reason: t('delivery.withdrawal.reason') };
  const scoped = (texts: Record<string, string>) => Object.fromEntries(Object.entries(texts).map(([name, text]) => [`${scope}${name}`, text]));
  const confirmation = useWarningConfirmation(submission.warnings, { withdrawnOn, reason });
  const dateConfirmation = confirmation.at('withdrawnOn');

  function confirm() {
    // The server judges both fields, in one answer: a date the browser cannot read is sent empty, refused with the reason's faults.
    void submission.submit({}, async () => {
      try {
        const confirmed = confirmation.codes.length > 0 ? { confirm: confirmation.codes as NonNullable<WithdrawalInput['confirm']> } : {};
        await withdrawEntry(kind, id, { withdrawnOn, reason, ...confirmed }, etag);
      } catch (error) {
        // Someone else changed the delivery since the page loaded it: the page shows the latest behind the dialog.
        if (isApiError(error, 412)) onChanged();
        throw error;
      }
      setOpen(false);
      onChanged();
    }, () => true);
  }

  return (
    <>
      <button type="button" className="utrecht-button utrecht-button--subtle" onClick={() => { submission.reset(); setOpen(true); }}>
        {t('delivery.withdrawal.action')}
      </button>
      <ConfirmDialog open={open} title={t('delivery.withdrawal.title')} confirmLabel={t('delivery.withdrawal.confirm')} destructive busy={submission.submitting} failure={null} onConfirm={confirm} onCancel={() => setOpen(false)}>
        <p className="nl-paragraph">{t('delivery.withdrawal.body')}</p>
        <ErrorSummary fieldErrors={scoped(submission.fieldErrors)} labels={scoped(labels)} formError={submission.formError} refusals={submission.refusals} />
        <div ref={submission.formRef} className="withdraw-entry-fields">
          <TextField name={`${scope}withdrawnOn`} label={labels.withdrawnOn} type="date" min={entryDate} value={withdrawnOn} onChange={setWithdrawnOn} error={submission.fieldErrors.withdrawnOn} />
          <WarningConfirmation confirmation={dateConfirmation && { ...dateConfirmation, name: `${scope}withdrawnOn` }} />
          <TextAreaField name={`${scope}reason`} label={labels.reason} value={reason} onChange={setReason} error={submission.fieldErrors.reason} />
        </div>
      </ConfirmDialog>
    </>
  );
}
