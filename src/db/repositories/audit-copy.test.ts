import { describe, expect, it } from 'vitest';
import { isoText } from './audit-copy.ts';

describe('the ISO text of a time read by COPY', () => {
  it('is what Date makes of it, across days, years and the range of a Date', () => {
    const times = [0, -1, 1, 8.64e15, -8.64e15, Date.UTC(-1, 0, 1), Date.UTC(10_000, 0, 1) - 1, Date.UTC(2024, 1, 29, 23, 59, 59, 999), Date.UTC(1969, 11, 31, 23, 59, 59, 999)];
    for (let step = 0; step < 200_000; step++) times.push(Date.UTC(2025, 0, 1) + step * 7_777_777, step * 43_200_017 - 4.32e15);
    expect(times.filter((ms) => isoText(ms) !== new Date(ms).toISOString())).toEqual([]);
  });

  it('is refused as Date refuses it beyond the range of a Date', () => {
    for (const ms of [8.64e15 + 1, -8.64e15 - 1, Number.NaN]) expect(() => isoText(ms)).toThrow(RangeError);
  });
});
