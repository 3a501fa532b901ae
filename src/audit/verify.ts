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
import type { AuditProblem, Link } from './event-problem.ts';
import { InvalidRestoreRecordError, readRestores, standingAnchors, type Anchor, type RestoreRecord } from './restores.ts';
import type { ChainSegment } from '../db/repositories/audit-copy.ts';
import type { SegmentCheck } from './segment-check.ts';
import { defaultWorkerThreads, SegmentCheckers } from './segment-checkers.ts';

export { eventProblem } from './event-problem.ts';

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
  /** Worker threads that check a long chain's segments at once (by default one per processor but one); 0 checks it all in this thread. */
  workerThreads?: number | undefined;
  /** Events checked in this thread before the worker threads take over (50,000 by default). */
  eventsInThisThread?: number | undefined;
}

/** Segments given to be checked and not yet answered, per worker thread: enough for each to have the next one waiting. */
const SEGMENTS_AHEAD_PER_THREAD = 2;

export async function verifyAuditTrail(db: Kysely<Database>, options: VerificationOptions = {}): Promise<VerificationResult> {
  // Read before the chain: checkpoints written while it is scanned cover events the scan will reach.
  const loaded = await loadCheckpoints(options);
  if ('problem' in loaded) return { ok: false, eventsChecked: 0, checkpointsChecked: 0, lastSeq: 0, firstProblem: loaded.problem };
  const { checkpoints, restores } = loaded;
  let eventsChecked = 0;
  /** The last event found right (0 when none was yet). */
  let lastSeq = 0;
  const result = (firstProblem?: AuditProblem): VerificationResult => ({
    ok: firstProblem === undefined,
    eventsChecked,
    checkpointsChecked: checkpoints.filter((checkpoint) => checkpoint.seq <= lastSeq).length,
    lastSeq,
    ...(firstProblem ? { firstProblem } : {}),
    ...(restores.length > 0 ? { restores } : {}),
  });

  const workerThreads = options.workerThreads ?? defaultWorkerThreads();
  const checkers = new SegmentCheckers(checkpoints, { workerThreads, eventsInThisThread: options.eventsInThisThread ?? 50_000 });
  const ahead = SEGMENTS_AHEAD_PER_THREAD * Math.max(1, workerThreads);
  const counted = (before: Link | undefined, checked: number) => {
    eventsChecked += checked;
    lastSeq = (before?.seq ?? 0) + checked;
  };
  let problem: AuditProblem | undefined;
  try {
    problem = await readAuditChain(db, options.eventsPerBatch ?? 10_000, (segments, giveBack) => firstProblemInOrder(segments, checkers, ahead, counted, giveBack));
  } finally {
    await checkers.close();
  }
  if (problem) return result(problem);
  const furthest = checkpoints.at(-1);
  if (furthest && furthest.seq > lastSeq) {
    return result({
      seq: lastSeq + 1,
      reason:
        `it is missing: the checkpoint of ${furthest.at} covers the chain up to event #${furthest.seq} (events removed, or the database ` +
        'restored from an older backup: if they are lost for good, `npm run cli -- audit record-restore --operator NAME` records the restore)',
    });
  }
  return result();
}

/**
 * The first problem of the chain's segments, each given to be checked as it comes (up to `ahead` not yet answered)
 * and the answers taken in the order of the chain: each counted (the events found right after `before`), its memory
 * given back to be read into again, until one names a problem. An answer not waited for, after a problem before it,
 * is let go.
 */
async function firstProblemInOrder(
  segments: AsyncIterable<ChainSegment>,
  checkers: SegmentCheckers,
  ahead: number,
  counted: (before: Link | undefined, checked: number) => void,
  giveBack: (memory: ArrayBuffer) => void,
): Promise<AuditProblem | undefined> {
  const given: { before: Link | undefined; check: Promise<SegmentCheck> }[] = [];
  const nextAnswer = async () => {
    const { before, check } = given.shift()!;
    const { checked, problem, memory } = await check;
    counted(before, checked);
    giveBack(memory);
    return problem;
  };
  let before: Link | undefined;
  for await (const segment of segments) {
    const check = checkers.check(segment, before);
    check.catch(() => {});
    given.push({ before, check });
    before = segment.last;
    const problem = given.length > ahead ? await nextAnswer() : undefined;
    if (problem) return problem;
  }
  while (given.length > 0) {
    const problem = await nextAnswer();
    if (problem) return problem;
  }
  return undefined;
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
