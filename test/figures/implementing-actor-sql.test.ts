/**
 * The work for the EU as implementing actor, kept as changes per day (migration 050), equals at any date what
 * the letter counts by its rule, computed here from the entries themselves: each delivery funded by the EPF,
 * not removed, realised by the date (from stock, or with a payment made and not withdrawn by then), at its
 * latest valuation effective on or before the date and not withdrawn by then. Entered in any order (a
 * valuation dated before an earlier entered one restates the days between), withdrawn afterwards, and the
 * delivery changed afterwards (its funding, its realisation date, its removal).
 */
import fc from 'fast-check';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { SUPPORT_TYPES } from '../../src/domain/delivery.ts';
import { implementingActorCentsAt } from '../../src/db/repositories/epf.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { dateArbitrary, daysAfter, withdrawalArbitrary } from '../support/money-histories.ts';
import { rolledBack } from '../support/rolled-back.ts';

/** What happens to the delivery after its money was entered. */
const afterwardsArbitrary = fc.oneof(
  fc.constant({ kind: 'nothing' as const }),
  fc.constant({ kind: 'fundedOtherwise' as const }),
  fc.constant({ kind: 'removed' as const }),
  dateArbitrary.map((realisedAt) => ({ kind: 'realisedOn' as const, realisedAt })),
);

const deliveryArbitrary = fc.record({
  supportType: fc.constantFrom(...SUPPORT_TYPES),
  realisedAt: fc.option(dateArbitrary, { nil: null }),
  valuations: fc.array(fc.record({ amountCents: fc.integer({ min: 0, max: 10_000_000_000 }), effectiveDate: dateArbitrary, withdrawnAfter: withdrawalArbitrary }), { maxLength: 4 }),
  payments: fc.array(fc.record({ amountCents: fc.integer({ min: 1, max: 10_000_000_000 }), paidOn: dateArbitrary, withdrawnAfter: withdrawalArbitrary }), { maxLength: 3 }),
  afterwards: afterwardsArbitrary,
});

interface Entered {
  id: string;
  supportType: string;
  realisedAt: string | null;
  counted: boolean;
  valuations: { id: string; amountCents: number; effectiveDate: string; recordedAt: string; withdrawnOn: string | null }[];
  payments: { paidOn: string; withdrawnOn: string | null }[];
}

const standsOn = (date: string) => (entry: { withdrawnOn: string | null }) => entry.withdrawnOn === null || entry.withdrawnOn > date;

/** The rule, delivery by delivery. */
function implementingActorReference(deliveries: readonly Entered[], date: string): number {
  let cents = 0;
  for (const delivery of deliveries) {
    if (!delivery.counted || delivery.realisedAt === null || delivery.realisedAt > date) continue;
    if (delivery.supportType !== 'stock' && !delivery.payments.some((payment) => payment.paidOn <= date && standsOn(date)(payment))) continue;
    const latest = delivery.valuations
      .filter((valuation) => valuation.effectiveDate <= date && standsOn(date)(valuation))
      .sort((a, b) => (b.effectiveDate.localeCompare(a.effectiveDate) || b.recordedAt.localeCompare(a.recordedAt) || b.id.localeCompare(a.id)))[0];
    cents += latest?.amountCents ?? 0;
  }
  return cents;
}

