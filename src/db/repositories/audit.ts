import { z } from 'zod';
import { sql, type Kysely, type Selectable } from 'kysely';
import {
  canonicalText,
  canonicalTextAroundLink,
  GENESIS_HASH,
  linkedCanonicalText,
  sha256Hex,
  type AuditContext,
  type AuditEntry,
  type AuditEvent,
  type UnlinkedAuditEvent,
  unlinkedAuditEvent,
} from '../../audit/event.ts';
import { RecordedAuditEventSchema, type RecordedAuditEvent } from '../../audit/recorded-event.ts';
import { onOneConnection } from '../prepared-statements.ts';
import { insertRecordsetChunks } from '../recordset.ts';
import { copiedAuditChain, streamedAuditChain, type ChainSegment } from './audit-copy.ts';
import type { AuditEventTable, Database } from '../schema.ts';

type Db = Kysely<Database>;

/** Any fixed number: the key of the transaction-scoped advisory lock that serialises appends (also in link_pending_audit_event). */
const AUDIT_APPEND_LOCK = 7_412_001;

export type StoredAuditEvent = Selectable<AuditEventTable>;

/**
 * Appends an event to the chain, inside the caller's transaction: it commits or fails with the change
 * it records. The event is written with its canonical text made here, outside any lock; a trigger links
 * and hashes it at COMMIT under the append lock (migration 027), so writers wait for each other only
 * while committing. A transaction's events are linked in the order written, after any batch it appended.
 */
export async function appendAuditEvent(trx: Db, context: AuditContext, entry: AuditEntry, now: Date): Promise<void> {
  if (!trx.isTransaction) throw new Error('an audit event is written in the transaction of what it records');
  await trx.insertInto('auditEventPending').values(pendingEventRow(prepareAuditEvent(context, entry, now))).execute();
}

/** The pending row of a prepared event, which a trigger links into the chain at COMMIT (migration 027). */
export const pendingEventRow = ({ beforePrevHash, beforeSeq, columns }: PreparedAuditEvent) => ({ beforePrevHash, beforeSeq, ...columns });

/**
 * An event ready for the chain but for its link: its canonical text in the two pieces around its
 * previous hash and sequence number (canonicalTextAroundLink), which is most of the work of appending
 * it and needs no lock, and the columns searched on.
 */
export interface PreparedAuditEvent {
  beforePrevHash: string;
  beforeSeq: string;
  columns: ReturnType<typeof searchColumns>;
}

export function prepareAuditEvent(context: AuditContext, entry: AuditEntry, now: Date): PreparedAuditEvent {
  const event = unlinkedAuditEvent(context, entry, now);
  return { ...canonicalTextAroundLink(event), columns: searchColumns(event) };
}

/** The chain's last link (the genesis before the first event), once this transaction holds the append lock. */
async function lockedChainEnd(trx: Db): Promise<{ seq: number; hash: string }> {
  if (!trx.isTransaction) throw new Error('an audit event is written in the transaction of what it records');
  await sql`select pg_advisory_xact_lock(${AUDIT_APPEND_LOCK})`.execute(trx);
  const last = await trx.selectFrom('auditEvent').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return { seq: last?.seq ?? 0, hash: last?.hash ?? GENESIS_HASH };
}

/** Events linked, hashed and then sent at a time: about a megabyte of canonical text. */
const EVENTS_PER_CHUNK = 1000;

/**
 * Appends many prepared events at once, in the order given, under the same rules as appendAuditEvent:
 * inside the caller's transaction, after the same lock, each linked to the one before by its hash. For
 * work that changes many records in one transaction (an import); the chain is the same as one event at
 * a time. The events of one chunk are linked and hashed while the server writes those of the chunk
 * before.
 */
export async function appendPreparedAuditEvents(trx: Db, events: readonly PreparedAuditEvent[]): Promise<void> {
  const chainEnd = await lockedChainEnd(trx);
  await insertRecordsetChunks(trx, 'auditEvent', linkedRows(events, chainEnd));
}

/** The stored rows of the events, a chunk at a time, each linked to the one before. */
function* linkedRows(events: readonly PreparedAuditEvent[], chainEnd: { seq: number; hash: string }): Generator<StoredAuditEvent[]> {
  let link = chainEnd;
  for (let start = 0; start < events.length; start += EVENTS_PER_CHUNK) {
    yield events.slice(start, start + EVENTS_PER_CHUNK).map((event) => {
      const seq = link.seq + 1;
      const canonical = linkedCanonicalText(event, link.hash, seq);
      const row = { seq, prevHash: link.hash, hash: sha256Hex(canonical), canonical, ...event.columns };
      link = { seq, hash: row.hash };
      return row;
    });
  }
}

/** The stored row of an event: the canonical text, its hash, and the columns searched on. */
export function auditEventRow(event: AuditEvent): StoredAuditEvent {
  const canonical = canonicalText(event);
  return { seq: event.seq, prevHash: event.prevHash, hash: sha256Hex(canonical), canonical, ...searchColumns(event) };
}

