import { describe, expect, it } from 'vitest';
import { totalsLabelOf } from './totals-rows.ts';

describe('a row of totals', () => {
  it('is one whose first cell with a value says so, in Dutch or English, whichever column that is', () => {
    for (const label of ['Totaal', 'TOTAAL:', 'Totalen', 'Subtotaal', 'Eindtotaal', 'Total', 'Grand total', ' Totals ']) {
      expect(totalsLabelOf([label, null, 1234.56])).toEqual({ position: 0, label: label.trim() });
    }
    const sparse = [];
    sparse[3] = 'Totaal';
    sparse[5] = 10;
    expect(totalsLabelOf([null, ' ', ...sparse.slice(2)])).toEqual({ position: 3, label: 'Totaal' });
  });

  it('is not one whose first value is anything else, though a later cell says Totaal or a word begins with it', () => {
    expect(totalsLabelOf(['L-1', 'Totaal'])).toBeUndefined();
    expect(totalsLabelOf(['Totaalpakket winter'])).toBeUndefined();
    expect(totalsLabelOf([12, 'Totaal'])).toBeUndefined();
    expect(totalsLabelOf([null])).toBeUndefined();
  });
});
