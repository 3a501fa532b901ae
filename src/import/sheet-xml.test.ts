import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_CELLS } from '../../common/import-limits.ts';
import { ReadCount, readSheetXml, type WorkbookContext } from './sheet-xml.ts';

const workbook = (): WorkbookContext => ({
  sharedStrings: ['Oekraïne', 'regel 1\r\nregel 2'],
  styles: [
    { format: undefined, isDate: false },
    { format: 'd-m-yyyy', isDate: true },
    { format: '00000', isDate: false },
  ],
  date1904: false,
  read: new ReadCount(),
});
const sheet = (sheetData: string, rest = '') => readSheetXml(new TextEncoder().encode(`<worksheet xmlns="x">${sheetData}${rest}</worksheet>`), workbook());
const rowsOf = async (sheetData: string, rest = '') => (await sheet(`<sheetData>${sheetData}</sheetData>`, rest)).rows;

describe('a worksheet part', () => {
  it('gives each cell as the sheet shows it: a shared or inline string, a number in its format, a date, a truth value, an error', async () => {
    const [row] = await rowsOf(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><r><t>Oek</t></r><r><t xml:space="preserve">raïne </t></r></is></c>' +
        '<c r="C1" s="1"><v>45809</v></c><c r="D1" s="2"><v>42</v></c><c r="E1" t="b"><v>1</v></c><c r="F1" t="e"><v>#N/A</v></c><c r="G1" t="s"><v>1</v></c><c r="H1"><v>1234.5</v></c></row>',
    );
    expect(row).toEqual(['Oekraïne', 'Oekraïne ', { number: null, serial: 45809 }, { number: 42, shown: '00042' }, 'true', { problem: 'cellError', shown: '#N/A' }, 'regel 1\r\nregel 2', 1234.5]);
    expect(row![2]).toMatchObject({ shown: '1-6-2025' });
  });

  it('reads a date of type d as the day it names, without its time or zone, and keeps text that names no day as it is', async () => {
    const [row] = await rowsOf(
      '<x:row r="1"><x:c r="A1" t="d"><x:v>2025-03-14T09:15:00+01:00</x:v></x:c><c r="B1" t="d"><f>TODAY()</f><v>2025-03-14</v></c><c r="C1" t="d"><v>T10:30:00</v></c><c r="D1" t="d"/></x:row>',
    );
    expect(row).toEqual(['2025-03-14', '2025-03-14', 'T10:30:00']);
  });

  it("gives a formula's computed value, and the formula (a shared one's by its first cell) where none was computed", async () => {
    const [row] = await rowsOf('<row r="1"><c r="A1"><f>10*2</f><v>20</v></c><c r="B1"><f t="shared" ref="B1:C1" si="0">SUM(A1:A9)</f></c><c r="C1"><f t="shared" si="0"/></c><c r="D1" t="str"><f>A1&amp;"x"</f><v>20x</v></c></row>');
    expect(row).toEqual([20, { problem: 'formulaWithoutValue', shown: '=SUM(A1:A9)' }, { problem: 'formulaWithoutValue', shown: '=SUM(A1:A9)' }, '20x']);
  });

  it('gives a formula whose text came out empty as an empty cell, and one never computed, without a value or with an empty number, as a formula', async () => {
    // LibreOffice and Excel write an empty text result with an empty value; openpyxl writes an uncomputed formula with an empty one of no type.
    const [row] = await rowsOf('<row r="1"><c r="A1" t="str"><f>IF(B1="","","x")</f><v></v></c><c r="B1"><f>1+1</f><v></v></c><c r="C1" t="str"><f>"a"</f></c></row>');
    expect(row).toEqual(['', { problem: 'formulaWithoutValue', shown: '=1+1' }, { problem: 'formulaWithoutValue', shown: '="a"' }]);
  });

  it('gives a number cell whose value is no number as the text it holds, as a program writing its decimals in its own locale makes one, rather than the digits before its comma', async () => {
    const [row] = await rowsOf('<row r="1"><c r="A1"><v>1234,56</v></c><c r="B1"><v>0x1A</v></c><c r="C1"><v>12abc</v></c><c r="D1"><v>NaN</v></c><c r="E1"><v> -1.5E3 </v></c><c r="F1"><v>.5</v></c></row>');
    expect(row).toEqual(['1234,56', '0x1A', '12abc', 'NaN', -1500, 0.5]);
  });

  it('numbers rows and cells that do not say where they are by the one before them, and leaves out cells there only for their style', async () => {
    const rows = await rowsOf('<row><c t="inlineStr"><is><t>a</t></is></c><c s="1"/><c><v>2</v></c></row><row r="4"><c r="C4"><v>3</v></c><c><v>4</v></c></row><row/>');
    expect(rows[0]).toEqual(['a', undefined, 2]);
    expect(rows[3]).toEqual([undefined, undefined, 3, 4]);
    expect(rows[4]).toEqual([]);
    expect(rows).toHaveLength(5);
  });

  it('keeps which rows and columns the sheet hides', async () => {
    const read = await sheet('<cols><col min="2" max="3" hidden="1"/><col min="5" max="5" width="9"/></cols><sheetData><row r="2" hidden="true"><c r="A2"><v>1</v></c></row><row r="3"><c r="A3"><v>1</v></c></row></sheetData>');
    expect([[...read.hiddenRows], [...read.hiddenColumns]]).toEqual([[2], [1, 2]]);
  });

  it('gives each cell a merged range covers, but its first, as covered by that cell, in the rows the sheet has', async () => {
    const rows = await rowsOf('<row r="1"><c r="A1" t="inlineStr"><is><t>Titel</t></is></c><c r="B1" s="1"/></row><row r="3"><c r="B3"><v>5</v></c></row>', '<mergeCells><mergeCell ref="A1:C1"/><mergeCell ref="B2:B3"/></mergeCells>');
    expect(rows[0]).toEqual(['Titel', { problem: 'mergedCell', shown: 'A1' }, { problem: 'mergedCell', shown: 'A1' }]);
    expect(rows[1]).toBeUndefined();
    expect(rows[2]).toEqual([undefined, { problem: 'mergedCell', shown: 'B2' }]);
  });

  it('refuses a row numbered beyond the last a sheet can have, and merged ranges over more rows than an import holds cells', async () => {
    await expect(rowsOf('<row r="4294967295"><c r="A4294967295"><v>1</v></c></row>')).rejects.toThrow('notAWorkbook');
    const merges = Array.from({ length: 3 }, () => '<mergeCell ref="A1:A1048576"/>').join('');
    await expect(sheet('<sheetData><row r="1048576"><c r="B1048576"><v>1</v></c></row></sheetData>', `<mergeCells>${merges}</mergeCells>`)).rejects.toThrow('tooManyCells');
  });

  it('refuses more merged ranges than an import holds cells, though they cover no row the sheet has', async () => {
    const merges = '<mergeCell ref="B2:C3"/>'.repeat(MAX_IMPORT_CELLS);
    await expect(sheet('<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>', `<mergeCells>${merges}</mergeCells>`)).rejects.toThrow('tooManyCells');
  });

  it('refuses merged ranges that cover more cells than an import holds', async () => {
    const rows = Array.from({ length: 200 }, (_unused, index) => `<row r="${index + 1}"><c r="A${index + 1}"><v>1</v></c></row>`).join('');
    const width = Math.ceil(MAX_IMPORT_CELLS / 200 / 16_384) + 1;
    const merges = Array.from({ length: width }, () => '<mergeCell ref="A1:XFD200"/>').join('');
    await expect(sheet(`<sheetData>${rows}</sheetData>`, `<mergeCells>${merges}</mergeCells>`)).rejects.toThrow('tooManyCells');
  });
});
