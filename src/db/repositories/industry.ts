import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import { z } from 'zod';
import {
  CATEGORIES,
  CONFIDENTIALITY_GROUNDS,
  COPRODUCTION_STAGES,
  DISCLOSURE_STATES,
  LESSON_CATEGORIES,
} from '../../../common/vocabulary/codes.ts';
import type {
  CompanyDisclosureDecisionTable,
  Database,
  DemandBundleTable,
  IndustryContractTable,
  LessonLearnedTable,
  MilestoneProgressTable,
  PriceDevelopmentTable,
  PublicCompanyTable,
} from '../schema.ts';
import { withTypedErrors } from '../errors.ts';
import { foldedReferenceIs } from './folded-reference.ts';

/** The only SQL of the industry domain. Its registers are small (tens of rows): lists are read whole. */
type Db = Kysely<Database>;

const CompanySchema = z.object({
  id: z.string(),
  name: z.string(),
  country: z.string(),
  registrationNumber: z.string().nullable(),
  disclosureState: z.enum(DISCLOSURE_STATES),
  isDemonstration: z.boolean(),
  createdAt: z.string(),
  /** Raised by each correction of it and each disclosure decision on it. */
  version: z.number().int(),
});
export type StoredCompany = z.infer<typeof CompanySchema>;

const COMPANY_COLUMNS = ['id', 'name', 'country', 'registrationNumber', 'disclosureState', 'isDemonstration', 'createdAt', 'version'] as const;

/** The unique index that gives each company of a country its own registration number, whatever its case and spacing (migration 043). */
export const UNIQUE_REGISTRATION_NUMBER = 'company_registration_number_per_country';

export async function insertCompany(db: Db, company: Omit<StoredCompany, 'disclosureState' | 'version'>): Promise<StoredCompany> {
  return CompanySchema.parse(await withTypedErrors(db.insertInto('company').values(company).returning(COMPANY_COLUMNS).executeTakeFirstOrThrow()));
}

/** The companies of the country, by the name they were registered under. */
export async function listCompaniesOf(db: Db, country: string): Promise<StoredCompany[]> {
  return (await db.selectFrom('company').select(COMPANY_COLUMNS).where('country', '=', country).orderBy('createdAt').orderBy('id').execute()).map((row) => CompanySchema.parse(row));
}

/** A company; locked until the transaction ends for a change of it (`update`), or from one (`share`) for a record that names it. */
export async function findCompany(db: Db, id: string, options: { lock?: 'update' | 'share' } = {}): Promise<StoredCompany | undefined> {
  const query = db.selectFrom('company').select(COMPANY_COLUMNS).where('id', '=', id);
  const row = await (options.lock === 'update' ? query.forUpdate() : options.lock === 'share' ? query.forShare() : query).executeTakeFirst();
  return row && CompanySchema.parse(row);
}

/** A company withdrawn because it was recorded in error or no longer takes part: from `withdrawnOn` on it is in no overview. */
export type CompanyWithdrawal = Selectable<Database['companyWithdrawal']>;

export async function insertCompanyWithdrawal(db: Db, withdrawal: Insertable<Database['companyWithdrawal']>): Promise<CompanyWithdrawal> {
  return db.insertInto('companyWithdrawal').values(withdrawal).returningAll().executeTakeFirstOrThrow();
}

/** The withdrawals of companies (of one, when given). */
export async function listCompanyWithdrawals(db: Db, companyId?: string): Promise<CompanyWithdrawal[]> {
  let query = db.selectFrom('companyWithdrawal').selectAll();
  if (companyId !== undefined) query = query.where('companyId', '=', companyId);
  return query.execute();
}

/** The contracts of a company, by their references, each with the day it was withdrawn (null while it was not). */
export async function contractsOfCompany(db: Db, companyId: string): Promise<{ reference: string; withdrawnOn: string | null }[]> {
  return db
    .selectFrom('industryContract')
    .leftJoin('industryContractWithdrawal', 'industryContractWithdrawal.contractId', 'industryContract.id')
    .select(['industryContract.reference', 'industryContractWithdrawal.withdrawnOn'])
    .where('industryContract.companyId', '=', companyId)
    .orderBy('industryContract.reference')
    .execute();
}

