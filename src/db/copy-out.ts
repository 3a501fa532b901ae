/**
 * The rows of a COPY … TO STDOUT on PostgreSQL, read off a pg client's connection as they come. PostgreSQL sends
 * each row as a CopyData message of its own (protocol, "COPY Operations"), so a verification reading a million
 * events reads a million messages: their contents are copied, the messages' headers left out, straight into
 * chunks that end between rows, where pg-copy-streams' stream gave the rows of each read of the socket as a
 * Buffer of their own (one per message first), to be copied again to be cut between rows. Taken over from pg
 * for the COPY's data and given back after it, as pg-copy-streams does.
 */
import type pg from 'pg';

/** Whole rows of the COPY, in the order they came. */
export interface CopiedRows {
  /** The rows' bytes and nothing else, in an ArrayBuffer no other Buffer shares (not Buffer's pool). */
  readonly bytes: Buffer<ArrayBuffer>;
  readonly rows: number;
  /** Where the last of them starts. */
  readonly lastRowStart: number;
}

const COPY_DATA = 0x64;
const COPY_DONE = 0x63;
const ERROR_RESPONSE = 0x45;
/** A message's type and its length, which counts itself. */
const HEADER = 5;

export interface CopyOutOptions {
  /** Chunks taken and not yet read at which the reading pauses; 2 by default. */
  ahead?: number | undefined;
  /**
   * Memory the caller is done with, of chunks it was given: a chunk is read into one of these where one is large
   * enough, not into memory newly allocated (which, at a gigabyte read, has the collector run time after time).
   */
  spareMemory?: ArrayBuffer[] | undefined;
}

/**
 * The COPY's rows in chunks of at least `chunkBytes` (the last one what is left). Ended early, the iteration reads
 * the rest of the COPY and drops it: a COPY cannot be stopped halfway but by closing its connection.
 */
export async function* copiedRows(client: pg.ClientBase, text: string, chunkBytes: number, options: CopyOutOptions = {}): AsyncGenerator<CopiedRows> {
  const copy = new CopyOut(text, chunkBytes, options.ahead ?? 2, options.spareMemory ?? []);
  client.query(copy);
  try {
    for (let rows = await copy.next(); rows; rows = await copy.next()) yield rows;
  } finally {
    await copy.dropTheRest();
  }
}

class CopyOut implements pg.Submittable {
  readonly #text: string;
  readonly #chunkBytes: number;
  readonly #ahead: number;
  readonly #spareMemory: ArrayBuffer[];
  #stream: pg.Connection['stream'] | undefined;
  #pgData: ((data: Buffer) => void) | undefined;

  /** The message being read: its header as far as it came, its type, and how many of its bytes are still to come. */
  readonly #header = Buffer.alloc(HEADER);
  #headerBytes = 0;
  #type = 0;
  #left = 0;

  #chunk: Buffer<ArrayBuffer>;
  #at = 0;
  #rows = 0;
  #lastRowStart = 0;

  readonly #ready: CopiedRows[] = [];
  #dropping = false;
  #ended = false;
  #error: Error | undefined;
  #wake: (() => void) | undefined;

  constructor(text: string, chunkBytes: number, ahead: number, spareMemory: ArrayBuffer[]) {
    this.#text = text;
    this.#chunkBytes = chunkBytes;
    this.#ahead = ahead;
    this.#spareMemory = spareMemory;
    this.#chunk = this.#newChunk(chunkBytes);
  }

