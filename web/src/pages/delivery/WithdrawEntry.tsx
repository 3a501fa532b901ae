import { withdrawEntry } from '../../api/deliveries.ts';
import { WithdrawButton } from '../../forms/WithdrawButton.tsx';

/**
 * The "Intrekken" button of a payment or valuation entered in error, and the dialog that asks from which
 * date it no longer counts (its own date by default: as if it had never been entered) and why. It is sent
 * on the delivery's version the page shows (`etag`).
 */
export function WithdrawEntry({ kind, id, entryDate, etag, onChanged }: { kind: 'payments' | 'valuations'; id: string; entryDate: string; etag: string; onChanged: () => void }) {
  return <WithdrawButton texts="delivery.withdrawal" initialDate={entryDate} earliest={entryDate} send={(input) => withdrawEntry(kind, id, input, etag)} onChanged={onChanged} />;
}
