import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { listPublicLetters, type PublicLetter } from '../../api/public.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { ResourceStatus } from '../../components/ResourceStatus.tsx';
import { formatShortDate } from '../../format/dates.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useResource } from '../../state/useResource.ts';
import { PublicLetterDownloads } from './PublicLetterDownloads.tsx';
import { PublicSection } from './PublicSection.tsx';

/** The letters sent to parliament, each with its hash and its downloads; no login needed. */
export function PublicLettersPage() {
  const { t } = useTranslation();
  const letters = useResource('public-letters', (signal) => listPublicLetters(signal));
  const items = letters.data?.data.items;
  return (
    <PublicSection title={t('public.letters.title')} isDemonstration={items?.some((letter) => letter.isDemonstration)}>
      <p className="nl-paragraph">{t('public.letters.intro')}</p>
      {items ? <PublicLettersTable letters={items} /> : <ResourceStatus resource={letters} onRetry={letters.reload} />}
    </PublicSection>
  );
}

function PublicLettersTable({ letters }: { letters: PublicLetter[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (letters.length === 0) return <p className="nl-paragraph">{t('public.letters.empty')}</p>;
  const columns: Column<PublicLetter>[] = [
    {
      key: 'referenceDate',
      header: t('fields.referenceDate'),
      cell: (letter) => (
        <Link className="utrecht-link utrecht-link--html-a" href={`/openbaar/brieven/${letter.id}`}>
          {t('letters.linkText', { date: formatShortDate(letter.referenceDate, language) })}
        </Link>
      ),
    },
    { key: 'letterDate', header: t('fields.letterDate'), cell: (letter) => <span className="cell-nowrap">{formatShortDate(letter.letterDate, language)}</span> },
    { key: 'paperNumber', header: t('fields.paperNumber'), cell: (letter) => letter.paperNumber ?? t('public.letters.noPaperNumber') },
    { key: 'sha256', header: t('public.letters.sha256'), cell: (letter) => <code className="hash">{letter.sha256}</code> },
    { key: 'downloads', header: t('public.letters.downloads'), cell: (letter) => <PublicLetterDownloads letter={letter} label={t('public.letters.downloadAs')} /> },
  ];
  return <DataTable caption={t('public.letters.caption')} columns={columns} rows={letters} rowKey={(letter) => letter.id} />;
}
