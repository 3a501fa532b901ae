import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { etagOf } from '../../api/client.ts';
import { getLetter } from '../../api/letters.ts';
import { Alert } from '../../components/Alert.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ResourceStatus } from '../../components/ResourceStatus.tsx';
import { formatLongDate } from '../../format/dates.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useResource } from '../../state/useResource.ts';
import { DraftLetter } from './DraftLetter.tsx';
import { FinalLetter } from './FinalLetter.tsx';
import { LetterStatus } from './LetterStatus.tsx';
import type { LetterNotice } from './letterNotice.ts';

export function LetterPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const resource = useResource(id, (signal) => getLetter(id, signal));
  const [notice, setNotice] = useState<LetterNotice | null>(null);

  // While a reload runs after a change, the page keeps showing the letter, so the form keeps focus.
  if (!resource.data) {
    return (
      <>
        <PageHeading title={t('letters.title')}>{t('letters.title')}</PageHeading>
        <ResourceStatus resource={resource} onRetry={resource.reload} notFound={t('letters.letter.notFound')} />
      </>
    );
  }
  const letter = resource.data.data;
  const title = t('letters.letter.title', { date: formatLongDate(letter.referenceDate, currentLanguage()) });
  const changed = (done: LetterNotice) => {
    setNotice(done);
    resource.reload();
  };
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="nl-paragraph page-subject">
        <LetterStatus status={letter.status} /> ·{' '}
        <Link className="utrecht-link utrecht-link--html-a" href="/brieven">
          {t('letters.letter.back')}
        </Link>
      </p>
      <div role="status" className="site-notice">
        {notice && <Alert type="ok">{t(notice)}</Alert>}
      </div>
      {letter.status === 'draft' ? (
        <DraftLetter letter={letter} etag={etagOf(resource.data)} busy={resource.status === 'loading'} onChanged={changed} onReload={resource.reload} />
      ) : (
        <FinalLetter letter={letter} etag={etagOf(resource.data)} onChanged={changed} />
      )}
    </>
  );
}
