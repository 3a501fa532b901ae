import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { deleteDelivery } from '../../api/deliveries.ts';
import { Alert } from '../../components/Alert.tsx';
import { useNavigateWithNotice } from '../../state/notice.tsx';

/** The delete button and the dialog that asks for confirmation before anything is removed. */
export function DeleteDelivery({ id, title, etag }: { id: string; title: string; etag: string }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const navigateWithNotice = useNavigateWithNotice();

  async function confirm() {
    setBusy(true);
    try {
      await deleteDelivery(id, etag);
      dialog.current?.close();
      navigateWithNotice('/leveringen', 'deleted');
    } catch (error) {
      const detail = error instanceof ApiError ? error.message : t('form.errors.network');
      setFailure(t('delivery.deleteDialog.failed', { detail }));
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
          dialog.current?.showModal();
        }}
      >
        {t('delivery.actions.delete')}
      </button>
      <dialog ref={dialog} className="confirm-dialog" aria-labelledby="delete-dialog-title" aria-describedby="delete-dialog-body">
        <h2 id="delete-dialog-title" className="nl-heading nl-heading--level-2">
          {t('delivery.deleteDialog.title')}
        </h2>
        <p id="delete-dialog-body" className="nl-paragraph">
          {t('delivery.deleteDialog.body', { title })}
        </p>
        {failure && <Alert type="error">{failure}</Alert>}
        <div className="action-row">
          <button type="button" className="utrecht-button utrecht-button--primary-action delete-confirm" disabled={busy} onClick={confirm}>
            {t('delivery.deleteDialog.confirm')}
          </button>
          <button type="button" className="utrecht-button utrecht-button--secondary-action" autoFocus onClick={() => dialog.current?.close()}>
            {t('common.cancel')}
          </button>
        </div>
      </dialog>
    </>
  );
}
