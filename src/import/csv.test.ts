import { describe, expect, it } from 'vitest';
import { MAX_CELL_CHARACTERS, MAX_IMPORT_ROWS, MAX_ROW_CELLS } from '../../common/import-limits.ts';
import { reason } from '../api/messages.ts';
import { excelSerialDate, garbledText, readCell, readEuroCents } from './cells.ts';
import { readCsv } from './csv.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('reading CSV files', () => {
  it('reads UTF-8 with and without a byte order mark, with commas or semicolons', async () => {
    expect(await readCsv(bytes('\uFEFFa;b\r\nOekraïne;2\r\n'))).toEqual([['a', 'b'], ['Oekraïne', '2']]);
    expect(await readCsv(bytes('a,b\n1,2'))).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('takes the separator the header uses, so that decimal commas in the data stay in their field', async () => {
    expect(await readCsv(bytes('a;b\n1,50;2,25\n'))).toEqual([['a', 'b'], ['1,50', '2,25']]);
  });

  it('reads tab-separated text, as Excel saves "Unicode text" (UTF-16) and "Text (tab delimited)"', async () => {
    const unicodeText = new Uint8Array([0xff, 0xfe, ...Buffer.from('Eigen kenmerk\tTitel\r\nVB-1\t"Radars; type ""X"", 2"\r\n', 'utf16le')]);
    expect(await readCsv(unicodeText)).toEqual([['Eigen kenmerk', 'Titel'], ['VB-1', 'Radars; type "X", 2']]);
    expect(await readCsv(bytes('a\tb,c;d\te\n1,50\t2;3\t4\n'))).toEqual([['a', 'b,c;d', 'e'], ['1,50', '2;3', '4']]);
    expect(await readCsv(bytes('sep=\t\na;b\tc\n'))).toEqual([['a;b', 'c']]);
  });

  it('takes the separator a first line "sep=" names, and leaves that line out as Excel does', async () => {
    expect(await readCsv(bytes('\uFEFFsep=;\r\na,b;c\r\n1,50;2\r\n'))).toEqual([['a,b', 'c'], ['1,50', '2']]);
    expect(await readCsv(bytes('sep=,\na;b,c\n'))).toEqual([['a;b', 'c']]);
    // One it does not know is a line of text like any other, a title: the next line's separator is taken.
    expect(await readCsv(bytes('sep=|\na;b\n'))).toEqual([['sep=|'], ['a', 'b']]);
  });

  it('takes the separator of the first line that has one, passing over a title above the headers', async () => {
    expect(await readCsv(bytes('Leveringen 2025\r\n\r\na;b;c,d\r\n1,50;2;3\r\n'))).toEqual([['Leveringen 2025'], [''], ['a', 'b', 'c,d'], ['1,50', '2', '3']]);
    expect(await readCsv(bytes('a\nb\n'))).toEqual([['a'], ['b']]);
  });

  it('takes the separator of the header line, not of a title above it that holds another', async () => {
    const headers = ['Eigen kenmerk', 'Kenmerk levering', 'Bedrag (€)', 'Grondslag', 'Ingangsdatum'];
    const csv = `Waarderingen, stand 1 september 2025\r\n\r\n${headers.join(';')}\r\nW1;D1;1,50;x;y\r\n`;
    expect(await readCsv(bytes(csv))).toEqual([['Waarderingen, stand 1 september 2025'], [''], headers, ['W1', 'D1', '1,50', 'x', 'y']]);
    // A tab in a title above headers separated by commas.
    expect((await readCsv(bytes(`Titel\tdatum\n${headers.join(',')}\nW1,D1,1.50,x,y\n`))).slice(1)).toEqual([headers, ['W1', 'D1', '1.50', 'x', 'y']]);
  });

  it('keeps separators, line breaks and doubled quotes inside quoted fields (RFC 4180), and blank lines as rows (their numbers count)', async () => {
    expect(await readCsv(bytes('a,b\n"x, ""y""","regel 1\nregel 2"\n\n'))).toEqual([['a', 'b'], ['x, "y"', 'regel 1\nregel 2'], ['']]);
  });

  it('counts only rows with text towards the most rows an import holds', async () => {
    expect(await readCsv(bytes(`a;b\n${';\n'.repeat(MAX_IMPORT_ROWS)}x;y\n`))).toHaveLength(MAX_IMPORT_ROWS + 2);
    await expect(readCsv(bytes(`a;b\n${'x;y\n'.repeat(MAX_IMPORT_ROWS)}`))).rejects.toThrow('tooManyRows');
  });

  it('reads text that is not UTF-8 as Windows-1252, as Excel on Windows saves plain CSV, and UTF-16 by its byte order mark', async () => {
    const windows1252 = new Uint8Array([...bytes('Land;Bedrag\r\nOekra'), 0xef, ...bytes('ne;'), 0x80, ...bytes(' 1.234,56\r\n')]);
    expect(await readCsv(windows1252)).toEqual([['Land', 'Bedrag'], ['Oekraïne', '€ 1.234,56']]);
    const utf16 = (encoding: 'utf16le' | 'ucs2', mark: number[], text: string) => new Uint8Array([...mark, ...Buffer.from(text, encoding)]);
    expect(await readCsv(utf16('utf16le', [0xff, 0xfe], 'a;b\r\nOekraïne;€ 2\r\n'))).toEqual([['a', 'b'], ['Oekraïne', '€ 2']]);
    const bigEndian = Buffer.from('a,b\nx,ï\n', 'utf16le').swap16();
    expect(await readCsv(new Uint8Array([0xfe, 0xff, ...bigEndian]))).toEqual([['a', 'b'], ['x', 'ï']]);
  });

  it('refuses UTF-8 with a stray byte by its row, rather than reading every accent of it as Windows-1252', async () => {
    const stray = new Uint8Array([...bytes('Land;Titel\nOekraïne;Tenten\nOekraïne;Caf'), 0xe9, ...bytes('\n')]);
    await expect(readCsv(stray)).rejects.toThrow(expect.objectContaining({ code: 'brokenUtf8', row: 3 }));
  });

  it('refuses an unclosed quote, and UTF-16 that does not decode, by its row', async () => {
    await expect(readCsv(bytes('a,b\n"x,1\n'))).rejects.toThrow('unclosedQuote');
    // A quote opened on row 3 and closed on row 4 by the inch mark of another cell would take row 4 into row 3's cell.
    await expect(readCsv(bytes('a;b\nx;1\n"Leopard 2A4;2\nLoop 12" lang;3\ny;4\n'))).rejects.toThrow(expect.objectContaining({ code: 'textAfterQuote', row: 3, closedRow: 4 }));
    await expect(readCsv(bytes('a;b\n"x"y;1\n'))).rejects.toThrow(expect.objectContaining({ code: 'textAfterQuote', row: 2, closedRow: 2 }));
    // A cell longer than a spreadsheet's is refused when seen, not after megabytes have been read into it.
    await expect(readCsv(bytes(`a;b\nx;1\ny;${'z'.repeat(MAX_CELL_CHARACTERS + 1)}\n`))).rejects.toThrow(expect.objectContaining({ code: 'cellTooLong', row: 3 }));
    expect(await readCsv(bytes(`a;b\ny;${'z'.repeat(MAX_CELL_CHARACTERS)}\n`))).toEqual([['a', 'b'], ['y', 'z'.repeat(MAX_CELL_CHARACTERS)]]);
    await expect(readCsv(bytes(`a;b\n${';'.repeat(MAX_ROW_CELLS)}\n`))).rejects.toThrow(expect.objectContaining({ code: 'tooManyColumns', row: 2 }));
    expect((await readCsv(bytes(`a;b\n${';'.repeat(MAX_ROW_CELLS - 1)}\n`)))[1]).toHaveLength(MAX_ROW_CELLS);
    expect(await readCsv(bytes('a;b\n"x" ;"y"\r\n"z\r\nw";"1 ""2"""\n'))).toEqual([['a', 'b'], ['x ', 'y'], ['z\r\nw', '1 "2"']]);
    // A high surrogate (0xD800) with no low surrogate after it, on the second row.
    const broken = new Uint8Array([0xff, 0xfe, ...Buffer.from('a;b\nx;', 'utf16le'), 0x00, 0xd8, ...Buffer.from('\n', 'utf16le')]);
    await expect(readCsv(broken)).rejects.toThrow(expect.objectContaining({ code: 'brokenUtf16', row: 2 }));
  });
});

