/**
 * An uploaded file as the sheets of records it holds: an XLSX workbook (each sheet recognised by its
 * headers, whatever its name) or a CSV file (one sheet). Sheets of anything else are left out, and a
 * visible one that holds a table is named with why (its user would otherwise take its rows for
 * imported); a sheet taken for records whose headers lack a column, name one twice or name one the
 * template does not have says so, as faults of its header row. Whether a sheet is hidden is kept: its
 * user cannot see its rows, so an import does not take them.
 */
import { columnLetters } from '../spreadsheets.ts';
import { excelSerialDate, type CellValue } from './cells.ts';
import { readCsv, CsvError } from './csv.ts';
import { isColumnNote } from './notes-rows.ts';
import { columnOfHeader, computedColumnOfHeader, headerText, LAST_HEADER_ROW, sheetOfHeaders, type ImportColumn, type SheetDefinition } from './sheets.ts';
import { headerBrokenOverRows, headersReachBelow, headersStaggeredOverRows, splitHeaders, type SplitHeader } from './split-headers.ts';
import { totalsLabelOf } from './totals-rows.ts';
import { turnAfterRows } from './turns.ts';
import type { SheetVisibility, Table } from './table.ts';
import { ArchiveError, checkedWorkbookParts } from './workbook-archive.ts';
import { packageKind, type PackageKind } from './package-kind.ts';
import { readWorkbookParts } from './workbook-xml.ts';
import { MalformedXmlError } from './xml-events.ts';
import { MAX_CELL_CHARACTERS, MAX_IMPORT_CELLS, MAX_IMPORT_ROWS, MAX_ROW_CELLS, MAX_WORKBOOK_UNPACKED_BYTES } from '../../common/import-limits.ts';

export interface ReadRow {
  /** The row's number as the spreadsheet shows it. */
  rowNumber: number;
  /** Whether the row is hidden in the workbook (by a filter, or hidden by hand): its user does not see it. */
  hidden: boolean;
  /** By field: the template's columns, the record's id and the columns the register computes (see SheetDefinition.exported). */
  cells: ReadonlyMap<string, CellValue>;
  /** The fields whose cells hold a value in a column the workbook hides: its user does not see them. */
  hiddenCells: readonly string[];
  /** The fields whose header a later column repeats, holding a value in this row there: which of the two it means is not known. */
  repeatedCells: readonly RepeatedCell[];
  /** For a row of totals below the table, the cell that says so (see totals-rows.ts). */
  totals: { label: string; header: string; letter: string } | undefined;
}

export interface RepeatedCell {
  field: string;
  /** The letter of the later column with the same header. */
  letter: string;
}

/**
 * What is wrong with a sheet's header row: a column it lacks, names twice, that the template does not have, that
 * has values but no header, or whose header is split over two rows.
 */
interface HeaderFault {
  code: 'missingColumn' | 'duplicateColumn' | 'unknownColumn' | 'unheadedColumn' | 'headerOverTwoRows';
  /** The field of the column; for a column the template does not have, its header. */
  field: string;
  /** The header as the sheet has it, or as the template names it when the sheet lacks the column. */
  header: string;
  letter: string | null;
  params: Record<string, string>;
}

export interface ReadSheet {
  definition: SheetDefinition;
  /** The sheet's name in the workbook, or the file's name for a CSV file. */
  name: string;
  visibility: SheetVisibility;
  /** Where each column the sheet has was found: its header as written and its letter. */
  columns: ReadonlyMap<string, { header: string; letter: string }>;
  /** The row of the column headers: 1, or the row below a title. */
  headerRowNumber: number;
  /** A row of notes on the columns right below the headers ("(verplicht)", "JJJJ-MM-DD"), skipped as no record. */
  notesRowNumber: number | undefined;
  headerFaults: HeaderFault[];
  rows: ReadRow[];
}

