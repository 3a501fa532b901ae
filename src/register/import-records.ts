/**
 * The records of other domains an import brings in besides deliveries and their money: each row made
 * by its domain's own use case (its rules, its checks against the register, its audit event), one at a
 * time inside the import's transaction. A row the domain refuses is undone alone, by a savepoint, and
 * its refusal named at the row's columns. A row with faults of its own is not made, but judged by the same
 * rules on what of it was read, so that it shows the register's faults beside its own.
 */
import { sql, type Kysely } from 'kysely';
import { commitmentInputRules } from '../api/budget/schemas.ts';
import { claimInputRules } from '../api/epf/schemas.ts';
import { companyInputRules, contractInputRules } from '../api/industry/schemas.ts';
import { judgementInputRules } from '../api/readiness/schemas.ts';
import { contributionInputRules, programmeInputRules } from '../api/training/schemas.ts';
import { requestDay, type RequestContext } from '../audit/trail.ts';
import type { Database } from '../db/schema.ts';
import type { CommitmentFields, CommitmentStageInput } from '../domain/budget.ts';
import type { RuleViolation } from '../domain/delivery.ts';
import { unknownRecordOf } from '../domain/references.ts';
import { licenceFieldViolations, type LicenceInput } from '../domain/export-control.ts';
import { contractViolations, type CompanyInput, type ContractInput } from '../domain/industry.ts';
import type { JudgementInput } from '../domain/readiness.ts';
import { contributionViolations, type ContributionInput, type TrainingProgrammeInput } from '../domain/training.ts';
import type { WarningCode } from '../domain/warnings.ts';
import type { DomainSheet } from '../import/sheets.ts';
import { commitmentRegisterViolations, createCommitment } from './budget.ts';
import { claimRegisterViolations, createClaim, type ClaimInput } from './epf.ts';
import { issueLicenceOnLatestAssessment, licenceRegisterViolations } from './export-control.ts';
import { NotFoundError, UnconfirmedWarningsError, ValidationError } from './errors.ts';
import { judge, judgementRegisterViolations } from './readiness.ts';
import { companyRegisterViolations, contractRegisterViolations, createCompany, createContract } from './industry.ts';
import { milestoneColumn, type ReadBesideTheFaults } from './import-rows.ts';
import { addContribution, createProgramme, programmeRegisterViolations } from './training.ts';

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
  /** Makes the record the row's values describe, finding the records it names, with the warnings the import confirmed. */
  create(trx: Db, context: RequestContext, values: Record<string, unknown>, find: Finders, confirmed: readonly WarningCode[]): Promise<string>;
  /**
   * What the domain refuses of a row with faults of its own, which is not made, on what of it was read (`read`):
   * the records it names that are not found, and the domain's rules on the fields read with the records found, those
   * that read the register too, as the API judges a request beside the fields it has wrong (passedFieldsHook with
   * inRegister).
   */
  judgeRead(trx: Db, context: RequestContext, read: ReadBesideTheFaults, find: Finders): Promise<RuleViolation[]>;
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
    async judgeRead(trx, context, { values }, find) {
      const { deliveryReferences, ...fields } = values;
      const deliveries = deliveriesNamed(deliveryReferences, find);
      const input = { ...fields, ...(deliveries && { deliveryIds: deliveries.ids }) } as Partial<TrainingProgrammeInput>;
      return inCell(deliveries, [...programmeInputRules.check(input, requestDay(context)), ...(await programmeRegisterViolations(trx, input))]);
    },
    columnOf: (field) => (field.startsWith('deliveryIds') ? 'deliveryReferences' : field),
  },
  trainingContribution: {
    async create(trx, context, values, find, confirmed) {
      const { externalReference: _reference, programmeKey, ...fields } = values;
      const input = fields as unknown as ContributionInput;
      const programmeId = programmeIdOf(await find.programme(String(programmeKey)), programmeKey as string, () => contributionViolations(input, requestDay(context)));
      return (await addContribution(trx, context, programmeId, input, undefined, confirmed)).id;
    },
    async judgeRead(_trx, context, { values }, find) {
      const { programmeKey, ...fields } = values;
      const programme = typeof programmeKey === 'string' ? foundProgramme(await find.programme(programmeKey), programmeKey) : undefined;
      return [...faultOf(programme), ...contributionInputRules.check(fields, requestDay(context))];
    },
    columnOf: (field) => (field === 'programmeId' ? 'programmeKey' : field),
  },
  company: {
    async create(trx, context, values) {
      const { externalReference: _reference, ...fields } = values;
      return (await createCompany(trx, context, fields as unknown as CompanyInput)).id;
    },
    async judgeRead(trx, context, { values }) {
      return [...companyInputRules.check(values, requestDay(context)), ...(await companyRegisterViolations(trx, values))];
    },
    columnOf: (field) => field,
  },
  industryContract: {
    async create(trx, context, values, find, confirmed) {
      const { externalReference: _reference, companyReference, deliveryReferences, milestoneTitle, milestoneDueOn, ...fields } = values;
      // Both or neither are filled in (see firstMilestoneViolations).
      const milestones = milestoneTitle === undefined ? [] : [{ title: milestoneTitle as string, dueOn: milestoneDueOn as string }];
      const contract = { ...fields, milestones } as Omit<ContractInput, 'companyId' | 'deliveryIds'>;
      const companyId = companyIdOf(await find.company(companyReference as string), companyReference as string, () => contractViolations(contract, requestDay(context)));
      return (await createContract(trx, context, { ...contract, companyId, deliveryIds: deliveryIdsOf(deliveryReferences, find) }, confirmed)).id;
    },
    async judgeRead(trx, context, { values }, find) {
      const { companyReference, deliveryReferences, milestoneTitle, milestoneDueOn, ...fields } = values;
      const company = typeof companyReference === 'string' ? foundCompany(await find.company(companyReference), companyReference) : undefined;
      const deliveries = deliveriesNamed(deliveryReferences, find);
      const input = {
        ...fields,
        ...(company && 'id' in company && { companyId: company.id }),
        ...(deliveries && { deliveryIds: deliveries.ids }),
        // A milestone with a fault in either cell is not read (see firstMilestoneViolations).
        ...(milestoneTitle !== undefined && milestoneDueOn !== undefined && { milestones: [{ title: milestoneTitle as string, dueOn: milestoneDueOn as string }] }),
      } as Partial<ContractInput>;
      return [...faultOf(company), ...inCell(deliveries, [...contractInputRules.check(input, requestDay(context)), ...(await contractRegisterViolations(trx, input))])];
    },
    columnOf: (field) => {
      if (field === 'companyId') return 'companyReference';
      if (field.startsWith('deliveryIds')) return 'deliveryReferences';
      return milestoneColumn(field);
    },
  },
  readinessJudgement: {
    async create(trx, context, values, find, confirmed) {
      const { externalReference: _reference, deliveryReference, ...input } = values;
      const deliveryId = deliveryIdOf(find.delivery(deliveryReference as string), 'deliveryReference', deliveryReference as string);
      return (await judge(trx, context, deliveryId, input as unknown as JudgementInput, undefined, confirmed)).id;
    },
    async judgeRead(trx, context, { values }, find) {
      const { deliveryReference, ...fields } = values;
      const delivery = typeof deliveryReference === 'string' ? foundDelivery(find.delivery(deliveryReference), 'deliveryReference', deliveryReference) : undefined;
      const ofDelivery = delivery && 'id' in delivery ? await judgementRegisterViolations(trx, delivery.id, fields) : [];
      return [...faultOf(delivery), ...judgementInputRules.check(fields, requestDay(context)), ...ofDelivery];
    },
    columnOf: (field) => (field === 'deliveryId' ? 'deliveryReference' : field),
  },
  budgetCommitment: {
    async create(trx, context, values, find) {
      const { externalReference: _reference, deliveryReference, stage, amountCents, effectiveOn, note, ...fields } = values;
      const commitment = { ...fields, deliveryId: optionalDeliveryIdOf(deliveryReference, find) } as CommitmentFields;
      return (await createCommitment(trx, context, commitment, { stage, amountCents, effectiveOn, note } as CommitmentStageInput)).id;
    },
    async judgeRead(trx, context, read, find) {
      const { delivery, fields } = withOptionalDelivery(read, find);
      const input = fields as Partial<CommitmentFields & CommitmentStageInput>;
      return [...faultOf(delivery), ...commitmentInputRules.check(input, requestDay(context)), ...(await commitmentRegisterViolations(trx, input))];
    },
    columnOf: (field) => (field === 'deliveryId' ? 'deliveryReference' : field),
  },
  epfClaim: {
    async create(trx, context, values, find) {
      const { externalReference: _reference, deliveryReference, ...fields } = values;
      // A tranche is not named in a spreadsheet: its name need not be unique, and the claim's own form does not ask for one either.
      const input = { ...fields, deliveryId: optionalDeliveryIdOf(deliveryReference, find), trancheId: null } as ClaimInput;
      // Its warnings are those the import confirmed for its row (planImport).
      return (await createClaim(trx, context, input, confirmedCodesOf(context))).claim.id;
    },
    async judgeRead(trx, context, read, find) {
      const today = requestDay(context);
      const { delivery, fields } = withOptionalDelivery(read, find);
      const input = { ...fields, trancheId: null } as Partial<ClaimInput>;
      return [...faultOf(delivery), ...claimInputRules.check(input, today), ...(await claimRegisterViolations(trx, input, today))];
    },
    columnOf: (field) => (field === 'deliveryId' ? 'deliveryReference' : field),
  },
  exportLicence: {
    async create(trx, context, values, find) {
      const { externalReference: _reference, deliveryReference, ...fields } = values;
      const deliveryId = deliveryIdOf(find.delivery(deliveryReference as string), 'deliveryReference', deliveryReference as string);
      return (await issueLicenceOnLatestAssessment(trx, context, deliveryId, fields as Omit<LicenceInput, 'assessmentId'>)).id;
    },
    async judgeRead(trx, context, { values }, find) {
      const { deliveryReference, ...fields } = values;
      const delivery = typeof deliveryReference === 'string' ? foundDelivery(find.delivery(deliveryReference), 'deliveryReference', deliveryReference) : undefined;
      const ofDelivery = delivery && 'id' in delivery ? await licenceRegisterViolations(trx, context.actor?.id ?? null, delivery.id, fields, { onLatest: true }) : [];
      return [...faultOf(delivery), ...licenceFieldViolations(fields, requestDay(context)), ...ofDelivery];
    },
    // The assessment a licence is issued on is the delivery's latest: what the rules say of it is said of the delivery.
    columnOf: (field) => (field === 'deliveryId' || field === 'assessmentId' ? 'deliveryReference' : field),
  },
};

