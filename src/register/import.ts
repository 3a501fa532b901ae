/**
 * Importing deliveries with their valuations and payments from a spreadsheet: a dry run that says per
 * row what would be created, what the register already holds and every fault by row and column; and a
 * commit that writes the rows it may in one transaction, with an audit event for each record it creates.
 * Rows are checked by the API's own input rules and the register's rules; rows are keyed by their
 * external reference, so that the same file imported again changes nothing.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { todayInAmsterdam } from '../../common/dates.ts';
import { isRealisedByPayment } from '../../common/delivery-rules.ts';
import { CommitmentInputSchema } from '../api/budget/schemas.ts';
import { DeliveryInputSchema, PaymentInputSchema, ValuationInputSchema } from '../api/deliveries/schemas.ts';
import { ClaimInputSchema } from '../api/epf/schemas.ts';
import { CompanyInputSchema, ContractInputSchema } from '../api/industry/schemas.ts';
import { JudgementInputSchema } from '../api/readiness/schemas.ts';
import { ContributionInputSchema, ProgrammeInputSchema } from '../api/training/schemas.ts';
import { safeText } from '../api/openapi-common.ts';
import { violationsFromZod } from '../api/problem.ts';
import type { AuditContext } from '../audit/event.ts';
import { AuditEventsInPreparation } from '../audit/preparation.ts';
import { recordAuditEvent, type RequestContext } from '../audit/trail.ts';
import type { StoredDelivery } from '../db/repositories/deliveries.ts';
import * as imports from '../db/repositories/import.ts';
import type { Database } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import {
  currentValue,
  lifecycleViolations,
  unsetDeliveryFields,
  type DeliveryInput,
  type LifecycleDates,
  type RuleViolation,
  type SupportType,
} from '../domain/delivery.ts';
import { readCell, type CellValue } from '../import/cells.ts';
import { readImportFile, type ReadRow, type ReadSheet } from '../import/read-file.ts';
import {
  DOMAIN_SHEETS,
  EXAMPLE_MARKERS,
  headerText,
  IMPORT_SHEETS,
  isRegisterSheet,
  referenceKey,
  referencesInCell,
  type DomainSheet,
  type ImportSheet,
  type RegisterSheet,
  type SheetDefinition,
} from '../import/sheets.ts';
import { registerInBulk } from './bulk-registration.ts';
import { mayCreate, rolesCreating } from './import-permissions.ts';
import { createDomainRecord, type DeliveryMatch, type Finders } from './import-records.ts';
import { valuationViolations } from './deliveries.ts';
import { ImportedReferences } from './imported-references.ts';

type Db = Kysely<Database>;

export const IMPORT_MODES = ['allOrNothing', 'onlyValid'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export const ROW_OUTCOMES = ['create', 'unchanged', 'invalid', 'example'] as const;
type RowOutcome = (typeof ROW_OUTCOMES)[number];

/** A fault of a row: the field, the column of the file it came from, and why. */
interface ImportFault extends RuleViolation {
  /** The column's header as the file has it (or as the template names it, when the file lacks it). */
  column: string;
  /** The column's letter in a spreadsheet; null when the file lacks the column. */
  columnLetter: string | null;
}

interface ImportRowReport {
  sheet: ImportSheet;
  sheetName: string;
  rowNumber: number;
  reference: string | null;
  outcome: RowOutcome;
  faults: ImportFault[];
  /** What a row to create or already in the register holds: its plain fields, amounts in cents; empty for other rows. */
  values: Record<string, string | number | null>;
}

export interface ImportReport {
  fileName: string;
  sha256: string;
  /** The import's id once committed with anything to write; null for a dry run or when nothing changed. */
  importId: string | null;
  committed: boolean;
  counts: Record<RowOutcome, number>;
  rows: ImportRowReport[];
}

export interface ImportFile {
  fileName: string;
  bytes: Uint8Array;
}

/** What the register would do with a file, without changing anything. */
export async function dryRunImport(db: Db, context: RequestContext, file: ImportFile, onProgress?: Progress): Promise<ImportReport> {
  const rows = await checkedFile(file, onProgress, 'keep');
  if (!rows.some((row) => !isRegisterSheet(row.sheet) && row.outcome === 'create')) return report(file, await planImport(db, context, rows), null, false);
  // Records of other domains are checked by making them, as the commit would, in a transaction then undone.
  const { plan } = await inTransaction(db, async (trx) => {
    const plan = await planImport(trx, context, rows);
    await writePlan(trx, context, plan, randomUUID(), { fileName: file.fileName, sha256: sha256(file.bytes), mode: 'onlyValid' });
    throw new UndoneImport(plan);
  }).catch(undoneImport);
  return report(file, plan, null, false);
}

