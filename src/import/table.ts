/** A sheet of a workbook or a CSV file as its rows of cells, before its headers are looked for. */
import type { CellValue } from './cells.ts';

/** Whether a sheet shows in the workbook: a very hidden one is not even listed by Excel's Unhide. */
export type SheetVisibility = 'visible' | 'hidden' | 'veryHidden';

/** Rows as sparse arrays of cells from the first column; a row number is its index plus one. */
export interface Table {
  name: string;
  visibility: SheetVisibility;
  rows: CellValue[][];
  /** The numbers of the rows the workbook hides. */
  hiddenRows: ReadonlySet<number>;
  /** The columns the workbook hides, by index from 0. */
  hiddenColumns: ReadonlySet<number>;
  /** Whether the workbook counts its dates from 1904 (as Excel for Mac once did) rather than 1900. */
  date1904: boolean;
}
