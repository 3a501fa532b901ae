import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../api/imports.ts';
import { Detail } from '../../components/Detail.tsx';
import { locale } from '../../format/locale.ts';
import { currentLanguage } from '../../i18n/index.ts';

const OUTCOMES = ['create', 'unchanged', 'invalid', 'example', 'notes'] as const;

/**
 * How many rows of the file have each outcome: what would happen, or once committed what did. The header rows
 * are no rows of data: the sheets whose header row has a fault are counted apart, when there are any.
 */
export function ImportCounts({ counts, headerFaults, committed = false }: { counts: ImportReport['counts']; headerFaults: number; committed?: boolean }) {
  const { t } = useTranslation();
  const number = new Intl.NumberFormat(locale(currentLanguage()));
  return (
    <dl className="utrecht-data-list utrecht-data-list--rows details-list import-counts">
      {OUTCOMES.map((outcome) => (
        <Detail key={outcome} label={t(committed ? `imports.countsDone.${outcome}` : `imports.counts.${outcome}`)}>
          {number.format(counts[outcome])}
        </Detail>
      ))}
      {headerFaults > 0 && <Detail label={t('imports.counts.headerFaults')}>{number.format(headerFaults)}</Detail>}
    </dl>
  );
}