/** Why a sheet is not taken (see SheetNotTaken). */
export const SHEET_NOT_TAKEN_CODES = ['noColumnHeaders', 'rowAboveHeaders', 'headersOverTwoRows', 'headersStaggered'] as const;

/**
 * A visible sheet with a table that no records are taken from, and why: no row of its first ones has the
 * template's headers, a row above them holds more than a title (data, or headers over two rows), or only two
 * rows together have them, each header split over the two or each column's header on one of the two.
 */
export interface SheetNotTaken {
  name: string;
  code: (typeof SHEET_NOT_TAKEN_CODES)[number];
  params: Record<string, string>;
}

/** Why a sheet was not taken, as a fault whose reason names the sheet. */
export function sheetNotTakenFault({ name, code, params }: SheetNotTaken): { code: SheetNotTaken['code']; params: Record<string, string> } {
  return { code, params: { sheet: name, ...params } };
}

export interface ReadFile {
  sheets: ReadSheet[];
  sheetsNotTaken: SheetNotTaken[];
}

type UnreadableCode =
  | 'emptyFile'
  | 'brokenUtf8'
  | 'brokenUtf16'
  | 'unclosedQuote'
  | 'textAfterQuote'
  | 'cellTooLong'
  | 'tooManyColumns'
  | 'notAWorkbook'
  | 'oldOrProtectedWorkbook'
  | 'workbookTooLarge'
  | 'tooManyRows'
  | 'tooManyCells'
  | 'notASpreadsheet'
  | 'openDocumentSpreadsheet'
  | 'zipArchive'
  | 'notSpreadsheetOrText'
  | 'utf16WithoutMark'
  | 'noKnownSheet'
  | 'noRows';

/**
 * A file that cannot be read as an import at all; its code says why. When no sheet has the template's
 * headers, the sheets that hold a table say why each was not taken.
 */
export class UnreadableFileError extends Error {
  readonly code: UnreadableCode;
  readonly params: Record<string, string>;
  readonly sheetsNotTaken: readonly SheetNotTaken[];
  constructor(code: UnreadableCode, params: Record<string, string> = {}, sheetsNotTaken: readonly SheetNotTaken[] = []) {
    super(code);
    this.code = code;
    this.params = params;
    this.sheetsNotTaken = sheetsNotTaken;
  }
}

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
/** An OLE compound file: an Excel 97–2003 workbook (.xls), or an XLSX workbook encrypted with a password. */
const COMPOUND_FILE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const LIMITS: Record<string, Record<string, string>> = {
  workbookTooLarge: { maximum: `${MAX_WORKBOOK_UNPACKED_BYTES / 2 ** 20} MB` },
  tooManyRows: { maximum: String(MAX_IMPORT_ROWS) },
  tooManyCells: { maximum: String(MAX_IMPORT_CELLS) },
  cellTooLong: { maximum: String(MAX_CELL_CHARACTERS) },
  tooManyColumns: { maximum: String(MAX_ROW_CELLS) },
};

export async function readImportFile(fileName: string, bytes: Uint8Array): Promise<ReadFile> {
  if (bytes.length === 0) throw new UnreadableFileError('emptyFile');
  const startsWith = (signature: number[]) => signature.every((byte, index) => bytes[index] === byte);
  if (startsWith(COMPOUND_FILE_SIGNATURE)) throw new UnreadableFileError('oldOrProtectedWorkbook');
  if (!startsWith(ZIP_SIGNATURE) && isBinary(bytes)) throw new UnreadableFileError(isUtf16WithoutMark(bytes) ? 'utf16WithoutMark' : 'notSpreadsheetOrText');
  const tables = startsWith(ZIP_SIGNATURE) ? await readWorkbook(bytes) : [{ name: fileName, visibility: 'visible' as const, rows: await readCsvTable(bytes), hiddenRows: new Set<number>(), hiddenColumns: new Set<number>(), date1904: false }];
  const sheets: ReadSheet[] = [];
  const sheetsNotTaken: SheetNotTaken[] = [];
  for (const table of tables) {
    const sheet = await toSheet(table);
    if ('definition' in sheet) sheets.push(sheet);
    else if (table.visibility === 'visible' && holdsTable(table.rows)) sheetsNotTaken.push({ name: table.name, ...sheet });
  }
  if (sheets.length === 0) throw new UnreadableFileError('noKnownSheet', {}, sheetsNotTaken);
  if (sheets.every((sheet) => sheet.rows.length === 0)) throw new UnreadableFileError('noRows');
  return { sheets, sheetsNotTaken };
}

