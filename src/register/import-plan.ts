/**
 * The plan of an import: the file's rows checked against the register's rules and against what the
 * register and earlier imports hold, and refused where the importer's role may not create them or the
 * workbook hides them. Rows are keyed by their external reference, so that the same file imported again
 * changes nothing.
 */
import type { Kysely } from 'kysely';
import { isRealisedByPayment } from '../../common/delivery-rules.ts';
import type { AuditContext } from '../audit/event.ts';
import type { RequestContext } from '../audit/trail.ts';
import type { StoredDelivery } from '../db/repositories/deliveries.ts';
import * as imports from '../db/repositories/import.ts';
import type { HeldPayment } from '../db/repositories/import.ts';
import type { Database } from '../db/schema.ts';
import {
  followsBeginningViolations,
  lifecycleViolations,
  PAYMENT_FIELDS,
  paymentReferenceViolations,
  paymentWarnings,
  samePaymentViolations,
  valuationBasisViolations,
  type Category,
  type FundingSource,
  type LifecycleDates,
  type RuleViolation,
  type SupportType,
  type TypedPayment,
  type ValuationBasis,
} from '../domain/delivery.ts';
import { importedShipmentWarnings } from '../domain/export-control.ts';
import { countedDeliveryWarnings, sentLetterPeriodWarnings, type SentLetter } from '../domain/sent-letter-period.ts';
import * as letters from '../db/repositories/letters.ts';
import { isSameRecord } from '../domain/same-record.ts';
import { unconfirmed, type Warning, type WarningCode } from '../domain/warnings.ts';
import { isUuid } from '../../common/ids.ts';
import { referenceKey } from '../../common/text.ts';
import { DOMAIN_SHEETS, isRegisterSheet, type ImportSheet, type RegisterSheet } from '../import/sheets.ts';
import { computedCellFaults } from './import-computed.ts';
import { mayCreate, rolesCreating } from './import-permissions.ts';
import { earlierDigests, recordNamesOf, type RecordNames } from './import-digests.ts';
import { addFaults, earlierRowParams, firstRowsByReference, isSkipped, lifecycleDates, refuseRow, type PlannedRow } from './import-rows.ts';
import { ImportedReferences } from './imported-references.ts';
import { checkValueDependants, valuationsOfRegisterDeliveries } from './import-value-dependants.ts';

type Db = Kysely<Database>;

export interface Plan {
  rows: PlannedRow[];
  /** Deliveries already in the register that rows of the file add money to. */
  registerDeliveries: Map<string, StoredDelivery>;
  /** The deliveries earlier imports created under the references the file's rows name. */
  importedDeliveries: ImportedReferences;
  /** How the digests of the rows of other domains name the records the rows name. */
  names: RecordNames;
  /**
   * The rows of other domains under a reference an earlier import recorded: held against what that import read, never
   * against the rules of the register, which would find the row's own record taking its key.
   */
  importedBefore: ReadonlySet<PlannedRow>;
  /** The payment rows whose warnings the import confirmed, with those warnings, for their audit events. */
  confirmedWarnings: Map<PlannedRow, Warning[]>;
  /**
   * The warnings the import did not confirm, which are faults of their rows until it does, of the rows they alone
   * keep from being made: confirmed, those rows are made (a row with another fault, one of another role's sheet, is not).
   * Those a record of another domain warns of as it is made are added then (import-writing.ts).
   */
  unconfirmedWarnings: Set<WarningCode>;
  /** The warnings the importer confirmed, with which the records of other domains are made (import-records.ts). */
  confirmed: readonly WarningCode[];
}