/** Thrown to undo an import's transaction, with the plan as far as it got. */
class UndoneImport extends Error {
  readonly plan: Plan;
  constructor(plan: Plan) {
    super('import undone');
    this.plan = plan;
  }
}

function undoneImport(error: unknown): { plan: Plan; importId: null } {
  if (error instanceof UndoneImport) return { plan: error.plan, importId: null };
  throw error;
}

/** Called as rows are checked and written: how many of how many. */
export type Progress = (done: number, total: number) => void;

/**
 * Writes what the dry run would create, in one transaction: with "allOrNothing" nothing at all when
 * any row has a fault, with "onlyValid" the rows without one (and without a fault in the delivery they
 * belong to). Each created record gets its audit event, naming the import, in the same transaction.
 */
export async function commitImport(db: Db, context: RequestContext, file: ImportFile, mode: ImportMode, onProgress?: Progress): Promise<ImportReport> {
  const fileRows = await checkedFile(file, onProgress, 'take');
  // The report is made after COMMIT: the transaction holds the audit chain's append lock until then.
  const { plan, importId } = await inTransaction(db, async (trx) => {
    await imports.lockImports(trx);
    const plan = await planImport(trx, context, fileRows);
    const hasFaults = plan.rows.some((row) => row.outcome === 'invalid');
    const toCreate = plan.rows.filter((row) => row.outcome === 'create');
    if ((mode === 'allOrNothing' && hasFaults) || toCreate.length === 0) return { plan, importId: null };
    const importId = randomUUID();
    const created = await writePlan(trx, context, plan, importId, { fileName: file.fileName, sha256: sha256(file.bytes), mode });
    // A record another domain refused while it was being made: with all or nothing, nothing; nor when that left nothing to import.
    if (created === 0 || (mode === 'allOrNothing' && plan.rows.some((row) => row.outcome === 'invalid'))) throw new UndoneImport(plan);
    return { plan, importId };
  }).catch(undoneImport);
  return report(file, plan, importId, importId !== null);
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function report(file: ImportFile, plan: Plan, importId: string | null, committed: boolean): ImportReport {
  const counts = Object.fromEntries(ROW_OUTCOMES.map((outcome) => [outcome, 0])) as Record<RowOutcome, number>;
  for (const row of plan.rows) counts[row.outcome]++;
  const rows = plan.rows.map(({ sheet, sheetName, rowNumber, reference, outcome, faults, values }) => ({ sheet, sheetName, rowNumber, reference, outcome, faults, values: shownValues(outcome, values) }));
  return { fileName: file.fileName, sha256: sha256(file.bytes), importId, committed, counts, rows };
}

function shownValues(outcome: RowOutcome, values: Record<string, unknown>): ImportRowReport['values'] {
  if (outcome !== 'create' && outcome !== 'unchanged') return {};
  const { externalReference: _reference, ...fields } = values;
  return Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string | number | null] => entry[1] === null || typeof entry[1] === 'string' || typeof entry[1] === 'number'));
}

/** A row as planned: its report, the values its cells hold, and the delivery it is or belongs to. */
interface PlannedRow extends Omit<ImportRowReport, 'values'> {
  values: Record<string, unknown>;
  /** A delivery row's own new id; for money, the delivery it belongs to (new or in the register). */
  deliveryId: string | null;
  /** For money: the planned delivery row it belongs to, when that is in the same file. */
  deliveryRow: PlannedRow | null;
  source: ReadSheet;
  /** Hidden in the workbook (by a filter, or by hand). */
  hidden: boolean;
}

interface Plan {
  rows: PlannedRow[];
  /** Deliveries already in the register that rows of the file add money to. */
  registerDeliveries: Map<string, StoredDelivery>;
  /** The deliveries earlier imports created under the references the file's rows name. */
  importedDeliveries: ImportedReferences;
}

const ReferenceSchema = safeText(200).trim().min(1);
/**
 * Cells read beside what the API's input rules check: the records a row names by their references (found
 * when the import is made: a delivery, a programme by its short name, a company), and a contract's first
 * milestone, which the API takes as a list.
 */
