/** Rules of the European Peace Facility that the server applies and the browser follows. */
import type { EpfDutchRole } from './vocabulary/codes.ts';

/**
 * The Netherlands claims on a tranche only where it is claimant: where it is implementing actor the work is
 * the EU's, and where it has no role there is nothing to claim.
 */
export function isClaimableTranche(dutchRole: EpfDutchRole): boolean {
  return dutchRole === 'claimant';
}