/** A record a row names, found, or the fault of the reference that names it. */
type Found = { id: string } | { fault: RuleViolation };

/** The codes of the warnings the import confirmed for the row whose record is made (its source). */
const confirmedCodesOf = (context: RequestContext) => (context.recordSource?.confirmedWarnings ?? []).map((warning) => warning.code);

const faultOf = (found: Found | undefined): RuleViolation[] => (found && 'fault' in found ? [found.fault] : []);

function idOf(found: Found): string {
  if ('fault' in found) throw new ValidationError([found.fault]);
  return found.id;
}

function foundDelivery(match: DeliveryMatch, field: string, reference: string): Found {
  if (match && 'deliveryId' in match) return { id: match.deliveryId };
  if (match) return { fault: { field, code: 'deliveryRowInvalid', params: { row: String(match.faultyRow.rowNumber), sheet: match.faultyRow.sheetName } } };
  return { fault: { field, code: 'unknownDeliveryReference', params: { reference } } };
}

function foundCompany(match: CompanyMatch, reference: string): Found {
  if (match && 'companyId' in match) return { id: match.companyId };
  return { fault: match ? companyRowInvalid(match) : { field: 'companyReference', code: 'unknownCompanyReference', params: { reference } } };
}

function foundProgramme(match: ProgrammeMatch, shortName: string): Found {
  if (match && 'programmeId' in match) return { id: match.programmeId };
  return { fault: match ? programmeRowInvalid(match) : { field: 'programmeKey', code: 'unknownProgramme', params: { key: shortName } } };
}

