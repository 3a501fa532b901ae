import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_IMPORT_FILE_BYTES } from '../../../../common/import-limits.ts';
import { dryRunImport, type ImportReport, type ImportUpload } from '../../api/imports.ts';
import { ErrorSummary } from '../../forms/ErrorSummary.tsx';
import { FormField } from '../../forms/FormField.tsx';
import { SubmitButton } from '../../forms/SubmitButton.tsx';
import { useSubmission } from '../../forms/useSubmission.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { megabytes } from './megabytes.ts';

/** The field's name is the API's (`content`), so that the server's reasons about the file land on it. */
const FILE_FIELD = 'content';
/** What the register reads: workbooks, and text as Excel saves it (CSV, or "Unicode text" with tabs as .txt). */
const EXTENSIONS = ['xlsx', 'csv', 'txt', 'tsv'];
const ACCEPTED = new RegExp(`\\.(${EXTENSIONS.join('|')})$`, 'i');

/** Chooses the file and asks the register what importing it would do; nothing changes yet. */
export function ImportFileForm({ onChecked }: { onChecked: (upload: ImportUpload, report: ImportReport) => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const submission = useSubmission();
  const [file, setFile] = useState<File | null>(null);
  const [clientError, setClientError] = useState<{ message: string; refusals: number } | null>(null);
  const fieldErrors = clientError ? { [FILE_FIELD]: clientError.message } : submission.fieldErrors;
  const maximum = megabytes(MAX_IMPORT_FILE_BYTES, language);

  function problemOf(chosen: File | null): string | null {
    if (!chosen) return t('imports.errors.required');
    if (!ACCEPTED.test(chosen.name)) return t('imports.errors.wrongType', { name: chosen.name });
    if (chosen.size === 0) return t('imports.errors.empty');
    if (chosen.size > MAX_IMPORT_FILE_BYTES) return t('imports.errors.tooLarge', { size: megabytes(chosen.size, language), maximum });
    return null;
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const problem = problemOf(file);
    if (problem || !file) {
      setClientError((previous) => ({ message: problem ?? '', refusals: (previous?.refusals ?? 0) + 1 }));
      return;
    }
    setClientError(null);
    void submission.submit({}, async () => {
      const upload = { fileName: file.name, content: await base64Of(file) };
      onChecked(upload, (await dryRunImport(upload)).data);
    });
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="record-form">
      <ErrorSummary
        fieldErrors={fieldErrors}
        labels={{ [FILE_FIELD]: t('imports.fileLabel') }}
        formError={submission.formError}
        refusals={submission.refusals + (clientError?.refusals ?? 0)}
      />
      <FormField name={FILE_FIELD} label={t('imports.fileLabel')} hint={t('imports.fileHint', { maximum })} error={fieldErrors[FILE_FIELD]}>
        {(control) => (
          <input
            {...control}
            type="file"
            className="file-input"
            accept={EXTENSIONS.map((extension) => `.${extension}`).join(',')}
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
        )}
      </FormField>
      <SubmitButton label={t('imports.check')} busyLabel={t('imports.checking')} submitting={submission.submitting} />
    </form>
  );
}

/** The file's bytes as base64, read by the browser itself (fast, also for a file of many megabytes). */
function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const dataUrl = String(reader.result);
      resolve(dataUrl.slice(dataUrl.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(file);
  });
}
