import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FUNDING_SOURCES, SUPPORT_TYPES, type FundingSource, type SupportType } from './delivery.ts';
import {
  realisedTotals,
  realisedValue,
  type DatedPayment,
  type DatedValuation,
  type RealisableDelivery,
  type RegisterContents,
} from './realised-support.ts';

const EMPTY = { deliveries: [], valuations: [], payments: [] };

function delivery(
  id: string,
  supportType: SupportType,
  realisedAt: string | null,
  fundingSource: FundingSource = 'ukraineSupportBudget',
): RealisableDelivery {
  return { id, supportType, fundingSource, realisedAt };
}

function valuation(
  id: string,
  deliveryId: string,
  amountCents: number,
  effectiveDate: string,
  recordedAt = '2025-01-01T00:00:00.000Z',
): DatedValuation {
  return { id, deliveryId, amountCents, effectiveDate, recordedAt };
}

function payment(deliveryId: string, amountCents: number, paidOn: string): DatedPayment {
  return { deliveryId, amountCents, paidOn };
}

describe('stock', () => {
  const tank = delivery('d1', 'stock', '2025-02-01');

  it('counts from the hand-over, at the valuation in effect on the date', () => {
    const register = {
      ...EMPTY,
      deliveries: [tank],
      valuations: [valuation('v1', 'd1', 1_000, '2025-01-15'), valuation('v2', 'd1', 1_300, '2025-03-01')],
    };
    expect(realisedValue(tank, register, '2025-01-31')).toBe(0);
    expect(realisedValue(tank, register, '2025-02-01')).toBe(1_000);
    expect(realisedValue(tank, register, '2025-02-28')).toBe(1_000);
    expect(realisedValue(tank, register, '2025-03-01')).toBe(1_300);
  });

  it('does not count before it is realised, nor without a valuation in effect', () => {
    const promised = delivery('d2', 'stock', null);
    const register = {
      ...EMPTY,
      deliveries: [promised, tank],
      valuations: [valuation('v1', 'd2', 500, '2025-01-01'), valuation('v2', 'd1', 1_000, '2025-06-01')],
    };
    expect(realisedTotals(register, '2025-05-31')).toEqual({ stock: 0n, procurement: 0n, natoFund: 0n });
    expect(realisedTotals(register, '2025-06-01')).toEqual({ stock: 1_000n, procurement: 0n, natoFund: 0n });
  });

  it('takes the later recorded of two valuations with the same effective date, whatever their order', () => {
    const first = valuation('v1', 'd1', 1_000, '2025-02-01', '2025-02-01T10:00:00.000Z');
    const correction = valuation('v2', 'd1', 1_100, '2025-02-01', '2025-02-01T11:00:00.000Z');
    const later = valuation('v3', 'd1', 1_200, '2025-02-01', '2025-02-01T12:30:00+01:00');
    for (const valuations of [[first, later, correction], [later, correction, first]]) {
      expect(realisedValue(tank, { ...EMPTY, valuations }, '2025-02-01')).toBe(1_200);
    }
  });

  it('compares recording times as instants, not as text', () => {
    const utc = valuation('v1', 'd1', 1_000, '2025-02-01', '2025-02-01T10:30:00.000Z');
    const amsterdam = valuation('v2', 'd1', 2_000, '2025-02-01', '2025-02-01T11:00:00+01:00');
    expect(realisedValue(tank, { ...EMPTY, valuations: [utc, amsterdam] }, '2025-02-01')).toBe(1_000);
  });

  it('breaks a full tie by the greatest id', () => {
    const a = valuation('00000000-0000-4000-8000-00000000000a', 'd1', 1_000, '2025-02-01');
    const b = valuation('00000000-0000-4000-8000-00000000000b', 'd1', 2_000, '2025-02-01');
    expect(realisedValue(tank, { ...EMPTY, valuations: [a, b] }, '2025-02-01')).toBe(2_000);
    expect(realisedValue(tank, { ...EMPTY, valuations: [b, a] }, '2025-02-01')).toBe(2_000);
  });

  it('ignores payments and refuses a recording time that is not a timestamp', () => {
    expect(realisedValue(tank, { ...EMPTY, payments: [payment('d1', 9_999, '2025-01-01')] }, '2025-12-31')).toBe(0);
    const broken = [valuation('v1', 'd1', 1, '2025-02-01', 'yesterday'), valuation('v2', 'd1', 2, '2025-02-01')];
    expect(() => realisedValue(tank, { ...EMPTY, valuations: broken }, '2025-02-01')).toThrow(RangeError);
  });
});