/** A company's own fields, which a correction sets. */
export type CompanyFields = Pick<StoredCompany, 'name' | 'country' | 'registrationNumber'>;

/**
 * Sets a company's fields while it is at the expected version, raising it; undefined when it is not at the version
 * (another change came first). Its public projection, if it has one, stays as its disclosure decision made it: the
 * public reads a corrected company only once the disclosure officer decides on it again: it waits for that decision
 * from `correctedSinceDecisionAt` (null for a company not decided on yet, which waits for its first).
 */
export async function updateCompany(
  db: Db,
  id: string,
  expectedVersion: number,
  fields: CompanyFields,
  correctedSinceDecisionAt: string | null,
): Promise<StoredCompany | undefined> {
  const updated = await withTypedErrors(
    db
      .updateTable('company')
      .set((eb) => ({ ...fields, version: eb('version', '+', 1), correctedSinceDecisionAt }))
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .returning(COMPANY_COLUMNS)
      .executeTakeFirst(),
  );
  return updated && CompanySchema.parse(updated);
}

export async function listCompanies(db: Db): Promise<StoredCompany[]> {
  return (await db.selectFrom('company').select(COMPANY_COLUMNS).orderBy('name').orderBy('id').execute()).map((row) => CompanySchema.parse(row));
}

// Disclosure of companies --------------------------------------------------------------------------

const CompanyDecisionSchema = z.object({
  id: z.string(),
  companyId: z.string(),
  state: z.enum(['public', 'confidential']),
  publicName: z.string().nullable(),
  ground: z.enum(CONFIDENTIALITY_GROUNDS).nullable(),
  reviewOn: z.string().nullable(),
  note: z.string(),
  decidedById: z.string().nullable(),
  decidedByName: z.string(),
  decidedAt: z.string(),
});
export type StoredCompanyDecision = z.infer<typeof CompanyDecisionSchema>;

export async function insertCompanyDecision(db: Db, decision: Selectable<CompanyDisclosureDecisionTable>): Promise<void> {
  await db.insertInto('companyDisclosureDecision').values(decision).execute();
}