describeEachDatabase('the work for the EU as implementing actor, per day', (database) => {
  it('equals the rule at any date, whatever was entered, withdrawn and changed, in any order', async () => {
    const scratch = database().db;
    await fc.assert(
      fc.asyncProperty(fc.array(deliveryArbitrary, { minLength: 1, maxLength: 4 }), fc.array(dateArbitrary, { minLength: 1, maxLength: 3 }), (drawn, probes) =>
        rolledBack(scratch, async (db) => {
          const deliveries: Entered[] = [];
          const withdrawals: { table: 'paymentWithdrawal' | 'valuationWithdrawal'; id: string; withdrawnOn: string }[] = [];
          for (const [index, item] of drawn.entries()) {
            const id = crypto.randomUUID();
            await sql`insert into delivery (id, title, category, support_type, funding_source, realised_at) values (${id}, 'Voor de EU', 'other', ${item.supportType}, 'epf', ${item.realisedAt})`.execute(db);
            const entered: Entered = { id, supportType: item.supportType, realisedAt: item.realisedAt, counted: true, valuations: [], payments: [] };
            for (const [at, { withdrawnAfter, ...valuation }] of item.valuations.entries()) {
              // Recorded on one day now and then, so that the id decides between valuations of one date.
              const stored = { id: crypto.randomUUID(), deliveryId: id, recordedAt: `2025-01-0${1 + ((index + at) % 2)}T10:00:00.000Z`, ...valuation };
              await db.insertInto('valuation').values({ ...stored, basis: 'replacementValue', currency: 'EUR', originalAmountMinor: null, exchangeRate: null, note: '' }).execute();
              const withdrawnOn = withdrawnAfter === null ? null : daysAfter(valuation.effectiveDate, withdrawnAfter);
              if (withdrawnOn) withdrawals.push({ table: 'valuationWithdrawal', id: stored.id, withdrawnOn });
              entered.valuations.push({ ...stored, withdrawnOn });
            }
            for (const { withdrawnAfter, ...payment } of item.payments) {
              const paymentId = crypto.randomUUID();
              await db.insertInto('payment').values({ id: paymentId, deliveryId: id, ...payment, reference: null, note: '' }).execute();
              const withdrawnOn = withdrawnAfter === null ? null : daysAfter(payment.paidOn, withdrawnAfter);
              if (withdrawnOn) withdrawals.push({ table: 'paymentWithdrawal', id: paymentId, withdrawnOn });
              entered.payments.push({ ...payment, withdrawnOn });
            }
            deliveries.push(entered);
          }
          // Withdrawn one statement at a time after everything was entered, then the deliveries changed.
          for (const { table, id, withdrawnOn } of withdrawals) {
            if (table === 'paymentWithdrawal') await db.insertInto('paymentWithdrawal').values({ paymentId: id, withdrawnOn, reason: 'Dubbel geboekt' }).execute();
            else await db.insertInto('valuationWithdrawal').values({ valuationId: id, withdrawnOn, reason: 'Verkeerde waardering' }).execute();
          }
          for (const [index, { afterwards }] of drawn.entries()) {
            const delivery = deliveries[index]!;
            if (afterwards.kind === 'fundedOtherwise') await db.updateTable('delivery').set({ fundingSource: 'defenceBudget' }).where('id', '=', delivery.id).execute();
            if (afterwards.kind === 'removed') await db.updateTable('delivery').set({ deletedAt: new Date().toISOString() }).where('id', '=', delivery.id).execute();
            if (afterwards.kind === 'realisedOn') await db.updateTable('delivery').set({ realisedAt: afterwards.realisedAt }).where('id', '=', delivery.id).execute();
            if (afterwards.kind === 'fundedOtherwise' || afterwards.kind === 'removed') delivery.counted = false;
            if (afterwards.kind === 'realisedOn') delivery.realisedAt = afterwards.realisedAt;
          }
          const stepDays = deliveries.flatMap((delivery) => [
            ...[delivery.realisedAt, ...delivery.valuations.flatMap((valuation) => [valuation.effectiveDate, valuation.withdrawnOn])].flatMap((day) => (day ? [day, daysAfter(day, -1)] : [])),
            ...delivery.payments.flatMap((payment) => [payment.paidOn, payment.withdrawnOn]).flatMap((day) => (day ? [day, daysAfter(day, -1)] : [])),
          ]);
          for (const date of [...probes, ...stepDays]) {
            expect(await implementingActorCentsAt(db, date)).toBe(implementingActorReference(deliveries, date));
          }
        }),
      ),
      { numRuns: 60 },
    );
  });
});
