import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PAPER_NUMBER_PATTERN } from '../../../../common/paper-number.ts';
import { publishedBeforeLetterDate } from '../../../../common/publication-date.ts';
import { correctPublication, recordPublication, type Letter } from '../../api/letters.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { formatLongDate, momentInTheHague } from '../../format/dates.ts';
import { TextAreaField, TextField } from '../../forms/controls.tsx';
import { ErrorSummary } from '../../forms/ErrorSummary.tsx';
import { useFields } from '../../forms/useFields.ts';
import { useSubmission, type ClientProblem } from '../../forms/useSubmission.ts';
import { SubmitButton } from '../../forms/SubmitButton.tsx';
import { currentLanguage } from '../../i18n/index.ts';

interface PublicationValues {
  paperNumber: string;
  publishedOn: string;
  publishAt: string;
  reason: string;
}

/**
 * The paper number and publication date parliament assigned: recorded once (publishing the letter now
 * or at a scheduled moment), later corrected with a reason. Each is confirmed before it is sent, based on
 * the version of the letter the page shows: a change by someone else in between is refused, not overwritten.
 */
export function PublicationForm({ letter, etag, mode, onRecorded }: { letter: Letter; etag: string; mode: 'record' | 'correct'; onRecorded: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const submission = useSubmission({ conflictText: t('letters.publication.changed') });
  const [confirming, setConfirming] = useState(false);
  const names = mode === 'record' ? (['paperNumber', 'publishedOn', 'publishAt'] as const) : (['paperNumber', 'publishedOn', 'reason'] as const);
  const { values, field, labels } = useFields<PublicationValues>(
    { paperNumber: letter.paperNumber ?? '', publishedOn: letter.publishedOn ?? letter.letterDate ?? '', publishAt: '', reason: '' },
    submission.fieldErrors,
  );
  // The field's time is Dutch time, as its hint says, whatever the browser's own time zone.
  const publishAt = values.publishAt ? momentInTheHague(values.publishAt) : null;

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const missing: Record<string, ClientProblem> = Object.fromEntries(
      (['paperNumber', 'publishedOn', ...(mode === 'correct' ? (['reason'] as const) : [])] as const)
        .filter((name) => values[name].trim() === '')
        .map((name) => [name, 'required' as const]),
    );
    // Publishing now is leaving the moment empty: a moment that has passed is not confirmed as that moment.
    if (publishAt && publishAt.getTime() <= Date.now()) missing.publishAt = 'momentPassed';
    // Checked before the confirmation, which quotes the number: the server checks it again.
    if (values.paperNumber.trim() !== '' && !PAPER_NUMBER_PATTERN.test(values.paperNumber.trim())) missing.paperNumber = 'paperNumberFormat';
    // So is a date before the letter's, so that only a publication that can go through is confirmed.
    if (publishedBeforeLetterDate(values.publishedOn, letter.letterDate)) missing.publishedOn = 'publishedBeforeLetterDate';
    if (Object.keys(missing).length > 0) return void submission.submit(missing, async () => undefined);
    setConfirming(true);
  }

  function confirm() {
    setConfirming(false);
    const details = { paperNumber: values.paperNumber.trim(), publishedOn: values.publishedOn };
    void submission.submit({}, async () => {
      if (mode === 'record') await recordPublication(letter.id, { ...details, ...(publishAt ? { publishAt: publishAt.toISOString() } : {}) }, etag);
      else await correctPublication(letter.id, { ...details, reason: values.reason.trim() }, etag);
      onRecorded();
    });
  }

  return (
    <form ref={submission.formRef} noValidate onSubmit={handleSubmit} className="record-form">
      <p className="nl-paragraph">{t(`letters.publication.${mode}Intro`)}</p>
      <ErrorSummary fieldErrors={submission.fieldErrors} labels={labels([...names])} formError={submission.formError} refusals={submission.refusals} />
      <div className="form-grid">
        <TextField {...field('paperNumber')} hint={t('letters.publication.paperNumberHint')} />
        <TextField {...field('publishedOn')} type="date" hint={t('letters.publication.publishedOnHint')} />
        {mode === 'record' && <TextField {...field('publishAt')} type="datetime-local" hint={t('letters.publication.publishAtHint')} />}
      </div>
      {mode === 'correct' && <TextAreaField {...field('reason')} rows={2} />}
      <SubmitButton label={t(`letters.publication.${mode}Submit`)} submitting={submission.submitting} />
      <ConfirmDialog
        open={confirming}
        title={t(`letters.publication.${mode}Title`)}
        confirmLabel={t(`letters.publication.${mode}Confirm`)}
        busy={submission.submitting}
        failure={null}
        onConfirm={confirm}
        onCancel={() => setConfirming(false)}
      >
        <p className="nl-paragraph">
          {t('letters.publication.confirmBody', {
            paperNumber: values.paperNumber.trim(),
            publishedOn: values.publishedOn ? formatLongDate(values.publishedOn, language) : '',
          })}
        </p>
        {mode === 'record' && (
          <p className="nl-paragraph">
            {publishAt ? t('letters.publication.confirmScheduled', { moment: publishAt.toLocaleString(language === 'nl' ? 'nl-NL' : 'en-GB', { timeZone: 'Europe/Amsterdam', dateStyle: 'long', timeStyle: 'short' }) }) : t('letters.publication.confirmNow')}
          </p>
        )}
      </ConfirmDialog>
    </form>
  );
}
