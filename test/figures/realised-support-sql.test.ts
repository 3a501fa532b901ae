import fc from 'fast-check';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { FUNDING_SOURCES, SUPPORT_TYPES } from '../../src/domain/delivery.ts';
import { realisedTotals, type DatedValuation, type RegisterContents } from '../../src/domain/realised-support.ts';
import { realisedTotalsAt, realisedTotalsAtDates } from '../../src/db/repositories/figures.ts';
import type { Database } from '../../src/db/schema.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { dateArbitrary } from '../support/money-histories.ts';
import { rolledBack } from '../support/rolled-back.ts';
import type { Kysely } from 'kysely';

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
    const scratch = database().db;
    await fc.assert(
      // The money is written a row at a time, as people enter it, or each table's rows in one statement,
      // as an import writes them: the triggers then refresh many deliveries at once.
      fc.asyncProperty(registerArbitrary, fc.array(dateArbitrary, { minLength: 1, maxLength: 4 }), fc.boolean(), (deliveries, dates, inOneStatement) =>
        rolledBack(scratch, async (db) => {
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
          }
          const register: RegisterContents = {
            deliveries: deliveries.filter((delivery) => !delivery.deleted),
            valuations: deliveries.flatMap((delivery) => delivery.valuations.map((valuation) => ({ ...valuation, deliveryId: delivery.id }))),
            payments: deliveries.flatMap((delivery) => delivery.payments.map((payment) => ({ ...payment, deliveryId: delivery.id }))),
          };
          const valuationRows = deliveries.flatMap((delivery) => delivery.valuations.map((valuation) => ({ ...valuation, deliveryId: delivery.id, basis: 'replacementValue', currency: 'EUR', originalAmountMinor: null, exchangeRate: null, note: '' })));
          const paymentRows = deliveries.flatMap((delivery) => delivery.payments.map((payment) => ({ ...payment, deliveryId: delivery.id, reference: null, note: '' })));
          const statements = <Row,>(rows: Row[]): Row[][] => (inOneStatement ? [rows].filter((all) => all.length > 0) : rows.map((row) => [row]));
          for (const rows of statements(valuationRows)) await db.insertInto('valuation').values(rows).execute();
          for (const rows of statements(paymentRows)) await db.insertInto('payment').values(rows).execute();
          for (const date of dates) {
            expect(await realisedTotalsAt(db, date)).toEqual(realisedTotals(register, date));
          }
          // All the dates at once, in any order, as the figures and the budget ask.
          expect(await realisedTotalsAtDates(db, dates)).toEqual(dates.map((date) => realisedTotals(register, date)));
          await expectDayTotalsToMatchChanges(db);
        }),
      ),
      { numRuns: 100 },
    );
  });

  it('follows restatements: each revaluation, whatever its effective date, moves exactly the days it changes', async () => {
    const scratch = database().db;
    const revaluations = fc.array(
      fc.record({ amountCents: fc.integer({ min: 0, max: 10_000_000_000_000 }), effectiveDate: dateArbitrary, recordedAt: fc.constantFrom('2025-01-01T10:00:00.000Z', '2025-06-01T10:00:00.000Z') }),
      { minLength: 1, maxLength: 6 },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ realisedAt: dateArbitrary, revaluations }), { minLength: 1, maxLength: 3 }), dateArbitrary, (stock, probe) =>
        rolledBack(scratch, async (db) => {
          const register: { deliveries: RegisterContents['deliveries'][number][]; valuations: DatedValuation[]; payments: [] } = { deliveries: [], valuations: [], payments: [] };
          for (const { realisedAt } of stock) {
            const id = crypto.randomUUID();
            await sql`insert into delivery (id, title, category, support_type, funding_source, realised_at) values (${id}, 'Herwaardering', 'other', 'stock', 'defenceBudget', ${realisedAt})`.execute(db);
            register.deliveries.push({ id, supportType: 'stock', fundingSource: 'defenceBudget', realisedAt });
          }
          // Interleaved, one statement each, as people record them: later ones often take effect earlier.
          for (let round = 0; round < Math.max(...stock.map((item) => item.revaluations.length)); round++) {
            for (const [index, item] of stock.entries()) {
              const revaluation = item.revaluations[round];
              if (!revaluation) continue;
              const valuation = { id: crypto.randomUUID(), deliveryId: register.deliveries[index]!.id, ...revaluation };
              await db.insertInto('valuation').values({ ...valuation, basis: 'replacementValue', currency: 'EUR', originalAmountMinor: null, exchangeRate: null, note: '' }).execute();
              register.valuations.push(valuation);
              for (const date of [probe, revaluation.effectiveDate, item.realisedAt]) {
                expect(await realisedTotalsAt(db, date)).toEqual(realisedTotals(register, date));
              }
            }
          }
          await expectDayTotalsToMatchChanges(db);
        }),
      ),
      { numRuns: 40 },
    );
  });
});

/** The day totals are exactly the changes added up per type and day (a day may stay at zero). */
async function expectDayTotalsToMatchChanges(db: Kysely<Database>): Promise<void> {
  const { rows } = await sql<{ mismatches: string }>`
    select count(*) as mismatches
    from (select support_type, change_date, sum(change_cents) as cents from realised_support_change group by 1, 2 having sum(change_cents) <> 0) changes
    full join (select support_type, change_date, change_cents as cents from realised_support_day where change_cents <> 0) days
      using (support_type, change_date)
    where changes.cents is distinct from days.cents`.execute(db);
  expect(Number(rows[0]!.mismatches)).toBe(0);
}
