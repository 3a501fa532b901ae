import { useTranslation } from 'react-i18next';
import { getPublicLetter } from '../../api/public.ts';
import { Detail } from '../../components/Detail.tsx';
import { LabelledSection } from '../../components/LabelledSection.tsx';
import { ResourceStatus } from '../../components/ResourceStatus.tsx';
import { formatLongDate } from '../../format/dates.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useResource } from '../../state/useResource.ts';
import { HashCheck } from './HashCheck.tsx';
import { LetterText } from './LetterText.tsx';
import { PublicFiguresTable } from './PublicFiguresTable.tsx';
import { PublicLetterDownloads } from './PublicLetterDownloads.tsx';
import { PublicSection } from './PublicSection.tsx';

/** One sent letter: its figures, its full text (with its public overview), its downloads, and how anyone can check it is the letter as sent. */
export function PublicLetterPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const resource = useResource(id, (signal) => getPublicLetter(id, signal));
  if (resource.status !== 'ready') {
    return (
      <PublicSection title={t('public.letters.title')}>
        <ResourceStatus resource={resource} onRetry={resource.reload} notFound={t('public.letter.notFound')} />
      </PublicSection>
    );
  }
  const letter = resource.data.data;
  const none = t('public.letters.noPaperNumber');
  return (
    <PublicSection title={t('public.letter.title', { date: formatLongDate(letter.letterDate, language) })} isDemonstration={letter.isDemonstration}>
      <dl className="utrecht-data-list utrecht-data-list--rows details-list">
        <Detail label={t('fields.referenceDate')}>{formatLongDate(letter.referenceDate, language)}</Detail>
        <Detail label={t('fields.letterDate')}>{formatLongDate(letter.letterDate, language)}</Detail>
        <Detail label={t('fields.paperNumber')}>{letter.paperNumber ?? none}</Detail>
        <Detail label={t('fields.publishedOn')}>{letter.publishedOn ? formatLongDate(letter.publishedOn, language) : none}</Detail>
      </dl>
      <div className="letter-tools">
        <PublicLetterDownloads letter={letter} label={t('public.letters.downloadAs')} />
      </div>
      <LabelledSection heading={t('public.letter.figuresHeading')}>
        <PublicFiguresTable letter={letter.letter} />
      </LabelledSection>
      <LabelledSection heading={t('public.letter.textHeading')}>
        <LetterText document={resource.data.data.document} />
      </LabelledSection>
      <LabelledSection heading={t('public.letter.checkHeading')}>
        <HashCheck letter={letter} />
      </LabelledSection>
    </PublicSection>
  );
}
