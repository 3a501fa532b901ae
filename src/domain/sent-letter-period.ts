import type { IsoDate } from '../../common/dates.ts';
import type { Warning } from './warnings.ts';

/** The latest letter sent to parliament, as a warning names it: its reference date, and its paper number once it has one. */
export interface SentLetter {
  referenceDate: IsoDate;
  paperNumber: string | null;
}

/**
 * Money dated on or before the reference date of the latest letter sent to parliament (a payment, a valuation, or the
 * withdrawal of one) changes what the register says held at that date: the figures the letter printed, which stay as
 * sent, no longer match the register's at its reference date. That may be meant (a correction), but is not done by
 * accident: it is a warning to confirm, naming the letter. A date after it, or no letter sent yet, is none.
 */
export function sentLetterPeriodWarnings(field: string, date: IsoDate, sent: SentLetter | undefined): Warning[] {
  if (!sent || date > sent.referenceDate) return [];
  const params = { date, referenceDate: sent.referenceDate, ...(sent.paperNumber ? { paperNumber: sent.paperNumber } : {}) };
  return [{ field, code: 'datedInSentLetterPeriod', params }];
}

/**
 * A delivery's realisation moved across the reference date of the latest letter sent to parliament (set, cleared or
 * changed from on or before it to after it, or back) adds it to or takes it from what the letter counted as realised
 * by then: the warning names the date of the two on or before the reference date. A move on either side of it
 * changes no figure at that date, and is none.
 */
export function realisationMoveWarnings(field: string, from: IsoDate | null, to: IsoDate | null, sent: SentLetter | undefined): Warning[] {
  const inPeriod = (date: IsoDate | null): date is IsoDate => sent !== undefined && date !== null && date <= sent.referenceDate;
  const [inside, ...bothInside] = [from, to].filter(inPeriod);
  return inside !== undefined && bothInside.length === 0 ? sentLetterPeriodWarnings(field, inside, sent) : [];
}
