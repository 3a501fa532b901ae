import { useTranslation } from 'react-i18next';
import { listPublicLetters, type PublicLetter } from '../../api/public.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ResourceStatus } from '../../components/ResourceStatus.tsx';
import { formatShortDate } from '../../format/dates.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useResource } from '../../state/useResource.ts';
import { AnnexLinks, AnnexNotice } from '../letters/AnnexLinks.tsx';

/** The letters sent to parliament, each with the confidential annex the reader may open. */
export function AnnexesPage() {
  const { t } = useTranslation();
  const letters = useResource('public-letters', (signal) => listPublicLetters(signal));
  return (
    <>
      <PageHeading title={t('annexes.title')}>{t('annexes.title')}</PageHeading>
      <p className="nl-paragraph">{t('annexes.intro')}</p>
      <AnnexNotice />
      {letters.data ? <AnnexesTable letters={letters.data.data.items} /> : <ResourceStatus resource={letters} onRetry={letters.reload} />}
    </>
  );
}

function AnnexesTable({ letters }: { letters: PublicLetter[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (letters.length === 0) return <p className="nl-paragraph">{t('annexes.empty')}</p>;
  const columns: Column<PublicLetter>[] = [
    { key: 'referenceDate', header: t('fields.referenceDate'), cell: (letter) => <span className="cell-nowrap">{formatShortDate(letter.referenceDate, language)}</span> },
    { key: 'letterDate', header: t('fields.letterDate'), cell: (letter) => <span className="cell-nowrap">{formatShortDate(letter.letterDate, language)}</span> },
    { key: 'paperNumber', header: t('fields.paperNumber'), cell: (letter) => letter.paperNumber ?? t('common.none') },
    {
      key: 'annex',
      header: t('annexes.annexColumn'),
      cell: (letter) => <AnnexLinks id={letter.id} label={t('annexes.openAs')} />,
    },
  ];
  return <DataTable caption={t('annexes.caption')} columns={columns} rows={letters} rowKey={(letter) => letter.id} />;
}
