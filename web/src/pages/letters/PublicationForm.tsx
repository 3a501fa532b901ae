import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { recordPublication, type Letter } from '../../api/letters.ts';
import { TextField } from '../../forms/controls.tsx';
import { ErrorSummary } from '../../forms/ErrorSummary.tsx';
import { useFields } from '../../forms/useFields.ts';
import { useSubmission } from '../../forms/useSubmission.ts';
import { SubmitButton } from '../../forms/SubmitButton.tsx';

interface PublicationValues {
  paperNumber: string;
  publishedOn: string;
}

/** What parliament assigns after the letter is sent; each is recorded once and cannot change after. */
export function PublicationForm({ letter, onRecorded }: { letter: Letter; onRecorded: () => void }) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const { values, field, labels } = useFields<PublicationValues>(
    { paperNumber: letter.paperNumber ?? '', publishedOn: letter.publishedOn ?? '' },
    submission.fieldErrors,
  );

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const paperNumber = values.paperNumber.trim();
    const nothingNew = paperNumber === (letter.paperNumber ?? '') && values.publishedOn === (letter.publishedOn ?? '');
    const missing = letter.paperNumber === null ? 'paperNumber' : 'publishedOn';
    void submission.submit(nothingNew ? { [missing]: 'required' } : {}, async () => {
      await recordPublication(letter.id, { paperNumber: paperNumber || null, publishedOn: values.publishedOn || null });
      onRecorded();
    });
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="record-form">
      <p className="nl-paragraph">{t('letters.publication.intro')}</p>
      <ErrorSummary fieldErrors={submission.fieldErrors} labels={labels(['paperNumber', 'publishedOn'])} formError={submission.formError} refusals={submission.refusals} />
      <div className="form-grid">
        <TextField {...field('paperNumber')} hint={t('letters.publication.paperNumberHint')} readOnly={letter.paperNumber !== null} />
        <TextField {...field('publishedOn')} type="date" readOnly={letter.publishedOn !== null} />
      </div>
      <SubmitButton label={t('letters.publication.submit')} submitting={submission.submitting} />
    </form>
  );
}
