import { useTranslation } from 'react-i18next';
import { finaliseLetter, type Letter } from '../../api/letters.ts';
import { Alert } from '../../components/Alert.tsx';
import { ConfirmedAction } from '../../components/ConfirmedAction.tsx';
import { formatLongDate } from '../../format/dates.ts';
import { refusalReason } from '../../forms/refusalReason.ts';
import { currentLanguage } from '../../i18n/index.ts';

interface FinaliseLetterProps {
  letter: Letter;
  etag: string;
  /** The text in the form differs from what is saved: only what is saved becomes final. */
  unsaved: boolean;
  onFinalised: () => void;
}

/** The button that makes a draft final, and the dialog that first says this cannot be undone. */
export function FinaliseLetter({ letter, etag, unsaved, onFinalised }: FinaliseLetterProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <ConfirmedAction
      buttonLabel={t('letters.finalise.button')}
      title={t('letters.finalise.title')}
      confirmLabel={t('letters.finalise.confirm')}
      destructive
      action={() => finaliseLetter(letter.id, etag).then(() => undefined)}
      failureText={(error) => t('letters.finalise.failed', { detail: refusalReason(error, t, t('letters.finalise.changed')) })}
      onDone={onFinalised}
    >
      <p className="nl-paragraph">
        {t('letters.finalise.body', {
          referenceDate: formatLongDate(letter.referenceDate, language),
          letterDate: letter.letterDate ? formatLongDate(letter.letterDate, language) : t('letters.facts.noLetterDate'),
        })}
      </p>
      <p className="nl-paragraph">
        <strong>{t('letters.finalise.irreversible')}</strong>
      </p>
      {unsaved && <Alert type="warning">{t('letters.finalise.unsaved')}</Alert>}
    </ConfirmedAction>
  );
}
