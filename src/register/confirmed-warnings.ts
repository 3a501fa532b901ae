import type { Kysely } from 'kysely';
import type { IsoDate } from '../../common/dates.ts';
import type { SentLetterJudgement } from '../db/repositories/delivery-creates.ts';
import * as letters from '../db/repositories/letters.ts';
import type { Database } from '../db/schema.ts';
import { countedDeliveryWarnings, realisedStockWarnings, sentLetterPeriodWarnings, type CountedDelivery, type SentLetter } from '../domain/sent-letter-period.ts';
import type { Warning } from '../domain/warnings.ts';

/**
 * The warning of a record dated on or before the reference date of the latest letter sent to parliament that changes
 * the figures at that date (money, a revaluation, a count of training): recorded, it changes what the register says
 * held at a date whose figures parliament has (sentLetterPeriodWarnings). A record that changes a printed figure only
 * in some cases says whether it does at the letter's reference date (`movesFiguresAt`): where it does not, it is no
 * warning.
 */
export async function sentLetterPeriodWarningsOf(
  db: Kysely<Database>,
  field: string,
  date: IsoDate,
  movesFiguresAt: MovesFiguresAt = () => true,
): Promise<Warning[]> {
  return warningsOfLatestSentLetter(db, (sent) => sentLetterPeriodWarnings(field, date, sent), movesFiguresAt);
}

/** Whether a record moves a figure the letter with this reference date printed. */
type MovesFiguresAt = (referenceDate: IsoDate) => boolean | Promise<boolean>;

/** The warnings a record has against the latest letter sent to parliament, where it moves a figure that letter printed. */
async function warningsOfLatestSentLetter(db: Kysely<Database>, warningsAgainst: (sent: SentLetter | undefined) => Warning[], movesFiguresAt: MovesFiguresAt): Promise<Warning[]> {
  const sent = await letters.latestSentLetter(db);
  const warnings = warningsAgainst(sent);
  return warnings.length > 0 && (await movesFiguresAt(sent!.referenceDate)) ? warnings : [];
}

/**
 * What a new delivery is made of its warnings (`made`, of countedDeliveryWarnings of it recorded, throwing where they
 * refuse it) and, for one realised, whose warnings read the latest letter sent to parliament, the letter it was judged
 * against and how it is made against another (`judged`): the statement that writes it holds that letter, and it is
 * judged again where another was sent meanwhile (writeDeliveryCreate). One not realised reads no letter.
 */
export async function judgedNewDelivery<Made>(
  db: Kysely<Database>,
  delivery: CountedDelivery,
  made: (warnings: Warning[]) => Made,
): Promise<{ made: Made; judged?: SentLetterJudgement<Made> }> {
  if (delivery.realisedAt == null) return { made: made([]) };
  const again = (sent: SentLetter | undefined) => made(countedDeliveryWarnings(null, delivery, sent));
  const against = await letters.latestSentLetter(db);
  return { made: again(against), judged: { against, again } };
}

/**
 * The warning of a delivery removed (`after` null) or changed so that it counts otherwise in the figures at the reference
 * date of the latest letter sent to parliament (countedDeliveryWarnings); one whose realisation, support type and funding
 * stay as they were, or one not realised removed, reads no letter.
 */
export async function countedDeliveryWarningsOf(db: Kysely<Database>, before: CountedDelivery, after: CountedDelivery | null): Promise<Warning[]> {
  const same =
    after === null
      ? before.realisedAt == null
      : before.realisedAt === after.realisedAt && before.supportType === after.supportType && before.fundingSource === after.fundingSource;
  return same ? [] : countedDeliveryWarnings(before, after, await letters.latestSentLetter(db));
}

/**
 * The warning of a record of stock deliveries dated in the period of the latest letter sent to parliament that the
 * letter shows for those realised by then (realisedStockWarnings); one of deliveries none of which was realised reads no
 * letter. A record that the letter shows only in some cases says whether it does at its reference date
 * (`movesFiguresAt`, as sentLetterPeriodWarningsOf): where it does not, it is no warning.
 */
export async function realisedStockWarningsOf(
  db: Kysely<Database>,
  field: string,
  date: IsoDate,
  earliestRealisation: IsoDate | null,
  movesFiguresAt: MovesFiguresAt = () => true,
): Promise<Warning[]> {
  return earliestRealisation === null ? [] : warningsOfLatestSentLetter(db, (sent) => realisedStockWarnings(field, date, earliestRealisation, sent), movesFiguresAt);
}
