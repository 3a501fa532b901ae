/**
 * A cell of a spreadsheet as the value a field of the API takes. Spreadsheets hold what people typed:
 * Dutch amounts ("€ 1.234,56"), dates as the spreadsheet's own date or as text (2025-06-01, 1-6-2025),
 * and choices by their label in either language or by their code.
 */
import { withoutNeutraliser } from '../api/csv.ts';
import { euroAmountFault, MAX_ENTRY_CENTS, parseEuroAmountExactly } from '../../common/money.ts';
import { parseWholeNumber, wholeNumberFault } from '../../common/number-text.ts';
import { codeNamed, type CodeListName, type ColumnKind } from './sheets.ts';
import type { MonthFirstSign } from './date-order.ts';
import { dateOfText } from './text-dates.ts';

/**
 * A cell of a workbook without a value to read: an error the spreadsheet shows (#REF!), a formula never
 * computed, or a cell a merge covers (`shown` is the merge's first cell, which holds its value).
 */
interface CellProblem {
  problem: 'cellError' | 'formulaWithoutValue' | 'mergedCell';
  shown: string;
}

/**
 * A number a workbook cell shows in a format of its own (00042, "LEV-"000, 15%, september 2025): the text it
 * shows, and the number it holds where that is what it shows (not for a percentage, which shows the number
 * times 100, nor for a date). A date format's number is Excel's serial number of a day (`serial`), which a date
 * column reads as that day; any other column reads the text the cell shows.
 */
export interface ShownNumber {
  readonly number: number | null;
  readonly shown: string;
  readonly serial?: number;
}

/** What a reader gives for a cell: text, a number, a date already written as YYYY-MM-DD, or why there is no value. */
export type CellValue = string | number | null | CellProblem | ShownNumber;

/** A cell read as its field's value, or the code of why it cannot be. */
export type CellReading = { value: unknown } | { fault: string; params?: Record<string, string> };

/**
 * A cell read as its column's value. `monthFirstSign` is given where the cell's file shows that it writes
 * dates in figures month first (see date-order.ts): a date then that reads as two days is refused, and the
 * fault names the sign.
 */
export function readCell(kind: ColumnKind, cell: CellValue, monthFirstSign?: MonthFirstSign): CellReading {
  if (cell === null || (typeof cell === 'string' && cell.trim() === '')) return { value: undefined };
  if (typeof cell === 'object' && 'problem' in cell) return { fault: cell.problem, params: { shown: cell.shown } };
  const garbled = typeof cell === 'string' ? garbledText(cell) : undefined;
  if (garbled) return { fault: 'garbledText', params: garbled };
  // Amounts, counts and dates are read from the number a cell holds; text and choices as the cell shows them.
  const number = typeof cell === 'object' ? (cell.number ?? cell.shown) : cell;
  switch (kind) {
    case 'date':
      return readDate(number, monthFirstSign);
    case 'amount':
      return typeof cell === 'object' && shownOtherwiseThanEuros(cell) ? { fault: 'amountShownOtherwise', params: { shown: cell.shown.trim(), held: generalText(cell.number!) } } : readEuroCents(number);
    case 'count':
      return typeof number === 'number' ? { value: atExcelPrecision(number) } : readCount(number);
  }
  const shown = typeof cell === 'object' ? cell.shown : typeof cell === 'number' ? generalText(cell) : cell;
  if (typeof kind === 'object') {
    if (kind.list === 'yesNo') return readYesNo(shown);
    return readCode(kind.list, shown);
  }
  const text = withLineFeeds(withoutNeutraliser(shown));
  return { value: kind === 'text' ? text.trim() : text };
}

/**
 * A number as a cell in Excel's General format shows it in a column wide enough: at most 15 significant
 * digits, so that a formula's binary remainder (0.1 + 0.2) is no digit, and a whole number in full.
 */
function generalText(number: number): string {
  return GENERAL.format(number);
}

const GENERAL = new Intl.NumberFormat('en-US', { useGrouping: false, maximumSignificantDigits: 15 });

/** A number at the 15 significant digits Excel shows: a formula's binary remainder (=1,15*100 holds 114.99999999999999) is no digit. */
const atExcelPrecision = (number: number) => Number(number.toPrecision(15));

/**
 * Line breaks as Excel keeps them in a cell, one line feed each: a CSV file saved on Windows has CRLF (or an old
 * Mac's CR) in a quoted field, and its text would otherwise differ from the same text imported from a workbook.
 */
const withLineFeeds = (text: string) => text.replace(/\r\n?/g, '\n');

