/**
 * The batch append (an import's events) prepares its events while other work goes on and writes them
 * in chunks through one COPY, each made while the one before is written: every stored event
 * must still be its own canonical text, in order, linked to the one before; a failing statement fails
 * the batch.
 */
import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { buildAuditEvent, canonicalText, GENESIS_HASH, sha256Hex, type AuditEntry } from '../../src/audit/event.ts';
import { systemContext, type RequestContext } from '../../src/audit/trail.ts';
import { verifyAuditTrail } from '../../src/audit/verify.ts';
import { AuditEventsInPreparation } from '../../src/audit/preparation.ts';
import { appendAuditEvent } from '../../src/db/repositories/audit.ts';
import type { Database } from '../../src/db/schema.ts';
import { describeEachDatabase } from '../support/databases.ts';

/** More than one statement's worth (5,000 events a statement). */
const EVENTS = 5_003;

const awkwardTitles = ['€ 8,7 mld. voor Oekraïne', 'regel\nnieuwe regel\ttab', '🇺🇦 "aanhalingstekens" en \\ schuine strepen', '\u2028\u2029\u007f'];

/** The entries prepared in two parts, as an import adds each kind of record's events, and appended. */
async function appendInBatch(trx: Kysely<Database>, context: RequestContext, entries: readonly AuditEntry[]): Promise<void> {
  const events = new AuditEventsInPreparation(context);
  events.add(entries.slice(0, 1234));
  events.add(entries.slice(1234));
  await events.appendTo(trx);
}

describeEachDatabase('appending audit events in a batch', (database) => {
  it('stores each event as its canonical text, in order and linked, after an event appended singly', async () => {
    const { db } = database();
    const context = systemContext('importer');
    const occurredAt = new Date(Date.UTC(2025, 8, 1, 12, 0, 0, 7));
    await db.transaction().execute((trx) => appendAuditEvent(trx, context, { action: 'session.login', result: 'success' }, occurredAt));
    const entries = Array.from({ length: EVENTS }, (_, index): AuditEntry => ({
      action: 'delivery.create',
      object: { type: 'delivery', id: `levering-${index}` },
      result: 'success',
      after: { title: awkwardTitles[index % awkwardTitles.length], row: index },
    }));
    await db.transaction().execute((trx) => appendInBatch(trx, { ...context, now: () => occurredAt }, entries));

    const rows = await db.selectFrom('auditEvent').selectAll().orderBy('seq').execute();
    expect(rows.map((row) => row.seq)).toEqual(Array.from({ length: EVENTS + 1 }, (_, index) => index + 1));
    expect(rows[0]!.prevHash).toBe(GENESIS_HASH);
    for (const [index, row] of rows.slice(1).entries()) {
      expect(row.prevHash).toBe(rows[index]!.hash);
      expect(row.canonical).toBe(canonicalText(buildAuditEvent(context, entries[index]!, { seq: row.seq, prevHash: row.prevHash, occurredAt })));
      expect(row.hash).toBe(sha256Hex(row.canonical));
      expect(row.objectId).toBe(`levering-${index}`);
    }
    expect(await verifyAuditTrail(db)).toMatchObject({ ok: true, eventsChecked: EVENTS + 1 });
  });

  it('fails, writing nothing, when a later statement of the batch fails', async () => {
    const { db } = database();
    const before = await db.selectFrom('auditEvent').select('seq').execute();
    const entries = Array.from({ length: EVENTS }, (_, index): AuditEntry => ({ action: 'delivery.create', result: index === EVENTS - 1 ? ('unknown' as 'success') : 'success' }));
    await expect(db.transaction().execute((trx) => appendInBatch(trx, systemContext('importer'), entries))).rejects.toThrow(/audit_event_result_check|check constraint/);
    expect(await db.selectFrom('auditEvent').select('seq').execute()).toEqual(before);
  });

  it('stores columns that hold what COPY escapes as given, and a JSON detail in its canonical text', async () => {
    const { db } = database();
    const context = { ...systemContext('importer\\N\t\r\n'), origin: '\\N', requestId: 'a\\b\tc' };
    const entries = awkwardTitles.map((title, index): AuditEntry => ({ action: 'delivery.create', object: { type: 'delivery', id: `${title}\\${index}` }, result: 'success', detail: { title } }));
    await db.transaction().execute((trx) => appendInBatch(trx, context, entries));
    const rows = await db.selectFrom('auditEvent').selectAll().orderBy('seq', 'desc').limit(entries.length).execute();
    expect(rows.reverse().map((row) => [row.actorName, row.origin, row.requestId, row.objectId])).toEqual(
      entries.map((entry) => ['importer\\N\t\r\n', '\\N', 'a\\b\tc', entry.object!.id]),
    );
    for (const row of rows) expect(JSON.parse(row.canonical).detail.title).toBe(awkwardTitles[rows.indexOf(row)]);
    expect(await verifyAuditTrail(db)).toMatchObject({ ok: true });
  });
});
