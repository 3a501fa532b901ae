import { chmodSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { StartRefusedError } from '../start-refused.ts';

export class DataDirLockedError extends StartRefusedError {}

/** Others may write to the data directory: the register, password hashes and sessions would be theirs to change. */
export class DataDirPermissionError extends StartRefusedError {}

const LOCK_FILE = 'data-dir.lock';
/** The process-id file earlier versions used as their lock; it means nothing now. */
const OLD_LOCK_FILE = 'steunregister.lock';
const SQLITE_BUSY = 5;

/** Held locks stay referenced: a lock that was garbage-collected would be released. */
const held = new Set<DatabaseSync>();

/**
 * PGlite has no guard against a second process opening the same data directory, and two would corrupt
 * it. This takes an exclusive advisory lock (fcntl, through SQLite's locking, as Node has no flock) on a
 * file in the directory. The kernel releases it when the process ends, however it ends, so a crash never
 * leaves a lock behind, whatever process ids the next start gets; a copy of the directory is not locked.
 */
export function lockDataDir(dataDir: string): () => void {
  const lock = new DatabaseSync(join(dataDir, LOCK_FILE), { timeout: 0 });
  try {
    lock.exec('pragma journal_mode = memory; pragma locking_mode = exclusive; begin exclusive; commit;');
  } catch (error) {
    lock.close();
    if ((error as { errcode?: number }).errcode === SQLITE_BUSY) {
      throw new DataDirLockedError(
        `The database in ${dataDir} is in use by another Steunregister process. Stop that process first, or use another data directory.`,
      );
    }
    throw error;
  }
  held.add(lock);
  rmSync(join(dataDir, OLD_LOCK_FILE), { force: true });
  // The lock file stays: removing it would let a process that opened it just before lock a file nobody else sees.
  return () => {
    held.delete(lock);
    lock.close();
  };
}

/**
 * Whether process `pid` holds the lock of `dataDir`: Linux names in /proc/locks the process and the file
 * (by inode) of every lock. Undefined where the system does not tell.
 */
export function holdsDataDirLock(dataDir: string, pid: number): boolean | undefined {
  let locks: string;
  try {
    locks = readFileSync('/proc/locks', 'utf8');
  } catch {
    return undefined;
  }
  const inode = statSync(join(dataDir, LOCK_FILE), { bigint: true, throwIfNoEntry: false })?.ino;
  if (inode === undefined) return false;
  // "1: POSIX  ADVISORY  WRITE <pid> <major>:<minor>:<inode> <start> <end>"; a process waiting for a lock has "->" before POSIX.
  return locks.split('\n').some((line) => {
    const [, kind, , , holder, file] = line.trim().split(/\s+/);
    return kind === 'POSIX' && holder === String(pid) && file?.split(':').at(-1) === String(inode);
  });
}

/** Creates the data directory for its owner only, or checks an existing one: refused when others may write to it. */
export function prepareDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const mode = lstatSync(dataDir).mode & 0o777;
  if ((mode & 0o022) !== 0) {
    throw new DataDirPermissionError(
      `The data directory ${dataDir} has mode ${mode.toString(8).padStart(4, '0')}: others can write to it, so they could change the register. ` +
        `Make it its owner's only (chmod 700 ${dataDir}) and check that nothing in it was changed.`,
    );
  }
}

/**
 * Makes everything in the data directory its owner's only (folders 0700, files 0600), also what an
 * earlier version or PGlite's own first start left readable by everyone.
 */
export function keepToOwner(path: string): void {
  const stat = lstatSync(path);
  if (stat.isSymbolicLink()) return;
  const wanted = stat.isDirectory() ? 0o700 : 0o600;
  if ((stat.mode & 0o777) !== wanted) chmodSync(path, wanted);
  if (stat.isDirectory()) for (const name of readdirSync(path)) keepToOwner(join(path, name));
}
