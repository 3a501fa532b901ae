/** A thread that checks batches of stored audit events for problems of their own (see EventCheckThreads). */
import { parentPort } from 'node:worker_threads';
import type { StoredAuditEvent } from '../db/repositories/audit.ts';
import { firstRowWithOwnProblem } from './event-problem.ts';

parentPort!.on('message', (rows: StoredAuditEvent[]) => parentPort!.postMessage(firstRowWithOwnProblem(rows)));
