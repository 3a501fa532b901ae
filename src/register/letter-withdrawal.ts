/**
 * The withdrawal of a final letter that was never sent to parliament: one dated by mistake far ahead (2035 for
 * 2025, finalised before such a date was refused) could not be sent before that date, nor could any letter after
 * it be dated or published; or the minister decides not to send it. Its frozen texts and hashes stay, the record
 * of what was final, but it is never sent or published, a new letter does not follow it, and the deliveries it
 * listed are new again for the next letter. A letter sent is never withdrawn: parliament has it.
 */
import type { Kysely } from 'kysely';
import { actorName, recordAuditEvent, type RequestContext } from '../audit/trail.ts';
import * as publication from '../db/repositories/letter-publication.ts';
import { nextFinalReferenceDate, type StoredLetter } from '../db/repositories/letters.ts';
import type { Database } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import type { RuleViolation } from '../domain/delivery.ts';
import { textViolations } from '../domain/plausibility.ts';
import { ValidationError, type ExpectedVersion } from './errors.ts';
import { getLetter, letterAt, type LetterView } from './letters.ts';

type Db = Kysely<Database>;

/** The longest reason of a withdrawal, as the API takes it. */
export const MAX_WITHDRAWAL_REASON = 2000;

/**
 * What keeps the letter from being withdrawn: it is no final letter (a draft is deleted, not withdrawn; one
 * withdrawn stays so), it went to parliament, or a later letter is final, which follows it and names it.
 */
async function statusViolations(db: Db, letter: StoredLetter): Promise<RuleViolation[]> {
  if (letter.status === 'draft') return [{ field: 'status', code: 'notFinal' }];
  if (letter.status === 'withdrawn') return [{ field: 'status', code: 'letterIsWithdrawn' }];
  if (letter.sentAt !== null) return [{ field: 'status', code: 'sentLetterNotWithdrawn' }];
  const later = await nextFinalReferenceDate(db, letter.referenceDate);
  return later === null ? [] : [{ field: 'status', code: 'followedByFinalLetter', params: { date: later } }];
}

export async function withdrawLetter(db: Db, context: RequestContext, id: string, expectedVersion: ExpectedVersion, reason: string): Promise<LetterView> {
  return inTransaction(db, async (trx) => {
    const current = await letterAt(trx, id, expectedVersion);
    const violations = [...(await statusViolations(trx, current)), ...textViolations('reason', reason, { maximum: MAX_WITHDRAWAL_REASON, required: true })];
    if (violations.length > 0) throw new ValidationError(violations);
    const withdrawnAt = context.now().toISOString();
    await publication.markWithdrawn(trx, id, { withdrawnAt, withdrawnByName: actorName(context), withdrawalReason: reason });
    await recordAuditEvent(trx, context, {
      action: 'letter.withdrawFinal',
      object: { type: 'letter', id },
      result: 'success',
      before: { status: current.status },
      after: { status: 'withdrawn', reason },
    });
    return getLetter(trx, id, context.now());
  });
}
