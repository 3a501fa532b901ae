import { sql, type Kysely } from 'kysely';
import type { BudgetFund } from '../../../common/vocabulary/codes.ts';
import type { DeliveryDependants, NamingRecord } from '../../domain/delivery-dependants.ts';
import type { Database } from '../schema.ts';

type Db = Kysely<Database>;
type NamingTable = 'industryContractDelivery' | 'readinessJudgement' | 'replenishmentProjectDelivery' | 'nonReplacementDecision' | 'epfClaim' | 'budgetCommitment' | 'trainingProgrammeDelivery';

/** How many rows of a table name the delivery, as a subquery of one statement. */
const countNaming = (db: Db, table: NamingTable, deliveryId: string) => db.selectFrom(table).select(sql<string>`count(*)`.as('count')).where('deliveryId', '=', deliveryId);

/** What other records say of one delivery: the contracts that fulfil it, its readiness records, the items replaced of it, its EPF claims and the funds of its commitments. */
export async function dependantsOf(db: Db, deliveryId: string): Promise<DeliveryDependants> {
  const count = (table: NamingTable) => countNaming(db, table, deliveryId);
  const row = await db
    .selectNoFrom((eb) => [
      count('industryContractDelivery').as('contracts'),
      count('readinessJudgement').as('judgements'),
      count('replenishmentProjectDelivery').as('replacements'),
      count('nonReplacementDecision').as('nonReplacements'),
      count('epfClaim').as('epfClaims'),
      eb.selectFrom('replenishmentProjectDelivery').select(sql<string>`coalesce(sum(replaced_quantity), 0)`.as('quantity')).where('deliveryId', '=', deliveryId).as('replacedQuantity'),
      eb.selectFrom('budgetCommitment').select(sql<BudgetFund[]>`coalesce(array_agg(distinct fund), '{}')`.as('funds')).where('deliveryId', '=', deliveryId).as('commitmentFunds'),
    ])
    .executeTakeFirstOrThrow();
  return {
    contracts: Number(row.contracts),
    readinessRecords: Number(row.judgements) + Number(row.replacements) + Number(row.nonReplacements),
    replacedQuantity: Number(row.replacedQuantity),
    epfClaims: Number(row.epfClaims),
    commitmentFunds: row.commitmentFunds ?? [],
  };
}

/** How many records of other domains name the delivery, per kind (the kinds that name none are left out). */
export async function recordsNaming(db: Db, deliveryId: string): Promise<Partial<Record<NamingRecord, number>>> {
  const count = (table: NamingTable) => countNaming(db, table, deliveryId);
  const row = await db
    .selectNoFrom([
      count('budgetCommitment').as('budgetCommitments'),
      count('epfClaim').as('epfClaims'),
      count('trainingProgrammeDelivery').as('trainingProgrammes'),
      count('replenishmentProjectDelivery').as('replenishmentProjects'),
      count('industryContractDelivery').as('industryContracts'),
    ])
    .executeTakeFirstOrThrow();
  return Object.fromEntries(Object.entries(row).map(([kind, found]) => [kind, Number(found)]).filter(([, found]) => found !== 0));
}
