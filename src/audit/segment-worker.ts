/** A worker thread that checks the segments of the audit chain verify.ts hands it (segment-checkers.ts), in the order they come. */
import { parentPort, workerData } from 'node:worker_threads';
import type { Link } from './event-problem.ts';
import type { Anchor } from './restores.ts';
import { anchorsBySeq, checkSegment } from './segment-check.ts';

export interface SegmentWorkerData {
  anchors: readonly Anchor[];
}

export interface SegmentMessage {
  /** The segment's tuples, in an ArrayBuffer handed over to this thread, and back with its check. */
  bytes: Uint8Array<ArrayBuffer>;
  before: Link | undefined;
}

const anchors = anchorsBySeq((workerData as SegmentWorkerData).anchors);
parentPort!.on('message', ({ bytes, before }: SegmentMessage) => {
  const check = checkSegment(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), before, anchors);
  parentPort!.postMessage(check, [check.memory]);
});
