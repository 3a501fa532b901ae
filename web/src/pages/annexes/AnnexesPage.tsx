import { useTranslation } from 'react-i18next';
import { listAnnexes, type AnnexListItem } from '../../api/letters.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { ExportLinks } from '../../components/ExportLinks.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ResourceStatus } from '../../components/ResourceStatus.tsx';
import { locale } from '../../format/locale.ts';
import { formatMoment, formatShortDate } from '../../format/dates.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useResource } from '../../state/useResource.ts';
import { AnnexLinks, AnnexNotice } from '../letters/AnnexLinks.tsx';
import { changesSincePrevious } from './annexChanges.ts';

/** The annexes the reader may open, newest first, each with what changed since the previous letter. */
export function AnnexesPage() {
  const { t } = useTranslation();
  const annexes = useResource('annexes', (signal) => listAnnexes(signal));
  return (
    <>
      <PageHeading title={t('annexes.title')}>{t('annexes.title')}</PageHeading>
      <p className="nl-paragraph">{t('annexes.intro')}</p>
      <AnnexNotice />
      {annexes.data ? <AnnexesTable annexes={annexes.data.data.items} /> : <ResourceStatus resource={annexes} onRetry={annexes.reload} />}
    </>
  );
}

function AnnexesTable({ annexes }: { annexes: AnnexListItem[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (annexes.length === 0) return <p className="nl-paragraph">{t('annexes.empty')}</p>;
  const columns: Column<AnnexListItem>[] = [
    { key: 'referenceDate', header: t('fields.referenceDate'), cell: (annex) => <span className="cell-nowrap">{formatShortDate(annex.referenceDate, language)}</span> },
    { key: 'annex', header: t('annexes.annexColumn'), cell: (annex) => <AnnexLinks id={annex.letterId} label={t('annexes.openAs')} /> },
    { key: 'letterDate', header: t('fields.letterDate'), cell: (annex) => (annex.letterDate ? <span className="cell-nowrap">{formatShortDate(annex.letterDate, language)}</span> : t('common.none')) },
    { key: 'paperNumber', header: t('fields.paperNumber'), cell: (annex) => annex.paperNumber ?? t('common.none') },
    { key: 'sentAt', header: t('annexes.sentColumn'), cell: (annex) => (annex.sentAt ? formatMoment(annex.sentAt, language) : t('annexes.notSent')) },
    { key: 'changes', header: t('annexes.changesColumn'), cell: (annex) => <AnnexChanges annex={annex} /> },
  ];
  return (
    <>
      <ExportLinks list="annexes" />
      <DataTable caption={t('annexes.caption')} columns={columns} rows={annexes} rowKey={(annex) => annex.letterId} />
    </>
  );
}

/** "312 deliveries" and "12 new and 4 at another value since the letter of 4 Feb 2025", from the counts kept with the annex's rendering. */
function AnnexChanges({ annex }: { annex: AnnexListItem }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (annex.rowCount === null || annex.newRows === null || annex.changedRows === null) return <>{t('annexes.changesUnknown')}</>;
  return (
    <>
      {t('annexes.rows', { count: annex.rowCount, formatted: annex.rowCount.toLocaleString(locale(language)) })}
      <br />
      {changesSincePrevious(t, { ...annex, newRows: annex.newRows, changedRows: annex.changedRows }, language)}
    </>
  );
}
