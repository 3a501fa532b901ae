/**
 * Verification of the whole audit trail: every event against its own text and the one before it, and
 * the chain against the signed checkpoints kept outside the database. Streams the chain, so memory
 * stays the same however long it is.
 */
import type { KeyObject } from 'node:crypto';
import type { Kysely } from 'kysely';
import { readAuditChain } from '../db/repositories/audit.ts';
import type { Database } from '../db/schema.ts';
import { hasValidSignature, MalformedCheckpointError, readCheckpoints, readPublicKey, type Checkpoint } from './checkpoints.ts';
import { eventBytesProblem } from './event-bytes.ts';
import type { AuditProblem, Link } from './event-problem.ts';
import { InvalidRestoreRecordError, readRestores, standingAnchors, type Anchor, type RestoreRecord } from './restores.ts';

export { eventProblem, type AuditProblem } from './event-problem.ts';

export interface VerificationResult {
  ok: boolean;
  eventsChecked: number;
  checkpointsChecked: number;
  /** The last event checked and found right (0 when none was). */
  lastSeq: number;
  firstProblem?: AuditProblem;
  /** The restores operators recorded, each accepted in place of the checkpoints it superseded; absent when none. */
  restores?: RestoreRecord[];
}

export interface VerificationOptions {
  /** Where the signed checkpoints are; without it only the chain's own links are checked. */
  checkpointDirectory?: string | undefined;
  /** The key the checkpoints must be signed with; by default the one in checkpointDirectory. */
  publicKey?: KeyObject | undefined;
  /** Events PGlite copies at a time (10,000 by default); PostgreSQL's one COPY gives them as they come. */
  eventsPerBatch?: number | undefined;
}

/** What is wrong with the event at a checkpoint's sequence number, given that checkpoint. */
export function checkpointProblem(row: Link, checkpoint: Anchor): AuditProblem | undefined {
  if (row.hash === checkpoint.hash) return undefined;
  return { seq: row.seq, reason: `its hash is not the one signed in the checkpoint of ${checkpoint.at}: the chain was rewritten at or before this event` };
}

export async function verifyAuditTrail(db: Kysely<Database>, options: VerificationOptions = {}): Promise<VerificationResult> {
  // Read before the chain: checkpoints written while it is scanned cover events the scan will reach.
  const loaded = await loadCheckpoints(options);
  if ('problem' in loaded) return { ok: false, eventsChecked: 0, checkpointsChecked: 0, lastSeq: 0, firstProblem: loaded.problem };
  const { checkpoints, restores } = loaded;
  let next = 0;
  let previous: Link | undefined;
  let eventsChecked = 0;
  const result = (firstProblem?: AuditProblem): VerificationResult => ({
    ok: firstProblem === undefined,
    eventsChecked,
    checkpointsChecked: next,
    lastSeq: previous?.seq ?? 0,
    ...(firstProblem ? { firstProblem } : {}),
    ...(restores.length > 0 ? { restores } : {}),
  });

  const problem = await readAuditChain(db, options.eventsPerBatch ?? 10_000, async (batches) => {
    for await (const rows of batches) {
      for (const row of rows) {
        const problem = eventBytesProblem(row, previous);
        if (problem) return problem;
        for (; checkpoints[next]?.seq === row.seq; next++) {
          const mismatch = checkpointProblem(row, checkpoints[next]!);
          if (mismatch) return mismatch;
        }
        eventsChecked++;
        previous = { seq: row.seq, hash: row.hash };
      }
    }
    return undefined;
  });
  if (problem) return result(problem);
  const furthest = checkpoints.at(-1);
  if (furthest && next < checkpoints.length) {
    const missing = (previous?.seq ?? 0) + 1;
    return result({
      seq: missing,
      reason:
        `it is missing: the checkpoint of ${furthest.at} covers the chain up to event #${furthest.seq} (events removed, or the database ` +
        'restored from an older backup: if they are lost for good, `npm run cli -- audit record-restore --operator NAME` records the restore)',
    });
  }
  return result();
}

/**
 * The checkpoints and restore records that bind the chain, in its order, each signature checked (less the
 * checkpoints a recorded restore superseded); or what is wrong with them.
 */
async function loadCheckpoints(options: VerificationOptions): Promise<{ checkpoints: Anchor[]; restores: RestoreRecord[] } | { problem: AuditProblem }> {
  const directory = options.checkpointDirectory;
  if (directory === undefined) return { checkpoints: [], restores: [] };
  let checkpoints: Checkpoint[];
  try {
    checkpoints = await readCheckpoints(directory);
  } catch (error) {
    if (error instanceof MalformedCheckpointError) return { problem: { seq: null, reason: error.message } };
    throw error;
  }
  const publicKey = options.publicKey ?? (await readPublicKey(directory));
  let restores: RestoreRecord[];
  try {
    restores = await readRestores(directory, publicKey);
  } catch (error) {
    if (error instanceof InvalidRestoreRecordError) return { problem: { seq: null, reason: error.message } };
    throw error;
  }
  if (checkpoints.length === 0) return { checkpoints: standingAnchors([], restores), restores };
  if (!publicKey) return { problem: { seq: null, reason: `there are checkpoints in ${directory} but no public key to check their signatures` } };
  const forged = checkpoints.find((checkpoint) => !hasValidSignature(checkpoint, publicKey));
  if (forged) {
    return { problem: { seq: null, reason: `the checkpoint of event #${forged.seq} of ${forged.at} does not carry a valid signature` } };
  }
  return { checkpoints: standingAnchors(checkpoints, restores), restores };
}
