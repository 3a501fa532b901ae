/**
 * The container of a backup: a gzipped tar of named entries, written and read as streams, so that a
 * database of any size passes through without being held as one string or buffer more than once, and an
 * operator can list and unpack it with `tar` itself.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { constants, createGunzip, createGzip, gunzipSync } from 'node:zlib';
import tar from 'tar-stream';

/** An entry to write: its bytes, or a stream of exactly `size` bytes. */
export type ArchiveEntry = { name: string; bytes: Uint8Array } | { name: string; size: number; stream: Readable };

/** Writes the entries, in order, to a new file (it must not exist) only its owner may read. */
export async function writeArchive(file: string, entries: readonly ArchiveEntry[]): Promise<void> {
  const pack = tar.pack();
  const writing = pipeline(pack, createGzip(), createWriteStream(file, { mode: 0o600, flags: 'wx', flush: true }));
  try {
    for (const entry of entries) {
      if ('bytes' in entry) {
        await new Promise<void>((resolve, reject) => pack.entry({ name: entry.name, mode: 0o600 }, asBuffer(entry.bytes), (error) => (error ? reject(error) : resolve())));
      } else {
        await pipeline(entry.stream, pack.entry({ name: entry.name, size: entry.size, mode: 0o600 }));
      }
    }
    pack.finalize();
  } catch (error) {
    pack.destroy(error as Error);
  }
  await writing;
}

/** The bytes as a Buffer over the same memory, not a copy: a database entry may be tens of megabytes. */
const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** An entry read: its name and its bytes, in the pieces they came in. */
export interface ReadEntry {
  name: string;
  chunks: Buffer[];
}

/** The most bytes a file may unpack to, and the error that refuses it beyond. */
export interface UnpackLimit {
  bytes: number;
  exceeded(): Error;
}

/**
 * Reads every file entry of the file, in order, handing each to `accept` by its name first: false refuses
 * the file (the reading stops and `refused` is thrown). A name is read as `tar` itself gives it back
 * to whoever unpacked the file and packed it again: "./backup.json" is "backup.json", and a folder's
 * entry, which holds nothing of its own (its files are entries of their own), is passed over; any other
 * kind of entry (a link, a device) refuses the file. Throws what the decompression or the tar
 * reader finds wrong (a file cut short, one of another kind), and `limit.exceeded()` as soon as the
 * decompressed tar grows beyond `limit.bytes`: a small file may unpack to more than memory holds.
 */
export async function readArchive(file: string, accept: (name: string) => boolean, refused: () => Error, limit: UnpackLimit): Promise<ReadEntry[]> {
  const extract = tar.extract();
  let unpacked = 0;
  let overflow: Error | undefined;
  const bounded = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      unpacked += chunk.length;
      if (unpacked > limit.bytes) overflow ??= limit.exceeded();
      done(overflow, overflow ? undefined : chunk);
    },
  });
  const reading = pipeline(createReadStream(file), createGunzip(), bounded, extract);
  // Its failure is thrown below, where the entries stop.
  reading.catch(() => undefined);
  const entries: ReadEntry[] = [];
  try {
    for await (const entry of extract) {
      const name = entry.header.name.replace(/^(\.\/)+/, '');
      if (entry.header.type === 'directory') {
        entry.resume();
        continue;
      }
      if (entry.header.type !== 'file' || !accept(name)) throw refused();
      const chunks: Buffer[] = [];
      for await (const chunk of entry) chunks.push(chunk as Buffer);
      entries.push({ name, chunks });
    }
  } catch (error) {
    extract.destroy();
    await reading.catch(() => undefined);
    throw overflow ?? error;
  }
  await reading.catch((error: unknown) => Promise.reject(overflow ?? error));
  return entries;
}

/** Whether the bytes begin as gzip does, whatever follows. */
export const beginsAsGzip = (start: Uint8Array) => start[0] === 0x1f && start[1] === 0x8b;

/** Whether the file begins as gzip does: what it holds failing to unpack is damage, not another kind of file. */
export async function fileBeginsAsGzip(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const { buffer } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return beginsAsGzip(buffer);
  } finally {
    await handle.close();
  }
}

/** Whether a gzipped file holds a tar (its first header says "ustar"), rather than the JSON of an earlier format of backup. */
export async function holdsTar(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(64 * 1024), 0, 64 * 1024, 0);
    // Decompressed as far as these bytes go, without asking for the rest of the stream.
    const start = gunzipSync(buffer.subarray(0, bytesRead), { finishFlush: constants.Z_SYNC_FLUSH });
    return start.subarray(257, 262).toString('latin1') === 'ustar';
  } finally {
    await handle.close();
  }
}