/**
 * Text in UTF-16 saved without the mark that says which byte of a pair comes first: in its first bytes a NUL
 * stands in the same half of each pair (the high byte of a Latin letter), and never in the other.
 */
function isUtf16WithoutMark(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, Math.min(bytes.length, 8192) & ~1);
  const zerosIn = [0, 0];
  for (let index = 0; index < sample.length; index++) if (sample[index] === 0) zerosIn[index % 2]! += 1;
  const pairs = sample.length / 2;
  return pairs >= 2 && zerosIn.some((zeros, half) => zeros >= pairs / 2 && zerosIn[1 - half] === 0);
}

const UTF16_MARKS = [
  [0xff, 0xfe],
  [0xfe, 0xff],
];

/** An image, a PDF or a program: a NUL byte near the start, which no text has (text in UTF-16, which has them, is told apart by its mark). */
function isBinary(bytes: Uint8Array): boolean {
  if (UTF16_MARKS.some((mark) => mark.every((byte, index) => bytes[index] === byte))) return false;
  return bytes.subarray(0, 8192).includes(0);
}

const rowsOf = ({ row, closedRow }: CsvError) => ({ ...(row === undefined ? {} : { row: String(row) }), ...(closedRow === undefined ? {} : { closedRow: String(closedRow) }) });

async function readCsvTable(bytes: Uint8Array): Promise<CellValue[][]> {
  try {
    return await readCsv(bytes);
  } catch (error) {
    if (error instanceof CsvError) throw new UnreadableFileError(error.code, { ...LIMITS[error.code], ...rowsOf(error) });
    throw error;
  }
}

async function readWorkbook(bytes: Uint8Array): Promise<Table[]> {
  try {
    const parts = checkedWorkbookParts(bytes);
    const tables = await readWorkbookParts(parts);
    if (tables.length > 0) return tables;
    // Other files are ZIP archives too, holding no sheet at all: said as what they are.
    const kind = await packageKind(parts);
    if (kind === 'workbook') return tables;
    throw new UnreadableFileError(OF_PACKAGE_KIND[kind]);
  } catch (error) {
    if (error instanceof ArchiveError) throw new UnreadableFileError(error.code, LIMITS[error.code]);
    if (error instanceof MalformedXmlError) throw new UnreadableFileError('notAWorkbook');
    throw error;
  }
}

/** Why a ZIP archive without a worksheet is no import, by what it is; a workbook without one has no sheet the import knows. */
const OF_PACKAGE_KIND: Record<Exclude<PackageKind, 'workbook'>, UnreadableCode> = {
  otherOfficeFile: 'notASpreadsheet',
  openDocumentSpreadsheet: 'openDocumentSpreadsheet',
  openXmlPackage: 'notAWorkbook',
  archive: 'zipArchive',
};

/** Blank: no value, or a cell a merge covers, whose value the merge's first cell holds (a title merged over several columns is one value). */
const isBlank = (cell: CellValue | undefined) =>
  cell === undefined || cell === null || (typeof cell === 'string' && cell.trim() === '') || (typeof cell === 'object' && 'problem' in cell && cell.problem === 'mergedCell');

/** The different values of a row. */
function valuesOf(cells: readonly CellValue[] | undefined): Set<string | undefined> {
  return new Set(Object.values(cells ?? []).filter((cell) => !isBlank(cell)).map((cell) => (typeof cell === 'object' ? cell?.shown : String(cell).trim())));
}

