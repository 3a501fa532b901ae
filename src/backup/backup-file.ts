/**
 * A backup of the embedded register in one file: the database's data folder (PGlite's dumpDataDir) and
 * the files of the audit directory (public key, checkpoints, restore records), as a gzipped tar that
 * `tar` itself lists and unpacks: `backup.json` (what it is, when it was made, the audit event it
 * ends at, its signature), `database.tar` and `audit/…`. Two keys are left out: the one the TOTP secrets
 * are sealed with (beside the sealed secrets it would give away every second factor) and the private key
 * of the checkpoints, which signs the backup (with it, whoever has the file could sign a changed copy).
 * The file holds password hashes: it is its owner's only (0600). Backups of the earlier, unsigned formats
 * (an archive, or gzipped JSON) restore when asked to explicitly.
 */
import { constants, existsSync, readdirSync, statSync } from 'node:fs';
import { access, mkdir, readdir, readFile, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { totalmem } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream } from 'node:stream/web';
import { promisify } from 'node:util';
import { gunzip, gunzipSync } from 'node:zlib';
import type { KeyObject } from 'node:crypto';
import { openCheckpointStore, PRIVATE_KEY_FILE, PUBLIC_KEY_FILE, publicKeyFromPem, readPublicKey, refuseChainBehindCheckpoints } from '../audit/checkpoints.ts';
import { StartRefusedError } from '../start-refused.ts';
import { escapeUnsafeCharacters } from '../../common/text.ts';
import { countSealedTotpSecrets, TOTP_SECRET_KEY_FILE, totpSecretKeyMissing } from '../auth/totp-secret-key.ts';
import { lastAuditEvent } from '../db/repositories/audit.ts';
import { openDatabase, type DatabaseHandle } from '../db/connection.ts';
import { NewerSchemaError, refuseNewerSchema } from '../db/migrate.ts';
import { beginsAsGzip, fileBeginsAsGzip, holdsTar, readArchive, writeArchive, type ReadEntry, type UnpackLimit } from './archive.ts';
import { hasValidBackupSignature, signBackup } from './backup-signature.ts';
import { besidePath, nameTooLong } from './file-names.ts';

const BACKUP_FORMAT = 'steunregister-backup/3';
/** Backups made before they were signed. */
const UNSIGNED_BACKUP_FORMAT = 'steunregister-backup/2';
/** Backups made before the archive: gzipped JSON, the database and the files in it as base64. */
const JSON_BACKUP_FORMAT = 'steunregister-backup/1';
const MANIFEST_ENTRY = 'backup.json';
const DATABASE_ENTRY = 'database.tar';
const AUDIT_ENTRY_PREFIX = 'audit/';

/** What `backup.json` says of the backup. */
interface Manifest {
  format: typeof BACKUP_FORMAT | typeof UNSIGNED_BACKUP_FORMAT;
  createdAt: string;
  /** The last event of the audit trail in the database, 0 when it is empty. */
  lastAuditSeq: number;
  /** Of the content, with the checkpoint key (see backup-signature.ts); base64. Absent in the unsigned format. */
  signature?: string;
}

interface BackupContent {
  createdAt: string;
  lastAuditSeq: number;
  /** The data folder as PGlite dumps it (a tar). */
  database: Blob;
  /** The audit directory's files by name (an older backup holds the TOTP key and the private key too, and restores them). */
  audit: Record<string, Uint8Array>;
  signature?: string | undefined;
  /** Whether the backup is of the signed format: one of it without a signature had it removed. */
  signedFormat: boolean;
}

export interface BackupSummary {
  createdAt: string;
  lastAuditSeq: number;
  auditFiles: number;
}

/** The backup cannot be made or restored as asked; the message says why. */
export class BackupRefusedError extends Error {}

