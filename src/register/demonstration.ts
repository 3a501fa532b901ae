import type { Kysely } from 'kysely';
import { insertDeliveryIfAbsent } from '../db/repositories/deliveries.ts';
import { insertPaymentIfAbsent, insertValuationIfAbsent } from '../db/repositories/money.ts';
import type { Database } from '../db/schema.ts';
import { DEMONSTRATION_DELIVERIES } from '../db/seed/demonstration-data.ts';
import { insertDemonstrationIfAbsent } from '../db/repositories/epf.ts';
import { DEMONSTRATION_EPF_CLAIMS, DEMONSTRATION_EPF_TRANCHES } from '../db/seed/demonstration-epf.ts';
import { recordAuditEvent, systemContext, type RequestContext } from '../audit/trail.ts';
import { DEMONSTRATION_DECISIONS, PREVIOUS_LETTER, SEED_LETTER } from '../db/seed/demonstration-disclosure.ts';
import { SEED_LETTER_BLOCKS } from '../db/seed/demonstration-letter.ts';
import { decide } from './disclosure.ts';
import { approve, createDraft, finalise } from './letters.ts';
import { recordPublication, sendLetter } from './letter-publication.ts';
import { refreshCurrentValue } from './deliveries.ts';

/**
 * The disclosure decisions, the letter of 17 February 2025 (reference date 4 February) as sent and
 * published, and a draft of the letter of 10 September 2025 with the seed letter's text.
 */
async function loadDemonstrationLetters(trx: Kysely<Database>, context: RequestContext): Promise<void> {
  for (const { deliveryIds, decision } of DEMONSTRATION_DECISIONS) await decide(trx, context, deliveryIds, decision);
  const previous = await createDraft(trx, context, { referenceDate: PREVIOUS_LETTER.referenceDate, letterDate: PREVIOUS_LETTER.letterDate });
  const approved = await approve(trx, context, previous.id, previous.version);
  await finalise(trx, context, previous.id, approved.version);
  await sendLetter(trx, context, previous.id);
  await recordPublication(trx, context, previous.id, { paperNumber: PREVIOUS_LETTER.paperNumber, publishedOn: PREVIOUS_LETTER.publishedOn });
  await createDraft(trx, context, { ...SEED_LETTER, blocks: SEED_LETTER_BLOCKS });
}

/** The European Peace Facility's tranches and the Dutch claims, each added once. */
async function loadDemonstrationEpf(trx: Kysely<Database>): Promise<void> {
  if (!(await insertDemonstrationIfAbsent(trx, { tranches: DEMONSTRATION_EPF_TRANCHES, claims: DEMONSTRATION_EPF_CLAIMS }))) return;
  await recordAuditEvent(trx, systemContext('system'), {
    action: 'demonstration.load',
    object: { type: 'register', id: 'demonstration' },
    result: 'success',
    after: { epfTrancheIds: DEMONSTRATION_EPF_TRANCHES.map((tranche) => tranche.id), epfClaimIds: DEMONSTRATION_EPF_CLAIMS.map(({ claim }) => claim.id) },
  });
}

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
    await loadDemonstrationEpf(trx);
    if (added.length > 0) {
      const context = systemContext('system');
      await recordAuditEvent(trx, context, {
        action: 'demonstration.load',
        object: { type: 'register', id: 'demonstration' },
        result: 'success',
        after: { deliveryIds: added },
      });
      await loadDemonstrationLetters(trx, context);
    }
    return added.length;
  });
}
