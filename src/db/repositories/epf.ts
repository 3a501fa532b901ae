import { sql, type Kysely, type Selectable } from 'kysely';
import { sumCents, type Cents } from '../../../common/money.ts';
import {
  EPF_DUTCH_ROLES,
  EPF_TRANCHE_KINDS,
  type EpfAssessment,
  type EpfBlockage,
  type EpfClaim,
  type EpfClaimHistory,
  type EpfReceipt,
  type EpfTranche,
} from '../../domain/epf.ts';
import { withTypedErrors } from '../errors.ts';
import type { Database, EpfTrancheTable } from '../schema.ts';

type Db = Kysely<Database>;

/** The only name a unique constraint of the claims has: one reference per claim. */
export const UNIQUE_CLAIM_REFERENCE = 'epf_claim_reference_key';

function oneOf<const T extends readonly string[]>(codes: T, stored: string): T[number] {
  if (!codes.includes(stored)) throw new Error(`the database holds an unknown EPF code: "${stored}"`);
  return stored as T[number];
}

export async function insertTranche(db: Db, tranche: Omit<EpfTranche, 'isDemonstration'> & { isDemonstration?: boolean }): Promise<EpfTranche> {
  return trancheOf(await db.insertInto('epfTranche').values(tranche).returningAll().executeTakeFirstOrThrow());
}

export async function listTranches(db: Db): Promise<EpfTranche[]> {
  const rows = await db.selectFrom('epfTranche').selectAll().orderBy('decidedOn').orderBy('name').execute();
  return rows.map(trancheOf);
}

export async function findTranche(db: Db, id: string): Promise<EpfTranche | undefined> {
  const row = await db.selectFrom('epfTranche').selectAll().where('id', '=', id).executeTakeFirst();
  return row && trancheOf(row);
}

function trancheOf(row: Selectable<EpfTrancheTable>): EpfTranche {
  return {
    id: row.id,
    kind: oneOf(EPF_TRANCHE_KINDS, row.kind),
    name: row.name,
    euAmountCents: row.euAmountCents,
    decidedOn: row.decidedOn,
    dutchRole: oneOf(EPF_DUTCH_ROLES, row.dutchRole),
    note: row.note,
    isDemonstration: row.isDemonstration,
  };
}

export type NewClaim = Omit<EpfClaim, 'recordedAt'>;

export async function insertClaim(db: Db, claim: NewClaim): Promise<EpfClaim> {
  return withTypedErrors(db.insertInto('epfClaim').values(claim).returningAll().executeTakeFirstOrThrow());
}

export async function insertAssessment(db: Db, assessment: Omit<EpfAssessment, 'recordedAt'>): Promise<EpfAssessment> {
  return db.insertInto('epfAssessment').values(assessment).returningAll().executeTakeFirstOrThrow();
}

export async function insertReceipt(db: Db, receipt: Omit<EpfReceipt, 'recordedAt'>): Promise<EpfReceipt> {
  return db.insertInto('epfReceipt').values(receipt).returningAll().executeTakeFirstOrThrow();
}

export async function insertBlockage(db: Db, blockage: Omit<EpfBlockage, 'recordedAt'>): Promise<EpfBlockage> {
  return db.insertInto('epfBlockage').values(blockage).returningAll().executeTakeFirstOrThrow();
}

/** Locks the claim's row while its history grows, so that two additions are judged one after the other. */
export async function lockClaim(db: Db, id: string): Promise<void> {
  await db.selectFrom('epfClaim').select('id').where('id', '=', id).forUpdate().execute();
}

