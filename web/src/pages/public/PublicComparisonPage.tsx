import { useTranslation } from 'react-i18next';
import { comparePublicLetters, listPublicLetters } from '../../api/public.ts';
import { ResourceStatus } from '../../components/ResourceStatus.tsx';
import { useResource } from '../../state/useResource.ts';
import { LetterComparison } from '../comparison/LetterComparison.tsx';
import { useLetterChoice } from '../comparison/useLetterChoice.ts';
import { PublicSection } from './PublicSection.tsx';

/** Two sent letters compared, by anyone: how the figures moved, what became public, what was restated. */
export function PublicComparisonPage() {
  const { t } = useTranslation();
  const choice = useLetterChoice();
  const letters = useResource('public-letters', (signal) => listPublicLetters(signal));
  return (
    <PublicSection title={t('comparison.publicTitle')} isDemonstration={letters.data?.data.items.some((letter) => letter.isDemonstration)}>
      <p className="nl-paragraph">{t('comparison.publicPageIntro')}</p>
      {letters.data ? (
        <LetterComparison
          letters={letters.data.data.items.map(choice)}
          compare={comparePublicLetters}
        />
      ) : (
        <ResourceStatus resource={letters} onRetry={letters.reload} />
      )}
    </PublicSection>
  );
}
