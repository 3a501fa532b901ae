import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { withdrawLetter, type Letter } from '../../api/letters.ts';
import { Alert } from '../../components/Alert.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { actorName } from '../../format/actors.ts';
import { formatLongDate, formatMoment } from '../../format/dates.ts';
import { TextAreaField } from '../../forms/controls.tsx';
import { ErrorSummary } from '../../forms/ErrorSummary.tsx';
import { useSubmission } from '../../forms/useSubmission.ts';
import { currentLanguage } from '../../i18n/index.ts';
import type { LetterNotice } from './letterNotice.ts';

/**
 * The "Brief intrekken" button of a final letter not sent, and the dialog that asks why. The server judges the
 * reason and whether the letter may still be withdrawn, on the version the page shows (`etag`); a refusal is
 * said in the dialog, at the reason where it is about the reason.
 */
export function WithdrawLetter({ letter, etag, onChanged }: { letter: Letter; etag: string; onChanged: (notice: LetterNotice) => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const submission = useSubmission({ conflictText: t('letters.withdrawal.changed') });
  const labels = { reason: t('letters.withdrawal.reason') };

  function confirm() {
    void submission.submit({}, async () => {
      await withdrawLetter(letter.id, reason.trim(), etag);
      setOpen(false);
      onChanged('letters.withdrawal.done');
    });
  }

  return (
    <>
      <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => { submission.reset(); setOpen(true); }}>
        {t('letters.withdrawal.action')}
      </button>
      <ConfirmDialog open={open} title={t('letters.withdrawal.title')} confirmLabel={t('letters.withdrawal.confirm')} destructive busy={submission.submitting} failure={null} onConfirm={confirm} onCancel={() => setOpen(false)}>
        <p className="nl-paragraph">
          {t('letters.withdrawal.body', { referenceDate: formatLongDate(letter.referenceDate, language), letterDate: letter.letterDate ? formatLongDate(letter.letterDate, language) : '' })}
        </p>
        <p className="nl-paragraph">{t('letters.withdrawal.irreversible')}</p>
        <ErrorSummary fieldErrors={submission.fieldErrors} labels={labels} formError={submission.formError} refusals={submission.refusals} />
        <div ref={submission.formRef}>
          <TextAreaField name="reason" label={labels.reason} value={reason} onChange={setReason} rows={3} error={submission.fieldErrors.reason} />
        </div>
      </ConfirmDialog>
    </>
  );
}

/** What a withdrawn letter's page says first: when, by whom and why it was withdrawn. */
export function WithdrawalNotice({ withdrawal }: { withdrawal: NonNullable<Letter['withdrawal']> }) {
  const { t } = useTranslation();
  return (
    <Alert type="warning">
      <p className="nl-paragraph">{t('letters.withdrawal.notice', { moment: formatMoment(withdrawal.at, currentLanguage()), name: actorName(withdrawal.byName, t) })}</p>
      <p className="nl-paragraph">{t('letters.withdrawal.reasonHeading')}</p>
      <blockquote className="letter-review__comment">{withdrawal.reason}</blockquote>
    </Alert>
  );
}
