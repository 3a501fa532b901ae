import { useTranslation } from 'react-i18next';
import { renderingAddress, type Report } from '../../api/reports.ts';

/**
 * The letter exactly as the server renders it to send: its own HTML rendering, shown in a frame in which
 * no script may run. A draft is marked as such by that rendering.
 */
export function LetterPreview({ report }: { report: Report }) {
  const { t } = useTranslation();
  return (
    <iframe
      // A new version, or the paper number parliament assigned, is a new rendering: the frame loads it again.
      key={[report.version, report.paperNumber, report.publishedOn].join('/')}
      className="letter-preview"
      title={t('letters.preview.label')}
      src={renderingAddress(report.id, 'html')}
      // No script may run in it; being of this site lets it load the letter's stylesheet.
      sandbox="allow-same-origin"
    />
  );
}