describe('procurement and NATO fund contributions', () => {
  it('count the instalments paid up to and including the date', () => {
    const purchase = delivery('d1', 'procurement', '2025-01-10');
    const fund = delivery('d2', 'natoFund', '2025-01-20');
    const register: RegisterContents = {
      deliveries: [purchase, fund],
      valuations: [valuation('v1', 'd1', 1_000_000, '2025-01-01')],
      payments: [
        payment('d1', 300, '2025-01-10'),
        payment('d1', 300, '2025-02-10'),
        payment('d2', 50, '2025-01-20'),
        payment('d2', 70, '2025-03-01'),
        payment('unknown', 1_000, '2025-01-01'),
      ],
    };
    expect(realisedTotals(register, '2025-01-09')).toEqual({ stock: 0n, procurement: 0n, natoFund: 0n });
    expect(realisedTotals(register, '2025-02-10')).toEqual({ stock: 0n, procurement: 600n, natoFund: 50n });
    expect(realisedTotals(register, '2025-03-01')).toEqual({ stock: 0n, procurement: 600n, natoFund: 120n });
  });
});

describe('work for the EU as EPF implementing actor', () => {
  it('never counts, whatever was paid or valued', () => {
    const drones = delivery('d1', 'procurement', '2025-01-10', 'epf');
    const stock = delivery('d2', 'stock', '2025-01-10', 'epf');
    const register: RegisterContents = {
      deliveries: [drones, stock],
      valuations: [valuation('v1', 'd2', 500, '2025-01-10')],
      payments: [payment('d1', 10_000, '2025-01-10')],
    };
    expect(realisedTotals(register, '2030-01-01')).toEqual({ stock: 0n, procurement: 0n, natoFund: 0n });
  });
});

describe('properties', () => {
  const day = fc.integer({ min: 0, max: 40 }).map((offset) => new Date(Date.UTC(2025, 0, 1 + offset)).toISOString().slice(0, 10));
  const recorded = fc.integer({ min: 0, max: 5 }).map((hour) => `2025-03-01T0${hour}:00:00.000Z`);
  const amount = fc.integer({ min: 1, max: 1_000_000_000_000 });
  const ids = ['d1', 'd2', 'd3', 'd4', 'd5', 'd6'];
  const registers: fc.Arbitrary<RegisterContents> = fc.record({
    deliveries: fc.uniqueArray(
      fc.record({
        id: fc.constantFrom(...ids),
        supportType: fc.constantFrom(...SUPPORT_TYPES),
        fundingSource: fc.constantFrom(...FUNDING_SOURCES),
        realisedAt: fc.option(day, { nil: null }),
      }),
      { selector: (d) => d.id },
    ),
    valuations: fc.array(
      fc.record({ id: fc.uuid(), deliveryId: fc.constantFrom(...ids), amountCents: amount, effectiveDate: day, recordedAt: recorded }),
      { maxLength: 20 },
    ),
    payments: fc.array(fc.record({ deliveryId: fc.constantFrom(...ids), amountCents: amount, paidOn: day }), { maxLength: 20 }),
  });

  it('do not depend on the order of the rows', () => {
    fc.assert(
      fc.property(registers, day, fc.nat(), (register, date, seed) => {
        const shuffle = <T>(rows: readonly T[]) =>
          rows.map((row, index) => ({ row, key: (index * 7919 + seed) % 1009 })).sort((a, b) => a.key - b.key).map(({ row }) => row);
        const shuffled = {
          deliveries: shuffle(register.deliveries),
          valuations: shuffle(register.valuations),
          payments: shuffle([...register.payments].reverse()),
        };
        expect(realisedTotals(shuffled, date)).toEqual(realisedTotals(register, date));
      }),
    );
  });

  it('add up the deliveries of each type, leaving out EPF work', () => {
    fc.assert(
      fc.property(registers, day, (register, date) => {
        const totals = realisedTotals(register, date);
        for (const type of SUPPORT_TYPES) {
          const ofType = register.deliveries.filter((d) => d.supportType === type && d.fundingSource !== 'epf');
          expect(totals[type]).toBe(ofType.reduce((sum, d) => sum + BigInt(realisedValue(d, register, date)), 0n));
        }
        const withoutEpf = { ...register, deliveries: register.deliveries.filter((d) => d.fundingSource !== 'epf') };
        expect(realisedTotals(withoutEpf, date)).toEqual(totals);
      }),
    );
  });

  it('never fall for payment-realised types as time passes', () => {
    fc.assert(
      fc.property(registers, day, day, (register, a, b) => {
        const [earlier, later] = a <= b ? [a, b] : [b, a];
        const before = realisedTotals(register, earlier);
        const after = realisedTotals(register, later);
        expect(after.procurement).toBeGreaterThanOrEqual(before.procurement);
        expect(after.natoFund).toBeGreaterThanOrEqual(before.natoFund);
      }),
    );
  });

  it('are unchanged by anything dated after the date', () => {
    fc.assert(
      fc.property(registers, day, (register, date) => {
        const untilDate: RegisterContents = {
          deliveries: register.deliveries.map((d) => (d.realisedAt && d.realisedAt > date ? { ...d, realisedAt: null } : d)),
          valuations: register.valuations.filter((v) => v.effectiveDate <= date),
          payments: register.payments.filter((p) => p.paidOn <= date),
        };
        expect(realisedTotals(untilDate, date)).toEqual(realisedTotals(register, date));
      }),
    );
  });
});
