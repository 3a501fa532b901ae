import { describe, expect, it } from 'vitest';
import { columnLetters, columnPosition } from './spreadsheets.ts';

describe('a column named in A1 notation', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'],
    [702, 'AAA'],
    [16_383, 'XFD'],
  ])('position %i is column %s, and back', (position, letters) => {
    expect(columnLetters(position)).toBe(letters);
    expect(columnPosition(letters)).toBe(position);
  });

  it('reads lower-case letters as a spreadsheet does', () => {
    expect(columnPosition('ab')).toBe(27);
  });

  it("reads the letters leading a cell's reference, and none from a reference without them", () => {
    expect(columnPosition('XFD1048576')).toBe(16_383);
    expect(columnPosition('b7')).toBe(1);
    expect(columnPosition('7')).toBe(-1);
    expect(columnPosition('')).toBe(-1);
    expect(columnPosition('$A$1')).toBe(-1);
  });
});