function deliveryIdsOf(references: unknown, find: Finders): string[] {
  return ((references as string[] | undefined) ?? []).map((reference) => deliveryIdOf(find.delivery(reference), 'deliveryReferences', reference));
}

/** The delivery a record may name, or null when its row names none. */
function optionalDeliveryIdOf(reference: unknown, find: Finders): string | null {
  return reference === undefined ? null : deliveryIdOf(find.delivery(reference as string), 'deliveryReference', reference as string);
}

function deliveryIdOf(match: DeliveryMatch, field: string, reference: string): string {
  return idOf(foundDelivery(match, field, reference));
}

/**
 * The deliveries a row's cell of references names, found: the ids of those found, in the cell's order, the faults of
 * the others, and the place in the cell of each found; undefined when the cell was not read.
 */
interface DeliveriesNamed {
  ids: string[];
  places: number[];
  faults: RuleViolation[];
}

function deliveriesNamed(references: unknown, find: Finders): DeliveriesNamed | undefined {
  if (!Array.isArray(references)) return undefined;
  const named: DeliveriesNamed = { ids: [], places: [], faults: [] };
  (references as string[]).forEach((reference, place) => {
    const found = foundDelivery(find.delivery(reference), 'deliveryReferences', reference);
    if ('fault' in found) named.faults.push(found.fault);
    else {
      named.ids.push(found.id);
      named.places.push(place);
    }
  });
  return named;
}

