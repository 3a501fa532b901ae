import type { Kysely } from 'kysely';
import type { IsoDate } from '../../common/dates.ts';
import { sumCents, totalCents, type Cents, type CentsTotal } from '../../common/money.ts';
import { SUPPORT_TYPES, type SupportType } from '../domain/delivery.ts';
import { buildFiguresTable, headlineSentence, type FiguresTable } from '../domain/figures.ts';
import { monthlyChangesUntil, realisedTotalsAtDates } from '../db/repositories/figures.ts';
import type { Database } from '../db/schema.ts';
import { containsDemonstrationData } from '../db/repositories/deliveries.ts';
import { latestDraftReferenceDate, latestFinalReferenceDate } from '../db/repositories/letter-publication.ts';
import { latestFinalBefore } from '../db/repositories/letters.ts';
import { reportedTotals } from './letters.ts';
import { ValidationError } from './errors.ts';

export interface FiguresReport extends FiguresTable {
  headline: string;
  /** The final letter the headline compares with, as a letter at the reference date does: its reference date and the total it printed. */
  headlineComparedWith: { referenceDate: IsoDate; printedTotalCents: Cents } | null;
  isDemonstration: boolean;
}

/**
 * The letter's table of realised support at a reference date, compared with an earlier date, and the
 * letter's sentence, which a letter at the reference date would print: compared with the total the final
 * letter it follows printed, whatever the date the table compares with (before a first letter, none).
 */
export async function figuresTable(db: Kysely<Database>, referenceDate: IsoDate, compareDate: IsoDate): Promise<FiguresReport> {
  const [[reference, compare], isDemonstration, headlineComparedWith] = await Promise.all([
    realisedTotalsAtDates(db, [referenceDate, compareDate]),
    containsDemonstrationData(db),
    previousLetterTotal(db, referenceDate),
  ]);
  const table = buildFiguresTable({ date: referenceDate, totals: reference }, { date: compareDate, totals: compare });
  const headline = headlineSentence(referenceDate, table.total.reference.cents, headlineComparedWith?.printedTotalCents ?? null);
  return { ...table, headline, headlineComparedWith, isDemonstration };
}

/** The last final letter before the reference date, which a letter at that date follows, and the total it printed. */
async function previousLetterTotal(db: Kysely<Database>, referenceDate: IsoDate): Promise<FiguresReport['headlineComparedWith']> {
  const previous = await latestFinalBefore(db, referenceDate);
  if (!previous?.publicSnapshot) return null;
  const totals = await reportedTotals(db, previous.id, previous.publicSnapshot);
  return { referenceDate: previous.referenceDate, printedTotalCents: sumCents(SUPPORT_TYPES.map((type) => totals[type])) };
}

/**
 * The dates the next letter compares: the reference date of the draft being written (the latest), or without
 * one today; and the reference date of the last final letter, which that letter follows (null before a first).
 */
export async function nextLetterDates(db: Kysely<Database>, today: IsoDate): Promise<{ referenceDate: IsoDate; compareDate: IsoDate | null }> {
  const [draft, lastFinal] = await Promise.all([latestDraftReferenceDate(db), latestFinalReferenceDate(db)]);
  return { referenceDate: draft ?? today, compareDate: lastFinal };
}

export interface SeriesPoint extends Record<SupportType, CentsTotal> {
  date: IsoDate;
  total: CentsTotal;
}

/** The longest series asked for at once: fifty years of months. */
const MAX_SERIES_MONTHS = 600;

/** Realised support per type at the end of each month from `from` to `until` (the last point at `until`). */
export async function figuresSeries(db: Kysely<Database>, from: IsoDate, until: IsoDate): Promise<SeriesPoint[]> {
  if (until < from) throw new ValidationError([{ field: 'to', code: 'beforeFrom' }]);
  if (monthsBetween(from, until) > MAX_SERIES_MONTHS) {
    throw new ValidationError([{ field: 'to', code: 'tooManyMonths', params: { maximum: String(MAX_SERIES_MONTHS) } }]);
  }
  const changes = await monthlyChangesUntil(db, until);
  const running = Object.fromEntries(SUPPORT_TYPES.map((type) => [type, 0n])) as Record<SupportType, CentsTotal>;
  const points: SeriesPoint[] = [];
  let next = 0;
  for (const monthEnd of monthEnds(from, until)) {
    for (; next < changes.length && changes[next]!.monthEnd <= monthEnd; next++) {
      running[changes[next]!.supportType] += changes[next]!.cents;
    }
    const total = totalCents(SUPPORT_TYPES.map((type) => running[type]));
    points.push({ date: monthEnd > until ? until : monthEnd, ...running, total });
  }
  return points;
}

function monthsBetween(from: IsoDate, to: IsoDate): number {
  const [fromYear, fromMonth] = from.split('-').map(Number) as [number, number];
  const [toYear, toMonth] = to.split('-').map(Number) as [number, number];
  return (toYear - fromYear) * 12 + (toMonth - fromMonth);
}

/** The last day of each month from the month of `from` to the month of `until`. */
function monthEnds(from: IsoDate, until: IsoDate): IsoDate[] {
  const ends: IsoDate[] = [];
  let [year, month] = from.split('-').map(Number) as [number, number];
  for (;;) {
    const end = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
    ends.push(end);
    if (end >= until) return ends;
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
}
