/**
 * Threads that check batches of audit events for problems of their own (firstRowWithOwnProblem): the
 * hashing and parsing that dominate verification, off the thread that reads the chain. Each thread
 * answers its batches in the order given, and batches are dealt out in turn, so answers come in order.
 */
import { Worker } from 'node:worker_threads';
import type { StoredAuditEvent } from '../db/repositories/audit.ts';

interface CheckThread {
  worker: Worker;
  /** The callers waiting for this thread's answers, oldest first. */
  waiting: { resolve(index: number): void; reject(error: unknown): void }[];
}

export class EventCheckThreads {
  readonly #threads: CheckThread[];
  #next = 0;

  constructor(count: number) {
    this.#threads = Array.from({ length: count }, () => {
      const thread: CheckThread = { worker: new Worker(new URL('./event-check-worker.ts', import.meta.url)), waiting: [] };
      thread.worker.on('message', (index: number) => thread.waiting.shift()?.resolve(index));
      thread.worker.on('error', (error) => thread.waiting.splice(0).forEach((caller) => caller.reject(error)));
      thread.worker.on('exit', (code) => thread.waiting.splice(0).forEach((caller) => caller.reject(new Error(`an audit check thread stopped (exit code ${code})`))));
      thread.worker.unref();
      return thread;
    });
  }

  get count(): number {
    return this.#threads.length;
  }

  /** The index of the first row of the batch with a problem of its own, or -1. */
  firstRowWithOwnProblem(rows: readonly StoredAuditEvent[]): Promise<number> {
    const thread = this.#threads[this.#next++ % this.#threads.length]!;
    return new Promise((resolve, reject) => {
      thread.waiting.push({ resolve, reject });
      thread.worker.postMessage(rows);
    });
  }

  /** Stops the threads; answers still due are dropped, not rejected (their callers have stopped listening). */
  async close(): Promise<void> {
    for (const thread of this.#threads) thread.waiting.length = 0;
    await Promise.all(this.#threads.map((thread) => thread.worker.terminate()));
  }
}
