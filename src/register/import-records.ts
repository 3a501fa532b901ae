/**
 * The records of other domains an import brings in besides deliveries and their money: each row made
 * by its domain's own use case (its rules, its checks against the register, its audit event), one at a
 * time inside the import's transaction. A row the domain refuses is undone alone, by a savepoint, and
 * its refusal named at the row's columns.
 */
import { sql, type Kysely } from 'kysely';
import type { RequestContext } from '../audit/trail.ts';
import type { Database } from '../db/schema.ts';
import type { RuleViolation } from '../domain/delivery.ts';
import type { JudgementInput } from '../domain/readiness.ts';
import type { ContributionInput, TrainingProgrammeInput } from '../domain/training.ts';
import { programmeIdOfKey } from '../db/repositories/training.ts';
import type { DomainSheet } from '../import/sheets.ts';
import { NotFoundError, ValidationError } from './errors.ts';
import { judge } from './readiness.ts';
import { addContribution, createProgramme } from './training.ts';

type Db = Kysely<Database>;

/** The delivery a reference of the file names: its id, the file's row for it when that row has a fault, or nothing known. */
export type DeliveryMatch = { deliveryId: string } | { faultyRow: { rowNumber: number; sheetName: string } } | undefined;

interface DomainKind {
  /** Makes the record the row's values describe; `deliveryOf` finds the deliveries the row names. */
  create(trx: Db, context: RequestContext, values: Record<string, unknown>, deliveryOf: (reference: string) => DeliveryMatch): Promise<string>;
  /** The row's field a refusal of the domain names by its API field. */
  columnOf(field: string): string;
}

const KINDS: Record<DomainSheet, DomainKind> = {
  trainingProgramme: {
    async create(trx, context, values, deliveryOf) {
      const { externalReference: _reference, deliveryReferences, ...fields } = values;
      const deliveryIds = ((deliveryReferences as string[] | undefined) ?? []).map((reference) => deliveryIdOf(deliveryOf(reference), 'deliveryReferences', reference));
      const input = { ...fields, hostCountry: String(fields.hostCountry).toUpperCase(), deliveryIds } as TrainingProgrammeInput;
      return (await createProgramme(trx, context, input)).id;
    },
    columnOf: (field) => (field.startsWith('deliveryIds') ? 'deliveryReferences' : field),
  },
  trainingContribution: {
    async create(trx, context, values) {
      const { externalReference: _reference, programmeKey, ...input } = values;
      // A programme of the same file is made before its counts (see DOMAIN_SHEETS); a short name is lower case.
      const programmeId = await programmeIdOfKey(trx, String(programmeKey).toLowerCase());
      if (!programmeId) throw new ValidationError([{ field: 'programmeKey', code: 'unknownProgramme', params: { key: programmeKey as string } }]);
      return (await addContribution(trx, context, programmeId, input as unknown as ContributionInput)).id;
    },
    columnOf: (field) => (field === 'programmeId' ? 'programmeKey' : field),
  },
  readinessJudgement: {
    async create(trx, context, values, deliveryOf) {
      const { externalReference: _reference, deliveryReference, ...input } = values;
      const deliveryId = deliveryIdOf(deliveryOf(deliveryReference as string), 'deliveryReference', deliveryReference as string);
      return (await judge(trx, context, deliveryId, input as unknown as JudgementInput)).id;
    },
    columnOf: (field) => (field === 'deliveryId' ? 'deliveryReference' : field),
  },
};

function deliveryIdOf(match: DeliveryMatch, field: string, reference: string): string {
  if (match && 'deliveryId' in match) return match.deliveryId;
  if (match) throw new ValidationError([{ field, code: 'deliveryRowInvalid', params: { row: String(match.faultyRow.rowNumber), sheet: match.faultyRow.sheetName } }]);
  throw new ValidationError([{ field, code: 'unknownDeliveryReference', params: { reference } }]);
}

/** The record a row made, or why its domain refused it (nothing of the row is left then). */
export type DomainRowOutcome = { recordId: string } | { violations: RuleViolation[] };

export async function createDomainRecord(
  trx: Db,
  context: RequestContext,
  row: { sheet: DomainSheet; values: Record<string, unknown> },
  deliveryOf: (reference: string) => DeliveryMatch,
): Promise<DomainRowOutcome> {
  const kind = KINDS[row.sheet];
  await sql`savepoint import_row`.execute(trx);
  try {
    const recordId = await kind.create(trx, context, row.values, deliveryOf);
    await sql`release savepoint import_row`.execute(trx);
    return { recordId };
  } catch (error) {
    await sql`rollback to savepoint import_row`.execute(trx);
    if (error instanceof ValidationError) return { violations: error.violations.map((violation) => ({ ...violation, field: kind.columnOf(violation.field) })) };
    // A delivery named by an id that the register does not hold.
    if (error instanceof NotFoundError && error.resource === 'delivery') return { violations: [{ field: kind.columnOf('deliveryId'), code: 'unknownDeliveryReference', params: { reference: error.id } }] };
    throw error;
  }
}
