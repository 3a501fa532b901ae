import { sql, type Kysely } from 'kysely';
import type { BudgetFund } from '../../../common/vocabulary/codes.ts';
import type { DeliveryDependants, NamingRecord } from '../../domain/delivery-dependants.ts';
import type { Database } from '../schema.ts';

type Db = Kysely<Database>;
type NamingTable = 'industryContractDelivery' | 'readinessJudgement' | 'replenishmentProjectDelivery' | 'nonReplacementDecision' | 'epfClaim' | 'budgetCommitment' | 'trainingProgrammeDelivery';

/** How many rows of a table name the delivery, as a subquery of one statement. */
const countNaming = (db: Db, table: NamingTable, deliveryId: string) => db.selectFrom(table).select(sql<string>`count(*)`.as('count')).where('deliveryId', '=', deliveryId);

/**
 * What other records say of one delivery: the contracts that fulfil it, its readiness records, the items
 * replaced of it, its EPF claims, the funds of its commitments and the public quantities decided for it.
 */
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
    disclosedQuantities: await disclosedQuantitiesOf(db, deliveryId),
  };
}

/**
 * The public quantities of the decisions in force (the latest decision of a delivery not removed) taken at
 * once for the delivery and others, each with what those others hold now: a removed one holds none. With
 * `othersOnly`, only those in force for one of the others: what stays of them once the delivery is removed.
 */
export async function disclosedQuantitiesOf(db: Db, deliveryId: string, { othersOnly = false } = {}): Promise<DeliveryDependants['disclosedQuantities']> {
  const { rows } = await sql<{ stated: string; othersHeld: (string | number | null)[] }>`
    select stated.public_quantity as stated,
      array(
        select case when other.deleted_at is null then other.quantity else 0 end
        from disclosure_decision member join delivery other on other.id = member.delivery_id
        where member.selection_id = stated.selection_id and member.delivery_id <> ${deliveryId}
      ) as others_held
    from (
      select distinct decision.selection_id, decision.public_quantity
      from disclosure_decision decision join delivery decided on decided.id = decision.delivery_id and decided.deleted_at is null
      where decision.selection_id in (select selection_id from disclosure_decision where delivery_id = ${deliveryId})
        and decision.state = 'public' and decision.public_quantity is not null
        and (${!othersOnly} or decision.delivery_id <> ${deliveryId})
        and not exists (
          select from disclosure_decision later
          where later.delivery_id = decision.delivery_id and (later.decided_at, later.id) > (decision.decided_at, decision.id)
        )
    ) stated`.execute(db);
  return rows.map(({ stated, othersHeld }) => ({ stated, othersHeld: othersHeld.map((held) => (held === null ? null : Number(held))) }));
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
