import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { deleteDelivery } from '../../api/deliveries.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { useNavigateWithNotice } from '../../state/notice.tsx';

/** The delete button and the dialog that asks for confirmation before anything is removed. */
export function DeleteDelivery({ id, title, etag }: { id: string; title: string; etag: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const navigateWithNotice = useNavigateWithNotice();

  async function confirm() {
    setBusy(true);
    try {
      await deleteDelivery(id, etag);
      setOpen(false);
      navigateWithNotice('/leveringen', 'deleted');
    } catch (error) {
      setFailure(t('delivery.deleteDialog.failed', { detail: reasonOf(error, t) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button
        type="button"
        className="utrecht-button utrecht-button--secondary-action delete-button"
        onClick={() => {
          setFailure(null);
          setOpen(true);
        }}
      >
        {t('delivery.actions.delete')}
      </button>
      <ConfirmDialog
        open={open}
        title={t('delivery.deleteDialog.title')}
        confirmLabel={t('delivery.deleteDialog.confirm')}
        destructive
        busy={busy}
        failure={failure}
        onConfirm={confirm}
        onCancel={() => setOpen(false)}
      >
        <p className="nl-paragraph">{t('delivery.deleteDialog.body', { title })}</p>
      </ConfirmDialog>
    </>
  );
}

function reasonOf(error: unknown, t: ReturnType<typeof useTranslation>['t']): string {
  if (!(error instanceof ApiError)) return t('form.errors.network');
  if (error.status === 412) return t('delivery.deleteDialog.changed');
  if (error.status === 403) return t('access.submitRefused');
  return error.message;
}