/** The faults of the references of a cell that name no delivery, and the domain's refusals, those of a place in its list of the deliveries found (deliveryIds.1) at that delivery's place in the cell. */
function inCell(deliveries: DeliveriesNamed | undefined, violations: RuleViolation[]): RuleViolation[] {
  if (!deliveries) return violations;
  const atPlace = (violation: RuleViolation) => {
    const place = /^deliveryIds\.(\d+)$/.exec(violation.field)?.[1];
    return place === undefined ? violation : { ...violation, field: `deliveryIds.${deliveries.places[Number(place)]}` };
  };
  return [...deliveries.faults, ...violations.map(atPlace)];
}

/** A row's fields with the delivery it may name: its id when found, null when the row names none, left out when its cell has a fault. */
function withOptionalDelivery({ values, refused }: ReadBesideTheFaults, find: Finders): { delivery: Found | undefined; fields: Record<string, unknown> } {
  const { deliveryReference, ...fields } = values;
  if (typeof deliveryReference !== 'string') return { delivery: undefined, fields: refused.has('deliveryReference') ? fields : { ...fields, deliveryId: null } };
  const delivery = foundDelivery(find.delivery(deliveryReference), 'deliveryReference', deliveryReference);
  return { delivery, fields: 'id' in delivery ? { ...fields, deliveryId: delivery.id } : fields };
}

const companyRowInvalid = ({ faultyRow }: FaultyRow): RuleViolation => ({ field: 'companyReference', code: 'companyRowInvalid', params: { row: String(faultyRow.rowNumber), sheet: faultyRow.sheetName } });
const programmeRowInvalid = ({ faultyRow }: FaultyRow): RuleViolation => ({ field: 'programmeKey', code: 'programmeRowInvalid', params: { row: String(faultyRow.rowNumber), sheet: faultyRow.sheetName } });

/**
 * A record whose company or programme is named by a row of the file with a fault is not made; its own faults, by
 * its domain's rules on its values alone (`ownViolations`), show beside that one, as a money row's show beside the
 * fault of its delivery's row.
 */
function companyIdOf(match: CompanyMatch, reference: string, ownViolations: () => RuleViolation[]): string {
  const found = foundCompany(match, reference);
  if ('fault' in found && match) throw new ValidationError([found.fault, ...ownViolations()]);
  return idOf(found);
}

function programmeIdOf(match: ProgrammeMatch, shortName: string, ownViolations: () => RuleViolation[]): string {
  const found = foundProgramme(match, shortName);
  if ('fault' in found && match) throw new ValidationError([found.fault, ...ownViolations()]);
  return idOf(found);
}

/**
 * What the domain refuses of a row with faults of its own beside them, at the row's columns (KINDS' judgeRead), so that
 * the file is corrected in one round; a refusal at a column with a fault already is left out, as the rules judged beside
 * the faults when the file was read leave it out (see besideTheFaults).
 */
export async function faultsBesideTheRow(trx: Db, context: RequestContext, sheet: DomainSheet, read: ReadBesideTheFaults, find: Finders): Promise<RuleViolation[]> {
  const kind = KINDS[sheet];
  const violations = await kind.judgeRead(trx, context, read, find);
  return violations.map((violation) => atColumn(kind, violation, read.values)).filter((violation) => !read.refused.has(violation.field));
}

/**
 * The record a row made, or why its domain refused it (nothing of the row is left then): its rules, or warnings the
 * import did not confirm (`unconfirmed`), which make the row once confirmed.
 */
export type DomainRowOutcome = { recordId: string } | { violations: RuleViolation[]; unconfirmed?: WarningCode[] };

export async function createDomainRecord(
  trx: Db,
  context: RequestContext,
  row: { sheet: DomainSheet; values: Record<string, unknown> },
  find: Finders,
  confirmed: readonly WarningCode[],
): Promise<DomainRowOutcome> {
  const kind = KINDS[row.sheet];
  await sql`savepoint import_row`.execute(trx);
  try {
    const recordId = await kind.create(trx, context, row.values, find, confirmed);
    await sql`release savepoint import_row`.execute(trx);
    return { recordId };
  } catch (error) {
    await sql`rollback to savepoint import_row`.execute(trx);
    if (error instanceof ValidationError) return { violations: error.violations.map((violation) => atColumn(kind, violation, row.values)) };
    if (error instanceof UnconfirmedWarningsError) return { violations: error.warnings.map((warning) => atColumn(kind, warning, row.values)), unconfirmed: error.warnings.map((warning) => warning.code) };
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
