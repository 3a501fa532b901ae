/**
 * The records of other domains an import brings in besides deliveries and their money: each row made
 * by its domain's own use case (its rules, its checks against the register, its audit event), one at a
 * time inside the import's transaction. A row the domain refuses is undone alone, by a savepoint, and
 * its refusal named at the row's columns.
 */
import { sql, type Kysely } from 'kysely';
import { requestDay, type RequestContext } from '../audit/trail.ts';
import type { Database } from '../db/schema.ts';
import type { CommitmentFields, CommitmentStageInput } from '../domain/budget.ts';
import type { RuleViolation } from '../domain/delivery.ts';
import { unknownRecordOf } from '../domain/references.ts';
import type { LicenceInput } from '../domain/export-control.ts';
import { contractViolations, type CompanyInput, type ContractInput } from '../domain/industry.ts';
import type { JudgementInput } from '../domain/readiness.ts';
import { contributionViolations, type ContributionInput, type TrainingProgrammeInput } from '../domain/training.ts';
import type { DomainSheet } from '../import/sheets.ts';
import { createCommitment } from './budget.ts';
import { createClaim, type ClaimInput } from './epf.ts';
import { issueLicenceOnLatestAssessment } from './export-control.ts';
import { NotFoundError, ValidationError } from './errors.ts';
import { judge } from './readiness.ts';
import { createCompany, createContract } from './industry.ts';
import { milestoneColumn } from './import-rows.ts';
import { addContribution, createProgramme } from './training.ts';

type Db = Kysely<Database>;

/** The file's row with a fault that a reference names: the record it would make is not made. */
interface FaultyRow {
  faultyRow: { rowNumber: number; sheetName: string };
}

/** The delivery a reference of the file names: its id, the file's row for it when that row has a fault, or nothing known. */
export type DeliveryMatch = { deliveryId: string } | FaultyRow | undefined;
/** The same of a company. */
type CompanyMatch = { companyId: string } | FaultyRow | undefined;
/** The same of a training programme, named by its short name. */
type ProgrammeMatch = { programmeId: string } | FaultyRow | undefined;

/** How the records a row names by reference are found: in the file, made by an earlier import, or in the register by id (a programme by its short name). */
export interface Finders {
  delivery(reference: string): DeliveryMatch;
  company(reference: string): Promise<CompanyMatch>;
  programme(shortName: string): Promise<ProgrammeMatch>;
}

interface DomainKind {
  /** Makes the record the row's values describe, finding the records it names. */
  create(trx: Db, context: RequestContext, values: Record<string, unknown>, find: Finders): Promise<string>;
  /** The row's field a refusal of the domain names by its API field. */
  columnOf(field: string): string;
}

