/**
 * Writing an import's plan: the records its rows create, with an audit event for each, and the import's
 * own event.
 */
import type { Kysely } from 'kysely';
import { isRealisedByPayment } from '../../common/delivery-rules.ts';
import { AuditEventsInPreparation } from '../audit/preparation.ts';
import { recordAuditEvent, type RequestContext } from '../audit/trail.ts';
import type { RecordSource } from '../audit/event.ts';
import * as imports from '../db/repositories/import.ts';
import { programmeIdOfKey } from '../db/repositories/training.ts';
import type { Database } from '../db/schema.ts';
import { currentValue, unsetDeliveryFields, type DeliveryInput, type RuleViolation } from '../domain/delivery.ts';
import { referenceKey } from '../../common/text.ts';
import { DOMAIN_SHEETS, type DomainSheet, type ImportSheet } from '../import/sheets.ts';
import { registerInBulk } from './bulk-registration.ts';
import type { ImportMode } from './import.ts';
import { rowDigest } from './import-digests.ts';
import type { Plan } from './import-plan.ts';
import { mayCreate } from './import-permissions.ts';
import { createDomainRecord, faultsBesideTheRow, type DeliveryMatch, type Finders } from './import-records.ts';
import { addFaults, earlierRowParams, firstRowsBy, firstRowsByReference, readBesideTheFaults, type PlannedRow } from './import-rows.ts';
import { ImportedReferences } from './imported-references.ts';
import { newRecordId } from './record-ids.ts';

type Db = Kysely<Database>;

interface CommitDetail {
  fileName: string;
  sha256: string;
  mode: ImportMode;
}

/**
 * Writes the rows to create (deliveries and their money set-based, the records of other domains one by
 * one), with their audit events and the import's own event. Returns how many records it created.
 */
export async function writePlan(trx: Db, context: RequestContext, plan: Plan, importId: string, detail: CommitDetail): Promise<number> {
  const creating = (sheet: ImportSheet) => plan.rows.filter((row) => row.sheet === sheet && row.outcome === 'create');
  const deliveryRows = creating('delivery');
  const valuationRows = creating('valuation');
  const paymentRows = creating('payment');
  for (const row of deliveryRows) row.deliveryId = newRecordId();
  const deliveryIdOf = (row: PlannedRow) => (row.deliveryRow ? row.deliveryRow.deliveryId! : row.deliveryId!);

  const newValuations = valuationRows.map((row) => ({
    id: newRecordId(),
    deliveryId: deliveryIdOf(row),
    amountCents: row.values.amountCents as number,
    currency: 'EUR',
    originalAmountMinor: null,
    exchangeRate: null,
    basis: row.values.basis as 'replacementValue',
    effectiveDate: row.values.effectiveDate as string,
    note: (row.values.note as string | undefined) ?? '',
  }));
  const newPayments = paymentRows.map((row) => ({
    id: newRecordId(),
    deliveryId: deliveryIdOf(row),
    amountCents: row.values.amountCents as number,
    paidOn: row.values.paidOn as string,
    reference: (row.values.reference as string | null | undefined) ?? null,
    note: (row.values.note as string | undefined) ?? '',
  }));
  const valuationsOf = Map.groupBy(newValuations, (valuation) => valuation.deliveryId);
  const paymentsOf = Map.groupBy(newPayments, (payment) => payment.deliveryId);
  const rowOf = new Map<string, PlannedRow>([
    ...deliveryRows.map((row): [string, PlannedRow] => [row.deliveryId!, row]),
    ...newValuations.map((valuation, index): [string, PlannedRow] => [valuation.id, valuationRows[index]!]),
    ...newPayments.map((payment, index): [string, PlannedRow] => [payment.id, paymentRows[index]!]),
  ]);
  const origin = (recordId: string) => importOrigin(plan, importId, rowOf.get(recordId)!);
  const events = new AuditEventsInPreparation(context);
  const registered = await registerInBulk(
    trx,
    {
      deliveries: deliveryRows.map((row) => newDelivery(row, valuationsOf.get(row.deliveryId!) ?? [], paymentsOf.get(row.deliveryId!) ?? [])),
      valuations: newValuations,
      payments: newPayments,
    },
    events,
    origin,
  );
  await imports.refreshCurrentValues(trx, [...new Set([...newValuations, ...newPayments].map((money) => money.deliveryId).filter((id) => plan.registerDeliveries.has(id)))]);
  // Written while the last records' events are still being prepared.
  await imports.recordImportedKeys(trx, importId, [...rowOf].map(([recordId, row]) => ({ sheet: row.sheet, externalReference: row.reference!, recordId })));
  await events.appendTo(trx);
  const domainRecords = await createDomainRecords(trx, context, plan, importId);
  await imports.recordImportedKeys(trx, importId, [...domainRecords].map(([recordId, row]) => ({ sheet: row.sheet, externalReference: row.reference!, recordId, rowSha256: rowDigest(row, plan.names) })));
  const createdOf = (sheet: DomainSheet) => [...domainRecords.values()].filter((row) => row.sheet === sheet).length;
  const created = rowOf.size + domainRecords.size;
  // The import's own event comes last, after the events of the records it counts (which the audit trail finds by it).
  await recordAuditEvent(trx, context, {
    action: 'import.commit',
    object: { type: 'import', id: importId },
    result: 'success',
    detail: {
      ...detail,
      created: {
        delivery: registered.deliveries.length,
        valuation: registered.valuations.length,
        payment: registered.payments.length,
        ...Object.fromEntries(DOMAIN_SHEETS.map((sheet) => [sheet, createdOf(sheet)])),
      },
      skippedRows: plan.rows.filter((row) => row.outcome === 'invalid').length,
    },
  });
  return created;
}