/** The state each company's disclosure decisions left it in at the moment: its latest decision taken before it (a company without one is not in the map). */
export async function companyStatesBefore(db: Db, moment: string): Promise<Map<string, StoredCompanyDecision['state']>> {
  const rows = await db
    .selectFrom('companyDisclosureDecision')
    .select(['companyId', 'state'])
    .distinctOn('companyId')
    .where('decidedAt', '<', moment)
    .orderBy('companyId')
    .orderBy('decidedAt', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return new Map(rows.map((row) => [row.companyId, CompanyDecisionSchema.shape.state.parse(row.state)]));
}

export async function publicIdOfCompany(db: Db, companyId: string): Promise<string | null> {
  return (await db.selectFrom('company').select('publicId').where('id', '=', companyId).executeTakeFirst())?.publicId ?? null;
}

/** Sets the state a decision leaves a company in, raising its version; a correction before it waits for no other decision. */
export async function setCompanyDisclosure(db: Db, companyId: string, state: 'public' | 'confidential', publicId: string | null): Promise<void> {
  await db
    .updateTable('company')
    .set((eb) => ({ disclosureState: state, publicId, version: eb('version', '+', 1), correctedSinceDecisionAt: null }))
    .where('id', '=', companyId)
    .execute();
}

/** A company corrected since the disclosure officer decided on it, with what the public reads of it where it is public. */
export interface CorrectedCompany {
  companyId: string;
  name: string;
  country: string;
  disclosureState: 'public' | 'confidential';
  /** The name and country the public reads, as the latest decision made them; null for a confidential company. */
  publicName: string | null;
  publicCountry: string | null;
  correctedAt: string;
}

/** The companies corrected since their latest disclosure decision, which wait for a new one: the earliest corrected first. */
export async function companiesCorrectedSinceDecision(db: Db): Promise<CorrectedCompany[]> {
  const rows = await db
    .selectFrom('company')
    .leftJoin('publicCompany', 'publicCompany.publicId', 'company.publicId')
    .select(['company.id as companyId', 'company.name', 'company.country', 'company.disclosureState', 'publicCompany.name as publicName', 'publicCompany.country as publicCountry', 'company.correctedSinceDecisionAt as correctedAt'])
    .where('company.correctedSinceDecisionAt', 'is not', null)
    // A company withdrawn is decided on no more.
    .where((eb) => eb.not(eb.exists(eb.selectFrom('companyWithdrawal').select('companyId').whereRef('companyWithdrawal.companyId', '=', 'company.id'))))
    .orderBy('company.correctedSinceDecisionAt')
    .orderBy('company.id')
    .execute();
  return rows.map((row) => CorrectedCompanySchema.parse(row));
}

const CorrectedCompanySchema = z.object({
  companyId: z.string(),
  name: z.string(),
  country: z.string(),
  disclosureState: z.enum(['public', 'confidential']),
  publicName: z.string().nullable(),
  publicCountry: z.string().nullable(),
  correctedAt: z.string(),
});

export async function putPublicCompany(db: Db, row: Selectable<PublicCompanyTable>): Promise<void> {
  await db.insertInto('publicCompany').values(row).onConflict((conflict) => conflict.column('publicId').doUpdateSet(row)).execute();
}

export async function removePublicCompany(db: Db, publicId: string): Promise<void> {
  await db.deleteFrom('publicCompany').where('publicId', '=', publicId).execute();
}

// Contracts and milestones ------------------------------------------------------------------------------

export type StoredContract = Selectable<IndustryContractTable>;

/** The unique index that gives each contract of a company its own reference, whatever its case and spacing (migration 043). */
export const UNIQUE_CONTRACT_REFERENCE = 'industry_contract_reference_folded_per_company';

/** Whether another contract of the company (than the one corrected, when given) has this reference, whatever its case and spacing, as the unique index compares them. */
export async function contractReferenceExists(db: Db, companyId: string, reference: string, exceptId?: string): Promise<boolean> {
  let query = db.selectFrom('industryContract').select('id').where('companyId', '=', companyId).where(foldedReferenceIs('reference', reference));
  if (exceptId !== undefined) query = query.where('id', '<>', exceptId);
  const found = await query.limit(1).executeTakeFirst();
  return found !== undefined;
}

export async function insertContract(db: Db, contract: Insertable<IndustryContractTable>, deliveryIds: readonly string[]): Promise<void> {
  await withTypedErrors(db.insertInto('industryContract').values(contract).execute());
  await linkDeliveries(db, contract.id, deliveryIds);
}

async function linkDeliveries(db: Db, contractId: string, deliveryIds: readonly string[]): Promise<void> {
  if (deliveryIds.length > 0) await db.insertInto('industryContractDelivery').values(deliveryIds.map((deliveryId) => ({ contractId, deliveryId }))).execute();
}

/** A contract's own fields, which a correction sets. */
export type ContractFields = Pick<StoredContract, 'companyId' | 'reference' | 'subject' | 'amountCents' | 'signedOn'>;

/**
 * Sets a contract's fields and deliveries while it is at the expected version, raising it; undefined when it is not
 * (another change came first).
 */
export async function updateContract(db: Db, id: string, expectedVersion: number, fields: ContractFields, deliveryIds: readonly string[]): Promise<StoredContract | undefined> {
  const updated = await withTypedErrors(
    db.updateTable('industryContract').set((eb) => ({ ...fields, version: eb('version', '+', 1) })).where('id', '=', id).where('version', '=', expectedVersion).returningAll().executeTakeFirst(),
  );
  if (!updated) return undefined;
  await db.deleteFrom('industryContractDelivery').where('contractId', '=', id).execute();
  await linkDeliveries(db, id, deliveryIds);
  return updated;
}

/** Raises the version of a company or a contract (a withdrawal changes what it counts) or of a co-production project (a stage it reached) from the one expected; false when it is not at it. */
export async function raiseVersion(db: Db, table: 'company' | 'industryContract' | 'coproductionProject', id: string, expectedVersion: number): Promise<boolean> {
  const raised = await db.updateTable(table).set((eb) => ({ version: eb('version', '+', 1) })).where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
  return raised.numUpdatedRows > 0n;
}

/** A contract; locked until the transaction ends for a change of it (`update`), or from one (`share`) for a record judged against it. */
export async function findContract(db: Db, id: string, options: { lock?: 'update' | 'share' } = {}): Promise<StoredContract | undefined> {
  const query = db.selectFrom('industryContract').selectAll().where('id', '=', id);
  return (options.lock === 'update' ? query.forUpdate() : options.lock === 'share' ? query.forShare() : query).executeTakeFirst();
}

/** The deliveries a contract fulfils, by their ids in order. */
export async function deliveryIdsOf(db: Db, contractId: string): Promise<string[]> {
  const rows = await db.selectFrom('industryContractDelivery').select('deliveryId').where('contractId', '=', contractId).orderBy('deliveryId').execute();
  return rows.map((row) => row.deliveryId);
}

export async function listContracts(db: Db, signedBy?: string): Promise<StoredContract[]> {
  let query = db.selectFrom('industryContract').selectAll();
  if (signedBy !== undefined) query = query.where('signedOn', '<=', signedBy);
  return query.orderBy('signedOn').orderBy('reference').orderBy('id').execute();
}

/** A contract withdrawn because it was entered in error or undone: from `withdrawnOn` on it no longer counts. */
export type ContractWithdrawal = Selectable<Database['industryContractWithdrawal']>;

export async function insertContractWithdrawal(db: Db, withdrawal: Insertable<Database['industryContractWithdrawal']>): Promise<ContractWithdrawal> {
  return db.insertInto('industryContractWithdrawal').values(withdrawal).returningAll().executeTakeFirstOrThrow();
}

/** The withdrawals of contracts (of one, when given). */
export async function listContractWithdrawals(db: Db, contractId?: string): Promise<ContractWithdrawal[]> {
  let query = db.selectFrom('industryContractWithdrawal').selectAll();
  if (contractId !== undefined) query = query.where('contractId', '=', contractId);
  return query.execute();
}

/** What a contract's signing day and amount bound: its milestones' due days, their progress reports' days, the prices paid under it and its withdrawal's day. */
export async function contractDependants(db: Db, contractId: string): Promise<{ dueOn: string[]; reportedOn: string[]; prices: { paidOn: string; paidPriceCents: number }[]; withdrawnOn: string[] }> {
  const [milestones, reports, prices, withdrawals] = await Promise.all([
    db.selectFrom('contractMilestone').select('dueOn').where('contractId', '=', contractId).execute(),
    db.selectFrom('milestoneProgress').innerJoin('contractMilestone', 'contractMilestone.id', 'milestoneProgress.milestoneId').select('milestoneProgress.reportedOn').where('contractMilestone.contractId', '=', contractId).execute(),
    db.selectFrom('priceDevelopment').select(['paidOn', 'paidPriceCents']).where('contractId', '=', contractId).execute(),
    listContractWithdrawals(db, contractId),
  ]);
  return { dueOn: milestones.map((row) => row.dueOn), reportedOn: reports.map((row) => row.reportedOn), prices, withdrawnOn: withdrawals.map((row) => row.withdrawnOn) };
}

export async function listContractDeliveries(db: Db): Promise<{ contractId: string; deliveryId: string; title: string }[]> {
  return db
    .selectFrom('industryContractDelivery')
    .innerJoin('delivery', 'delivery.id', 'industryContractDelivery.deliveryId')
    .select(['industryContractDelivery.contractId', 'industryContractDelivery.deliveryId', 'delivery.title'])
    .where('delivery.deletedAt', 'is', null)
    .orderBy('delivery.title')
    .execute();
}

/**
 * Of the ids, those of deliveries in the register, with their support type (a contract fulfils only what is
 * bought) and commitment date (it is not signed before), kept from removal and change until the transaction
 * ends (see deleteDelivery).
 */
export async function contractedDeliveries(db: Db, ids: readonly string[]): Promise<Map<string, { supportType: string; committedAt: string | null }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('delivery').select(['id', 'supportType', 'committedAt']).where('id', 'in', [...ids]).where('deletedAt', 'is', null).forShare().execute();
  return new Map(rows.map(({ id, ...delivery }) => [id, delivery]));
}

