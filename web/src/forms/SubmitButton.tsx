import { useTranslation } from 'react-i18next';

interface SubmitButtonProps {
  label: string;
  submitting: boolean;
  /** Shown while the form is being sent; by default "Saving…". */
  busyLabel?: string;
}

/** The form's primary button, in its own action row, disabled while the form is being sent. */
export function SubmitButton({ label, submitting, busyLabel }: SubmitButtonProps) {
  const { t } = useTranslation();
  return (
    <div className="action-row">
      <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={submitting}>
        {submitting ? (busyLabel ?? t('form.saving')) : label}
      </button>
    </div>
  );
}