describe('reading euro amounts', () => {
  it.each([
    ['€ 1.234,56', 123_456],
    ['1234,5', 123_450],
    ['1.234', 123_400],
    ['1234.56', 123_456],
    ['EUR 12', 1200],
    ['1.234.567,89', 123_456_789],
    [1234.56, 123_456],
    // Beyond € 100 million the binary number times 100 is off by more than a millionth of a cent.
    [139_455_647.55, 13_945_564_755],
    [99_999_999_999.99, 9_999_999_999_999],
    [-0.07, -7],
    ['-5,00', -500],
    ['1.234,56 €', 123_456],
    ['€ 100.000.000.000', 10_000_000_000_000],
    ['€ 250,-', 25_000],
    ['1.234,--', 123_400],
    ['250,– €', 25_000],
    ['-€ 1.234,56', -123_456],
    ['€ -1.234,56', -123_456],
    ['1,234.56', 123_456],
    ['1,234,567 €', 123_456_700],
    // A negative as accountants write one: the rule it breaks is said, not that it is no amount.
    ['(1.234,56)', -123_456],
    ['€ (1.234,56)', -123_456],
    ['(€ 1.234,56)', -123_456],
    ['1.234,56-', -123_456],
    ['€ 1.234,56 -', -123_456],
    ['12,50-', -1_250],
    ['(€ 250,-)', -25_000],
    ['–1.234,56', -123_456],
    ['€ −1.234,56', -123_456],
  ])('reads %s as %i cents', (cell, cents) => {
    expect(readEuroCents(cell)).toEqual({ value: cents });
  });

  it.each(['1,234', '€ 12,345', '-12,345 €', '(1,234)'])('refuses %s as one it could read two ways, showing it as typed', (cell) => {
    expect(readEuroCents(cell)).toEqual({ fault: 'amountAmbiguous', params: { shown: cell } });
  });

  it.each(['twaalf', '1.23.4', '1,2,3', '1,234.5.6', '1e5', ',-', '€ -', '(-5)', '(5', '5)', '5--', '()'])('refuses %s rather than guess', (cell) => {
    expect(readEuroCents(cell)).toEqual({ fault: 'notAnAmount' });
  });

  // A cell formatted as "€ 1.234,57" may hold 1234.567, the result of a formula: its user sees nothing to correct.
  it('says of a number with fractions of a cent that it has more than two decimals, showing them, in Dutch and English', () => {
    expect([readEuroCents(0.1 + 0.2), readEuroCents(0.001), readEuroCents(1.234), readEuroCents(1e-7)]).toEqual([
      { value: 30 },
      { fault: 'amountBeyondCents', params: { shown: '0.001' } },
      { fault: 'amountBeyondCents', params: { shown: '1.234' } },
      { fault: 'amountBeyondCents', params: { shown: '1e-7' } },
    ]);
    const params = { shown: '1234.567' };
    expect(readEuroCents(1234.567)).toEqual({ fault: 'amountBeyondCents', params });
    expect([reason('nl', 'amountBeyondCents', params), reason('en', 'amountBeyondCents', params)]).toEqual([
      'Dit bedrag heeft meer dan twee cijfers achter de komma (1234,567), ook al toont de cel het afgerond; rond het af op hele centen, bijvoorbeeld met AFRONDEN(…; 2).',
      'This amount has more than two decimals (1234.567), though the cell may show it rounded; round it to whole cents, for example with ROUND(…, 2).',
    ]);
  });

  it.each(['99999999999999999999', '100.000.000.000,01', 1e20])('says %s is too large, not that it is no amount', (cell) => {
    expect(readEuroCents(cell)).toEqual({ fault: 'amountTooLarge' });
  });
});

