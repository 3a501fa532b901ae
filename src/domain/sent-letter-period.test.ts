import { describe, expect, it } from 'vitest';
import { realisationMoveWarnings, sentLetterPeriodWarnings } from './sent-letter-period.ts';

describe('money dated in the period of a letter sent to parliament', () => {
  const sent = { referenceDate: '2025-08-31', paperNumber: 'Kamerstuk 22 054, nr. 453' };

  it('is warned of on and before the letter’s reference date, naming the letter', () => {
    for (const date of ['2025-08-31', '2024-01-01']) {
      expect(sentLetterPeriodWarnings('paidOn', date, sent)).toEqual([
        { field: 'paidOn', code: 'datedInSentLetterPeriod', params: { date, referenceDate: '2025-08-31', paperNumber: 'Kamerstuk 22 054, nr. 453' } },
      ]);
    }
  });

  it('names a letter not yet numbered by its reference date alone', () => {
    expect(sentLetterPeriodWarnings('effectiveDate', '2025-08-01', { referenceDate: '2025-08-31', paperNumber: null })).toEqual([
      { field: 'effectiveDate', code: 'datedInSentLetterPeriod', params: { date: '2025-08-01', referenceDate: '2025-08-31' } },
    ]);
  });

  it('is no warning after the reference date, nor before any letter was sent', () => {
    expect(sentLetterPeriodWarnings('paidOn', '2025-09-01', sent)).toEqual([]);
    expect(sentLetterPeriodWarnings('paidOn', '2025-08-31', undefined)).toEqual([]);
  });
});

describe('a realisation moved across the reference date of a letter sent to parliament', () => {
  const sent = { referenceDate: '2025-08-31', paperNumber: null };
  const warned = (date: string) => [{ field: 'realisedAt', code: 'datedInSentLetterPeriod', params: { date, referenceDate: '2025-08-31' } }];

  it('is warned of into the period and out of it, set or cleared, naming the date on or before the reference date', () => {
    expect(realisationMoveWarnings('realisedAt', '2025-09-01', '2025-08-31', sent)).toEqual(warned('2025-08-31'));
    expect(realisationMoveWarnings('realisedAt', '2025-05-01', '2025-09-01', sent)).toEqual(warned('2025-05-01'));
    expect(realisationMoveWarnings('realisedAt', null, '2025-05-01', sent)).toEqual(warned('2025-05-01'));
    expect(realisationMoveWarnings('realisedAt', '2025-05-01', null, sent)).toEqual(warned('2025-05-01'));
  });

  it('is no warning for a move on either side of the reference date, nor before any letter was sent', () => {
    expect(realisationMoveWarnings('realisedAt', '2025-05-01', '2025-08-31', sent)).toEqual([]);
    expect(realisationMoveWarnings('realisedAt', '2025-09-01', null, sent)).toEqual([]);
    expect(realisationMoveWarnings('realisedAt', null, '2025-09-01', sent)).toEqual([]);
    expect(realisationMoveWarnings('realisedAt', '2025-09-01', '2025-05-01', undefined)).toEqual([]);
  });
});
