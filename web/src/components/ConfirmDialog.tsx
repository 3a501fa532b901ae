import { useEffect, useId, useLayoutEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from './Alert.tsx';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  confirmLabel: string;
  /** The confirmation cannot be undone: its button says so by its colour, and focus starts on cancel. */
  destructive?: boolean;
  busy: boolean;
  failure: string | null;
  onConfirm: () => void;
  /** Also called when the dialog is closed with Escape. */
  onCancel: () => void;
  children: ReactNode;
}

/** A modal dialog that asks before something is done, and says so when it could not be done. */
export function ConfirmDialog({ open, title, confirmLabel, destructive, busy, failure, onConfirm, onCancel, children }: ConfirmDialogProps) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  // Closing (rather than just removing) a dialog that goes away puts focus back where it was before.
  useLayoutEffect(() => {
    const element = dialog.current;
    return () => element?.close();
  }, []);

  return (
    <dialog ref={dialog} className="confirm-dialog" aria-labelledby={titleId} aria-describedby={bodyId} onClose={() => open && onCancel()}>
      <h2 id={titleId} className="nl-heading nl-heading--level-2">
        {title}
      </h2>
      <div id={bodyId}>{children}</div>
      {failure && <Alert type="error">{failure}</Alert>}
      <div className="action-row">
        <button
          type="button"
          className={`utrecht-button utrecht-button--primary-action${destructive ? ' confirm-dialog__destructive' : ''}`}
          disabled={busy}
          onClick={onConfirm}
        >
          {confirmLabel}
        </button>
        <button type="button" className="utrecht-button utrecht-button--secondary-action" autoFocus={destructive} onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </dialog>
  );
}