/** `confirmed`: the warnings the importer confirmed; a row with a warning not confirmed has it as a fault. */
export async function planImport(db: Db, context: RequestContext, rows: PlannedRow[], confirmed: readonly WarningCode[] = []): Promise<Plan> {
  const registerRows = rows.filter((row) => isRegisterSheet(row.sheet));
  const bySheet = (sheet: RegisterSheet) => registerRows.filter((row) => row.sheet === sheet);
  const known = await knownReferences(db, rows);
  const registerDeliveries = await checkAgainstRegister(db, registerRows, known, context.actor);
  const names = await recordNamesOf(db, rows, known.delivery);
  const importedBefore = await checkDomainRowsAgainstImports(db, rows, names);
  // After the rows the register holds unchanged are known (they create nothing), before money follows its delivery.
  refuseRowsOfOtherRoles(rows, context.actor);
  refuseUnclearRows(rows);
  checkMoney(registerRows, registerDeliveries, await imports.paymentsOf(db, [...registerDeliveries.keys()]), known.payment);
  const moneyRows = registerRows.filter((row) => row.sheet !== 'delivery');
  checkRealisedByPayment(bySheet('delivery'), bySheet('payment'), moneyRows);
  const revaluations = valuationsOfRegisterDeliveries(bySheet('valuation'), (row) => row.reference !== null && known.valuation.find(row.reference) !== undefined);
  const revalued = [...new Set(revaluations.map((row) => row.deliveryId!))];
  // Held before their valuations and what depends on their value are read: a claim or valuation the API writes meanwhile waits for the import, or is read.
  await imports.lockDeliveries(db, revalued);
  const currentValuations = await imports.currentValuationsOf(db, [...registerDeliveries.keys()]);
  const dependants = await imports.valueDependantsOf(db, revalued);
  checkValueDependants(revaluations, registerDeliveries, { currentValuations, ...dependants });
  const warned = warningsByRow([
    paymentWarningsOf(bySheet('valuation'), bySheet('payment'), currentValuations),
    shipmentWarningsOf(bySheet('delivery')),
    sentLetterPeriodWarningsOfRows(rows, await letters.latestSentLetter(db)),
  ]);
  const confirmedWarnings = new Map<PlannedRow, Warning[]>();
  const unconfirmedWarnings = new Set<WarningCode>();
  const heldBack = new Set<PlannedRow>();
  for (const [row, warnings] of warned) {
    const open = unconfirmed(warnings, confirmed);
    if (row.outcome === 'create') for (const warning of open) unconfirmedWarnings.add(warning.code);
    addFaults(row, open);
    if (open.length === 0) confirmedWarnings.set(row, warnings);
    else heldBack.add(row);
  }
  // A delivery row that a warning not confirmed keeps from being made takes its money rows with it, as its other faults do.
  for (const money of moneyRows) {
    if (money.deliveryRow && heldBack.has(money.deliveryRow) && (money.outcome === 'create' || money.outcome === 'invalid')) addFaults(money, [deliveryRowInvalid(money.deliveryRow)]);
  }
  return { rows, registerDeliveries, importedDeliveries: known.delivery, names, importedBefore, confirmedWarnings, unconfirmedWarnings, confirmed };
}

/** The warnings of each row, of every kind. */
function warningsByRow(kinds: readonly Map<PlannedRow, Warning[]>[]): Map<PlannedRow, Warning[]> {
  const warned = new Map<PlannedRow, Warning[]>();
  for (const [row, warnings] of kinds.flatMap((kind) => [...kind])) warned.set(row, [...(warned.get(row) ?? []), ...warnings]);
  return warned;
}

/**
 * The field that dates a row of a sheet whose records change the figures a letter prints at their date: money, and
 * an EPF claim (what is declared). A budget commitment is new to any letter's text, which names none it does not know.
 */
const FIGURE_DATES = { valuation: 'effectiveDate', payment: 'paidOn', epfClaim: 'declaredOn' } as const satisfies Partial<Record<ImportSheet, string>>;

const isFigureSheet = (sheet: ImportSheet): sheet is keyof typeof FIGURE_DATES => Object.hasOwn(FIGURE_DATES, sheet);

/**
 * The warnings of each row the import would make (or that has faults of its own, to show them at once) that changes the
 * figures at the reference date of the latest letter sent to parliament, read once for the whole file: a valuation,
 * payment or EPF claim dated on or before it (sentLetterPeriodWarnings), a new delivery realised by then
 * (countedDeliveryWarnings). A date refused (one after today) records nothing and is not warned of; a delivery row of
 * a delivery the register holds changes nothing of it.
 */
function sentLetterPeriodWarningsOfRows(rows: PlannedRow[], sent: SentLetter | undefined): Map<PlannedRow, Warning[]> {
  const warned = new Map<PlannedRow, Warning[]>();
  if (!sent) return warned;
  for (const row of rows) {
    if (row.outcome !== 'create' && row.outcome !== 'invalid') continue;
    const warnings = row.sheet === 'delivery' ? newDeliveryWarnings(row, sent) : datedRecordWarnings(row, sent);
    if (warnings.length > 0) warned.set(row, warnings);
  }
  return warned;
}

