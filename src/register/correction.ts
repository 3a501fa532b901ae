import type { Kysely } from 'kysely';
import type { AuditAction } from '../../common/vocabulary/codes.ts';
import type { AuditObject } from '../audit/event.ts';
import { recordAuditEvent, type RequestContext } from '../audit/trail.ts';
import type { Database } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import type { RuleViolation } from '../domain/delivery.ts';
import { changesNothing } from '../domain/same-record.ts';
import type { Warning, WarningCode } from '../domain/warnings.ts';
import { assertConfirmed, assertValid, assertVersionMatches, NotFoundError, VersionConflictError, type ExpectedVersion, type RecordKind } from './errors.ts';

type Db = Kysely<Database>;

/** How one kind of record is corrected: where it is read and written, what the correction sets and the rules it is judged by. */
export interface Correction<R extends { version: number }> {
  kind: RecordKind;
  action: AuditAction;
  object: AuditObject;
  /** The record, locked until the transaction ends; undefined when there is none. */
  find: (trx: Db) => Promise<R | undefined>;
  /** What the correction sets, as the record holds it: the same in every field, it writes nothing. */
  change: object;
  /** The rules the correction breaks, judged (after taking the locks they need) only when it changes something. */
  violations: (trx: Db, current: R) => Promise<RuleViolation[]>;
  /** Writes the correction while the record is at its version, raising it; undefined when it is not (another change came first). */
  write: (trx: Db, current: R) => Promise<R | undefined>;
  /** The warnings the correction is made only with confirmed (a date in a sent letter's period), judged after its rules. */
  warnings?: (trx: Db, current: R) => Promise<Warning[]>;
  /** The warnings the request confirms. */
  confirmed?: readonly WarningCode[];
}

/**
 * Corrects a record typed in error at the version the correction is based on (If-Match; 412 when another change
 * came since). A correction that leaves every field as it is writes nothing: no new version, no event. One that
 * breaks a rule, or has a warning not confirmed, changes nothing; one made is an audit event with the record before
 * and after it (and the warnings confirmed), in its transaction.
 */
export async function correctAtVersion<R extends { version: number }>(db: Db, context: RequestContext, expectedVersion: ExpectedVersion, correction: Correction<R>): Promise<R> {
  return inTransaction(db, async (trx) => {
    const current = await correction.find(trx);
    if (!current) throw new NotFoundError(correction.kind, correction.object.id);
    assertVersionMatches(expectedVersion, current.version);
    if (changesNothing(current, correction.change)) return current;
    assertValid(await correction.violations(trx, current));
    const confirmedWarnings = assertConfirmed((await correction.warnings?.(trx, current)) ?? [], correction.confirmed ?? []);
    const corrected = await correction.write(trx, current);
    if (!corrected) throw new VersionConflictError(current.version);
    await recordAuditEvent(trx, context, { action: correction.action, object: correction.object, result: 'success', before: current, after: corrected, confirmedWarnings });
    return corrected;
  });
}
