import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { withdrawEntry } from '../../api/deliveries.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { refusalReason } from '../../forms/refusalReason.ts';

/**
 * The "Intrekken" button of a payment or valuation entered in error, and the dialog that asks from which
 * date it no longer counts (its own date by default: as if it had never been entered) and why. It is sent
 * on the delivery's version the page shows (`etag`).
 */
export function WithdrawEntry({ kind, id, entryDate, etag, onChanged }: { kind: 'payments' | 'valuations'; id: string; entryDate: string; etag: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [withdrawnOn, setWithdrawnOn] = useState(entryDate);
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const dateId = useId();
  const reasonId = useId();

  async function confirm() {
    setBusy(true);
    try {
      await withdrawEntry(kind, id, { withdrawnOn, reason }, etag);
      setOpen(false);
      onChanged();
    } catch (error) {
      setFailure(t('delivery.withdrawal.failed', { detail: refusalReason(error, t, t('delivery.withdrawal.changed'), { withdrawnOn: t('delivery.withdrawal.withdrawnOn'), reason: t('delivery.withdrawal.reason') }) }));
      // Someone else changed the delivery since the page loaded it: the page shows the latest behind the dialog.
      if (isApiError(error, 412)) onChanged();
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" className="utrecht-button utrecht-button--subtle" onClick={() => { setFailure(null); setOpen(true); }}>
        {t('delivery.withdrawal.action')}
      </button>
      <ConfirmDialog open={open} title={t('delivery.withdrawal.title')} confirmLabel={t('delivery.withdrawal.confirm')} destructive busy={busy} failure={failure} onConfirm={confirm} onCancel={() => setOpen(false)}>
        <p className="nl-paragraph">{t('delivery.withdrawal.body')}</p>
        <div className="withdraw-entry-fields">
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor={dateId}>{t('delivery.withdrawal.withdrawnOn')}</label>
          <input id={dateId} className="utrecht-textbox" type="date" min={entryDate} value={withdrawnOn} onChange={(event) => setWithdrawnOn(event.target.value)} required />
        </div>
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor={reasonId}>{t('delivery.withdrawal.reason')}</label>
          <textarea id={reasonId} className="utrecht-textarea" rows={4} value={reason} onChange={(event) => setReason(event.target.value)} required maxLength={2000} />
        </div>
        </div>
      </ConfirmDialog>
    </>
  );
}