/**
 * A row above the headers: blank, or a title with at most one value beside it (its date, a subtitle, the
 * labels of two groups of columns). No sheet's row of records has as few of its required values.
 */
function isTitleRow(cells: readonly CellValue[] | undefined): boolean {
  return valuesOf(cells).size <= 2;
}

/** A row of notes on the columns (see notes-rows.ts): it has a value, and each of its values is such a note. */
function isNotesRow(cells: readonly CellValue[] | undefined): boolean {
  const values = Object.values(cells ?? []).filter((cell) => !isBlank(cell));
  return values.length > 0 && values.every(isColumnNote);
}

/** A sheet with a row of more than one value; not one of notes, a text in one column as the template's instructions are. */
function holdsTable(rows: Table['rows']): boolean {
  return rows.some((cells) => valuesOf(cells).size > 1);
}

function headersOf(cells: readonly CellValue[] | undefined): string[] {
  return Array.from(cells ?? [], headerOf);
}

/** A header cell's text: what it shows, nothing for a cell without a value to read. */
function headerOf(cell: CellValue | undefined): string {
  if (cell === undefined || cell === null) return '';
  if (typeof cell !== 'object') return String(cell);
  return 'problem' in cell ? '' : cell.shown;
}

/** Why a sheet is not taken for records. */
type NotTaken = Pick<SheetNotTaken, 'code' | 'params'>;

/**
 * The sheet's column headers: on row 1, or below rows of a title, up to row LAST_HEADER_ROW. A row above
 * them with more (a row of data, headers over two rows) makes the sheet one of no records, which is
 * said, so that no row is left out unseen; so do headers that only two rows have together.
 */
function headerRowOf(rows: Table['rows']): { index: number; headers: string[]; recognised: NonNullable<ReturnType<typeof sheetOfHeaders>> } | NotTaken {
  let rowAbove: number | undefined;
  for (let index = 0; index < LAST_HEADER_ROW && index < rows.length; index++) {
    const headers = headersOf(rows[index]);
    const recognised = sheetOfHeaders(headers);
    if (recognised && rowAbove !== undefined) {
      const overTwoRows = rowAbove === index - 1 ? headersOverRows(rows, rowAbove) : undefined;
      return overTwoRows ?? { code: 'rowAboveHeaders', params: { row: String(rowAbove + 1), headerRow: String(index + 1) } };
    }
    if (recognised) return { index, headers, recognised };
    if (rowAbove === undefined && !isTitleRow(rows[index])) rowAbove = index;
  }
  for (let index = 0; index + 1 < LAST_HEADER_ROW && index + 1 < rows.length; index++) {
    const overTwoRows = headersOverRows(rows, index);
    if (overTwoRows) return overTwoRows;
  }
  return { code: 'noColumnHeaders', params: { rows: String(LAST_HEADER_ROW) } };
}

/**
 * Whether a row and the one below it have the template's headers only together: by the first header they
 * split, or, each column's header on one of them, by the cells to move to the row holding most of them.
 */
function headersOverRows(rows: Table['rows'], index: number): NotTaken | undefined {
  const [upper, lower] = [headersOf(rows[index]), headersOf(rows[index + 1])];
  const [row, nextRow] = [index + 1, index + 2];
  const broken = headerBrokenOverRows(upper, lower);
  if (broken) return { code: 'headersOverTwoRows', params: { row: String(row), nextRow: String(nextRow), letter: columnLetters(broken.position), header: broken.header } };
  const staggered = headersStaggeredOverRows(upper, lower);
  if (!staggered) return undefined;
  const [into, from] = staggered.into === 'upper' ? [row, nextRow] : [nextRow, row];
  const cells = (rowNumber: number) => staggered.moved.map((position) => `${columnLetters(position)}${rowNumber}`).join(', ');
  return { code: 'headersStaggered', params: { row: String(into), otherRow: String(from), cells: cells(from), to: cells(into) } };
}