export interface RestoreOptions {
  /** The most bytes the backup, and the database in it, may unpack to; by default defaultUnpackLimit(). */
  unpackLimit?: number;
  /** A copy of the checkpoints' public key kept apart, to check the signature with rather than the audit directory's. */
  publicKey?: KeyObject | undefined;
  /** Restore a backup of an unsigned format, which is refused otherwise. */
  acceptUnsigned?: boolean;
}

/**
 * What the backup's signature was checked against: a public key given, the one in the kept audit
 * directory (both show the content is what the register signed), the one the backup carries itself
 * (shows only that the file is whole: whoever changes it can replace that key too), or nothing: a backup
 * of an earlier format (unsigned), or one whose signature was removed.
 */
export type SignatureCheck = 'givenKey' | 'auditDirectory' | 'backupKey' | 'unsigned' | 'signatureRemoved';

/**
 * A quarter of the memory this process may use: a restore holds the unpacked database about four times
 * over (its pieces, PGlite's copy and the files PGlite makes of it), and a file that unpacks to more would
 * end in running out of memory rather than in a refusal.
 */
function defaultUnpackLimit(): number {
  const constrained = process.constrainedMemory();
  return Math.floor(Math.min(totalmem(), constrained > 0 ? constrained : Infinity) / 4);
}

/**
 * Writes a backup of the open embedded database and `auditDirectory` to `file`, which must not exist.
 * The audit directory is read first: a checkpoint signed meanwhile would cover events the dump might not
 * hold, and the backup would restore as behind its own checkpoints.
 */
export async function writeBackup(handle: DatabaseHandle, auditDirectory: string, file: string): Promise<BackupSummary> {
  if (!handle.dumpDataDir) throw new BackupRefusedError('PostgreSQL is backed up with pg_dump or pg_basebackup, with the audit directory beside it (see README, "Backup and restore").');
  if (existsSync(file)) throw new BackupRefusedError(`${file} exists; a backup never overwrites a file.`);
  if (nameTooLong(file)) throw new BackupRefusedError(`${file} cannot be written: its name is longer than the 255 bytes a file system allows. No backup was made.`);
  await refuseUnwritableFolder(file);
  const { privateKey } = await openCheckpointStore(auditDirectory).catch((error: Error) =>
    Promise.reject(new BackupRefusedError(`The backup cannot be signed with the key of the audit checkpoints: ${error.message}. No backup was made.`)),
  );
  const audit = await readAuditFiles(auditDirectory);
  // The dump and the sequence number come from one moment: the database serves one query at a time.
  const lastAuditSeq = (await lastAuditEvent(handle.db))?.seq ?? 0;
  const dump = await handle.dumpDataDir();
  const createdAt = new Date().toISOString();
  const signature = await signBackup({ createdAt, lastAuditSeq, database: dump, audit }, privateKey);
  const manifest: Manifest = { format: BACKUP_FORMAT, createdAt, lastAuditSeq, signature };
  const aside = partialBackupFile(file);
  try {
    // Streamed through gzip, which compresses off the main thread: the running server goes on answering meanwhile.
    await writeArchive(aside, [
      { name: MANIFEST_ENTRY, bytes: Buffer.from(JSON.stringify(manifest)) },
      { name: DATABASE_ENTRY, size: dump.size, stream: Readable.fromWeb(dump.stream() as ReadableStream<Uint8Array>) },
      ...Object.entries(audit).map(([name, bytes]) => ({ name: `${AUDIT_ENTRY_PREFIX}${name}`, bytes })),
    ]);
    await rename(aside, file);
  } catch (error) {
    await rm(aside, { force: true });
    throw error;
  }
  return { createdAt: manifest.createdAt, lastAuditSeq, auditFiles: Object.keys(audit).length };
}

