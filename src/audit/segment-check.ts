/**
 * The check of a segment of the chain (consecutive events, as the tuples of its COPY): each event against
 * its own text, the event before it and the checkpoints signed at its sequence number. Segments are checked
 * apart, in worker threads too (segment-checkers.ts): each is given the event before its first as its row
 * has it, whose own check is that of the segment before.
 */
import { eventsOfTuples } from '../db/repositories/audit-copy-tuples.ts';
import { eventBytesProblem, textHash } from './event-bytes.ts';
import type { AuditProblem, Link } from './event-problem.ts';
import type { Anchor } from './restores.ts';

export interface SegmentCheck {
  /** The events found right before the first problem, or all of them. */
  checked: number;
  problem?: AuditProblem;
  /** The segment's memory, handed back once checked (readAuditChain's giveBack). */
  memory: ArrayBuffer;
}

/** The checkpoints (and restore records) that bind the chain, by the sequence number they sign. */
export type AnchorsBySeq = ReadonlyMap<number, readonly Anchor[]>;

export function anchorsBySeq(anchors: readonly Anchor[]): AnchorsBySeq {
  return Map.groupBy(anchors, (anchor) => anchor.seq);
}

/** What is wrong with the event at a checkpoint's sequence number, given that checkpoint. */
export function checkpointProblem(row: Link, checkpoint: Anchor): AuditProblem | undefined {
  if (row.hash === checkpoint.hash) return undefined;
  return { seq: row.seq, reason: `its hash is not the one signed in the checkpoint of ${checkpoint.at}: the chain was rewritten at or before this event` };
}

/** Checks the segment's events in turn, the first after `before` (undefined: the chain's first event). */
export function checkSegment(bytes: Buffer<ArrayBuffer>, before: Link | undefined, anchors: AnchorsBySeq): SegmentCheck {
  const memory = bytes.buffer;
  let checked = 0;
  let previous = before;
  for (const event of eventsOfTuples(bytes)) {
    const hash = textHash(event);
    const problem = eventBytesProblem(event, previous, hash) ?? anchorProblem({ seq: event.seq, hash }, anchors.get(event.seq));
    if (problem) return { checked, problem, memory };
    checked++;
    // Its row's hash: the one found to be its text's.
    previous = { seq: event.seq, hash };
  }
  return { checked, memory };
}

function anchorProblem(row: Link, anchors: readonly Anchor[] | undefined): AuditProblem | undefined {
  for (const anchor of anchors ?? []) {
    const problem = checkpointProblem(row, anchor);
    if (problem) return problem;
  }
  return undefined;
}
