import { sumCents, totalCents, type Cents, type CentsTotal } from '../../common/money.ts';
import type { IsoDate } from '../../common/dates.ts';
import { countsInDutchTotals, isRealisedByPayment } from '../../common/delivery-rules.ts';
import {
  SUPPORT_TYPES,
  type Delivery,
  type Payment,
  type SupportType,
  type Valuation,
} from './delivery.ts';

/**
 * The reference computation of realised support, in memory. The database computes the same in SQL;
 * property tests compare the two, so this stays plain and obviously correct rather than fast.
 */

export type RealisableDelivery = Pick<Delivery, 'id' | 'supportType' | 'fundingSource' | 'realisedAt'>;
export type DatedValuation = Pick<Valuation, 'id' | 'deliveryId' | 'amountCents' | 'effectiveDate' | 'recordedAt'>;
export type DatedPayment = Pick<Payment, 'deliveryId' | 'amountCents' | 'paidOn'>;

export interface RegisterContents {
  deliveries: readonly RealisableDelivery[];
  valuations: readonly DatedValuation[];
  payments: readonly DatedPayment[];
}

/** Realised support per support type at the end of the given date. */
export function realisedTotals(register: RegisterContents, date: IsoDate): Record<SupportType, CentsTotal> {
  const totals = Object.fromEntries(SUPPORT_TYPES.map((type) => [type, 0n])) as Record<SupportType, CentsTotal>;
  for (const delivery of register.deliveries) {
    totals[delivery.supportType] = totalCents([totals[delivery.supportType], realisedValue(delivery, register, date)]);
  }
  return totals;
}

/**
 * What one delivery contributes to the realised total at the end of the date:
 * - work for the EU as EPF implementing actor: nothing, ever;
 * - procurement and fund contributions: the sum of their payments made on or before the date;
 * - stock: once handed over, its latest valuation in effect on the date.
 */
export function realisedValue(delivery: RealisableDelivery, register: RegisterContents, date: IsoDate): Cents {
  if (!countsInDutchTotals(delivery.fundingSource)) return 0;
  if (isRealisedByPayment(delivery.supportType)) {
    const paid = register.payments.filter((payment) => payment.deliveryId === delivery.id && payment.paidOn <= date);
    return sumCents(paid.map((payment) => payment.amountCents));
  }
  if (delivery.realisedAt === null || delivery.realisedAt > date) return 0;
  const inEffect = register.valuations.filter(
    (valuation) => valuation.deliveryId === delivery.id && valuation.effectiveDate <= date,
  );
  return inEffect.sort(compareValuations).at(-1)?.amountCents ?? 0;
}

/**
 * Orders valuations by effective date, then by when they were recorded, then by id (lowercase UUID text
 * sorts as PostgreSQL sorts uuid), so that the outcome never depends on the order rows arrive in.
 */
function compareValuations(a: DatedValuation, b: DatedValuation): number {
  if (a.effectiveDate !== b.effectiveDate) return a.effectiveDate < b.effectiveDate ? -1 : 1;
  const recorded = instant(a.recordedAt) - instant(b.recordedAt);
  if (recorded !== 0) return recorded;
  return a.id === b.id ? 0 : a.id < b.id ? -1 : 1;
}

function instant(timestamp: string): number {
  const milliseconds = Date.parse(timestamp);
  if (Number.isNaN(milliseconds)) throw new RangeError(`not a timestamp: ${timestamp}`);
  return milliseconds;
}
