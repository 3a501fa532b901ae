import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { compareLetters, listLetters } from '../../api/letters.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ResourceStatus } from '../../components/ResourceStatus.tsx';
import { useResource } from '../../state/useResource.ts';
import { LetterComparison } from '../comparison/LetterComparison.tsx';
import { useLetterChoice } from '../comparison/useLetterChoice.ts';

/** Any two letters compared, drafts included: what a draft will add to the last letter sent. */
export function LetterComparisonPage() {
  const { t } = useTranslation();
  const choice = useLetterChoice();
  const letters = useResource('letters', (signal) => listLetters(signal));
  return (
    <>
      <PageHeading title={t('comparison.title')}>{t('comparison.title')}</PageHeading>
      <p className="nl-paragraph page-subject">
        <Link className="utrecht-link utrecht-link--html-a" href="/brieven">
          {t('letters.letter.back')}
        </Link>
      </p>
      <p className="nl-paragraph">{t('comparison.intro')}</p>
      {letters.data ? (
        <LetterComparison letters={letters.data.data.items.map(choice)} compare={compareLetters} />
      ) : (
        <ResourceStatus resource={letters} onRetry={letters.reload} />
      )}
    </>
  );
}
