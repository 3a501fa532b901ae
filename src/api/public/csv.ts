/**
 * RFC 4180 CSV. A cell that a spreadsheet would read as a formula (=, +, -, @, tab, carriage return at
 * the start) gets a leading apostrophe, so that opening open data never runs anything.
 */
export function toCsv<K extends string>(columns: readonly K[], rows: readonly Record<K, string | number | null>[]): string {
  return [csvLine(columns), ...rows.map((row) => csvRow(columns, row))].join('');
}

/** A line of cells, ended by CRLF. */
export function csvLine(cells: readonly (string | number | null)[]): string {
  return `${cells.map(cell).join(',')}\r\n`;
}

/** A row's cells in the order of the columns, as a line. */
export function csvRow<K extends string>(columns: readonly K[], row: Readonly<Record<K, string | number | null>>): string {
  return csvLine(columns.map((column) => row[column]));
}

function cell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n']/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