/** A valuation, payment or EPF claim row dated on or before the letter's reference date. */
function datedRecordWarnings(row: PlannedRow, sent: SentLetter): Warning[] {
  if (!isFigureSheet(row.sheet)) return [];
  const field = FIGURE_DATES[row.sheet];
  const date = validDate(row, field);
  return date === null ? [] : sentLetterPeriodWarnings(field, date, sent);
}

/** A row of a new delivery realised on or before the letter's reference date. */
function newDeliveryWarnings(row: PlannedRow, sent: SentLetter): Warning[] {
  if (row.deliveryId !== null) return [];
  const { supportType, fundingSource } = row.values;
  return countedDeliveryWarnings(null, { realisedAt: validDate(row, 'realisedAt'), supportType: supportType as SupportType, fundingSource: fundingSource as FundingSource }, sent);
}

/** A date of a row, unless it has none or a fault. */
function validDate(row: PlannedRow, field: string): string | null {
  const date = row.values[field];
  return typeof date === 'string' && !row.faults.some((fault) => fault.field === field) ? date : null;
}

/**
 * The warnings of each new delivery row (to make, or with faults of its own, to show them at once) that gives goods
 * needing a licence a hand-over or delivery date: the register has no licence for it (importedShipmentWarnings). A row
 * of a delivery the register holds makes nothing, and a date refused (one after today) registers nothing: neither is
 * warned of.
 */
function shipmentWarningsOf(deliveryRows: PlannedRow[]): Map<PlannedRow, Warning[]> {
  const warned = new Map<PlannedRow, Warning[]>();
  for (const row of deliveryRows) {
    const { category, supportType } = row.values;
    if ((row.outcome !== 'create' && row.outcome !== 'invalid') || row.deliveryId !== null || typeof category !== 'string' || typeof supportType !== 'string') continue;
    const warnings = importedShipmentWarnings({ category: category as Category, supportType: supportType as SupportType, realisedAt: validDate(row, 'realisedAt'), deliveredAt: validDate(row, 'deliveredAt') });
    if (warnings.length > 0) warned.set(row, warnings);
  }
  return warned;
}

/**
 * The warnings of each payment row the import would make (or that has faults of its own, to show them at
 * once) by its delivery's valuation that counts: the latest of the register's and the file's valuations to
 * make, one of the file at an effective date as late as the register's being recorded after it.
 */
function paymentWarningsOf(valuationRows: PlannedRow[], paymentRows: PlannedRow[], registerValuations: Map<string, imports.HeldValuation>): Map<PlannedRow, Warning[]> {
  const deliveryOfRow = (row: PlannedRow) => row.deliveryId ?? row.deliveryRow;
  const latest = new Map<string | PlannedRow, imports.HeldValuation>();
  for (const [deliveryId, valuation] of registerValuations) latest.set(deliveryId, valuation);
  for (const row of valuationRows) {
    const { amountCents, effectiveDate } = row.values;
    const delivery = deliveryOfRow(row);
    if (row.outcome !== 'create' || !delivery || typeof amountCents !== 'number' || typeof effectiveDate !== 'string') continue;
    const earlier = latest.get(delivery);
    if (!earlier || earlier.effectiveDate <= effectiveDate) latest.set(delivery, { amountCents, effectiveDate });
  }
  const warned = new Map<PlannedRow, Warning[]>();
  for (const row of paymentRows) {
    const { amountCents } = row.values;
    const delivery = deliveryOfRow(row);
    if ((row.outcome !== 'create' && row.outcome !== 'invalid') || !delivery || typeof amountCents !== 'number') continue;
    const valuation = latest.get(delivery);
    const warnings = paymentWarnings(amountCents, valuation ? [valuation] : []);
    if (warnings.length > 0) warned.set(row, warnings);
  }
  return warned;
}

/**
 * A row that would create a record the importer's role may not create gets a fault saying so, first
 * among its faults: the other faults still show, for whoever imports the row in the end.
 */
