import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_CELLS, MAX_IMPORT_ROWS, MAX_WORKBOOK_UNPACKED_BYTES } from '../../common/import-limits.ts';
import { officeDocument, openDocument, POWERPOINT_PRESENTATION, WORD_DOCUMENT } from '../../test/support/office-files.ts';
import { headers, isoDate, number, rawWorkbook, row, text } from '../../test/support/raw-workbook.ts';
import { readImportFile, UnreadableFileError, type ReadSheet } from './read-file.ts';

const csv = (content: string) => new TextEncoder().encode(content);
const VALUATION_HEADERS = ['Eigen kenmerk', 'Kenmerk levering', 'Bedrag (€)', 'Grondslag', 'Ingangsdatum'];
const refusal = (fileName: string, bytes: Uint8Array) =>
  readImportFile(fileName, bytes).then(
    () => undefined,
    (error: { code: string; params: Record<string, string> }) => ({ code: error.code, params: error.params }),
  );
/** A ZIP archive whose directory says its one part unpacks to this many bytes (as one that truly does would say). */
function withStatedSize(archive: Uint8Array, size: number): Uint8Array {
  const view = new DataView(archive.buffer, archive.byteOffset, archive.byteLength);
  for (let offset = 0; offset < archive.length - 4; offset++) {
    if (view.getUint32(offset, true) === 0x02014b50) view.setUint32(offset + 24, size, true);
  }
  return archive;
}
/** The sheets of a file that records are taken from. */
const sheetsOf = async (fileName: string, bytes: Uint8Array) => (await readImportFile(fileName, bytes)).sheets;
const headerFaults = (sheet: ReadSheet) => sheet.headerFaults.map((fault) => `${fault.letter ?? '-'} ${fault.header}: ${fault.code}`);