/** Refuses, before anything is dumped, a backup file whose folder does not exist or may not be written by this process. */
async function refuseUnwritableFolder(file: string): Promise<void> {
  const folder = dirname(file);
  const refuse = (why: string) => new BackupRefusedError(`${file} cannot be written: its folder ${folder} ${why}. No backup was made.`);
  const kind = await stat(folder).catch((error: NodeJS.ErrnoException) => Promise.reject(error.code === 'ENOENT' ? refuse('does not exist') : error));
  if (!kind.isDirectory()) throw refuse('is not a folder');
  await access(folder, constants.W_OK | constants.X_OK).catch((error: NodeJS.ErrnoException) => {
    throw refuse(`may not be written by the user writing the backup (the server's, while it runs: ${error.code ?? error.message})`);
  });
}

/** Where the process `writer` writes a backup to `file` before it is whole and moved into place. */
export function partialBackupFile(file: string, writer = process.pid): string {
  return besidePath(file, `.${writer}.partial`);
}

/**
 * Restores `file` into `dataDir`, which must be empty or absent but for the audit directory inside it
 * (the default, DATA_DIR/audit), and its audit files into `auditDirectory` unless that holds records of the
 * chain already (checkpoints, restores, a public key): such a directory is kept as it is, as its
 * checkpoints are what shows that an older backup was restored. The keys a backup leaves out, put back
 * before the restore, are no such records: the backup's audit files are restored beside them.
 * Everything is written aside first and moved into place only once the database opens and holds its audit
 * trail: a damaged backup is refused and leaves nothing behind, so that the next try finds the directories
 * as they were. `totpSecretKeyMissing` says what to do when the TOTP key must be put back.
 */
export async function restoreBackup(
  file: string,
  dataDir: string,
  auditDirectory: string,
  options: RestoreOptions = {},
): Promise<BackupSummary & { auditRestored: boolean; signatureCheck: SignatureCheck; startRefused?: StartRefusedError; signingKeyMissing?: string; totpSecretKeyMissing?: string }> {
  const target = resolve(dataDir);
  const auditTarget = resolve(auditDirectory);
  for (const directory of [target, auditTarget]) {
    if (nameTooLong(directory)) throw new BackupRefusedError(`${directory} cannot be made: its name is longer than the 255 bytes a file system allows. Nothing was restored.`);
  }
  const auditKept = holdsAuditRecords(auditTarget, target);
  refuseUnlessEmpty(target, auditTarget);
  const limitBytes = options.unpackLimit ?? defaultUnpackLimit();
  const limit: UnpackLimit = {
    bytes: limitBytes,
    exceeded: () =>
      new BackupRefusedError(
        `${file} unpacks to more than ${Math.round(limitBytes / 1_000_000).toLocaleString('en')} MB, the most a restore takes on this machine (a quarter of its memory): ` +
          'Nothing was restored. Restore it on a machine with more memory if the register is that large; a small file that unpacks this far was made to exhaust memory.',
      ),
  };
  const content = await readBackup(file, limit);
  const auditRestored = !auditKept;
  const signatureCheck = await checkSignature(file, content, auditKept ? auditTarget : undefined, options);
  content.database = await unpackedDatabase(file, content.database, limit);
  // Beside the data directory, on the same file system, so that renames move them into place.
  const staged = besidePath(target, `.restoring-${process.pid}`);
  const stagedAudit = besidePath(target, `.restoring-${process.pid}-audit`);
  let restored: RestoredDatabase;
  try {
    await mkdir(dirname(target), { recursive: true, mode: 0o700 });
    await mkdir(staged, { mode: 0o700 });
    restored = await restoreDatabase(file, content, staged, auditKept ? auditTarget : undefined);
    if (auditRestored) {
      await mkdir(stagedAudit, { mode: 0o700 });
      for (const [name, data] of Object.entries(content.audit)) {
        await writeFile(join(stagedAudit, name), data, { mode: 0o600, flag: 'wx', flush: true });
      }
    }
    await (isEmptyOrAbsent(target) ? moveInto(staged, target) : moveContentsInto(staged, target));
    if (auditRestored) {
      await mkdir(auditTarget, { recursive: true, mode: 0o700 });
      await moveContentsInto(stagedAudit, auditTarget);
    }
  } finally {
    await rm(staged, { recursive: true, force: true });
    await rm(stagedAudit, { recursive: true, force: true });
  }
  const keyFile = join(auditTarget, TOTP_SECRET_KEY_FILE);
  const signingKeyFile = join(auditTarget, PRIVATE_KEY_FILE);
  const summary = { createdAt: content.createdAt, lastAuditSeq: content.lastAuditSeq, auditFiles: Object.keys(content.audit).length, auditRestored, signatureCheck };
  return {
    ...summary,
    ...(restored.startRefused ? { startRefused: restored.startRefused } : {}),
    // The state the server refuses to start in: a public key without its private key.
    ...(existsSync(join(auditTarget, PUBLIC_KEY_FILE)) && !existsSync(signingKeyFile) ? { signingKeyMissing: signingKeyMissing(signingKeyFile) } : {}),
    ...(restored.sealedTotpSecrets > 0 && !existsSync(keyFile) ? { totpSecretKeyMissing: totpSecretKeyMissing(keyFile, restored.sealedTotpSecrets) } : {}),
  };
}

