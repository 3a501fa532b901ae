import type { Kysely } from 'kysely';
import type { AuditAction, AuditObjectType } from '../../common/vocabulary/codes.ts';
import { recordAuditEvent, type RequestContext } from '../audit/trail.ts';
import type { Database } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import type { RuleViolation } from '../domain/delivery.ts';
import type { Warning, WarningCode } from '../domain/warnings.ts';
import { assertConfirmed, assertValid } from './errors.ts';

type Db = Kysely<Database>;

/** How a new record of one kind is made: the locks and rules it is judged by, the warnings it is made only with confirmed, and how it is written. */
export interface NewRecord<R extends { id: string }> {
  action: AuditAction;
  /** What its event names it as, by its id. */
  objectType: AuditObjectType;
  /** Takes the locks its rules are judged under (the names of its kind taken), before they are judged. */
  lock?: (trx: Db) => Promise<void>;
  /** The rules it breaks. */
  violations: (trx: Db) => Promise<RuleViolation[]>;
  /** The warnings it is made only with confirmed (a date in a sent letter's period), judged after its rules. */
  warnings: (trx: Db) => Promise<Warning[]>;
  /** The warnings the request confirms. */
  confirmed: readonly WarningCode[];
  /** Writes it, answering with the record its event keeps. */
  insert: (trx: Db) => Promise<R>;
}

/**
 * Makes a new record: one that breaks a rule, or has a warning not confirmed, changes nothing; one made is an audit
 * event with the record (and the warnings confirmed), in its transaction.
 */
export async function recordNew<R extends { id: string }>(db: Db, context: RequestContext, record: NewRecord<R>): Promise<R> {
  return inTransaction(db, async (trx) => {
    await record.lock?.(trx);
    assertValid(await record.violations(trx));
    const confirmedWarnings = assertConfirmed(await record.warnings(trx), record.confirmed);
    const made = await record.insert(trx);
    await recordAuditEvent(trx, context, { action: record.action, object: { type: record.objectType, id: made.id }, result: 'success', after: made, confirmedWarnings });
    return made;
  });
}
