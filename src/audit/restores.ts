/**
 * An operator's signed record that the database was restored from an older backup: the audit trail now
 * ends at event N, and the events after it that earlier checkpoints signed are lost. Kept beside the
 * checkpoints (`restores.jsonl` in AUDIT_DIR), signed with the same key. Checkpoints signed before the
 * record for events after N no longer bind the chain; every other checkpoint still does, and so does the
 * record itself (event N must keep its hash), so a restore is never silent and tampering still shows.
 */
import { sign, verify, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { SYSTEM_ACTOR } from '../../common/actors.ts';
import { appendAuditEvent, auditEventHashAt, lastAuditEvent } from '../db/repositories/audit.ts';
import type { Database } from '../db/schema.ts';
import { inTransaction, lockUntilCommit } from '../db/transaction.ts';
import { StartRefusedError } from '../start-refused.ts';
import { appendDurably, readPublicKey, type Checkpoint, type CheckpointStore } from './checkpoints.ts';
import { parseSignedLine } from './signed-lines.ts';
import { systemContext } from './trail.ts';

const RESTORE_FORMAT = 'steunregister-audit-restore/1';
const RESTORES_FILE = 'restores.jsonl';

export interface RestoreRecord {
  format: typeof RESTORE_FORMAT;
  /** The last event of the restored chain, and its hash. */
  seq: number;
  hash: string;
  /** The furthest event the checkpoints signed before the restore covered: the events after seq up to it are lost. */
  lostUpTo: number;
  /** Who recorded the restore. */
  operator: string;
  /** When, ISO 8601 in UTC. */
  at: string;
  /** Ed25519 signature of restoreText(), base64. */
  signature: string;
}

/** What binds the chain: the event at seq must have this hash. */
export type Anchor = Pick<Checkpoint, 'seq' | 'hash' | 'at'>;

/** A line of restores.jsonl that is not a validly signed restore record: the server does not start on it. */
export class InvalidRestoreRecordError extends StartRefusedError {}

/** The chain does not need a restore record, or does not fit the checkpoints it keeps. */
export class RestoreNotRecordableError extends Error {}

function restoreText(record: Omit<RestoreRecord, 'format' | 'signature'>): string {
  return `${RESTORE_FORMAT}\nrestored to seq ${record.seq}\nhash ${record.hash}\nlost up to seq ${record.lostUpTo}\noperator ${JSON.stringify(record.operator)}\nat ${record.at}\n`;
}

function signRestore(unsigned: Omit<RestoreRecord, 'format' | 'signature'>, privateKey: KeyObject): RestoreRecord {
  const signature = sign(null, Buffer.from(restoreText(unsigned), 'utf8'), privateKey).toString('base64');
  return { format: RESTORE_FORMAT, ...unsigned, signature };
}

/** Every restore record in `directory`, each signature checked with `publicKey`; none when there is no file. */
export async function readRestores(directory: string, publicKey: KeyObject | undefined): Promise<RestoreRecord[]> {
  let text: string;
  try {
    text = await readFile(join(directory, RESTORES_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const lines = text.split('\n').map((line, index) => [line, index + 1] as const);
  return lines
    .filter(([line]) => line.trim() !== '')
    .map(([line, number]) => {
      const record = parseSignedLine(line, restoreLine);
      const valid = record !== undefined && publicKey !== undefined && verify(null, Buffer.from(restoreText(record), 'utf8'), publicKey, Buffer.from(record.signature, 'base64'));
      if (!valid) throw new InvalidRestoreRecordError(`line ${number} of ${RESTORES_FILE} is not a validly signed restore record`);
      return record;
    });
}

/**
 * The checkpoints and restore records that bind the chain, in order of the chain: all of them except
 * those a restore recorded later superseded (signed before it, for an event after the one restored to).
 */
export function standingAnchors(checkpoints: readonly Anchor[], restores: readonly RestoreRecord[]): Anchor[] {
  const superseded = (anchor: Anchor) => restores.some((restore) => restore.seq < anchor.seq && anchor.at <= restore.at);
  return [...checkpoints, ...restores].filter((anchor) => !superseded(anchor)).toSorted((a, b) => a.seq - b.seq);
}

/**
 * Signs and appends the record that the chain in `db` was restored to its last event, refused unless the
 * chain ends before (or differs at) the furthest standing checkpoint and still holds every standing
 * checkpoint up to its end: a restore loses events at the end, it never changes the ones it kept.
 */
export async function recordRestore(
  db: Kysely<Database>,
  store: CheckpointStore,
  anchors: readonly Anchor[],
  operator: string,
  now: Date,
): Promise<RestoreRecord> {
  const last = await lastAuditEvent(db);
  if (!last) throw new RestoreNotRecordableError('The audit trail in the database is empty: there is nothing to restore to.');
  const furthest = anchors.at(-1);
  if (!furthest || (furthest.seq <= last.seq && (await auditEventHashAt(db, furthest.seq)) === furthest.hash)) {
    throw new RestoreNotRecordableError(`The audit trail reaches its last checkpoint (event #${furthest?.seq ?? 0}): there is no restore to record.`);
  }
  for (const anchor of anchors.filter((each) => each.seq <= last.seq)) {
    if ((await auditEventHashAt(db, anchor.seq)) !== anchor.hash) {
      throw new RestoreNotRecordableError(
        `Event #${anchor.seq} is not the one signed on ${anchor.at}: the database was changed, not only restored. Run \`audit verify\`; do not record this as a restore.`,
      );
    }
  }
  const record = signRestore({ seq: last.seq, hash: last.hash, lostUpTo: furthest.seq, operator, at: now.toISOString() }, store.privateKey);
  await appendDurably(join(store.directory, RESTORES_FILE), `${JSON.stringify(record)}\n`);
  return record;
}

/** Any fixed text: the key of the lock under which a restore's event is looked for and appended, so that two starts append it once. */
const RESTORE_EVENT_LOCK = 'audit restore events';

/**
 * Appends to the chain an event for each restore recorded in `directory` that the chain holds (its event N
 * as signed) and that has no event of its own in it yet, naming the record: the trail itself, its page and
 * its export then say where events were lost, to whoever checks them without the audit directory. Called
 * where a register is opened to be written to, once the chain is known not to be behind its checkpoints.
 */
export async function appendRestoreEvents(db: Kysely<Database>, directory: string): Promise<void> {
  const restores = await readRestores(directory, await readPublicKey(directory));
  if (restores.length === 0) return;
  await inTransaction(db, async (trx) => {
    await lockUntilCommit(trx, RESTORE_EVENT_LOCK);
    for (const record of restores) {
      if ((await auditEventHashAt(trx, record.seq)) !== record.hash) continue;
      const event = await trx
        .selectFrom('auditEvent')
        .select('seq')
        .where('action', '=', 'audit.restore')
        .where('objectType', '=', 'auditTrail')
        .where('objectId', '=', record.signature)
        .executeTakeFirst();
      if (event) continue;
      const context = systemContext(SYSTEM_ACTOR);
      await appendAuditEvent(trx, context, { action: 'audit.restore', object: { type: 'auditTrail', id: record.signature }, result: 'success', detail: restoreDetail(record) }, context.now());
    }
  });
}

/** What the event of a restore says of its record: who recorded it and when, the event restored to, the events lost and the record's signature. */
function restoreDetail(record: RestoreRecord) {
  return {
    operator: record.operator,
    recordedAt: record.at,
    restoredTo: record.seq,
    restoredToHash: record.hash,
    lostFrom: record.seq + 1,
    lostUpTo: record.lostUpTo,
    signature: record.signature,
  };
}

const restoreLine: z.ZodType<RestoreRecord> = z.object({
  format: z.literal(RESTORE_FORMAT),
  seq: z.int(),
  hash: z.string(),
  lostUpTo: z.int(),
  operator: z.string(),
  at: z.string(),
  signature: z.string(),
});