function refuseRowsOfOtherRoles(rows: PlannedRow[], actor: AuditContext['actor']): void {
  for (const row of rows) {
    if (isSkipped(row) || row.outcome === 'unchanged' || mayCreate(actor, row.sheet)) continue;
    const params = { sheet: row.sheetName, role: actor?.role ?? '', roles: rolesCreating(row.sheet).join(',') };
    refuseRow(row, { field: 'sheet', code: 'sheetOfOtherRole', params, column: '', columnLetter: null });
  }
}

/**
 * A row hidden in the workbook (by a filter, or by hand) is not seen by whoever checks the file, as a
 * hidden sheet's rows are not: one that would create a record gets a fault saying so, first among its
 * faults; so does each of its values in a column the workbook hides, and each value of a column whose header
 * a later column with a value repeats (which of the two is meant is not known). A row the register holds
 * unchanged changes nothing and has no such fault.
 */
function refuseUnclearRows(rows: PlannedRow[]): void {
  for (const row of rows) {
    if (isSkipped(row) || row.outcome === 'unchanged') continue;
    if (row.hiddenCells.length > 0) addFaults(row, row.hiddenCells.map((field) => ({ field, code: 'hiddenColumn' })));
    if (row.repeatedCells.length > 0) addFaults(row, row.repeatedCells.map(({ field, letter }) => ({ field, code: 'valueInRepeatedColumn', params: { other: letter } })));
    if (row.hidden) refuseRow(row, { field: 'row', code: 'hiddenRow', params: {}, column: '', columnLetter: null });
  }
}

type KnownReferences = Record<RegisterSheet, ImportedReferences>;

/** The references of deliveries a row names: its delivery's, or (a training programme's) those of the deliveries it trains for. */
function namedDeliveries(row: PlannedRow): string[] {
  if (row.sheet === 'delivery') return [];
  const { deliveryReference, deliveryReferences } = row.values;
  return [...(typeof deliveryReference === 'string' ? [deliveryReference] : []), ...(Array.isArray(deliveryReferences) ? (deliveryReferences as string[]) : [])];
}

async function knownReferences(db: Db, rows: PlannedRow[]): Promise<KnownReferences> {
  const keysOf = (sheet: ImportSheet) => rows.filter((row) => row.sheet === sheet && row.reference).map((row) => referenceKey(row.reference!));
  const deliveryKeys = rows.flatMap((row) => namedDeliveries(row).map(referenceKey));
  const [delivery, valuation, payment] = await Promise.all([
    imports.findImportedRecords(db, 'delivery', [...new Set([...keysOf('delivery'), ...deliveryKeys])]),
    imports.findImportedRecords(db, 'valuation', [...new Set(keysOf('valuation'))]),
    imports.findImportedRecords(db, 'payment', [...new Set(keysOf('payment'))]),
  ]);
  return { delivery: new ImportedReferences(delivery), valuation: new ImportedReferences(valuation), payment: new ImportedReferences(payment) };
}

/**
 * Rows of other domains whose key an earlier import recorded: unchanged when they say what that import
 * read, and a fault when they say something else (a change is made in the register, not by importing
 * over it). Such a record is not compared with the register: it may have been changed there since.
 * Returns those rows.
 */
async function checkDomainRowsAgainstImports(db: Db, rows: PlannedRow[], names: RecordNames): Promise<Set<PlannedRow>> {
  const importedBefore = new Set<PlannedRow>();
  for (const sheet of DOMAIN_SHEETS) {
    const sheetRows = rows.filter((row) => row.sheet === sheet && row.reference !== null && !isSkipped(row));
    if (sheetRows.length === 0) continue;
    const records = await imports.findImportedRecords(db, sheet, [...new Set(sheetRows.map((row) => referenceKey(row.reference!)))]);
    const known = new ImportedReferences(records);
    const digestOf = new Map(records.map((record) => [record.recordId, record.rowSha256]));
    for (const row of sheetRows) {
      const found = known.find(row.reference!);
      if (found === undefined) continue;
      importedBefore.add(row);
      if ('several' in found) addFaults(row, [severalRecords('externalReference', found.several)]);
      else if (row.outcome === 'invalid') continue;
      else if (earlierDigests(row, names).includes(digestOf.get(found.recordId) ?? '')) row.outcome = 'unchanged';
      else addFaults(row, [{ field: 'externalReference', code: 'differsFromEarlierImport' }]);
    }
  }
  return importedBefore;
}

