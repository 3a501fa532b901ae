import { hash } from 'node:crypto';
import type { AuditAction, AuditObjectType, AuditResult } from '../../common/vocabulary/codes.ts';
import { canonicalJson } from '../canonical-json.ts';
import type { Warning } from '../domain/warnings.ts';

/** The previous hash of the first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** Who acted: an account, or the system itself (then only a name, such as `system` or `cli:alice`). */
interface AuditActor {
  id: string | null;
  username: string;
  role: string | null;
}

export interface AuditObject {
  type: AuditObjectType;
  id: string;
}

/** What happened, as the code that did it reports it. */
export interface AuditEntry {
  action: AuditAction;
  object?: AuditObject | null;
  result: AuditResult;
  /** The object before and after a change (null when it did not exist before or after). */
  before?: unknown;
  after?: unknown;
  /** Anything else worth keeping: the reason of a denial, the filter of a read. */
  detail?: unknown;
  /** The warnings the change was made only with confirmed, which its event's detail keeps as `confirmedWarnings`: none, nothing. */
  confirmedWarnings?: readonly Warning[];
}

/** Where the action came from: the actor (null when anonymous), the client's address, the request. */
export interface AuditContext {
  actor: AuditActor | null;
  origin: string | null;
  requestId: string | null;
  /**
   * Where the records made in this context come from (the import, sheet, row and reference of a spreadsheet's
   * row), which every event recorded in it says in its detail, beside the detail of its own.
   */
  recordSource?: Readonly<RecordSource>;
}

/** The spreadsheet's row a record was imported from, with the warnings confirmed for it. */
export interface RecordSource {
  importId: string;
  sheet: string;
  row: number;
  externalReference: string | null;
  confirmedWarnings?: readonly Warning[];
}

/** One link of the chain, exactly as hashed. */
export interface AuditEvent {
  seq: number;
  prevHash: string;
  occurredAt: string;
  actor: AuditActor | null;
  action: AuditAction;
  object: AuditObject | null;
  result: AuditResult;
  origin: string | null;
  requestId: string | null;
  before: unknown;
  after: unknown;
  detail: unknown;
}

/** An event not yet linked into the chain: everything but its sequence number and previous hash. */
export type UnlinkedAuditEvent = Omit<AuditEvent, 'seq' | 'prevHash'>;

export function unlinkedAuditEvent(context: AuditContext, entry: AuditEntry, occurredAt: Date): UnlinkedAuditEvent {
  return {
    // Milliseconds: the precision the database keeps and gives back, so the hashed text can be rebuilt.
    occurredAt: occurredAt.toISOString(),
    actor: context.actor,
    action: entry.action,
    object: entry.object ?? null,
    result: entry.result,
    origin: context.origin,
    requestId: context.requestId,
    before: entry.before ?? null,
    after: entry.after ?? null,
    detail: withRecordSource(detailOf(entry), context.recordSource),
  };
}

/** The detail an entry gives, with the warnings confirmed for its change beside it. */
function detailOf({ detail = null, confirmedWarnings = [] }: AuditEntry): unknown {
  return confirmedWarnings.length > 0 ? beside(detail, { confirmedWarnings }) : detail;
}

function withRecordSource(detail: unknown, source: AuditContext['recordSource']): unknown {
  return source ? beside(detail, source) : detail;
}

/** A detail with named values beside it, its own where both name one. */
function beside(detail: unknown, named: object): unknown {
  if (detail === null) return named;
  // A detail that is no object of named values keeps its own name beside the others.
  return typeof detail === 'object' && !Array.isArray(detail) ? { ...named, ...detail } : { ...named, detail };
}

export function buildAuditEvent(
  context: AuditContext,
  entry: AuditEntry,
  link: { seq: number; prevHash: string; occurredAt: Date },
): AuditEvent {
  return { seq: link.seq, prevHash: link.prevHash, ...unlinkedAuditEvent(context, entry, link.occurredAt) };
}

/** The RFC 8785 (JSON Canonicalization Scheme) text of an event: the text that is hashed and stored. */
export function canonicalText(event: AuditEvent): string {
  return jsonText(event);
}

/**
 * The canonical text of an event in the two pieces around its link, for an append that learns the link
 * only under the chain's lock: `beforePrevHash + prevHash + beforeSeq + seq + "}"` is its canonicalText.
 * RFC 8785 orders the keys, and every key sorts before "prevHash" (action … origin) or after it
 * (requestId, result, seq), with seq last; the pieces are cut from that order.
 */
export function canonicalTextAroundLink(event: UnlinkedAuditEvent): { beforePrevHash: string; beforeSeq: string } {
  const { requestId, result, ...head } = event;
  const headText = jsonText(head);
  const tailText = jsonText({ requestId, result });
  return { beforePrevHash: `${headText.slice(0, -1)},"prevHash":"`, beforeSeq: `",${tailText.slice(1, -1)},"seq":` };
}

/** The canonical text of an event from its pieces around the link (canonicalTextAroundLink) and the link. */
export function linkedCanonicalText(pieces: { beforePrevHash: string; beforeSeq: string }, prevHash: string, seq: number): string {
  return `${pieces.beforePrevHash}${prevHash}${pieces.beforeSeq}${seq}}`;
}

function jsonText(value: object): string {
  const text = canonicalJson(value);
  if (text === undefined) throw new Error('an audit event must be JSON');
  return text;
}

/** The SHA-256 digest in hex of a text (as UTF-8) or of bytes. */
export function sha256Hex(data: string | Uint8Array): string {
  return hash('sha256', data, 'hex');
}
