import type { Kysely } from 'kysely';
import { insertDeliveryIfAbsent } from '../db/repositories/deliveries.ts';
import { insertPaymentIfAbsent, insertValuationIfAbsent } from '../db/repositories/money.ts';
import type { Database } from '../db/schema.ts';
import { DEMONSTRATION_DELIVERIES } from '../db/seed/demonstration-data.ts';
import { recordAuditEvent, systemContext } from '../audit/trail.ts';
import { refreshCurrentValue } from './deliveries.ts';

/**
 * Loads the demonstration register in one transaction. A delivery already present (also one a user
 * changed or removed since) is left as it is, so loading again changes nothing. Returns how many
 * deliveries were added.
 */
export async function loadDemonstrationData(db: Kysely<Database>): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const added: string[] = [];
    for (const { id, valuations, payments, ...fields } of DEMONSTRATION_DELIVERIES) {
      if (!(await insertDeliveryIfAbsent(trx, id, fields))) continue;
      for (const valuation of valuations) await insertValuationIfAbsent(trx, valuation);
      for (const payment of payments) await insertPaymentIfAbsent(trx, payment);
      await refreshCurrentValue(trx, { id, supportType: fields.supportType });
      added.push(id);
    }
    if (added.length > 0) {
      await recordAuditEvent(trx, systemContext('system'), {
        action: 'demonstration.load',
        object: { type: 'register', id: 'demonstration' },
        result: 'success',
        after: { deliveryIds: added },
      });
    }
    return added.length;
  });
}