/** The fields of each sheet a row of the file may hold, compared with the record the register keeps under its key. */
const COMPARED_FIELDS: Record<RegisterSheet, readonly string[]> = {
  delivery: ['title', 'supportType', 'category', 'fundingSource', 'quantity', 'unit', 'pledgedAt', 'committedAt', 'realisedAt', 'deliveredAt', 'company', 'contractReference', 'publicTitle', 'description'],
  valuation: ['amountCents', 'basis', 'effectiveDate', 'note'],
  payment: ['amountCents', 'paidOn', 'reference', 'note'],
};

/**
 * Rows whose key the register knows are unchanged when they say what the register holds, and faults
 * where they do not (the register keeps history: a change is made there, not by importing over it).
 * Money rows are linked to their delivery: a row of the file, a delivery an earlier import created, or
 * one of the register by its id. Returns the deliveries of the register that rows add money to.
 */
async function checkAgainstRegister(db: Db, rows: PlannedRow[], known: KnownReferences, actor: AuditContext['actor']): Promise<Map<string, StoredDelivery>> {
  // Under a key two rows share (a fault of the second), money belongs to the first.
  const deliveryRows = firstRowsByReference(rows, 'delivery');
  const moneyTargets = rows.flatMap((row) => {
    const reference = row.values.deliveryReference;
    if (row.sheet === 'delivery' || typeof reference !== 'string' || deliveryRows.has(referenceKey(reference))) return [];
    const target = known.delivery.findRecord(reference);
    return target && 'recordId' in target ? [target.recordId] : [];
  });
  const namedByIds = rows.map(idOfDeliveryRow).filter((id): id is string => id !== undefined && isUuid(id));
  const [storedDeliveries, storedValuations, storedPayments] = await Promise.all([
    imports.findDeliveries(db, [...new Set([...known.delivery.recordIds, ...moneyTargets, ...namedByIds])]),
    imports.findValuations(db, known.valuation.recordIds),
    imports.findPayments(db, known.payment.recordIds),
  ]);
  const stored: Record<RegisterSheet, Map<string, object>> = { delivery: storedDeliveries, valuation: storedValuations, payment: storedPayments };
  // A money row's delivery as the register names it, to say so when the file names another.
  const storedDeliveryReferences = await imports.importedReferencesOf(db, 'delivery', [...new Set([...storedValuations.values(), ...storedPayments.values()].map((money) => money.deliveryId))]);
  for (const row of rows) {
    if (row.reference === null || isSkipped(row) || !isRegisterSheet(row.sheet)) continue;
    const byId = idOfDeliveryRow(row);
    const found = byId === undefined ? known[row.sheet].find(row.reference) : { recordId: byId };
    if (found === undefined) {
      // A new delivery: the register computes its stage, value, disclosure and demonstration, never the file.
      addFaults(row, computedCellFaults(row, undefined));
      continue;
    }
    if ('several' in found) {
      addFaults(row, [severalRecords('externalReference', found.several)]);
      continue;
    }
    const { recordId } = found;
    const record = stored[row.sheet].get(recordId);
    // What the register computes of the delivery the row names, held against the row's cells of it, with or without faults of its own.
    const computedFaults = row.sheet === 'delivery' && record ? computedCellFaults(row, record as StoredDelivery) : [];
    // Records of other domains may name the delivery whatever its row says: an import changes no delivery.
    if (row.sheet === 'delivery' && record) row.deliveryId = recordId;
    if (row.outcome === 'invalid') {
      addFaults(row, computedFaults);
      continue;
    }
    if (!record) {
      addFaults(row, [byId === undefined ? { field: 'externalReference', code: 'importedRecordRemoved' } : { field: 'id', code: 'unknownDeliveryId' }]);
      continue;
    }
    const differing = COMPARED_FIELDS[row.sheet].filter((field) => saysSomethingOf(row, field, record) && !sameValue(row.values[field], Reflect.get(record, field)));
    const faults = [...differing.map((field) => differsFromRegister(row, field, Reflect.get(record, field), actor)), ...computedFaults];
    if (row.sheet !== 'delivery') faults.push(...otherDelivery(row, Reflect.get(record, 'deliveryId') as string, known, storedDeliveryReferences));
    if (faults.length > 0) addFaults(row, faults);
    else row.outcome = 'unchanged';
  }
  const registerDeliveries = new Map<string, StoredDelivery>();
  for (const row of rows) {
    if (row.sheet === 'delivery' || isSkipped(row)) continue;
    const reference = row.values.deliveryReference;
    if (typeof reference !== 'string') continue;
    const inFile = deliveryRows.get(referenceKey(reference));
    if (inFile) {
      row.deliveryRow = inFile;
      // A delivery row the register already holds (unchanged) may get new money.
      const existing = inFile.deliveryId ? storedDeliveries.get(inFile.deliveryId) : undefined;
      if (existing) {
        row.deliveryId = existing.id;
        registerDeliveries.set(existing.id, existing);
      }
      continue;
    }
    const target = known.delivery.findRecord(reference);
    if (target && 'several' in target) {
      addFaults(row, [severalRecords('deliveryReference', target.several)]);
      continue;
    }
    const delivery = target && storedDeliveries.get(target.recordId);
    if (delivery) {
      row.deliveryId = delivery.id;
      registerDeliveries.set(delivery.id, delivery);
    } else if (!row.faults.some((fault) => fault.field === 'deliveryReference')) addFaults(row, [{ field: 'deliveryReference', code: 'unknownDeliveryReference' }]);
  }
  return registerDeliveries;
}

