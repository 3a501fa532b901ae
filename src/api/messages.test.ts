import { describe, expect, it } from 'vitest';
import { reason } from './messages.ts';

describe('amounts in the reasons of a refusal', () => {
  it('are written exactly from their digits, beyond what a floating-point division keeps', () => {
    // 2^53 + 1 cents: divided by a hundred as a double, its last cent was lost.
    expect(reason('nl', 'exceedsYearBudget', { year: '2026', available: '9007199254740993' })).toMatch(/€\s90\.071\.992\.547\.409,93 /);
    expect(reason('en', 'exceedsYearBudget', { year: '2026', available: '-1234' })).toContain('-€12.34');
  });
});
