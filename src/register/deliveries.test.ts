import { describe, expect, it } from 'vitest';
import { unsetDeliveryFields, type DeliveryInput } from '../domain/delivery.ts';
import { deliveryViolations, valuationViolations, type ValuationInput } from './deliveries.ts';

const TODAY = '2025-09-10';
const euro: ValuationInput = {
  amountCents: 100_00,
  basis: 'contractPrice',
  effectiveDate: '2025-01-01',
  currency: 'EUR',
  originalAmountMinor: null,
  exchangeRate: null,
  note: '',
};

describe('a valuation in another currency', () => {
  it('must convert to its euro amount at its rate, to the cent', () => {
    const dollars = { ...euro, currency: 'USD', originalAmountMinor: 1_000_000_00, exchangeRate: '0.92155' };
    expect(valuationViolations({ ...dollars, amountCents: 921_550_00 }, TODAY)).toEqual([]);
    expect(valuationViolations({ ...dollars, amountCents: 921_549_99 }, TODAY)).toEqual([
      { field: 'amountCents', code: 'doesNotMatchRate', params: { expected: '92155000' } },
    ]);
  });

  it('counts in the minor unit of its own currency', () => {
    expect(valuationViolations({ ...euro, currency: 'JPY', originalAmountMinor: 1_000_000, exchangeRate: '0.0062', amountCents: 6_200_00 }, TODAY)).toEqual([]);
    expect(valuationViolations({ ...euro, currency: 'XYZ', originalAmountMinor: 1, exchangeRate: '1', amountCents: 1 }, TODAY)).toEqual([
      { field: 'currency', code: 'unknownCurrency' },
    ]);
  });

  it('is refused at its original amount when at its rate it is worth more than one entry may be (€ 100 mld.)', () => {
    const yen = { ...euro, currency: 'JPY', exchangeRate: '0.5', amountCents: 1 };
    expect(valuationViolations({ ...yen, originalAmountMinor: 10 ** 15 }, TODAY)).toEqual([{ field: 'originalAmountMinor', code: 'convertedAmountTooLarge' }]);
    expect(valuationViolations({ ...euro, currency: 'USD', originalAmountMinor: Number.MAX_SAFE_INTEGER, exchangeRate: '9999999999.99999999' }, TODAY)).toEqual([
      { field: 'originalAmountMinor', code: 'convertedAmountTooLarge' },
    ]);
    expect(valuationViolations({ ...yen, originalAmountMinor: 2 * 10 ** 11, amountCents: 10 ** 13 }, TODAY)).toEqual([]);
  });

  it('rounds half a cent away from zero', () => {
    expect(valuationViolations({ ...euro, currency: 'USD', originalAmountMinor: 1, exchangeRate: '0.5', amountCents: 1 }, TODAY)).toEqual([]);
  });

  it('needs its original amount and rate, which a euro amount must not have', () => {
    expect(valuationViolations(euro, TODAY)).toEqual([]);
    expect(valuationViolations({ ...euro, currency: 'USD' }, TODAY).map((violation) => violation.field)).toEqual([
      'originalAmountMinor',
      'exchangeRate',
    ]);
    expect(valuationViolations({ ...euro, exchangeRate: '1.1' }, TODAY)).toEqual([{ field: 'currency', code: 'euroHasNoRate' }]);
  });
});

describe('a valuation', () => {
  it('holds from a day that has come, today at the latest', () => {
    expect(valuationViolations({ ...euro, effectiveDate: TODAY }, TODAY)).toEqual([]);
    expect(valuationViolations({ ...euro, effectiveDate: '2025-09-11' }, TODAY)).toEqual([{ field: 'effectiveDate', code: 'dateInFuture' }]);
  });
});

describe('the rules of a delivery', () => {
  const purchase: DeliveryInput = {
    ...unsetDeliveryFields(),
    title: 'Aankoop',
    category: 'ammunition',
    supportType: 'procurement',
    fundingSource: 'ukraineSupportBudget',
    committedAt: '2025-01-01',
  };
  const payment = { id: 'p', deliveryId: 'd', amountCents: 1, paidOn: '2025-02-01', reference: null, recordedAt: '', note: '' };
  const noMoney = { payments: [], withdrawals: [] };

  it('lets payments, not people, say when a purchase was realised', () => {
    expect(deliveryViolations(purchase, noMoney, TODAY)).toEqual([]);
    expect(deliveryViolations({ ...purchase, realisedAt: '2025-02-01' }, noMoney, TODAY)).toEqual([
      { field: 'realisedAt', code: 'realisedByPayment', params: {} },
    ]);
    expect(deliveryViolations({ ...purchase, realisedAt: '2025-02-01' }, { payments: [payment], withdrawals: [] }, TODAY)).toEqual([]);
  });

  it('records a stage once it has happened, and does not judge a date a change keeps again', () => {
    const ahead = { ...purchase, pledgedAt: '2025-01-01', deliveredAt: '2025-09-11' };
    expect(deliveryViolations(ahead, noMoney, TODAY)).toEqual([{ field: 'deliveredAt', code: 'dateInFuture' }]);
    expect(deliveryViolations(ahead, noMoney, '2025-09-11')).toEqual([]);
    expect(deliveryViolations({ ...ahead, title: 'Aankoop munitie' }, noMoney, TODAY, ahead)).toEqual([]);
  });

  it('keeps payments off deliveries from own stock', () => {
    expect(deliveryViolations({ ...purchase, supportType: 'stock' }, { payments: [payment], withdrawals: [] }, TODAY)).toEqual([
      { field: 'supportType', code: 'hasPayments' },
    ]);
  });
});
