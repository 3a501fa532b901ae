/**
 * A backup of the embedded register in one file: the database's data folder (PGlite's dumpDataDir) and
 * the files of the audit directory (signing key, checkpoints, restore records), as gzipped JSON. The key
 * the TOTP secrets are sealed with is left out: with it beside the sealed secrets the backup would give
 * away every second factor. The file holds password hashes and keys: it is its owner's only (0600).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, gzip } from 'node:zlib';
import { countSealedTotpSecrets, TOTP_SECRET_KEY_FILE, totpSecretKeyMissing } from '../auth/totp-secret-key.ts';
import { lastAuditEvent } from '../db/repositories/audit.ts';
import { openDatabase, type DatabaseHandle } from '../db/connection.ts';

const BACKUP_FORMAT = 'steunregister-backup/1';
const compress = promisify(gzip);

interface BackupContent {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  /** The last event of the audit trail in the database, 0 when it is empty. */
  lastAuditSeq: number;
  /** The data folder as PGlite dumps it (a tar), base64. */
  database: string;
  /** The audit directory's files by name, base64 (an older backup holds the TOTP key too, and restores it). */
  audit: Record<string, string>;
}

export interface BackupSummary {
  createdAt: string;
  lastAuditSeq: number;
  auditFiles: number;
}

/** The backup cannot be made or restored as asked; the message says why. */
export class BackupRefusedError extends Error {}

/**
 * Writes a backup of the open embedded database and `auditDirectory` to `file`, which must not exist.
 * The audit directory is read first: a checkpoint signed meanwhile would cover events the dump might not
 * hold, and the backup would restore as behind its own checkpoints.
 */
export async function writeBackup(handle: DatabaseHandle, auditDirectory: string, file: string): Promise<BackupSummary> {
  if (!handle.dumpDataDir) throw new BackupRefusedError('PostgreSQL is backed up with pg_dump or pg_basebackup, with the audit directory beside it (see README, "Backup and restore").');
  if (existsSync(file)) throw new BackupRefusedError(`${file} exists; a backup never overwrites a file.`);
  const audit = await readAuditFiles(auditDirectory);
  // The dump and the sequence number come from one moment: the database serves one query at a time.
  const lastAuditSeq = (await lastAuditEvent(handle.db))?.seq ?? 0;
  const dump = await handle.dumpDataDir();
  const content: BackupContent = {
    format: BACKUP_FORMAT,
    createdAt: new Date().toISOString(),
    lastAuditSeq,
    database: Buffer.from(await dump.arrayBuffer()).toString('base64'),
    audit,
  };
  const aside = partialBackupFile(file);
  try {
    // Compressed off the main thread: the running server takes the backup and goes on answering meanwhile.
    await writeFile(aside, await compress(JSON.stringify(content)), { mode: 0o600, flag: 'wx', flush: true });
    await rename(aside, file);
  } catch (error) {
    await rm(aside, { force: true });
    throw error;
  }
  return { createdAt: content.createdAt, lastAuditSeq, auditFiles: Object.keys(audit).length };
}

/** Where the process `writer` writes a backup to `file` before it is whole and moved into place. */
export function partialBackupFile(file: string, writer = process.pid): string {
  return `${file}.${writer}.partial`;
}

/**
 * Restores `file` into `dataDir`, which must be empty or absent, and its audit files into
 * `auditDirectory` when that is empty or absent. An audit directory that holds files already (a separate
 * AUDIT_DIR) is kept as it is: its checkpoints are what shows that an older backup was restored.
 * Everything is written aside first and moved into place only once the database opens and holds its audit
 * trail: a damaged backup is refused and leaves nothing behind, so that the next try finds the directories
 * as they were. `totpSecretKeyMissing` says what to do when the TOTP key must be put back.
 */
