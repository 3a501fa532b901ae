/** Rules of a delivery that the server applies and the browser explains. */
import type { Category, FundingSource, SupportType } from './vocabulary/codes.ts';

/** Stock is realised at hand-over and valued; procurement and fund contributions are realised by payment. */
export function isRealisedByPayment(supportType: SupportType): boolean {
  return supportType !== 'stock';
}

/** Work done on the EU's behalf as implementing actor of the European Peace Facility never counts in Dutch totals. */
export function countsInDutchTotals(fundingSource: FundingSource): boolean {
  return fundingSource !== 'epf';
}

// Export control

/** Contributions to the NATO fund are money, not goods: nothing of them is exported by the Netherlands. */
export const LICENCE_FREE_SUPPORT_TYPES: readonly SupportType[] = ['natoFund'];
/** Non-lethal goods are, as a rule, not on the Common Military List. */
export const LICENCE_FREE_CATEGORIES: readonly Category[] = ['nonLethal'];

/**
 * Whether a delivery needs an assessment on the eight criteria and an export licence, by the rule; an
 * assessor can override the rule for one delivery, with a reason.
 */
export function requiresLicenceByRule(category: Category, supportType: SupportType): boolean {
  return !LICENCE_FREE_SUPPORT_TYPES.includes(supportType) && !LICENCE_FREE_CATEGORIES.includes(category);
}

/** The lifecycle dates that ship goods across the border: the hand-over for stock, the delivery for all. */
export function shipmentDateFields(supportType: SupportType): readonly ('realisedAt' | 'deliveredAt')[] {
  return supportType === 'stock' ? ['realisedAt', 'deliveredAt'] : ['deliveredAt'];
}
