/**
 * The audit chain read by COPY … TO in binary, in segments of whole tuples (audit-copy-tuples.ts), each
 * in memory of its own so that a check in another thread can take it over without a copy. PostgreSQL
 * streams the whole chain in one snapshot; PGlite copies a part of it at a time.
 */
import { sql, type Kysely } from 'kysely';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { Link } from '../../audit/event-problem.ts';
import type { Database } from '../schema.ts';
import { COLUMNS, CopiedEvent, headerEnd, TRAILER, tupleEnd } from './audit-copy-tuples.ts';

/** Consecutive events of the chain as the tuples of its COPY. */
export interface ChainSegment {
  /** Whole tuples and nothing else, in an ArrayBuffer no other Buffer shares (not Buffer's pool). */
  readonly bytes: Buffer<ArrayBuffer>;
  readonly events: number;
  /** Its last event's sequence number and hash, as its row has them. */
  readonly last: Link;
}

/** The bytes PostgreSQL's stream is gathered into before they are cut into a segment: a few thousand events. */
const STREAMED_SEGMENT_BYTES = 4 << 20;

/** The chain in order from PostgreSQL, through the pg client of a connection the caller holds for as long as it reads. */
export async function* streamedAuditChain(client: pg.ClientBase): AsyncGenerator<ChainSegment> {
  const chunks = client.query(copyTo(`copy (select ${COLUMNS} from audit_event order by seq) to stdout (format binary)`))[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  try {
    // Without its `return`: a stream's iterator ended early destroys the stream, and the COPY with it would never end.
    yield* segmentsOfCopy({ [Symbol.asyncIterator]: () => ({ next: () => chunks.next() }) }, STREAMED_SEGMENT_BYTES);
  } finally {
    // A COPY cannot be stopped halfway but by closing its connection: what is left is read and dropped.
    while (!(await chunks.next()).done);
  }
}

/**
 * The chain in order from PGlite, on the one connection `db` is bound to: `eventsPerCopy` events a COPY, after the
 * last one read, each COPY a segment in the memory of its own the dialect gives it in.
 */
export async function* copiedAuditChain(db: Kysely<Database>, eventsPerCopy: number): AsyncGenerator<ChainSegment> {
  if (!Number.isSafeInteger(eventsPerCopy) || eventsPerCopy < 1) throw new RangeError(`not a number of events to copy at a time: ${eventsPerCopy}`);
  for (let lastSeq = 0, copied = eventsPerCopy; copied === eventsPerCopy; ) {
    const { rows } = await sql.raw<{ copied: Buffer<ArrayBuffer> }>(
      `copy (select ${COLUMNS} from audit_event where seq > ${lastSeq} order by seq limit ${eventsPerCopy}) to stdout (format binary)`,
    ).execute(db);
    const bytes = rows[0]!.copied;
    const start = headerEnd(bytes);
    const tuples = start === undefined ? undefined : wholeTuples(bytes, start);
    if (start === undefined || !tuples?.ended) throw new Error('a COPY of the audit chain ended before its end');
    copied = tuples.events;
    if (!tuples.last) return;
    lastSeq = tuples.last.seq;
    yield { bytes: bytes.subarray(start, tuples.end), events: tuples.events, last: tuples.last };
  }
}

/**
 * The tuples of one binary COPY, as its bytes come in chunks: a segment of the whole tuples that came each time
 * `segmentBytes` more came, and of the rest at the end. The bytes are copied once, into the segment's own memory.
 */
async function* segmentsOfCopy(chunks: AsyncIterable<Buffer>, segmentBytes: number): AsyncGenerator<ChainSegment> {
  /** What came and is in no segment yet: the header, or the tuples after the last segment's. */
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let headerRead = false;
  const take = () => {
    const bytes = ownedConcat(pending, pendingBytes);
    [pending, pendingBytes] = [[], 0];
    return bytes;
  };
  for await (const chunk of chunks) {
    pending.push(chunk);
    pendingBytes += chunk.length;
    if (pendingBytes < segmentBytes) continue;
    const bytes = take();
    const start = headerRead ? 0 : headerEnd(bytes);
    if (start === undefined) {
      [pending, pendingBytes] = [[bytes], bytes.length];
      continue;
    }
    headerRead = true;
    const tuples = wholeTuples(bytes, start);
    if (!tuples.ended) {
      const rest = Buffer.from(bytes.subarray(tuples.end));
      [pending, pendingBytes] = [[rest], rest.length];
    }
    if (tuples.last) yield { bytes: bytes.subarray(start, tuples.end), events: tuples.events, last: tuples.last };
    if (tuples.ended) return;
  }
  const bytes = take();
  const start = headerRead ? 0 : headerEnd(bytes);
  const tuples = start === undefined ? undefined : wholeTuples(bytes, start);
  if (start === undefined || !tuples?.ended) throw new Error('the COPY of the audit chain ended before its end');
  if (tuples.last) yield { bytes: bytes.subarray(start, tuples.end), events: tuples.events, last: tuples.last };
}

interface WholeTuples {
  /** Where the last whole tuple ends. */
  end: number;
  events: number;
  last: Link | undefined;
  /** Whether the COPY's trailer follows them. */
  ended: boolean;
}

/** The whole tuples in `bytes` from `start` on. */
function wholeTuples(bytes: Buffer, start: number): WholeTuples {
  let [end, events] = [start, 0];
  let lastStart: number | undefined;
  let next = tupleEnd(bytes, end);
  for (; next !== undefined && next !== TRAILER; next = tupleEnd(bytes, end), events++) [lastStart, end] = [end, next];
  return { end, events, last: lastStart === undefined ? undefined : lastEvent(bytes, lastStart), ended: next === TRAILER };
}

function lastEvent(bytes: Buffer, start: number): Link {
  const event = new CopiedEvent(bytes);
  event.moveTo(start);
  return event.link();
}

/** The pieces in one buffer in an ArrayBuffer of its own: Buffer.concat takes small ones from Buffer's shared pool. */
function ownedConcat(pieces: readonly Buffer[], length: number): Buffer<ArrayBuffer> {
  const bytes = Buffer.allocUnsafeSlow(length);
  let at = 0;
  for (const piece of pieces) at += piece.copy(bytes, at);
  return bytes;
}