export async function restoreBackup(
  file: string,
  dataDir: string,
  auditDirectory: string,
): Promise<BackupSummary & { auditRestored: boolean; totpSecretKeyMissing?: string }> {
  const target = resolve(dataDir);
  const auditTarget = resolve(auditDirectory);
  if (!isEmptyOrAbsent(target)) throw new BackupRefusedError(`${dataDir} is not empty: a backup is restored into an empty data directory only.`);
  const content = await readBackup(file);
  const auditRestored = isEmptyOrAbsent(auditTarget);
  // Beside their targets, on the same file system, so that a rename moves each into place at once.
  const staged = `${target}.restoring-${process.pid}`;
  const auditInside = relative(target, auditTarget);
  const auditInsideData = !auditInside.startsWith('..') && !isAbsolute(auditInside);
  const stagedAudit = auditInsideData ? join(staged, auditInside) : `${auditTarget}.restoring-${process.pid}`;
  let sealedTotpSecrets: number;
  try {
    await mkdir(dirname(target), { recursive: true, mode: 0o700 });
    await mkdir(staged, { mode: 0o700 });
    sealedTotpSecrets = await restoreDatabase(file, content, staged);
    if (auditRestored) {
      await mkdir(stagedAudit, { recursive: true, mode: 0o700 });
      if (!auditInsideData) await mkdir(dirname(auditTarget), { recursive: true, mode: 0o700 });
      for (const [name, data] of Object.entries(content.audit)) {
        await writeFile(join(stagedAudit, name), Buffer.from(data, 'base64'), { mode: 0o600, flag: 'wx', flush: true });
      }
      if (!auditInsideData) await moveInto(stagedAudit, auditTarget);
    }
    await moveInto(staged, target);
  } finally {
    await rm(staged, { recursive: true, force: true });
    if (!auditInsideData) await rm(stagedAudit, { recursive: true, force: true });
  }
  const keyFile = join(auditTarget, TOTP_SECRET_KEY_FILE);
  const summary = { createdAt: content.createdAt, lastAuditSeq: content.lastAuditSeq, auditFiles: Object.keys(content.audit).length, auditRestored };
  return sealedTotpSecrets > 0 && !existsSync(keyFile) ? { ...summary, totpSecretKeyMissing: totpSecretKeyMissing(keyFile, sealedTotpSecrets) } : summary;
}

/**
 * The backup's database, opened in `dataDir` and checked: it opens, and holds the audit trail the backup
 * names. Returns how many accounts have a second factor sealed with the TOTP key.
 */
async function restoreDatabase(file: string, content: BackupContent, dataDir: string): Promise<number> {
  const damaged = (why: string) => new BackupRefusedError(`${file} is damaged: ${why}. Nothing was restored; try an older backup.`);
  const restored = await openDatabase({ dataDir, template: new Blob([Buffer.from(content.database, 'base64')]) }).catch((error: Error) => {
    throw damaged(`its database does not open (${error.message})`);
  });
  try {
    const lastSeq = await lastAuditEvent(restored.db).then(
      (last) => last?.seq ?? 0,
      (error: Error) => Promise.reject(damaged(`its database cannot be read (${error.message})`)),
    );
    if (lastSeq < content.lastAuditSeq) throw damaged(`its database ends at audit event #${lastSeq}, not #${content.lastAuditSeq}`);
    await restored.makeDurable();
    return await countSealedTotpSecrets(restored.db);
  } finally {
    await restored.close();
  }
}

function isEmptyOrAbsent(directory: string): boolean {
  if (!existsSync(directory)) return true;
  if (!statSync(directory).isDirectory()) throw new BackupRefusedError(`${directory} is not a directory.`);
  return readdirSync(directory).length === 0;
}

/** Moves a directory into the place of an empty or absent one (its parent exists). */
async function moveInto(from: string, to: string): Promise<void> {
  if (existsSync(to)) await rmdir(to);
  await rename(from, to);
}

async function readBackup(file: string): Promise<BackupContent> {
  let content: Partial<BackupContent> | null;
  try {
    content = JSON.parse(gunzipSync(await readFile(file)).toString('utf8')) as Partial<BackupContent> | null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new BackupRefusedError(`${file} does not exist.`);
    throw new BackupRefusedError(`${file} is not a Steunregister backup: ${(error as Error).message}`);
  }
  const valid =
    typeof content === 'object' &&
    content !== null &&
    content.format === BACKUP_FORMAT &&
    typeof content.database === 'string' &&
    typeof content.createdAt === 'string' &&
    isEventCount(content.lastAuditSeq) &&
    typeof content.audit === 'object' &&
    content.audit !== null &&
    Object.entries(content.audit).every(([name, data]) => /^[\w.-]+$/.test(name) && !name.startsWith('.') && typeof data === 'string');
  if (!valid) throw new BackupRefusedError(`${file} is not a Steunregister backup (${BACKUP_FORMAT}).`);
  return content as BackupContent;
}

const isEventCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

/** The regular files of the audit directory but the TOTP key (none when it does not exist yet). */
async function readAuditFiles(directory: string): Promise<Record<string, string>> {
  const entries = await readdir(directory, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const files: Record<string, string> = {};
  // Files being written aside (`….tmp`) are not part of the directory yet.
  for (const entry of entries.filter((each) => each.isFile() && !each.name.endsWith('.tmp') && each.name !== TOTP_SECRET_KEY_FILE)) {
    files[entry.name] = (await readFile(join(directory, entry.name))).toString('base64');
  }
  return files;
}

