/**
 * CSV in two dialects: RFC 4180 (comma, decimal point) and the form Dutch Excel opens as it is (UTF-8 with
 * a byte order mark, semicolons, decimal comma), for open data and for the exports of the lists alike. A
 * text that a spreadsheet would read as a formula (=, +, -, @, tab, carriage return at the start) gets a
 * leading apostrophe, as OWASP's "CSV Injection" advises, so that opening a file never runs anything.
 */
export const CSV_DIALECTS = ['excel-nl', 'rfc4180'] as const;
export type CsvDialect = (typeof CSV_DIALECTS)[number];

/** A number already written in the dialect's notation ("1234,56"): written as it is, never taken for a formula. */
export interface CsvNumber {
  readonly numeric: string;
}

export type CsvCell = string | number | CsvNumber | null;

const SEPARATORS: Record<CsvDialect, string> = { 'excel-nl': ';', rfc4180: ',' };
const DECIMALS: Record<CsvDialect, string> = { 'excel-nl': ',', rfc4180: '.' };

/** What a file in the dialect starts with: the byte order mark by which Excel knows it is UTF-8. */
export function csvPreamble(dialect: CsvDialect): string {
  return dialect === 'excel-nl' ? '\uFEFF' : '';
}

/**
 * Cents as an exact decimal text of euros, from the integer's digits (no division, so exact beyond 2^53),
 * without thousands separators: -1234567 → "-12345.67" (or "-12345,67" with a decimal comma).
 */
export function euroText(cents: number | bigint | string, decimal = '.'): string {
  const digits = BigInt(cents).toString();
  const negative = digits.startsWith('-');
  const padded = (negative ? digits.slice(1) : digits).padStart(3, '0');
  return `${negative ? '-' : ''}${padded.slice(0, -2)}${decimal}${padded.slice(-2)}`;
}

/** Cents as euros in the dialect's decimal notation: "1234,56" or "1234.56". */
export function csvEuros(cents: number | bigint | string | null, dialect: CsvDialect): CsvNumber | null {
  return cents === null ? null : { numeric: euroText(cents, DECIMALS[dialect]) };
}

/**
 * How a text starts that gets a leading apostrophe: what a spreadsheet would read as a formula, also behind
 * apostrophes of its own ("'=QA"), so that the import, which takes one apostrophe off such a text, gives
 * back the text itself.
 */
const NEUTRALISED_START = /^'*[=+\-@\t\r]/;

/** A text with a leading apostrophe when a spreadsheet would read it as a formula (or read back without an apostrophe of its own). */
export function neutralised(text: string): string {
  return NEUTRALISED_START.test(text) ? `'${text}` : text;
}

/** A text as it was before `neutralised` gave it its apostrophe, so that an export imports back as what the register holds. */
export function withoutNeutraliser(text: string): string {
  return text.startsWith("'") && NEUTRALISED_START.test(text.slice(1)) ? text.slice(1) : text;
}

/**
 * A text for a cell that never runs as a formula (XLSX): as it is, but with a leading apostrophe where the
 * import would otherwise take one of its own away ("'=QA" is written "''=QA").
 */
export function unchangedOnImport(text: string): string {
  return withoutNeutraliser(text) === text ? text : `'${text}`;
}

export function toCsv<K extends string>(columns: readonly K[], rows: readonly Record<K, CsvCell>[], dialect: CsvDialect = 'rfc4180'): string {
  return [csvPreamble(dialect), csvLine(columns, dialect), ...rows.map((row) => csvRow(columns, row, dialect))].join('');
}

/** A line of cells, ended by CRLF. */
export function csvLine(cells: readonly CsvCell[], dialect: CsvDialect = 'rfc4180'): string {
  return `${cells.map(cell).join(SEPARATORS[dialect])}\r\n`;
}

/** A row's cells in the order of the columns, as a line. */
export function csvRow<K extends string>(columns: readonly K[], row: Readonly<Record<K, CsvCell>>, dialect: CsvDialect = 'rfc4180'): string {
  return csvLine(
    columns.map((column) => row[column]),
    dialect,
  );
}

/**
 * What makes a text quoted: a quote, a line end, an apostrophe, a tab, or the separator of either dialect.
 * A spreadsheet may split a file on another separator than the dialect's (Dutch Excel splits on semicolons
 * whatever the file uses; Excel's text import and LibreOffice split on tabs), and an unquoted "Drones;=1+2"
 * would then start a cell with a formula.
 */
const QUOTED = /["\r\n\t',;]/;

function cell(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'object') return value.numeric;
  const text = typeof value === 'string' ? neutralised(value) : String(value);
  return QUOTED.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