/** What the audit event of a record an import creates says of where it came from: the import, the file's row, and the warnings confirmed for it. */
function importOrigin(plan: Plan, importId: string, row: PlannedRow): RecordSource {
  const confirmedWarnings = plan.confirmedWarnings.get(row);
  return { importId, sheet: row.sheet, row: row.rowNumber, externalReference: row.reference, ...(confirmedWarnings ? { confirmedWarnings } : {}) };
}

/**
 * Makes the records of other domains the plan creates, in the file's order, each by its domain's use case,
 * whose audit events name the import and the row as those of deliveries and their money do; a row its
 * domain refuses gets the refusal as its faults, and a row with faults already what its domain refuses beside them.
 * Returns the rows made, by the id of their record.
 */
async function createDomainRecords(trx: Db, context: RequestContext, plan: Plan, importId: string): Promise<Map<string, PlannedRow>> {
  // Companies by the key of their reference: made by this import, or found once among earlier imports' and the register's.
  const companies = new Map<string, string | undefined>();
  const companyRows = firstRowsByReference(plan.rows, 'company');
  const programmeRows = firstRowsBy(plan.rows, 'trainingProgramme', (row) => row.shortName);
  const find: Finders = {
    delivery: deliveryFinder(plan),
    async company(reference) {
      const key = referenceKey(reference);
      // Companies are made before their contracts (see DOMAIN_SHEETS): a row of the file not made by now has a fault.
      const row = companyRows.get(key);
      if (row?.outcome === 'invalid') return { faultyRow: { rowNumber: row.rowNumber, sheetName: row.sheetName } };
      if (!companies.has(key)) companies.set(key, await importedRecordOf(trx, 'company', reference));
      const companyId = companies.get(key);
      return companyId === undefined ? undefined : { companyId };
    },
    async programme(shortName) {
      // A short name is lower case. A programme row of the file with a fault names no programme of the register under its short name.
      const key = shortName.toLowerCase();
      const row = programmeRows.get(key);
      if (row?.outcome === 'invalid') return { faultyRow: { rowNumber: row.rowNumber, sheetName: row.sheetName } };
      const programmeId = await programmeIdOfKey(trx, key);
      return programmeId === undefined ? undefined : { programmeId };
    },
  };
  const made = new Map<string, PlannedRow>();
  // By kind, in the order of DOMAIN_SHEETS (a programme before its counts), and in the file's order within a kind.
  for (const sheet of DOMAIN_SHEETS) {
    for (const row of plan.rows.filter((candidate) => candidate.sheet === sheet && (candidate.outcome === 'create' || candidate.outcome === 'invalid'))) {
      if (row.outcome === 'invalid') {
        // Judged against the register only for an importer who may make such records and read what they name, and
        // only when the register holds no record of the row's own already.
        if (mayCreate(context.actor, sheet) && !plan.importedBefore.has(row)) addFaults(row, (await faultsBesideTheRow(trx, context, sheet, readBesideTheFaults(row), find)).map((violation) => sameAsMadeRow(violation, row, made)));
        continue;
      }
      const outcome = await createDomainRecord(trx, { ...context, recordSource: importOrigin(plan, importId, row) }, { sheet, values: row.values }, find, plan.confirmed);
      if (!('recordId' in outcome)) {
        addFaults(row, outcome.violations.map((violation) => sameAsMadeRow(violation, row, made)));
        for (const code of outcome.unconfirmed ?? []) plan.unconfirmedWarnings.add(code);
        continue;
      }
      made.set(outcome.recordId, row);
      if (sheet === 'company') companies.set(referenceKey(row.reference!), outcome.recordId);
    }
  }
  return made;
}

