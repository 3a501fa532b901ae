import { describe, expect, it } from 'vitest';
import { daysAfter, isIsoDate } from './dates.ts';

describe('ISO dates', () => {
  it('accepts existing calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-8-31')).toBe(false);
    expect(isIsoDate('2025-08-31T00:00:00Z')).toBe(false);
  });

  it('counts days across months, years and a leap day', () => {
    expect(daysAfter('2025-09-10', 31)).toBe('2025-10-11');
    expect(daysAfter('2025-12-15', 31)).toBe('2026-01-15');
    expect(daysAfter('2024-02-28', 1)).toBe('2024-02-29');
    expect(daysAfter('2025-02-28', 1)).toBe('2025-03-01');
  });
});
