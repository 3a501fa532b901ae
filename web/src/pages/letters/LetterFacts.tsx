import { useTranslation } from 'react-i18next';
import type { Report } from '../../api/reports.ts';
import { Detail } from '../../components/Detail.tsx';
import { formatLongDate, formatMoment } from '../../format/dates.ts';
import { currentLanguage } from '../../i18n/index.ts';

/** What is known of a letter at a glance: its dates, its paper number and, once final, its hashes. */
export function LetterFacts({ report }: { report: Report }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const none = t('common.none');
  const previous = report.letter.previousLetter;
  return (
    <dl className="utrecht-data-list utrecht-data-list--rows details-list">
      <Detail label={t('fields.referenceDate')}>{formatLongDate(report.referenceDate, language)}</Detail>
      <Detail label={t('fields.letterDate')}>{report.letterDate ? formatLongDate(report.letterDate, language) : t('letters.facts.noLetterDate')}</Detail>
      <Detail label={t('letters.facts.previous')}>
        {previous ? t('letters.facts.previousLetter', { date: formatLongDate(previous.referenceDate, language), paper: previous.paperNumber ?? none }) : none}
      </Detail>
      {report.status === 'final' && (
        <>
          <Detail label={t('letters.facts.finalised')}>
            {report.finalisedAt ? t('letters.facts.finalisedBy', { moment: formatMoment(report.finalisedAt, language), name: report.finalisedByName ?? none }) : none}
          </Detail>
          <Detail label={t('letters.facts.approved')}>
            {report.approval ? t('letters.facts.approvedBy', { moment: formatMoment(report.approval.at, language), name: report.approval.byName }) : none}
          </Detail>
          <Detail label={t('fields.paperNumber')}>{report.paperNumber ?? t('letters.facts.notYet')}</Detail>
          <Detail label={t('fields.publishedOn')}>{report.publishedOn ? formatLongDate(report.publishedOn, language) : t('letters.facts.notYet')}</Detail>
          <Detail label={t('letters.facts.publicSha256')}>
            <code className="hash">{report.publicSha256}</code>
          </Detail>
          <Detail label={t('letters.facts.annexSha256')}>
            <code className="hash">{report.annexSha256}</code>
          </Detail>
        </>
      )}
    </dl>
  );
}