function signingKeyMissing(keyFile: string): string {
  return (
    `${keyFile} is missing: a backup leaves out the private key of the checkpoints, which signs it. Put the key back from where you keep it ` +
    '(README, "Backup and restore"); the server does not start without it, nor with one that is not the key of the public key restored beside it.'
  );
}

/**
 * Checks the backup's signature against the public key given, else the kept audit directory's, else
 * the one the backup carries; refuses a signature that does not verify, and an unsigned backup unless asked.
 */
async function checkSignature(file: string, content: BackupContent, keptAuditDirectory: string | undefined, options: RestoreOptions): Promise<SignatureCheck> {
  if (content.signature === undefined) {
    if (options.acceptUnsigned) return content.signedFormat ? 'signatureRemoved' : 'unsigned';
    const why = content.signedFormat ? 'is of the signed format, but its signature was removed' : 'is not signed (made before backups were signed)';
    throw new BackupRefusedError(
      `${file} ${why}: nothing shows that its database is the one backed up. ` + 'Nothing was restored; if you know where the file comes from, restore it with --unsigned.',
    );
  }
  const refuse = (why: string) => new BackupRefusedError(`${file} ${why}. Nothing was restored.`);
  const carried = content.audit[PUBLIC_KEY_FILE];
  const kept = keptAuditDirectory === undefined ? undefined : await readPublicKey(keptAuditDirectory).catch(() => Promise.reject(refuse(`cannot be checked: the public key in ${keptAuditDirectory} cannot be read`)));
  const [check, publicKey, whose]: [SignatureCheck, KeyObject | undefined, string] = options.publicKey
    ? ['givenKey', options.publicKey, 'the public key given']
    : kept
      ? ['auditDirectory', kept, `the checkpoint key in ${keptAuditDirectory}`]
      : ['backupKey', carried && parsedPublicKey(carried), 'the public key it carries'];
  if (!publicKey) throw refuse('is signed, but there is no public key to check it with: neither the audit directory nor the backup holds a readable one');
  if (!(await hasValidBackupSignature(content, content.signature, publicKey))) {
    throw refuse(`does not carry a valid signature of ${whose}: its database or audit files were changed after it was made, or another register made it`);
  }
  return check;
}

function parsedPublicKey(pem: Uint8Array): KeyObject | undefined {
  try {
    return publicKeyFromPem(Buffer.from(pem).toString('utf8'));
  } catch {
    return undefined;
  }
}

/**
 * The backup's database, opened in `dataDir` and checked: it opens, and holds the audit trail the backup
 * names. Returns how many accounts have a second factor sealed with the TOTP key.
 */
