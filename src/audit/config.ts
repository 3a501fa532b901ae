import { join, resolve } from 'node:path';
import { StartRefusedError } from '../start-refused.ts';

/**
 * Where the signed checkpoints of the audit trail and their key are kept: AUDIT_DIR, else `audit` in
 * DATA_DIR (./data). Outside the database on purpose: whoever can rewrite the database must not be able
 * to rewrite these too. Point AUDIT_DIR at storage the database's owner cannot write to. Empty, either is unset.
 */
export function auditDirectoryFromEnvironment(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.AUDIT_DIR || join(env.DATA_DIR || 'data', 'audit'));
}

/** How often the server signs a checkpoint: every AUDIT_CHECKPOINT_SECONDS, by default every minute. */
export function checkpointIntervalFromEnvironment(env: NodeJS.ProcessEnv = process.env): number {
  const seconds = Number(env.AUDIT_CHECKPOINT_SECONDS ?? 60);
  if (!(seconds > 0 && seconds <= 86_400)) {
    throw new StartRefusedError(`AUDIT_CHECKPOINT_SECONDS must be a number of seconds up to a day, not "${env.AUDIT_CHECKPOINT_SECONDS}"`);
  }
  return seconds * 1000;
}
