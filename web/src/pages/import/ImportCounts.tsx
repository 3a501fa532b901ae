import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../api/imports.ts';
import { Detail } from '../../components/Detail.tsx';
import { locale } from '../../format/locale.ts';
import { currentLanguage } from '../../i18n/index.ts';

const OUTCOMES = ['create', 'unchanged', 'invalid', 'example', 'notes'] as const;

/** How many rows of the file have each outcome: what would happen, or once committed what did. */
export function ImportCounts({ counts, committed = false }: { counts: ImportReport['counts']; committed?: boolean }) {
  const { t } = useTranslation();
  const number = new Intl.NumberFormat(locale(currentLanguage()));
  return (
    <dl className="utrecht-data-list utrecht-data-list--rows details-list import-counts">
      {OUTCOMES.map((outcome) => (
        <Detail key={outcome} label={t(committed ? `imports.countsDone.${outcome}` : `imports.counts.${outcome}`)}>
          {number.format(counts[outcome])}
        </Detail>
      ))}
    </dl>
  );
}