const KINDS: Record<DomainSheet, DomainKind> = {
  trainingProgramme: {
    async create(trx, context, values, find) {
      const { externalReference: _reference, deliveryReferences, ...fields } = values;
      const deliveryIds = deliveryIdsOf(deliveryReferences, find);
      const input = { ...fields, deliveryIds } as TrainingProgrammeInput;
      return (await createProgramme(trx, context, input)).id;
    },
    columnOf: (field) => (field.startsWith('deliveryIds') ? 'deliveryReferences' : field),
  },
  trainingContribution: {
    async create(trx, context, values, find) {
      const { externalReference: _reference, programmeKey, ...fields } = values;
      const input = fields as unknown as ContributionInput;
      const programmeId = programmeIdOf(await find.programme(String(programmeKey)), programmeKey as string, () => contributionViolations(input, requestDay(context)));
      return (await addContribution(trx, context, programmeId, input)).id;
    },
    columnOf: (field) => (field === 'programmeId' ? 'programmeKey' : field),
  },
  company: {
    async create(trx, context, values) {
      const { externalReference: _reference, ...fields } = values;
      return (await createCompany(trx, context, fields as unknown as CompanyInput)).id;
    },
    columnOf: (field) => field,
  },
  industryContract: {
    async create(trx, context, values, find) {
      const { externalReference: _reference, companyReference, deliveryReferences, milestoneTitle, milestoneDueOn, ...fields } = values;
      // Both or neither are filled in (see firstMilestoneViolations).
      const milestones = milestoneTitle === undefined ? [] : [{ title: milestoneTitle as string, dueOn: milestoneDueOn as string }];
      const contract = { ...fields, milestones } as Omit<ContractInput, 'companyId' | 'deliveryIds'>;
      const companyId = companyIdOf(await find.company(companyReference as string), companyReference as string, () => contractViolations(contract, requestDay(context)));
      return (await createContract(trx, context, { ...contract, companyId, deliveryIds: deliveryIdsOf(deliveryReferences, find) })).id;
    },
    columnOf: (field) => {
      if (field === 'companyId') return 'companyReference';
      if (field.startsWith('deliveryIds')) return 'deliveryReferences';
      return milestoneColumn(field);
    },
  },
  readinessJudgement: {
    async create(trx, context, values, find) {
      const { externalReference: _reference, deliveryReference, ...input } = values;
      const deliveryId = deliveryIdOf(find.delivery(deliveryReference as string), 'deliveryReference', deliveryReference as string);
      return (await judge(trx, context, deliveryId, input as unknown as JudgementInput)).id;
    },
    columnOf: (field) => (field === 'deliveryId' ? 'deliveryReference' : field),
  },
  budgetCommitment: {
    async create(trx, context, values, find) {
      const { externalReference: _reference, deliveryReference, stage, amountCents, effectiveOn, note, ...fields } = values;
      const commitment = { ...fields, deliveryId: optionalDeliveryIdOf(deliveryReference, find) } as CommitmentFields;
      return (await createCommitment(trx, context, commitment, { stage, amountCents, effectiveOn, note } as CommitmentStageInput)).id;
    },
    columnOf: (field) => (field === 'deliveryId' ? 'deliveryReference' : field),
  },
  epfClaim: {
    async create(trx, context, values, find) {
      const { externalReference: _reference, deliveryReference, ...fields } = values;
      // A tranche is not named in a spreadsheet: its name need not be unique, and the claim's own form does not ask for one either.
      const input = { ...fields, deliveryId: optionalDeliveryIdOf(deliveryReference, find), trancheId: null } as ClaimInput;
      return (await createClaim(trx, context, input)).claim.id;
    },
    columnOf: (field) => (field === 'deliveryId' ? 'deliveryReference' : field),
  },
  exportLicence: {
    async create(trx, context, values, find) {
      const { externalReference: _reference, deliveryReference, ...fields } = values;
      const deliveryId = deliveryIdOf(find.delivery(deliveryReference as string), 'deliveryReference', deliveryReference as string);
      return (await issueLicenceOnLatestAssessment(trx, context, deliveryId, fields as Omit<LicenceInput, 'assessmentId'>)).id;
    },
    // The assessment a licence is issued on is the delivery's latest: what the rules say of it is said of the delivery.
    columnOf: (field) => (field === 'deliveryId' || field === 'assessmentId' ? 'deliveryReference' : field),
  },
};

function deliveryIdsOf(references: unknown, find: Finders): string[] {
  return ((references as string[] | undefined) ?? []).map((reference) => deliveryIdOf(find.delivery(reference), 'deliveryReferences', reference));
}

/** The delivery a record may name, or null when its row names none. */
function optionalDeliveryIdOf(reference: unknown, find: Finders): string | null {
  return reference === undefined ? null : deliveryIdOf(find.delivery(reference as string), 'deliveryReference', reference as string);
}

function deliveryIdOf(match: DeliveryMatch, field: string, reference: string): string {
  if (match && 'deliveryId' in match) return match.deliveryId;
  if (match) throw new ValidationError([{ field, code: 'deliveryRowInvalid', params: { row: String(match.faultyRow.rowNumber), sheet: match.faultyRow.sheetName } }]);
  throw new ValidationError([{ field, code: 'unknownDeliveryReference', params: { reference } }]);
}

