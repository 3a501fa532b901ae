/**
 * Where the segments of a long chain are checked: the first ones in this thread, the rest spread over worker
 * threads (each takes the next segment in turn), so that hashing the chain keeps pace with reading it. A short
 * chain is checked before a worker would have started. The answers come in the order the segments came.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ChainSegment } from '../db/repositories/audit-copy.ts';
import type { Link } from './event-problem.ts';
import type { Anchor } from './restores.ts';
import { anchorsBySeq, checkSegment, type AnchorsBySeq, type SegmentCheck } from './segment-check.ts';
import type { SegmentMessage, SegmentWorkerData } from './segment-worker.ts';

export interface SegmentCheckerOptions {
  /** Worker threads that check segments at once; 0 checks all of them in this thread. */
  workerThreads: number;
  /** Events checked in this thread before the worker threads take over. */
  eventsInThisThread: number;
}

/** One worker thread per processor but the one left to the thread that reads the chain (and on PGlite runs the database), and at least one. */
export const defaultWorkerThreads = () => Math.max(1, availableParallelism() - 1);

export class SegmentCheckers {
  readonly #anchors: readonly Anchor[];
  readonly #anchorsBySeq: AnchorsBySeq;
  readonly #workerThreads: number;
  #eventsInThisThread: number;
  #workers: SegmentWorker[] = [];
  #next = 0;

  constructor(anchors: readonly Anchor[], options: SegmentCheckerOptions) {
    if (!Number.isSafeInteger(options.workerThreads) || options.workerThreads < 0) throw new RangeError(`not a number of worker threads: ${options.workerThreads}`);
    this.#anchors = anchors;
    this.#anchorsBySeq = anchorsBySeq(anchors);
    this.#workerThreads = options.workerThreads;
    this.#eventsInThisThread = options.eventsInThisThread;
  }

  /**
   * The check of the segment whose first event follows `before`. The worker threads start with the chain's second
   * segment, a chain of one needing none, and take over once this thread has checked its share: until then they start.
   */
  check(segment: ChainSegment, before: Link | undefined): Promise<SegmentCheck> {
    if (before !== undefined && this.#workers.length === 0 && this.#workerThreads > 0) {
      this.#workers = Array.from({ length: this.#workerThreads }, () => new SegmentWorker(this.#anchors));
    }
    if (this.#workers.length === 0 || this.#eventsInThisThread > 0) {
      this.#eventsInThisThread -= segment.events;
      return Promise.resolve(checkSegment(segment.bytes, before, this.#anchorsBySeq));
    }
    return this.#workers[this.#next++ % this.#workers.length]!.check(segment, before);
  }

  /** Stops the worker threads; a check still under way is abandoned. */
  async close(): Promise<void> {
    await Promise.all(this.#workers.map((worker) => worker.terminate()));
  }
}

class SegmentWorker {
  readonly #worker: Worker;
  readonly #waiting: { resolve: (check: SegmentCheck) => void; reject: (error: unknown) => void }[] = [];

  constructor(anchors: readonly Anchor[]) {
    this.#worker = new Worker(new URL('./segment-worker.ts', import.meta.url), { workerData: { anchors } satisfies SegmentWorkerData });
    this.#worker.on('message', (check: SegmentCheck) => this.#waiting.shift()!.resolve(check));
    this.#worker.on('error', (error) => this.#failAll(error));
    this.#worker.on('exit', (code) => this.#failAll(new Error(`a worker thread checking the audit chain stopped (exit code ${code})`)));
  }

  check(segment: ChainSegment, before: Link | undefined): Promise<SegmentCheck> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ resolve, reject });
      // The segment's memory is its own (ChainSegment): handed over, not copied.
      this.#worker.postMessage({ bytes: segment.bytes, before } satisfies SegmentMessage, [segment.bytes.buffer]);
    });
  }

  async terminate(): Promise<void> {
    await this.#worker.terminate();
  }

  #failAll(error: unknown): void {
    for (const waiting of this.#waiting.splice(0)) waiting.reject(error);
  }
}