const BESIDE_THE_INPUT = new Set(['deliveryReference', 'deliveryReferences', 'programmeKey', 'companyReference', 'milestoneTitle', 'milestoneDueOn']);
const BODY_SCHEMAS = {
  delivery: DeliveryInputSchema,
  valuation: ValuationInputSchema,
  payment: PaymentInputSchema,
  // The deliveries a programme trains for are named by their references, found when the import is made.
  trainingProgramme: ProgrammeInputSchema.omit({ deliveryIds: true }),
  trainingContribution: ContributionInputSchema,
  company: CompanyInputSchema,
  industryContract: ContractInputSchema.omit({ companyId: true, deliveryIds: true, milestones: true }),
  readinessJudgement: JudgementInputSchema,
  budgetCommitment: CommitmentInputSchema.omit({ deliveryId: true }),
  // An EPF claim names no tranche (see import-records.ts).
  epfClaim: ClaimInputSchema.omit({ deliveryId: true, trancheId: true }),
} as const;

/**
 * The rows of the file the last dry run read and checked by everything that needs only the file (the
 * input rules of each cell, duplicate keys): a commit of the same file on the same day takes them
 * instead of reading and checking every row again. Only the checks against the register run again,
 * in the commit's transaction. One file is kept, for a few minutes.
 */
let lastCheckedFile: { key: string; rows: readonly PlannedRow[]; timer: NodeJS.Timeout } | undefined;
const CHECKED_FILE_KEPT_MS = 10 * 60_000;

async function checkedFile(file: ImportFile, onProgress: Progress | undefined, use: 'keep' | 'take'): Promise<PlannedRow[]> {
  const key = [sha256(file.bytes), file.fileName, todayInAmsterdam()].join('\u0000');
  const kept = lastCheckedFile?.key === key ? lastCheckedFile.rows : undefined;
  if (kept && use === 'take') forgetCheckedFile();
  const rows = kept ?? readFileRows(await readImportFile(file.fileName, file.bytes), onProgress);
  if (use === 'keep' && !kept) {
    forgetCheckedFile();
    lastCheckedFile = { key, rows, timer: setTimeout(forgetCheckedFile, CHECKED_FILE_KEPT_MS).unref() };
  }
  return rows.map(copyOfRow);
}

function forgetCheckedFile(): void {
  if (lastCheckedFile) clearTimeout(lastCheckedFile.timer);
  lastCheckedFile = undefined;
}

/** A row as read from the file, to be checked against the register without changing the row kept. */
function copyOfRow(row: PlannedRow): PlannedRow {
  return { ...row, faults: [...row.faults] };
}

function readFileRows(sheets: ReadSheet[], onProgress?: Progress): PlannedRow[] {
  const total = sheets.reduce((sum, sheet) => sum + sheet.rows.length, 0);
  const rows: PlannedRow[] = [];
  for (const sheet of sheets) {
    const first = rows.length;
    for (const row of sheet.rows) {
      rows.push(readRow(sheet, row));
      if (rows.length % 5000 === 0) onProgress?.(rows.length, total);
    }
    const hidden = hiddenSheetFault(sheet, rows.slice(first));
    // A sheet without rows loses nothing by its headers (an empty sheet of notes beside the template's).
    if ((sheet.headerFaults.length > 0 && sheet.rows.length > 0) || hidden) rows.splice(first, 0, headerRow(sheet, hidden));
  }
  for (const sheet of IMPORT_SHEETS) markDuplicateReferences(rows.filter((row) => row.sheet === sheet));
  onProgress?.(total, total);
  return rows;
}

async function planImport(db: Db, context: RequestContext, rows: PlannedRow[]): Promise<Plan> {
  const registerRows = rows.filter((row) => isRegisterSheet(row.sheet));
  const bySheet = (sheet: RegisterSheet) => registerRows.filter((row) => row.sheet === sheet);
  const known = await knownReferences(db, rows);
  const registerDeliveries = await checkAgainstRegister(db, registerRows, known);
  await checkDomainRowsAgainstImports(db, rows);
  // After the rows the register holds unchanged are known (they create nothing), before money follows its delivery.
  refuseRowsOfOtherRoles(rows, context.actor);
  refuseHiddenRows(rows);
  checkMoney(registerRows, registerDeliveries, await imports.firstPaymentDates(db, [...registerDeliveries.keys()]));
  checkRealisedByPayment(bySheet('delivery'), bySheet('payment'), registerRows.filter((row) => row.sheet !== 'delivery'));
  return { rows, registerDeliveries, importedDeliveries: known.delivery };
}