async function toSheet(table: Table): Promise<ReadSheet | NotTaken> {
  const headerRow = headerRowOf(table.rows);
  if ('code' in headerRow) return headerRow;
  const { headers, recognised } = headerRow;
  const { definition } = recognised;
  const positions: [number, ImportColumn][] = [];
  const columns = new Map<string, { header: string; letter: string }>();
  const headerFaults: HeaderFault[] = recognised.missing.map((missing) => ({ code: 'missingColumn', field: missing.key, header: headerText(missing), letter: null, params: { column: headerText(missing) } }));
  // The columns of the register's export that it computes (a stage, a value): read, and held against the register, never written.
  const computed = new Set<number>();
  const repeated: [number, RepeatedCell][] = [];
  headers.forEach((header, index) => {
    if (header.trim() === '') return;
    const ofTemplate = columnOfHeader(definition, header);
    const found = ofTemplate ?? computedColumnOfHeader(definition, header);
    const letter = columnLetters(index);
    const earlier = found && columns.get(found.key);
    // A hidden column is easily forgotten: said as such, or its user looks for it in vain.
    if (!found) headerFaults.push({ code: 'unknownColumn', field: header.trim(), header: header.trim(), letter, params: table.hiddenColumns.has(index) ? { hidden: 'yes' } : {} });
    else if (earlier) {
      headerFaults.push({ code: 'duplicateColumn', field: found.key, header: header.trim(), letter, params: { first: earlier.letter } });
      repeated.push([index, { field: found.key, letter }]);
    } else {
      positions.push([index, found]);
      columns.set(found.key, { header: header.trim(), letter });
      if (!ofTemplate) computed.add(index);
    }
  });
  const rowBelow = headerRow.index + 1;
  // A row of notes right below the headers holds no part of a header ("bedrag in euro" below "Bedrag (€)").
  const below = isNotesRow(table.rows[rowBelow]) ? [] : headersOf(table.rows[rowBelow]);
  const splits = splitHeaders(definition, { above: headersOf(table.rows[headerRow.index - 1]), headers, below }, new Set(columns.keys()));
  // A row below the headers that holds a part of one is said in the header row's faults, not read as a row of data.
  const belowHeaders = headersReachBelow(splits) ? rowBelow + 1 : rowBelow;
  const notesRow = isNotesRow(table.rows[belowHeaders]) ? belowHeaders : undefined;
  const firstDataRow = notesRow === undefined ? belowHeaders : belowHeaders + 1;
  headerFaults.push(...unheadedColumns(headers, table.rows, rowBelow, notesRow));
  // Found once for the sheet: most hide no column, and a row then looks at none. A computed column's cell imports nothing, hidden or not.
  const hiddenPositions = positions.filter(([position]) => table.hiddenColumns.has(position) && !computed.has(position));
  // A row with values only in columns of no field (one of remarks) has a fault of its header row already.
  const dataRows: ReadRow[] = [];
  for (let index = firstDataRow; index < table.rows.length; index++) {
    await turnAfterRows(index - firstDataRow);
    const cells = table.rows[index];
    if (!cells || positions.every(([position]) => isBlank(cells[position]))) continue;
    const rowNumber = index + 1;
    const cellsOfRow = new Map<string, CellValue>();
    for (const [position, found] of positions) cellsOfRow.set(found.key, cellOfColumn(found, cells[position] ?? null, table.date1904));
    const hiddenCells = hiddenPositions.filter(([position]) => !isBlank(cells[position])).map(([, found]) => found.key);
    const repeatedCells = repeated.filter(([position]) => !isBlank(cells[position])).map(([, cell]) => cell);
    const totals = totalsLabelOf(cells);
    const totalsCell = totals && { label: totals.label, header: headers[totals.position]?.trim() ?? '', letter: columnLetters(totals.position) };
    dataRows.push({ rowNumber, hidden: table.hiddenRows.has(rowNumber), cells: cellsOfRow, hiddenCells, repeatedCells, totals: totalsCell });
  }
  return { definition, name: table.name, visibility: table.visibility, columns, headerRowNumber: headerRow.index + 1, notesRowNumber: notesRow === undefined ? undefined : notesRow + 1, headerFaults: withSplitHeaders(headerFaults, splits, headers, headerRow.index + 1), rows: dataRows };
}

