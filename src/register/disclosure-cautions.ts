import type { Kysely } from 'kysely';
import { centsOfTotal } from '../../common/money.ts';
import {
  realisedSupportPerDeliveryAt,
  realisedTotalsAt,
  soleContributionsOfUndisclosedValue,
  type DeliveryContribution,
} from '../db/repositories/figures.ts';
import { findFrozenAnnex, latestFinalBefore, type StoredLetter } from '../db/repositories/letters.ts';
import type { Database } from '../db/schema.ts';
import { SUPPORT_TYPES, type SupportType } from '../domain/delivery.ts';
import { reportedTotals } from './letters.ts';

type Db = Kysely<Database>;

/** What a letter's figure gives away: its total (a first letter), its change since the previous letter, or its restatement of that letter's figure. */
type CautionKind = 'total' | 'change' | 'restatement';

export interface DisclosureCaution {
  kind: CautionKind;
  supportType: SupportType;
  /** The previous letter's reference date; null for a first letter. */
  since: string | null;
  deliveryId: string;
  title: string;
  cents: number;
}

/**
 * Where a draft's table of realised support would disclose a part of one delivery's value that is not
 * public, so that the disclosure officer is told before approving (it does not refuse the approval), in the
 * order of the letter's table:
 * - a support type whose figure changed since the previous letter (or, in a first letter, came about) by that
 *   one delivery alone, once the deliveries whose public value is their whole part are set aside;
 * - a support type whose figure at the previous letter's reference date, recomputed now, differs from what that
 *   letter reported by one delivery alone: the letter prints the restated figure beside the reported one.
 * Whoever lays the two letters side by side reads that part.
 */
export async function disclosureCautions(db: Db, letter: { referenceDate: string }): Promise<DisclosureCaution[]> {
  const previous = (await latestFinalBefore(db, letter.referenceDate)) ?? null;
  const since = previous?.referenceDate ?? null;
  const [changes, restatements] = await Promise.all([
    soleContributionsOfUndisclosedValue(db, since, letter.referenceDate),
    previous ? soleRestatements(db, previous) : [],
  ]);
  const caution = (kind: CautionKind) => (contribution: DeliveryContribution): DisclosureCaution => ({
    kind,
    supportType: contribution.supportType,
    since,
    deliveryId: contribution.deliveryId,
    title: contribution.title,
    cents: centsOfTotal(contribution.cents),
  });
  return [...changes.map(caution(since ? 'change' : 'total')), ...restatements.map(caution('restatement'))].sort(
    (a, b) => SUPPORT_TYPES.indexOf(a.supportType) - SUPPORT_TYPES.indexOf(b.supportType),
  );
}

/**
 * The deliveries that alone make a support type's figure at the previous letter's reference date differ from
 * what it reported, each with its difference: the figures are compared first, then the types that differ
 * delivery by delivery with that letter's annex, which holds what each counted for then (an annex frozen
 * before it named its deliveries cannot say which).
 */
async function soleRestatements(db: Db, previous: StoredLetter): Promise<DeliveryContribution[]> {
  if (!previous.publicSnapshot) return [];
  const [reported, now] = await Promise.all([reportedTotals(db, previous.id, previous.publicSnapshot), realisedTotalsAt(db, previous.referenceDate)]);
  const restated = SUPPORT_TYPES.filter((type) => centsOfTotal(now[type]) !== reported[type]);
  if (restated.length === 0) return [];
  const annex = await findFrozenAnnex(db, previous.id);
  if (!annex || annex.rows.some((row) => row.deliveryId === undefined)) return [];
  const key = (supportType: SupportType, deliveryId: string) => `${supportType} ${deliveryId}`;
  // Work for the EU counts in no Dutch total.
  const reportedRows = new Map(
    annex.rows.filter((row) => row.fundingSource !== 'epf' && restated.includes(row.supportType)).map((row) => [key(row.supportType, row.deliveryId!), row]),
  );
  const recomputed = new Map((await realisedSupportPerDeliveryAt(db, previous.referenceDate, restated)).map((row) => [key(row.supportType, row.deliveryId), row]));
  const differences: DeliveryContribution[] = [];
  for (const [rowKey, row] of reportedRows) {
    const cents = (recomputed.get(rowKey)?.cents ?? 0n) - BigInt(row.valueCents);
    if (cents !== 0n) differences.push({ supportType: row.supportType, deliveryId: row.deliveryId!, title: recomputed.get(rowKey)?.title ?? row.title, cents });
  }
  for (const [rowKey, row] of recomputed) if (!reportedRows.has(rowKey)) differences.push(row);
  return restated.flatMap((type) => {
    const ofType = differences.filter((difference) => difference.supportType === type);
    return ofType.length === 1 ? ofType : [];
  });
}