/** The days the contracts a delivery is bought under were signed. */
export async function signingDaysOf(db: Db, deliveryId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('industryContractDelivery')
    .innerJoin('industryContract', 'industryContract.id', 'industryContractDelivery.contractId')
    .select('industryContract.signedOn')
    .where('industryContractDelivery.deliveryId', '=', deliveryId)
    .execute();
  return rows.map((row) => row.signedOn);
}

export interface StoredMilestone {
  id: string;
  contractId: string;
  title: string;
  dueOn: string;
}

export async function insertMilestones(db: Db, milestones: readonly StoredMilestone[]): Promise<void> {
  if (milestones.length > 0) await db.insertInto('contractMilestone').values([...milestones]).execute();
}

/** A milestone, locked for its next report, with the day its contract was signed, which a correction or withdrawal of the contract then waits to change. */
export async function findMilestone(db: Db, id: string): Promise<(StoredMilestone & { signedOn: string }) | undefined> {
  return db
    .selectFrom('contractMilestone')
    .innerJoin('industryContract', 'industryContract.id', 'contractMilestone.contractId')
    .selectAll('contractMilestone')
    .select('industryContract.signedOn')
    .where('contractMilestone.id', '=', id)
    .forUpdate('contractMilestone')
    .forShare('industryContract')
    .executeTakeFirst();
}

