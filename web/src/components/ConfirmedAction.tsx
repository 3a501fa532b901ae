import { useState, type ReactNode } from 'react';
import { ConfirmDialog } from './ConfirmDialog.tsx';

interface ConfirmedActionProps {
  buttonLabel: string;
  title: string;
  confirmLabel: string;
  destructive?: boolean;
  /** Removes what the page shows: the button looks like the register's other delete buttons, not like the page's main action. */
  removes?: boolean;
  /** Does the action; a rejection keeps the dialog open with what `failureText` says of it. */
  action: () => Promise<void>;
  failureText: (error: unknown) => string;
  onDone: () => void;
  /** What the dialog says before the user confirms. */
  children: ReactNode;
}

/** A button that asks for confirmation in a dialog before it acts, and says so when the action was refused. */
export function ConfirmedAction({ buttonLabel, title, confirmLabel, destructive, removes, action, failureText, onDone, children }: ConfirmedActionProps) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function confirm() {
    setBusy(true);
    try {
      await action();
      setOpen(false);
      onDone();
    } catch (error) {
      setFailure(failureText(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button
        type="button"
        className={removes ? 'utrecht-button utrecht-button--secondary-action delete-button' : 'utrecht-button utrecht-button--primary-action'}
        onClick={() => {
          setFailure(null);
          setOpen(true);
        }}
      >
        {buttonLabel}
      </button>
      <ConfirmDialog
        open={open}
        title={title}
        confirmLabel={confirmLabel}
        {...(destructive ? { destructive } : {})}
        busy={busy}
        failure={failure}
        onConfirm={confirm}
        onCancel={() => setOpen(false)}
      >
        {children}
      </ConfirmDialog>
    </>
  );
}