describe('reading amounts typed with a sign or too many decimals', () => {
  it.each([
    ['+1.234,56', { value: 123_456 }],
    ['€ +12,00', { value: 1_200 }],
    ['1.234,567', { fault: 'amountTextBeyondCents', params: { shown: '1.234,567' } }],
    ['€ 1234.5678', { fault: 'amountTextBeyondCents', params: { shown: '€ 1234.5678' } }],
    ['12.3456', { fault: 'amountTextBeyondCents', params: { shown: '12.3456' } }],
    ['1,234', { fault: 'amountAmbiguous', params: { shown: '1,234' } }],
  ])('reads %s as %o', (cell, reading) => {
    expect(readEuroCents(cell)).toEqual(reading);
  });
});

describe('reading counts', () => {
  it.each([
    ['12', { value: 12 }],
    [' 1.000 ', { value: 1000 }],
    ['1.000.000', { value: 1_000_000 }],
    ['1,000', { fault: 'numberAmbiguous', params: { shown: '1,000' } }],
    ['1.5', { fault: 'notWholeNumber' }],
    ['1.00', { fault: 'notWholeNumber' }],
    // Read, for the column's range to refuse as it refuses a cell holding -3.
    ['-3', { value: -3 }],
  ])('reads %s as %o', (cell, reading) => {
    expect(readCell('count', cell)).toEqual(reading);
  });
});

