import { useTranslation } from 'react-i18next';
import { renderingAddress, type Letter } from '../../api/letters.ts';

/**
 * The letter exactly as the server renders it to send: its own HTML rendering, shown in a frame in which
 * no script may run. A draft is marked as such by that rendering.
 */
export function LetterPreview({ letter }: { letter: Letter }) {
  const { t } = useTranslation();
  return (
    <iframe
      // A new version, or the paper number parliament assigned, is a new rendering: the frame loads it again.
      key={[letter.version, letter.paperNumber, letter.publishedOn].join('/')}
      className="letter-preview"
      title={t('letters.preview.label')}
      src={renderingAddress(letter.id, 'html')}
      // No script may run in it; being of this site lets it load the letter's stylesheet.
      sandbox="allow-same-origin"
    />
  );
}