interface RestoredDatabase {
  /** How many accounts have their second factor sealed with the TOTP key. */
  sealedTotpSecrets: number;
  /** Why the server refuses to start on the database beside the kept audit directory: checkpoints newer than the backup, say. */
  startRefused?: StartRefusedError;
}

/**
 * Restores the backup's database into `dataDir` and checks that it opens and holds the audit trail the backup
 * names; beside a kept audit directory, it is also held against that directory's checkpoints as the server's
 * start holds it, so that the restore says whether the server will start on it.
 */
async function restoreDatabase(file: string, content: BackupContent, dataDir: string, keptAuditDirectory: string | undefined): Promise<RestoredDatabase> {
  const damaged = (why: string) => damagedBackup(file, why);
  const restored = await openDatabase({ dataDir, template: content.database }).catch((error: Error) => {
    throw damaged(`its database does not open (${error.message})`);
  });
  try {
    const lastSeq = await lastAuditEvent(restored.db).then(
      (last) => last?.seq ?? 0,
      (error: Error) => Promise.reject(damaged(`its database cannot be read (${error.message})`)),
    );
    if (lastSeq < content.lastAuditSeq) throw damaged(`its database ends at audit event #${lastSeq}, not #${content.lastAuditSeq}`);
    await refuseNewerSchema(restored).catch((error: unknown) => {
      if (!(error instanceof NewerSchemaError)) throw error;
      throw new BackupRefusedError(
        `${file} was made by a newer version of Steunregister: its database has ${error.unknownMigrations.join(', ')}, which this version does not know. ` +
          'Nothing was restored; restore it with that version or a newer one.',
      );
    });
    await restored.makeDurable();
    const startRefused =
      keptAuditDirectory === undefined
        ? undefined
        : await refuseChainBehindCheckpoints(restored.db, keptAuditDirectory).then(
            () => undefined,
            (error: unknown) => (error instanceof StartRefusedError ? error : Promise.reject(error)),
          );
    return { sealedTotpSecrets: await countSealedTotpSecrets(restored.db), ...(startRefused ? { startRefused } : {}) };
  } finally {
    await restored.close();
  }
}

/** Whether `path` is `folder` or lies somewhere inside it. */
function liesWithin(folder: string, path: string): boolean {
  const inside = relative(folder, path);
  return !inside.startsWith('..') && !isAbsolute(inside);
}

function isEmptyOrAbsent(directory: string): boolean {
  return entriesOf(directory).length === 0;
}

/** The names in a directory, none when it does not exist. */
function entriesOf(directory: string): string[] {
  if (!existsSync(directory)) return [];
  if (!statSync(directory).isDirectory()) throw new BackupRefusedError(`${directory} is not a directory.`);
  return readdirSync(directory);
}

/** The first name on the way from `folder` to `path` inside it, if it lies inside. */
function wayInto(folder: string, path: string): string | undefined {
  return liesWithin(folder, path) && folder !== path ? relative(folder, path).split(sep)[0] : undefined;
}

/** The keys a backup leaves out, which an operator keeps apart and may put back before a restore. */
const KEYS_KEPT_APART = new Set([TOTP_SECRET_KEY_FILE, PRIVATE_KEY_FILE]);

/** Whether the audit directory holds more than those keys (and the data directory, where that lies inside it). */
function holdsAuditRecords(auditDirectory: string, dataDir: string): boolean {
  return entriesOf(auditDirectory).some((name) => !KEYS_KEPT_APART.has(name) && name !== wayInto(auditDirectory, dataDir));
}

/** Refuses a data directory that holds anything but the audit directory, where that lies inside it. */
function refuseUnlessEmpty(dataDir: string, auditDirectory: string): void {
  const auditInside = wayInto(dataDir, auditDirectory);
  if (entriesOf(dataDir).some((name) => name !== auditInside)) {
    const besides = auditInside ? ` (but for the audit directory ${auditDirectory} inside it)` : '';
    throw new BackupRefusedError(`${dataDir} is not empty: a backup is restored into an empty data directory only${besides}.`);
  }
}

