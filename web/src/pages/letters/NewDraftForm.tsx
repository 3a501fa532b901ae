import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { createLetter } from '../../api/letters.ts';
import { TextField } from '../../forms/controls.tsx';
import { ErrorSummary } from '../../forms/ErrorSummary.tsx';
import { useFields } from '../../forms/useFields.ts';
import { useSubmission } from '../../forms/useSubmission.ts';
import { useNavigateWithNotice } from '../../state/notice.tsx';
import { SubmitButton } from '../../forms/SubmitButton.tsx';

interface DraftValues {
  referenceDate: string;
  letterDate: string;
}

/** Starts the next letter for a reference date; its text starts as the previous letter's. */
export function NewDraftForm() {
  const { t } = useTranslation();
  const navigateWithNotice = useNavigateWithNotice();
  const submission = useSubmission();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const { values, field, labels } = useFields<DraftValues>({ referenceDate: '', letterDate: '' }, submission.fieldErrors);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    void submission.submit(values.referenceDate ? {} : { referenceDate: 'required' }, async () => {
      const { data } = await createLetter(
        { referenceDate: values.referenceDate, ...(values.letterDate ? { letterDate: values.letterDate } : {}) },
        idempotencyKey,
      );
      navigateWithNotice(`/brieven/${data.id}`, 'draftCreated');
    });
  }

  return (
    <form ref={submission.formRef} noValidate onSubmit={handleSubmit} className="record-form">
      <p className="nl-paragraph">{t('letters.newDraft.intro')}</p>
      <ErrorSummary fieldErrors={submission.fieldErrors} labels={labels(['referenceDate', 'letterDate'])} formError={submission.formError} refusals={submission.refusals} />
      <div className="form-grid">
        <TextField {...field('referenceDate')} type="date" />
        <TextField {...field('letterDate')} type="date" optional />
      </div>
      <SubmitButton label={t('letters.newDraft.submit')} submitting={submission.submitting} />
    </form>
  );
}
