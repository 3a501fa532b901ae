import { randomUUID } from 'node:crypto';
import { sql, type Insertable, type Kysely } from 'kysely';
import type { Database, EpfAssessmentTable, EpfBlockageTable, EpfClaimTable, EpfReceiptTable } from '../src/db/schema.ts';
import { BUDGET_FUNDS } from '../src/domain/budget.ts';
import { budgetFiguresAt } from '../src/register/budget.ts';
import { epfOverview, listClaims } from '../src/register/epf.ts';
import { SeededRandom } from './random.ts';
import type { BenchmarkQuery } from './queries.ts';

const BATCH_SIZE = 1_000;
const MILLION = 100_000_000; // cents
const YEARS = [2022, 2023, 2024, 2025, 2026, 2027];

/** One EPF claim per ten deliveries (10,000 at 100k) and one budget commitment per hundred. */
const claimsFor = (deliveries: number) => Math.floor(deliveries / 10);

const day = (random: SeededRandom, year: number) => `${year}-${String(random.integer(1, 12)).padStart(2, '0')}-${String(random.integer(1, 28)).padStart(2, '0')}`;

/**
 * Adds to a synthetic register what the budget and the EPF figures read: a decision per fund and budget
 * year, a few shifts, commitments with one or two stages, and claims on deliveries with their
 * assessments, receipts and blockages. Rows are written directly, as the deliveries are.
 */
export async function generateBudgetAndClaims(db: Kysely<Database>, deliveries: number, seed = 20250831): Promise<{ claims: number; commitments: number }> {
  const random = new SeededRandom(seed);
  for (const fund of BUDGET_FUNDS) {
    for (const year of YEARS) {
      const id = randomUUID();
      await db.insertInto('budgetDecision').values({ id, moment: `Begroting ${year}`, decidedOn: day(random, year - 1), fund, firstYear: year, lastYear: year, description: '', isDemonstration: false }).execute();
      await db.insertInto('budgetDecisionAmount').values({ decisionId: id, budgetYear: year, amountCents: random.integer(500, 3_000) * MILLION }).execute();
    }
    await db.insertInto('budgetShift').values({ id: randomUUID(), moment: 'Voorjaarsnota', decidedOn: day(random, 2025), fund, fromYear: 2026, toYear: 2025, amountCents: 100 * MILLION, description: '', isDemonstration: false }).execute();
  }
  const picked = await db.selectFrom('delivery').select(['id', 'realisedAt', 'fundingSource']).where('realisedAt', 'is not', null).where('fundingSource', '<>', 'epf').orderBy('id').limit(claimsFor(deliveries)).execute();
  const commitments = picked.filter((_, index) => index % 10 === 0);
  for (let start = 0; start < commitments.length; start += BATCH_SIZE) {
    const batch = commitments.slice(start, start + BATCH_SIZE).map((delivery) => ({
      id: randomUUID(),
      title: 'Synthetische verplichting',
      // From the fund the delivery is paid from, as the register has it.
      fund: BUDGET_FUNDS.find((fund) => fund === delivery.fundingSource)!,
      budgetYear: random.integer(2022, 2025),
      deliveryId: delivery.id,
      contractReference: null,
      isDemonstration: false,
    }));
    await db.insertInto('budgetCommitment').values(batch).execute();
    await db
      .insertInto('budgetCommitmentStage')
      .values(batch.flatMap((commitment) => [
        { id: randomUUID(), commitmentId: commitment.id, stage: 'pledged', amountCents: random.integer(1, 50) * MILLION, effectiveOn: day(random, commitment.budgetYear), note: '' },
        ...(random.chance(0.7) ? [{ id: randomUUID(), commitmentId: commitment.id, stage: 'committed', amountCents: random.integer(1, 50) * MILLION, effectiveOn: `${commitment.budgetYear}-12-31`, note: '' }] : []),
      ]))
      .execute();
  }
  for (let start = 0; start < picked.length; start += BATCH_SIZE) {
    const claims: Insertable<EpfClaimTable>[] = [];
    const assessments: Insertable<EpfAssessmentTable>[] = [];
    const receipts: Insertable<EpfReceiptTable>[] = [];
    const blockages: Insertable<EpfBlockageTable>[] = [];
    picked.slice(start, start + BATCH_SIZE).forEach((delivery, index) => {
      const id = randomUUID();
      const declaredOn = delivery.realisedAt!;
      const declaredCents = random.integer(1, 20) * MILLION;
      claims.push({ id, reference: `BENCH-${start + index}`, deliveryId: delivery.id, trancheId: null, period: declaredOn.slice(0, 7), declaredCents, declaredOn });
      if (declaredOn >= '2023-04-01' && random.chance(0.6)) blockages.push({ id: randomUUID(), claimId: id, blocked: true, effectiveOn: declaredOn, reason: 'Veto' });
      else if (random.chance(0.7)) {
        const compensatedCents = Math.floor(declaredCents * 0.4);
        assessments.push({ id: randomUUID(), claimId: id, compensatedCents, assessedOn: declaredOn, remainderExpectedBy: 2027 });
        if (random.chance(0.5)) receipts.push({ id: randomUUID(), claimId: id, amountCents: Math.floor(compensatedCents / 4), receivedOn: declaredOn });
      }
    });
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('epfClaim').values(claims).execute();
      if (assessments.length > 0) await trx.insertInto('epfAssessment').values(assessments).execute();
      if (receipts.length > 0) await trx.insertInto('epfReceipt').values(receipts).execute();
      if (blockages.length > 0) await trx.insertInto('epfBlockage').values(blockages).execute();
    });
  }
  await sql`vacuum analyze budget_commitment, budget_commitment_stage, epf_claim, epf_assessment, epf_receipt, epf_blockage`.execute(db);
  return { claims: picked.length, commitments: commitments.length };
}

/** What the budget page, the EPF page, the dashboard and the letter's budget and EPF figures ask of the database. */
export const BUDGET_EPF_QUERIES: BenchmarkQuery[] = [
  { name: 'budget figures per year known at 2025-08-31', run: (db) => budgetFiguresAt(db, '2025-08-31', '2025-09-10') },
  { name: 'EPF overview at 2025-08-31', run: (db) => epfOverview(db, '2025-08-31') },
  { name: 'EPF claims at 2025-08-31, first page of 25 with the count', run: (db) => listClaims(db, { date: '2025-08-31', start: undefined, pageSize: 25 }) },
];
