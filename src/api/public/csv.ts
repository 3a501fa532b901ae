/**
 * CSV in two dialects: RFC 4180 (comma, decimal point) and the form Dutch Excel opens as it is (UTF-8 with
 * a byte order mark, semicolons, decimal comma). A cell that a spreadsheet would read as a formula (=, +,
 * -, @, tab, carriage return at the start) gets a leading apostrophe, so that opening open data never runs
 * anything.
 */
export const CSV_DIALECTS = ['excel-nl', 'rfc4180'] as const;
export type CsvDialect = (typeof CSV_DIALECTS)[number];

type Cell = string | number | null;

const SEPARATORS: Record<CsvDialect, string> = { 'excel-nl': ';', rfc4180: ',' };

/** What a file in the dialect starts with: the byte order mark by which Excel knows it is UTF-8. */
export function csvPreamble(dialect: CsvDialect): string {
  return dialect === 'excel-nl' ? '\uFEFF' : '';
}

/** Cents as euros in the dialect's decimal notation, without thousands separators: "1234,56" or "1234.56". */
export function csvEuros(cents: number | null, dialect: CsvDialect): string | null {
  if (cents === null) return null;
  const sign = cents < 0 ? '-' : '';
  const whole = Math.abs(cents);
  return `${sign}${Math.floor(whole / 100)}${dialect === 'excel-nl' ? ',' : '.'}${String(whole % 100).padStart(2, '0')}`;
}

export function toCsv<K extends string>(columns: readonly K[], rows: readonly Record<K, Cell>[], dialect: CsvDialect = 'rfc4180'): string {
  return [csvPreamble(dialect), csvLine(columns, dialect), ...rows.map((row) => csvRow(columns, row, dialect))].join('');
}

/** A line of cells, ended by CRLF. */
export function csvLine(cells: readonly Cell[], dialect: CsvDialect = 'rfc4180'): string {
  const separator = SEPARATORS[dialect];
  return `${cells.map((value) => cell(value, separator)).join(separator)}\r\n`;
}

/** A row's cells in the order of the columns, as a line. */
export function csvRow<K extends string>(columns: readonly K[], row: Readonly<Record<K, Cell>>, dialect: CsvDialect = 'rfc4180'): string {
  return csvLine(
    columns.map((column) => row[column]),
    dialect,
  );
}

function cell(value: Cell, separator: string): string {
  if (value === null) return '';
  const text = String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /["\r\n']/.test(safe) || safe.includes(separator) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