/** Every claim with its history (or only the one asked for), oldest claim first, each history in date order. */
export async function claimHistories(db: Db, claimId?: string): Promise<EpfClaimHistory[]> {
  const only = claimId !== undefined;
  const [claims, assessments, receipts, blockages] = await Promise.all([
    db.selectFrom('epfClaim').selectAll().$if(only, (query) => query.where('id', '=', claimId!)).orderBy('declaredOn').orderBy('reference').execute(),
    db.selectFrom('epfAssessment').selectAll().$if(only, (query) => query.where('claimId', '=', claimId!)).orderBy('assessedOn').orderBy('recordedAt').execute(),
    db.selectFrom('epfReceipt').selectAll().$if(only, (query) => query.where('claimId', '=', claimId!)).orderBy('receivedOn').orderBy('recordedAt').execute(),
    db.selectFrom('epfBlockage').selectAll().$if(only, (query) => query.where('claimId', '=', claimId!)).orderBy('effectiveOn').orderBy('recordedAt').execute(),
  ]);
  const byClaim = <R extends { claimId: string }>(rows: R[]) => {
    const map = new Map<string, R[]>();
    for (const row of rows) map.set(row.claimId, [...(map.get(row.claimId) ?? []), row]);
    return map;
  };
  const [assessed, received, blocked] = [byClaim(assessments), byClaim(receipts), byClaim(blockages)];
  return claims.map((claim) => ({
    claim,
    assessments: assessed.get(claim.id) ?? [],
    receipts: received.get(claim.id) ?? [],
    blockages: blocked.get(claim.id) ?? [],
  }));
}

/** A delivery as a claim on it needs it: its funding, its value at the date, and what was claimed on it before. */
export async function deliveryForClaim(db: Db, deliveryId: string, date: string) {
  return db
    .selectFrom('delivery')
    .select((eb) => [
      'delivery.fundingSource',
      eb
        .selectFrom('valuation')
        .select('valuation.amountCents')
        .whereRef('valuation.deliveryId', '=', 'delivery.id')
        .where('valuation.effectiveDate', '<=', date)
        .orderBy('valuation.effectiveDate', 'desc')
        .orderBy('valuation.recordedAt', 'desc')
        .limit(1)
        .as('valueCents'),
      eb
        .selectFrom('epfClaim')
        .select(sql<Cents>`coalesce(sum(declared_cents), 0)::bigint`.as('claimed'))
        .whereRef('epfClaim.deliveryId', '=', 'delivery.id')
        .as('alreadyClaimedCents'),
    ])
    .where('delivery.id', '=', deliveryId)
    .where('delivery.deletedAt', 'is', null)
    .executeTakeFirst();
}

/**
 * Work the Netherlands does for the EU as implementing actor (deliveries funded by the EPF): each at its
 * latest valuation effective on or before the date. It is never part of a Dutch total.
 */
export async function implementingActorCentsAt(db: Db, date: string): Promise<Cents> {
  const latest = await db
    .selectFrom('valuation')
    .innerJoin('delivery', 'delivery.id', 'valuation.deliveryId')
    .distinctOn('valuation.deliveryId')
    .select(['valuation.deliveryId', 'valuation.amountCents'])
    .where('delivery.fundingSource', '=', 'epf')
    .where('delivery.deletedAt', 'is', null)
    .where('valuation.effectiveDate', '<=', date)
    .orderBy('valuation.deliveryId')
    .orderBy('valuation.effectiveDate', 'desc')
    .orderBy('valuation.recordedAt', 'desc')
    .execute();
  return sumCents(latest.map((row) => row.amountCents));
}

/** Loads rows of the demonstration register; a row already there (by its id) is left as it is. Returns whether anything was added. */
export async function insertDemonstrationIfAbsent(
  db: Db,
  data: { tranches: readonly EpfTranche[]; claims: readonly EpfClaimHistory[] },
): Promise<boolean> {
  let added = false;
  const insert = async (query: { executeTakeFirst(): Promise<{ numInsertedOrUpdatedRows?: bigint }> }) => {
    if ((await query.executeTakeFirst()).numInsertedOrUpdatedRows === 1n) added = true;
  };
  for (const tranche of data.tranches) await insert(db.insertInto('epfTranche').values(tranche).onConflict((c) => c.column('id').doNothing()));
  for (const { claim, assessments, receipts, blockages } of data.claims) {
    await insert(db.insertInto('epfClaim').values(claim).onConflict((c) => c.column('id').doNothing()));
    for (const row of assessments) await insert(db.insertInto('epfAssessment').values(row).onConflict((c) => c.column('id').doNothing()));
    for (const row of receipts) await insert(db.insertInto('epfReceipt').values(row).onConflict((c) => c.column('id').doNothing()));
    for (const row of blockages) await insert(db.insertInto('epfBlockage').values(row).onConflict((c) => c.column('id').doNothing()));
  }
  return added;
}
