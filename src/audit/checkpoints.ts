/**
 * Signed checkpoints of the audit trail, kept outside the database. Whoever controls the database can
 * rewrite the whole chain and recompute every hash so that it links again; a checkpoint, signed with a
 * key the database never sees and stored elsewhere, still holds the hash that event had, so the rewrite
 * shows. The directory holds the Ed25519 key pair and `checkpoints.jsonl`, one signed checkpoint a line.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { link, mkdir, open, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { auditEventHashAt, lastAuditEvent } from '../db/repositories/audit.ts';
import type { Database } from '../db/schema.ts';
import { StartRefusedError } from '../start-refused.ts';
import { readRestores, standingAnchors, type Anchor } from './restores.ts';
import { parseSignedLine } from './signed-lines.ts';

/** Names the format of the signed text; a change of that text gets a new one. */
const CHECKPOINT_FORMAT = 'steunregister-audit-checkpoint/1';

export const PRIVATE_KEY_FILE = 'checkpoint-signing-key.pem';
export const PUBLIC_KEY_FILE = 'checkpoint-signing-key.pub.pem';
const CHECKPOINTS_FILE = 'checkpoints.jsonl';
/** The longest delay setInterval keeps; a longer one would fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface Checkpoint {
  format: typeof CHECKPOINT_FORMAT;
  /** The last event of the chain when the checkpoint was made, and its hash. */
  seq: number;
  hash: string;
  /** When it was signed, ISO 8601 in UTC. */
  at: string;
  /** Ed25519 signature of checkpointText(), base64. */
  signature: string;
}

