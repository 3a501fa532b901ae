import { describe, expect, it } from 'vitest';
import { startOfDayInTheHague } from './dates.ts';

describe('days as the ministry counts them', () => {
  it('begin at midnight in The Hague, in winter and in summer time', () => {
    expect(startOfDayInTheHague('2025-01-15')).toBe('2025-01-14T23:00:00.000Z');
    expect(startOfDayInTheHague('2025-08-31')).toBe('2025-08-30T22:00:00.000Z');
  });

  it('end where the next day begins, also across a change of the clocks', () => {
    expect(startOfDayInTheHague('2025-03-29', 1)).toBe('2025-03-29T23:00:00.000Z');
    expect(startOfDayInTheHague('2025-03-30', 1)).toBe('2025-03-30T22:00:00.000Z');
    expect(startOfDayInTheHague('2025-10-26')).toBe('2025-10-25T22:00:00.000Z');
    expect(startOfDayInTheHague('2025-12-31', 1)).toBe('2025-12-31T23:00:00.000Z');
  });
});