export async function listMilestones(db: Db): Promise<StoredMilestone[]> {
  return db.selectFrom('contractMilestone').selectAll().orderBy('dueOn').orderBy('title').orderBy('id').execute();
}

export type StoredProgress = Selectable<MilestoneProgressTable>;

export async function insertProgress(db: Db, progress: StoredProgress): Promise<void> {
  await db.insertInto('milestoneProgress').values(progress).execute();
}

/** Every progress report, per milestone in the order they were made. */
export async function listProgress(db: Db, milestoneId?: string): Promise<StoredProgress[]> {
  let query = db.selectFrom('milestoneProgress').selectAll();
  if (milestoneId !== undefined) query = query.where('milestoneId', '=', milestoneId);
  return query.orderBy('milestoneId').orderBy('reportedOn').orderBy('recordedAt').orderBy('id').execute();
}

// Prices, lessons, co-production, demand bundling ---------------------------------------------------------

/**
 * Makes the recordings of price developments, or of lessons, wait for each other: looking for the same one
 * recorded and recording this one are one step.
 */
export async function lockRecordingOf(db: Db, table: 'priceDevelopment' | 'lessonLearned'): Promise<void> {
  await sql`lock table ${sql.table(table)} in share row exclusive mode`.execute(db);
}

export async function insertPriceDevelopment(db: Db, price: Selectable<PriceDevelopmentTable>): Promise<void> {
  await db.insertInto('priceDevelopment').values(price).execute();
}

export async function listPriceDevelopments(db: Db): Promise<Selectable<PriceDevelopmentTable>[]> {
  return db.selectFrom('priceDevelopment').selectAll().orderBy('paidOn', 'desc').orderBy('item').orderBy('id').execute();
}

const LessonSchema = z.object({ id: z.string(), notedOn: z.string(), category: z.enum(LESSON_CATEGORIES), text: z.string(), isDemonstration: z.boolean(), createdAt: z.string() });
export type StoredLesson = z.infer<typeof LessonSchema>;

export async function insertLesson(db: Db, lesson: Selectable<LessonLearnedTable>): Promise<void> {
  await db.insertInto('lessonLearned').values(lesson).execute();
}

export async function listLessons(db: Db): Promise<StoredLesson[]> {
  return (await db.selectFrom('lessonLearned').selectAll().orderBy('notedOn', 'desc').orderBy('id').execute()).map((row) => LessonSchema.parse(row));
}

export interface StoredCoproduction {
  id: string;
  title: string;
  partner: string;
  isDemonstration: boolean;
  createdAt: string;
  /** Raised by each correction of it and each stage it reaches. */
  version: number;
}

export async function insertCoproduction(db: Db, project: StoredCoproduction): Promise<void> {
  await db.insertInto('coproductionProject').values(project).execute();
}

/** A co-production project; `forUpdate` locks it until the transaction ends, for a change of it or a stage it reaches. */
export async function findCoproduction(db: Db, id: string, options: { forUpdate?: boolean } = {}): Promise<StoredCoproduction | undefined> {
  const query = db.selectFrom('coproductionProject').selectAll().where('id', '=', id);
  return (options.forUpdate ? query.forUpdate() : query).executeTakeFirst();
}

