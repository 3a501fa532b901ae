/**
 * A list as a spreadsheet: its columns described once (heading, kind, value), written as XLSX or as CSV
 * in one of two dialects. Rows arrive in batches (a list's keyset pages) and leave as they are written,
 * so that an export of a million rows never sits in memory.
 */
import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { columnLetters, loadExcelJs } from '../../spreadsheets.ts';
import { csvEuros, csvLine, csvPreamble, euroText, unchangedOnImport, type CsvCell, type CsvDialect } from '../csv.ts';
import type { ExportHeading } from '../../../common/vocabulary/codes.ts';
import type { Vocabulary } from '../../../common/vocabulary/nl.ts';

/**
 * How a column's values are written: text as it is, dates and moments (in UTC) as date cells, euros from
 * integer cents, counts as numbers. A CSV writes dates and moments as the API does (ISO 8601).
 */
type ColumnKind = 'text' | 'date' | 'moment' | 'euro' | 'count';

/** A value of a cell: text, a YYYY-MM-DD date, an ISO 8601 moment, cents (euro) or a whole number (count); null is an empty cell. */
type CellValue = string | number | bigint | null;

export interface Column<Row> {
  heading: ExportHeading;
  kind: ColumnKind;
  value(row: Row, words: Vocabulary): CellValue;
}

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The most characters a cell of Excel holds; longer texts are cut there in XLSX (the CSV keeps them whole). */
const XLSX_CELL_LIMIT = 32_767;
const CUT_MARK = ' […]';

/** A cell of the CSV: euros in the dialect's notation, counts as numbers, dates and texts as texts. */
function csvValue(value: CellValue, kind: ColumnKind, dialect: CsvDialect): CsvCell {
  if (value === null) return null;
  if (kind === 'euro') return csvEuros(value, dialect);
  if (kind === 'count') return { numeric: String(value) };
  return String(value);
}

/** The CSV text, a batch at a time: the headings, then a line per row (CRLF line ends in both dialects). */
async function* csvChunks<Row>(columns: readonly Column<Row>[], batches: AsyncIterable<readonly Row[]>, words: Vocabulary, dialect: CsvDialect): AsyncGenerator<string> {
  yield csvPreamble(dialect) + csvLine(columns.map((column) => words.spreadsheetExport.headings[column.heading]), dialect);
  for await (const batch of batches) {
    yield batch.map((row) => csvLine(columns.map((column) => csvValue(column.value(row, words), column.kind, dialect)), dialect)).join('');
  }
}

const NUMBER_FORMATS: Readonly<Record<ColumnKind, string | undefined>> = {
  text: undefined,
  date: 'yyyy-mm-dd',
  moment: 'yyyy-mm-dd hh:mm:ss',
  euro: '#,##0.00',
  count: '0',
};

const COLUMN_WIDTHS: Readonly<Record<ColumnKind, number>> = { text: 30, date: 16, moment: 20, euro: 16, count: 16 };

function xlsxCell(value: CellValue, kind: ColumnKind): ExcelJS.CellValue {
  if (value === null) return null;
  if (kind === 'euro') return Number(euroText(value));
  if (kind === 'count') return Number(value);
  if (kind === 'date') return new Date(`${String(value)}T00:00:00Z`);
  // exceljs writes a Date as the serial number of its moment in UTC, which the column's heading names.
  if (kind === 'moment') return new Date(String(value));
  return asInlineString(cutToExcelCell(unchangedOnImport(String(value))));
}

/**
 * A text as a string cell of its own (t="inlineStr"): exceljs's streaming writer gives a plain string the type of
 * a formula's text result (t="str"), which a reader may take for a number when it looks like one ("007" as 7).
 */
function asInlineString(text: string): ExcelJS.CellRichTextValue {
  return { richText: [{ text }] };
}

/** A text cut to what a cell of Excel holds, marked so, and never between the two halves of a character (an emoji). */
export function cutToExcelCell(text: string): string {
  if (text.length <= XLSX_CELL_LIMIT) return text;
  const end = XLSX_CELL_LIMIT - CUT_MARK.length;
  const high = text.charCodeAt(end - 1);
  return text.slice(0, high >= 0xd800 && high <= 0xdbff ? end - 1 : end) + CUT_MARK;
}

/**
 * The workbook, one sheet with a bold and frozen heading row and a filter on it, written through exceljs's
 * streaming writer into `out`. Each batch waits until what is written has been read, so memory stays at
 * about a batch however long the list.
 */
async function writeWorkbook<Row>(out: PassThrough, sheetName: string, columns: readonly Column<Row>[], batches: AsyncIterable<readonly Row[]>, words: Vocabulary): Promise<void> {
  const exceljs = await loadExcelJs();
  const workbook = new exceljs.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Steunregister';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.autoFilter = `A1:${columnLetters(columns.length - 1)}1`;
  sheet.columns = columns.map((column) => {
    const numFmt = NUMBER_FORMATS[column.kind];
    return { width: COLUMN_WIDTHS[column.kind], ...(numFmt ? { style: { numFmt } } : {}) };
  });
  const headingRow = sheet.addRow(columns.map((column) => words.spreadsheetExport.headings[column.heading]));
  headingRow.font = { bold: true };
  headingRow.commit();
  for await (const batch of batches) {
    for (const row of batch) sheet.addRow(columns.map((column) => xlsxCell(column.value(row, words), column.kind))).commit();
    if (out.writableNeedDrain) await once(out, 'drain');
  }
  sheet.commit();
  await workbook.commit();
}

export interface SpreadsheetRequest {
  format: ExportFormat;
  dialect: CsvDialect;
  words: Vocabulary;
  sheetName: string;
}

/** The list as a stream of the bytes of its file. */
export function spreadsheetStream<Row>(columns: readonly Column<Row>[], batches: AsyncIterable<readonly Row[]>, request: SpreadsheetRequest): ReadableStream<Uint8Array> {
  if (request.format === 'csv') {
    return Readable.toWeb(Readable.from(csvChunks(columns, batches, request.words, request.dialect), { objectMode: false })) as ReadableStream<Uint8Array>;
  }
  const out = new PassThrough();
  writeWorkbook(out, request.sheetName, columns, batches, request.words).catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
