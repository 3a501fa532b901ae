import type { Kysely } from 'kysely';
import { centsOfTotal } from '../../common/money.ts';
import {
  realisedSupportPerDeliveryAt,
  realisedTotalsAt,
  soleContributionsOfUndisclosedValue,
  type DeliveryContribution,
} from '../db/repositories/figures.ts';
import { epfFigurePartsAt } from '../db/repositories/epf.ts';
import { findFrozenAnnex, latestFinalBefore, type StoredLetter } from '../db/repositories/letters.ts';
import type { Database } from '../db/schema.ts';
import { SUPPORT_TYPES, type SupportType } from '../domain/delivery.ts';
import { EPF_DELIVERY_FIGURES } from '../domain/epf.ts';
import { partChanges, soleUndisclosedParts, type EpfDeliveryPart } from '../domain/epf-disclosure.ts';
import { COMPANY_FIGURES, type CompanyFigure } from '../domain/industry.ts';
import { figureNames, nameParts, type NarrativeBlock } from '../letters/narrative.ts';
import { confidentialCompanyFactsAt } from './industry.ts';
import { reportedTotals } from './letters.ts';

type Db = Kysely<Database>;

/** What a letter's figure gives away: its total (a first letter), its change since the previous letter, or its restatement of that letter's figure. */
type CautionKind = 'total' | 'change' | 'restatement';

interface DeliveryCaution {
  kind: CautionKind;
  supportType: SupportType;
  /** The previous letter's reference date; null for a first letter. */
  since: string | null;
  deliveryId: string;
  title: string;
  cents: number;
}

/** An industry figure the text names that is, beside what companies decided public make of it, one confidential company's part alone. */
interface IndustryCaution {
  kind: 'industryFigure';
  figure: CompanyFigure;
  companyId: string;
  company: string;
  /** The company's part in the figure: cents for `contractValue`, a count for the others. */
  part: number;
}

/**
 * An EPF figure the text names that is, beside what is public of it, one delivery's part alone: the claims on it, or
 * its worth as implementing actor (epfFigure); or whose change since the previous letter's reference date (`since`)
 * is that delivery's change alone (epfChange, `cents` the change).
 */
type EpfCaution = ({ kind: 'epfFigure' } | { kind: 'epfChange'; since: string }) & EpfDeliveryPart;

export type DisclosureCaution = DeliveryCaution | IndustryCaution | EpfCaution;

/**
 * Where a draft's figures would disclose what is not public, so that the disclosure officer is told before approving
 * (it does not refuse the approval). First, in the order of the letter's table, a part of one delivery's value:
 * - a support type whose figure changed since the previous letter (or, in a first letter, came about) by that
 *   one delivery alone, once the deliveries whose public value is their whole part are set aside;
 * - a support type whose figure at the previous letter's reference date, recomputed now, differs from what that
 *   letter reported by one delivery alone: the letter prints the restated figure beside the reported one.
 * Whoever lays the two letters side by side reads that part. Then each industry figure the text names that one
 * confidential company's contracts alone add to: less what the public companies make of it, it is that company's.
 * Then each EPF figure the text names that one delivery's claims (or its worth as implementing actor) alone make
 * once what is public of it is set aside: a delivery not decided public, or public at another value; and each whose
 * change since the previous letter one delivery's change alone makes, in the same way.
 */
export async function disclosureCautions(db: Db, letter: { referenceDate: string; blocks: readonly NarrativeBlock[] }): Promise<DisclosureCaution[]> {
  const previous = (await latestFinalBefore(db, letter.referenceDate)) ?? null;
  const since = previous?.referenceDate ?? null;
  const [changes, restatements, industry, epf] = await Promise.all([
    soleContributionsOfUndisclosedValue(db, since, letter.referenceDate),
    previous ? soleRestatements(db, previous) : [],
    industryCautions(db, letter),
    epfCautions(db, letter, since),
  ]);
  const caution = (kind: CautionKind) => (contribution: DeliveryContribution): DeliveryCaution => ({
    kind,
    supportType: contribution.supportType,
    since,
    deliveryId: contribution.deliveryId,
    title: contribution.title,
    cents: centsOfTotal(contribution.cents),
  });
  const table = [...changes.map(caution(since ? 'change' : 'total')), ...restatements.map(caution('restatement'))].sort(
    (a, b) => SUPPORT_TYPES.indexOf(a.supportType) - SUPPORT_TYPES.indexOf(b.supportType),
  );
  return [...table, ...industry, ...epf];
}

/**
 * The EPF figures the text names (`{{epfBlocked}}`, `{{epfPaid:2025}}`) that one delivery's part alone makes beside
 * what is public, and those whose change since the previous letter's reference date one delivery's change alone
 * makes, in the order of EPF_DELIVERY_FIGURES. A change that is the very part told of its figure already (a part
 * new since) tells nothing more. The change compares the figures at both dates as they stand now, whether or not
 * the previous letter's text named them: whoever reads the register's figures at that date can.
 */
async function epfCautions(db: Db, letter: { referenceDate: string; blocks: readonly NarrativeBlock[] }, since: string | null): Promise<EpfCaution[]> {
  const named = new Set(figureNames(letter.blocks));
  const nameOf = (part: EpfDeliveryPart) => (part.year === null ? part.figure : `${part.figure}:${part.year}`);
  if (![...named].some((name) => EPF_DELIVERY_FIGURES.some((figure) => name === figure || name.startsWith(`${figure}:`)))) return [];
  const [now, then] = await Promise.all([epfFigurePartsAt(db, letter.referenceDate), since ? epfFigurePartsAt(db, since) : null]);
  const key = (part: EpfDeliveryPart) => `${nameOf(part)} ${part.deliveryId} ${part.cents}`;
  const figures = soleUndisclosedParts(now)
    .filter((part) => named.has(nameOf(part)))
    .map((part) => ({ kind: 'epfFigure' as const, ...part }));
  const told = new Set(figures.map(key));
  const changes =
    since && then
      ? soleUndisclosedParts(partChanges(then, now))
          .filter((part) => named.has(nameOf(part)) && !told.has(key(part)))
          .map((part) => ({ kind: 'epfChange' as const, since, ...part }))
      : [];
  // Stable: a figure's own part before its change.
  return [...figures, ...changes].sort((a, b) => EPF_DELIVERY_FIGURES.indexOf(a.figure) - EPF_DELIVERY_FIGURES.indexOf(b.figure) || (a.year ?? 0) - (b.year ?? 0));
}

/** The industry figures the text names (`{{industry.contracts}}`, or its words `{{industry.contracts|contract|contracten}}`) that one confidential company alone adds to. */
async function industryCautions(db: Db, letter: { referenceDate: string; blocks: readonly NarrativeBlock[] }): Promise<IndustryCaution[]> {
  const named = new Set(figureNames(letter.blocks).map((name) => nameParts(name)[0]));
  const figures = (Object.keys(COMPANY_FIGURES) as CompanyFigure[]).filter((figure) => named.has(`industry.${figure}`));
  if (figures.length === 0) return [];
  const companies = await confidentialCompanyFactsAt(db, letter.referenceDate);
  return figures.flatMap((figure) => {
    const adding = companies.filter((company) => company.facts[COMPANY_FIGURES[figure]] > 0);
    if (adding.length !== 1) return [];
    const [{ companyId, name, facts }] = adding as [(typeof adding)[number]];
    return [{ kind: 'industryFigure' as const, figure, companyId, company: name, part: facts[COMPANY_FIGURES[figure]] }];
  });
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
