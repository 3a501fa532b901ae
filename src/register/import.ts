/**
 * Importing deliveries with their valuations and payments from a spreadsheet: a dry run that says per
 * row what would be created, what the register already holds and every fault by row and column; and a
 * commit that writes the rows it may in one transaction, with an audit event for each record it creates.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { importHasFaults } from '../../common/import-faults.ts';
import { sha256Hex } from '../audit/event.ts';
import { recordAuditEvent, requestDay, type RequestContext } from '../audit/trail.ts';
import * as imports from '../db/repositories/import.ts';
import type { Database } from '../db/schema.ts';
import { inBulkTransaction } from '../db/transaction.ts';
import type { RuleViolation } from '../domain/delivery.ts';
import type { WarningCode } from '../domain/warnings.ts';
import type { SheetNotTaken } from '../import/read-file.ts';
import { isRegisterSheet, type ImportSheet } from '../import/sheets.ts';
import { columnPosition } from '../spreadsheets.ts';
import { checkedFile } from './checked-file.ts';
import { planImport, type Plan } from './import-plan.ts';
import { writePlan } from './import-writing.ts';

type Db = Kysely<Database>;

export const IMPORT_MODES = ['allOrNothing', 'onlyValid'] as const;

/** The warnings the rows of an import may have, which its importer may confirm for every row that has them. */
export const IMPORT_WARNINGS = ['paymentFarAboveValuation', 'shippedWithoutLicence', 'datedInSentLetterPeriod'] as const satisfies readonly WarningCode[];
type ImportWarning = (typeof IMPORT_WARNINGS)[number];
export type ImportMode = (typeof IMPORT_MODES)[number];

/** What an import does with a row: an example is the template's, notes are a row of notes on the columns below the headers; both are skipped. */
export const ROW_OUTCOMES = ['create', 'unchanged', 'invalid', 'example', 'notes'] as const;
type RowOutcome = (typeof ROW_OUTCOMES)[number];

/** A fault of a row: the field, the column of the file it came from, and why. */
export interface ImportFault extends RuleViolation {
  /** The column's header as the file has it (or as the template names it, when the file lacks it). */
  column: string;
  /** The column's letter in a spreadsheet; null when the file lacks the column. */
  columnLetter: string | null;
}

/**
 * The faults of a sheet's header row (a column it lacks, names twice or the template does not have, a header
 * over two rows, or the sheet hidden), told per sheet apart from its rows: the rows are those of data.
 */
export interface HeaderFaults {
  sheet: ImportSheet;
  sheetName: string;
  /** The header row's number, as the sheet shows it. */
  rowNumber: number;
  faults: ImportFault[];
}

type ShownValue = string | number | boolean | string[] | null;

export interface ImportRowReport {
  sheet: ImportSheet;
  sheetName: string;
  rowNumber: number;
  reference: string | null;
  outcome: RowOutcome;
  faults: ImportFault[];
  /** What a row to create or already in the register holds: its plain fields (amounts in cents), yes or no, lists of references; empty for other rows. */
  values: Record<string, ShownValue>;
}

export interface ImportReport {
  fileName: string;
  sha256: string;
  /** The import's id once committed with anything to write; null for a dry run or when nothing changed. */
  importId: string | null;
  committed: boolean;
  /** How many of the file's rows of data (and of notes) have each outcome; the header rows are not counted. */
  counts: Record<RowOutcome, number>;
  rows: ImportRowReport[];
  /** Per sheet whose header row has faults, those faults; with all or nothing they leave the whole file out, as a row's fault does. */
  headerFaults: readonly HeaderFaults[];
  /** The visible sheets with a table that no rows were taken from, and why: nothing of them is imported. */
  sheetsNotTaken: readonly SheetNotTaken[];
  /** The warnings among the rows' faults, which the import may confirm to make those rows. */
  confirmable: WarningCode[];
}

export interface ImportFile {
  fileName: string;
  bytes: Uint8Array;
  /**
   * The warnings its importer confirmed, for every row that has them (a payment far above its valuation, goods shipped
   * without a licence in the register, money dated in the period of a letter sent to parliament).
   */
  confirmed?: readonly ImportWarning[];
}

/** What the register would do with a file, without changing anything. */
export async function dryRunImport(db: Db, context: RequestContext, file: ImportFile, onProgress?: Progress): Promise<ImportReport> {
  const { rows, headerFaults, sheetsNotTaken } = await checkedFile(file, requestDay(context), onProgress, 'keep');
  const read = { headerFaults, sheetsNotTaken };
  if (!makesDomainRecords(rows)) return report(file, read, await planImport(db, context, rows, file.confirmed), null, false);
  const { plan } = await inBulkTransaction(db, async (trx) => writtenAndUndone(trx, context, await planImport(trx, context, rows, file.confirmed), file)).catch(undoneImport);
  return report(file, read, plan, null, false);
}

/**
 * Whether rows make records of other domains, or would but for faults of their own: what those domains refuse of them
 * (by their use cases, and beside a row's faults by their rules) is found only with the rows before them written.
 */
function makesDomainRecords(rows: readonly { sheet: ImportSheet; outcome: RowOutcome }[]): boolean {
  return rows.some((row) => !isRegisterSheet(row.sheet) && (row.outcome === 'create' || row.outcome === 'invalid'));
}

/**
 * Writes the plan as the commit with only the valid rows would, in the caller's transaction, and undoes it all:
 * the plan then has the faults of the records other domains refuse, as a report that changes nothing must say them.
 */
