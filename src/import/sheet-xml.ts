/**
 * A worksheet's XML part as rows of cells: each cell's value as the sheet shows it (a shared string, a
 * number in its format, a date in its format with the day it counts, a formula's computed value), the rows and columns the
 * sheet hides, and the cells its merged ranges cover. Only the cells a row has are read: a stray cell
 * far to the right makes no row wide.
 */
import { format as formatNumber, isPercentFormat } from 'numfmt';
import { MAX_IMPORT_CELLS, MAX_IMPORT_ROWS } from '../../common/import-limits.ts';
import { columnLetters, columnPosition } from '../spreadsheets.ts';
import type { CellValue, ShownNumber } from './cells.ts';
import type { Table } from './table.ts';
import { ArchiveError } from './workbook-archive.ts';
import { readXml } from './xml-events.ts';

/** How a workbook's cells of one style show a number. */
export interface NumberStyle {
  /** The number format of its own (not General or text), undefined for none. */
  format: string | undefined;
  /** Whether the format shows a date (or a time): the number is then Excel's serial number of a day. */
  isDate: boolean;
}

/** What a sheet's cells refer to in the rest of the workbook, and the rows and cells its sheets read so far. */
export interface WorkbookContext {
  sharedStrings: readonly string[];
  /** By a cell's style index (its s attribute). */
  styles: readonly NumberStyle[];
  date1904: boolean;
  read: ReadCount;
}

/**
 * The <row> and <c> elements of a workbook's sheets, counted as they are read against an import's limits: a
 * few kilobytes can hold millions of them, and would take the server's memory.
 */
