/**
 * The valuations an import brings to deliveries the register holds, held against what depends on a delivery's value,
 * as revalue (deliveries.ts) holds one the API adds: a stock delivery is valued at no less than replenishment projects
 * replace of it, and any delivery is worth at each date of an EPF claim on it what its claims declared up to then.
 * Each valuation is judged as the API judges the file's valuations added one after the other by their effective dates:
 * with those of the file up to its own date, which its own then supersedes at and after that date, so that it is
 * judged by its own amount wherever it is the one that counts. A later one of the file never makes an earlier one
 * good, and a valuation refused leaves the others as they were judged.
 */
import { isRealisedByPayment } from '../../common/delivery-rules.ts';
import type { ClaimDate } from '../db/repositories/epf.ts';
import type { HeldValuation } from '../db/repositories/import.ts';
import type { StoredDelivery } from '../db/repositories/deliveries.ts';
import { valueBelowClaimedViolations, valueBelowReplacedViolations } from '../domain/delivery-dependants.ts';
import { addFaults, type PlannedRow } from './import-rows.ts';

/** What the register holds of the deliveries the valuations are of, read once for the whole file. */
export interface ValueDependants {
  /** The valuation that counts now of each delivery that has one. */
  currentValuations: ReadonlyMap<string, HeldValuation>;
  /** How much of each delivery's value replenishment projects replace together, of those they replace. */
  replacedValues: ReadonlyMap<string, number>;
  /** The dates of EPF claims on each delivery that has them. */
  claimDates: ReadonlyMap<string, readonly ClaimDate[]>;
}

/**
 * The valuation rows the import would make of a delivery the register holds (or that have faults of their own, to show
 * them at once), with an amount and effective date read: not one under the key of a valuation the register holds
 * (`heldByRegister`), which the register already counts.
 */
export function valuationsOfRegisterDeliveries(rows: readonly PlannedRow[], heldByRegister: (row: PlannedRow) => boolean): PlannedRow[] {
  return rows.filter((row) => {
    if (row.sheet !== 'valuation' || row.deliveryId === null || (row.outcome !== 'create' && row.outcome !== 'invalid') || heldByRegister(row)) return false;
    const { amountCents, effectiveDate } = row.values;
    const read = (field: string) => !row.faults.some((fault) => fault.field === field);
    return typeof amountCents === 'number' && typeof effectiveDate === 'string' && read('amountCents') && read('effectiveDate');
  });
}

/** Adds to each valuation row (see valuationsOfRegisterDeliveries) the faults of a value below what depends on it, at its amount. */
export function checkValueDependants(valuationRows: readonly PlannedRow[], registerDeliveries: ReadonlyMap<string, StoredDelivery>, dependants: ValueDependants): void {
  for (const row of valuationRows) {
    const delivery = registerDeliveries.get(row.deliveryId!);
    if (!delivery) continue;
    const amountCents = row.values.amountCents as number;
    const effectiveDate = row.values.effectiveDate as string;
    // Recorded after the register's valuations, it supersedes one of its own date.
    const current = dependants.currentValuations.get(delivery.id);
    if (delivery.supportType === 'stock' && (!current || current.effectiveDate <= effectiveDate)) {
      addFaults(row, valueBelowReplacedViolations('amountCents', amountCents, dependants.replacedValues.get(delivery.id) ?? 0));
    }
    addFaults(row, valueBelowClaimedViolations('amountCents', claimAboveValuation(delivery, amountCents, effectiveDate, dependants.claimDates.get(delivery.id) ?? [])));
  }
}

/**
 * The first date of a claim at which the valuation is the one that counts (no valuation of the register effective
 * after its own date and on or before the claim's) and what the claims declared up to then is more than the delivery
 * may be claimed for then (claimAboveValue): the valuation, or, for a purchase or contribution, what was paid for it by
 * then where that is more. A delivery from stock counts in realised support at its value, so only the valuation counts.
 */
function claimAboveValuation(delivery: Pick<StoredDelivery, 'supportType'>, amountCents: number, effectiveDate: string, claimDates: readonly ClaimDate[]) {
  for (const { declaredOn, claimedCents, valuedOn, realisedCents } of claimDates) {
    if (declaredOn < effectiveDate || (valuedOn !== null && valuedOn > effectiveDate)) continue;
    const valueCents = isRealisedByPayment(delivery.supportType) ? Math.max(amountCents, realisedCents) : amountCents;
    if (claimedCents > valueCents) return { declaredOn, claimedCents, valueCents };
  }
  return undefined;
}
