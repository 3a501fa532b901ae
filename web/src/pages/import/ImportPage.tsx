import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_TEMPLATE_HREF, type ImportMode, type ImportReport, type ImportUpload } from '../../api/imports.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { DryRunReport } from './DryRunReport.tsx';
import { ImportFileForm } from './ImportFileForm.tsx';
import { ImportResult } from './ImportResult.tsx';

/** Where the user is: choosing a file, looking at its dry run (the how-manieth), or at what was imported. */
type Stage =
  | { step: 'choose' }
  | { step: 'checked'; upload: ImportUpload; report: ImportReport; check: number }
  | { step: 'done'; upload: ImportUpload; report: ImportReport; mode: ImportMode };

/** A spreadsheet into the register: the template, a dry run of the filled-in file, and the import itself. */
export function ImportPage() {
  const { t } = useTranslation();
  const [stage, setStage] = useState<Stage>({ step: 'choose' });
  const checks = stage.step === 'checked' ? stage.check : 0;

  return (
    <>
      <PageHeading title={t('imports.title')}>{t('imports.title')}</PageHeading>
      <p className="nl-paragraph">{t('imports.intro')}</p>
      <p className="nl-paragraph">{t('imports.roles')}</p>
      {stage.step === 'done' ? (
        <ImportResult upload={stage.upload} report={stage.report} mode={stage.mode} onAgain={() => setStage({ step: 'choose' })} />
      ) : (
        <>
          <h2 className="nl-heading nl-heading--level-2">{t('imports.templateHeading')}</h2>
          <p className="nl-paragraph">{t('imports.templateText')}</p>
          <p className="nl-paragraph">
            <a className="utrecht-link utrecht-link--html-a" href={IMPORT_TEMPLATE_HREF} download>
              {t('imports.templateLink')}
            </a>
          </p>
          <h2 className="nl-heading nl-heading--level-2">{t('imports.fileHeading')}</h2>
          <ImportFileForm onChecked={(upload, report) => setStage({ step: 'checked', upload, report, check: checks + 1 })} />
          {stage.step === 'checked' && (
            <DryRunReport
              key={stage.check}
              upload={stage.upload}
              report={stage.report}
              onRechecked={(upload, report) => setStage({ ...stage, upload, report })}
              onCommitted={(report, mode) => setStage({ step: 'done', upload: stage.upload, report, mode })}
            />
          )}
        </>
      )}
    </>
  );
}
