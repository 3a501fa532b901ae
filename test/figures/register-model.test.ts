import fc from 'fast-check';
import { expect, it } from 'vitest';
import { FUNDING_SOURCES, SUPPORT_TYPES, unsetDeliveryFields, type DeliveryInput, type Payment, type Valuation } from '../../src/domain/delivery.ts';
import { realisedTotals, type RealisableDelivery } from '../../src/domain/realised-support.ts';
import { realisedTotalsAt } from '../../src/db/repositories/figures.ts';
import * as register from '../../src/register/deliveries.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { systemContext } from '../../src/audit/trail.ts';
import { LICENCE_THROUGHOUT, licenseForShipment } from '../support/export-control.ts';
import { fittingBasis } from '../support/deliveries.ts';
import { rolledBack } from '../support/rolled-back.ts';

const context = systemContext('test');

/**
 * Model-based test of the whole write path: random sequences of what users do to the register (register,
 * value, pay, change, remove), applied through the register and to a plain in-memory model. After every
 * sequence the figures the database keeps (through its triggers) must equal the reference computation
 * on the model, at several dates, and so must each delivery's stored value.
 */

const DATES = ['2024-01-31', '2024-06-30', '2025-02-04', '2025-05-15', '2025-08-31'] as const;
const date = fc.constantFrom(...DATES);

const command = fc.oneof(
  fc.record({
    kind: fc.constant('create' as const),
    supportType: fc.constantFrom(...SUPPORT_TYPES),
    fundingSource: fc.constantFrom(...FUNDING_SOURCES),
    realisedAt: fc.option(date, { nil: null }),
  }),
  fc.record({ kind: fc.constant('value' as const), target: fc.nat(), amountCents: fc.integer({ min: 0, max: 5_000_000_000 }), effectiveDate: date }),
  fc.record({ kind: fc.constant('pay' as const), target: fc.nat(), amountCents: fc.integer({ min: 1, max: 5_000_000_000 }), paidOn: date }),
  fc.record({ kind: fc.constant('refund' as const), target: fc.nat(), fundingSource: fc.constantFrom(...FUNDING_SOURCES) }),
  fc.record({ kind: fc.constant('rehand' as const), target: fc.nat(), realisedAt: fc.option(date, { nil: null }) }),
  fc.record({ kind: fc.constant('remove' as const), target: fc.nat() }),
);

interface ModelDelivery extends RealisableDelivery {
  valuations: Valuation[];
  payments: Payment[];
}

/** Registered without a realisation: stock is handed over once licensed, the rest is realised by its first payment. */
function input(supportType: DeliveryInput['supportType'], fundingSource: DeliveryInput['fundingSource']): DeliveryInput {
  return { ...unsetDeliveryFields(), title: 'Modeltest', category: 'other', supportType, fundingSource };
}

describeEachDatabase('the register against a model', (database) => {
  it('keeps figures and values equal to the reference computation after any sequence of changes', async () => {
    const scratch = database().db;
    await fc.assert(
      fc.asyncProperty(fc.array(command, { maxLength: 25 }), (commands) =>
        rolledBack(scratch, async (db) => {
          const model: ModelDelivery[] = [];
          const pick = (target: number) => (model.length === 0 ? undefined : model[target % model.length]);

          for (const step of commands) {
            if (step.kind === 'create') {
              // Stock is registered, licensed for export and then handed over, on any of the dates (the shipment gate is tested elsewhere).
              const created = await register.createDelivery(db, context, input(step.supportType, step.fundingSource));
              if (created.supportType === 'stock') await licenseForShipment(db, created.id, LICENCE_THROUGHOUT);
              const realisedAt = created.supportType === 'stock' ? step.realisedAt : null;
              if (realisedAt) await register.updateDelivery(db, context, created.id, { realisedAt });
              model.push({ id: created.id, supportType: created.supportType, fundingSource: created.fundingSource, realisedAt, valuations: [], payments: [] });
              continue;
            }
            const target = pick(step.target);
            if (!target) continue;
            switch (step.kind) {
              case 'value':
                target.valuations.push(
                  await register.addValuation(db, context, target.id, { amountCents: step.amountCents, basis: fittingBasis(target.supportType), effectiveDate: step.effectiveDate, currency: 'EUR', originalAmountMinor: null, exchangeRate: null, note: '' }),
                );
                break;
              case 'pay':
                if (target.supportType === 'stock') break;
                // Random amounts may lie far above the valuation: what the figures count is modelled, not what is plausible.
                target.payments.push(await register.addPayment(db, context, target.id, { amountCents: step.amountCents, paidOn: step.paidOn, reference: null, note: '' }, undefined, ['paymentFarAboveValuation']));
                target.realisedAt = target.payments.map((payment) => payment.paidOn).sort()[0]!;
                break;
              case 'refund':
                await register.updateDelivery(db, context, target.id, { fundingSource: step.fundingSource });
                target.fundingSource = step.fundingSource;
                break;
              case 'rehand':
                if (target.supportType !== 'stock') break;
                await register.updateDelivery(db, context, target.id, { realisedAt: step.realisedAt });
                target.realisedAt = step.realisedAt;
                break;
              case 'remove':
                await register.deleteDelivery(db, context, target.id);
                model.splice(model.indexOf(target), 1);
                break;
            }
          }

          const contents = {
            deliveries: model,
            valuations: model.flatMap((delivery) => delivery.valuations),
            payments: model.flatMap((delivery) => delivery.payments),
          };
          for (const at of DATES) expect(await realisedTotalsAt(db, at)).toEqual(realisedTotals(contents, at));
          for (const delivery of model) {
            const stored = await register.getDelivery(db, delivery.id);
            const expected =
              delivery.supportType === 'stock'
                ? (delivery.valuations.toSorted((a, b) => a.effectiveDate.localeCompare(b.effectiveDate) || a.recordedAt.localeCompare(b.recordedAt) || a.id.localeCompare(b.id)).at(-1)?.amountCents ?? 0)
                : delivery.payments.reduce((sum, payment) => sum + payment.amountCents, 0);
            expect(stored.currentValueCents).toBe(expected);
            expect(stored.realisedAt).toBe(delivery.realisedAt);
          }
        }),
      ),
      { numRuns: 60 },
    );
  });
});
