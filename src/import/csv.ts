/**
 * A CSV file as rows of text fields (RFC 4180: fields in double quotes may hold the separator, line
 * breaks and doubled quotes). UTF-8 with or without a byte order mark, or UTF-16 with one; text that is
 * not UTF-8 is Windows-1252, what Excel writes as plain "CSV" on Windows. The separator is a comma, a
 * semicolon (as Dutch Excel writes) or a tab (Excel's "Unicode text" and "Text (tab delimited)"):
 * whichever a first line "sep=;" names, or else the one that splits the header line into the template's
 * headers. Blank lines stay (as rows without text) so that every row keeps the number a spreadsheet shows
 * it under.
 */
import { setImmediate } from 'node:timers/promises';
import { MAX_CELL_CHARACTERS, MAX_IMPORT_CELLS, MAX_IMPORT_ROWS, MAX_ROW_CELLS } from '../../common/import-limits.ts';
import { LAST_HEADER_ROW, sheetOfHeaders } from './sheets.ts';
import { turnAfterRows } from './turns.ts';

export async function readCsv(bytes: Uint8Array): Promise<string[][]> {
  const { text, separator } = withSeparator(csvText(bytes));
  const rows: string[][] = [];
  for (const row of rowsOf(text, separator)) {
    if (row === TURN) await setImmediate();
    else {
      rows.push(row);
      await turnAfterRows(rows.length);
    }
  }
  return rows;
}

/** Given after every CHARACTERS_PER_TURN characters of the text, so that the event loop turns in rows of any length. */
const TURN = null;
const CHARACTERS_PER_TURN = 1 << 18;

/** The text's rows split by the separator, one at a time. */
function* rowsOf(text: string, separator: Separator): Generator<string[] | typeof TURN> {
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let quoteRow = 0;
  /** The line breaks in the quoted field so far: the row its closing quote would be on, were each line a row. */
  let linesInField = 0;
  let rows = 0;
  let cells = 0;
  let filledRows = 0;
  const endRow = () => {
    const cellsOfRow = [...row, field];
    rows++;
    cells += cellsOfRow.length;
    // Blank lines (";;;;" where Excel saved formatted empty rows) count as cells, not as rows.
    if (cellsOfRow.some((cell) => cell !== '') && ++filledRows > MAX_IMPORT_ROWS) throw new CsvError('tooManyRows');
    if (cells > MAX_IMPORT_CELLS) throw new CsvError('tooManyCells');
    row = [];
    field = '';
    return cellsOfRow;
  };
  for (let index = 0; index < text.length; index++) {
    const character = text[index]!;
    if (index % CHARACTERS_PER_TURN === CHARACTERS_PER_TURN - 1) yield TURN;
    // Refused as soon as it is seen: a field or row of megabytes would hold the server up for seconds.
    if (field.length > MAX_CELL_CHARACTERS) throw new CsvError('cellTooLong', rows + 1);
    if (cells + row.length > MAX_IMPORT_CELLS) throw new CsvError('tooManyCells');
    if (quoted) {
      if (character !== '"') {
        field += character;
        if (character === '\n' || (character === '\r' && text[index + 1] !== '\n')) linesInField++;
      } else if (text[index + 1] === '"') {
        field += '"';
        index++;
      } else {
        quoted = false;
        // Text after the closing quote: a quote too many or too few, the lines up to here taken into one cell.
        if (!fieldEndsAfter(text, index, separator)) throw new CsvError('textAfterQuote', quoteRow, quoteRow + linesInField);
      }
    } else if (character === '"' && field === '') {
      quoted = true;
      quoteRow = rows + 1;
      linesInField = 0;
    } else if (character === separator) {
      if (row.length + 1 === MAX_ROW_CELLS) throw new CsvError('tooManyColumns', rows + 1);
      row.push(field);
      field = '';
    } else if (character === '\n' || character === '\r') {
      if (character === '\r' && text[index + 1] === '\n') index++;
      yield endRow();
    } else field += character;
  }
  if (quoted) throw new CsvError('unclosedQuote', quoteRow);
  if (field !== '' || row.length > 0) yield endRow();
}

/** Whether nothing but spaces stands between the closing quote at the index and the end of its field. */
function fieldEndsAfter(text: string, index: number, separator: Separator): boolean {
  let next = index + 1;
  while (text[next] === ' ') next++;
  const character = text[next];
  return character === undefined || character === separator || character === '\n' || character === '\r';
}

