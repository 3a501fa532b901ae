/**
 * A stored event as the bytes PostgreSQL's binary COPY gives it, and the quick check that its text says
 * what its row says, made on those bytes: the text is neither decoded nor parsed, and no expected text is
 * built. It answers "framed" only where isFramedByItsRow would (a property test holds the two together);
 * anything else (a column holding a character JSON escapes, or a difference) is left to the check of
 * the decoded row, which names what differs.
 */
import type { StoredAuditEvent } from '../db/repositories/audit.ts';
import { GENESIS_HASH, sha256Hex } from './event.ts';
import { eventProblem, type AuditProblem, type Link } from './event-problem.ts';

/** The text columns whose bytes an EventBytes gives, in the order of its `ranges`. */
export const BYTE_COLUMNS = ['canonical', 'actorId', 'actorName', 'actorRole', 'action', 'objectType', 'objectId', 'result', 'origin', 'requestId', 'prevHash', 'hash'] as const;

export type ByteColumn = (typeof BYTE_COLUMNS)[number];

export interface EventBytes {
  readonly seq: number;
  /** The millisecond of its time. */
  readonly occurredAtMs: number;
  /** The buffer the row's fields are in. */
  readonly bytes: Buffer;
  /** For each of BYTE_COLUMNS in turn, where its bytes start and how many there are (-1 for NULL). */
  readonly ranges: ArrayLike<number>;
  /** The row as StoredAuditEvent gives it, decoded from the bytes. */
  decoded(): StoredAuditEvent;
}

const at = (column: ByteColumn) => 2 * BYTE_COLUMNS.indexOf(column);
const CANONICAL = at('canonical');
const ACTOR_ID = at('actorId');
const ACTOR_NAME = at('actorName');
const ACTOR_ROLE = at('actorRole');
const ACTION = at('action');
const OBJECT_TYPE = at('objectType');
const OBJECT_ID = at('objectId');
const RESULT = at('result');
const ORIGIN = at('origin');
const REQUEST_ID = at('requestId');
const PREV_HASH = at('prevHash');
const HASH = at('hash');

const ascii = (text: string) => Buffer.from(text, 'latin1');
const ACTION_KEY = ascii('{"action":');
const ACTOR_KEY = ascii(',"actor":');
const ACTOR_ROLE_KEY = ascii(',"role":');
const ACTOR_NAME_KEY = ascii(',"username":');
const AFTER_KEY = ascii(',"after":');
const OBJECT_KEY = ascii(',"object":');
const ID_KEY = ascii('{"id":');
const TYPE_KEY = ascii(',"type":');
const CLOSE = ascii('}');
const TIME_KEY = ascii(',"occurredAt":"');
/** The quote that closes the time, and the key after it. */
const ORIGIN_KEY = ascii('","origin":');
const PREV_HASH_KEY = ascii(',"prevHash":');
const REQUEST_ID_KEY = ascii(',"requestId":');
const RESULT_KEY = ascii(',"result":');
const SEQ_KEY = ascii(',"seq":');
const NULL = ascii('null');
/** `2025-09-10T12:34:56.789Z`, as toISOString writes a time of the years 0 to 9999. */
const TIME_LENGTH = 24;
const DAY_MS = 86_400_000;

/** The hash of the event's text, as its row must have it. */
export function textHash({ bytes, ranges }: EventBytes): string {
  return sha256Hex(new Uint8Array(bytes.buffer, bytes.byteOffset + ranges[CANONICAL]!, ranges[CANONICAL + 1]!));
}

/**
 * What is wrong with an event read as bytes, as eventProblem says it: checked on the bytes, its hashes
 * compared as they are, not decoded; and where that finds anything but a right event, on the decoded row.
 */
export function eventBytesProblem(event: EventBytes, previous: Link | undefined, hash = textHash(event)): AuditProblem | undefined {
  const { bytes, ranges } = event;
  const isRight =
    event.seq === (previous?.seq ?? 0) + 1 &&
    holdsText(bytes, ranges, PREV_HASH, previous?.hash ?? GENESIS_HASH) &&
    holdsText(bytes, ranges, HASH, hash) &&
    isFramedByItsBytes(event);
  return isRight ? undefined : eventProblem(event.decoded(), previous);
}

