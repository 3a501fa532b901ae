/**
 * Verification of the whole audit trail: every event against its own text and the one before it, and
 * the chain against the signed checkpoints kept outside the database. Streams the chain, so memory
 * stays the same however long it is.
 */
import type { KeyObject } from 'node:crypto';
import type { Kysely } from 'kysely';
import { scanAuditChain, type StoredAuditEvent } from '../db/repositories/audit.ts';
import type { Database } from '../db/schema.ts';
import { hasValidSignature, MalformedCheckpointError, readCheckpoints, readPublicKey, type Checkpoint } from './checkpoints.ts';
import { GENESIS_HASH, sha256Hex, type AuditEvent } from './event.ts';
import { InvalidRestoreRecordError, readRestores, standingAnchors, type Anchor, type RestoreRecord } from './restores.ts';

export interface AuditProblem {
  /** The first event found wrong; null when the fault is in the checkpoints themselves. */
  seq: number | null;
  /** What is wrong, for people: "its hash does not match its text". */
  reason: string;
}

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
}

type Link = Pick<StoredAuditEvent, 'seq' | 'hash'>;

/** The columns kept beside the text for searching: each must say what the text says. */
const SEARCH_COLUMNS: [column: keyof StoredAuditEvent, name: string, fromText: (event: AuditEvent) => unknown][] = [
  ['occurredAt', 'time', (event) => event.occurredAt],
  ['actorId', 'actor id', (event) => event.actor?.id ?? null],
  ['actorName', 'actor name', (event) => event.actor?.username ?? null],
  ['actorRole', 'actor role', (event) => event.actor?.role ?? null],
  ['action', 'action', (event) => event.action],
  ['objectType', 'object type', (event) => event.object?.type ?? null],
  ['objectId', 'object id', (event) => event.object?.id ?? null],
  ['result', 'result', (event) => event.result],
  ['origin', 'origin', (event) => event.origin],
  ['requestId', 'request id', (event) => event.requestId],
];

/**
 * What is wrong with a stored event, given the event before it (undefined for the first): a gap in the
 * numbering, a text that does not hash to its hash or says something else than its row, or a previous
 * hash that is not the hash of the event before.
 */
export function eventProblem(row: StoredAuditEvent, previous: Link | undefined): AuditProblem | undefined {
  const expected = (previous?.seq ?? 0) + 1;
  if (row.seq !== expected) return { seq: expected, reason: `it is missing (the next event stored is #${row.seq})` };
  const problem = (reason: string) => ({ seq: row.seq, reason });
  if (sha256Hex(row.canonical) !== row.hash) return problem('its hash does not match its text');
  const event = parseEvent(row.canonical);
  if (!event) return problem('its text is not an audit event');
  if (event.seq !== row.seq) return problem(`its text says it is event #${String(event.seq)}`);
  if (event.prevHash !== row.prevHash) return problem('the previous hash in its text differs from the one in its row');
  if (row.prevHash !== (previous?.hash ?? GENESIS_HASH)) {
    return problem(previous ? `it does not link to event #${previous.seq}: its previous hash is not that event's hash` : 'it does not start the chain: its previous hash is not the genesis hash');
  }
  for (const [column, name, fromText] of SEARCH_COLUMNS) {
    const stored = row[column];
    const said = fromText(event);
    if (stored !== said) return problem(`its ${name} column (${JSON.stringify(stored)}) differs from its text (${JSON.stringify(said)})`);
  }
  return undefined;
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

  for await (const row of scanAuditChain(db)) {
    const problem = eventProblem(row, previous);
    if (problem) return result(problem);
    for (; checkpoints[next]?.seq === row.seq; next++) {
      const mismatch = checkpointProblem(row, checkpoints[next]!);
      if (mismatch) return result(mismatch);
    }
    eventsChecked++;
    previous = { seq: row.seq, hash: row.hash };
  }
  const furthest = checkpoints.at(-1);
  if (furthest && next < checkpoints.length) {
    const missing = (previous?.seq ?? 0) + 1;
    return result({ seq: missing, reason: `it is missing: the checkpoint of ${furthest.at} covers the chain up to event #${furthest.seq}` });
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

function parseEvent(text: string): AuditEvent | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as AuditEvent) : undefined;
  } catch {
    return undefined;
  }
}
