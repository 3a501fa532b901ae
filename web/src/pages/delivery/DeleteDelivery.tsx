import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteDelivery } from '../../api/deliveries.ts';
import type { DeliveryRemovalQuery } from '../../api/types.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ErrorSummary } from '../../forms/ErrorSummary.tsx';
import { useSubmission } from '../../forms/useSubmission.ts';
import { useWarningConfirmation, WarningConfirmation } from '../../forms/WarningConfirmation.tsx';
import { useNavigateWithNotice } from '../../state/notice.tsx';

/**
 * The delete button and the dialog that asks for confirmation before anything is removed. A removal the server
 * warns of (a delivery realised in the period of the latest letter sent to parliament) is said in the dialog, with
 * the box to remove it anyway.
 */
export function DeleteDelivery({ id, title, etag }: { id: string; title: string; etag: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const submission = useSubmission({ conflictText: t('delivery.deleteDialog.failed', { detail: t('delivery.deleteDialog.changed') }) });
  // The warning concerns the delivery as it stands, which the dialog does not change: once ticked, the box holds.
  const confirmation = useWarningConfirmation(submission.warnings, {});
  const navigateWithNotice = useNavigateWithNotice();

  function confirm() {
    void submission.submit({}, async () => {
      const [code] = confirmation.codes as NonNullable<DeliveryRemovalQuery['confirm']>[];
      await deleteDelivery(id, etag, { confirm: code });
      setOpen(false);
      navigateWithNotice('/leveringen', 'deleted');
    });
  }

  return (
    <>
      <button
        type="button"
        className="utrecht-button utrecht-button--secondary-action delete-button"
        onClick={() => {
          submission.reset();
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
        busy={submission.submitting}
        failure={null}
        onConfirm={confirm}
        onCancel={() => setOpen(false)}
      >
        <p className="nl-paragraph">{t('delivery.deleteDialog.body', { title })}</p>
        <ErrorSummary fieldErrors={submission.fieldErrors} labels={{}} formError={submission.formError} refusals={submission.refusals} />
        <WarningConfirmation confirmation={confirmation.at('realisedAt')} label={t('delivery.deleteDialog.removeAnyway')} />
      </ConfirmDialog>
    </>
  );
}