describe('reading an import file', () => {
  it('numbers rows as a spreadsheet shows them, blank rows and quoted line breaks included', async () => {
    const [sheet] = await sheetsOf('w.csv', csv(`${VALUATION_HEADERS.join(';')}\r\nW1;D1;"1\n0";x;y\r\n;;;;\r\n\r\nW2;D1;1;x;y\r\n`));
    expect(sheet!.rows.map((read) => [read.rowNumber, read.cells.get('externalReference')])).toEqual([
      [2, 'W1'],
      [5, 'W2'],
    ]);
  });

  it('knows a header in either language, in any case or spacing, with or without its unit', async () => {
    const [sheet] = await sheetsOf('w.csv', csv(' EXTERNAL  reference ,kenmerk levering,Amount,Basis (€),effective DATE\nW1,D1,1,x,y\n'));
    expect([sheet!.definition.sheet, headerFaults(sheet!), sheet!.rows[0]!.cells.get('amountCents')]).toEqual(['valuation', [], '1']);
  });

  it('knows a header with both languages however the slash between them is spaced, and with its unit written out', async () => {
    const [sheet] = await sheetsOf('w.csv', csv('Eigen kenmerk/External reference;Kenmerk levering /Delivery reference;Bedrag in €;Grondslag;Ingangsdatum\nW1;D1;1;x;y\n'));
    expect([sheet!.definition.sheet, headerFaults(sheet!)]).toEqual(['valuation', []]);
    const [euro] = await sheetsOf('w.csv', csv('Eigen kenmerk;Kenmerk levering;Bedrag €;Grondslag;Ingangsdatum\nW1;D1;1;x;y\n'));
    expect(headerFaults(euro!)).toEqual([]);
  });

  it('knows a header with a colon after it, as a form labels its fields', async () => {
    const [sheet] = await sheetsOf('w.csv', csv('Eigen kenmerk:;Kenmerk levering :;Bedrag (€):;Grondslag:;Ingangsdatum:\nW1;D1;1;x;y\n'));
    expect([sheet!.definition.sheet, headerFaults(sheet!)]).toEqual(['valuation', []]);
  });

  it('knows a header marked as required or optional, by an asterisk before or after it or in words', async () => {
    const [sheet] = await sheetsOf('w.csv', csv('Eigen kenmerk *;Kenmerk levering*;* Bedrag (€);Grondslag (verplicht);Ingangsdatum (Required):;Toelichting (optioneel)\nW1;D1;1;x;y;z\n'));
    expect([sheet!.definition.sheet, headerFaults(sheet!), [...sheet!.columns.keys()]]).toEqual(['valuation', [], ['externalReference', 'deliveryReference', 'amountCents', 'basis', 'effectiveDate', 'note']]);
    const [bilingual] = await sheetsOf('w.csv', csv('Eigen kenmerk / External reference *;Kenmerk levering* / Delivery reference*;Bedrag (€) *;Grondslag;Ingangsdatum\nW1;D1;1;x;y\n'));
    expect(headerFaults(bilingual!)).toEqual([]);
    // A mark is no header: a column of only asterisks is not the template's.
    const [marked] = await sheetsOf('w.csv', csv(`${VALUATION_HEADERS.join(';')};*\nW1;D1;1;x;y;z\n`));
    expect(headerFaults(marked!)).toEqual(['F *: unknownColumn']);
  });

  it('finds the headers below a title, a subtitle and blank rows, merged over the columns or not, and numbers the rows as the sheet does', async () => {
    const workbook = new ExcelJS.Workbook();
    const worksheet = workbook.addWorksheet('Waarderingen');
    worksheet.addRows([['Waarderingen Oekraïne 2025'], ['Stand per 1 september 2025'], [], VALUATION_HEADERS, ['W1', 'D1', 1, 'x', 'y'], [], ['W2', 'D1', 2, 'x', 'y']]);
    worksheet.mergeCells('A1:E1');
    const [sheet] = await sheetsOf('map.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect([sheet!.headerRowNumber, headerFaults(sheet!), sheet!.rows.map((read) => [read.rowNumber, read.cells.get('externalReference')])]).toEqual([
      4,
      [],
      [
        [5, 'W1'],
        [7, 'W2'],
      ],
    ]);

    // A title line of a CSV file has no separator, or the ones Excel pads it with: the header line decides.
    for (const title of ['Waarderingen 2025', 'Waarderingen, stand 2025;;;;']) {
      const [fromCsv] = await sheetsOf('w.csv', csv(`${title}\r\n${VALUATION_HEADERS.join(';')}\r\nW1;D1;1,50;x;y\r\n`));
      expect([fromCsv!.headerRowNumber, fromCsv!.rows.map((read) => [read.rowNumber, read.cells.get('amountCents')])]).toEqual([2, [[3, '1,50']]]);
    }
  });

  it('finds the headers below a title with its date beside it, and down to row 10', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Gedateerd').addRows([['Waarderingen Oekraïne', new Date('2025-09-01T00:00:00Z')], VALUATION_HEADERS, ['W1', 'D1', 1, 'x', 'y']]);
    workbook.addWorksheet('Rij 7').addRows([['Waarderingen'], [], ['Stand per', '1-9-2025'], [], ['Opgesteld door', 'J. de Vries'], [], VALUATION_HEADERS, ['W2', 'D1', 1, 'x', 'y']]);
    const { sheets, sheetsNotTaken } = await readImportFile('map.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect([sheets.map((sheet) => [sheet.name, sheet.headerRowNumber, sheet.rows.map((read) => read.rowNumber)]), sheetsNotTaken]).toEqual([
      [
        ['Gedateerd', 2, [3]],
        ['Rij 7', 7, [8]],
      ],
      [],
    ]);
    const onRow10 = await sheetsOf('w.csv', csv(`Waarderingen\r\n${'\r\n'.repeat(8)}${VALUATION_HEADERS.join(';')}\r\nW1;D1;1;x;y\r\n`));
    expect(onRow10.map((sheet) => sheet.headerRowNumber)).toEqual([10]);
  });

  it('takes no sheet whose headers have a row of more than a title above them, nor headers below row 10, so that no row is left out unseen', async () => {
    const dataAbove = `W0;D1;1;x;y\r\n${VALUATION_HEADERS.join(';')}\r\nW1;D1;1;x;y\r\n`;
    const twoHeaderRows = `Waardering;;Bedrag;;Datum\r\n${VALUATION_HEADERS.join(';')}\r\nW1;D1;1;x;y\r\n`;
    const farDown = `${'Titel\r\n'.repeat(10)}${VALUATION_HEADERS.join(';')}\r\nW1;D1;1;x;y\r\n`;
    for (const content of [dataAbove, twoHeaderRows, farDown]) expect(await refusal('w.csv', csv(content))).toEqual({ code: 'noKnownSheet', params: {} });
  });

  it('says, when no sheet is taken, why each sheet with a table was not', async () => {
    const dataAbove = `W0;D1;1;x;y\r\n${VALUATION_HEADERS.join(';')}\r\nW1;D1;1;x;y\r\n`;
    const refused = await readImportFile('w.csv', csv(dataAbove)).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(UnreadableFileError);
    expect((refused as UnreadableFileError).sheetsNotTaken).toEqual([{ name: 'w.csv', code: 'rowAboveHeaders', params: { row: '1', headerRow: '2' } }]);
  });

  it('names each visible sheet with a table that no rows are taken from, and why, beside the sheets that are taken', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Waarderingen').addRows([VALUATION_HEADERS, ['W1', 'D1', 1, 'x', 'y']]);
    workbook.addWorksheet('Betalingen').addRows([['B0', 'D1', 5, '2025-06-01'], ['Eigen kenmerk', 'Kenmerk levering', 'Bedrag', 'Betaald op'], ['B1', 'D1', 5, '2025-06-01']]);
    workbook.addWorksheet('Overzicht').addRows([['Levering', 'Waarde'], ['D1', 1]]);
    // Notes in one column, as the template's instructions are; an empty sheet; a hidden one: no table the user would miss.
    workbook.addWorksheet('Uitleg').addRows([['Vul per blad één regel in.'], ['Bedragen in euro.']]);
    workbook.addWorksheet('Leeg');
    workbook.addWorksheet('Lijsten', { state: 'hidden' }).addRows([['a', 'b']]);
    const { sheets, sheetsNotTaken } = await readImportFile('map.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect([sheets.map((sheet) => sheet.name), sheetsNotTaken]).toEqual([
      ['Waarderingen'],
      [
        { name: 'Betalingen', code: 'rowAboveHeaders', params: { row: '1', headerRow: '2' } },
        { name: 'Overzicht', code: 'noColumnHeaders', params: { rows: '10' } },
      ],
    ]);
  });

  it('reads a sheet of Excel\'s "Unicode text" (UTF-16, tab-separated, saved as .txt) by its headers', async () => {
    const unicodeText = Buffer.from(`\uFEFF${VALUATION_HEADERS.join('\t')}\r\nW1\tD1\t€ 1.234,56\treplacementValue\t2025-03-01\r\n`, 'utf16le');
    const [sheet] = await sheetsOf('Waarderingen.txt', new Uint8Array(unicodeText));
    expect([sheet!.definition.sheet, headerFaults(sheet!), sheet!.rows[0]!.cells.get('amountCents')]).toEqual(['valuation', [], '€ 1.234,56']);
  });

  it.each([
    ['a column the template does not have', [...VALUATION_HEADERS, 'Bedrag ex btw'], ['F Bedrag ex btw: unknownColumn']],
    ['a column twice', [...VALUATION_HEADERS, 'Amount'], ['F Amount: duplicateColumn']],
    // Its header deleted, the column's values are no one's: they are said too.
    ['a required column missing', VALUATION_HEADERS.slice(0, 4), ['- Ingangsdatum / Effective date: missingColumn', 'E : unheadedColumn', 'F : unheadedColumn']],
    ['values in a column without a header', [...VALUATION_HEADERS, ''], ['F : unheadedColumn']],
  ])('says so when a sheet has %s, rather than leave data out unseen', async (_case, names, faults) => {
    const [sheet] = await sheetsOf('w.csv', csv(`${names.join(';')}\nW1;D1;1;x;y;z\n`));
    expect(headerFaults(sheet!)).toEqual(faults);
  });

  it('says of a header spread over two rows which cells to put together, in place of a column unknown or missing', async () => {
    const headerFaultsWithCells = (sheet: ReadSheet) => sheet.headerFaults.map((fault) => `${fault.letter ?? '-'} ${fault.header}: ${fault.code} ${fault.params.cell ?? ''}`.trim());
    // Words broken over the header row and the row below it, which would be read as data.
    const [below] = await sheetsOf('b.csv', csv('Eigen kenmerk;Kenmerk levering;Bedrag;Betaald\r\n;;in euro;op\r\nB1;D1;5;2025-06-01\r\n'));
    expect([below!.definition.sheet, headerFaultsWithCells(below!)]).toEqual(['payment', ['C Bedrag: headerOverTwoRows C2', 'D Betaald: headerOverTwoRows D2']]);
    expect(below!.headerFaults[1]!.params).toEqual({ cell: 'D2', other: 'op', column: 'Betaald op / Paid on' });
    // The row below is a row of the headers: no row of data.
    expect(below!.rows.map((read) => read.rowNumber)).toEqual([3]);
    // Words broken over the header row and a row above it, a title row of no more than two values.
    const [above] = await sheetsOf('b.csv', csv(';Kenmerk;;Betaald\r\nEigen kenmerk;levering;Bedrag;op\r\nB1;D1;5;2025-06-01\r\n'));
    expect(headerFaultsWithCells(above!)).toEqual(['B levering: headerOverTwoRows B1', 'D op: headerOverTwoRows D1']);

    // A title merged over a group of columns, their own headers below it; the other headers merged over both rows.
    const workbook = new ExcelJS.Workbook();
    const worksheet = workbook.addWorksheet('Betalingen');
    worksheet.addRows([
      ['Eigen kenmerk', 'Kenmerk levering', 'Betaling', null, 'Betalingskenmerk'],
      [null, null, 'Bedrag (€)', 'Betaald op', null],
      ['B1', 'D1', 5, '2025-06-01', 'F-1'],
    ]);
    for (const range of ['A1:A2', 'B1:B2', 'C1:D1', 'E1:E2']) worksheet.mergeCells(range);
    const [grouped] = await sheetsOf('map.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(headerFaultsWithCells(grouped!)).toEqual(['C Betaling: headerOverTwoRows C2', 'D : headerOverTwoRows D2']);
    expect(grouped!.rows.map((read) => [read.rowNumber, read.cells.get('externalReference')])).toEqual([[3, 'B1']]);
    // Its cell in the header row empty, the other cell holds the whole header.
    expect(grouped!.headerFaults.map((fault) => fault.params.whole ?? null)).toEqual([null, 'yes']);
  });

  it('takes the row below the headers for headers, not data, when it holds a part of one: each other text in it is a part of its column\'s header', async () => {
    const headerFaultsWithCells = (sheet: ReadSheet) => sheet.headerFaults.map((fault) => `${fault.letter} ${fault.code} ${fault.params.cell} ${fault.params.other}`);
    // The headers in Dutch with the English below them, as a bilingual sheet has them: read as data, they made a company.
    const [bilingual] = await sheetsOf('c.csv', csv('Eigen kenmerk;Naam bedrijf;Land\r\nExternal reference;Company name;Country\r\nC1;Acme;NL\r\n'));
    expect([headerFaultsWithCells(bilingual!), bilingual!.rows.map((read) => read.rowNumber)]).toEqual([['A headerOverTwoRows A2 External reference', 'B headerOverTwoRows B2 Company name', 'C headerOverTwoRows C2 Country'], [3]]);
    // A remark below a header in a row of headers is said, not left out; a column without a header keeps its own fault.
    const [remarks] = await sheetsOf('b.csv', csv('Eigen kenmerk;Kenmerk levering;Bedrag;Betaald op;\r\n(tekst);;in euro;;zie noot\r\nB1;D1;5;2025-06-01;\r\n'));
    expect([headerFaults(remarks!), remarks!.rows.map((read) => read.rowNumber)]).toEqual([['E : unheadedColumn', 'A Eigen kenmerk: headerOverTwoRows', 'C Bedrag: headerOverTwoRows'], [3]]);
    // Without a part of a header below the headers, the row below is data, whatever it holds.
    const [plain] = await sheetsOf('b.csv', csv('Eigen kenmerk;Kenmerk levering;Bedrag;Betaald op\r\n(tekst);D1;5;2025-06-01\r\n'));
    expect([headerFaults(plain!), plain!.rows.map((read) => read.rowNumber)]).toEqual([[], [2]]);
  });

  it('skips a row of notes on the columns right below the headers, by what its cells say, and reads the rows below it', async () => {
    const notes = async (content: string) => {
      const [sheet] = await sheetsOf('w.csv', csv(content));
      return [sheet!.notesRowNumber, headerFaults(sheet!), sheet!.rows.map((read) => read.rowNumber)];
    };
    const headed = `Titel\r\n${VALUATION_HEADERS.join(';')};Toelichting\r\n`;
    expect(await notes(`${headed}(verplicht);verplicht;bedrag in euro;(verplicht) kies uit de lijst;JJJJ-MM-DD;(optioneel)\r\nW1;D1;1;x;y;z\r\nW2;D1;2;x;y;\r\n`)).toEqual([3, [], [4, 5]]);
    // A hint under a few columns only, in English; "bedrag in euro" below "Bedrag" is a note, not a part of the header.
    expect(await notes(`${VALUATION_HEADERS.join(';')}\r\n(required);;amount in euros;;YYYY-MM-DD\r\nW1;D1;1;x;y\r\n`)).toEqual([2, [], [3]]);
    // A note in a column without a header is no value left out.
    expect(await notes(`${VALUATION_HEADERS.join(';')}\r\n;;;;JJJJ-MM-DD;verplicht\r\nW1;D1;1;x;y\r\n`)).toEqual([2, [], [3]]);
    // Below headers over two rows, the row of notes is the one after them.
    expect(await notes('Eigen kenmerk;Kenmerk levering;Bedrag;Betaald\r\n;;;op\r\nverplicht;verplicht;in euro;JJJJ-MM-DD\r\nB1;D1;5;2025-06-01\r\n')).toEqual([3, ['D Betaald: headerOverTwoRows'], [4]]);
  });

  it('reads a row right below the headers as data when a value of it is no note, however many of its cells are', async () => {
    const rowsOf = async (content: string) => {
      const [sheet] = await sheetsOf('w.csv', csv(content));
      return [sheet!.notesRowNumber, sheet!.rows.map((read) => [read.rowNumber, read.cells.get('externalReference') || null])];
    };
    // A reference, an amount or a date among notes makes a row of data, which is refused for what it lacks rather than left out unseen.
    expect(await rowsOf(`${VALUATION_HEADERS.join(';')}\r\nW1;verplicht;optioneel;verplicht;JJJJ-MM-DD\r\n`)).toEqual([undefined, [[2, 'W1']]]);
    expect(await rowsOf(`${VALUATION_HEADERS.join(';')}\r\n;verplicht;12;verplicht;JJJJ-MM-DD\r\n`)).toEqual([undefined, [[2, null]]]);
    expect(await rowsOf(`${VALUATION_HEADERS.join(';')}\r\n;verplicht;;;2025-06-01\r\n`)).toEqual([undefined, [[2, null]]]);
    // A row of notes further down is data: only the row right below the headers is taken for one.
    expect(await rowsOf(`${VALUATION_HEADERS.join(';')}\r\nW1;D1;1;x;y\r\n(verplicht);;;;\r\n`)).toEqual([undefined, [[2, 'W1'], [3, '(verplicht)']]]);
  });

  it('says of a sheet whose headers only two rows have together that they are spread over those rows, by a header they split', async () => {
    const refused = await readImportFile('b.csv', csv('Eigen;Kenmerk;Bedrag;Betaald\r\nkenmerk;levering;(€);op\r\nB1;D1;5;2025-06-01\r\n')).catch((error: unknown) => error);
    expect((refused as UnreadableFileError).sheetsNotTaken).toEqual([{ name: 'b.csv', code: 'headersOverTwoRows', params: { row: '1', nextRow: '2', letter: 'A', header: 'Eigen kenmerk' } }]);
  });

  it('says of a sheet whose headers are staggered over two rows, each column headed on one of them, which cells to move to which row', async () => {
    const notTaken = async (content: string) => ((await readImportFile('s.csv', csv(content)).catch((error: unknown) => error)) as UnreadableFileError).sheetsNotTaken;
    // Neither row has two of the template's headers: into the upper row, on a tie.
    expect(await notTaken('Eigen kenmerk;;Opmerking;\r\n;Naam bedrijf;;Status\r\nC1;Acme;;\r\n')).toEqual([{ name: 's.csv', code: 'headersStaggered', params: { row: '1', otherRow: '2', cells: 'B2, D2', to: 'B1, D1' } }]);
    // The lower row has the most of them, below a row of more than a title: into the lower row, the upper one's other headers too.
    expect(await notTaken('Eigen kenmerk;;Opmerking;Status\r\n;Naam bedrijf;;;Land\r\nC1;Acme;;;NL\r\n')).toEqual([{ name: 's.csv', code: 'headersStaggered', params: { row: '2', otherRow: '1', cells: 'A1, C1, D1', to: 'A2, C2, D2' } }]);
    // Below a title; a sheet whose two rows both head a column is not staggered.
    expect(await notTaken('Bedrijven\r\n;Naam bedrijf;;Status\r\nEigen kenmerk;;Opmerking;\r\nC1;Acme;;\r\n')).toEqual([{ name: 's.csv', code: 'headersStaggered', params: { row: '2', otherRow: '3', cells: 'A3, C3', to: 'A2, C2' } }]);
    expect(await notTaken('Eigen kenmerk;Opmerking;;\r\nNotitie;;Naam bedrijf;Status\r\nC1;;Acme;\r\n')).toEqual([{ name: 's.csv', code: 'noColumnHeaders', params: { rows: '10' } }]);
  });

  it('says of a column the template does not have that it is hidden, when the workbook hides it', async () => {
    const workbook = new ExcelJS.Workbook();
    const worksheet = workbook.addWorksheet('Waarderingen');
    worksheet.addRows([[...VALUATION_HEADERS, 'Hulpkolom', 'Opmerking'], ['W1', 'D1', 1, 'x', 'y', 'VLOOKUP', 'zie mail']]);
    worksheet.getColumn(6).hidden = true;
    const [sheet] = await sheetsOf('map.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(sheet!.headerFaults.map((fault) => [fault.letter, fault.code, fault.params])).toEqual([
      ['F', 'unknownColumn', { hidden: 'yes' }],
      ['G', 'unknownColumn', {}],
    ]);
  });

  it('keeps whether a sheet is hidden or very hidden, as the workbook says', async () => {
    const workbook = new ExcelJS.Workbook();
    for (const state of ['visible', 'hidden', 'veryHidden'] as const) workbook.addWorksheet(state, { state }).addRows([VALUATION_HEADERS, ['W1', 'D1', 1, 'x', 'y']]);
    const sheets = await sheetsOf('map.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(sheets.map((sheet) => [sheet.name, sheet.visibility])).toEqual([
      ['visible', 'visible'],
      ['hidden', 'hidden'],
      ['veryHidden', 'veryHidden'],
    ]);
    expect((await sheetsOf('w.csv', csv(`${VALUATION_HEADERS.join(';')}\nW1;D1;1;x;y\n`)))[0]!.visibility).toBe('visible');
  });

  it('reports a sheet of a workbook that lacks a column instead of skipping it, beside a complete one', async () => {
    const workbook = rawWorkbook([
      { name: 'Waarderingen', rows: headers(VALUATION_HEADERS) + row(2, [text('A2', 'W1'), text('B2', 'D1'), number('C2', 5), text('D2', 'x'), number('E2', 45_809)]) },
      { name: 'Betalingen', rows: headers(['Eigen kenmerk', 'Kenmerk levering', 'Bedrag']) + row(2, [text('A2', 'B1'), text('B2', 'D1'), number('C2', 5)]) },
      { name: 'Notities', rows: headers(['Wat', 'Wie']) },
    ]);
    const sheets = await sheetsOf('map.xlsx', workbook);
    expect(sheets.map((sheet) => [sheet.name, headerFaults(sheet)])).toEqual([
      ['Waarderingen', []],
      ['Betalingen', ['- Betaald op / Paid on: missingColumn']],
    ]);
  });

  it('reads a number in a date column as Excel counts days, in a 1900 and a 1904 workbook, and says what a formula or error cell lacks', async () => {
    const cells = (serial: number) =>
      headers(VALUATION_HEADERS) +
      row(2, [text('A2', 'W1'), text('B2', 'D1'), '<c r="C2"><f>SUM(X1:X9)</f></c>', '<c r="D2" t="e"><v>#REF!</v></c>', number('E2', serial)]) +
      row(3, [text('A3', 'W2'), text('B3', 'D1'), '<c r="C3"><f>10*2</f><v>20</v></c>', text('D3', 'x'), number('E3', serial + 0.75)]) +
      // A year typed without a day is no day of 1905.
      row(4, [text('A4', 'W3'), text('B4', 'D1'), number('C4', 5), text('D4', 'x'), number('E4', 2025)]);
    for (const [serial, date1904] of [[45_809, false], [44_347, true]] as const) {
      const [sheet] = await sheetsOf('map.xlsx', rawWorkbook([{ name: 'W', rows: cells(serial) }], { date1904 }));
      expect(sheet!.rows.map((read) => [...read.cells.values()])).toEqual([
        ['W1', 'D1', { problem: 'formulaWithoutValue', shown: '=SUM(X1:X9)' }, { problem: 'cellError', shown: '#REF!' }, '2025-06-01'],
        ['W2', 'D1', 20, 'x', '2025-06-01'],
        ['W3', 'D1', 5, 'x', 2025],
      ]);
    }
  });

  it('reads a date cell that holds its date as ISO text (type d) as the day it names, without its time or zone', async () => {
    const cells =
      headers([...VALUATION_HEADERS, 'Toelichting']) +
      row(2, [text('A2', 'W1'), text('B2', 'D1'), number('C2', 5), text('D2', 'x'), isoDate('E2', '2025-03-14'), isoDate('F2', '2025-03-14')]) +
      row(3, [text('A3', 'W2'), text('B3', 'D1'), number('C3', 5), text('D3', 'x'), isoDate('E3', '2025-03-14T23:30:00+02:00')]) +
      row(4, [text('A4', 'W3'), text('B4', 'D1'), number('C4', 5), text('D4', 'x'), '<c r="E4" t="d"><f>DATE(2025,3,14)</f><v>2025-03-14</v></c>']);
    const [sheet] = await sheetsOf('libreoffice.xlsx', rawWorkbook([{ name: 'W', rows: cells }]));
    expect(sheet!.rows.map((read) => [read.cells.get('effectiveDate'), read.cells.get('note') ?? null])).toEqual([
      ['2025-03-14', '2025-03-14'],
      ['2025-03-14', null],
      ['2025-03-14', null],
    ]);
  });

  it('reads a workbook whose sheets are saved in UTF-16, its date cells of type d and its limits as in UTF-8', async () => {
    const cells =
      headers(VALUATION_HEADERS) +
      row(2, [text('A2', 'W1'), text('B2', 'Oekraïne'), number('C2', 5), text('D2', 'x'), isoDate('E2', '2025-03-14T00:00:00Z')]) +
      row(3, [text('A3', 'W2'), text('B3', 'D1'), number('C3', 5), text('D3', 'x'), number('E3', 45_809)]);
    for (const sheetEncoding of ['utf-16le', 'utf-16be'] as const) {
      const [sheet] = await sheetsOf('dotnet.xlsx', rawWorkbook([{ name: 'W', rows: cells }], { sheetEncoding }));
      expect(sheet!.rows.map((read) => [read.cells.get('deliveryReference'), read.cells.get('effectiveDate')])).toEqual([
        ['Oekraïne', '2025-03-14'],
        ['D1', '2025-06-01'],
      ]);
    }
    const tooMany = rawWorkbook([{ name: 'W', rows: '<row/>'.repeat(MAX_IMPORT_ROWS + 1) }], { sheetEncoding: 'utf-16le' });
    expect(await refusal('rijen.xlsx', tooMany)).toEqual({ code: 'tooManyRows', params: { maximum: String(MAX_IMPORT_ROWS) } });
  });

  it('reads a sheet in the character set its XML declaration names, and refuses one that is not in the UTF-8 it says', async () => {
    const cells = headers(VALUATION_HEADERS) + row(2, [text('A2', 'W1'), text('B2', 'Oekraïne'), number('C2', 5), text('D2', 'x'), number('E2', 45_809)]);
    const inLatin1 = (archive: Uint8Array) => {
      const parts = unzipSync(archive);
      const xml = new TextDecoder().decode(parts['xl/worksheets/sheet1.xml']).replace('encoding="UTF-8"', 'encoding="ISO-8859-1"');
      return zipSync({ ...parts, 'xl/worksheets/sheet1.xml': new Uint8Array(Buffer.from(xml, 'latin1')) });
    };
    const [sheet] = await sheetsOf('php.xlsx', inLatin1(rawWorkbook([{ name: 'W', rows: cells }])));
    expect(sheet!.rows[0]!.cells.get('deliveryReference')).toBe('Oekraïne');
    const undeclared = unzipSync(inLatin1(rawWorkbook([{ name: 'W', rows: cells }])));
    const sheetXml = new TextDecoder('latin1').decode(undeclared['xl/worksheets/sheet1.xml']).replace('encoding="ISO-8859-1"', 'encoding="UTF-8"');
    expect(await refusal('kapot.xlsx', zipSync({ ...undeclared, 'xl/worksheets/sheet1.xml': new Uint8Array(Buffer.from(sheetXml, 'latin1')) }))).toEqual({ code: 'notAWorkbook', params: {} });
    // Only in a part whose text is imported: a broken byte in the document's properties is no cell's.
    const properties = new Uint8Array([...new TextEncoder().encode('<?xml version="1.0" encoding="UTF-8"?><Properties><Company>Defensie '), 0xe9, ...new TextEncoder().encode('</Company></Properties>')]);
    expect(await sheetsOf('eigenschappen.xlsx', zipSync({ ...unzipSync(rawWorkbook([{ name: 'W', rows: cells }])), 'docProps/app.xml': properties }))).toHaveLength(1);
  });

  it('reads a merged range once, in its first cell, and a number shown as a percentage as the percentage it shows', async () => {
    const workbook = new ExcelJS.Workbook();
    const worksheet = workbook.addWorksheet('Waarderingen');
    worksheet.addRows([VALUATION_HEADERS, ['W1', 'D1', 1_000_000, 'x', 'y'], ['W2', 'D2', null, 'x', 'y'], [null, null, null, null, null], ['W3', 'D3', 0.15, 'x', 'y']]);
    worksheet.mergeCells('C2:C4');
    worksheet.getCell('C5').numFmt = '0%';
    const [sheet] = await sheetsOf('map.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(sheet!.rows.map((read) => [read.rowNumber, read.cells.get('amountCents')])).toEqual([
      [2, 1_000_000],
      [3, { problem: 'mergedCell', shown: 'C2' }],
      [5, { number: null, shown: '15%' }],
    ]);
  });

  it('gives a number in a format of its own with the text Dutch Excel shows for it, and a number in General format as it is', async () => {
    const workbook = new ExcelJS.Workbook();
    const worksheet = workbook.addWorksheet('Waarderingen');
    worksheet.addRows([VALUATION_HEADERS, [7, 'D1', 1234.5, 'x', 'y'], [42, 'D1', { formula: '0.1+0.2', result: 0.30000000000000004 }, 'x', 'y']]);
    worksheet.getCell('A2').numFmt = '"LEV-"000';
    worksheet.getCell('C2').numFmt = '€ #,##0.00';
    worksheet.getCell('A3').numFmt = '00000';
    const [sheet] = await sheetsOf('map.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(sheet!.rows.map((read) => [read.cells.get('externalReference'), read.cells.get('amountCents')])).toEqual([
      [{ number: 7, shown: 'LEV-007' }, { number: 1234.5, shown: '€ 1.234,50' }],
      [{ number: 42, shown: '00042' }, 0.30000000000000004],
    ]);
  });

  it('reads rows as wide as their header, however far to the right a stray cell is', async () => {
    const rows = Array.from({ length: 20_000 }, (_unused, index) => row(index + 2, [text(`A${index + 2}`, `W${index}`), number(`XFD${index + 2}`, 1)])).join('');
    const [sheet] = await sheetsOf('breed.xlsx', rawWorkbook([{ name: 'W', rows: headers(VALUATION_HEADERS) + rows }]));
    expect(sheet!.rows).toHaveLength(20_000);
  });

  // A header cell in column XFD once made each of these rows 16,384 cells wide: a file of 440 kB took the server's memory.
  it('reads only the cells rows have, however far to the right the header row reaches', { timeout: 30_000 }, async () => {
    const rows = Array.from({ length: 5_000 }, (_unused, index) => row(index + 2, [text(`A${index + 2}`, `W${index}`)])).join('');
    const wideHeader = headers(VALUATION_HEADERS).replace('</row>', `${text('XFD1', 'Opmerking')}</row>`);
    const [sheet] = await sheetsOf('breed.xlsx', rawWorkbook([{ name: 'W', rows: wideHeader + rows }]));
    expect([sheet!.rows.length, headerFaults(sheet!)]).toEqual([5_000, ['XFD Opmerking: unknownColumn']]);
  });

  it.each([
    ['a Word document', () => officeDocument('word/document.xml', WORD_DOCUMENT), 'notASpreadsheet'],
    ['a PowerPoint presentation', () => officeDocument('ppt/presentation.xml', POWERPOINT_PRESENTATION), 'notASpreadsheet'],
    ['an OpenDocument text', () => openDocument('text'), 'notASpreadsheet'],
    ['an OpenDocument spreadsheet', () => openDocument('spreadsheet'), 'openDocumentSpreadsheet'],
    ['a ZIP archive of a text file', () => zipSync({ 'hello.txt': csv('hallo') }), 'zipArchive'],
    ['a zipped CSV file', () => zipSync({ 'waarderingen.csv': csv(`${VALUATION_HEADERS.join(';')}\nW1;D1;1;x;y\n`) }), 'zipArchive'],
    ['a binary workbook (.xlsb)', () => officeDocument('xl/workbook.bin', 'application/vnd.ms-excel.sheet.binary.macroEnabled.main'), 'notAWorkbook'],
    ['a workbook without a worksheet', () => rawWorkbook([]), 'noKnownSheet'],
  ])('says of %s uploaded as a workbook what it is', async (_case, bytes, code) => {
    expect(await refusal('x.xlsx', bytes())).toEqual({ code, params: {} });
  });

  it.each([
    ['an old or password-protected workbook', 'oud.xls', () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(504)]), { code: 'oldOrProtectedWorkbook', params: {} }],
    ['an image', 'foto.csv', () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0xff]), { code: 'notSpreadsheetOrText', params: {} }],
    ['UTF-16 text without its mark, little-endian', 'w.csv', () => Buffer.from('Eigen kenmerk;Titel\nVB-1;Tenten é\n', 'utf16le'), { code: 'utf16WithoutMark', params: {} }],
    ['UTF-16 text without its mark, big-endian', 'w.csv', () => Buffer.from('Eigen kenmerk;Titel\n', 'utf16le').swap16(), { code: 'utf16WithoutMark', params: {} }],
    ['UTF-16 text that does not decode, by its row', 'w.csv', () => new Uint8Array([0xff, 0xfe, ...Buffer.from('Eigen kenmerk;Titel\n', 'utf16le'), 0x00, 0xdc]), { code: 'brokenUtf16', params: { row: '2' } }],
    ['an unclosed quote, by its row', 'w.csv', () => csv(`${VALUATION_HEADERS.join(';')}\nW1;D1;1;x;y\nW2;"D1;1;x;y\n`), { code: 'unclosedQuote', params: { row: '3' } }],
    ['a quote closed before the end of its cell, by its rows', 'w.csv', () => csv(`${VALUATION_HEADERS.join(';')}\nW1;"D1;1;x;y\nW2;D1 12" lang;1;x;y\n`), { code: 'textAfterQuote', params: { row: '2', closedRow: '3' } }],
    ['more rows than an import holds', 'w.csv', () => csv(`${VALUATION_HEADERS.join(';')}\n${'x\n'.repeat(MAX_IMPORT_ROWS)}`), { code: 'tooManyRows', params: { maximum: String(MAX_IMPORT_ROWS) } }],
    ['a workbook of more rows than an import holds', 'rijen.xlsx', () => rawWorkbook([{ name: 'W', rows: '<x:row/>'.repeat(MAX_IMPORT_ROWS + 1) }]), { code: 'tooManyRows', params: { maximum: String(MAX_IMPORT_ROWS) } }],
    ['a workbook of more cells than an import holds', 'cellen.xlsx', () => rawWorkbook([{ name: 'W', rows: `<row>${'<c/>'.repeat(MAX_IMPORT_CELLS + 1)}</row>` }]), { code: 'tooManyCells', params: { maximum: String(MAX_IMPORT_CELLS) } }],
    [
      'a workbook that unpacks to more than the limit',
      'bom.xlsx',
      () => withStatedSize(zipSync({ 'xl/worksheets/sheet1.xml': csv('<worksheet/>') }), MAX_WORKBOOK_UNPACKED_BYTES + 1),
      { code: 'workbookTooLarge', params: { maximum: `${MAX_WORKBOOK_UNPACKED_BYTES / 2 ** 20} MB` } },
    ],
  ])('refuses %s with a reason to act on', async (_case, fileName, bytes, expected) => {
    expect(await refusal(fileName, bytes())).toEqual(expected);
  });
});