/** The id by which a row of the register's export names its delivery (it decides over an own reference beside it); undefined for other rows. */
function idOfDeliveryRow(row: PlannedRow): string | undefined {
  const { id } = row.values;
  return row.sheet === 'delivery' && typeof id === 'string' ? id.toLowerCase() : undefined;
}

/** A fault when the register holds several records under a reference's key and the reference spells none of them exactly. */
function severalRecords(field: string, references: readonly string[]): RuleViolation {
  return { field, code: 'severalRecordsUnderReference', params: { stored: references.toSorted().join(', ') } };
}

/**
 * The value the register holds and the one the file has, with what they are, so that the reason shows them
 * as the user typed them (euros, labels); for an importer whose role does not keep such records, the roles
 * that do (`changedBy`), since that importer cannot change it in the register.
 */
function differsFromRegister(row: PlannedRow, field: string, stored: unknown, actor: AuditContext['actor']): RuleViolation {
  const kind = row.source.definition.columns.find((column) => column.key === field)?.kind;
  const params = { stored: String(stored ?? ''), inFile: String(row.values[field] ?? ''), kind: typeof kind === 'object' ? kind.list : (kind ?? 'text'), ...withdrawnRecord(row) };
  return { field, code: 'differsFromRegister', params: mayCreate(actor, row.sheet) ? params : { ...params, changedBy: rolesCreating(row.sheet).join(',') } };
}

/** A valuation or payment is not changed in the register but withdrawn (and recorded anew): the reason says so. */
function withdrawnRecord(row: PlannedRow): { withdrawn?: 'valuation' | 'payment' } {
  return row.sheet === 'valuation' || row.sheet === 'payment' ? { withdrawn: row.sheet } : {};
}

/** A fault when a valuation or payment the register holds under its key belongs to another delivery than the file says. */
function otherDelivery(row: PlannedRow, storedDeliveryId: string, known: KnownReferences, storedReferences: Map<string, string>): RuleViolation[] {
  const reference = row.values.deliveryReference as string;
  const target = known.delivery.findRecord(reference);
  if (target && 'recordId' in target && target.recordId === storedDeliveryId) return [];
  return [{ field: 'deliveryReference', code: 'differsFromRegister', params: { stored: storedReferences.get(storedDeliveryId) ?? storedDeliveryId, inFile: reference, kind: 'text', ...withdrawnRecord(row) } }];
}

/**
 * Whether a row of a record the register holds says something of a field: a value, or an empty cell in a
 * column of the sheet (the value taken out), but not a column the sheet lacks, nor an empty realisation
 * date of a purchase or contribution, which its first payment gives it.
 */
function saysSomethingOf(row: PlannedRow, field: string, record: object): boolean {
  if (row.values[field] !== undefined) return true;
  if (!row.source.columns.has(field)) return false;
  return !(field === 'realisedAt' && isRealisedByPayment(Reflect.get(record, 'supportType') as SupportType));
}

