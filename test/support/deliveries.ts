/** Deliveries as the API takes them, for tests that need a valid one of each kind. */
import { currentValueBasis, type SupportType, type ValuationBasis } from '../../src/domain/delivery.ts';

/** Stock that needs no export licence (non-lethal), so that registering it as handed over passes the shipment gate. */
export const stockDelivery = {
  title: 'Generatoren',
  category: 'nonLethal',
  quantity: 8,
  unit: 'stuks',
  supportType: 'stock',
  fundingSource: 'ukraineSupportBudget',
  committedAt: '2025-03-01',
  realisedAt: '2025-04-15',
} as const;

export const procurement = {
  title: 'Munitie via raamcontract',
  category: 'ammunition',
  supportType: 'procurement',
  fundingSource: 'ukraineSupportBudget',
  committedAt: '2025-03-01',
} as const;

/** A basis a delivery of the support type is valued at: replacement value for stock, what is paid for the rest. */
export const fittingBasis = (supportType: SupportType): ValuationBasis => currentValueBasis(supportType, [{ basis: 'replacementValue' }])!;