/**
 * A row that would create a record the importer's role may not create gets a fault saying so, first
 * among its faults: the other faults still show, for whoever imports the row in the end.
 */
function refuseRowsOfOtherRoles(rows: PlannedRow[], actor: AuditContext['actor']): void {
  for (const row of rows) {
    // Row 1 is the sheet's headers, with faults of their own.
    if (row.outcome === 'example' || row.outcome === 'unchanged' || row.rowNumber === 1 || mayCreate(actor, row.sheet)) continue;
    const params = { sheet: row.sheetName, role: actor?.role ?? '', roles: rolesCreating(row.sheet).join(',') };
    refuseRow(row, { field: 'sheet', code: 'sheetOfOtherRole', params, column: '', columnLetter: null });
  }
}

/**
 * A row hidden in the workbook (by a filter, or by hand) is not seen by whoever checks the file, as a
 * hidden sheet's rows are not: one that would create a record gets a fault saying so, first among its
 * faults. A hidden row the register holds unchanged changes nothing and is no fault.
 */
function refuseHiddenRows(rows: PlannedRow[]): void {
  for (const row of rows) {
    if (!row.hidden || row.outcome === 'example' || row.outcome === 'unchanged') continue;
    refuseRow(row, { field: 'row', code: 'hiddenRow', params: {}, column: '', columnLetter: null });
  }
}

/** Makes a row invalid for a fault of the whole row, shown first; its other faults still show. */
function refuseRow(row: PlannedRow, fault: ImportFault): void {
  row.outcome = 'invalid';
  row.faults.unshift(fault);
}

/**
 * A hidden sheet's rows cannot be seen by whoever checks the file before importing it: each row of one
 * (the example aside) gets this fault, and so does its row 1, which names the sheet. Undefined for a
 * visible sheet and for a hidden one without such rows.
 */
function hiddenSheetFault(source: ReadSheet, read: readonly PlannedRow[]): ImportFault | undefined {
  const rows = read.filter((row) => row.outcome !== 'example');
  if (source.visibility === 'visible' || rows.length === 0) return undefined;
  const fault = { field: 'sheet', code: 'hiddenSheet', params: { sheet: source.name, visibility: source.visibility }, column: '', columnLetter: null };
  for (const row of rows) refuseRow(row, fault);
  return fault;
}

/** A sheet's row 1, when the sheet is hidden, or its headers lack a column, name one twice or one the template does not have. */
function headerRow(source: ReadSheet, hidden: ImportFault | undefined): PlannedRow {
  const faults = source.headerFaults.map(({ code, field, header, letter, params }) => ({ field, code, params, column: header, columnLetter: letter }));
  return {
    sheet: source.definition.sheet,
    sheetName: source.name,
    rowNumber: 1,
    reference: null,
    outcome: 'invalid',
    faults: hidden ? [hidden, ...faults] : faults,
    values: {},
    deliveryId: null,
    deliveryRow: null,
    source,
    hidden: false,
  };
}

/** A row's own reference as typed: text or a number; a cell without a value to read (#N/A) names no reference. */
function referenceOf(cell: CellValue | undefined): string | null {
  return typeof cell === 'string' || typeof cell === 'number' ? String(cell).trim() || null : null;
}