/**
 * An empty cell, and an empty optional text or no value in the register, are the same: nothing. Texts are
 * the same but for spaces around them, which a cell does not show (a note typed with them, or saved without).
 */
function sameValue(fromFile: unknown, stored: unknown): boolean {
  const comparable = (value: unknown) => (typeof value === 'string' ? value.trim() : (value ?? ''));
  return comparable(fromFile) === comparable(stored);
}

/** A money row's delivery: as the register holds it, else as its row in the file has it. */
function deliveryOf(row: PlannedRow, registerDeliveries: Map<string, StoredDelivery>): (LifecycleDates & { supportType: SupportType }) | undefined {
  const registered = row.deliveryId ? registerDeliveries.get(row.deliveryId) : undefined;
  if (registered) return registered;
  return row.deliveryRow ? { ...lifecycleDates(row.deliveryRow.values), supportType: row.deliveryRow.values.supportType as SupportType } : undefined;
}

/**
 * Money follows its delivery: none for a new delivery whose row has faults (one the register holds takes
 * money whatever its row in the file says: an import changes no delivery); payments only for what is realised
 * by payment, never dated before an earlier stage (the first payment is the day of realisation), and each
 * under a reference of its own among its delivery's (in the register, unless withdrawn, and in the file), and
 * without one none the same as a payment of its delivery's (samePaymentViolations) or an earlier row's;
 * one valuation per delivery and effective date in a file (their order would otherwise be arbitrary), none
 * dated before its delivery's beginning, each on a basis its delivery's support type is valued at. A payment row under the
 * key of a payment the register holds is held against the delivery's other payments: that one is the row's own.
 */
function checkMoney(rows: PlannedRow[], registerDeliveries: Map<string, StoredDelivery>, heldPayments: Map<string, HeldPayment[]>, importedPayments: ImportedReferences): void {
  const valuationDates = new Map<string, number>();
  const paymentReferences = new Map<string, number>();
  const filePayments = new Map<string, { row: PlannedRow; typed: Partial<TypedPayment> }[]>();
  for (const row of rows) {
    // A row with faults of its own is checked too, by the values it has, so that it shows every fault at once.
    if (row.sheet === 'delivery' || (row.outcome !== 'create' && row.outcome !== 'invalid')) continue;
    if (row.deliveryRow && row.deliveryRow.outcome === 'invalid' && !(row.deliveryId && registerDeliveries.has(row.deliveryId))) {
      addFaults(row, [deliveryRowInvalid(row.deliveryRow)]);
    }
    // A delivery row with faults is judged by what of it was read; without its support type there is nothing to judge by.
    const delivery = deliveryOf(row, registerDeliveries);
    if (!delivery?.supportType) continue;
    const { effectiveDate, basis, paidOn } = row.values;
    if (row.sheet === 'valuation') {
      if (typeof effectiveDate === 'string') {
        const key = `${referenceKey(row.values.deliveryReference as string)}\u0000${effectiveDate}`;
        const first = valuationDates.get(key);
        if (first === undefined) valuationDates.set(key, row.rowNumber);
        else addFaults(row, [{ field: 'effectiveDate', code: 'sameEffectiveDate', params: { row: String(first) } }]);
        addFaults(row, followsBeginningViolations(delivery, 'effectiveDate', 'valuation', effectiveDate));
      }
      if (typeof basis === 'string') addFaults(row, valuationBasisViolations('basis', delivery.supportType, basis as ValuationBasis));
      continue;
    }
    if (!isRealisedByPayment(delivery.supportType)) {
      // The row names a delivery from stock: its reference is what is wrong.
      addFaults(row, [{ field: 'deliveryReference', code: 'paymentOnStock' }]);
      continue;
    }
    const own = row.reference === null ? undefined : importedPayments.find(row.reference);
    const ownId = own && 'recordId' in own ? own.recordId : null;
    const held = ((row.deliveryId && heldPayments.get(row.deliveryId)) || []).filter((payment) => payment.id !== ownId);
    if (typeof paidOn === 'string') {
      const realisedAt = [paidOn, ...held.filter((payment) => !payment.neverMade).map((payment) => payment.paidOn)].sort()[0]!;
      const violations = lifecycleViolations({ ...delivery, realisedAt });
      addFaults(row, violations.map((violation) => ({ ...violation, field: 'paidOn' })));
    }
    const reference = row.values.reference;
    const live = held.filter((payment) => !payment.withdrawn);
    addFaults(row, paymentReferenceViolations(reference as string | null | undefined, live));
    const typed = typedPayment(row);
    const inRegister = samePaymentViolations(typed, live);
    addFaults(row, inRegister.length > 0 ? inRegister : sameAsEarlierRow(row, typed, filePayments));
    if (typeof reference !== 'string' || reference === '') continue;
    const key = `${referenceKey(row.values.deliveryReference as string)}\u0000${referenceKey(reference)}`;
    const first = paymentReferences.get(key);
    if (first === undefined) paymentReferences.set(key, row.rowNumber);
    else addFaults(row, [{ field: 'reference', code: 'samePaymentReference', params: { row: String(first) } }]);
  }
}

