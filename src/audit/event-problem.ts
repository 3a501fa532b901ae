/** What can be wrong with one stored audit event: checked against its own text and the event before it. */
import type { StoredAuditEvent } from '../db/repositories/audit.ts';
import { GENESIS_HASH, sha256Hex, type AuditEvent } from './event.ts';

export interface AuditProblem {
  /** The first event found wrong; null when the fault is in the checkpoints themselves. */
  seq: number | null;
  /** What is wrong, for people: "its hash does not match its text". */
  reason: string;
}

export type Link = Pick<StoredAuditEvent, 'seq' | 'hash'>;

/** The columns kept beside the text for searching: each must say what the text says. */
const SEARCH_COLUMNS: [column: keyof StoredAuditEvent, name: string, fromText: (event: AuditEvent) => unknown][] = [
  ['occurredAt', 'time', (event) => event.occurredAt],
  ['actorId', 'actor id', (event) => event.actor?.id ?? null],
  ['actorName', 'actor name', (event) => event.actor?.username ?? null],
  ['actorRole', 'actor role', (event) => event.actor?.role ?? null],
  ['action', 'action', (event) => event.action],
  ['objectType', 'object type', (event) => event.object?.type ?? null],
  ['objectId', 'object id', (event) => event.object?.id ?? null],
  ['result', 'result', (event) => event.result],
  ['origin', 'origin', (event) => event.origin],
  ['requestId', 'request id', (event) => event.requestId],
];

/**
 * What is wrong with a stored event, given the event before it (undefined for the first): a gap in the
 * numbering, a text that does not hash to its hash or says something else than its row, or a previous
 * hash that is not the hash of the event before.
 */
export function eventProblem(row: StoredAuditEvent, previous: Link | undefined): AuditProblem | undefined {
  const expected = (previous?.seq ?? 0) + 1;
  if (row.seq !== expected) return { seq: expected, reason: `it is missing (the next event stored is #${row.seq})` };
  const problem = (reason: string) => ({ seq: row.seq, reason });
  if (sha256Hex(row.canonical) !== row.hash) return problem('its hash does not match its text');
  const textProblem = isFramedByItsRow(row) ? undefined : textDisagreement(row);
  if (textProblem) return problem(textProblem);
  if (row.prevHash !== (previous?.hash ?? GENESIS_HASH)) {
    return problem(previous ? `it does not link to event #${previous.seq}: its previous hash is not that event's hash` : 'it does not start the chain: its previous hash is not the genesis hash');
  }
  return undefined;
}

/**
 * Whether the text is the register's canonical text of its row's columns around some before, after and
 * detail: then it says what the row says, without being parsed (most of the time of a verification). RFC
 * 8785 orders the keys: action, actor and after come first, object … seq last, before and detail between.
 * What lies between is bound by the hash alone, as the whole text is.
 */
export function isFramedByItsRow(row: StoredAuditEvent): boolean {
  const { actorId, actorName, actorRole, objectId, objectType } = row;
  // One test for all columns: almost always none holds a character JSON escapes.
  const json = ESCAPED.test(`${row.action}${actorId}${actorName}${actorRole}${objectId}${objectType}${row.occurredAt}${row.origin}${row.prevHash}${row.requestId}${row.result}`)
    ? JSON.stringify
    : quoted;
  const actor = actorId === null && actorName === null && actorRole === null ? 'null' : `{"id":${json(actorId)},"role":${json(actorRole)},"username":${json(actorName)}}`;
  const object = objectType === null && objectId === null ? 'null' : `{"id":${json(objectId)},"type":${json(objectType)}}`;
  const head = `{"action":${json(row.action)},"actor":${actor},"after":`;
  const tail = `,"object":${object},"occurredAt":${json(row.occurredAt)},"origin":${json(row.origin)},"prevHash":${json(row.prevHash)},"requestId":${json(row.requestId)},"result":${json(row.result)},"seq":${row.seq}}`;
  // Slices compared: startsWith and endsWith take several times as long.
  const text = row.canonical;
  return text.slice(0, head.length) === head && text.slice(text.length - tail.length) === tail;
}

/** Characters JSON.stringify writes otherwise than as themselves (a surrogate only when alone, but it decides). */
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;

/** A column's value as JSON.stringify writes it when it holds no character to escape. */
function quoted(value: string | null): string {
  return value === null ? 'null' : `"${value}"`;
}

/** What the text says otherwise than its row, parsed and compared field by field; undefined when it agrees. */
function textDisagreement(row: StoredAuditEvent): string | undefined {
  const event = parseEvent(row.canonical);
  if (!event) return 'its text is not an audit event';
  if (event.seq !== row.seq) return `its text says it is event #${String(event.seq)}`;
  if (event.prevHash !== row.prevHash) return 'the previous hash in its text differs from the one in its row';
  for (const [column, name, fromText] of SEARCH_COLUMNS) {
    const stored = row[column];
    const said = fromText(event);
    if (stored !== said) return `its ${name} column (${JSON.stringify(stored)}) differs from its text (${JSON.stringify(said)})`;
  }
  return undefined;
}

function parseEvent(text: string): AuditEvent | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as AuditEvent) : undefined;
  } catch {
    return undefined;
  }
}