export interface CheckpointStore {
  directory: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export interface Checkpointing {
  /** Stops the timer and writes a last checkpoint; call it before the database is closed. Never rejects. */
  stop(): Promise<void>;
}

export interface CheckpointingOptions {
  db: Kysely<Database>;
  directory: string;
  intervalMs: number;
  /** Gets what went wrong with a checkpoint after the first; the register keeps running. */
  onError(error: unknown): void;
  /** Puts the database's commits on disk before each signature (see writeCheckpoint). */
  makeDurable?: (() => Promise<void>) | undefined;
}

/**
 * A line of checkpoints.jsonl that is not a checkpoint, nor the start of one cut short by a crash: it was
 * changed. Passed over, it would lift the refusal of a chain behind the checkpoint it was.
 */
export class MalformedCheckpointError extends StartRefusedError {
  readonly line: number;
  constructor(line: number) {
    super(`line ${line} of ${CHECKPOINTS_FILE} is not a checkpoint: it was changed after it was written; put ${CHECKPOINTS_FILE} back as it was signed, from a copy of the audit directory`);
    this.name = 'MalformedCheckpointError';
    this.line = line;
  }
}

/** The database's audit trail does not reach its last signed checkpoint: appending would fork the chain. */
export class AuditChainBehindError extends StartRefusedError {
  /** Where the trail ends and the furthest checkpoint beyond it, when it ends before that checkpoint (rather than differs from it). */
  readonly endsBefore: { lastSeq: number; checkpoint: Anchor } | undefined;
  constructor(message: string, endsBefore?: { lastSeq: number; checkpoint: Anchor }) {
    super(message);
    this.endsBefore = endsBefore;
  }
}

/** The audit directory's key pair is missing or does not fit: the checkpoints could not be checked or signed. */
export class CheckpointKeyError extends StartRefusedError {}

/** A line of checkpoints.jsonl that reads as a checkpoint but is not signed by the audit directory's key: it was changed after it was signed. */
export class UnverifiedCheckpointError extends StartRefusedError {}

function keyPairMissing(directory: string): CheckpointKeyError {
  return new CheckpointKeyError(
    `${directory} holds signed checkpoints but not the key they are signed with (${PRIVATE_KEY_FILE}): put the kept key pair back; a new one would leave every checkpoint unverifiable.`,
  );
}

/** The exact text that is signed: fixed lines, the first naming the format, so a signature means one thing. */
export function checkpointText({ seq, hash, at }: Pick<Checkpoint, 'seq' | 'hash' | 'at'>): string {
  return `${CHECKPOINT_FORMAT}\nseq ${seq}\nhash ${hash}\nat ${at}\n`;
}

export function signCheckpoint(last: { seq: number; hash: string }, at: Date, privateKey: KeyObject): Checkpoint {
  const unsigned = { seq: last.seq, hash: last.hash, at: at.toISOString() };
  const signature = sign(null, Buffer.from(checkpointText(unsigned), 'utf8'), privateKey).toString('base64');
  return { format: CHECKPOINT_FORMAT, ...unsigned, signature };
}

export function hasValidSignature(checkpoint: Checkpoint, publicKey: KeyObject): boolean {
  return verify(null, Buffer.from(checkpointText(checkpoint), 'utf8'), publicKey, Buffer.from(checkpoint.signature, 'base64'));
}

/**
 * Opens the store in `directory` for writing, creating the directory and a key pair when there are none.
 * A public key without its private key, or checkpoints without either, is refused rather than given a new
 * key pair: the checkpoints signed with the old one would no longer verify, and a chain behind them would
 * no longer be refused.
 */
export async function openCheckpointStore(directory: string): Promise<CheckpointStore> {
  await mkdir(directory, { recursive: true, mode: 0o700 });
  const privatePath = join(directory, PRIVATE_KEY_FILE);
  const publicPath = join(directory, PUBLIC_KEY_FILE);
  let privatePem = await readIfPresent(privatePath);
  const storedPublicPem = await readIfPresent(publicPath);
  if (privatePem === undefined) {
    if (storedPublicPem !== undefined) {
      throw new CheckpointKeyError(`${publicPath} has no private key beside it (${privatePath}); restore it, or move the checkpoints away to start anew`);
    }
    if (((await readIfPresent(join(directory, CHECKPOINTS_FILE))) ?? '').trim() !== '') throw keyPairMissing(directory);
    const pair = generateKeyPairSync('ed25519');
    privatePem = await createFileOnce(privatePath, pair.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, 0o600);
  }
  const privateKey = createPrivateKey(privatePem);
  const publicKey = createPublicKey(privateKey);
  const publicPem = publicKey.export({ type: 'spki', format: 'pem' }) as string;
  if (storedPublicPem === undefined) await createFileOnce(publicPath, publicPem, 0o644);
  else if (!publicKeyFromPem(storedPublicPem).equals(publicKey)) throw new CheckpointKeyError(`${publicPath} is not the public key of ${privatePath}`);
  return { directory, privateKey, publicKey };
}

/**
 * The public key the checkpoints in `directory` are signed with, if the directory holds one: its file, or
 * else the private key beside it (the server writes the public key's file anew from it at start).
 */
export async function readPublicKey(directory: string): Promise<KeyObject | undefined> {
  const pem = await readIfPresent(join(directory, PUBLIC_KEY_FILE));
  if (pem !== undefined) return publicKeyFromPem(pem);
  const privatePem = await readIfPresent(join(directory, PRIVATE_KEY_FILE));
  return privatePem === undefined ? undefined : createPublicKey(createPrivateKey(privatePem));
}

/** A public key from its PEM text, refused unless it is an Ed25519 key. */
export function publicKeyFromPem(pem: string): KeyObject {
  const key = createPublicKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`checkpoints are signed with Ed25519 keys, not ${key.asymmetricKeyType}`);
  return key;
}

/**
 * Signs the chain's last event and appends the checkpoint, durably, when the chain grew since the last
 * checkpoint. Returns the new checkpoint, or undefined when none was needed. `makeDurable` first puts
 * the database's commits on disk (the embedded database does not at every commit): a checkpoint never
 * covers an event that a power cut could still take away.
 */
export async function writeCheckpoint(
  db: Kysely<Database>,
  store: CheckpointStore,
  now: Date,
  makeDurable: () => Promise<void> = async () => {},
): Promise<Checkpoint | undefined> {
  const last = await lastAuditEvent(db);
  if (!last) return undefined;
  const path = join(store.directory, CHECKPOINTS_FILE);
  const tail = await readTail(path);
  const previous = tail.split('\n').reverse().map(parseCheckpoint).find((checkpoint) => checkpoint !== undefined);
  // After a recorded restore the last checkpoint may be further than the chain; the chain's own end is signed anew.
  if (previous && previous.seq === last.seq && previous.hash === last.hash) return undefined;
  await makeDurable();
  const checkpoint = signCheckpoint(last, now, store.privateKey);
  // A line cut short by a crash stays a line of its own instead of spoiling this one.
  const separator = tail === '' || tail.endsWith('\n') ? '' : '\n';
  await appendDurably(path, `${separator}${JSON.stringify(checkpoint)}\n`);
  return checkpoint;
}

