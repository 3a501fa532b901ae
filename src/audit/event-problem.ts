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
  const event = parseEvent(row.canonical);
  if (!event) return problem('its text is not an audit event');
  if (event.seq !== row.seq) return problem(`its text says it is event #${String(event.seq)}`);
  if (event.prevHash !== row.prevHash) return problem('the previous hash in its text differs from the one in its row');
  if (row.prevHash !== (previous?.hash ?? GENESIS_HASH)) {
    return problem(previous ? `it does not link to event #${previous.seq}: its previous hash is not that event's hash` : 'it does not start the chain: its previous hash is not the genesis hash');
  }
  for (const [column, name, fromText] of SEARCH_COLUMNS) {
    const stored = row[column];
    const said = fromText(event);
    if (stored !== said) return problem(`its ${name} column (${JSON.stringify(stored)}) differs from its text (${JSON.stringify(said)})`);
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
