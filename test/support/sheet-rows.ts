import type ExcelJS from 'exceljs';

/**
 * A sheet's rows as a spreadsheet shows their values, `width` cells each (an empty cell null): a text the exports
 * write as an inline string, which exceljs reads as rich text, as its text.
 */
export function sheetRows(sheet: ExcelJS.Worksheet, width: number): unknown[][] {
  const rows: unknown[][] = [];
  // A row's values start at index 1 and leave empty cells out.
  sheet.eachRow((row) => rows.push(Array.from({ length: width }, (_, index) => shownValue((row.values as ExcelJS.CellValue[])[index + 1] ?? null))));
  return rows;
}

function shownValue(value: ExcelJS.CellValue): unknown {
  return typeof value === 'object' && value !== null && 'richText' in value ? value.richText.map((run) => run.text).join('') : value;
}
