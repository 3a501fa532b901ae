/**
 * Rows of cells as lines of a table for a terminal: each column as wide as its widest cell, two spaces between
 * columns, so that a column starts at the same place on every line however long or empty a cell before it is.
 * Cells are aligned left, or right in the columns `alignRight` names; a line ends at its last character.
 */
export function tableLines(rows: readonly (readonly string[])[], alignRight: (column: number) => boolean = () => false): string[] {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]!.length))) ?? [];
  return rows.map((row) => row.map((cell, column) => (alignRight(column) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join('  ').trimEnd());
}