/** Every checkpoint in `directory`, in the order written; none when there is no checkpoints file. */
export async function readCheckpoints(directory: string): Promise<Checkpoint[]> {
  return (await checkpointLines(directory)).map(({ checkpoint }) => checkpoint);
}

/** How every checkpoint's line begins, as the store writes it. */
const CHECKPOINT_LINE_START = `{"format":"${CHECKPOINT_FORMAT}","seq":`;

/**
 * The checkpoints in `directory` with their line numbers. A line a crash cut short (the start of a checkpoint's
 * line, which the next checkpoint leaves a line of its own) is passed over: it signed nothing. Any other line
 * that is no checkpoint was changed, and is refused (MalformedCheckpointError).
 */
async function checkpointLines(directory: string): Promise<{ checkpoint: Checkpoint; number: number }[]> {
  const text = (await readIfPresent(join(directory, CHECKPOINTS_FILE))) ?? '';
  return text.split('\n').flatMap((line, index) => {
    if (line.trim() === '') return [];
    const checkpoint = parseCheckpoint(line);
    if (checkpoint) return [{ checkpoint, number: index + 1 }];
    const cutShort = (CHECKPOINT_LINE_START.startsWith(line) || line.startsWith(CHECKPOINT_LINE_START)) && !line.endsWith('}');
    if (cutShort) return [];
    throw new MalformedCheckpointError(index + 1);
  });
}

/**
 * What binds the chain in `directory`, in its order: the checkpoints and the operators' restore records,
 * less the checkpoints a recorded restore superseded. Every line must be a checkpoint (checkpointLines) that
 * verifies with the directory's key, as every restore record must: passed over, a line changed into no
 * checkpoint, a checkpoint whose signature was changed, or every checkpoint once another key pair is put in
 * place, would no longer refuse a chain behind it, and whoever can write the directory without holding the key
 * could lift that refusal.
 */
export async function bindingAnchors(directory: string): Promise<Anchor[]> {
  const publicKey = await readPublicKey(directory);
  const lines = await checkpointLines(directory);
  if (lines.length > 0 && publicKey === undefined) throw keyPairMissing(directory);
  const unverified = publicKey === undefined ? [] : lines.filter(({ checkpoint }) => !hasValidSignature(checkpoint, publicKey));
  if (unverified.length > 0 && unverified.length === lines.length) {
    throw new CheckpointKeyError(
      `None of the checkpoints in ${directory} (${lines.length}) verifies with its public key (${PUBLIC_KEY_FILE}): the key pair there is not the one they were signed with. ` +
        'Put the kept key pair back; with another one the checkpoints no longer bind the audit trail.',
    );
  }
  const first = unverified[0];
  if (first) {
    throw new UnverifiedCheckpointError(
      `Line ${first.number} of ${CHECKPOINTS_FILE} in ${directory}, the checkpoint of event #${first.checkpoint.seq} of ${first.checkpoint.at}, does not carry a valid signature ` +
        `(${unverified.length} of its ${lines.length} checkpoints do not): it was changed after it was signed. The checkpoints are what the audit trail is checked against: ` +
        `put back ${CHECKPOINTS_FILE} as it was signed, from a copy of the audit directory, and find out who changed it.`,
    );
  }
  return standingAnchors(
    lines.map(({ checkpoint }) => checkpoint),
    await readRestores(directory, publicKey),
  );
}

/**
 * Refuses a database whose audit trail does not hold the event of the furthest checkpoint (validly
 * signed) in `directory`, as that event was signed: a database restored from an older backup, or one
 * that was written to after such a restore. Events appended to it would fork the chain, and the audit
 * trail would never verify again. Refuses as well the checkpoints that do not verify (bindingAnchors).
 */
