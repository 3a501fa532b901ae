/**
 * The audit chain read by COPY … TO in binary, in segments of whole tuples (audit-copy-tuples.ts), each
 * in memory of its own so that a check in another thread can take it over without a copy. PostgreSQL
 * streams the whole chain in one snapshot; PGlite copies a part of it at a time.
 */
import { sql, type Kysely } from 'kysely';
import type pg from 'pg';
import type { Link } from '../../audit/event-problem.ts';
import { copiedRows, type CopiedRows } from '../copy-out.ts';
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

/** The rows of PostgreSQL's COPY gathered into a segment: a few thousand events. */
const STREAMED_SEGMENT_BYTES = 4 << 20;

/**
 * The chain in order from PostgreSQL, through the pg client of a connection the caller holds for as long as it reads;
 * read into the memory of segments the caller gives back (`spareMemory`) where it can.
 */
export async function* streamedAuditChain(client: pg.ClientBase, spareMemory: ArrayBuffer[]): AsyncGenerator<ChainSegment> {
  let first = true;
  let ended = false;
  for await (const rows of copiedRows(client, `copy (select ${COLUMNS} from audit_event order by seq) to stdout (format binary)`, STREAMED_SEGMENT_BYTES, { spareMemory })) {
    if (ended) throw new Error('the COPY of the audit chain goes on after its end');
    const { segment, endsTheCopy } = segmentOfRows(rows, first);
    [first, ended] = [false, endsTheCopy];
    if (segment) yield segment;
  }
  if (!ended) throw new Error('the COPY of the audit chain ended before its end');
}

/**
 * The events of rows of the COPY: each a tuple, but the first, after which the COPY's header comes, and the last, its
 * trailer. Only rows with either are walked tuple by tuple to find them; of the others the last tuple is read.
 */
function segmentOfRows({ bytes, rows, lastRowStart }: CopiedRows, first: boolean): { segment: ChainSegment | undefined; endsTheCopy: boolean } {
  const start = first ? headerEnd(bytes) : 0;
  if (start === undefined) throw new Error('the COPY of the audit chain began without its header');
  if (first || bytes.readInt16BE(lastRowStart) === TRAILER) {
    const tuples = wholeTuples(bytes, start);
    if (tuples.end !== bytes.length - (tuples.ended ? 2 : 0)) throw new Error('not whole tuples in the COPY of the audit chain');
    const segment = tuples.last && { bytes: bytes.subarray(start, tuples.end), events: tuples.events, last: tuples.last };
    return { segment, endsTheCopy: tuples.ended };
  }
  const last = new CopiedEvent(bytes);
  if (last.moveTo(lastRowStart) !== bytes.length) throw new Error('not whole tuples in the COPY of the audit chain');
  return { segment: { bytes, events: rows, last: last.link() }, endsTheCopy: false };
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