/** Moves a directory into the place of an empty or absent one (its parent exists). */
async function moveInto(from: string, to: string): Promise<void> {
  if (existsSync(to)) await rmdir(to);
  await rename(from, to);
}

/**
 * Moves what a directory holds into another, which exists, and removes it. A key put back before the
 * restore stays as it is (an older backup carries the keys too); nothing else is replaced.
 */
async function moveContentsInto(from: string, to: string): Promise<void> {
  for (const name of await readdir(from)) {
    if (!existsSync(join(to, name))) await rename(join(from, name), join(to, name));
    else if (!KEYS_KEPT_APART.has(name)) throw new Error(`${join(to, name)} exists already`);
  }
  await rm(from, { recursive: true, force: true });
}

async function readBackup(file: string, limit: UnpackLimit): Promise<BackupContent> {
  // Why may quote the file (a JSON parser's words): its control characters are written out, never sent to the terminal.
  const notABackup = (why?: string) => new BackupRefusedError(`${file} is not a Steunregister backup${why ? `: ${escapeUnsafeCharacters(why)}` : ` (${BACKUP_FORMAT})`}.`);
  try {
    return (await holdsTar(file)) ? await readArchiveBackup(file, notABackup, limit) : await readJsonBackup(file, notABackup, limit);
  } catch (error) {
    if (error instanceof BackupRefusedError) throw error;
    const { code } = error as NodeJS.ErrnoException;
    if (code === 'ERR_BUFFER_TOO_LARGE') throw limit.exceeded();
    if (code === 'ENOENT') throw new BackupRefusedError(`${file} does not exist.`);
    // A file that cannot be read says nothing of what it holds.
    if (code === 'EACCES' || code === 'EPERM' || code === 'EISDIR') throw new BackupRefusedError(`Cannot read ${file} (${code}): nothing was restored.`);
    // zlib's words for a gzipped file that does not unpack: one that ends too soon, or whose bytes changed.
    if (code === 'Z_BUF_ERROR') throw damagedBackup(file, 'it is cut short, the file ends before the backup does');
    if (code === 'Z_DATA_ERROR') {
      throw (await fileBeginsAsGzip(file)) ? damagedBackup(file, `some of its bytes were changed, what it holds does not unpack (${(error as Error).message})`) : notABackup();
    }
    throw notABackup((error as Error).message);
  }
}

/**
 * A backup's archive: `backup.json`, the database and the audit files, each once, and nothing else. A backup
 * writes them in that order; unpacked and packed again by `tar` they may come in any.
 */
async function readArchiveBackup(file: string, notABackup: () => BackupRefusedError, limit: UnpackLimit): Promise<BackupContent> {
  const seen = new Set<string>();
  const accept = (name: string) => {
    const known = name === MANIFEST_ENTRY || name === DATABASE_ENTRY || (name.startsWith(AUDIT_ENTRY_PREFIX) && isAuditFileName(name.slice(AUDIT_ENTRY_PREFIX.length)));
    if (!known || seen.has(name)) return false;
    seen.add(name);
    return true;
  };
  const entries = await readArchive(file, accept, notABackup, limit);
  const bytesOf = (entry: ReadEntry) => Buffer.concat(entry.chunks);
  const named = (name: string) => entries.find((entry) => entry.name === name);
  const manifestEntry = named(MANIFEST_ENTRY);
  const manifest = manifestEntry ? (JSON.parse(bytesOf(manifestEntry).toString('utf8')) as Partial<Manifest> | null) : null;
  const database = named(DATABASE_ENTRY);
  const audit = entries.filter((entry) => entry.name.startsWith(AUDIT_ENTRY_PREFIX)).map((entry): [string, Uint8Array] => [entry.name.slice(AUDIT_ENTRY_PREFIX.length), bytesOf(entry)]);
  const signed = manifest?.format === BACKUP_FORMAT;
  // A signed backup never holds the private key: one that does would restore a key its maker chose. One whose
  // signature was removed is read as unsigned, for checkSignature to refuse as such.
  const validSignature = signed
    ? (manifest.signature === undefined || typeof manifest.signature === 'string') && audit.every(([name]) => name !== PRIVATE_KEY_FILE)
    : manifest?.format === UNSIGNED_BACKUP_FORMAT;
  const valid = typeof manifest === 'object' && manifest !== null && validSignature && typeof manifest.createdAt === 'string' && isEventCount(manifest.lastAuditSeq);
  if (!valid || !database) throw notABackup();
  return {
    createdAt: manifest.createdAt!,
    lastAuditSeq: manifest.lastAuditSeq!,
    database: new Blob(database.chunks as Uint8Array<ArrayBuffer>[]),
    audit: Object.fromEntries(audit),
    signature: signed ? manifest.signature : undefined,
    signedFormat: signed,
  };
}

