/**
 * Vitest global setup, after shared-postgres.ts: where the machine has a memory file system (/dev/shm),
 * the run's temporary folders (os.tmpdir(), which the workers and the commands they start inherit
 * through TMPDIR) lie in a folder of its own there. A test's data folder holds some 1,400 files of a
 * PGlite database; creating, syncing and removing them on disk took about half of the backup and data
 * folder tests' time, and what those tests check does not depend on the disk.
 * The test PostgreSQL cluster stays where it is: it runs as another user, who may not write here.
 */
import { accessSync, constants, rmSync, statfsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';

const MEMORY_FILE_SYSTEM = '/dev/shm';
/** Room for both workers' data folders at once, with margin; a container's /dev/shm is often only 64 MB. */
const ROOM_NEEDED_BYTES = 2 * 1024 ** 3;

export default async function useMemoryTmpdir(): Promise<(() => Promise<void>) | undefined> {
  if (!writable(MEMORY_FILE_SYSTEM) || freeBytes(MEMORY_FILE_SYSTEM) < ROOM_NEEDED_BYTES) return undefined;
  const previous = process.env.TMPDIR;
  const folder = await mkdtemp(join(MEMORY_FILE_SYSTEM, 'steunregister-test-'));
  // Also when the run is interrupted, which skips the removal returned below: memory is not given back otherwise.
  process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
  process.env.TMPDIR = folder;
  return async () => {
    // What runs at the end of the process (stopping the test PostgreSQL) finds the usual tmpdir again.
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    await rm(folder, { recursive: true, force: true });
  };
}

function writable(folder: string): boolean {
  try {
    accessSync(folder, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function freeBytes(folder: string): number {
  const { bavail, bsize } = statfsSync(folder);
  return bavail * bsize;
}
