/**
 * Column headers written over two rows, as sheets kept by hand have them: a header's words broken over two
 * cells ("Betaald" above "op", "Bedrag" above "in euro"), or a title over a group of columns with each
 * column's own header below it ("Betaling" merged over the columns headed "Bedrag (€)" and "Betaald op"). A
 * sheet is read by one row of headers, so such a header is one the template does not have, or none; found
 * here, the user is told which cells to put together, and a row below the header row that holds a part of a
 * header is one of headers, not of data.
 */
import { columnOfHeader, sheetOfHeaders, type ImportColumn, type SheetDefinition } from './sheets.ts';

/** A column whose header the header row shares with the row above or below it. */
export interface SplitHeader {
  /** The column's index from 0. */
  position: number;
  /** The template's column that the two cells, or the other one alone, name. */
  column: ImportColumn;
  /** The row the other cell is on, above or below the header row. */
  otherRow: 'above' | 'below';
  /** The other cell's text. */
  other: string;
}

/** The rows of a sheet's header cells as texts by column: the header row and the rows right above and below it. */
interface HeaderRows {
  above: readonly string[];
  headers: readonly string[];
  below: readonly string[];
}

/**
 * The columns of a sheet whose header is split over its header row and the row next to it: a header of a
 * column of the template (found among the header row's columns) with more of it, or the same in the other
 * language, below it; and a header the template does not have, or none, that with the cell above or below
 * it, or that cell alone, names a column the header row lacks. When the row below holds a part of a header,
 * it is a row of headers, so that any other text in it below a column of the template is a part of that
 * column's header too (a unit, a remark), which its user is told to put in the header or clear.
 */
export function splitHeaders(definition: SheetDefinition, rows: HeaderRows, found: ReadonlySet<string>): SplitHeader[] {
  const width = Math.max(rows.above.length, rows.headers.length, rows.below.length);
  const named = (upper: string, lower: string, other: string) => columnOfHeader(definition, joined(upper, lower)) ?? columnOfHeader(definition, other);
  const splits: SplitHeader[] = [];
  const otherTextBelow: SplitHeader[] = [];
  for (let position = 0; position < width; position++) {
    const header = rows.headers[position]?.trim() ?? '';
    const above = rows.above[position]?.trim() ?? '';
    const below = rows.below[position]?.trim() ?? '';
    const own = header === '' ? undefined : columnOfHeader(definition, header);
    const withBelow = below === '' ? undefined : named(header, below, below);
    const withAbove = above === '' ? undefined : named(above, header, above);
    if (own && withBelow?.key === own.key) splits.push({ position, column: own, otherRow: 'below', other: below });
    else if (!own && withBelow && !found.has(withBelow.key)) splits.push({ position, column: withBelow, otherRow: 'below', other: below });
    else if (!own && withAbove && !found.has(withAbove.key)) splits.push({ position, column: withAbove, otherRow: 'above', other: above });
    else if (own && below !== '') otherTextBelow.push({ position, column: own, otherRow: 'below', other: below });
  }
  return headersReachBelow(splits) ? [...splits, ...otherTextBelow].sort((a, b) => a.position - b.position) : splits;
}

/** Whether a sheet's headers are split over its header row and the row below it, which is then no row of data. */
export function headersReachBelow(splits: readonly SplitHeader[]): boolean {
  return splits.some((split) => split.otherRow === 'below');
}

/**
 * Two rows whose headers are the template's only read together, each column's two cells as one: the first
 * column whose header they break in two, and that header. Undefined when they are not, or break none.
 */
export function headerBrokenOverRows(upper: readonly string[], lower: readonly string[]): { position: number; header: string } | undefined {
  const headers = Array.from({ length: Math.max(upper.length, lower.length) }, (_, position) => joined(upper[position], lower[position]));
  const recognised = sheetOfHeaders(headers);
  if (!recognised) return undefined;
  const position = headers.findIndex((header, index) => upper[index]?.trim() && lower[index]?.trim() && columnOfHeader(recognised.definition, header));
  return position === -1 ? undefined : { position, header: headers[position]! };
}

/**
 * Two rows whose headers are the template's only read together, some columns headed on one row and the others
 * on the other (staggered, as long headers are made to fit narrow columns), no column on both: the row that holds
 * the most of the template's headers, and the columns whose header is on the other row, to be moved into it.
 * Undefined when they are not, or when one row holds all of the template's headers.
 */
export function headersStaggeredOverRows(upper: readonly string[], lower: readonly string[]): { into: 'upper' | 'lower'; moved: number[] } | undefined {
  const width = Math.max(upper.length, lower.length);
  const positions = Array.from({ length: width }, (_, position) => position);
  const written = (row: readonly string[]) => positions.filter((position) => (row[position]?.trim() ?? '') !== '');
  const [inUpper, inLower] = [written(upper), written(lower)];
  if (inUpper.some((position) => inLower.includes(position))) return undefined;
  const recognised = sheetOfHeaders(positions.map((position) => joined(upper[position], lower[position])));
  if (!recognised) return undefined;
  const named = (row: readonly string[], written: number[]) => written.filter((position) => columnOfHeader(recognised.definition, row[position]!)).length;
  const [namedUpper, namedLower] = [named(upper, inUpper), named(lower, inLower)];
  if (namedUpper === 0 || namedLower === 0) return undefined;
  return namedLower > namedUpper ? { into: 'lower', moved: inUpper } : { into: 'upper', moved: inLower };
}

/** The text of two cells above each other read as one. */
const joined = (upper = '', lower = '') => `${upper.trim()} ${lower.trim()}`.trim();