/** A backup of the earlier format: gzipped JSON. */
async function readJsonBackup(file: string, notABackup: () => BackupRefusedError, limit: UnpackLimit): Promise<BackupContent> {
  const content = JSON.parse(gunzipSync(await readFile(file), { maxOutputLength: limit.bytes }).toString('utf8')) as Record<string, unknown> | null;
  const audit = typeof content?.audit === 'object' && content.audit !== null ? Object.entries(content.audit) : undefined;
  const valid =
    content?.format === JSON_BACKUP_FORMAT &&
    typeof content.database === 'string' &&
    typeof content.createdAt === 'string' &&
    isEventCount(content.lastAuditSeq) &&
    audit?.every(([name, data]) => isAuditFileName(name) && typeof data === 'string');
  if (!valid) throw notABackup();
  return {
    createdAt: content.createdAt as string,
    lastAuditSeq: content.lastAuditSeq as number,
    database: new Blob([Buffer.from(content.database as string, 'base64')]),
    audit: Object.fromEntries(audit!.map(([name, data]) => [name, Buffer.from(data as string, 'base64')])),
    signedFormat: false,
  };
}

/**
 * The database as PGlite loads it. A gzipped dump (PGlite unpacks one it is given, however large it
 * grows) is unpacked here, within the limit.
 */
async function unpackedDatabase(file: string, database: Blob, limit: UnpackLimit): Promise<Blob> {
  if (!beginsAsGzip(new Uint8Array(await database.slice(0, 2).arrayBuffer()))) return database;
  const unpacked = await promisify(gunzip)(Buffer.from(await database.arrayBuffer()), { maxOutputLength: limit.bytes }).catch((error: NodeJS.ErrnoException) =>
    Promise.reject(error.code === 'ERR_BUFFER_TOO_LARGE' ? limit.exceeded() : damagedBackup(file, `its database does not unpack (${error.message})`)),
  );
  return new Blob([unpacked]);
}

function damagedBackup(file: string, why: string): BackupRefusedError {
  return new BackupRefusedError(`${file} is damaged: ${why}. Nothing was restored; try an older backup.`);
}

/** A file of the audit directory as a backup may name it: no path, no hidden file. */
const isAuditFileName = (name: string) => /^[\w.-]+$/.test(name) && !name.startsWith('.');

const isEventCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

/** The regular files of the audit directory but the TOTP key and the private key (none when it does not exist yet). */
async function readAuditFiles(directory: string): Promise<Record<string, Buffer>> {
  const entries = await readdir(directory, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const files: Record<string, Buffer> = {};
  // Files being written aside (`….tmp`) are not part of the directory yet.
  for (const entry of entries.filter((each) => each.isFile() && !each.name.endsWith('.tmp') && each.name !== TOTP_SECRET_KEY_FILE && each.name !== PRIVATE_KEY_FILE)) {
    files[entry.name] = await readFile(join(directory, entry.name));
  }
  return files;
}
