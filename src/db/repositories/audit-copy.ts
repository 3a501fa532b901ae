/**
 * The audit chain read by COPY … TO in binary: each event as the bytes it came in, for the verification
 * to check without decoding its text (src/audit/event-bytes.ts), and decoded as pg and the register's
 * type parsers would only when asked. PostgreSQL streams the whole chain in one snapshot; PGlite copies a
 * part of it at a time.
 */
import { sql, type Kysely } from 'kysely';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { BYTE_COLUMNS, type ByteColumn, type EventBytes } from '../../audit/event-bytes.ts';
import type { Database } from '../schema.ts';
import type { StoredAuditEvent } from './audit.ts';

/** Each column of BYTE_COLUMNS as the COPY selects it; the uuid as the text pg gives for one. */
const SELECTED: Record<ByteColumn, string> = {
  canonical: 'canonical',
  actorId: 'actor_id::text',
  actorName: 'actor_name',
  actorRole: 'actor_role',
  action: 'action',
  objectType: 'object_type',
  objectId: 'object_id',
  result: 'result',
  origin: 'origin',
  requestId: 'request_id',
  prevHash: 'prev_hash',
};
/** BYTE_COLUMNS first, so that a tuple's ranges are an EventBytes's as they are; then these three. */
const PREV_HASH = 2 * BYTE_COLUMNS.indexOf('prevHash');
const SEQ = 2 * BYTE_COLUMNS.length;
const HASH = SEQ + 2;
const OCCURRED_AT = SEQ + 4;
const FIELDS = BYTE_COLUMNS.length + 3;
const COLUMNS = `${BYTE_COLUMNS.map((column) => SELECTED[column]).join(', ')}, seq, hash, occurred_at`;

/** The start of every binary COPY: "PGCOPY\n\377\r\n\0", then its flags and the length of an extension. */
const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const HEADER = SIGNATURE.length + 8;
/** In binary a timestamptz counts microseconds from 2000-01-01 UTC. */
const EPOCH_2000_MS = Date.UTC(2000, 0, 1);
const TRAILER = -1;
/** The first bytes of a chunk joined to the end of a tuple the chunk before began: most tuples are smaller. */
const JOINED = 8192;

/**
 * The chain in order from PostgreSQL, through the pg client of a connection the caller holds for as long
 * as it reads: a batch of events for each chunk that comes (a few dozen), so that they are garbage before
 * they grow old.
 */