/** Whether a column holds exactly this text of ASCII characters (a hash); a column holding anything beyond ASCII does not. */
function holdsText(bytes: Buffer, ranges: ArrayLike<number>, field: number, text: string): boolean {
  const [start, length] = [ranges[field]!, ranges[field + 1]!];
  if (length !== text.length) return false;
  for (let index = 0; index < length; index++) {
    if (bytes[start + index] !== text.charCodeAt(index)) return false;
  }
  return true;
}

/**
 * Whether the text is the register's canonical text of its row's columns around some before, after and
 * detail, as isFramedByItsRow decides it: RFC 8785 orders the keys, so the head up to `"after":` and the
 * tail from `,"object":` are the columns' own bytes between fixed ones.
 */
export function isFramedByItsBytes(event: EventBytes): boolean {
  const { bytes, ranges, seq, occurredAtMs } = event;
  const start = ranges[CANONICAL]!;
  const end = start + ranges[CANONICAL + 1]!;
  const day = Math.floor(occurredAtMs / DAY_MS);
  const dayText = dayTextOf(day);
  if (dayText === undefined) return false;
  const actorIsNull = ranges[ACTOR_ID + 1]! < 0 && ranges[ACTOR_NAME + 1]! < 0 && ranges[ACTOR_ROLE + 1]! < 0;
  const objectIsNull = ranges[OBJECT_TYPE + 1]! < 0 && ranges[OBJECT_ID + 1]! < 0;

  let next = fixed(bytes, start, ACTION_KEY);
  next = column(bytes, next, ranges, ACTION);
  next = fixed(bytes, next, ACTOR_KEY);
  if (actorIsNull) next = fixed(bytes, next, NULL);
  else {
    next = column(bytes, fixed(bytes, next, ID_KEY), ranges, ACTOR_ID);
    next = column(bytes, fixed(bytes, next, ACTOR_ROLE_KEY), ranges, ACTOR_ROLE);
    next = fixed(bytes, column(bytes, fixed(bytes, next, ACTOR_NAME_KEY), ranges, ACTOR_NAME), CLOSE);
  }
  const headEnd = fixed(bytes, next, AFTER_KEY);

  const seqDigits = digitCount(seq);
  const objectLength = objectIsNull ? NULL.length : ID_KEY.length + quotedLength(ranges, OBJECT_ID) + TYPE_KEY.length + quotedLength(ranges, OBJECT_TYPE) + CLOSE.length;
  const tailLength =
    OBJECT_KEY.length + objectLength + TIME_KEY.length + TIME_LENGTH + ORIGIN_KEY.length + quotedLength(ranges, ORIGIN) + PREV_HASH_KEY.length +
    quotedLength(ranges, PREV_HASH) + REQUEST_ID_KEY.length + quotedLength(ranges, REQUEST_ID) + RESULT_KEY.length + quotedLength(ranges, RESULT) + SEQ_KEY.length +
    seqDigits + CLOSE.length;
  // The head and the tail lie within the text, apart: between them are at least after, before and detail.
  if (headEnd < 0 || headEnd > end - tailLength) return false;
  next = fixed(bytes, end - tailLength, OBJECT_KEY);
  if (objectIsNull) next = fixed(bytes, next, NULL);
  else {
    next = column(bytes, fixed(bytes, next, ID_KEY), ranges, OBJECT_ID);
    next = fixed(bytes, column(bytes, fixed(bytes, next, TYPE_KEY), ranges, OBJECT_TYPE), CLOSE);
  }
  next = time(bytes, fixed(bytes, fixed(bytes, next, TIME_KEY), dayText), occurredAtMs - day * DAY_MS);
  next = column(bytes, fixed(bytes, next, ORIGIN_KEY), ranges, ORIGIN);
  next = column(bytes, fixed(bytes, next, PREV_HASH_KEY), ranges, PREV_HASH);
  next = column(bytes, fixed(bytes, next, REQUEST_ID_KEY), ranges, REQUEST_ID);
  next = column(bytes, fixed(bytes, next, RESULT_KEY), ranges, RESULT);
  next = fixed(bytes, digits(bytes, fixed(bytes, next, SEQ_KEY), seq, seqDigits), CLOSE);
  return next === end;
}