describe('reading dates', () => {
  it.each([
    ['2025-09-10', '2025-09-10'],
    ['10-9-2025', '2025-09-10'],
    ['10/09/2025', '2025-09-10'],
    ['2025-09-10 14:30', '2025-09-10'],
    ['2025-09-10T00:00:00', '2025-09-10'],
    ['10-9-2025 14:30:05', '2025-09-10'],
    // As Dutch Excel reads them, and saves date cells so formatted in a CSV file (see text-dates.test.ts).
    ['2025/09/10', '2025-09-10'],
    ['10-9-25', '2025-09-10'],
    ['10-sep-25', '2025-09-10'],
    ['10 september 2025', '2025-09-10'],
  ])('reads %s as %s', (cell, date) => {
    expect(readCell('date', cell)).toEqual({ value: date });
  });

  it.each(['abc', '10-9-202', '45909', '2025-09-10 25:61x', '10 septober 2025'])('refuses %s as no date, saying what it read', (cell) => {
    expect(readCell('date', cell)).toEqual({ fault: 'notADate', params: { shown: cell } });
  });

  it.each(['31-02-2025', '2025-13-01', '29 februari 2025', '2025-02-31T10:00:00Z'])('refuses %s as a date that does not exist, saying what it read', (cell) => {
    expect(readCell('date', cell)).toEqual({ fault: 'noSuchDate', params: { shown: cell } });
  });

  it('reads Excel serial numbers in the 1900 and 1904 date systems', () => {
    expect([excelSerialDate(45_910, false), excelSerialDate(44_448, true), excelSerialDate(45_910.99, false), excelSerialDate(-1, false), excelSerialDate(1e9, false)]).toEqual([
      '2025-09-10',
      '2025-09-10',
      '2025-09-10',
      undefined,
      undefined,
    ]);
  });
});

describe('reading choices', () => {
  it.each([
    ['Directe  levering uit\u00a0voorraad', { value: 'stock' }],
    ['Stock', { value: 'stock' }],
    ['Directe levering', { fault: 'invalidChoice', params: { list: 'supportType' } }],
  ])('reads %s as %o, whatever its spaces', (cell, reading) => {
    expect(readCell({ list: 'supportType' }, cell)).toEqual(reading);
  });

  it.each([
    ['steunfonds oekraine', 'ukraineSupportBudget'],
    ['STEUNFONDS OEKRAÏNE', 'ukraineSupportBudget'],
    ['Steunfonds Oekraïne', 'ukraineSupportBudget'],
  ])('reads %s as %s, whatever its accents and capitals', (cell, code) => {
    expect(readCell({ list: 'fundingSource' }, cell)).toEqual({ value: code });
  });

  // A cell holding TRUE or FALSE is read as "true" or "false"; Dutch Excel shows it, and saves it in CSV, as WAAR or ONWAAR.
  it.each([
    ['Ja', true],
    ['no', false],
    ['true', true],
    ['WAAR', true],
    ['false', false],
    [' Onwaar ', false],
  ])('reads %s in a yes/no column as %s', (cell, value) => {
    expect(readCell({ list: 'yesNo' }, cell)).toEqual({ value });
  });
});

describe('reading text garbled by a wrong character set', () => {
  // UTF-8 read as Windows-1252 and saved again: Excel does so with a CSV file without a byte order mark.
  it.each([
    ['Levering aan OekraÃ¯ne', 'OekraÃ¯ne', 'Oekraïne'],
    ['CommerciÃ«le verwerving', 'CommerciÃ«le', 'Commerciële'],
    ['Ministerieâ€™s brief', 'Ministerieâ€™s', 'Ministerie’s'],
    ['Ã‰Ã‰N', 'Ã‰Ã‰N', 'ÉÉN'],
    ['Ð£ÐºÑ€Ð°Ñ—Ð½Ð°', 'Ð£ÐºÑ€Ð°Ñ—Ð½Ð°', 'Україна'],
    ['ï»¿Eigen kenmerk', 'ï»¿Eigen', 'Eigen'],
    ['10Â\u00a0stuks', '10Â\u00a0stuks', '10\u00a0stuks'],
  ])('refuses %s in any column, naming %s and what it stood for', (cell, shown, meant) => {
    expect(garbledText(cell)).toEqual({ shown, meant });
    expect(readCell('text', cell)).toEqual({ fault: 'garbledText', params: { shown, meant } });
    expect(readCell({ list: 'fundingSource' }, cell)).toMatchObject({ fault: 'garbledText' });
  });

  it.each(['Oekraïne', 'België’s', 'São Paulo', 'Zürich', 'CAFÉ”', '3×½', 'Ø 155 mm', 'Україна', 'privé…”', 'naïef'])('reads %s as it is', (text) => {
    expect(readCell('text', text)).toEqual({ value: text });
  });

  it('says so in Dutch and English', () => {
    const params = { shown: 'OekraÃ¯ne', meant: 'Oekraïne' };
    expect([reason('nl', 'garbledText', params), reason('en', 'garbledText', params)]).toEqual([
      'Deze tekst is verminkt door een verkeerde tekenset: OekraÃ¯ne staat er waarschijnlijk voor Oekraïne. Het bestand is ergens als Windows-1252 gelezen en weer als UTF-8 opgeslagen; herstel de tekst, of maak het bestand opnieuw uit het oorspronkelijke.',
      'This text was garbled by a wrong character set: OekraÃ¯ne probably stands for Oekraïne. The file was read as Windows-1252 somewhere and saved again as UTF-8; correct the text, or make the file again from the original.',
    ]);
  });
});