/** A co-production project's own fields, which a correction sets: its stages have their own history. */
export type CoproductionFields = Pick<StoredCoproduction, 'title' | 'partner'>;

/** Sets a project's fields while it is at the expected version, raising it; undefined when it is not (another change came first). */
export async function updateCoproduction(db: Db, id: string, expectedVersion: number, fields: CoproductionFields): Promise<StoredCoproduction | undefined> {
  return db.updateTable('coproductionProject').set((eb) => ({ ...fields, version: eb('version', '+', 1) })).where('id', '=', id).where('version', '=', expectedVersion).returningAll().executeTakeFirst();
}

export async function listCoproductions(db: Db): Promise<StoredCoproduction[]> {
  return db.selectFrom('coproductionProject').selectAll().orderBy('title').orderBy('id').execute();
}

const StageSchema = z.object({ id: z.string(), projectId: z.string(), stage: z.enum(COPRODUCTION_STAGES), reachedOn: z.string(), note: z.string(), recordedAt: z.string() });
export type StoredStage = z.infer<typeof StageSchema>;

export async function insertStage(db: Db, stage: StoredStage): Promise<void> {
  await db.insertInto('coproductionStage').values(stage).execute();
}

/** Every stage reached (of one project, when given), per project in the order reached. */
export async function listStages(db: Db, projectId?: string): Promise<StoredStage[]> {
  let query = db.selectFrom('coproductionStage').selectAll().orderBy('projectId').orderBy('reachedOn').orderBy('recordedAt').orderBy('id');
  if (projectId !== undefined) query = query.where('projectId', '=', projectId);
  const rows = await query.execute();
  return rows.map((row) => StageSchema.parse(row));
}

const DemandBundleSchema = z.object({
  id: z.string(),
  need: z.string(),
  category: z.enum(CATEGORIES),
  dutchQuantity: z.number().int(),
  ukrainianQuantity: z.number().int(),
  identifiedOn: z.string(),
  note: z.string(),
  isDemonstration: z.boolean(),
  createdAt: z.string(),
  /** Raised by each correction of it. */
  version: z.number().int(),
});
export type StoredDemandBundle = z.infer<typeof DemandBundleSchema>;

export async function insertDemandBundle(db: Db, bundle: Insertable<DemandBundleTable>): Promise<void> {
  await db.insertInto('demandBundle').values(bundle).execute();
}

/** A shared need; `forUpdate` locks it until the transaction ends, for a change of it. */
export async function findDemandBundle(db: Db, id: string, options: { forUpdate?: boolean } = {}): Promise<StoredDemandBundle | undefined> {
  const query = db.selectFrom('demandBundle').selectAll().where('id', '=', id);
  const row = await (options.forUpdate ? query.forUpdate() : query).executeTakeFirst();
  return row && DemandBundleSchema.parse(row);
}

/** A shared need's own fields, which a correction sets. */
export type DemandBundleFields = Pick<StoredDemandBundle, 'need' | 'category' | 'dutchQuantity' | 'ukrainianQuantity' | 'identifiedOn' | 'note'>;

/** Sets a shared need's fields while it is at the expected version, raising it; undefined when it is not (another change came first). */
export async function updateDemandBundle(db: Db, id: string, expectedVersion: number, fields: DemandBundleFields): Promise<StoredDemandBundle | undefined> {
  const row = await db.updateTable('demandBundle').set((eb) => ({ ...fields, version: eb('version', '+', 1) })).where('id', '=', id).where('version', '=', expectedVersion).returningAll().executeTakeFirst();
  return row && DemandBundleSchema.parse(row);
}

export async function listDemandBundles(db: Db): Promise<StoredDemandBundle[]> {
  return (await db.selectFrom('demandBundle').selectAll().orderBy('identifiedOn', 'desc').orderBy('id').execute()).map((row) => DemandBundleSchema.parse(row));
}

export async function containsIndustryDemonstrationData(db: Db): Promise<boolean> {
  return (await db.selectFrom('company').select('id').where('isDemonstration', '=', true).limit(1).executeTakeFirst()) !== undefined;
}
