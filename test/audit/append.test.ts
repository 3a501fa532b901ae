/**
 * The single append links and hashes an event inside the database (append_audit_event): what it stores
 * must be exactly the canonical text of the event, hashed as the verifier hashes it.
 */
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { buildAuditEvent, canonicalText, canonicalTextAroundLink, GENESIS_HASH, sha256Hex, unlinkedAuditEvent, type AuditEntry } from '../../src/audit/event.ts';
import { systemContext } from '../../src/audit/trail.ts';
import { verifyAuditTrail } from '../../src/audit/verify.ts';
import { appendAuditEvent, prepareAuditEvent } from '../../src/db/repositories/audit.ts';
import { writeDeliveryCreate } from '../../src/db/repositories/delivery-creates.ts';
import { createDelivery } from '../../src/register/deliveries.ts';
import { findDelivery, insertingDelivery, newStoredDelivery } from '../../src/db/repositories/deliveries.ts';
import { unsetDeliveryFields, type DeliveryInput } from '../../src/domain/delivery.ts';
import { describeEachDatabase } from '../support/databases.ts';

const awkwardTexts = ['€ 8,7 mld. voor Oekraïne', '🇺🇦 "aanhalingstekens" en \\ schuine strepen', 'regel\nnieuwe regel\ttab', '\u2028\u2029\u007f', 'prevHash":"0000'];

describeEachDatabase('appending an audit event', (database) => {
  it('links each event at COMMIT and stores its canonical text under that text\'s SHA-256', async () => {
    const { db } = database();
    const context = { ...systemContext('tester'), origin: '192.0.2.1', requestId: 'aanvraag-1' };
    const appended = awkwardTexts.map((text, index) => ({
      occurredAt: new Date(Date.UTC(2025, 8, 1, 12, 0, index, 7)),
      entry: { action: 'delivery.update', object: { type: 'delivery', id: `levering-${index}` }, result: 'success', before: { title: text }, after: { title: text, amounts: [1, 0.5, -0, 1e21] }, detail: { prevHash: text, seq: index } } satisfies AuditEntry,
    }));
    // Two events in one transaction, then one per transaction: each transaction's in the order written.
    await db.transaction().execute(async (trx) => {
      for (const { entry, occurredAt } of appended.slice(0, 2)) await appendAuditEvent(trx, context, entry, occurredAt);
      expect(await trx.selectFrom('auditEvent').select('seq').execute()).toEqual([]);
    });
    for (const { entry, occurredAt } of appended.slice(2)) await db.transaction().execute((trx) => appendAuditEvent(trx, context, entry, occurredAt));

    const rows = await db.selectFrom('auditEvent').selectAll().orderBy('seq').execute();
    expect(rows.map((row) => row.seq)).toEqual(appended.map((_, index) => index + 1));
    for (const [index, row] of rows.entries()) {
      const { entry, occurredAt } = appended[index]!;
      expect(row.prevHash).toBe(index === 0 ? GENESIS_HASH : rows[index - 1]!.hash);
      expect(row.canonical).toBe(canonicalText(buildAuditEvent(context, entry, { seq: row.seq, prevHash: row.prevHash, occurredAt })));
      expect(row.hash).toBe(sha256Hex(row.canonical));
    }
    expect(await db.selectFrom('auditEventPending').select('id').execute()).toEqual([]);
    expect(await verifyAuditTrail(db)).toMatchObject({ ok: true, eventsChecked: awkwardTexts.length });
  });

  it('fails the COMMIT, and with it the change, when the event cannot be linked', async () => {
    const { db } = database();
    const id = randomUUID();
    const event = unlinkedAuditEvent(systemContext('tester'), { action: 'delivery.create', object: { type: 'delivery', id }, result: 'success' }, new Date());
    const committing = db.transaction().execute(async (trx) => {
      const fields = { ...unsetDeliveryFields(), title: 'Zonder spoor', category: 'drones', supportType: 'stock', fundingSource: 'defenceBudget', isDemonstration: false } as const;
      await insertingDelivery(trx, newStoredDelivery(id, fields, new Date())).execute();
      // A result audit_event refuses: the event is written, but cannot be linked at COMMIT.
      await trx.insertInto('auditEventPending').values({ ...canonicalTextAroundLink(event), occurredAt: event.occurredAt, action: event.action, result: 'unknown' }).execute();
    });
    await expect(committing).rejects.toThrow(/audit_event_result_check|check constraint/);
    expect(await findDelivery(db, id)).toBeUndefined();
    expect(await db.selectFrom('auditEventPending').select('id').execute()).toEqual([]);
  });

  it('writes a change and its event in one statement, the event saying exactly what is stored', async () => {
    const { db } = database();
    const input: DeliveryInput = { ...unsetDeliveryFields(), title: 'Radars "TRML-4D"', description: 'Oekraïne 🇺🇦', category: 'airDefence', quantity: 2, unit: 'stuks', supportType: 'procurement', fundingSource: 'ukraineSupportBudget', committedAt: '2025-06-01', company: 'Hensoldt', sources: [{ description: 'Kamerbrief', url: 'https://example.org/brief' }] };
    const created = await createDelivery(db, systemContext('tester'), input);
    const events = await db.selectFrom('auditEvent').select(['canonical', 'action']).where('objectId', '=', created.id).execute();
    expect(events.map((event) => event.action)).toEqual(['delivery.create']);
    expect(JSON.parse(events[0]!.canonical).after).toEqual(await findDelivery(db, created.id));
    expect(await db.selectFrom('auditEventPending').select('id').execute()).toEqual([]);
    expect(await verifyAuditTrail(db)).toMatchObject({ ok: true });
  });

  it('writes neither the change nor its event when either fails', async () => {
    const { db } = database();
    const context = systemContext('tester');
    const delivery = newStoredDelivery(randomUUID(), { ...unsetDeliveryFields(), title: 'Zonder spoor', category: 'drones', supportType: 'stock', fundingSource: 'defenceBudget', isDemonstration: false }, new Date());
    const eventsBefore = await db.selectFrom('auditEvent').select('seq').execute();
    const entry = { action: 'delivery.create', object: { type: 'delivery', id: delivery.id }, result: 'success', after: delivery } satisfies AuditEntry;
    // An event audit_event refuses at COMMIT: the delivery goes with it.
    const event = (change: AuditEntry) => prepareAuditEvent(context, change, new Date());
    await expect(writeDeliveryCreate(db, { delivery, event: event({ ...entry, result: 'unknown' as never }) })).rejects.toThrow(/audit_event_result_check|check constraint/);
    expect(await findDelivery(db, delivery.id)).toBeUndefined();
    // A change the table refuses: its event goes with it.
    await expect(writeDeliveryCreate(db, { delivery: { ...delivery, category: 'ships' as never }, event: event(entry) })).rejects.toThrow(/check constraint|violates/);
    expect(await db.selectFrom('auditEvent').select('seq').execute()).toEqual(eventsBefore);
    expect(await db.selectFrom('auditEventPending').select('id').execute()).toEqual([]);
  });

  it('refuses to append outside a transaction', async () => {
    const { db } = database();
    await expect(appendAuditEvent(db, systemContext('tester'), { action: 'session.login', result: 'denied' }, new Date())).rejects.toThrow(/transaction/);
  });
});
