import { describe, expect, it } from 'vitest';
import { MAX_ENTRY_CENTS } from '../../common/money.ts';
import { amountViolations } from './plausibility.ts';

describe('an amount typed in euros', () => {
  it('is refused at zero or below as every amount is, more than € 0,00, and above € 100 mld. as an amount', () => {
    expect(amountViolations('costEstimateCents', 0)).toEqual([{ field: 'costEstimateCents', code: 'amountNotPositive' }]);
    expect(amountViolations('budgetCents', -500)).toEqual([{ field: 'budgetCents', code: 'amountNotPositive' }]);
    expect(amountViolations('budgetCents', MAX_ENTRY_CENTS + 1)).toEqual([{ field: 'budgetCents', code: 'tooLarge', params: { maximum: String(MAX_ENTRY_CENTS), kind: 'amount' } }]);
    expect(amountViolations('budgetCents', 1)).toEqual([]);
    expect(amountViolations('budgetCents', null)).toEqual([]);
  });
});