export async function* streamedAuditChain(client: pg.ClientBase): AsyncGenerator<EventBytes[]> {
  const chunks = client.query(copyTo(`copy (select ${COLUMNS} from audit_event order by seq) to stdout (format binary)`))[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  try {
    // Without its `return`: a stream's iterator ended early destroys the stream, and the COPY with it would never end.
    yield* eventsOfCopy({ [Symbol.asyncIterator]: () => ({ next: () => chunks.next() }) });
  } finally {
    // A COPY cannot be stopped halfway but by closing its connection: what is left is read and dropped.
    while (!(await chunks.next()).done);
  }
}

/** The chain in order from PGlite, on the one connection `db` is bound to: `eventsPerCopy` events a COPY, after the last one read. */
export async function* copiedAuditChain(db: Kysely<Database>, eventsPerCopy: number): AsyncGenerator<EventBytes[]> {
  if (!Number.isSafeInteger(eventsPerCopy) || eventsPerCopy < 1) throw new RangeError(`not a number of events to copy at a time: ${eventsPerCopy}`);
  let lastSeq = 0;
  for (let copied = eventsPerCopy; copied === eventsPerCopy; ) {
    const { rows } = await sql.raw<{ copied: Buffer }>(
      `copy (select ${COLUMNS} from audit_event where seq > ${lastSeq} order by seq limit ${eventsPerCopy}) to stdout (format binary)`,
    ).execute(db);
    copied = 0;
    for await (const events of eventsOfCopy([rows[0]!.copied])) {
      [copied, lastSeq] = [copied + events.length, events.at(-1)!.seq];
      yield events;
    }
  }
}

/** The events of one binary COPY, as its bytes come in chunks: a batch for each chunk. */
async function* eventsOfCopy(chunks: AsyncIterable<Buffer> | Iterable<Buffer>): AsyncGenerator<CopiedEvent[]> {
  /** The bytes that came and are not yet read: the header, or a tuple's start. */
  let rest: Buffer = Buffer.alloc(0);
  let headerRead = false;
  for await (const chunk of chunks) {
    // Events keep the buffer they are in: a chunk is not reused, and only a tuple split between two is copied.
    let bytes = chunk;
    let at = 0;
    const events: CopiedEvent[] = [];
    if (rest.length > 0) {
      const joined = Buffer.concat([rest, bytes.subarray(0, JOINED)]);
      const ranges = headerRead ? tupleRanges(joined, 0) : undefined;
      if (ranges !== undefined && ranges !== TRAILER) {
        const event = new CopiedEvent(joined, ranges);
        events.push(event);
        at = event.end - rest.length;
      } else {
        // A header, the trailer, or a tuple larger than the bytes joined: the whole chunk is.
        bytes = Buffer.concat([rest, bytes]);
      }
    }
    if (!headerRead) {
      const end = headerEnd(bytes);
      if (end === undefined) {
        rest = bytes;
        continue;
      }
      [at, headerRead] = [end, true];
    }
    let ranges = tupleRanges(bytes, at);
    for (; ranges !== undefined && ranges !== TRAILER; ranges = tupleRanges(bytes, at)) {
      const event = new CopiedEvent(bytes, ranges);
      events.push(event);
      at = event.end;
    }
    if (events.length > 0) yield events;
    if (ranges === TRAILER) return;
    rest = bytes.subarray(at);
  }
  throw new Error('the COPY of the audit chain ended before its end');
}

/** Where the header at the start of a binary COPY ends; undefined while it is not all there. */
function headerEnd(bytes: Buffer): number | undefined {
  if (bytes.length < HEADER) return undefined;
  if (!bytes.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error('the COPY of the audit chain is not in the binary format');
  const end = HEADER + bytes.readUInt32BE(HEADER - 4);
  return bytes.length >= end ? end : undefined;
}

/**
 * Where each field of the tuple at `offset` starts and how many bytes it has (-1 for NULL), in turn;
 * undefined while the tuple has not all come, TRAILER at the end of the COPY.
 */
function tupleRanges(bytes: Buffer, offset: number): number[] | typeof TRAILER | undefined {
  if (bytes.length < offset + 2) return undefined;
  const fields = bytes.readInt16BE(offset);
  if (fields === -1) return TRAILER;
  if (fields !== FIELDS) throw new Error(`a tuple of ${fields} fields in the COPY of the audit chain`);
  const ranges: number[] = [];
  let end = offset + 2;
  for (let field = 0; field < fields; field++) {
    if (bytes.length < end + 4) return undefined;
    const length = bytes.readInt32BE(end);
    ranges.push(end + 4, length);
    end += 4 + Math.max(0, length);
  }
  return bytes.length >= end ? ranges : undefined;
}

class CopiedEvent implements EventBytes {
  readonly bytes: Buffer;
  readonly ranges: readonly number[];
  readonly seq: number;
  readonly prevHash: string;
  readonly hash: string;
  readonly occurredAtMs: number;

  constructor(bytes: Buffer, ranges: readonly number[]) {
    this.bytes = bytes;
    this.ranges = ranges;
    this.seq = this.#int64(SEQ);
    this.prevHash = this.#text(PREV_HASH)!;
    this.hash = this.#text(HASH)!;
    this.occurredAtMs = this.#timestamp(OCCURRED_AT);
  }

  /** Where the tuple ends: after its last field. */
  get end(): number {
    return this.ranges[OCCURRED_AT]! + Math.max(0, this.ranges[OCCURRED_AT + 1]!);
  }

  decoded(): StoredAuditEvent {
    const text = (column: ByteColumn) => this.#text(2 * BYTE_COLUMNS.indexOf(column));
    return {
      seq: this.seq,
      prevHash: this.prevHash,
      hash: this.hash,
      canonical: text('canonical')!,
      // As the register reads a time (type-parsers.ts): the ISO text of its millisecond.
      occurredAt: new Date(this.occurredAtMs).toISOString(),
      actorId: text('actorId'),
      actorName: text('actorName'),
      actorRole: text('actorRole'),
      action: text('action')!,
      objectType: text('objectType'),
      objectId: text('objectId'),
      result: text('result')!,
      origin: text('origin'),
      requestId: text('requestId'),
    };
  }

  /** As pg gives text: decoded as UTF-8, null for NULL. */
  #text(field: number): string | null {
    const [start, length] = [this.ranges[field]!, this.ranges[field + 1]!];
    return length < 0 ? null : this.bytes.toString('utf8', start, start + length);
  }

  /** A bigint column that is never NULL, as an exact number (as the register reads every bigint). */
  #int64(field: number): number {
    const start = this.ranges[field]!;
    const value = this.bytes.readInt32BE(start) * 2 ** 32 + this.bytes.readUInt32BE(start + 4);
    if (!Number.isSafeInteger(value)) throw new Error(`not a whole number JavaScript holds exactly: ${this.bytes.readBigInt64BE(start)}`);
    return value;
  }

  /** A timestamptz column that is never NULL, as its millisecond: the microseconds cut off as Date cuts them off PostgreSQL's text. */
  #timestamp(field: number): number {
    const start = this.ranges[field]!;
    const high = this.bytes.readInt32BE(start);
    const low = this.bytes.readUInt32BE(start + 4);
    // high * 2^32 + low microseconds, and 2^32 = 4,294,967 * 1000 + 296: exact wherever a Date can be.
    return EPOCH_2000_MS + high * 4_294_967 + Math.floor((high * 296 + low) / 1000);
  }
}