  submit(connection: pg.Connection): void {
    const stream = connection.stream;
    const listeners = stream.listeners('data');
    if (listeners.length !== 1) throw new Error(`a connection with ${listeners.length} readers of its data, where pg has one`);
    this.#stream = stream;
    this.#pgData = listeners[0] as (data: Buffer) => void;
    stream.removeListener('data', this.#pgData);
    stream.on('data', this.#read);
    connection.query(this.#text);
  }

  /** The next chunk of rows; undefined at the end; the COPY's error once the rows before it were taken. */
  async next(): Promise<CopiedRows | undefined> {
    while (this.#ready.length === 0 && !this.#ended) await new Promise<void>((resolve) => (this.#wake = resolve));
    const rows = this.#ready.shift();
    if (!rows && this.#error) throw this.#error;
    if (this.#ready.length < this.#ahead) this.#stream?.resume();
    return rows;
  }

  async dropTheRest(): Promise<void> {
    this.#dropping = true;
    this.#ready.length = 0;
    this.#stream?.resume();
    while (!this.#ended) await new Promise<void>((resolve) => (this.#wake = resolve));
  }

  // What pg calls after the COPY: its end, or an error (of the server, or the connection lost).
  handleCommandComplete(): void {}
  handleReadyForQuery(): void {
    this.#end();
  }
  handleError(error: Error): void {
    this.#error = error;
    this.#giveBack(Buffer.alloc(0));
    this.#end();
  }

  readonly #read = (data: Buffer): void => {
    let at = 0;
    while (at < data.length) {
      if (this.#headerBytes < HEADER) {
        const taken = data.copy(this.#header, this.#headerBytes, at, at + HEADER - this.#headerBytes);
        [this.#headerBytes, at] = [this.#headerBytes + taken, at + taken];
        if (this.#headerBytes < HEADER) return;
        [this.#type, this.#left] = [this.#header[0]!, this.#header.readUInt32BE(1) - 4];
        if (this.#type === ERROR_RESPONSE) {
          this.#pass();
          return this.#giveBack(Buffer.concat([this.#header, data.subarray(at)]));
        }
        if (this.#type === COPY_DATA) this.#startRow();
      }
      const taken = Math.min(this.#left, data.length - at);
      if (this.#type === COPY_DATA && !this.#dropping) this.#at += data.copy(this.#chunk, this.#at, at, at + taken);
      [this.#left, at] = [this.#left - taken, at + taken];
      if (this.#left > 0) return;
      this.#headerBytes = 0;
      if (this.#type === COPY_DATA && this.#at >= this.#chunkBytes) this.#pass();
      if (this.#type === COPY_DONE) {
        this.#pass();
        return this.#giveBack(data.subarray(at));
      }
    }
  };

  /** Room in the chunk for the row to come, the chunk grown for a row longer than what is left of it. */
  #startRow(): void {
    if (this.#dropping) return;
    [this.#lastRowStart, this.#rows] = [this.#at, this.#rows + 1];
    if (this.#at + this.#left <= this.#chunk.length) return;
    const grown = this.#newChunk(Math.max(2 * this.#chunk.length, this.#at + this.#left));
    this.#chunk.copy(grown, 0, 0, this.#at);
    this.#spareMemory.push(this.#chunk.buffer);
    this.#chunk = grown;
  }

  /** The rows of the chunk to be taken, the socket paused while enough wait. */
  #pass(): void {
    if (this.#rows === 0 || this.#dropping) return;
    this.#ready.push({ bytes: this.#chunk.subarray(0, this.#at), rows: this.#rows, lastRowStart: this.#lastRowStart });
    [this.#chunk, this.#at, this.#rows] = [this.#newChunk(this.#chunkBytes), 0, 0];
    if (this.#ready.length >= this.#ahead) this.#stream?.pause();
    this.#wake?.();
  }

  /** A chunk of at least `bytes`: in spare memory where some is large enough. */
  #newChunk(bytes: number): Buffer<ArrayBuffer> {
    const spare = this.#spareMemory.findIndex((memory) => memory.byteLength >= bytes);
    return spare < 0 ? Buffer.allocUnsafeSlow(bytes) : Buffer.from(this.#spareMemory.splice(spare, 1)[0]!);
  }

  /** The connection's data to pg again, from what is not the COPY's. */
  #giveBack(rest: Buffer): void {
    if (!this.#pgData) return;
    this.#stream!.removeListener('data', this.#read);
    this.#stream!.on('data', this.#pgData);
    this.#stream!.resume();
    const pgData = this.#pgData;
    this.#pgData = undefined;
    if (rest.length > 0) pgData(rest);
  }

  #end(): void {
    this.#ended = true;
    this.#wake?.();
  }
}