const companyRowInvalid = ({ faultyRow }: FaultyRow): RuleViolation => ({ field: 'companyReference', code: 'companyRowInvalid', params: { row: String(faultyRow.rowNumber), sheet: faultyRow.sheetName } });
const programmeRowInvalid = ({ faultyRow }: FaultyRow): RuleViolation => ({ field: 'programmeKey', code: 'programmeRowInvalid', params: { row: String(faultyRow.rowNumber), sheet: faultyRow.sheetName } });

/**
 * A record whose company or programme is named by a row of the file with a fault is not made; its own faults, by
 * its domain's rules on its values alone (`ownViolations`), show beside that one, as a money row's show beside the
 * fault of its delivery's row.
 */
function companyIdOf(match: CompanyMatch, reference: string, ownViolations: () => RuleViolation[]): string {
  if (match && 'companyId' in match) return match.companyId;
  if (match) throw new ValidationError([companyRowInvalid(match), ...ownViolations()]);
  throw new ValidationError([{ field: 'companyReference', code: 'unknownCompanyReference', params: { reference } }]);
}

function programmeIdOf(match: ProgrammeMatch, shortName: string, ownViolations: () => RuleViolation[]): string {
  if (match && 'programmeId' in match) return match.programmeId;
  if (match) throw new ValidationError([programmeRowInvalid(match), ...ownViolations()]);
  throw new ValidationError([{ field: 'programmeKey', code: 'unknownProgramme', params: { key: shortName } }]);
}

/**
 * The fault of the company's or programme's row of the file that a row with faults of its own names, which the
 * row then shows beside its own (as a money row shows its delivery row's): such a row is not made, so its
 * domain never finds that record. None when the row names no company or programme, or one without a fault.
 */
export async function namedRowFaults(sheet: DomainSheet, values: Record<string, unknown>, find: Finders): Promise<RuleViolation[]> {
  if (sheet === 'industryContract' && typeof values.companyReference === 'string') {
    const match = await find.company(values.companyReference);
    return match && 'faultyRow' in match ? [companyRowInvalid(match)] : [];
  }
  if (sheet === 'trainingContribution' && typeof values.programmeKey === 'string') {
    const match = await find.programme(values.programmeKey);
    return match && 'faultyRow' in match ? [programmeRowInvalid(match)] : [];
  }
  return [];
}

/** The record a row made, or why its domain refused it (nothing of the row is left then). */
export type DomainRowOutcome = { recordId: string } | { violations: RuleViolation[] };

export async function createDomainRecord(
  trx: Db,
  context: RequestContext,
  row: { sheet: DomainSheet; values: Record<string, unknown> },
  find: Finders,
): Promise<DomainRowOutcome> {
  const kind = KINDS[row.sheet];
  await sql`savepoint import_row`.execute(trx);
  try {
    const recordId = await kind.create(trx, context, row.values, find);
    await sql`release savepoint import_row`.execute(trx);
    return { recordId };
  } catch (error) {
    await sql`rollback to savepoint import_row`.execute(trx);
    if (error instanceof ValidationError) return { violations: error.violations.map((violation) => atColumn(kind, violation, row.values)) };
    // A delivery named by an id that the register does not hold, where the domain has it as the object of the path (a judgement).
    if (error instanceof NotFoundError && error.resource === 'delivery') return { violations: [unknownReference('delivery', kind.columnOf('deliveryId'), error.id)] };
    throw error;
  }
}

/** A refusal of the domain at the row's column; a delivery or company it does not know, named by an id, is said as the file's other unknown references are. */
function atColumn(kind: DomainKind, violation: RuleViolation, values: Record<string, unknown>): RuleViolation {
  const column = kind.columnOf(violation.field);
  const record = unknownRecordOf(violation);
  if (record !== 'delivery' && record !== 'company') return { ...violation, field: column };
  // A list names its records in the order of the cell, as the domain's field names their places (deliveryIds.2).
  const named = values[column];
  const reference = Array.isArray(named) ? named[Number(violation.field.split('.')[1])] : named;
  return unknownReference(record, column, String(reference));
}

function unknownReference(record: 'delivery' | 'company', column: string, reference: string): RuleViolation {
  return { field: column, code: record === 'delivery' ? 'unknownDeliveryReference' : 'unknownCompanyReference', params: { reference } };
}
