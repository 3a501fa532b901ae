/**
 * The audit chain's events in the binary format of COPY … TO: the columns a COPY selects, the header
 * and tuples it writes, and each event as the bytes it came in, for the verification to check without
 * decoding its text (src/audit/event-bytes.ts), and decoded as pg and the register's type parsers would
 * only when asked. Apart from the reading of the COPY, so that a worker thread checking tuples loads
 * none of the database's clients.
 */
import { BYTE_COLUMNS, type ByteColumn, type EventBytes } from '../../audit/event-bytes.ts';
import type { Link } from '../../audit/event-problem.ts';
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
  hash: 'hash',
};
/** BYTE_COLUMNS first, so that a tuple's ranges are an EventBytes's as they are; then these two. */
const SEQ = 2 * BYTE_COLUMNS.length;
const OCCURRED_AT = SEQ + 2;
const FIELDS = BYTE_COLUMNS.length + 2;
export const COLUMNS = `${BYTE_COLUMNS.map((column) => SELECTED[column]).join(', ')}, seq, occurred_at`;

/** The start of every binary COPY: "PGCOPY\n\377\r\n\0", then its flags and the length of an extension. */
const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const HEADER = SIGNATURE.length + 8;
/** In binary a timestamptz counts microseconds from 2000-01-01 UTC. */
const EPOCH_2000_MS = Date.UTC(2000, 0, 1);
export const TRAILER = -1;

/** Where the header at the start of a binary COPY ends; undefined while it is not all there. */
export function headerEnd(bytes: Buffer): number | undefined {
  if (bytes.length < HEADER) return undefined;
  if (!bytes.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error('the COPY of the audit chain is not in the binary format');
  const end = HEADER + bytes.readUInt32BE(HEADER - 4);
  return bytes.length >= end ? end : undefined;
}

/**
 * Where the tuple at `offset` ends: undefined while it has not all come, TRAILER at the end of the COPY. Where
 * each of its fields starts and how many bytes it has (-1 for NULL) go into `ranges` in turn, when given.
 */
export function tupleEnd(bytes: Buffer, offset: number, ranges?: Int32Array): number | typeof TRAILER | undefined {
  if (bytes.length < offset + 2) return undefined;
  const fields = ((bytes[offset]! << 24) | (bytes[offset + 1]! << 16)) >> 16;
  if (fields === -1) return TRAILER;
  if (fields !== FIELDS) throw new Error(`a tuple of ${fields} fields in the COPY of the audit chain`);
  let end = offset + 2;
  for (let field = 0; field < fields; field++) {
    if (bytes.length < end + 4) return undefined;
    // A signed 32-bit length, read without readInt32BE's checks: this runs for every field of every event.
    const length = (bytes[end]! << 24) | (bytes[end + 1]! << 16) | (bytes[end + 2]! << 8) | bytes[end + 3]!;
    if (ranges) [ranges[2 * field], ranges[2 * field + 1]] = [end + 4, length];
    end += 4 + Math.max(0, length);
  }
  return bytes.length >= end ? end : undefined;
}

/**
 * The event of one tuple of a COPY's bytes at a time: moved from tuple to tuple, it neither copies nor decodes
 * them (a verification reads a million), so what is read of one event must be read before it moves on.
 */
export class CopiedEvent implements EventBytes {
  readonly bytes: Buffer;
  readonly ranges = new Int32Array(2 * FIELDS);
  seq = 0;
  occurredAtMs = 0;

  constructor(bytes: Buffer) {
    this.bytes = bytes;
  }

  /** Moves to the tuple at `offset`: where it ends; or what tupleEnd gives instead, and then it is at no event. */
  moveTo(offset: number): number | typeof TRAILER | undefined {
    const end = tupleEnd(this.bytes, offset, this.ranges);
    if (end !== undefined && end !== TRAILER) {
      this.seq = this.#int64(SEQ);
      this.occurredAtMs = this.#timestamp(OCCURRED_AT);
    }
    return end;
  }

  /** Its sequence number and hash, as its row has them. */
  link(): Link {
    return { seq: this.seq, hash: this.#text(2 * BYTE_COLUMNS.indexOf('hash'))! };
  }

  decoded(): StoredAuditEvent {
    const text = (column: ByteColumn) => this.#text(2 * BYTE_COLUMNS.indexOf(column));
    return {
      seq: this.seq,
      prevHash: text('prevHash')!,
      hash: text('hash')!,
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

/** The events of bytes that hold whole tuples and nothing else, in turn: one CopiedEvent moved from each to the next. */
export function* eventsOfTuples(bytes: Buffer): Generator<CopiedEvent> {
  const event = new CopiedEvent(bytes);
  for (let at = 0; at < bytes.length; ) {
    const end = event.moveTo(at);
    if (end === undefined || end === TRAILER) throw new Error('not whole tuples of the COPY of the audit chain');
    yield event;
    at = end;
  }
}
