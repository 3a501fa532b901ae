import fc from 'fast-check';
import { expect, it } from 'vitest';
import { FUNDING_SOURCES, SUPPORT_TYPES } from '../../src/domain/delivery.ts';
import { realisedTotals, type RegisterContents } from '../../src/domain/realised-support.ts';
import { realisedTotalsAt } from '../../src/db/repositories/figures.ts';
import { describeEachDatabase } from '../support/databases.ts';

// A few dates drawn often, so that valuations and payments share days and ties get tested.
const dateArbitrary = fc.oneof(
  fc.constantFrom('2024-02-04', '2025-02-04', '2025-08-31'),
  fc
    .date({ min: new Date('2022-01-01T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10)),
);

const registerArbitrary = fc
  .uniqueArray(
    fc.record({
      id: fc.uuid({ version: 4 }),
      supportType: fc.constantFrom(...SUPPORT_TYPES),
      fundingSource: fc.constantFrom(...FUNDING_SOURCES),
      realisedAt: fc.option(dateArbitrary, { nil: null }),
      deleted: fc.integer({ min: 0, max: 9 }).map((draw) => draw === 0),
      valuations: fc.array(
        fc.record({
          id: fc.uuid({ version: 4 }),
          amountCents: fc.integer({ min: 0, max: 10_000_000_000 }),
          effectiveDate: dateArbitrary,
          recordedAt: fc.constantFrom('2025-01-01T10:00:00.000Z', '2025-06-01T10:00:00.000Z'),
        }),
        { maxLength: 3 },
      ),
      payments: fc.array(
        fc.record({ id: fc.uuid({ version: 4 }), amountCents: fc.integer({ min: 1, max: 10_000_000_000 }), paidOn: dateArbitrary }),
        { maxLength: 3 },
      ),
    }),
    { maxLength: 12, selector: (delivery) => delivery.id },
  );

describeEachDatabase('realised support in SQL', (database) => {
  it('equals the reference computation for any register and date', async () => {
    const { db } = database();
    await fc.assert(
      fc.asyncProperty(registerArbitrary, fc.array(dateArbitrary, { minLength: 1, maxLength: 4 }), async (deliveries, dates) => {
        await db.deleteFrom('payment').execute();
        await db.deleteFrom('valuation').execute();
        await db.deleteFrom('delivery').execute();
        for (const delivery of deliveries) {
          await db
            .insertInto('delivery')
            .values({
              id: delivery.id,
              title: 'Eigenschapstest',
              description: '',
              publicTitle: null,
              category: 'other',
              quantity: null,
              unit: null,
              supportType: delivery.supportType,
              fundingSource: delivery.fundingSource,
              pledgedAt: null,
              committedAt: null,
              realisedAt: delivery.realisedAt,
              deliveredAt: null,
              company: null,
              contractReference: null,
              sources: '[]',
              isDemonstration: false,
              deletedAt: delivery.deleted ? '2025-01-01T00:00:00.000Z' : null,
            })
            .execute();
          for (const valuation of delivery.valuations) {
            await db.insertInto('valuation').values({ ...valuation, deliveryId: delivery.id, basis: 'replacementValue', currency: 'EUR', originalAmountMinor: null, exchangeRate: null, note: '' }).execute();
          }
          for (const payment of delivery.payments) {
            await db.insertInto('payment').values({ ...payment, deliveryId: delivery.id, reference: null, note: '' }).execute();
          }
        }
        const register: RegisterContents = {
          deliveries: deliveries.filter((delivery) => !delivery.deleted),
          valuations: deliveries.flatMap((delivery) => delivery.valuations.map((valuation) => ({ ...valuation, deliveryId: delivery.id }))),
          payments: deliveries.flatMap((delivery) => delivery.payments.map((payment) => ({ ...payment, deliveryId: delivery.id }))),
        };
        for (const date of dates) {
          expect(await realisedTotalsAt(db, date)).toEqual(realisedTotals(register, date));
        }
      }),
      { numRuns: 100 },
    );
  });
});
