/**
 * What every reading and writing of a spreadsheet shares: exceljs itself, and how a spreadsheet names its columns.
 */

/**
 * exceljs, loaded when a spreadsheet is first read or written: it is a tenth of the server's memory at
 * start, and most servers go days without an import or an export.
 */
export async function loadExcelJs(): Promise<typeof import('exceljs')> {
  return (await import('exceljs')).default;
}

/** A column's letter(s) in A1 notation from its position, counted from 0: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(position: number): string {
  let letters = '';
  for (let rest = position + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

/**
 * A column's position, counted from 0, from its letter(s) in A1 notation, alone or leading a cell's
 * reference: A → 0, AA → 26, B7 → 1; -1 without a leading letter. Read a character at a time: a sheet's
 * reader asks this for every cell.
 */
export function columnPosition(reference: string): number {
  let position = 0;
  for (let index = 0; index < reference.length; index++) {
    const letter = reference.charCodeAt(index) & ~0x20; // upper case
    if (letter < 0x41 || letter > 0x5a) break;
    position = position * 26 + letter - 0x40;
  }
  return position - 1;
}
