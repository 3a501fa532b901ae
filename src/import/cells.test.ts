import { format } from 'numfmt';
import { describe, expect, it } from 'vitest';
import { reason } from '../api/messages.ts';
import { readCell } from './cells.ts';

/** A number cell in a number format, as the workbook's reader gives it: the number and the text Dutch Excel shows. */
const formatted = (number: number, numberFormat: string) => ({ number, shown: format(numberFormat, number, { locale: 'nl' }) });

describe('reading a cell as its field', () => {
  it('reads text as the cell shows it: a number in a format of its own as formatted, one in General format at the digits Excel shows', () => {
    expect(readCell('text', { number: 42, shown: '00042' })).toEqual({ value: '00042' });
    expect(readCell('text', { number: 7, shown: 'LEV-007' })).toEqual({ value: 'LEV-007' });
    expect(readCell('text', 0.1 + 0.2)).toEqual({ value: '0.3' });
    expect(readCell('text', 42)).toEqual({ value: '42' });
    expect(readCell('text', 1234567890123456789)).toEqual({ value: '1234567890123460000' });
    expect(readCell({ list: 'yesNo' }, { number: 1, shown: 'Ja' })).toEqual({ value: true });
  });

  it('reads amounts and counts from the number a cell holds, and refuses one it shows as a percentage', () => {
    expect(readCell('amount', { number: 1234.5, shown: '€ 1.234,50' })).toEqual({ value: 123_450 });
    expect(readCell('count', { number: 1000, shown: '1.000' })).toEqual({ value: 1000 });
    expect(readCell('amount', { number: null, shown: '15%' })).toMatchObject({ fault: 'notAnAmount' });
    expect(readCell('count', { number: null, shown: '15%' })).toMatchObject({ fault: 'notWholeNumber' });
  });

  it('refuses an amount its cell shows in millions or in another currency than the number it holds says in euros', () => {
    for (const [number, numberFormat] of [[2.5, '0.0 "mln"'], [2.5, '€ #,##0.0 "mln"'], [1.2, '0.0" mld"'], [2500, '#,##0 "k€"'], [2500, '[$USD] #,##0.00'], [2500, '[$$-409]#,##0.00'], [2500, '#,##0.00 [$£-809]']] as const) {
      const cell = formatted(number, numberFormat);
      expect(readCell('amount', cell)).toEqual({ fault: 'amountShownOtherwise', params: { shown: cell.shown, held: String(number) } });
    }
    const params = { shown: '2,5 mln', held: '2.5' };
    expect([reason('nl', 'amountShownOtherwise', params), reason('en', 'amountShownOtherwise', params)]).toEqual([
      'Deze cel toont 2,5 mln, maar bevat het getal 2,5, dat het register als euro’s zou lezen. Vul het hele bedrag in euro in (zoals 1.234.567,89), in een cel met de opmaak Getal of Valuta in euro.',
      'This cell shows 2,5 mln but holds the number 2.5, which the register would read as euros. Enter the whole amount in euros (such as 1,234,567.89) in a cell formatted as Number, or as Currency in euros.',
    ]);
  });

  it('reads an amount in any format that shows it as euros, rounded or in figures, from the number it holds', () => {
    for (const numberFormat of ['€ #,##0.00', '"€"\\ #,##0.00', '[$€-413]\\ #,##0.00', '_ "€"\\ * #,##0.00_ ;_ "€"\\ * \\-#,##0.00_ ;_ "€"\\ * "-"??_ ;_ @_ ', '#,##0.00\\ "€"', '#,##0.00 "EUR"', '#,##0', '0.000', '#,##0.00_);(#,##0.00)', '#,##0,, "mln"']) {
      expect(readCell('amount', formatted(2_500_000.4, numberFormat))).toEqual({ value: 250_000_040 });
      expect(readCell('amount', formatted(-2500, numberFormat))).toEqual({ value: -250_000 });
    }
    // Accounting formats show nothing but a dash for zero.
    expect(readCell('amount', formatted(0, '_ "€"\\ * #,##0.00_ ;_ "€"\\ * \\-#,##0.00_ ;_ "€"\\ * "-"??_ ;_ @_ '))).toEqual({ value: 0 });
  });

  it("reads a count a formula computed at the 15 digits Excel shows, as an amount is, and keeps a fraction the cell holds", () => {
    expect(readCell('count', 114.99999999999999)).toEqual({ value: 115 });
    expect(readCell('count', { number: 3.0000000000000004, shown: '3' })).toEqual({ value: 3 });
    expect(readCell('amount', 114.99999999999999)).toEqual({ value: 11_500 });
    expect(readCell('count', 2.5)).toEqual({ value: 2.5 });
  });

  it('reads a point before three digits as grouping thousands only after a first group without a leading zero', () => {
    expect(readCell('amount', '234.500')).toEqual({ value: 23_450_000 });
    expect(readCell('count', '1.000')).toEqual({ value: 1000 });
    for (const text of ['0.500', '00.250', '0,500', '0,001']) {
      expect(readCell('amount', text)).toEqual({ fault: 'amountTextBeyondCents', params: { shown: text } });
      expect(readCell('count', text)).toEqual({ fault: 'notWholeNumber' });
    }
  });

  it('reads a count typed as a form takes it: thousands grouped by spaces or by commas more than once, one comma alone read neither way', () => {
    expect(readCell('count', '1 000')).toEqual({ value: 1000 });
    expect(readCell('count', '1,000,000')).toEqual({ value: 1_000_000 });
    expect(readCell('count', '1,000')).toEqual({ fault: 'numberAmbiguous', params: { shown: '1,000' } });
    for (const text of ['1.5', '2,5', '0,500']) expect(readCell('count', text)).toEqual({ fault: 'notWholeNumber' });
  });

  it('reads a date in figures day first, and where its file writes some month first refuses one that reads as two days, naming where the file does', () => {
    const sign = { monthFirstShown: '08/13/2025', monthFirstRow: '4' };
    expect(readCell('date', '9/10/2025')).toEqual({ value: '2025-10-09' });
    expect(readCell('date', ' 9/10/2025 ', sign)).toEqual({ fault: 'ambiguousDate', params: { shown: '9/10/2025', dayFirst: '2025-10-09', monthFirst: '2025-09-10', ...sign } });
    expect(readCell('date', '10/10/2025', sign)).toEqual({ value: '2025-10-10' });
    expect(readCell('date', '2025-09-10', sign)).toEqual({ value: '2025-09-10' });
    expect(readCell('date', '08/13/2025')).toEqual({ fault: 'monthFirstDate', params: { shown: '08/13/2025', monthFirst: '2025-08-13' } });
  });
});
