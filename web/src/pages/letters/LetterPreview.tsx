import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { previewLetter, renderingAddress, type Letter, type LetterChange } from '../../api/letters.ts';
import { invalidParamsShown, refusalReason } from '../../forms/refusalReason.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { letterFieldLabels } from './letterFields.ts';

/** How long typing pauses before the preview is rendered again. */
const PREVIEW_DELAY_MS = 500;

interface LetterPreviewProps {
  letter: Letter;
  /** Text typed but not saved: the preview then shows the server's rendering of it. */
  unsavedChange?: LetterChange | null;
}

/**
 * The letter exactly as the server renders it to send: its own HTML rendering, shown in a frame in which
 * no script may run. A draft is marked as such by that rendering. While the author types, the frame shows
 * the same renderer's answer for the unsaved text.
 */
export function LetterPreview({ letter, unsavedChange = null }: LetterPreviewProps) {
  const { t } = useTranslation();
  const live = useLivePreview(letter.id, unsavedChange);
  const showsUnsaved = unsavedChange !== null && live.html !== null;
  return (
    <>
      <p role="status" className="nl-paragraph letter-preview__status">
        {unsavedChange !== null && (live.failure ? failureText(live.failure, letterFieldLabels(letter, t), t) : showsUnsaved ? t('letters.preview.unsaved') : '')}
      </p>
      {showsUnsaved ? (
        <iframe className="letter-preview" title={t('letters.preview.label')} srcDoc={live.html ?? ''} sandbox="allow-same-origin" />
      ) : (
        <iframe
          // A new version, or the paper number parliament assigned, is a new rendering: the frame loads it again.
          key={[letter.version, letter.paperNumber, letter.publishedOn].join('/')}
          className="letter-preview"
          title={t('letters.preview.label')}
          src={renderingAddress(letter.id, 'html', currentLanguage())}
          // No script may run in it; being of this site lets it load the letter's stylesheet.
          sandbox="allow-same-origin"
        />
      )}
    </>
  );
}

/**
 * Why the preview shows an earlier text: what saving the latest one would refuse (a letter date before the
 * reference date, a block without text), each reason with the field it is about.
 */
function failureText({ error }: { error: unknown }, labels: Readonly<Record<string, string>>, t: TFunction): string {
  const refused = error instanceof ApiError && error.status === 400 && invalidParamsShown(error).length > 0;
  return refused ? t('letters.preview.refused', { reasons: refusalReason(error, t, '', labels) }) : t('letters.preview.failed');
}

/** The rendering of the unsaved text, asked for once typing pauses; a newer text cancels an older request. */
function useLivePreview(id: string, change: LetterChange | null): { html: string | null; failure: { error: unknown } | null } {
  const [live, setLive] = useState<{ html: string | null; failure: { error: unknown } | null }>({ html: null, failure: null });
  useEffect(() => {
    if (change === null) {
      setLive({ html: null, failure: null });
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      previewLetter(id, change, controller.signal).then(
        (html) => setLive({ html, failure: null }),
        (error: unknown) => {
          if (!controller.signal.aborted) setLive((previous) => ({ ...previous, failure: { error } }));
        },
      );
    }, PREVIEW_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [id, change]);
  return live;
}