function readRow(source: ReadSheet, row: ReadRow): PlannedRow {
  const { definition } = source;
  const reference = referenceOf(row.cells.get('externalReference'));
  const planned: PlannedRow = {
    sheet: definition.sheet,
    sheetName: source.name,
    rowNumber: row.rowNumber,
    reference,
    outcome: 'create',
    faults: [],
    values: {},
    deliveryId: null,
    deliveryRow: null,
    source,
    hidden: row.hidden,
  };
  if (reference && EXAMPLE_MARKERS.includes(reference.toUpperCase())) return { ...planned, outcome: 'example' };
  const violations: RuleViolation[] = [];
  const body: Record<string, unknown> = {};
  for (const column of definition.columns) {
    const reading = readCell(column.kind, row.cells.get(column.key) ?? null);
    if ('fault' in reading) violations.push({ field: column.key, code: reading.fault, ...(reading.params ? { params: reading.params } : {}) });
    else if (reading.value !== undefined) body[column.key] = reading.value;
  }
  const { externalReference, ...cells } = body;
  const fields = Object.fromEntries(Object.entries(cells).filter(([key]) => !BESIDE_THE_INPUT.has(key)));
  const beside = Object.fromEntries(Object.entries(cells).filter(([key]) => BESIDE_THE_INPUT.has(key)));
  if (typeof beside.deliveryReferences === 'string') beside.deliveryReferences = referencesInCell(beside.deliveryReferences);
  // A cell that could not be read (an error of a formula) has its fault already: it is not an empty reference too.
  const faulted = new Set(violations.map((violation) => violation.field));
  // A reference a row may leave out (a commitment's delivery) is checked when it is there.
  const named = (key: string) => definition.columns.some((column) => column.key === key && (column.required || beside[key] !== undefined));
  const referenceCells: [string, unknown][] = [
    ['externalReference', externalReference],
    ...(['deliveryReference', 'companyReference'] as const).filter(named).map((key): [string, unknown] => [key, beside[key]]),
    ...((beside.deliveryReferences as string[] | undefined) ?? []).map((reference): [string, unknown] => ['deliveryReferences', reference]),
  ];
  for (const [field, value] of referenceCells) {
    if (faulted.has(field)) continue;
    const checked = ReferenceSchema.safeParse(value ?? '');
    if (!checked.success) violations.push(...violationsFromZod(checked.error, { [field]: value }).map((violation) => ({ ...violation, field })));
  }
  const parsed = BODY_SCHEMAS[definition.sheet].safeParse(fields);
  if (parsed.success) {
    planned.values = { ...parsed.data, externalReference, ...beside };
    violations.push(...domainViolations(definition.sheet, parsed.data));
  } else {
    violations.push(...amountsInEuros(definition, violationsFromZod(parsed.error, fields).filter((violation) => !faulted.has(violation.field))));
  }
  addFaults(planned, violations);
  return planned;
}

/**
 * Amounts are typed in euros: their limits are said in euros, not in the API's cents. A valuation may
 * be € 0, a payment, a commitment or a claim not: a negative amount below both of its lower limits is
 * told the stricter one.
 */
function amountsInEuros(definition: SheetDefinition, violations: RuleViolation[]): RuleViolation[] {
  const isAmount = (field: string) => definition.columns.some((column) => column.key === field && column.kind === 'amount');
  const aboveZero = new Set(violations.filter((violation) => violation.code === 'tooSmall' && Number(violation.params?.minimum) > 0).map((violation) => violation.field));
  return violations.map((violation) => {
    if (!isAmount(violation.field)) return violation;
    if (violation.code === 'tooSmall') return { field: violation.field, code: aboveZero.has(violation.field) ? 'amountNotPositive' : 'amountNegative' };
    if (violation.code === 'tooLarge') return { field: violation.field, code: 'amountTooLarge' };
    return violation;
  });
}

function domainViolations(sheet: ImportSheet, values: Record<string, unknown>): RuleViolation[] {
  switch (sheet) {
    case 'delivery':
      return lifecycleViolations(lifecycleDates(values));
    case 'valuation':
      return valuationViolations(values as Parameters<typeof valuationViolations>[0]);
    case 'payment':
      return [];
    // Checked by their domain when the import makes them, against the register as it then is.
    case 'trainingProgramme':
    case 'trainingContribution':
    case 'readinessJudgement':
    case 'company':
    case 'industryContract':
    case 'budgetCommitment':
    case 'epfClaim':
      return [];
  }
}

function lifecycleDates(values: Record<string, unknown>): LifecycleDates {
  const date = (field: string) => (typeof values[field] === 'string' ? (values[field] as string) : null);
  return { pledgedAt: date('pledgedAt'), committedAt: date('committedAt'), realisedAt: date('realisedAt'), deliveredAt: date('deliveredAt') };
}

function addFaults(row: PlannedRow, violations: readonly RuleViolation[]): void {
  if (violations.length === 0) return;
  const columns = row.source.definition.columns;
  row.outcome = 'invalid';
  for (const violation of violations) {
    // Two rules may refuse the same value for the same reason (a whole number beyond 2^53 is too large for both).
    if (row.faults.some((fault) => fault.field === violation.field && fault.code === violation.code)) continue;
    const found = row.source.columns.get(violation.field);
    const column = columns.find((candidate) => candidate.key === violation.field);
    row.faults.push({ ...violation, column: found?.header ?? (column ? headerText(column) : violation.field), columnLetter: found?.letter ?? null });
  }
}

