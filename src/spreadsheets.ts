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

/** A column's position, counted from 0, from its letter(s) in A1 notation: A → 0, AA → 26. */
export function columnPosition(letters: string): number {
  return [...letters.toUpperCase()].reduce((number, character) => number * 26 + character.charCodeAt(0) - 64, 0) - 1;
}