export class ReadCount {
  #rows = 0;
  #cells = 0;
  row(): void {
    if (++this.#rows > MAX_IMPORT_ROWS) throw new ArchiveError('tooManyRows');
  }
  cell(): void {
    if (++this.#cells > MAX_IMPORT_CELLS) throw new ArchiveError('tooManyCells');
  }
}

type SheetContent = Pick<Table, 'rows' | 'hiddenRows' | 'hiddenColumns'>;

/** The last column a sheet can have, XFD. */
const LAST_COLUMN = 16_383;
/** The last row a sheet can have: a row numbered beyond it is no workbook's (and would make the rows' array billions long). */
const LAST_ROW = 1_048_576;
/** A number cell's value as XML Schema writes a number (what Excel writes): digits with a decimal point, and an exponent. */
const XML_NUMBER = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;
/** The day ISO 8601 text begins with, before a time and zone if any. */
const ISO_DAY = /^\s*(\d{4}-\d{2}-\d{2})(?![\d-])/;

/** A cell as its XML gives it, before its value is read. */
interface CellXml {
  position: number;
  type: string;
  style: number;
  /** The text of its <v>; undefined without one. */
  value: string | undefined;
  /** The text of its <f>; undefined without one. */
  formula: string | undefined;
  /** The text of its inline string (<is>); undefined without one. */
  inline: string | undefined;
}

export async function readSheetXml(part: Uint8Array, workbook: WorkbookContext): Promise<SheetContent> {
  const rows: CellValue[][] = [];
  const hiddenRows = new Set<number>();
  const hiddenColumns = new Set<number>();
  const merges: string[] = [];
  /** The formula of each shared formula's first cell, by its index: the other cells of it carry none of their own. */
  const sharedFormulas = new Map<string, string>();
  let rowNumber = 0;
  let cells: CellValue[] = [];
  let cell: CellXml | undefined;
  let sharedIndex: string | undefined;
  let capturing: 'value' | 'formula' | 'inline' | undefined;
  let phonetic = 0;
  await readXml(part, {
    open(name, attributes) {
      switch (name) {
        case 'row':
          workbook.read.row();
          rowNumber = rowNumberOf(attributes.r) ?? rowNumber + 1;
          if (rowNumber > LAST_ROW) throw new ArchiveError('notAWorkbook');
          cells = rows[rowNumber - 1] ?? [];
          rows[rowNumber - 1] = cells;
          if (isTrue(attributes.hidden)) hiddenRows.add(rowNumber);
          cell = undefined;
          break;
        case 'c': {
          workbook.read.cell();
          const position = columnOf(attributes.r) ?? (cell ? cell.position + 1 : 0);
          cell = { position, type: attributes.t ?? 'n', style: Number(attributes.s ?? 0), value: undefined, formula: undefined, inline: undefined };
          break;
        }
        case 'v':
          if (cell) [cell.value, capturing] = ['', 'value'];
          break;
        case 'f':
          if (!cell) break;
          [cell.formula, capturing] = ['', 'formula'];
          sharedIndex = attributes.t === 'shared' ? attributes.si : undefined;
          break;
        case 'is':
          if (cell) cell.inline = '';
          break;
        case 't':
          if (cell?.inline !== undefined && phonetic === 0) capturing = 'inline';
          break;
        case 'rPh':
          phonetic++;
          break;
        case 'col':
          if (isTrue(attributes.hidden)) hideColumns(hiddenColumns, attributes.min, attributes.max);
          break;
        case 'mergeCell':
          // Counted as a cell it covers, so that millions of ranges over rows the sheet lacks are no list without end.
          workbook.read.cell();
          if (attributes.ref) merges.push(attributes.ref);
          break;
      }
    },
    text(text) {
      if (!cell || !capturing) return;
      cell[capturing] += text;
    },
    close(name) {
      switch (name) {
        case 'v':
        case 't':
          capturing = undefined;
          break;
        case 'f':
          capturing = undefined;
          if (cell && sharedIndex !== undefined) {
            if (cell.formula) sharedFormulas.set(sharedIndex, cell.formula);
            else cell.formula = sharedFormulas.get(sharedIndex) ?? '';
          }
          sharedIndex = undefined;
          break;
        case 'rPh':
          phonetic--;
          break;
        case 'c':
          if (cell && cell.position <= LAST_COLUMN) {
            const value = valueOf(cell, workbook);
            if (value !== undefined) cells[cell.position] = value;
          }
          break;
      }
    },
  });
  markMergedCells(rows, merges);
  return { rows, hiddenRows, hiddenColumns };
}

const isTrue = (attribute: string | undefined) => attribute === '1' || attribute === 'true';

function rowNumberOf(reference: string | undefined): number | undefined {
  const number = reference === undefined ? NaN : Number(reference);
  return Number.isSafeInteger(number) && number >= 1 ? number : undefined;
}

/** A cell reference's column, from 0 (B7 → 1); undefined when it names none. */
function columnOf(reference: string | undefined): number | undefined {
  const position = reference === undefined ? -1 : columnPosition(reference);
  return position === -1 ? undefined : position;
}

function hideColumns(hidden: Set<number>, min: string | undefined, max: string | undefined): void {
  const first = Number(min);
  const last = Math.min(Number(max ?? min), LAST_COLUMN + 1);
  if (!Number.isSafeInteger(first) || !Number.isSafeInteger(last)) return;
  for (let column = Math.max(first, 1); column <= last; column++) hidden.add(column - 1);
}

/** What a cell holds as the sheet shows it; undefined for a cell there only for its style. */
function valueOf(cell: CellXml, workbook: WorkbookContext): CellValue | undefined {
  const { type, value, formula, inline } = cell;
  if (type === 'inlineStr' && inline !== undefined) return withEscapedCharacters(inline);
  // A formula whose text came out empty (=ALS(A3="";"";…)) has an empty value of type str, as Excel and LibreOffice write it.
  const computedEmptyText = type === 'str' && value === '';
  if (value === undefined || (value === '' && formula !== undefined && !computedEmptyText)) {
    // A formula never computed has no value to read; Excel's own keep the value of the last computation.
    return formula === undefined ? undefined : { problem: 'formulaWithoutValue', shown: `=${formula}` };
  }
  switch (type) {
    case 's':
      return workbook.sharedStrings[Number(value)] ?? null;
    case 'str':
    case 'inlineStr':
      return value;
    case 'b':
      return String(Number.parseInt(value, 10) !== 0);
    case 'e':
      return { problem: 'cellError', shown: value };
    case 'd':
      // A date as ISO text, as LibreOffice writes one: the day it names, without a time or zone, which say nothing of the day.
      return ISO_DAY.exec(value)?.[1] ?? value;
  }
  if (value.trim() === '') return null;
  // A value no number is (a program writing 1234,56 in its own locale) is the text it holds, never the digits before its comma.
  if (!XML_NUMBER.test(value)) return value;
  return shownNumber(Number(value), workbook.styles[cell.style], workbook.date1904);
}

/**
 * A number as its cell shows it: in a format of its own (not General) with the text Dutch Excel shows, so that a
 * reference typed as 42 in a cell formatted 00000 is 00042, 0.15 as a percentage 15%, and a month typed as
 * "sep 2025" (a date in the format mmm-yy) sep-25; a date format's number kept as the day it counts.
 */
function shownNumber(number: number, style: NumberStyle | undefined, date1904: boolean): CellValue {
  if (!style?.format) return number;
  if (style.isDate) return new ShownDate(number, style.format, date1904);
  try {
    return { number: isPercentFormat(style.format) ? null : number, shown: formatNumber(style.format, number, { locale: 'nl' }) };
  } catch {
    // A format numfmt cannot read: the number as it is.
    return number;
  }
}

/** The serial number of the day 1904-01-01 in the 1900 date system, which numfmt counts in. */
const DAYS_1900_TO_1904 = 1462;

/**
 * A number in a date format: Excel's serial number of a day, which a date column reads, and the text the cell
 * shows, which any other column reads. That text is made only when asked for: a date column, where nearly all
 * dates are, never does.
 */
class ShownDate implements ShownNumber {
  readonly number = null;
  readonly serial: number;
  readonly #format: string;
  readonly #date1904: boolean;

  constructor(serial: number, format: string, date1904: boolean) {
    this.serial = serial;
    this.#format = format;
    this.#date1904 = date1904;
  }

  get shown(): string {
    try {
      return formatNumber(this.#format, this.#date1904 ? this.serial + DAYS_1900_TO_1904 : this.serial, { locale: 'nl' });
    } catch {
      return String(this.serial);
    }
  }
}

/** Text with the characters XML cannot hold written as Excel escapes them (_x000D_ for a carriage return). */
export function withEscapedCharacters(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_escape, code: string) => String.fromCharCode(Number.parseInt(code, 16))) : text;
}

/**
 * Each cell a merged range covers, but its first, as what it is: a value Excel shows once, in the range's first
 * cell. In the rows the sheet has; the rows and cells the ranges cover are counted against the limit of cells,
 * so that many ranges over a million rows each take no longer than a sheet of that many cells.
 */
function markMergedCells(rows: CellValue[][], merges: readonly string[]): void {
  let covered = 0;
  const count = () => {
    if (++covered > MAX_IMPORT_CELLS) throw new ArchiveError('tooManyCells');
  };
  for (const reference of merges) {
    const [from, to = from] = reference.split(':');
    const [first, last] = [cellAt(from), cellAt(to)];
    if (!first || !last) continue;
    const shown = `${columnLetters(first.column)}${first.row}`;
    for (let row = first.row; row <= Math.min(last.row, rows.length); row++) {
      count();
      const cells = rows[row - 1];
      if (!cells) continue;
      for (let column = first.column; column <= Math.min(last.column, LAST_COLUMN); column++) {
        if (row === first.row && column === first.column) continue;
        cells[column] = { problem: 'mergedCell', shown };
        count();
      }
    }
  }
}

function cellAt(reference: string | undefined): { row: number; column: number } | undefined {
  const match = reference === undefined ? null : /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(reference.trim());
  const column = columnOf(match?.[1]);
  const row = rowNumberOf(match?.[2]);
  return column === undefined || row === undefined ? undefined : { row, column };
}
