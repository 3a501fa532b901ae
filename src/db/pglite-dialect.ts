import type { PGlite } from '@electric-sql/pglite';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';

/**
 * Kysely on PGlite. PGlite is one connection, so the driver hands it to one user at a time: a
 * transaction holds it until commit or rollback and other queries wait their turn.
 */
export class PGliteDialect implements Dialect {
  readonly #pglite: PGlite;
  constructor(pglite: PGlite) {
    this.#pglite = pglite;
  }
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.#pglite);
  }
  createIntrospector(db: Kysely<any>) {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}

class PGliteDriver implements Driver {
  readonly #connection: PGliteConnection;
  #queue: Promise<void> = Promise.resolve();
  #release: (() => void) | undefined;

  constructor(pglite: PGlite) {
    this.#connection = new PGliteConnection(pglite);
  }

  async init() {}

  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.#queue;
    let release!: () => void;
    this.#queue = new Promise((resolve) => (release = resolve));
    await previous;
    this.#release = release;
    return this.#connection;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    const isolation = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
    await connection.executeQuery(CompiledQuery.raw(`begin${isolation}`));
  }

  async commitTransaction(connection: DatabaseConnection) {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection) {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async releaseConnection() {
    const release = this.#release;
    this.#release = undefined;
    release?.();
  }

  async destroy() {}
}

class PGliteConnection implements DatabaseConnection {
  readonly #pglite: PGlite;
  /** The size of the last COPY's answer: the next one, most often of as many rows of the same table, is gathered in as much. */
  #lastCopiedBytes = 1 << 20;
  constructor(pglite: PGlite) {
    this.#pglite = pglite;
  }

  /**
   * A COPY … TO STDOUT gives what it wrote as its one row, `{ copied }` (copiedOut); a COPY … FROM
   * '/dev/blob' reads the Blob given as its one parameter.
   */
  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    if (COPY_TO_STDOUT.test(compiledQuery.sql)) {
      if (compiledQuery.parameters.length > 0) throw new Error('a COPY … TO STDOUT takes no parameters');
      const copied = await copiedOut(this.#pglite, compiledQuery.sql, this.#lastCopiedBytes);
      this.#lastCopiedBytes = Math.max(copied.answerBytes, 1 << 10);
      return { rows: [{ copied: copied.data } as R] };
    }
    const [blob] = compiledQuery.parameters;
    const result =
      blob instanceof Blob && compiledQuery.parameters.length === 1
        ? await this.#pglite.query<R>(compiledQuery.sql, [], { blob })
        : await this.#pglite.query<R>(compiledQuery.sql, [...compiledQuery.parameters]);
    if (result.blob) return { rows: [{ blob: result.blob } as R] };
    const affected = result.affectedRows;
    return {
      rows: result.rows,
      ...(affected !== undefined && /^\s*(insert|update|delete|merge)/i.test(compiledQuery.sql)
        ? { numAffectedRows: BigInt(affected) }
        : {}),
    };
  }

  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming queries are not supported on PGlite');
  }
}

const COPY_TO_STDOUT = /^\s*copy\b[\s\S]*\bto\s+stdout\b/i;

/**
 * What a COPY … TO STDOUT writes, in one buffer in an ArrayBuffer of its own (which another thread can take
 * over): the data of its CopyData messages, gathered in a buffer of `expectedBytes` that grows as it must; with how
 * many bytes the whole answer took. Sent as a query of the wire protocol, whose answer is taken as
 * PGlite writes it, where a COPY … TO '/dev/blob' gave a Blob of a part per row written, each read on its own
 * (and PGlite's own reading of an answer parses every message).
 */
async function copiedOut(pglite: PGlite, text: string, expectedBytes: number): Promise<{ data: Buffer<ArrayBuffer>; answerBytes: number }> {
  const query = Buffer.from(`Q\0\0\0\0${text}\0`);
  query.writeInt32BE(query.length - 1, 1);
  const answer = new GrowingBuffer(expectedBytes);
  // PGlite's own locks do not hold back a raw protocol query, nor does it wait for them: runExclusive takes them.
  // Each piece is a view of the database's memory, which the next one may overwrite.
  await pglite.runExclusive(() => pglite.execProtocolRawStream(query, { syncToFs: false, onRawData: (piece) => answer.append(piece) }));
  // The data of each CopyData message moved to the front, over the framing of the messages before it.
  const bytes = answer.bytes();
  let dataEnd = 0;
  for (let at = 0; at < bytes.length; ) {
    const end = at + 1 + bytes.readInt32BE(at + 1);
    if (bytes[at] === COPY_DATA) {
      bytes.copyWithin(dataEnd, at + 5, end);
      dataEnd += end - at - 5;
    } else if (bytes[at] === ERROR) throw errorOf(bytes.subarray(at + 5, end));
    at = end;
  }
  return { data: bytes.subarray(0, dataEnd), answerBytes: bytes.length };
}

/** Bytes appended in pieces to one buffer of its own, which doubles when it is full: each byte is copied once or twice, not once per piece. */
class GrowingBuffer {
  #buffer: Buffer<ArrayBuffer>;
  #length = 0;

  constructor(bytes: number) {
    this.#buffer = Buffer.allocUnsafeSlow(bytes);
  }

  append(piece: Uint8Array): void {
    if (this.#length + piece.length > this.#buffer.length) {
      const larger = Buffer.allocUnsafeSlow(Math.max(2 * this.#buffer.length, this.#length + piece.length));
      this.#buffer.copy(larger, 0, 0, this.#length);
      this.#buffer = larger;
    }
    this.#buffer.set(piece, this.#length);
    this.#length += piece.length;
  }

  bytes(): Buffer<ArrayBuffer> {
    return this.#buffer.subarray(0, this.#length);
  }
}

/** The wire protocol's messages a COPY's answer is read for: its data, and an error. */
const COPY_DATA = 'd'.charCodeAt(0);
const ERROR = 'E'.charCodeAt(0);

/** An ErrorResponse's fields (a code letter, then its text up to a zero byte) as an error with its message and SQLSTATE. */
function errorOf(body: Buffer): Error & { code?: string } {
  const fields = new Map<string, string>();
  for (let at = 0; at < body.length && body[at] !== 0; ) {
    const end = body.indexOf(0, at + 1);
    fields.set(String.fromCharCode(body[at]!), body.toString('utf8', at + 1, end));
    at = end + 1;
  }
  return Object.assign(new Error(fields.get('M') ?? 'the COPY failed'), { code: fields.get('C') });
}