/** The columns kept beside an event's text for searching. */
function searchColumns(event: UnlinkedAuditEvent) {
  return {
    occurredAt: event.occurredAt,
    actorId: event.actor?.id ?? null,
    actorName: event.actor?.username ?? null,
    actorRole: event.actor?.role ?? null,
    action: event.action,
    objectType: event.object?.type ?? null,
    objectId: event.object?.id ?? null,
    result: event.result,
    origin: event.origin,
    requestId: event.requestId,
  };
}

export interface AuditEventFilter {
  objectType?: string | undefined;
  objectId?: string | undefined;
  actor?: string | undefined;
  action?: string | undefined;
  from?: string | undefined;
  until?: string | undefined;
  /** Only the events of one import: each record it created and the import's own event. */
  importId?: string | undefined;
  /** Only events before this sequence number (the next page when reading newest first). */
  beforeSeq?: number | undefined;
  limit: number;
}

/** An event as its stored text says (checked), with its hash. */
export interface ListedAuditEvent extends RecordedAuditEvent {
  hash: string;
}

/** Whether the actor took one of the actions on the object, successfully: who wrote a letter does not also approve it. */
export async function actorTookAction(db: Db, object: { type: string; id: string }, actorId: string, actions: readonly string[]): Promise<boolean> {
  const row = await db
    .selectFrom('auditEvent')
    .select('seq')
    .where('objectType', '=', object.type)
    .where('objectId', '=', object.id)
    .where('actorId', '=', actorId)
    .where('action', 'in', actions)
    .where('result', '=', 'success')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Events matching the filter, newest first. */
export async function listAuditEvents(db: Db, filter: AuditEventFilter): Promise<ListedAuditEvent[]> {
  let query = db.selectFrom('auditEvent').select(['canonical', 'hash']);
  if (filter.importId) {
    const range = await importEventRange(db, filter.importId);
    if (!range) return [];
    query = query.where('seq', '>=', range.first).where('seq', '<=', range.last);
  }
  if (filter.objectType) query = query.where('objectType', '=', filter.objectType);
  if (filter.objectId) query = query.where('objectId', '=', filter.objectId);
  if (filter.actor) query = query.where('actorName', '=', filter.actor);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.from) query = query.where('occurredAt', '>=', filter.from);
  if (filter.until) query = query.where('occurredAt', '<', filter.until);
  if (filter.beforeSeq !== undefined) query = query.where('seq', '<', filter.beforeSeq);
  const rows = await query.orderBy('seq', 'desc').limit(filter.limit).execute();
  return rows.map((row) => ({ ...RecordedAuditEventSchema.parse(JSON.parse(row.canonical)), hash: row.hash }));
}

/**
 * The sequence numbers of an import's events: its records' events were appended in one take of the
 * append lock (the deliveries and their money as one batch, the records of other domains after them),
 * directly followed by the import's own event, which counts them.
 */
async function importEventRange(db: Db, importId: string): Promise<{ first: number; last: number } | undefined> {
  const commit = await db.selectFrom('auditEvent').select(['seq', 'canonical']).where('objectType', '=', 'import').where('objectId', '=', importId).executeTakeFirst();
  if (!commit) return undefined;
  const { detail } = ImportCommitSchema.parse(JSON.parse(commit.canonical));
  const records = Object.values(detail.created).reduce((sum, count) => sum + count, 0);
  return { first: commit.seq - records, last: commit.seq };
}

const ImportCommitSchema = z.object({
  action: z.literal('import.commit'),
  // Per sheet: an import made before other domains could be imported counts deliveries, valuations and payments only.
  detail: z.object({ created: z.record(z.string(), z.number().int()) }),
});

/**
 * Reads the chain in order, in segments (for verification, in constant memory), its events as the tuples a
 * binary COPY gives (audit-copy.ts), on one connection: that of the transaction `db` is, or one held for
 * as long as `read` runs. On PostgreSQL by one COPY, read into the memory of the segments `read` gives back
 * once done with them where it can; on PGlite `eventsPerBatch` events a COPY.
 */
export async function readAuditChain<T>(
  db: Db,
  eventsPerBatch: number,
  read: (segments: AsyncIterable<ChainSegment>, giveBack: (memory: ArrayBuffer) => void) => Promise<T>,
): Promise<T> {
  return onOneConnection(db, (connection, client) => {
    if (!client) return read(copiedAuditChain(connection.withoutPlugins(), eventsPerBatch), () => {});
    const spareMemory: ArrayBuffer[] = [];
    return read(streamedAuditChain(client, spareMemory), (memory) => spareMemory.push(memory));
  });
}

export async function lastAuditEvent(db: Db): Promise<Pick<StoredAuditEvent, 'seq' | 'hash'> | undefined> {
  return db.selectFrom('auditEvent').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
}

/** The hash of the event with this sequence number; undefined when the chain has no such event. */
export async function auditEventHashAt(db: Db, seq: number): Promise<string | undefined> {
  return (await db.selectFrom('auditEvent').select('hash').where('seq', '=', seq).executeTakeFirst())?.hash;
}
