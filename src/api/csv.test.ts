import { describe, expect, it } from 'vitest';
import { csvLine, euroText, neutralised, unchangedOnImport, withoutNeutraliser } from './csv.ts';

describe('spreadsheet cells', () => {
  it('writes cents as euros from their digits, exact beyond 2^53', () => {
    expect(euroText(0)).toBe('0.00');
    expect(euroText(5)).toBe('0.05');
    expect(euroText(-5, ',')).toBe('-0,05');
    expect(euroText(123_456_789, ',')).toBe('1234567,89');
    expect(euroText(90_071_992_547_409_931n)).toBe('900719925474099.31');
    expect(euroText('-100000000000000000001')).toBe('-1000000000000000000.01');
  });

  it('puts an apostrophe before text a spreadsheet would run as a formula', () => {
    for (const text of ['=1+1', '+31 6', '-2', '@SUM(A1)', '\tx', '\rx']) expect(neutralised(text)).toBe(`'${text}`);
    for (const text of ['Oekraïne', '1=1', ' =1', '']) expect(neutralised(text)).toBe(text);
  });

  it('takes the apostrophe away again when the text is read back, and only that apostrophe', () => {
    for (const text of ['=1+1', '+31 6', '-20 graden', '@SUM(A1)', '\tx', '\rx', 'Oekraïne', "'t Harde", "'", '', "'=QA apostrof", "''+5", "'\tx"]) {
      expect(withoutNeutraliser(neutralised(text))).toBe(text);
      expect(withoutNeutraliser(unchangedOnImport(text))).toBe(text);
    }
    // A text that starts with an apostrophe of its own before a formula gets one more, for the import to take away.
    expect(neutralised("'=QA apostrof")).toBe("''=QA apostrof");
    expect(unchangedOnImport("'=QA apostrof")).toBe("''=QA apostrof");
    // In XLSX a formula-like text is stored as text and never runs: it is written as it is.
    expect(unchangedOnImport('=1+1')).toBe('=1+1');
    // Such an apostrophe typed into the register is not told apart from the export's own.
    expect(withoutNeutraliser("'-2")).toBe('-2');
  });

  it('quotes a text with either dialect’s separator, so that a spreadsheet that splits on the other never starts a cell inside it', () => {
    // Dutch Excel splits a comma-separated file on semicolons, and English Excel a semicolon-separated file on commas.
    expect(csvLine(['Drones;=1+2', 'a,=1+3'], 'rfc4180')).toBe('"Drones;=1+2","a,=1+3"\r\n');
    expect(csvLine(['Drones;=1+2', 'a,=1+3'], 'excel-nl')).toBe('"Drones;=1+2";"a,=1+3"\r\n');
    expect(csvLine(['Drones', { numeric: '1234,56' }], 'excel-nl')).toBe('Drones;1234,56\r\n');
  });

  it('quotes a text with a tab, so that a spreadsheet that splits on tabs never starts a cell inside it', () => {
    // A multi-line text (a contract's subject, a note) may hold a tab; Excel's text import splits on tabs by default.
    expect(csvLine(['Munitie\t=1+2', 'a'], 'rfc4180')).toBe('"Munitie\t=1+2",a\r\n');
    expect(csvLine(['Munitie\t=1+2', 'a'], 'excel-nl')).toBe('"Munitie\t=1+2";a\r\n');
  });
});
