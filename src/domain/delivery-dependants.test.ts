import { describe, expect, it } from 'vitest';
import { dependantViolations, removalBelowDisclosedViolations, type DeliveryDependants } from './delivery-dependants.ts';

const stock = (quantity: number | null) => ({ supportType: 'stock', fundingSource: 'defenceBudget', quantity }) as const;
const disclosed = (...disclosedQuantities: DeliveryDependants['disclosedQuantities']): DeliveryDependants => ({
  contracts: 0,
  readinessRecords: 0,
  replacedQuantity: 0,
  epfClaims: 0,
  commitmentFunds: [],
  disclosedQuantities,
});

describe('a delivery under a disclosure decision that states its quantity', () => {
  it('is not lowered below what the decision states of it and the deliveries decided at once with it', () => {
    expect(dependantViolations(stock(8), stock(6), disclosed({ stated: 'ca. 15', othersHeld: [8] }))).toEqual([
      { field: 'quantity', code: 'quantityBelowDisclosed', params: { stated: '15', total: '14', deliveries: '2' } },
    ]);
    expect(dependantViolations(stock(8), stock(7), disclosed({ stated: 'ca. 15', othersHeld: [8] }))).toEqual([]);
    expect(dependantViolations(stock(null), stock(3), disclosed({ stated: '8', othersHeld: [] }))).toHaveLength(1);
  });

  it('names the largest number of the decisions it would make false', () => {
    const violations = dependantViolations(stock(30), stock(1), disclosed({ stated: '10', othersHeld: [] }, { stated: '25 stuks', othersHeld: [0, 4] }));
    expect(violations.map((violation) => violation.params)).toEqual([{ stated: '25', total: '5', deliveries: '3' }]);
  });

  it('may hold more, no quantity, or fewer where a delivery decided with it has none', () => {
    const under = disclosed({ stated: '500', othersHeld: [] });
    expect(dependantViolations(stock(8), stock(9), under)).toEqual([]);
    expect(dependantViolations(stock(8), stock(null), under)).toEqual([]);
    expect(dependantViolations(stock(8), stock(1), disclosed({ stated: '500', othersHeld: [null] }))).toEqual([]);
    expect(dependantViolations(stock(8), stock(1), disclosed({ stated: 'meerdere', othersHeld: [] }))).toEqual([]);
  });

  it('is removed only when the decisions in force for the others hold without its items', () => {
    expect(removalBelowDisclosedViolations([{ stated: '20', othersHeld: [8, 8] }])).toEqual([
      { field: 'id', code: 'neededForDisclosedQuantity', params: { stated: '20', total: '16', deliveries: '3' } },
    ]);
    expect(removalBelowDisclosedViolations([{ stated: '16', othersHeld: [8, 8] }])).toEqual([]);
  });
});
