import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { commitImport, dryRunImport, type ImportMode, type ImportReport, type ImportUpload } from '../../api/imports.ts';
import { ErrorSummary } from '../../forms/ErrorSummary.tsx';
import { CheckboxField, RadioGroupField } from '../../forms/controls.tsx';
import { SubmitButton } from '../../forms/SubmitButton.tsx';
import { useSubmission } from '../../forms/useSubmission.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { ImportCounts } from './ImportCounts.tsx';
import { FaultsDownload } from './FaultsDownload.tsx';
import { FaultsTable, RowsTable } from './ImportTables.tsx';

interface DryRunReportProps {
  upload: ImportUpload;
  report: ImportReport;
  /** The file checked again, with its warnings confirmed or no longer. */
  onRechecked: (upload: ImportUpload, report: ImportReport) => void;
  onCommitted: (report: ImportReport, mode: ImportMode) => void;
}

/** What importing the file would do, which takes focus when it arrives, and the choice to import it. */
export function DryRunReport({ upload, report, onRechecked, onCommitted }: DryRunReportProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  return (
    <section aria-labelledby={headingId} className="import-dry-run">
      <h2 id={headingId} ref={heading} tabIndex={-1} className="nl-heading nl-heading--level-2">
        {t('imports.dryRunHeading', { fileName: report.fileName })}
      </h2>
      <p className="nl-paragraph">{t('imports.dryRunIntro')}</p>
      <ImportCounts counts={report.counts} headerFaults={report.headerFaults.length} />
      <p className="nl-paragraph">{t('imports.noChanges')}</p>
      <SheetsNotTaken sheets={report.sheetsNotTaken} />
      <FaultsTable rows={report.rows} headerFaults={report.headerFaults} download={<FaultsDownload upload={upload} />} />
      <RowsTable rows={report.rows} />
      <h2 className="nl-heading nl-heading--level-2">{t('imports.commitHeading')}</h2>
      <ConfirmWarnings upload={upload} report={report} onRechecked={onRechecked} />
      {report.counts.create === 0 ? <p className="nl-paragraph">{t('imports.nothingToImport')}</p> : <CommitForm upload={upload} report={report} onCommitted={onCommitted} />}
    </section>
  );
}

/** The sheets of the file that nothing is taken from, and why: rows there that the user may take for imported. */
function SheetsNotTaken({ sheets }: { sheets: ImportReport['sheetsNotTaken'] }) {
  const { t } = useTranslation();
  if (sheets.length === 0) return null;
  return (
    <div className="utrecht-alert utrecht-alert--warning import-sheets-not-taken">
      <h3 className="nl-heading nl-heading--level-3">{t('imports.sheetsNotTakenHeading', { count: sheets.length })}</h3>
      <ul className="utrecht-unordered-list">
        {sheets.map((sheet) => (
          <li key={sheet.sheetName} className="utrecht-unordered-list__item">
            {sheet.reasonsByLanguage[currentLanguage()]}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * "Import anyway" for the rows the register warns of (a payment far above its valuation, goods shipped without a
 * licence in the register), each warning the file has named: ticked, the file is checked again with the warnings
 * confirmed, so that what is shown is what the import will make.
 */
function ConfirmWarnings({ upload, report, onRechecked }: Pick<DryRunReportProps, 'upload' | 'report' | 'onRechecked'>) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const confirmed = (upload.confirm ?? []).length > 0;
  if (!confirmed && report.confirmable.length === 0) return null;
  // Once confirmed, the warnings are no longer faults: those the file was checked again with are the file's.
  const warnings = confirmed ? upload.confirm! : report.confirmable;

  const recheck = (confirm: boolean) =>
    void submission.submit({}, async () => {
      const next = { ...upload, confirm: confirm ? report.confirmable : [] };
      onRechecked(next, (await dryRunImport(next)).data);
    });

  return (
    <>
      <ErrorSummary fieldErrors={submission.fieldErrors} labels={{}} formError={submission.formError} refusals={submission.refusals} />
      <p className="nl-paragraph">{t('imports.warningsText')}</p>
      <ul className="utrecht-unordered-list">
        {warnings.map((code) => (
          <li key={code} className="utrecht-unordered-list__item">
            {t(`imports.warnings.${code}`)}
          </li>
        ))}
      </ul>
      {/* While the file is checked again, the box shows what was asked for. */}
      <CheckboxField name="confirm" label={t('imports.importAnyway')} checked={submission.submitting ? !confirmed : confirmed} onChange={recheck} />
    </>
  );
}

function CommitForm({ upload, report, onCommitted }: Pick<DryRunReportProps, 'upload' | 'report' | 'onCommitted'>) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const [mode, setMode] = useState<ImportMode>('allOrNothing');

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    void submission.submit({}, async () => onCommitted((await commitImport(upload, mode)).data, mode));
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="record-form">
      <ErrorSummary fieldErrors={submission.fieldErrors} labels={{}} formError={submission.formError} refusals={submission.refusals} />
      <RadioGroupField
        name="mode"
        label={t('imports.mode')}
        value={mode}
        onChange={(value) => setMode(value === 'onlyValid' ? 'onlyValid' : 'allOrNothing')}
        options={[
          { value: 'allOrNothing', label: t('imports.modes.allOrNothing') },
          { value: 'onlyValid', label: t('imports.modes.onlyValid', { count: report.counts.create }) },
        ]}
      />
      <SubmitButton label={t('imports.commit')} busyLabel={t('imports.committing')} submitting={submission.submitting} />
    </form>
  );
}
