/**
 * An import's rows are read, checked and answered a thousand at a time, the event loop turning in between:
 * some milliseconds of work at a time, so that a server's other requests wait no longer while a large file is
 * handled (in one piece, 100,000 rows held them for seconds).
 */
import { setImmediate } from 'node:timers/promises';

export const ROWS_PER_TURN = 1000;

/** Lets the event loop turn when `handled` rows are done and they are a multiple of ROWS_PER_TURN. */
export async function turnAfterRows(handled: number): Promise<void> {
  if (handled > 0 && handled % ROWS_PER_TURN === 0) await setImmediate();
}
