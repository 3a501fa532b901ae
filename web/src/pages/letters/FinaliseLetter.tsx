import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { finaliseReport, type Report } from '../../api/reports.ts';
import { Alert } from '../../components/Alert.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { formatLongDate } from '../../format/dates.ts';
import { refusalReason } from '../../forms/refusalReason.ts';
import { currentLanguage } from '../../i18n/index.ts';

interface FinaliseLetterProps {
  report: Report;
  etag: string;
  /** The text in the form differs from what is saved: only what is saved becomes final. */
  unsaved: boolean;
  onFinalised: () => void;
}

/** The button that makes a draft final, and the dialog that first says this cannot be undone. */
export function FinaliseLetter({ report, etag, unsaved, onFinalised }: FinaliseLetterProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function confirm() {
    setBusy(true);
    try {
      await finaliseReport(report.id, etag);
      setOpen(false);
      onFinalised();
    } catch (error) {
      setFailure(t('letters.finalise.failed', { detail: refusalReason(error, t, t('letters.finalise.changed')) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button
        type="button"
        className="utrecht-button utrecht-button--primary-action"
        onClick={() => {
          setFailure(null);
          setOpen(true);
        }}
      >
        {t('letters.finalise.button')}
      </button>
      <ConfirmDialog
        open={open}
        title={t('letters.finalise.title')}
        confirmLabel={t('letters.finalise.confirm')}
        destructive
        busy={busy}
        failure={failure}
        onConfirm={confirm}
        onCancel={() => setOpen(false)}
      >
        <p className="nl-paragraph">
          {t('letters.finalise.body', {
            referenceDate: formatLongDate(report.referenceDate, language),
            letterDate: report.letterDate ? formatLongDate(report.letterDate, language) : t('letters.facts.noLetterDate'),
          })}
        </p>
        <p className="nl-paragraph">
          <strong>{t('letters.finalise.irreversible')}</strong>
        </p>
        {unsaved && <Alert type="warning">{t('letters.finalise.unsaved')}</Alert>}
      </ConfirmDialog>
    </>
  );
}