/**
 * What a payment row says of the fields that make a payment the same as another, as the import would record
 * it: no reference and an empty note where their cells are empty. A field whose cell could not be read is not known.
 */
function typedPayment(row: PlannedRow): Partial<TypedPayment> {
  const { amountCents, paidOn, reference, note } = row.values as Partial<TypedPayment>;
  const read = (field: string) => !row.faults.some((fault) => fault.field === field);
  return { amountCents, paidOn, reference: read('reference') ? (reference ?? null) : reference, note: read('note') ? (note ?? '') : note };
}

/**
 * A payment row without a reference the same as an earlier one of the file for the same delivery (samePaymentViolations)
 * is that row again: its fault names that row. `earlier` holds the rows seen so far, by their delivery's reference.
 */
function sameAsEarlierRow(row: PlannedRow, typed: Partial<TypedPayment>, earlier: Map<string, { row: PlannedRow; typed: Partial<TypedPayment> }[]>): RuleViolation[] {
  if (typed.reference !== null || PAYMENT_FIELDS.some((field) => typed[field] === undefined)) return [];
  const key = referenceKey(row.values.deliveryReference as string);
  const seen = earlier.get(key) ?? [];
  const twin = seen.find((other) => isSameRecord(PAYMENT_FIELDS, other.typed, typed));
  if (twin) return [{ field: PAYMENT_FIELDS[0], code: 'duplicateRow', params: earlierRowParams(twin.row, row) }];
  earlier.set(key, [...seen, { row, typed }]);
  return [];
}

/**
 * A procurement or fund contribution is realised on the day of its first payment: a new one's
 * realisation date, when the file gives it, must be that day. A delivery row that breaks this takes
 * its money rows with it.
 */
function checkRealisedByPayment(deliveryRows: PlannedRow[], paymentRows: PlannedRow[], moneyRows: PlannedRow[]): void {
  const firstPaid = new Map<PlannedRow, string>();
  for (const payment of paymentRows) {
    if (payment.outcome !== 'create' || !payment.deliveryRow) continue;
    const paidOn = payment.values.paidOn as string;
    const first = firstPaid.get(payment.deliveryRow);
    if (!first || paidOn < first) firstPaid.set(payment.deliveryRow, paidOn);
  }
  const refused = new Set<PlannedRow>();
  for (const row of deliveryRows) {
    if (row.outcome !== 'create' || !isRealisedByPayment(row.values.supportType as SupportType)) continue;
    const first = firstPaid.get(row);
    const realisedAt = row.values.realisedAt;
    if (realisedAt !== undefined && realisedAt !== null && realisedAt !== first) {
      addFaults(row, [{ field: 'realisedAt', code: 'realisedByPayment', params: first ? { firstPaidOn: first } : {} }]);
      refused.add(row);
    }
  }
  for (const money of moneyRows) {
    if (money.deliveryRow && refused.has(money.deliveryRow) && money.outcome === 'create') {
      addFaults(money, [deliveryRowInvalid(money.deliveryRow)]);
    }
  }
}

/** The fault of a money row whose delivery's row, on its own sheet, has a fault. */
function deliveryRowInvalid(deliveryRow: PlannedRow): RuleViolation {
  return { field: 'deliveryReference', code: 'deliveryRowInvalid', params: { row: String(deliveryRow.rowNumber), sheet: deliveryRow.sheetName } };
}
