import type { Kysely } from 'kysely';
import { centsOfTotal } from '../../common/money.ts';
import { soleContributionsOfUndisclosedValue } from '../db/repositories/figures.ts';
import { latestFinalBefore } from '../db/repositories/letters.ts';
import type { Database } from '../db/schema.ts';
import { SUPPORT_TYPES, type SupportType } from '../domain/delivery.ts';

export interface DisclosureCaution {
  supportType: SupportType;
  /** The previous letter's reference date: the figure's change since then is what discloses; null for a first letter, whose totals do. */
  since: string | null;
  deliveryId: string;
  title: string;
  cents: number;
}

/**
 * Where a draft's table of realised support would disclose a part of one delivery's value that is not
 * public: a support type whose figure changed since the previous letter (or, in a first letter, came
 * about) by that one delivery alone, once the deliveries whose public value is their whole part are set
 * aside. Whoever lays the two letters side by side reads that part, so the disclosure officer is told
 * before approving, in the order of the letter's table; it does not refuse the approval.
 */
export async function disclosureCautions(db: Kysely<Database>, letter: { referenceDate: string }): Promise<DisclosureCaution[]> {
  const since = (await latestFinalBefore(db, letter.referenceDate))?.referenceDate ?? null;
  const contributions = await soleContributionsOfUndisclosedValue(db, since, letter.referenceDate);
  return contributions
    .map(({ supportType, deliveryId, title, cents }) => ({ supportType, since, deliveryId, title, cents: centsOfTotal(cents) }))
    .sort((a, b) => SUPPORT_TYPES.indexOf(a.supportType) - SUPPORT_TYPES.indexOf(b.supportType));
}
