import { describe, expect, it } from 'vitest';
import { startOfDayInTheHague } from '../../../common/dates.ts';
import { formatMoment, formatPreciseMoment, momentInTheHague } from './dates.ts';

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

describe('a time typed in a date-and-time field', () => {
  it('is Dutch time, in winter and in summer, whatever the time zone of the browser', () => {
    expect(momentInTheHague('2026-12-05T10:00')?.toISOString()).toBe('2026-12-05T09:00:00.000Z');
    expect(momentInTheHague('2026-07-01T10:00:30')?.toISOString()).toBe('2026-07-01T08:00:30.000Z');
  });

  it('is taken an hour later where the clocks skip it, and once where they pass it twice', () => {
    expect(momentInTheHague('2026-03-29T02:30')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(momentInTheHague('2026-10-25T02:30')?.toISOString()).toBe('2026-10-25T01:30:00.000Z');
  });

  it('is nothing when the text is no such time', () => {
    expect(momentInTheHague('')).toBeNull();
    expect(momentInTheHague('10:00')).toBeNull();
  });
});

describe('moments', () => {
  it('are written in Dutch as the dates beside them are, on the clock in The Hague', () => {
    expect(formatMoment('2026-12-02T06:51:03.181Z', 'nl')).toBe('2 dec. 2026, 07:51');
    expect(formatPreciseMoment('2025-05-31T22:30:00Z', 'nl')).toBe('1 jun. 2025, 00:30:00');
    expect(formatMoment('2026-12-02T06:51:03.181Z', 'en')).toBe('2 Dec 2026, 07:51');
  });
});