/**
 * A refusal of a record the same as one this import made is said of that record's row of the file: the register
 * does not hold it before the import is committed, nor ever after a dry run.
 */
function sameAsMadeRow(violation: RuleViolation, row: PlannedRow, made: ReadonlyMap<string, PlannedRow>): RuleViolation {
  const twin = violation.code === 'duplicateRecord' ? made.get(violation.params?.recordId ?? '') : undefined;
  return twin ? { field: violation.field, code: 'duplicateRow', params: earlierRowParams(twin, row) } : violation;
}

/** The record of a sheet an earlier import made under a reference, or the one of the register with that id. */
async function importedRecordOf(db: Db, sheet: ImportSheet, reference: string): Promise<string | undefined> {
  const found = new ImportedReferences(await imports.findImportedRecords(db, sheet, [referenceKey(reference)])).findRecord(reference);
  return found && 'recordId' in found ? found.recordId : undefined;
}

/** The delivery a reference names: a row of the file (once written, or held by the register), one an earlier import created, or one of the register by its id. */
function deliveryFinder(plan: Plan): (reference: string) => DeliveryMatch {
  const rowsByKey = firstRowsByReference(plan.rows, 'delivery');
  return (reference) => {
    const row = rowsByKey.get(referenceKey(reference));
    // A row with faults names a delivery only when the register holds it.
    if (row) return row.deliveryId ? { deliveryId: row.deliveryId } : { faultyRow: { rowNumber: row.rowNumber, sheetName: row.sheetName } };
    const found = plan.importedDeliveries.findRecord(reference);
    return found && 'recordId' in found ? { deliveryId: found.recordId } : undefined;
  };
}

/** A new delivery as the register stores it after its money: its value, and the day of its first payment where that realises it. */
function newDelivery(row: PlannedRow, valuations: { amountCents: number; effectiveDate: string }[], payments: { amountCents: number; paidOn: string }[]): imports.NewDelivery {
  const { externalReference: _reference, deliveryReference: _delivery, ...values } = row.values;
  const fields: DeliveryInput = { ...unsetDeliveryFields(), ...(values as Partial<DeliveryInput>) } as DeliveryInput;
  const ownValuations = valuations.toSorted((a, b) => (a.effectiveDate < b.effectiveDate ? -1 : 1));
  const ownPayments = payments.toSorted((a, b) => (a.paidOn < b.paidOn ? -1 : 1));
  const realisedAt = isRealisedByPayment(fields.supportType) ? (ownPayments[0]?.paidOn ?? null) : fields.realisedAt;
  return { ...fields, realisedAt, isDemonstration: false, id: row.deliveryId!, currentValueCents: currentValue(fields.supportType, ownValuations, ownPayments) };
}