/** How many bytes a column takes in the text: `null`, or its bytes between quotes. */
function quotedLength(ranges: ArrayLike<number>, field: number): number {
  const length = ranges[field + 1]!;
  return length < 0 ? NULL.length : length + 2;
}

let lastDay = Number.NaN;
let lastDayText: Buffer | undefined;

/** `2025-09-10T` of the day so many days after 1970-01-01 (kept for the next event, most often of the same day); undefined outside the years 0 to 9999. */
function dayTextOf(day: number): Buffer | undefined {
  if (day !== lastDay) {
    const text = Math.abs(day) <= 1e8 ? new Date(day * DAY_MS).toISOString() : '';
    [lastDay, lastDayText] = [day, text.length === TIME_LENGTH ? ascii(text.slice(0, 'YYYY-MM-DDT'.length)) : undefined];
  }
  return lastDayText;
}

function digitCount(value: number): number {
  let count = 1;
  for (let power = 10; power <= value; power *= 10) count++;
  return count;
}

// Each of these expects what comes next at `at`: it gives where the text goes on after it, or -1 when it is not there (or `at` is -1).

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const ZERO = 0x30;
const COLON = 0x3a;
const POINT = 0x2e;
const Z = 0x5a;
/** 1 for each byte JSON.stringify writes otherwise than as itself: a control character, a quote, a backslash. */
const ESCAPED = new Uint8Array(256).map((_, byte) => (byte < 0x20 || byte === QUOTE || byte === BACKSLASH ? 1 : 0));

function fixed(bytes: Buffer, at: number, expected: Buffer): number {
  if (at < 0) return at;
  for (let index = 0; index < expected.length; index++) {
    if (bytes[at + index] !== expected[index]) return -1;
  }
  return at + expected.length;
}

/**
 * A column as JSON.stringify writes it when it needs no escape: `null`, or its bytes between quotes. A
 * column holding a quote, a backslash or a control character does not match here, whatever the text.
 */
function column(bytes: Buffer, at: number, ranges: ArrayLike<number>, field: number): number {
  const length = ranges[field + 1]!;
  if (length < 0) return fixed(bytes, at, NULL);
  if (at < 0 || bytes[at] !== QUOTE || bytes[at + length + 1] !== QUOTE) return -1;
  const from = ranges[field]!;
  for (let index = 0; index < length; index++) {
    const byte = bytes[from + index]!;
    if (bytes[at + 1 + index] !== byte || ESCAPED[byte] === 1) return -1;
  }
  return at + length + 2;
}

/** `12:34:56.789Z`: the time of day, `ms` after midnight. */
function time(bytes: Buffer, at: number, ms: number): number {
  if (at < 0) return at;
  const seconds = Math.floor(ms / 1000);
  const isRight =
    twoDigits(bytes, at, Math.floor(seconds / 3600)) &&
    bytes[at + 2] === COLON &&
    twoDigits(bytes, at + 3, Math.floor(seconds / 60) % 60) &&
    bytes[at + 5] === COLON &&
    twoDigits(bytes, at + 6, seconds % 60) &&
    bytes[at + 8] === POINT &&
    bytes[at + 9] === ZERO + Math.floor((ms % 1000) / 100) &&
    twoDigits(bytes, at + 10, ms % 100) &&
    bytes[at + 12] === Z;
  return isRight ? at + 13 : -1;
}

function twoDigits(bytes: Buffer, at: number, value: number): boolean {
  return bytes[at] === ZERO + Math.floor(value / 10) && bytes[at + 1] === ZERO + (value % 10);
}

/** A whole number of at least 0 in its `count` decimal digits. */
function digits(bytes: Buffer, at: number, value: number, count: number): number {
  if (at < 0) return at;
  let rest = value;
  for (let index = count - 1; index >= 0; index--) {
    if (bytes[at + index] !== ZERO + (rest % 10)) return -1;
    rest = Math.floor(rest / 10);
  }
  return at + count;
}