/**
 * A whole number as text, read as the forms read one (parseWholeNumber): its thousands grouped by points as a
 * Dutch spreadsheet shows them ("1.000"), by spaces, by commas more than once, or not; "1.5" and "0.500" are
 * refused, and "1,000" as a number read two ways. With a minus it is read, for the range to refuse as it does a
 * cell's -3.
 */
function readCount(text: string): CellReading {
  const value = parseWholeNumber(text);
  if (value !== undefined) return { value };
  return wholeNumberFault(text) === 'numberAmbiguous' ? { fault: 'numberAmbiguous', params: { shown: text.trim() } } : { fault: 'notWholeNumber' };
}

function readCode(list: CodeListName, cell: string | number): CellReading {
  const code = codeNamed(list, String(cell));
  return code ? { value: code } : { fault: 'invalidChoice', params: { list } };
}

/**
 * Ja or Nee in either language, or a truth value as a spreadsheet keeps it: a cell holding TRUE or
 * FALSE (shown by Dutch Excel as WAAR or ONWAAR, and saved so in its CSV files).
 */
function readYesNo(cell: string | number): CellReading {
  const truth = TRUTH_VALUES[String(cell).trim().toLowerCase()];
  if (truth !== undefined) return { value: truth };
  const reading = readCode('yesNo', cell);
  return 'value' in reading ? { value: reading.value === 'yes' } : reading;
}

const TRUTH_VALUES: Readonly<Record<string, boolean>> = { true: true, waar: true, false: false, onwaar: false };

/**
 * Text written as UTF-8 and read back as Windows-1252 somewhere on its way ("OekraÃ¯ne" for
 * "Oekraïne", "â€™" for "’"), as happens when a CSV file without a byte order mark is opened in Excel
 * and saved again: the first such word, and what it stood for. Undefined for any other text: a lead
 * character of UTF-8 followed by the characters its continuation bytes show as in Windows-1252 is no
 * Dutch or English text.
 */
export function garbledText(text: string): { shown: string; meant: string } | undefined {
  const match = GARBLED.exec(text);
  if (!match) return undefined;
  const start = text.lastIndexOf(' ', match.index) + 1;
  const end = text.indexOf(' ', match.index + match[0].length);
  const shown = text.slice(start, end === -1 ? undefined : end);
  return { shown, meant: shown.replace(new RegExp(GARBLED.source, 'g'), asUtf8) };
}

