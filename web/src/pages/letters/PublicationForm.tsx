import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { recordPublication, type Report } from '../../api/reports.ts';
import { TextField } from '../../forms/controls.tsx';
import { ErrorSummary } from '../../forms/ErrorSummary.tsx';
import { useFields } from '../../forms/useFields.ts';
import { useSubmission } from '../../forms/useSubmission.ts';

interface PublicationValues {
  paperNumber: string;
  publishedOn: string;
}

/** What parliament assigns after the letter is sent; each is recorded once and cannot change after. */
export function PublicationForm({ report, onRecorded }: { report: Report; onRecorded: () => void }) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const { values, field, labels } = useFields<PublicationValues>(
    { paperNumber: report.paperNumber ?? '', publishedOn: report.publishedOn ?? '' },
    submission.fieldErrors,
  );

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const paperNumber = values.paperNumber.trim();
    const nothingNew = paperNumber === (report.paperNumber ?? '') && values.publishedOn === (report.publishedOn ?? '');
    const missing = report.paperNumber === null ? 'paperNumber' : 'publishedOn';
    void submission.submit(nothingNew ? { [missing]: 'required' } : {}, async () => {
      await recordPublication(report.id, { paperNumber: paperNumber || null, publishedOn: values.publishedOn || null });
      onRecorded();
    });
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="record-form">
      <p className="nl-paragraph">{t('letters.publication.intro')}</p>
      <ErrorSummary fieldErrors={submission.fieldErrors} labels={labels(['paperNumber', 'publishedOn'])} formError={submission.formError} refusals={submission.refusals} />
      <div className="form-grid">
        <TextField {...field('paperNumber')} hint={t('letters.publication.paperNumberHint')} readOnly={report.paperNumber !== null} />
        <TextField {...field('publishedOn')} type="date" readOnly={report.publishedOn !== null} />
      </div>
      <div className="action-row">
        <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={submission.submitting}>
          {submission.submitting ? t('form.saving') : t('letters.publication.submit')}
        </button>
      </div>
    </form>
  );
}
