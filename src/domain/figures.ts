import { nl } from '../../common/vocabulary/nl.ts';
import { totalCents, type Cents, type CentsTotal } from '../../common/money.ts';
import type { IsoDate } from '../../common/dates.ts';
import { SUPPORT_TYPES, type SupportType } from './delivery.ts';
import {
  COMPARISON_PRECISION,
  REFERENCE_PRECISION,
  formatLetterAmount,
  formatLetterDate,
  formatPercent,
  formatRunningAmount,
  percentage,
  percentInWords,
  printedIncrease,
  changeSizeInWords,
  statedChange,
  CURRENT_WORDING,
  type AmountOptions,
  type LetterWording,
} from '../../common/letter-format.ts';

export const SUPPORT_TYPE_COLUMN_LABEL = 'Type steun';

const INCREASE_PERCENT_DECIMALS = 2;

export interface RealisedTotalsAt {
  date: IsoDate;
  totals: Readonly<Record<SupportType, Cents | CentsTotal>>;
}

interface FigureCell {
  cents: CentsTotal;
  text: string;
}

export interface FiguresLine {
  label: string;
  reference: FigureCell;
  compare: FigureCell;
  difference: FigureCell;
  /** Difference over the compare amount in percent, to INCREASE_PERCENT_DECIMALS; null when that is 0. */
  increasePercent: number | null;
  increasePercentText: string | null;
}

interface FiguresRow extends FiguresLine {
  supportType: SupportType;
}

export interface FiguresTable {
  referenceDate: IsoDate;
  compareDate: IsoDate;
  /** One per support type, in the letter's order (SUPPORT_TYPES is kept in that order). */
  rows: FiguresRow[];
  total: FiguresLine;
}

type Column = 'reference' | 'compare' | 'difference';
const COLUMN_PRECISION = {
  reference: REFERENCE_PRECISION,
  compare: COMPARISON_PRECISION,
  difference: COMPARISON_PRECISION,
} as const;
const TABLE_OPTIONS: AmountOptions = { unit: 'mld.' };

function formatColumn(column: Column, amount: CentsTotal, options: AmountOptions): string {
  return formatLetterAmount(amount, COLUMN_PRECISION[column], options);
}

/** The letter's realised-support table. The total is formatted from the exact sum, never from rounded rows. */
export function buildFiguresTable(reference: RealisedTotalsAt, compare: RealisedTotalsAt): FiguresTable {
  const rows = SUPPORT_TYPES.map((supportType) => ({
    supportType,
    ...line(nl.figureRows[supportType], reference.totals[supportType], compare.totals[supportType]),
  }));
  const total = line(
    nl.figureRows.total,
    totalCents(rows.map((row) => row.reference.cents)),
    totalCents(rows.map((row) => row.compare.cents)),
  );
  return { referenceDate: reference.date, compareDate: compare.date, rows, total };
}

function line(label: string, referenceCents: Cents | CentsTotal, compareCents: Cents | CentsTotal): FiguresLine {
  const [reference, compare] = [totalCents([referenceCents]), totalCents([compareCents])];
  const amounts: Record<Column, CentsTotal> = { reference, compare, difference: reference - compare };
  const cell = (column: Column): FigureCell => ({
    cents: amounts[column],
    text: formatColumn(column, amounts[column], TABLE_OPTIONS),
  });
  const hasBase = amounts.compare !== 0n;
  return {
    label,
    reference: cell('reference'),
    compare: cell('compare'),
    difference: cell('difference'),
    increasePercent: hasBase ? percentage(amounts.difference, amounts.compare, INCREASE_PERCENT_DECIMALS) : null,
    increasePercentText: hasBase ? formatPercent(amounts.difference, amounts.compare) : null,
  };
}

/**
 * The sentence that opens the letter's financial section, e.g. "De totale waarde van de gerealiseerde
 * militaire steun aan Oekraïne bedroeg op 31 augustus 2025 €8,7 mld. Dit is een toename van €2,82 mld. of
 * 48 procent ten opzichte van de vorige leveringenbrief.": the total at the reference date and, after a
 * previous letter, how much it differs from the earlier total as printed (printedIncrease): "evenveel" only
 * where the two are the same, "minder dan €10 mln." where the change is less than the printed figures show.
 */
export function headlineSentence(referenceDate: IsoDate, total: Cents | CentsTotal, earlierTotal: Cents | CentsTotal | null, wording: LetterWording = CURRENT_WORDING): string {
  // As {{total}} and {{increase}} print them ("€8,7 mld.", "€500.000"); format 3 printed one under €1 mln. as a fraction of a million.
  const inHeadline: LetterWording = wording.headlineUnderAMillionInEuro ? wording : { ...wording, underAMillionInEuro: false };
  const amount = formatRunningAmount(totalCents([total]), REFERENCE_PRECISION, inHeadline);
  // The point of "mld."/"mln." also ends the sentence, as in the letter.
  const opening = `De totale waarde van de gerealiseerde militaire steun aan Oekraïne bedroeg op ${formatLetterDate(referenceDate)} ${amount.endsWith('.') ? amount : `${amount}.`}`;
  if (earlierTotal === null) return opening;
  const { difference, compare, lessThan } = printedIncrease(total, earlierTotal, wording);
  const change = statedChange(difference, compare, lessThan, inHeadline);
  if (change.direction === 'unchanged') return `${opening} Dit is evenveel als in de vorige leveringenbrief.`;
  const percent = change.percent === null ? '' : ` of ${percentInWords(change.percent, wording)}`;
  return `${opening} Dit is een ${change.direction === 'decrease' ? 'afname' : 'toename'} van ${changeSizeInWords(change)}${percent} ten opzichte van de vorige leveringenbrief.`;
}
