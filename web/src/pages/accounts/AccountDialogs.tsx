import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../../common/vocabulary/codes.ts';
import { changeRole, disableAccount, resetPassword, type Account } from '../../api/accounts.ts';
import { ApiError } from '../../api/client.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { SelectField, TextField } from '../../forms/controls.tsx';
import { fieldErrorsOf } from '../../forms/useSubmission.ts';

interface AccountDialogProps {
  account: Account;
  onCancel: () => void;
  /** Called with the confirmation to show once the change is made. */
  onDone: (message: string) => void;
}

/** Runs a change to an account from a dialog: busy while it runs, the server's reason when refused. */
function useAccountChange(onDone: (message: string) => void) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  async function run(change: () => Promise<string>) {
    setBusy(true);
    setFailure(null);
    try {
      onDone(await change());
    } catch (error) {
      const detail = error instanceof ApiError ? (Object.values(fieldErrorsOf(error))[0] ?? error.message) : t('form.errors.network');
      setFailure(t('accounts.failed', { detail }));
    } finally {
      setBusy(false);
    }
  }
  return { busy, failure, run };
}

export function ChangeRoleDialog({ account, onCancel, onDone }: AccountDialogProps) {
  const { t } = useTranslation();
  const [role, setRole] = useState<Role>(account.role);
  const change = useAccountChange(onDone);
  const { username } = account;
  return (
    <ConfirmDialog
      open
      title={t('accounts.changeRole.title', { username })}
      confirmLabel={t('accounts.changeRole.confirm')}
      busy={change.busy}
      failure={change.failure}
      onCancel={onCancel}
      onConfirm={() =>
        change.run(async () => {
          const { data } = await changeRole(account.id, role);
          return t('accounts.changeRole.done', { username, role: t(`roles.${data.role}`) });
        })
      }
    >
      <p className="nl-paragraph">{t('accounts.changeRole.body', { username })}</p>
      <SelectField
        name="newRole"
        label={t('fields.newRole')}
        value={role}
        onChange={(value) => setRole(ROLES.find((candidate) => candidate === value) ?? account.role)}
        options={ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))}
      />
    </ConfirmDialog>
  );
}

export function ResetPasswordDialog({ account, onCancel, onDone }: AccountDialogProps) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const change = useAccountChange(onDone);
  const { username } = account;
  return (
    <ConfirmDialog
      open
      title={t('accounts.resetPassword.title', { username })}
      confirmLabel={t('accounts.resetPassword.confirm')}
      busy={change.busy}
      failure={change.failure}
      onCancel={onCancel}
      onConfirm={() =>
        change.run(async () => {
          await resetPassword(account.id, password);
          return t('accounts.resetPassword.done', { username });
        })
      }
    >
      <p className="nl-paragraph">{t('accounts.resetPassword.body', { username })}</p>
      <TextField name="password" label={t('fields.newPassword')} type="password" autoComplete="new-password" size="medium" hint={t('form.hints.newPassword')} value={password} onChange={setPassword} />
    </ConfirmDialog>
  );
}

export function DisableAccountDialog({ account, onCancel, onDone }: AccountDialogProps) {
  const { t } = useTranslation();
  const change = useAccountChange(onDone);
  const { username } = account;
  return (
    <ConfirmDialog
      open
      title={t('accounts.disable.title', { username })}
      confirmLabel={t('accounts.disable.confirm')}
      destructive
      busy={change.busy}
      failure={change.failure}
      onCancel={onCancel}
      onConfirm={() =>
        change.run(async () => {
          await disableAccount(account.id);
          return t('accounts.disable.done', { username });
        })
      }
    >
      <p className="nl-paragraph">{t('accounts.disable.body', { username })}</p>
    </ConfirmDialog>
  );
}
