import { describe, expect, it } from 'vitest';
import { countedDeliveryWarnings, realisedStockWarnings, sentLetterPeriodWarnings } from './sent-letter-period.ts';

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

describe('a delivery that counts otherwise in the figures at the reference date of a letter sent to parliament', () => {
  const sent = { referenceDate: '2025-08-31', paperNumber: null };
  const stock = (realisedAt: string | null) => ({ realisedAt, supportType: 'stock', fundingSource: 'defenceBudget' }) as const;
  const warned = (date: string, field = 'realisedAt', counted: object = {}) => [{ field, code: 'datedInSentLetterPeriod', params: { date, referenceDate: '2025-08-31', ...counted } }];

  it('is warned of for a realisation moved into the period or out of it, set or cleared, naming the date on or before the reference date', () => {
    expect(countedDeliveryWarnings(stock('2025-09-01'), stock('2025-08-31'), sent)).toEqual(warned('2025-08-31'));
    expect(countedDeliveryWarnings(stock('2025-05-01'), stock('2025-09-01'), sent)).toEqual(warned('2025-05-01'));
    expect(countedDeliveryWarnings(stock(null), stock('2025-05-01'), sent)).toEqual(warned('2025-05-01'));
    expect(countedDeliveryWarnings(stock('2025-05-01'), stock(null), sent)).toEqual(warned('2025-05-01'));
  });

  it('is warned of for a new delivery realised on or before the reference date', () => {
    expect(countedDeliveryWarnings(null, stock('2025-08-31'), sent)).toEqual(warned('2025-08-31'));
    expect(countedDeliveryWarnings(null, { ...stock('2025-03-01'), fundingSource: 'epf' }, sent)).toEqual(warned('2025-03-01'));
  });

  it('is warned of for a delivery realised on or before the reference date removed, naming its realisation date', () => {
    expect(countedDeliveryWarnings(stock('2025-08-31'), null, sent)).toEqual(warned('2025-08-31', 'realisedAt', { counted: 'removed' }));
    expect(countedDeliveryWarnings({ ...stock('2025-03-01'), supportType: 'natoFund', fundingSource: 'epf' }, null, sent)).toEqual(warned('2025-03-01', 'realisedAt', { counted: 'removed' }));
  });

  it('is warned of for a delivery realised in the period moved to another row, at the field that moves it, naming its realisation date', () => {
    expect(countedDeliveryWarnings(stock('2025-05-01'), { ...stock('2025-06-01'), supportType: 'procurement' }, sent)).toEqual(warned('2025-06-01', 'supportType', { counted: 'supportType' }));
    expect(countedDeliveryWarnings(stock('2025-05-01'), { ...stock('2025-05-01'), fundingSource: 'epf' }, sent)).toEqual(warned('2025-05-01', 'fundingSource', { counted: 'fundingSource' }));
    expect(countedDeliveryWarnings({ ...stock('2025-05-01'), fundingSource: 'epf' }, stock('2025-05-01'), sent)).toEqual(warned('2025-05-01', 'fundingSource', { counted: 'fundingSource' }));
    // Both: one warning, at the support type.
    expect(countedDeliveryWarnings(stock('2025-05-01'), { realisedAt: '2025-05-01', supportType: 'natoFund', fundingSource: 'epf' }, sent)).toEqual(warned('2025-05-01', 'supportType', { counted: 'supportType' }));
  });

  it('is no warning for what changes no figure at the reference date', () => {
    // A move on either side of it.
    expect(countedDeliveryWarnings(stock('2025-05-01'), stock('2025-08-31'), sent)).toEqual([]);
    expect(countedDeliveryWarnings(stock('2025-09-01'), stock(null), sent)).toEqual([]);
    expect(countedDeliveryWarnings(stock(null), stock('2025-09-01'), sent)).toEqual([]);
    // A new delivery not realised by then.
    expect(countedDeliveryWarnings(null, stock('2025-09-01'), sent)).toEqual([]);
    expect(countedDeliveryWarnings(null, stock(null), sent)).toEqual([]);
    // A delivery removed that was not realised by then.
    expect(countedDeliveryWarnings(stock('2025-09-01'), null, sent)).toEqual([]);
    expect(countedDeliveryWarnings(stock(null), null, sent)).toEqual([]);
    // Another row for a delivery realised after it, or another Dutch budget.
    expect(countedDeliveryWarnings(stock('2025-09-01'), { ...stock('2025-09-01'), supportType: 'procurement', fundingSource: 'epf' }, sent)).toEqual([]);
    expect(countedDeliveryWarnings(stock('2025-05-01'), { ...stock('2025-05-01'), fundingSource: 'ukraineSupportBudget' }, sent)).toEqual([]);
    // No letter sent yet.
    expect(countedDeliveryWarnings(stock('2025-09-01'), stock('2025-05-01'), undefined)).toEqual([]);
    expect(countedDeliveryWarnings(null, stock('2025-05-01'), undefined)).toEqual([]);
    expect(countedDeliveryWarnings(stock('2025-05-01'), null, undefined)).toEqual([]);
  });
});

describe('a record of stock deliveries dated in the period of a letter sent to parliament', () => {
  const sent = { referenceDate: '2025-08-31', paperNumber: null };

  it('is warned of at its date where one of its deliveries was realised by the reference date', () => {
    expect(realisedStockWarnings('judgedOn', '2025-07-01', '2025-08-31', sent)).toEqual([{ field: 'judgedOn', code: 'datedInSentLetterPeriod', params: { date: '2025-07-01', referenceDate: '2025-08-31' } }]);
  });

  it('is no warning where none was realised by then, for a date after it, nor before any letter was sent', () => {
    expect(realisedStockWarnings('judgedOn', '2025-07-01', '2025-09-01', sent)).toEqual([]);
    expect(realisedStockWarnings('judgedOn', '2025-07-01', null, sent)).toEqual([]);
    expect(realisedStockWarnings('asOf', '2025-09-01', '2025-05-01', sent)).toEqual([]);
    expect(realisedStockWarnings('asOf', '2025-07-01', '2025-05-01', undefined)).toEqual([]);
  });
});
