/**
 * A long audit chain for the verification benchmark, written set-based: one real event of the register
 * is the template, each copy names another delivery and a later time, and JavaScript only links and
 * hashes the texts (the chain is sequential by nature) before the database takes them in batches of
 * arrays. Not the register's path: the events are inserted into audit_event directly.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { linkedCanonicalText, sha256Hex, type AuditEvent } from '../src/audit/event.ts';
import type { Database } from '../src/db/schema.ts';

/** Events linked and inserted at a time: a few tens of megabytes of text per statement. */
const EVENTS_PER_STATEMENT = 10_000;
/** Stand-ins in the template's text, each replaced by the copy's own value. */
const OBJECT_ID = '00000000-0000-4000-8000-00000000b1d0';
const OCCURRED_AT = '2000-01-01T00:00:00.000Z';

/**
 * Extends a chain that holds exactly one event, `seq` 1 (a delivery create), to `size` events: copies of
 * it for other deliveries, one second apart, each linked to the one before by its hash.
 */
export async function extendAuditChain(db: Kysely<Database>, size: number): Promise<void> {
  const first = await db.selectFrom('auditEvent').selectAll().where('seq', '=', 1).executeTakeFirstOrThrow();
  const template = JSON.parse(first.canonical) as AuditEvent;
  const objectId = template.object!.id;
  // The text before the previous hash and between it and the sequence number, as in the register's append.
  const [head, middle] = first.canonical
    .replaceAll(objectId, OBJECT_ID)
    // The event's own time, not the delivery's creation time in its after, which is the same.
    .replace(`"occurredAt":${JSON.stringify(template.occurredAt)}`, `"occurredAt":${JSON.stringify(OCCURRED_AT)}`)
    .split(/"prevHash":"[0-9a-f]{64}"|"seq":1}$/);
  const beforePrevHash = `${head}"prevHash":"`;
  const beforeSeq = `"${middle}"seq":`;
  const start = Date.parse(template.occurredAt);
  let previousHash = first.hash;
  for (let seq = 2; seq <= size; ) {
    const columns = { seq: [] as number[], prevHash: [] as string[], hash: [] as string[], canonical: [] as string[], occurredAt: [] as string[], objectId: [] as string[] };
    for (const end = Math.min(seq + EVENTS_PER_STATEMENT - 1, size); seq <= end; seq++) {
      const id = randomUUID();
      const occurredAt = new Date(start + seq * 1000).toISOString();
      const canonical = linkedCanonicalText({ beforePrevHash: beforePrevHash.replaceAll(OBJECT_ID, id).replace(OCCURRED_AT, occurredAt), beforeSeq }, previousHash, seq);
      const hash = sha256Hex(canonical);
      columns.seq.push(seq);
      columns.prevHash.push(previousHash);
      columns.hash.push(hash);
      columns.canonical.push(canonical);
      columns.occurredAt.push(occurredAt);
      columns.objectId.push(id);
      previousHash = hash;
    }
    await sql`
      insert into audit_event (seq, prev_hash, hash, canonical, occurred_at, actor_id, actor_name, actor_role, action, object_type, object_id, result, origin, request_id)
      select copy.seq, copy.prev_hash, copy.hash, copy.canonical, copy.occurred_at, first.actor_id, first.actor_name, first.actor_role,
             first.action, first.object_type, copy.object_id, first.result, first.origin, first.request_id
      from unnest(${columns.seq}::bigint[], ${columns.prevHash}::text[], ${columns.hash}::text[], ${columns.canonical}::text[],
                  ${columns.occurredAt}::timestamptz[], ${columns.objectId}::text[]) as copy(seq, prev_hash, hash, canonical, occurred_at, object_id)
      cross join audit_event first where first.seq = 1`.execute(db);
  }
  await sql`vacuum analyze audit_event`.execute(db);
}
