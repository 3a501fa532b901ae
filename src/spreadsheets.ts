/**
 * exceljs, loaded when a spreadsheet is first read or written: it is a tenth of the server's memory at
 * start, and most servers go days without an import or an export.
 */
export async function loadExcelJs(): Promise<typeof import('exceljs')> {
  return (await import('exceljs')).default;
}