/** A row whose reference an earlier row of the same kind has, on its sheet or (a workbook may hold a kind on several sheets) on another, which is named. */
function markDuplicateReferences(rows: PlannedRow[]): void {
  const firstRow = new Map<string, PlannedRow>();
  for (const row of rows) {
    if (row.outcome === 'example' || !row.reference) continue;
    const key = referenceKey(row.reference);
    const first = firstRow.get(key);
    if (first === undefined) firstRow.set(key, row);
    else {
      const params = { row: String(first.rowNumber), ...(first.sheetName === row.sheetName ? {} : { sheet: first.sheetName }) };
      addFaults(row, [{ field: 'externalReference', code: 'duplicateReference', params }]);
    }
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
 */
async function checkDomainRowsAgainstImports(db: Db, rows: PlannedRow[]): Promise<void> {
  for (const sheet of DOMAIN_SHEETS) {
    const sheetRows = rows.filter((row) => row.sheet === sheet && row.reference !== null && row.outcome !== 'example');
    if (sheetRows.length === 0) continue;
    const records = await imports.findImportedRecords(db, sheet, [...new Set(sheetRows.map((row) => referenceKey(row.reference!)))]);
    const known = new ImportedReferences(records);
    const digestOf = new Map(records.map((record) => [record.recordId, record.rowSha256]));
    for (const row of sheetRows) {
      const found = known.find(row.reference!);
      if (found === undefined) continue;
      if ('several' in found) addFaults(row, [severalRecords('externalReference', found.several)]);
      else if (row.outcome === 'invalid') continue;
      else if (digestOf.get(found.recordId) === rowDigest(row)) row.outcome = 'unchanged';
      else addFaults(row, [{ field: 'externalReference', code: 'differsFromEarlierImport' }]);
    }
  }
}

/** The digest of what a row of another domain says, its own reference aside: the same row in another file has the same digest. */
function rowDigest(row: PlannedRow): string {
  const { externalReference: _reference, ...values } = row.values;
  return sha256(new TextEncoder().encode(JSON.stringify(Object.entries(values).sort(([a], [b]) => (a < b ? -1 : 1)))));
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
async function checkAgainstRegister(db: Db, rows: PlannedRow[], known: KnownReferences): Promise<Map<string, StoredDelivery>> {
  // Under a key two rows share (a fault of the second), money belongs to the first.
  const deliveryRows = new Map<string, PlannedRow>();
  for (const row of rows) {
    if (row.sheet !== 'delivery' || !row.reference || row.outcome === 'example') continue;
    const key = referenceKey(row.reference);
    if (!deliveryRows.has(key)) deliveryRows.set(key, row);
  }
  const moneyTargets = rows.flatMap((row) => {
    const reference = row.values.deliveryReference;
    if (row.sheet === 'delivery' || typeof reference !== 'string' || deliveryRows.has(referenceKey(reference))) return [];
    const target = known.delivery.findRecord(reference);
    return target && 'recordId' in target ? [target.recordId] : [];
  });
  const [storedDeliveries, storedValuations, storedPayments] = await Promise.all([
    imports.findDeliveries(db, [...new Set([...known.delivery.recordIds, ...moneyTargets])]),
    imports.findValuations(db, known.valuation.recordIds),
    imports.findPayments(db, known.payment.recordIds),
  ]);
  const stored: Record<RegisterSheet, Map<string, object>> = { delivery: storedDeliveries, valuation: storedValuations, payment: storedPayments };
  // A money row's delivery as the register names it, to say so when the file names another.
  const storedDeliveryReferences = await imports.importedReferencesOf(db, 'delivery', [...new Set([...storedValuations.values(), ...storedPayments.values()].map((money) => money.deliveryId))]);
  for (const row of rows) {
    if (row.reference === null || row.outcome === 'example' || !isRegisterSheet(row.sheet)) continue;
    const found = known[row.sheet].find(row.reference);
    if (found === undefined) continue;
    if ('several' in found) {
      addFaults(row, [severalRecords('externalReference', found.several)]);
      continue;
    }
    const { recordId } = found;
    const record = stored[row.sheet].get(recordId);
    if (row.sheet === 'delivery') row.deliveryId = recordId;
    if (row.outcome === 'invalid') continue;
    if (!record) {
      addFaults(row, [{ field: 'externalReference', code: 'importedRecordRemoved' }]);
      continue;
    }
    const differing = COMPARED_FIELDS[row.sheet].filter((field) => row.values[field] !== undefined && !sameValue(row.values[field], Reflect.get(record, field)));
    const faults = differing.map((field) => differsFromRegister(row, field, Reflect.get(record, field)));
    if (row.sheet !== 'delivery') faults.push(...otherDelivery(row, Reflect.get(record, 'deliveryId') as string, known, storedDeliveryReferences));
    if (faults.length > 0) addFaults(row, faults);
    else row.outcome = 'unchanged';
  }
  const registerDeliveries = new Map<string, StoredDelivery>();
  for (const row of rows) {
    if (row.sheet === 'delivery' || row.outcome === 'example') continue;
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
    } else if (row.outcome !== 'invalid') addFaults(row, [{ field: 'deliveryReference', code: 'unknownDeliveryReference' }]);
  }
  return registerDeliveries;
}

/** A fault when the register holds several records under a reference's key and the reference spells none of them exactly. */
function severalRecords(field: string, references: readonly string[]): RuleViolation {
  return { field, code: 'severalRecordsUnderReference', params: { stored: references.toSorted().join(', ') } };
}

/** The value the register holds and the one the file has, with what they are, so that the reason shows them as the user typed them (euros, labels). */
function differsFromRegister(row: PlannedRow, field: string, stored: unknown): RuleViolation {
  const kind = row.source.definition.columns.find((column) => column.key === field)?.kind;
  const params = { stored: String(stored ?? ''), inFile: String(row.values[field] ?? ''), kind: typeof kind === 'object' ? kind.list : (kind ?? 'text') };
  return { field, code: 'differsFromRegister', params };
}

/** A fault when a valuation or payment the register holds under its key belongs to another delivery than the file says. */
function otherDelivery(row: PlannedRow, storedDeliveryId: string, known: KnownReferences, storedReferences: Map<string, string>): RuleViolation[] {
  const reference = row.values.deliveryReference as string;
  const target = known.delivery.findRecord(reference);
  if (target && 'recordId' in target && target.recordId === storedDeliveryId) return [];
  return [{ field: 'deliveryReference', code: 'differsFromRegister', params: { stored: storedReferences.get(storedDeliveryId) ?? storedDeliveryId, inFile: reference, kind: 'text' } }];
}

function sameValue(fromFile: unknown, stored: unknown): boolean {
  // An empty optional text in the register is what an empty cell means.
  return fromFile === stored || (fromFile === '' && stored === null) || (fromFile === null && stored === '');
}

/** A delivery's kind and lifecycle dates, whether it is a row of the file or in the register. */
function deliveryOf(row: PlannedRow, registerDeliveries: Map<string, StoredDelivery>): (LifecycleDates & { supportType: SupportType }) | undefined {
  if (row.deliveryRow) return { ...lifecycleDates(row.deliveryRow.values), supportType: row.deliveryRow.values.supportType as SupportType };
  return row.deliveryId ? registerDeliveries.get(row.deliveryId) : undefined;
}

/**
 * Money follows its delivery: none for a delivery row with faults; payments only for what is realised
 * by payment, never dated before an earlier stage (the first payment is the day of realisation); one
 * valuation per delivery and effective date in a file (their order would otherwise be arbitrary).
 */
function checkMoney(rows: PlannedRow[], registerDeliveries: Map<string, StoredDelivery>, firstPaidOn: Map<string, string>): void {
  const valuationDates = new Map<string, number>();
  for (const row of rows) {
    if (row.sheet === 'delivery' || row.outcome !== 'create') continue;
    if (row.deliveryRow && row.deliveryRow.outcome === 'invalid') {
      addFaults(row, [deliveryRowInvalid(row.deliveryRow)]);
      continue;
    }
    const delivery = deliveryOf(row, registerDeliveries);
    if (!delivery) continue;
    if (row.sheet === 'valuation') {
      const key = `${referenceKey(row.values.deliveryReference as string)}\u0000${row.values.effectiveDate}`;
      const first = valuationDates.get(key);
      if (first === undefined) valuationDates.set(key, row.rowNumber);
      else addFaults(row, [{ field: 'effectiveDate', code: 'sameEffectiveDate', params: { row: String(first) } }]);
      continue;
    }
    if (!isRealisedByPayment(delivery.supportType)) {
      addFaults(row, [{ field: 'paidOn', code: 'paymentOnStock' }]);
      continue;
    }
    const paidOn = row.values.paidOn as string;
    const earlier = row.deliveryId ? firstPaidOn.get(row.deliveryId) : undefined;
    const realisedAt = earlier && earlier < paidOn ? earlier : paidOn;
    const violations = lifecycleViolations({ ...delivery, realisedAt });
    addFaults(row, violations.map((violation) => ({ ...violation, field: 'paidOn' })));
  }
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

interface CommitDetail {
  fileName: string;
  sha256: string;
  mode: ImportMode;
}

/**
 * Writes the rows to create (deliveries and their money set-based, the records of other domains one by
 * one), with their audit events and the import's own event. Returns how many records it created.
 */
async function writePlan(trx: Db, context: RequestContext, plan: Plan, importId: string, detail: CommitDetail): Promise<number> {
  const creating = (sheet: ImportSheet) => plan.rows.filter((row) => row.sheet === sheet && row.outcome === 'create');
  const deliveryRows = creating('delivery');
  const valuationRows = creating('valuation');
  const paymentRows = creating('payment');
  for (const row of deliveryRows) row.deliveryId = randomUUID();
  const deliveryIdOf = (row: PlannedRow) => (row.deliveryRow ? row.deliveryRow.deliveryId! : row.deliveryId!);

  const newValuations = valuationRows.map((row) => ({
    id: randomUUID(),
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
    id: randomUUID(),
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
  const origin = (recordId: string) => {
    const row = rowOf.get(recordId)!;
    return { importId, sheet: row.sheet, row: row.rowNumber, externalReference: row.reference };
  };
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
  const domainRecords = await createDomainRecords(trx, context, plan);
  await imports.recordImportedKeys(trx, importId, [...domainRecords].map(([recordId, row]) => ({ sheet: row.sheet, externalReference: row.reference!, recordId, rowSha256: rowDigest(row) })));
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

/**
 * Makes the records of other domains the plan creates, in the file's order, each by its domain's use case;
 * a row its domain refuses gets the refusal as its faults. Returns the rows made, by the id of their record.
 */
async function createDomainRecords(trx: Db, context: RequestContext, plan: Plan): Promise<Map<string, PlannedRow>> {
  // Companies by the key of their reference: made by this import, or found once among earlier imports' and the register's.
  const companies = new Map<string, string | undefined>();
  const find: Finders = {
    delivery: deliveryFinder(plan),
    async company(reference) {
      const key = referenceKey(reference);
      if (!companies.has(key)) companies.set(key, await importedRecordOf(trx, 'company', reference));
      return companies.get(key);
    },
  };
  const made = new Map<string, PlannedRow>();
  // By kind, in the order of DOMAIN_SHEETS (a programme before its counts), and in the file's order within a kind.
  for (const sheet of DOMAIN_SHEETS) {
    for (const row of plan.rows.filter((candidate) => candidate.sheet === sheet && candidate.outcome === 'create')) {
      const outcome = await createDomainRecord(trx, context, { sheet, values: row.values }, find);
      if (!('recordId' in outcome)) {
        addFaults(row, outcome.violations);
        continue;
      }
      made.set(outcome.recordId, row);
      if (sheet === 'company') companies.set(referenceKey(row.reference!), outcome.recordId);
    }
  }
  return made;
}

/** The record of a sheet an earlier import made under a reference, or the one of the register with that id. */
async function importedRecordOf(db: Db, sheet: ImportSheet, reference: string): Promise<string | undefined> {
  const found = new ImportedReferences(await imports.findImportedRecords(db, sheet, [referenceKey(reference)])).findRecord(reference);
  return found && 'recordId' in found ? found.recordId : undefined;
}

/** The delivery a reference names: a row of the file (once written), one an earlier import created, or one of the register by its id. */
function deliveryFinder(plan: Plan): (reference: string) => DeliveryMatch {
  const rowsByKey = new Map<string, PlannedRow>();
  for (const row of plan.rows) {
    if (row.sheet === 'delivery' && row.reference && row.outcome !== 'example' && !rowsByKey.has(referenceKey(row.reference))) rowsByKey.set(referenceKey(row.reference), row);
  }
  return (reference) => {
    const row = rowsByKey.get(referenceKey(reference));
    if (row) return row.deliveryId && row.outcome !== 'invalid' ? { deliveryId: row.deliveryId } : { faultyRow: { rowNumber: row.rowNumber, sheetName: row.sheetName } };
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
