import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { listLetters, type LetterSummary } from '../../api/letters.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { ExportLinks } from '../../components/ExportLinks.tsx';
import { LabelledSection } from '../../components/LabelledSection.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ResourceStatus } from '../../components/ResourceStatus.tsx';
import { actorName } from '../../format/actors.ts';
import { formatMoment, formatShortDate } from '../../format/dates.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useCan } from '../../state/session.tsx';
import { useResource } from '../../state/useResource.ts';
import { LetterStatus } from './LetterStatus.tsx';
import { letterStage } from './letterStage.ts';
import { NewDraftForm } from './NewDraftForm.tsx';

export function LettersPage() {
  const { t } = useTranslation();
  const can = useCan();
  const letters = useResource('letters', (signal) => listLetters(signal));
  return (
    <>
      <PageHeading title={t('letters.title')}>{t('letters.title')}</PageHeading>
      <p className="nl-paragraph">{t('letters.intro')}</p>
      <p className="nl-paragraph page-links">
        <Link className="utrecht-link utrecht-link--html-a" href="/brieven/vergelijken">
          {t('letters.compareLink')}
        </Link>
      </p>
      <LabelledSection heading={t('letters.listHeading')}>
        {letters.data && letters.data.data.items.length > 0 && <ExportLinks list="letters" />}
        {letters.data ? <LettersTable letters={letters.data.data.items} /> : <ResourceStatus resource={letters} onRetry={letters.reload} />}
      </LabelledSection>
      {can('letter.write') && (
        <LabelledSection heading={t('letters.newDraft.heading')}>
          <NewDraftForm />
        </LabelledSection>
      )}
    </>
  );
}

function LettersTable({ letters }: { letters: LetterSummary[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (letters.length === 0) return <p className="nl-paragraph">{t('letters.empty')}</p>;
  const date = (value: string | null) => (value ? <span className="cell-nowrap">{formatShortDate(value, language)}</span> : t('common.none'));
  const columns: Column<LetterSummary>[] = [
    {
      key: 'referenceDate',
      header: t('letters.columns.referenceDate'),
      cell: (letter) => (
        <Link className="utrecht-link utrecht-link--html-a" href={`/brieven/${letter.id}`}>
          {t('letters.linkText', { date: formatShortDate(letter.referenceDate, language) })}
        </Link>
      ),
    },
    { key: 'letterDate', header: t('letters.columns.letterDate'), cell: (letter) => date(letter.letterDate) },
    {
      key: 'status',
      header: t('letters.columns.status'),
      cell: (letter) => {
        const stage = letterStage(letter);
        return (
          <>
            <LetterStatus status={letter.status} />
            {stage && <span className="letter-stage">{t(`letters.stage.${stage}`)}</span>}
            {letter.withdrawnAt && (
              <span className="letter-stage">
                {t('letters.withdrawnSummary', { moment: formatMoment(letter.withdrawnAt, language), name: actorName(letter.withdrawnByName ?? '', t), reason: letter.withdrawalReason })}
              </span>
            )}
          </>
        );
      },
    },
    { key: 'paperNumber', header: t('letters.columns.paperNumber'), cell: (letter) => letter.paperNumber ?? t('common.none') },
    { key: 'publishedOn', header: t('letters.columns.publishedOn'), cell: (letter) => date(letter.publishedOn) },
  ];
  return <DataTable caption={t('letters.caption')} columns={columns} rows={letters} rowKey={(letter) => letter.id} />;
}
