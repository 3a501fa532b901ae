/**
 * Records registered in bulk (an import) are written with every column given, and each one's audit event
 * is made from what was written, not read back: the event's after must be the row as the register reads
 * it, to the column, for deliveries with every optional field filled in and left empty, valuations and
 * payments, over more than one statement of each.
 */
import { expect, it } from 'vitest';
import { systemContext } from '../../src/audit/trail.ts';
import { verifyAuditTrail } from '../../src/audit/verify.ts';
import { AuditEventsInPreparation } from '../../src/audit/preparation.ts';
import { toDelivery } from '../../src/db/repositories/deliveries.ts';
import { listAuditEvents } from '../../src/db/repositories/audit.ts';
import type { NewDelivery } from '../../src/db/repositories/import.ts';
import { inTransaction } from '../../src/db/transaction.ts';
import { unsetDeliveryFields } from '../../src/domain/delivery.ts';
import { registerInBulk } from '../../src/register/bulk-registration.ts';
import { describeEachDatabase } from '../support/databases.ts';

/** More than one statement's worth of deliveries (5,000 rows a statement). */
const DELIVERIES = 5_002;

describeEachDatabase('audit events of records registered in bulk', (database) => {
  it('say what each record is as stored, column by column', async () => {
    const { db } = database();
    const deliveries: NewDelivery[] = Array.from({ length: DELIVERIES }, (_, index) => {
      const filled = index % 2 === 0;
      return {
        ...unsetDeliveryFields(),
        id: crypto.randomUUID(),
        title: `Bulk ${index} — “Oekraïne” ☃ 𝄞`,
        category: 'drones',
        supportType: filled ? 'stock' : 'procurement',
        fundingSource: 'ukraineSupportBudget',
        isDemonstration: false,
        currentValueCents: filled ? 9_007_199_254_740 : 0,
        ...(filled
          ? {
              description: 'Regel één\nregel twee',
              publicTitle: 'Drones',
              quantity: 12,
              unit: 'stuks',
              pledgedAt: '2025-01-02',
              committedAt: '2025-01-03',
              realisedAt: '2025-01-04',
              deliveredAt: '2025-01-05',
              company: 'Bedrijf B.V.',
              contractReference: 'C-1',
              sources: [{ description: 'Kamerbrief', url: 'https://www.tweedekamer.nl/' }],
            }
          : {}),
      } as NewDelivery;
    });
    const stock = deliveries.filter((delivery) => delivery.supportType === 'stock');
    const procured = deliveries.filter((delivery) => delivery.supportType === 'procurement');
    const valuations = stock.map((delivery) => ({
      id: crypto.randomUUID(),
      deliveryId: delivery.id,
      amountCents: 9_007_199_254_740,
      currency: 'EUR',
      originalAmountMinor: null,
      exchangeRate: null,
      basis: 'replacementValue' as const,
      effectiveDate: '2025-01-04',
      note: '',
    }));
    const payments = procured.map((delivery, index) => ({
      id: crypto.randomUUID(),
      deliveryId: delivery.id,
      amountCents: 1,
      paidOn: '2025-02-01',
      reference: index % 2 === 0 ? `B-${index}` : null,
      note: 'Eerste termijn',
      // A register built for a benchmark has a history: money may say when it was recorded.
      ...(index === 0 ? { recordedAt: '2025-02-01T12:00:00.000Z' } : {}),
    }));

    await inTransaction(db, async (trx) => {
      // A clock of its own: the time written must be the events' time, not the server's.
      const events = new AuditEventsInPreparation({ ...systemContext('bulk-test'), now: () => new Date('2025-03-01T09:30:00.123Z') });
      await registerInBulk(trx, { deliveries, valuations, payments }, events);
      await events.appendTo(trx);
    });

    const afterOf = new Map<string, unknown>();
    for (const event of await listAuditEvents(db, { limit: 3 * DELIVERIES })) {
      if (['delivery.create', 'valuation.create', 'payment.create'].includes(event.action)) afterOf.set((event.after as { id: string }).id, event.after);
    }
    const ids = (list: { id: string }[]) => list.map((record) => record.id);
    const storedDeliveries = (await db.selectFrom('delivery').selectAll().where('id', 'in', ids(deliveries)).execute()).map(toDelivery);
    const storedValuations = await db.selectFrom('valuation').selectAll().where('id', 'in', ids(valuations)).execute();
    const storedPayments = await db.selectFrom('payment').selectAll().where('id', 'in', ids(payments)).execute();
    expect([storedDeliveries.length, storedValuations.length, storedPayments.length]).toEqual([deliveries.length, valuations.length, payments.length]);
    for (const stored of [...storedDeliveries, ...storedValuations, ...storedPayments]) expect(afterOf.get(stored.id), stored.id).toEqual(stored);
    expect(storedPayments.find((payment) => payment.id === payments[0]!.id)?.recordedAt).toBe('2025-02-01T12:00:00.000Z');
    expect(storedDeliveries[0]!.createdAt).toBe('2025-03-01T09:30:00.123Z');
    expect((await verifyAuditTrail(db)).ok).toBe(true);
  });
});
