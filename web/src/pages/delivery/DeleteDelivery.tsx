import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteDelivery } from '../../api/deliveries.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { refusalReason } from '../../forms/refusalReason.ts';
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
      setFailure(t('delivery.deleteDialog.failed', { detail: refusalReason(error, t, t('delivery.deleteDialog.changed')) }));
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
