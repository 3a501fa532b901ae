import fc from 'fast-check';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { SUPPORT_TYPES } from '../../src/domain/delivery.ts';
import { realisedTotals, type DatedPayment, type DatedValuation, type RealisableDelivery } from '../../src/domain/realised-support.ts';
import { realisedTotalsAt } from '../../src/db/repositories/figures.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { dateArbitrary, daysAfter, withdrawalArbitrary } from '../support/money-histories.ts';
import { rolledBack } from '../support/rolled-back.ts';

const deliveryArbitrary = fc.record({
  supportType: fc.constantFrom(...SUPPORT_TYPES),
  realisedAt: dateArbitrary,
  valuations: fc.array(fc.record({ amountCents: fc.integer({ min: 0, max: 10_000_000_000 }), effectiveDate: dateArbitrary, withdrawnAfter: withdrawalArbitrary }), { maxLength: 4 }),
  payments: fc.array(fc.record({ amountCents: fc.integer({ min: 1, max: 10_000_000_000 }), paidOn: dateArbitrary, withdrawnAfter: withdrawalArbitrary }), { maxLength: 4 }),
});

describeEachDatabase('withdrawn money in the figures', (database) => {
  it('counts a withdrawn entry before its withdrawal date and, from that date on, exactly as if it had never been entered', async () => {
    const scratch = database().db;
    await fc.assert(
      fc.asyncProperty(fc.array(deliveryArbitrary, { minLength: 1, maxLength: 4 }), fc.array(dateArbitrary, { minLength: 1, maxLength: 3 }), (drawn, probes) =>
        rolledBack(scratch, async (db) => {
          const deliveries: RealisableDelivery[] = [];
          const valuations: (DatedValuation & { withdrawnOn: string | null })[] = [];
          const payments: (DatedPayment & { id: string; withdrawnOn: string | null })[] = [];
          for (const item of drawn) {
            const id = crypto.randomUUID();
            const byPayment = item.supportType !== 'stock';
            const realisedAt = byPayment ? ([...item.payments.map((payment) => payment.paidOn)].sort()[0] ?? null) : item.realisedAt;
            await sql`insert into delivery (id, title, category, support_type, funding_source, realised_at) values (${id}, 'Intrekking', 'other', ${item.supportType}, 'defenceBudget', ${realisedAt})`.execute(db);
            deliveries.push({ id, supportType: item.supportType, fundingSource: 'defenceBudget', realisedAt });
            if (byPayment) {
              for (const { withdrawnAfter, ...payment } of item.payments) {
                const stored = { id: crypto.randomUUID(), deliveryId: id, ...payment };
                await db.insertInto('payment').values({ ...stored, reference: null, note: '' }).execute();
                payments.push({ ...stored, withdrawnOn: withdrawnAfter === null ? null : daysAfter(payment.paidOn, withdrawnAfter) });
              }
            } else {
              for (const { withdrawnAfter, ...valuation } of item.valuations) {
                const stored = { id: crypto.randomUUID(), deliveryId: id, recordedAt: '2025-01-01T10:00:00.000Z', ...valuation };
                await db.insertInto('valuation').values({ ...stored, basis: 'replacementValue', currency: 'EUR', originalAmountMinor: null, exchangeRate: null, note: '' }).execute();
                valuations.push({ ...stored, withdrawnOn: withdrawnAfter === null ? null : daysAfter(valuation.effectiveDate, withdrawnAfter) });
              }
            }
          }
          // Withdrawn one statement at a time, as people withdraw them, after everything was entered.
          for (const payment of payments) {
            if (payment.withdrawnOn) await db.insertInto('paymentWithdrawal').values({ paymentId: payment.id, withdrawnOn: payment.withdrawnOn, reason: 'Dubbel geboekt' }).execute();
          }
          for (const valuation of valuations) {
            if (valuation.withdrawnOn) await db.insertInto('valuationWithdrawal').values({ valuationId: valuation.id, withdrawnOn: valuation.withdrawnOn, reason: 'Verkeerde waardering' }).execute();
          }
          const countsOn = (date: string) => (entry: { withdrawnOn: string | null }) => entry.withdrawnOn === null || entry.withdrawnOn > date;
          const withdrawalDays = [...payments, ...valuations].flatMap((entry) => (entry.withdrawnOn ? [entry.withdrawnOn, daysAfter(entry.withdrawnOn, -1)] : []));
          for (const date of [...probes, ...withdrawalDays]) {
            const asKnownOn = { deliveries, valuations: valuations.filter(countsOn(date)), payments: payments.filter(countsOn(date)) };
            expect(await realisedTotalsAt(db, date)).toEqual(realisedTotals(asKnownOn, date));
          }
        }),
      ),
      { numRuns: 60 },
    );
  });
});