export async function refuseChainBehindCheckpoints(db: Kysely<Database>, directory: string): Promise<void> {
  const furthest = (await bindingAnchors(directory)).at(-1);
  if (!furthest) return;
  const hash = await auditEventHashAt(db, furthest.seq);
  if (hash === furthest.hash) return;
  const signedAt = `the checkpoint of ${furthest.at} in ${directory}`;
  if (hash !== undefined) {
    throw new AuditChainBehindError(
      `The audit trail's event #${furthest.seq} is not the one signed in ${signedAt}: the database was changed, or written to after an older ` +
        'backup was restored. New events would fork the signed chain further. Restore the newest backup of the database; `audit verify` names ' +
        'the first event that differs.',
    );
  }
  const lastSeq = (await lastAuditEvent(db))?.seq ?? 0;
  throw new AuditChainBehindError(
    `The audit trail in the database ends at event #${lastSeq}, but ${signedAt} covers it up to event #${furthest.seq}: ` +
      'the database was restored from an older backup? New events would fork the signed chain. ' +
      'Restore the newest backup of the database (`audit verify` checks it). If this is the backup you mean to restore and ' +
      'the events after it are lost for good, record that with the same database (DATA_DIR, or DATABASE_URL on PostgreSQL) and AUDIT_DIR: `npm run cli -- audit record-restore --operator NAME` signs a ' +
      '"restored to event N" record in the audit directory, which `audit verify` accepts and reports.',
    { lastSeq, checkpoint: furthest },
  );
}

/**
 * Writes a checkpoint now (creating the key pair when needed; a failure here is thrown), then every
 * intervalMs, and a last one on stop. Checkpoints are written one at a time.
 */
export async function startCheckpointing(options: CheckpointingOptions): Promise<Checkpointing> {
  if (!(options.intervalMs > 0 && options.intervalMs <= MAX_TIMER_MS)) {
    throw new RangeError(`the checkpoint interval must be between 0 and ${MAX_TIMER_MS} ms, not ${options.intervalMs}`);
  }
  const store = await openCheckpointStore(options.directory);
  await writeCheckpoint(options.db, store, new Date(), options.makeDurable);
  let writing: Promise<void> = Promise.resolve();
  const checkpoint = () => {
    writing = writing.then(() => writeCheckpoint(options.db, store, new Date(), options.makeDurable)).then(() => undefined, options.onError);
    return writing;
  };
  const timer = setInterval(checkpoint, options.intervalMs);
  timer.unref();
  let stopped: Promise<void> | undefined;
  return {
    stop: () => {
      clearInterval(timer);
      stopped ??= checkpoint();
      return stopped;
    },
  };
}

const checkpointLine: z.ZodType<Checkpoint> = z.object({
  format: z.literal(CHECKPOINT_FORMAT),
  seq: z.int().positive(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.string(),
  signature: z.string(),
});

const parseCheckpoint = (line: string) => parseSignedLine(line, checkpointLine);

async function readIfPresent(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Enough of the end of the file to hold its last lines: the file grows for as long as the register runs. */
async function readTail(path: string, bytes = 4096): Promise<string> {
  const file = await open(path, 'r').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (!file) return '';
  try {
    const { size } = await file.stat();
    const length = Math.min(size, bytes);
    const buffer = Buffer.alloc(length);
    await file.read(buffer, 0, length, size - length);
    return buffer.toString('utf8');
  } finally {
    await file.close();
  }
}

export async function appendDurably(path: string, text: string): Promise<void> {
  const file = await open(path, 'a', 0o644);
  try {
    await file.writeFile(text, 'utf8');
    await file.sync();
  } finally {
    await file.close();
  }
  await syncDirectory(path);
}

/**
 * Creates the file with its full content, durably, unless another process created it first; returns
 * the content the file then has. Written aside and linked into place, so nobody reads it half-written.
 */
export async function createFileOnce(path: string, content: string, mode: number): Promise<string> {
  const aside = `${path}.${process.pid}.tmp`;
  await writeFile(aside, content, { mode, flush: true });
  try {
    await link(aside, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readFile(path, 'utf8');
  } finally {
    await unlink(aside);
  }
  await syncDirectory(path);
  return content;
}

/** Moves a file written aside (durably) into place, replacing the file there, durably. */
export async function moveIntoPlace(aside: string, path: string): Promise<void> {
  await rename(aside, path);
  await syncDirectory(path);
}

async function syncDirectory(path: string): Promise<void> {
  const directory = await open(dirname(path), 'r');
  try {
    await directory.sync();
  } finally {
    await directory.close();
  }
}
