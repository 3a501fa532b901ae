/**
 * The audit chain read from PostgreSQL by one COPY … TO STDOUT in binary, in one snapshot: a fraction of
 * the work of reading it row by row through pg (no text to parse for numbers and times, no row objects
 * but the register's own).
 */
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { StoredAuditEvent } from './audit.ts';

/** The columns in the order decodedRow reads them; the uuid as the text pg gives for one. */
const COPY_CHAIN = `copy (
  select seq, prev_hash, hash, canonical, occurred_at, actor_id::text, actor_name, actor_role, action, object_type, object_id, result, origin, request_id
  from audit_event order by seq) to stdout (format binary)`;
const FIELDS = 14;
/** The start of every binary COPY: "PGCOPY\n\377\r\n\0", then its flags and the length of an extension. */
const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const HEADER = SIGNATURE.length + 8;
/** In binary a timestamptz counts microseconds from 2000-01-01 UTC. */
const EPOCH_2000_MS = Date.UTC(2000, 0, 1);

/**
 * The chain in order, through the pg client of a connection the caller holds for as long as it reads: a
 * batch of rows for each chunk that comes (a few dozen), so that the rows are garbage before they grow old.
 */
export async function* copiedAuditChain(client: pg.ClientBase): AsyncGenerator<StoredAuditEvent[]> {
  const chunks = client.query(copyTo(COPY_CHAIN))[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  /** What came and is not yet decoded, in bytes[0, filled): whole tuples (and at first the header) up to `framed`. */
  let bytes = Buffer.allocUnsafe(1 << 20);
  let filled = 0;
  let framed: number | undefined;
  try {
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
      if (filled + next.value.length > bytes.length) {
        const larger = Buffer.allocUnsafe(2 * (filled + next.value.length));
        bytes.copy(larger, 0, 0, filled);
        bytes = larger;
      }
      filled += next.value.copy(bytes, filled);
      framed ??= headerEnd(bytes, filled);
      if (framed === undefined) continue;
      const rows: StoredAuditEvent[] = [];
      let end = tupleEnd(bytes, framed, filled);
      for (; end !== undefined && end !== TRAILER; end = tupleEnd(bytes, framed, filled)) {
        rows.push(decodedRow(bytes, framed));
        framed = end;
      }
      if (rows.length > 0) yield rows;
      if (end === TRAILER) return;
      // The start of a tuple is left: it moves to the front, for the rest of it to follow.
      bytes.copyWithin(0, framed, filled);
      [filled, framed] = [filled - framed, 0];
    }
    throw new Error('the COPY of the audit chain ended before its end');
  } finally {
    // A COPY cannot be stopped halfway but by closing its connection: what is left is read and dropped.
    while (!(await chunks.next()).done);
  }
}

/** Where the header at the start of a binary COPY ends; undefined while it is not all there. */
function headerEnd(bytes: Buffer, filled: number): number | undefined {
  if (filled < HEADER) return undefined;
  if (!bytes.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error('the COPY of the audit chain is not in the binary format');
  const end = HEADER + bytes.readUInt32BE(HEADER - 4);
  return filled >= end ? end : undefined;
}

const TRAILER = -1;

/** Where the tuple at `offset` ends; undefined while it has not all come, TRAILER at the end of the COPY. */
function tupleEnd(bytes: Buffer, offset: number, filled: number): number | undefined {
  if (filled < offset + 2) return undefined;
  const fields = bytes.readInt16BE(offset);
  if (fields === -1) return TRAILER;
  if (fields !== FIELDS) throw new Error(`a tuple of ${fields} fields in the COPY of the audit chain`);
  let end = offset + 2;
  for (let field = 0; field < fields; field++) {
    if (filled < end + 4) return undefined;
    end += 4 + Math.max(0, bytes.readInt32BE(end));
  }
  return filled >= end ? end : undefined;
}

/** The row of the tuple that starts at `start`, its fields decoded as pg and the register's type parsers would. */
function decodedRow(bytes: Buffer, start: number): StoredAuditEvent {
  const fields = new Fields(bytes, start);
  return {
    seq: fields.int64(),
    prevHash: fields.text()!,
    hash: fields.text()!,
    canonical: fields.text()!,
    occurredAt: fields.timestamp(),
    actorId: fields.text(),
    actorName: fields.text(),
    actorRole: fields.text(),
    action: fields.text()!,
    objectType: fields.text(),
    objectId: fields.text(),
    result: fields.text()!,
    origin: fields.text(),
    requestId: fields.text(),
  };
}

/** The fields of one tuple, read in order: each an int32 length (-1 for NULL) and its bytes. */
class Fields {
  readonly #bytes: Buffer;
  #offset: number;

  constructor(bytes: Buffer, tupleStart: number) {
    this.#bytes = bytes;
    this.#offset = tupleStart + 2;
  }

  /** Where the next field's bytes are, and how many (-1 for NULL). */
  #next(): [start: number, length: number] {
    const length = this.#bytes.readInt32BE(this.#offset);
    const start = this.#offset + 4;
    this.#offset = start + Math.max(0, length);
    return [start, length];
  }

  /** As pg gives text: decoded as UTF-8, null for NULL. */
  text(): string | null {
    const [start, length] = this.#next();
    return length < 0 ? null : this.#bytes.toString('utf8', start, start + length);
  }

  /** A bigint column that is never NULL, as an exact number (as the register reads every bigint). */
  int64(): number {
    const [start] = this.#next();
    const value = this.#bytes.readInt32BE(start) * 2 ** 32 + this.#bytes.readUInt32BE(start + 4);
    if (!Number.isSafeInteger(value)) throw new Error(`not a whole number JavaScript holds exactly: ${this.#bytes.readBigInt64BE(start)}`);
    return value;
  }

  /**
   * A timestamptz column that is never NULL, as the register reads one (type-parsers.ts): the ISO text of
   * its millisecond, the microseconds cut off as Date cuts them off PostgreSQL's text.
   */
  timestamp(): string {
    const [start] = this.#next();
    const high = this.#bytes.readInt32BE(start);
    const low = this.#bytes.readUInt32BE(start + 4);
    // high * 2^32 + low microseconds, and 2^32 = 4,294,967 * 1000 + 296: exact wherever a Date can be.
    return isoText(EPOCH_2000_MS + high * 4_294_967 + Math.floor((high * 296 + low) / 1000));
  }
}

const DAY_MS = 86_400_000;
const TWO_DIGITS = Array.from({ length: 60 }, (_, number) => String(number).padStart(2, '0'));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, number) => String(number).padStart(3, '0'));
let lastDay = Number.NaN;
let lastDayText = '';

/**
 * new Date(ms).toISOString() at a sixth of its cost, from the text of the day (kept for the next time,
 * most events being of the same day as the one before) and the time of day.
 */
export function isoText(ms: number): string {
  // Beyond the range of a Date, and for NaN, toISOString throws.
  if (!(Math.abs(ms) <= 8.64e15)) return new Date(ms).toISOString();
  const day = Math.floor(ms / DAY_MS);
  if (day !== lastDay) [lastDay, lastDayText] = [day, new Date(day * DAY_MS).toISOString().slice(0, -'00:00:00.000Z'.length)];
  const time = ms - day * DAY_MS;
  const seconds = Math.floor(time / 1000);
  return `${lastDayText}${TWO_DIGITS[Math.floor(seconds / 3600)]}:${TWO_DIGITS[Math.floor(seconds / 60) % 60]}:${TWO_DIGITS[seconds % 60]}.${THREE_DIGITS[time % 1000]}Z`;
}
