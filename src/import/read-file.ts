/**
 * An uploaded file as the sheets of records it holds: an XLSX workbook (each sheet recognised by its
 * headers, whatever its name) or a CSV file (one sheet). Sheets of anything else, such as the
 * template's explanation, are left out.
 */
import type ExcelJS from 'exceljs';
import { loadExcelJs } from '../spreadsheets.ts';
import type { CellValue } from './cells.ts';
import { readCsv, CsvError } from './csv.ts';
import { columnOfHeader, sheetOfHeaders, type ImportColumn, type SheetDefinition } from './sheets.ts';

export interface ReadRow {
  /** The row's number as the spreadsheet shows it (the header is row 1). */
  rowNumber: number;
  cells: ReadonlyMap<string, CellValue>;
}

export interface ReadSheet {
  definition: SheetDefinition;
  /** The sheet's name in the workbook, or the file's name for a CSV file. */
  name: string;
  /** Where each column the sheet has was found: its header as written and its letter. */
  columns: ReadonlyMap<string, { header: string; letter: string }>;
  rows: ReadRow[];
}

/** A file that cannot be read as an import at all; its code says why. */
export class UnreadableFileError extends Error {
  readonly code: 'emptyFile' | 'notUtf8' | 'unclosedQuote' | 'notAWorkbook' | 'notASpreadsheet' | 'noKnownSheet' | 'noRows';
  constructor(code: UnreadableFileError['code']) {
    super(code);
    this.code = code;
  }
}

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

export async function readImportFile(fileName: string, bytes: Uint8Array): Promise<ReadSheet[]> {
  if (bytes.length === 0) throw new UnreadableFileError('emptyFile');
  const isWorkbook = ZIP_SIGNATURE.every((byte, index) => bytes[index] === byte);
  const tables = isWorkbook ? await readWorkbook(bytes) : [{ name: fileName, rows: readCsvTable(bytes) }];
  const sheets = tables.flatMap((table) => {
    const sheet = toSheet(table.name, table.rows);
    return sheet ? [sheet] : [];
  });
  if (sheets.length === 0) throw new UnreadableFileError('noKnownSheet');
  if (sheets.every((sheet) => sheet.rows.length === 0)) throw new UnreadableFileError('noRows');
  return sheets;
}

function readCsvTable(bytes: Uint8Array): CellValue[][] {
  try {
    return readCsv(bytes);
  } catch (error) {
    if (error instanceof CsvError) throw new UnreadableFileError('unclosedQuote');
    if (error instanceof TypeError) throw new UnreadableFileError('notUtf8');
    throw error;
  }
}

/** Rows as arrays of cells from the first column; a row number is its index plus one. */
interface Table {
  name: string;
  rows: CellValue[][];
}

async function readWorkbook(bytes: Uint8Array): Promise<Table[]> {
  const exceljs = await loadExcelJs();
  const workbook = new exceljs.Workbook();
  try {
    // The whole workbook at once: exceljs's streaming reader fails on workbooks whose sheets precede their index in the archive.
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableFileError('notAWorkbook');
  }
  // A Word document or a PowerPoint presentation is a ZIP archive too, one that holds no sheet at all.
  if (workbook.worksheets.length === 0) throw new UnreadableFileError('notASpreadsheet');
  return workbook.worksheets.map((worksheet) => {
    const rows: CellValue[][] = [];
    worksheet.eachRow((row, rowNumber) => {
      // row.values is 1-based: index 0 is empty.
      rows[rowNumber - 1] = (row.values as unknown[]).slice(1).map(cellValue);
    });
    return { name: worksheet.name, rows: Array.from(rows, (cells) => cells ?? []) };
  });
}

function cellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((run: { text?: unknown }) => String(run.text ?? '')).join('');
    if ('result' in value) return cellValue(value.result);
    if ('text' in value) return cellValue(value.text);
  }
  return null;
}

function toSheet(name: string, rows: CellValue[][]): ReadSheet | undefined {
  const headers = (rows[0] ?? []).map((cell) => (cell === null ? '' : String(cell)));
  const definition = sheetOfHeaders(headers);
  if (!definition) return undefined;
  const positions: [number, ImportColumn][] = [];
  const columns = new Map<string, { header: string; letter: string }>();
  headers.forEach((header, index) => {
    const found = columnOfHeader(definition, header);
    if (found && !columns.has(found.key)) {
      positions.push([index, found]);
      columns.set(found.key, { header: header.trim(), letter: columnLetter(index) });
    }
  });
  const dataRows = rows.slice(1).flatMap((cells, index) => {
    if (cells.every((cell) => cell === null || cell === '')) return [];
    return [{ rowNumber: index + 2, cells: new Map(positions.map(([position, found]) => [found.key, cells[position] ?? null])) }];
  });
  return { definition, name, columns, rows: dataRows };
}

function columnLetter(index: number): string {
  return index < 26 ? String.fromCharCode(65 + index) : columnLetter(Math.floor(index / 26) - 1) + columnLetter(index % 26);
}
