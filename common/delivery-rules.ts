/** Rules of a delivery that the server applies and the browser explains. */
import type { FundingSource, SupportType } from './vocabulary/codes.ts';

/** Stock is realised at hand-over and valued; procurement and fund contributions are realised by payment. */
export function isRealisedByPayment(supportType: SupportType): boolean {
  return supportType !== 'stock';
}

/** Work done on the EU's behalf as implementing actor of the European Peace Facility never counts in Dutch totals. */
export function countsInDutchTotals(fundingSource: FundingSource): boolean {
  return fundingSource !== 'epf';
}
