import { describe, expect, it } from 'vitest';
import { sentLetterPeriodWarnings } from './sent-letter-period.ts';

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