/** The characters Windows-1252 shows for the bytes 0x80–0xFF (the WHATWG decoder: an unassigned byte as the control character of its number). */
const WINDOWS_1252 = new TextDecoder('windows-1252').decode(Uint8Array.from({ length: 128 }, (_, index) => 0x80 + index));
const charactersOf = (from: number, to: number) => [...WINDOWS_1252.slice(from - 0x80, to - 0x80 + 1)].map((character) => String.raw`\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
/** A continuation byte (0x80–0xBF) as Windows-1252 shows it; the non-breaking space (0xA0) only after Â and Ã, as text has it after other letters. */
const CONTINUATION = `[${charactersOf(0x80, 0x9f)}${charactersOf(0xa1, 0xbf)}]`;
/**
 * The lead characters of the two-byte letters that are garbled in practice: Â and Ã (Latin-1), Ä and Å (the
 * rest of Europe's Latin letters), Ð and Ñ (Cyrillic); and of three bytes â (punctuation: ’ “ – …) and ï
 * (a byte order mark). The other capitals with an accent (É, Ö, Ü) stand before a quotation mark in
 * ordinary text, so they are left out.
 */
const GARBLED = new RegExp(String.raw`[\u00c2\u00c3]\u00a0|[\u00c2-\u00c5\u00d0\u00d1]${CONTINUATION}|[\u00e2\u00ef]${CONTINUATION}{2}`);

/** Characters that Windows-1252 showed for the bytes of UTF-8, as the text they were. */
function asUtf8(characters: string): string {
  const bytes = Uint8Array.from(characters, (character) => (character.charCodeAt(0) >= 0xa0 && character.charCodeAt(0) <= 0xff ? character.charCodeAt(0) : 0x80 + WINDOWS_1252.indexOf(character)));
  return new TextDecoder('utf-8').decode(bytes);
}

function readDate(cell: string | number, monthFirstSign: MonthFirstSign | undefined): CellReading {
  const read = dateOfText(String(cell), monthFirstSign ? 'eitherWay' : 'dayFirst');
  if ('date' in read) return { value: read.date };
  const shown = String(cell).trim();
  if (read.fault === 'monthFirstDate') return { fault: read.fault, params: { shown, monthFirst: read.monthFirst } };
  if (read.fault === 'ambiguousDate') return { fault: read.fault, params: { shown, dayFirst: read.dayFirst, monthFirst: read.monthFirst, ...monthFirstSign } };
  return { fault: read.fault, params: { shown } };
}

/** The day serial number 0 stands for in each of Excel's date systems (1900: a day early, as Excel counts a 29 February 1900 that never was). */
const DAY_ZERO = { 1900: Date.UTC(1899, 11, 30), 1904: Date.UTC(1904, 0, 1) } as const;
const LAST_SERIAL = 2_958_465; // 9999-12-31

/** The day an Excel serial number (a date typed into a cell without a date format) stands for; undefined when it is none. */
export function excelSerialDate(serial: number, date1904: boolean): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > LAST_SERIAL) return undefined;
  return new Date(DAY_ZERO[date1904 ? 1904 : 1900] + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Whether a number cell's format shows its amount as something other than euros: in millions ("2,5 mln" for
 * 2.5, the number typed in millions) or in another currency ("$2,500.00"). The number read as euros would then
 * be a millionth of what its user sees, or in the wrong money. A format that scales the number it shows
 * (`#,##0,, "mln"` shows 2500000 as 3 mln) holds the amount in euros all the same, and a zero is zero in any
 * unit (an accounting format shows it as a dash).
 */
function shownOtherwiseThanEuros(cell: ShownNumber): boolean {
  if (cell.number === null || cell.number === 0) return false;
  const shown = readEuroCents(cell.shown);
  if (!('fault' in shown) || shown.fault !== 'notAnAmount') return false;
  const figures = readEuroCents(/\d[\d.,]*/.exec(cell.shown)?.[0] ?? '');
  if (!('value' in figures)) return true;
  // Scaled, the figures shown are at least a thousand times smaller than the number held (less than a hundred, rounded).
  const shownEuros = Number(figures.value) / 100;
  return Math.abs(cell.number) < 100 * Math.abs(shownEuros);
}

/** A plus in front, as some type a positive amount ("+1.234,56"). */
const PLUS_IN_FRONT = /^\+\s*/;

/** A negative amount as accountants write it: in brackets, "(1.234,56)", or with its minus after it, "1.234,56-". */
const ACCOUNTANTS_NEGATIVE = /^\((.+)\)$|^(.*\d)\s*-$/;

/** A minus in front as a word processor types it: an en dash or the minus sign. */
const TYPESET_MINUS = /^[\u2013\u2212]/;

/**
 * An amount written as accountants write a negative, or with a typeset minus, with a hyphen-minus in
 * front, as the amount's reader takes it.
 */
function withMinusInFront(text: string): string {
  const match = ACCOUNTANTS_NEGATIVE.exec(text);
  return match ? `-${(match[1] ?? match[2])!.trim()}` : text.replace(TYPESET_MINUS, '-');
}

/**
 * Euros as whole cents, exactly: a number cell as it is, text in the Dutch way (a comma before the
 * cents, dots between thousands) or with a decimal point ("1234.56"); a euro sign and spaces may
 * surround it. A dot followed by exactly three digits groups thousands ("1.234" is € 1.234); a comma
 * followed by three is refused rather than guessed at ("1,234"), saying so. An amount beyond the register's
 * largest is said to be too large, not to be no amount. Whole euros may end as Dutch writes them: "€ 250,-". A
 * negative amount may be written as accountants write one, "(1.234,56)" or "1.234,56-", so that the rule it
 * breaks is said rather than that it is no amount.
 */
export function readEuroCents(cell: string | number): CellReading {
  if (typeof cell === 'number') {
    if (Math.abs(cell) * 100 > MAX_ENTRY_CENTS) return { fault: 'amountTooLarge' };
    // The number's decimal text, read exactly (a binary product such as 139455647.55 × 100 is off by a fraction), at
    // the 15 digits Excel shows, so that a formula's binary remainder (0.1 + 0.2) is no digit; with a decimal comma,
    // which the reader takes for the decimals only: 1.234 is no € 1.234.
    const cents = parseEuroAmountExactly(String(atExcelPrecision(cell)).replace('.', ','));
    // A cell formatted as euros shows 1234.567 as € 1.234,57: its user is told what it holds.
    return cents === undefined ? { fault: 'amountBeyondCents', params: { shown: String(cell) } } : { value: Number(cents) };
  }
  const text = withMinusInFront(cell.trim().replace(/^(EUR|€)\s*/i, '').replace(/\s*(€|EUR)$/i, '')).replace(PLUS_IN_FRONT, '');
  const fault = euroAmountFault(text);
  if (fault === 'amountAmbiguous') return { fault, params: { shown: cell.trim() } };
  if (fault === 'amountBeyondCents') return { fault: 'amountTextBeyondCents', params: { shown: cell.trim() } };
  return fault ? { fault } : { value: Number(parseEuroAmountExactly(text)) };
}
