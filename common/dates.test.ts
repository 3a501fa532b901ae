import { describe, expect, it } from 'vitest';
import { isIsoDate } from './dates.ts';

describe('ISO dates', () => {
  it('accepts existing calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-8-31')).toBe(false);
    expect(isIsoDate('2025-08-31T00:00:00Z')).toBe(false);
  });
});