async function writtenAndUndone(trx: Db, context: RequestContext, plan: Plan, file: ImportFile): Promise<never> {
  await writePlan(trx, context, plan, randomUUID(), { fileName: file.fileName, sha256: sha256Hex(file.bytes), mode: 'onlyValid' });
  throw new UndoneImport(plan);
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
 * any row or a sheet's header row has a fault, with "onlyValid" the rows without one (and without a
 * fault in the delivery they belong to). Each created record gets its audit event, naming the import,
 * in the same transaction.
 */
export async function commitImport(db: Db, context: RequestContext, file: ImportFile, mode: ImportMode, onProgress?: Progress): Promise<ImportReport> {
  const { rows: fileRows, headerFaults, sheetsNotTaken } = await checkedFile(file, requestDay(context), onProgress, 'take');
  // The report is made after COMMIT: the transaction holds the audit chain's append lock until then.
  const { plan, importId } = await inBulkTransaction(db, async (trx) => {
    await imports.lockImports(trx);
    const plan = await planImport(trx, context, fileRows, file.confirmed);
    const counts = outcomeCounts(plan);
    if (counts.create === 0 || (mode === 'allOrNothing' && importHasFaults({ counts, headerFaults }))) {
      // Refused, or with nothing to make, it reports what the dry run does: the faults of the records of other domains too, and the rows only the valid ones would make.
      if (makesDomainRecords(plan.rows)) await writtenAndUndone(trx, context, plan, file);
      return { plan, importId: null };
    }
    const importId = randomUUID();
    const created = await writePlan(trx, context, plan, importId, { fileName: file.fileName, sha256: sha256Hex(file.bytes), mode });
    // A record another domain refused while it was being made: with all or nothing, nothing; nor when that left nothing to import.
    if (created === 0 || (mode === 'allOrNothing' && plan.rows.some((row) => row.outcome === 'invalid'))) throw new UndoneImport(plan);
    return { plan, importId };
  }).catch(undoneImport);
  const made = report(file, { headerFaults, sheetsNotTaken }, plan, importId, importId !== null);
  if (mode === 'allOrNothing' && !made.committed && importHasFaults(made)) await recordRefusal(db, context, made);
  return made;
}

/**
 * An import of all or nothing refused for the faults of its file is recorded, as a refused request is, once its
 * transaction is undone: who tried it (the event's actor), the file by its name and SHA-256 and how many faults;
 * nothing of its rows, which the register does not hold. With "onlyValid" the rows with a fault are left out as
 * asked, which the import's own event counts (skippedRows).
 */
async function recordRefusal(db: Db, context: RequestContext, made: ImportReport): Promise<void> {
  const { fileName, sha256, counts, rows, headerFaults } = made;
  const faults = [...rows, ...headerFaults].reduce((sum, row) => sum + row.faults.length, 0);
  await recordAuditEvent(db, context, {
    action: 'import.refused',
    object: { type: 'importFile', id: sha256 },
    result: 'failure',
    detail: { fileName, sha256, mode: 'allOrNothing', rowsWithFaults: counts.invalid, headerFaults: headerFaults.length, faults },
  });
}

/** What the file's reading found beside its rows: the faults of its sheets' header rows, and the sheets no rows were taken from. */
type BesideTheRows = Pick<ImportReport, 'headerFaults' | 'sheetsNotTaken'>;

function outcomeCounts(plan: Plan): Record<RowOutcome, number> {
  const counts = Object.fromEntries(ROW_OUTCOMES.map((outcome) => [outcome, 0])) as Record<RowOutcome, number>;
  for (const row of plan.rows) counts[row.outcome]++;
  return counts;
}

function report(file: ImportFile, { headerFaults, sheetsNotTaken }: BesideTheRows, plan: Plan, importId: string | null, committed: boolean): ImportReport {
  const counts = outcomeCounts(plan);
  const rows = plan.rows.map(({ sheet, sheetName, rowNumber, reference, outcome, faults, values }) => ({ sheet, sheetName, rowNumber, reference, outcome, faults: inColumnOrder(faults), values: shownValues(outcome, values) }));
  const headers = headerFaults.map((header) => ({ ...header, faults: inColumnOrder(header.faults) }));
  return { fileName: file.fileName, sha256: sha256Hex(file.bytes), importId, committed, counts, rows, headerFaults: headers, sheetsNotTaken, confirmable: [...plan.unconfirmedWarnings] };
}

/**
 * A row's faults (or a header row's) left to right by their column, as a person reads the sheet; those without a
 * column letter (of the whole row, or of a column the file lacks) first. Faults of one column keep the order they were found in.
 */
function inColumnOrder(faults: readonly ImportFault[]): ImportFault[] {
  const place = (letter: string | null) => (letter === null ? -1 : columnPosition(letter));
  return faults.toSorted((a, b) => place(a.columnLetter) - place(b.columnLetter));
}

function shownValues(outcome: RowOutcome, values: Record<string, unknown>): ImportRowReport['values'] {
  if (outcome !== 'create' && outcome !== 'unchanged') return {};
  const { externalReference: _reference, ...fields } = values;
  return Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, ShownValue] => isShownValue(entry[1])));
}

function isShownValue(value: unknown): value is ShownValue {
  if (Array.isArray(value)) return value.every((item) => typeof item === 'string');
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}
