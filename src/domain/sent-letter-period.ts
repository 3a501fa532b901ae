import type { IsoDate } from '../../common/dates.ts';
import type { FundingSource, SupportType } from './delivery.ts';
import type { Warning } from './warnings.ts';

/** The latest letter sent to parliament, as a warning names it: its reference date, and its paper number once it has one. */
export interface SentLetter {
  referenceDate: IsoDate;
  paperNumber: string | null;
}

/**
 * A record dated on or before the reference date of the latest letter sent to parliament that the letter prints figures
 * of (a payment, a valuation, or the withdrawal of one; a count of training, a contract, ...) changes what the register
 * says held at that date: the figures the letter printed, which stay as sent, no longer match the register's at its
 * reference date. That may be meant (a correction), but is not done by
 * accident: it is a warning to confirm, naming the letter. A date after it, or no letter sent yet, is none.
 */
export function sentLetterPeriodWarnings(field: string, date: IsoDate, sent: SentLetter | undefined): Warning[] {
  if (!sent || date > sent.referenceDate) return [];
  const params = { date, referenceDate: sent.referenceDate, ...(sent.paperNumber ? { paperNumber: sent.paperNumber } : {}) };
  return [{ field, code: 'datedInSentLetterPeriod', params }];
}

/**
 * What of a delivery decides what it counts for in the letter's figures at a date (realised support per support type,
 * of Dutch deliveries; the work for the EU as implementing actor, of those the EPF funds): realised on or before the
 * date or not, its support type, and whether the EPF funds it. Which of the Dutch budgets pays it counts for none.
 */
export interface CountedDelivery {
  realisedAt: IsoDate | null;
  supportType: SupportType;
  fundingSource: FundingSource;
}

/** What each field a delivery realised by a date counts for in the figures at it, in the order a warning names them. */
const COUNTED_AS = {
  supportType: (delivery: CountedDelivery) => delivery.supportType,
  fundingSource: (delivery: CountedDelivery) => delivery.fundingSource === 'epf',
} as const;

/**
 * A delivery recorded (`before` null), removed (`after` null) or changed so that it counts otherwise in the figures at
 * the reference date of the latest letter sent to parliament: added to or taken from what the letter counted as realised
 * by then (its realisation set, cleared or moved across the reference date, a new one realised by then, or one realised
 * by then removed), named at realisedAt by the date of the two on or before the reference date, a removal with `counted`
 * `removed`; or, realised by then before and after, moved to another of its rows (its support type, or whether the EPF
 * funds it), named at that field by its realisation date, with the field as `counted`. Anything else changes no figure
 * at that date, and is none.
 */
export function countedDeliveryWarnings(before: CountedDelivery | null, after: CountedDelivery | null, sent: SentLetter | undefined): Warning[] {
  if (!sent) return [];
  const realisedInPeriod = (delivery: CountedDelivery | null) => (delivery?.realisedAt != null && delivery.realisedAt <= sent.referenceDate ? delivery.realisedAt : null);
  const [was, is] = [realisedInPeriod(before), realisedInPeriod(after)];
  if (after === null) return was === null ? [] : counted(sentLetterPeriodWarnings('realisedAt', was, sent), 'removed');
  if (before === null || was === null || is === null) {
    const inside = was ?? is;
    return inside === null ? [] : sentLetterPeriodWarnings('realisedAt', inside, sent);
  }
  const moved = (Object.keys(COUNTED_AS) as (keyof typeof COUNTED_AS)[]).find((field) => COUNTED_AS[field](before) !== COUNTED_AS[field](after));
  return moved === undefined ? [] : counted(sentLetterPeriodWarnings(moved, is, sent), moved);
}

/** The warnings with what counts the delivery otherwise in their params (`counted`). */
const counted = (warnings: Warning[], how: string): Warning[] => warnings.map((warning) => ({ ...warning, params: { ...warning.params, counted: how } }));

/**
 * A record of stock deliveries that the letter shows only for those realised by its reference date (a judgement of the
 * effect on readiness, a replenishment project's state: the annex's readiness section and the letter's overall
 * judgement) is warned of at its date as sentLetterPeriodWarnings warns of it, but only where one of its deliveries was
 * realised by then (`earliestRealisation`, null for none): of deliveries realised later it changes no figure at that date.
 */
export function realisedStockWarnings(field: string, date: IsoDate, earliestRealisation: IsoDate | null, sent: SentLetter | undefined): Warning[] {
  return earliestRealisation !== null && sent !== undefined && earliestRealisation <= sent.referenceDate ? sentLetterPeriodWarnings(field, date, sent) : [];
}
