/**
 * A row of totals below a table, as a sheet kept by hand has one: the first cell of it with a value says so
 * ("Totaal", "Subtotaal", "Total:"), in a column of the template or not (a column of row numbers). It is no
 * record, and is refused as one saying so, rather than for each of the values a record needs and it lacks.
 */
import type { CellValue } from './cells.ts';

const TOTALS_LABEL = /^(?:sub|eind|grand\s*)?totaa?l(?:s|en)?\s*:?$/i;

/** The column of a row's first cell with a value, from 0, and its text, when that text says the row holds totals. */
export function totalsLabelOf(cells: readonly CellValue[]): { position: number; label: string } | undefined {
  // By its keys: only the cells a sparse row has.
  for (const key of Object.keys(cells)) {
    const cell = cells[Number(key)];
    if (cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '')) continue;
    return typeof cell === 'string' && TOTALS_LABEL.test(cell.trim()) ? { position: Number(key), label: cell.trim() } : undefined;
  }
  return undefined;
}