const UTF16_DECODERS = [
  { mark: [0xff, 0xfe], encoding: 'utf-16le' },
  { mark: [0xfe, 0xff], encoding: 'utf-16be' },
] as const;

/**
 * The text of the bytes: UTF-16 by its byte order mark; else UTF-8 where the bytes are UTF-8, which a
 * text in another character set almost never is; else Windows-1252, the character set of Excel's plain
 * "CSV" on Windows (Dutch Excel's "CSV (gescheiden door lijstscheidingsteken)"), in which every byte is a
 * character. UTF-16 that does not decode is refused at its first row that does not, and so is UTF-8 that
 * does not but for a few bytes (other characters beyond ASCII decode): one stray byte, not a text in
 * Windows-1252, whose every other accent would read garbled.
 */
function csvText(bytes: Uint8Array): string {
  const utf16 = UTF16_DECODERS.find(({ mark }) => mark.every((byte, index) => bytes[index] === byte));
  const encoding = utf16?.encoding ?? 'utf-8';
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    const text = new TextDecoder(encoding).decode(bytes);
    // Not UTF-8, and nothing beyond ASCII decodes as UTF-8 either: Windows-1252.
    if (!utf16 && !/[^\x00-\x7f\uFFFD]/.test(text)) return new TextDecoder('windows-1252').decode(bytes);
    const before = text.slice(0, text.indexOf('\uFFFD'));
    throw new CsvError(utf16 ? 'brokenUtf16' : 'brokenUtf8', before.split(/\r\n|\r|\n/).length);
  }
}

export class CsvError extends Error {
  readonly code: 'brokenUtf8' | 'brokenUtf16' | 'unclosedQuote' | 'textAfterQuote' | 'cellTooLong' | 'tooManyColumns' | 'tooManyRows' | 'tooManyCells';
  /** The row of a quote that opens a cell, of a cell too long or a row too wide, or of the first text that does not decode. */
  readonly row: number | undefined;
  /** The row the quote that closes the cell stands on, where text follows it, were each line of the file a row. */
  readonly closedRow: number | undefined;
  constructor(code: CsvError['code'], row?: number, closedRow?: number) {
    super(code);
    this.code = code;
    this.row = row;
    this.closedRow = closedRow;
  }
}

type Separator = ',' | ';' | '\t';
const SEPARATORS: readonly Separator[] = [',', ';', '\t'];

/**
 * The text and its separator: the one a first line "sep=;" (or "sep=," or a tab) names, which Excel reads
 * and then hides; otherwise the one the header line uses most.
 */
function withSeparator(text: string): { text: string; separator: Separator } {
  const named = /^sep=([,;\t])(\r\n|\r|\n)/.exec(text);
  if (named) return { text: text.slice(named[0].length), separator: named[1] as Separator };
  return { text, separator: separatorOf(text) };
}

/**
 * The separator of the header line: the first that splits one of the rows a sheet's headers may be on
 * into the template's headers (a title above them may hold another: "Leveringen, stand 1 september").
 * Text without them, which no sheet is taken from, by the separator its first line that has one uses most.
 */
function separatorOf(text: string): Separator {
  return SEPARATORS.find((separator) => headRowsOf(text, separator).some((row) => sheetOfHeaders(row) !== undefined)) ?? mostUsedSeparator(text);
}

/** The rows a sheet's headers may be on, split by a separator; none where that separator leaves a quote unclosed. */
function headRowsOf(text: string, separator: Separator): string[][] {
  try {
    const rows: string[][] = [];
    for (const row of rowsOf(text, separator)) {
      if (row !== TURN && rows.push(row) === LAST_HEADER_ROW) break;
    }
    return rows;
  } catch (error) {
    if (error instanceof CsvError) return [];
    throw error;
  }
}

/**
 * The separator the first line that has one uses most outside quotes (a title above the headers has
 * none); a comma where none is used more.
 */
function mostUsedSeparator(text: string): Separator {
  const counts = new Map<string, number>(SEPARATORS.map((separator) => [separator, 0]));
  let quoted = false;
  for (const character of text) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && (character === '\n' || character === '\r')) {
      if ([...counts.values()].some((count) => count > 0)) break;
    } else if (!quoted && counts.has(character)) counts.set(character, counts.get(character)! + 1);
  }
  return [...counts].reduce((most, candidate) => (candidate[1] > most[1] ? candidate : most))[0] as Separator;
}
