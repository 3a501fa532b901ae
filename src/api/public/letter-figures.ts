/**
 * The figures of the published letters as open data: each letter's table of realised support exactly as
 * the letter printed it (from its frozen snapshot, never computed again), one row per letter and figure,
 * so that the rows of all letters together are a time series others can chart.
 */
import type { PublicLetterSummary } from '../../db/repositories/public.ts';
import type { PublicLetterSnapshot } from '../../letters/snapshot.ts';
import { formatPublishedFigure } from '../../../common/letter-format.ts';
import { csvEuros, toCsv, type CsvDialect } from '../csv.ts';

export interface LetterFigureRow {
  letterId: string;
  paperNumber: string | null;
  letterDate: string;
  referenceDate: string;
  /** The row of the letter's table: a type of support, or the total. */
  figure: string;
  label: string;
  /** The amount the letter printed (€ 8,8 mld. is 880000000000), never the figure to the cent. */
  cents: number;
  /** As the letter printed it, in its rounding: "€ 8,8 mld." */
  printed: string;
  /** A letter of demonstration data, not a real one. */
  isDemonstration: boolean;
}

export function letterFigureRows(letter: PublicLetterSummary, snapshot: PublicLetterSnapshot): LetterFigureRow[] {
  return snapshot.figures.lines.map((line) => ({
    letterId: letter.id,
    paperNumber: letter.paperNumber,
    letterDate: snapshot.letterDate,
    referenceDate: snapshot.referenceDate,
    figure: line.key,
    label: line.label,
    cents: line.currentCents,
    printed: formatPublishedFigure(line.currentCents),
    isDemonstration: snapshot.isDemonstration,
  }));
}

const COLUMNS = ['letterId', 'paperNumber', 'letterDate', 'referenceDate', 'figure', 'label', 'euros', 'printed', 'isDemonstration'] as const;

export function letterFiguresCsv(rows: readonly LetterFigureRow[], dialect: CsvDialect): string {
  return toCsv(
    COLUMNS,
    rows.map(({ cents, isDemonstration, ...row }) => ({ ...row, euros: csvEuros(cents, dialect), isDemonstration: String(isDemonstration) })),
    dialect,
  );
}
