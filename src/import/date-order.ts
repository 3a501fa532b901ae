/**
 * Whether a file writes its dates in figures month first, as the United States does (a CSV file exported by a
 * spreadsheet set to English (US) holds 9/10/2025 for 10 September). A date that can only be read so (08/13/2025:
 * no 13th month) shows it. The file is judged as a whole, not column by column: one program writes all of a
 * file's dates the same way, and a column of dates that all read either way (9/10/2025, 10/3/2025) says nothing
 * of its own. A file that mixes dates typed day first with ones written month first cannot tell which of its
 * dates is which either, so none that reads as two days is guessed at.
 */
import type { ReadSheet } from './read-file.ts';
import { dateOfText } from './text-dates.ts';

/**
 * The date that shows a file writes dates in figures month first, as a fault of a date that reads as two days
 * names it: its text, its row, and its sheet when that is another than the fault's.
 */
export interface MonthFirstSign {
  monthFirstShown: string;
  monthFirstRow: string;
  monthFirstSheet?: string;
}

/** Each sheet's sign that its file writes dates in figures month first: the file's first date that only reads so; undefined for none. */
export function monthFirstSigns(sheets: readonly ReadSheet[]): ((sheetName: string) => MonthFirstSign) | undefined {
  for (const sheet of sheets) {
    const dateColumns = sheet.definition.columns.filter((column) => column.kind === 'date');
    for (const row of sheet.rows) {
      for (const column of dateColumns) {
        const cell = row.cells.get(column.key);
        if (typeof cell !== 'string' || !readsOnlyMonthFirst(cell)) continue;
        const sign = { monthFirstShown: cell.trim(), monthFirstRow: String(row.rowNumber) };
        return (sheetName) => (sheetName === sheet.name ? sign : { ...sign, monthFirstSheet: sheet.name });
      }
    }
  }
  return undefined;
}

/** The start of a date in figures whose second number can be no month (13–31), as one that reads only month first has: most cells are passed over by it alone. */
const SECOND_NUMBER_NO_MONTH = /^\s*\d{1,2}[-/.](?:1[3-9]|2\d|3[01])[-/.]/;

function readsOnlyMonthFirst(text: string): boolean {
  if (!SECOND_NUMBER_NO_MONTH.test(text)) return false;
  const read = dateOfText(text);
  return 'fault' in read && read.fault === 'monthFirstDate';
}