/**
 * The faults of a header row with each header split over two rows said as such, by the other cell: in place of
 * the fault of a header the template does not have or of no header, and of the column the sheet was said to lack.
 */
function withSplitHeaders(faults: HeaderFault[], splits: readonly SplitHeader[], headers: readonly string[], headerRowNumber: number): HeaderFault[] {
  if (splits.length === 0) return faults;
  const letters = new Set(splits.map((split) => columnLetters(split.position)));
  const named = new Set(splits.map((split) => split.column.key));
  const said = (fault: HeaderFault) => (fault.code === 'missingColumn' ? named.has(fault.field) : (fault.code === 'unknownColumn' || fault.code === 'unheadedColumn') && letters.has(fault.letter ?? ''));
  return [
    ...faults.filter((fault) => !said(fault)),
    ...splits.map(({ position, column, otherRow, other }): HeaderFault => {
      const letter = columnLetters(position);
      const cell = `${letter}${otherRow === 'below' ? headerRowNumber + 1 : headerRowNumber - 1}`;
      const header = headers[position]?.trim() ?? '';
      // An empty header cell (a staggered header, or one a merge above covers) holds no part of the header: the other cell holds all of it.
      return { code: 'headerOverTwoRows', field: column.key, header, letter, params: { cell, other, column: headerText(column), ...(header === '' ? { whole: 'yes' } : {}) } };
    }),
  ];
}

/**
 * Columns without a header that hold values below it: what they hold would otherwise be left out
 * unseen (a header deleted by mistake, remarks beside the template's columns). Each is a fault of the
 * header row that names the first row with a value in it; a note in the row of notes is none.
 */
function unheadedColumns(headers: readonly string[], rows: readonly (CellValue[] | undefined)[], firstDataRow: number, notesRow: number | undefined): HeaderFault[] {
  const firstRow = new Map<number, number>();
  const headed = headers.map((header) => header.trim() !== '');
  rows.forEach((cells, index) => {
    if (index < firstDataRow || index === notesRow || !cells) return;
    // By its keys: only the cells a sparse row has, where forEach would look at every hole up to its last.
    for (const key of Object.keys(cells)) {
      const position = Number(key);
      if (!headed[position] && !firstRow.has(position) && !isBlank(cells[position])) firstRow.set(position, index + 1);
    }
  });
  return [...firstRow]
    .sort(([a], [b]) => a - b)
    .map(([position, rowNumber]) => ({ code: 'unheadedColumn', field: columnLetters(position), header: '', letter: columnLetters(position), params: { row: String(rowNumber) } }));
}

/**
 * A number in a date column of a workbook is Excel's serial number of the day, in a date format or without one;
 * but a year typed without a day (2025, a day of 1905 as a serial number) is left as typed, for its reading to
 * say it is no date.
 */
function cellOfColumn(column: ImportColumn, cell: CellValue, date1904: boolean): CellValue {
  if (column.kind !== 'date') return cell;
  const numeric = cell !== null && typeof cell === 'object' && 'number' in cell ? cell : undefined;
  const number = numeric ? (numeric.serial ?? numeric.number) : cell;
  if (typeof number !== 'number' || (numeric?.serial === undefined && isYear(number))) return cell;
  return excelSerialDate(number, date1904) ?? cell;
}

const isYear = (number: number) => Number.isInteger(number) && number >= 1900 && number <= 2100;

