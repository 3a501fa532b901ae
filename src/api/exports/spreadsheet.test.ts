import { describe, expect, it } from 'vitest';
import { cutToExcelCell } from './spreadsheet.ts';

describe('a text in a cell of Excel', () => {
  it('is cut to the 32,767 characters a cell holds, marked so, never between the halves of an emoji', () => {
    expect(cutToExcelCell('kort')).toBe('kort');
    expect(cutToExcelCell('x'.repeat(32_767))).toBe('x'.repeat(32_767));
    // The cut falls after 32,763 UTF-16 units: here between an emoji's halves, so before the emoji.
    const cut = cutToExcelCell('x'.repeat(32_762) + '🚀'.repeat(10));
    expect(cut.isWellFormed()).toBe(true);
    expect(cut).toBe(`${'x'.repeat(32_762)} […]`);
    expect(cutToExcelCell('x'.repeat(32_761) + '🚀'.repeat(10))).toBe(`${'x'.repeat(32_761)}🚀 […]`);
    expect(cutToExcelCell('x'.repeat(40_000))).toHaveLength(32_767);
  });
});
