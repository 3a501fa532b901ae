import type ExcelJS from 'exceljs';
import { loadExcelJs } from '../../spreadsheets.ts';
import { vocabulary } from '../../../common/vocabulary/index.ts';
import { EXPORT_REPORTS } from '../../domain/export-control.ts';
import { reportTable, type ArmsTransferReports, type ReportTable } from '../../domain/export-reports.ts';
import { toCsv } from '../csv.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Report = (typeof EXPORT_REPORTS)[number];
type Language = 'nl' | 'en';

/** The columns that hold euro amounts, by their heading: shown with two decimals. */
const EURO_COLUMN = /\((EUR)\)$/;

/** One report as CSV (RFC 4180, spreadsheet-safe). */
export function reportCsv(reports: ArmsTransferReports, report: Report, language: Language): string {
  const table = reportTable(reports, report, vocabulary(language), language);
  return toCsv(table.columns, table.rows.map((row) => Object.fromEntries(table.columns.map((column, index) => [column, row[index] ?? null]))));
}

/** A workbook with one sheet per report asked for (all three by default), numbers as numbers. */
export async function reportWorkbook(reports: ArmsTransferReports, language: Language, which: readonly Report[] = EXPORT_REPORTS): Promise<Uint8Array<ArrayBuffer>> {
  const exceljs = await loadExcelJs();
  const workbook = new exceljs.Workbook();
  workbook.creator = 'Steunregister';
  for (const report of which) addSheet(workbook, reportTable(reports, report, vocabulary(language), language));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function addSheet(workbook: ExcelJS.Workbook, table: ReportTable): void {
  const sheet = workbook.addWorksheet(table.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((heading) => ({
    header: heading,
    width: Math.min(60, Math.max(12, heading.length + 2, ...table.rows.map((row) => String(row[table.columns.indexOf(heading)] ?? '').length + 2))),
    style: EURO_COLUMN.test(heading) ? { numFmt: '#,##0.00' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row);
}
