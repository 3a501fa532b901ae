import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { importHasFaults } from '../../../../common/import-faults.ts';
import type { ImportMode, ImportReport, ImportUpload } from '../../api/imports.ts';
import { Detail } from '../../components/Detail.tsx';
import { useCan } from '../../state/session.tsx';
import { auditAddress, NO_FILTERS } from '../audit/auditQuery.ts';
import { FaultsDownload } from './FaultsDownload.tsx';
import { ImportCounts } from './ImportCounts.tsx';
import { FaultsTable } from './ImportTables.tsx';

interface ImportResultProps {
  upload: ImportUpload;
  report: ImportReport;
  mode: ImportMode;
  onAgain: () => void;
}

/**
 * What the import wrote, with its id as the audit trail names it; takes focus when it arrives. One refused for the
 * faults of its file (all or nothing) shows those faults again, as its dry run did, rather than what it would have made.
 */
export function ImportResult({ upload, report, mode, onAgain }: ImportResultProps) {
  const { t } = useTranslation();
  const can = useCan();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const refused = mode === 'allOrNothing' && importHasFaults(report);

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1} className="nl-heading nl-heading--level-2">
        {report.committed ? t('imports.resultHeading') : t('imports.resultNothingHeading')}
      </h2>
      <p className="nl-paragraph">
        {report.committed ? t('imports.resultIntro', { count: report.counts.create }) : refused ? t('imports.resultRefused') : t('imports.resultNothing')}
      </p>
      {refused ? (
        <FaultsTable rows={report.rows} headerFaults={report.headerFaults} download={<FaultsDownload upload={upload} />} />
      ) : (
        <ImportCounts counts={report.counts} headerFaults={report.headerFaults.length} committed={report.committed} />
      )}
      {report.importId && (
        <dl className="utrecht-data-list utrecht-data-list--rows details-list">
          <Detail label={t('imports.importId')}>
            <code>{report.importId}</code>
          </Detail>
        </dl>
      )}
      {report.importId && (
        <p className="nl-paragraph">
          {can('audit.read') ? (
            <Link className="utrecht-link utrecht-link--html-a" href={auditAddress({ ...NO_FILTERS, importId: report.importId })}>
              {t('imports.auditLink')}
            </Link>
          ) : (
            t('imports.auditHint')
          )}
        </p>
      )}
      <div className="action-row">
        <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={onAgain}>
          {t('imports.again')}
        </button>
      </div>
    </section>
  );
}
