import { describe, expect, it } from 'vitest';
import { dateOfText } from './text-dates.ts';

describe('a date typed as text, or saved as text by a spreadsheet', () => {
  it.each([
    ['2025-09-10'],
    ['2025-09-10T14:30:00Z'],
    ['2025/09/10'],
    ['10-9-2025'],
    ['10/09/2025 14:30'],
    ['10.09.2025'],
    // Dutch Excel's short date with a two-digit year, as its CSV files hold a date cell so formatted.
    ['10-9-25'],
    ['10-sep-25'],
    ['10-Sep-2025'],
    ['10 september 2025'],
    ['10 sept. 2025'],
    ['10  SEPTEMBER  2025'],
    // Windows' long date in Dutch and in English.
    ['woensdag 10 september 2025'],
    ['Wednesday, September 10, 2025'],
    ['September 10, 2025'],
  ])('reads %s as 10 September 2025', (text) => {
    expect(dateOfText(text)).toEqual({ date: '2025-09-10' });
  });

  it('reads a moment with its offset from UTC as its day in Amsterdam', () => {
    expect(
      ['2025-03-01T23:30:00Z', '2025-03-01T22:59:59Z', '2025-08-31T22:00:00.000Z', '2025-08-31T21:59Z', '2025-03-01T18:00:00-05:00', '2025-03-01 23:30:00+0000', '2025-02-31T10:00:00Z', '2025-03-01T24:30:00Z'].map((text) => dateOfText(text)),
    ).toEqual([...['2025-03-02', '2025-03-01', '2025-09-01', '2025-08-31', '2025-03-02', '2025-03-02'].map((date) => ({ date })), { fault: 'noSuchDate' }, { fault: 'noSuchDate' }]);
  });

  it('knows the Dutch abbreviations of the months that differ from the English ones', () => {
    expect(['1 mrt 2025', '1-mei-2025', '1 okt. 2025'].map((text) => dateOfText(text))).toEqual([{ date: '2025-03-01' }, { date: '2025-05-01' }, { date: '2025-10-01' }]);
  });

  it('reads a two-digit year as Excel does: up to 29 in this century, from 30 in the last', () => {
    expect(['1-1-29', '1-1-30'].map((text) => dateOfText(text))).toEqual([{ date: '2029-01-01' }, { date: '1930-01-01' }]);
  });

  it.each([['31-2-2025'], ['2025-02-29'], ['0-9-2025'], ['13-13-2025'], ['02/30/2025'], ['31 april 2025'], ['April 31, 2025']])('names a day that does not exist in %s', (text) => {
    expect(dateOfText(text)).toEqual({ fault: 'noSuchDate' });
  });

  it.each([
    ['08/13/2025', '2025-08-13'],
    ['8-13-25', '2025-08-13'],
    ['12.31.2025 14:30', '2025-12-31'],
    ['2/29/2028', '2028-02-29'],
  ])('says of %s, which only reads with the month first, the day it would then be', (text, monthFirst) => {
    expect(dateOfText(text)).toEqual({ fault: 'monthFirstDate', monthFirst });
    expect(dateOfText(text, 'eitherWay')).toEqual({ fault: 'monthFirstDate', monthFirst });
  });

  it('reads a date in figures day first, and where its file may write the month first reads one that is two days neither way', () => {
    const texts = ['9/10/2025', '10/3/2025', '9-10-25', '1.2.2025 08:00'];
    expect(texts.map((text) => dateOfText(text))).toEqual(['2025-10-09', '2025-03-10', '2025-10-09', '2025-02-01'].map((date) => ({ date })));
    expect(texts.map((text) => dateOfText(text, 'eitherWay'))).toEqual([
      { fault: 'ambiguousDate', dayFirst: '2025-10-09', monthFirst: '2025-09-10' },
      { fault: 'ambiguousDate', dayFirst: '2025-03-10', monthFirst: '2025-10-03' },
      { fault: 'ambiguousDate', dayFirst: '2025-10-09', monthFirst: '2025-09-10' },
      { fault: 'ambiguousDate', dayFirst: '2025-02-01', monthFirst: '2025-01-02' },
    ]);
  });

  it('reads either way a date whose two readings are one day, one whose month-first reading is none, and one whose month has its name', () => {
    expect(['10/10/2025', '13/08/2025', '31-12-2025', '2025-09-10', '2025/09/10', '10 september 2025', 'September 10, 2025'].map((text) => dateOfText(text, 'eitherWay'))).toEqual(
      ['2025-10-10', '2025-08-13', '2025-12-31', '2025-09-10', '2025-09-10', '2025-09-10', '2025-09-10'].map((date) => ({ date })),
    );
  });

  it.each([['abc'], ['10 septober 2025'], ['ongeveer 10 september 2025'], ['9/10'], ['10-9-202'], ['september 2025'], ['2025']])('names no date in %s', (text) => {
    expect(dateOfText(text)).toEqual({ fault: 'notADate' });
  });
});
