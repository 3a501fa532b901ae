/**
 * The rows of an import's file, read and checked by everything that needs only the file: the API's own
 * input rules for each cell, and references that rows of the same kind share.
 */
import { commitmentInputRules, CommitmentInputSchema } from '../api/budget/schemas.ts';
import { DeliveryInputSchema, PaymentInputSchema, ValuationInputSchema } from '../api/deliveries/schemas.ts';
import { claimInputRules, ClaimInputSchema } from '../api/epf/schemas.ts';
import { LicenceInputSchema } from '../api/export-control/schemas.ts';
import { companyInputRules, contractInputRules, ContractInputSchema } from '../api/industry/schemas.ts';
import { judgementInputRules } from '../api/readiness/schemas.ts';
import { contributionInputRules, programmeInputRules, ProgrammeInputSchema } from '../api/training/schemas.ts';
import { passedFieldRules, passedFields, passedFieldViolations, requiredText, type PassedFieldRules } from '../api/openapi-common.ts';
import { violationsFromZod } from '../api/problem.ts';
import { lifecycleViolations, stageDateViolations, type LifecycleDates, type RuleViolation } from '../domain/delivery.ts';
import { licenceFieldViolations } from '../domain/export-control.ts';
import { pastDateViolations, whereGiven } from '../domain/plausibility.ts';
import type { z } from 'zod';
import type { IsoDate } from '../../common/dates.ts';
import { readCell, type CellValue } from '../import/cells.ts';
import { turnAfterRows } from '../import/turns.ts';
import { monthFirstSigns, type MonthFirstSign } from '../import/date-order.ts';
import type { ReadRow, ReadSheet, RepeatedCell } from '../import/read-file.ts';
import { normaliseReference, referenceKey } from '../../common/text.ts';
import { EXAMPLE_MARKERS, headerText, readableColumns, referencesInCell, type ImportColumn, type ImportSheet, type SheetDefinition } from '../import/sheets.ts';
import { paymentViolations, valuationViolations } from './deliveries.ts';
import type { HeaderFaults, ImportFault, ImportRowReport, Progress } from './import.ts';

/** A row as planned: its report, the values its cells hold, and the delivery it is or belongs to. */
export interface PlannedRow extends Omit<ImportRowReport, 'values'> {
  values: Record<string, unknown>;
  /** A delivery row's own new id; for money, the delivery it belongs to (new or in the register). */
  deliveryId: string | null;
  /** For money: the planned delivery row it belongs to, when that is in the same file. */
  deliveryRow: PlannedRow | null;
  source: ReadSheet;
  /** Hidden in the workbook (by a filter, or by hand). */
  hidden: boolean;
  /** The fields whose values are in columns the workbook hides. */
  hiddenCells: readonly string[];
  /** The fields with a value in a later column under the same header too. */
  repeatedCells: readonly RepeatedCell[];
  /**
   * A training programme's short name as its cell holds it, in lower case as its counts name it, also when
   * the row has a fault (its counts are then refused with it); null on other sheets.
   */
  shortName: string | null;
  /** The cells of the columns the register computes that hold something (see SheetDefinition.exported), held against the register by the plan. */
  computedCells: readonly ComputedCell[];
}

/**
 * A filled-in cell of a column the register computes (a delivery's stage, value, disclosure, demonstration):
 * the value it reads as (a code, cents, true or false), or none when it reads as no value of the column; and
 * the text it shows, to quote then.
 */
export interface ComputedCell {
  field: string;
  value: unknown;
  shown: string;
}

const ReferenceSchema = requiredText(200, 'reference');
/**
 * Cells read beside what the API's input rules check: the records a row names by their references (found
 * when the import is made: a delivery, a programme by its short name, a company), and a contract's first
 * milestone, which the API takes as a list.
 */
const BESIDE_THE_INPUT = new Set(['deliveryReference', 'deliveryReferences', 'programmeKey', 'companyReference', 'milestoneTitle', 'milestoneDueOn']);
/**
 * Each sheet's record by the API's input rules: the schema of its body, and the rules the API judges on the
 * fields of a request that passed it beside those it has wrong (passedFieldsHook), which the import judges on
 * the cells read beside a row's faults (besideTheFaults).
 */
const SHEET_RULES = {
  delivery: passedFieldRules(DeliveryInputSchema, (passed, today) => stageViolations(lifecycleDates(passed), today)),
  // A row's warnings are confirmed for the whole import, not per row.
  valuation: passedFieldRules(ValuationInputSchema.omit({ confirm: true }), (passed, today) => whereGiven(passed.effectiveDate, (date) => pastDateViolations('effectiveDate', date, today))),
  payment: passedFieldRules(PaymentInputSchema.omit({ confirm: true }), (passed, today) => whereGiven(passed.paidOn, (paidOn) => paymentViolations({ paidOn }, today))),
  // The deliveries a programme trains for are named by their references, found when the import is made.
  trainingProgramme: passedFieldRules(ProgrammeInputSchema.omit({ deliveryIds: true }), programmeInputRules.check),
  trainingContribution: contributionInputRules,
  company: companyInputRules,
  industryContract: passedFieldRules(ContractInputSchema.omit({ companyId: true, deliveryIds: true, milestones: true, confirm: true }), contractInputRules.check),
  readinessJudgement: judgementInputRules,
  budgetCommitment: passedFieldRules(CommitmentInputSchema.omit({ deliveryId: true }), commitmentInputRules.check),
  // An EPF claim names no tranche (see import-records.ts).
  epfClaim: passedFieldRules(ClaimInputSchema.omit({ deliveryId: true, trancheId: true, confirm: true }), claimInputRules.check),
  // A licence is issued on its delivery's latest assessment (see import-records.ts).
  exportLicence: passedFieldRules(LicenceInputSchema.omit({ assessmentId: true }), licenceFieldViolations),
} as const satisfies Record<ImportSheet, PassedFieldRules<z.ZodObject>>;

/**
 * The rows of the file's sheets, read and checked on the day that is today for the import, and apart from
 * them the faults of each sheet's header row: the rows are the file's rows of data (and of notes), which
 * the counts count.
 */
export async function readFileRows(sheets: ReadSheet[], today: IsoDate, onProgress?: Progress): Promise<{ rows: PlannedRow[]; headerFaults: HeaderFaults[] }> {
  const total = sheets.reduce((sum, sheet) => sum + sheet.rows.length, 0);
  const rows: PlannedRow[] = [];
  const headerFaults: HeaderFaults[] = [];
  const monthFirstSignOn = monthFirstSigns(sheets);
  for (const sheet of sheets) {
    const first = rows.length;
    const columns = readableColumns(sheet.definition);
    const monthFirstSign = monthFirstSignOn?.(sheet.name);
    for (const row of sheet.rows) {
      rows.push(readRow(sheet, columns, row, today, monthFirstSign));
      if (rows.length % 5000 === 0) onProgress?.(rows.length, total);
      await turnAfterRows(rows.length);
    }
    const hidden = hiddenSheetFault(sheet, rows.slice(first));
    if (sheet.notesRowNumber !== undefined) rows.splice(first, 0, notesRow(sheet, sheet.notesRowNumber));
    // A sheet without rows loses nothing by its headers (an empty sheet of notes beside the template's).
    if ((sheet.headerFaults.length > 0 && sheet.rows.length > 0) || hidden) headerFaults.push(headerRowFaults(sheet, hidden));
  }
  for (const rowsOfKind of Map.groupBy(rows, (row) => row.sheet).values()) markDuplicateReferences(rowsOfKind);
  onProgress?.(total, total);
  return { rows, headerFaults };
}

/** A row of the file that the import skips, saying so: the template's example, or a row of notes on the columns. */
export function isSkipped(row: PlannedRow): boolean {
  return row.outcome === 'example' || row.outcome === 'notes';
}

/** Makes a row invalid for a fault of the whole row, shown first; its other faults still show. */
export function refuseRow(row: PlannedRow, fault: ImportFault): void {
  row.outcome = 'invalid';
  row.faults.unshift(fault);
}

/**
 * A hidden sheet's rows cannot be seen by whoever checks the file before importing it: each row of one
 * (the example aside) gets this fault, and so does its header row, which names the sheet. Undefined for a
 * visible sheet and for a hidden one without such rows.
 */
function hiddenSheetFault(source: ReadSheet, read: readonly PlannedRow[]): ImportFault | undefined {
  const rows = read.filter((row) => !isSkipped(row));
  if (source.visibility === 'visible' || rows.length === 0) return undefined;
  const fault = { field: 'sheet', code: 'hiddenSheet', params: { sheet: source.name, visibility: source.visibility }, column: '', columnLetter: null };
  for (const row of rows) refuseRow(row, fault);
  return fault;
}

/** The faults of a sheet's header row, when the sheet is hidden, or its headers lack a column, name one twice or one the template does not have. */
function headerRowFaults(source: ReadSheet, hidden: ImportFault | undefined): HeaderFaults {
  const faults = source.headerFaults.map(({ code, field, header, letter, params }) => ({ field, code, params, column: header, columnLetter: letter }));
  return { sheet: source.definition.sheet, sheetName: source.name, rowNumber: source.headerRowNumber, faults: hidden ? [hidden, ...faults] : faults };
}

/** A sheet's row of notes on the columns, which holds no record. */
function notesRow(source: ReadSheet, rowNumber: number): PlannedRow {
  return {
    sheet: source.definition.sheet,
    sheetName: source.name,
    rowNumber,
    reference: null,
    outcome: 'notes',
    faults: [],
    values: {},
    deliveryId: null,
    deliveryRow: null,
    source,
    hidden: false,
    hiddenCells: [],
    repeatedCells: [],
    shortName: null,
    computedCells: [],
  };
}

/**
 * A row's own reference, normalised: the text its cell shows (a number formatted 00000 as 00042), as the cell
 * is read for the record; a cell without a value to read (#N/A) names no reference.
 */
function referenceOf(cell: CellValue | undefined): string | null {
  const reading = readCell('text', cell ?? null);
  return 'value' in reading && typeof reading.value === 'string' ? normaliseReference(reading.value).trim() || null : null;
}

/** The cells that hold references, the row's own and those it names records by: read in the form the register keeps them in. */
const REFERENCE_CELLS = new Set(['externalReference', 'deliveryReference', 'deliveryReferences', 'companyReference']);

/**
 * A row of a sheet, read by the columns its headers may name (readableColumns); its dates in figures either way
 * where the file shows that it writes some month first (monthFirstSign).
 */
function readRow(source: ReadSheet, columns: readonly ImportColumn[], row: ReadRow, today: IsoDate, monthFirstSign: MonthFirstSign | undefined): PlannedRow {
  const { definition } = source;
  // A row of the register's export has the delivery's id for its reference.
  const reference = referenceOf(row.cells.get('externalReference')) ?? referenceOf(row.cells.get('id'));
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
    hiddenCells: row.hiddenCells,
    repeatedCells: row.repeatedCells,
    shortName: null,
    computedCells: computedCellsOf(definition, row),
  };
  if (reference && EXAMPLE_MARKERS.includes(reference.toUpperCase())) {
    // The template has no computed column: one filled in on the example's row is something of the row's own.
    if (!saysOtherThanTheExample(columns, row) && planned.computedCells.length === 0) return { ...planned, outcome: 'example' };
    // Filled in over the example: skipped as the example, it would go unnoticed.
    addFaults(planned, [{ field: columns.some((column) => column.key === 'externalReference') ? 'externalReference' : 'id', code: 'exampleRowFilledIn', params: { example: reference } }]);
    return planned;
  }
  if (row.totals) {
    // "Totaal" names no record: not a reference another row could share.
    const { label, header, letter } = row.totals;
    // Its sums (a value added up) are said by that fault, not again as values the register computes.
    return { ...planned, reference: null, outcome: 'invalid', faults: [{ field: 'row', code: 'totalsRow', params: { shown: label }, column: header, columnLetter: letter }], computedCells: [] };
  }
  const violations: RuleViolation[] = [];
  // The row's own reference and id, what the API's input rules check, and what is read beside them.
  const own: Record<string, unknown> = {};
  const fields: Record<string, unknown> = {};
  const beside: Record<string, unknown> = {};
  for (const column of columns) {
    const reading = readCell(column.kind, row.cells.get(column.key) ?? null, monthFirstSign);
    if ('fault' in reading) violations.push({ field: column.key, code: reading.fault, ...(reading.params ? { params: reading.params } : {}) });
    else if (reading.value !== undefined) {
      const value = REFERENCE_CELLS.has(column.key) && typeof reading.value === 'string' ? normaliseReference(reading.value) : reading.value;
      (column.key === 'externalReference' || column.key === 'id' ? own : BESIDE_THE_INPUT.has(column.key) ? beside : fields)[column.key] = value;
    }
  }
  if (definition.sheet === 'trainingProgramme' && typeof fields.key === 'string') planned.shortName = fields.key.toLowerCase();
  const { externalReference, id } = own;
  if (typeof beside.deliveryReferences === 'string') beside.deliveryReferences = referencesInCell(beside.deliveryReferences);
  // A cell that could not be read (an error of a formula) has its fault already: it is not an empty reference too.
  const faulted = new Set(violations.map((violation) => violation.field));
  // A reference a row may leave out (a commitment's delivery) is checked when it is there.
  const named = (key: string) => definition.columns.some((column) => column.key === key && (column.required || beside[key] !== undefined));
  const referenceCells: [string, unknown][] = [
    id === undefined || externalReference !== undefined ? ['externalReference', externalReference] : ['id', id],
    ...(['deliveryReference', 'companyReference'] as const).filter(named).map((key): [string, unknown] => [key, beside[key]]),
    ...((beside.deliveryReferences as string[] | undefined) ?? []).map((reference): [string, unknown] => ['deliveryReferences', reference]),
  ];
  for (const [field, value] of referenceCells) {
    if (faulted.has(field)) continue;
    const checked = ReferenceSchema.safeParse(value ?? '');
    if (!checked.success) violations.push(...violationsFromZod(checked.error, { [field]: value }).map((violation) => ({ ...violation, field })));
  }
  // The row's values: its fields as the input rules take them (or, with faults, those that were read), its references, and what is read beside them.
  const valuesWith = (read: Record<string, unknown>) => ({ ...read, externalReference, ...(id === undefined ? {} : { id }), ...beside });
  const parsed = SHEET_RULES[definition.sheet].schema.safeParse(fields);
  if (parsed.success) {
    planned.values = valuesWith(parsed.data);
    violations.push(...domainViolations(definition.sheet, parsed.data, today));
  } else {
    const refused = violationsFromZod(parsed.error, fields);
    // Amounts are said in euros, not in the API's cents, by violationsFromZod itself.
    violations.push(...refused.filter((violation) => !faulted.has(violation.field)));
    // What was read beside the faults is kept, so that the row shows all its faults at once: what its money
    // rows are checked against (a valuation's basis by its support type), and the rules judged beside them.
    const unread = new Set(refused.map((violation) => violation.field));
    const read = Object.fromEntries(Object.entries(fields).filter(([field]) => !unread.has(field)));
    planned.values = valuesWith(read);
  }
  if (definition.sheet === 'industryContract') violations.push(...firstMilestoneViolations(beside));
  if (violations.length > 0) violations.push(...besideTheFaults(definition.sheet, fields, violations, today));
  addFaults(planned, violations);
  return planned;
}

/**
 * A row with a fault is not made, so its domain does not judge it: the rules the API judges on the fields of a
 * request beside those it has wrong are judged here on the fields read beside the row's faults, on every sheet,
 * so that the row names them at once, as the API does (a date after today beside a title of placeholder text,
 * a count date before the period beside a Ja/Nee cell that says neither).
 */
function besideTheFaults(sheet: ImportSheet, fields: Record<string, unknown>, faults: readonly RuleViolation[], today: IsoDate): RuleViolation[] {
  const faulted = new Set(faults.map((fault) => fault.field));
  return passedFieldViolations(SHEET_RULES[sheet] as PassedFieldRules<z.ZodObject>, fields, today, faulted).filter((violation) => !faulted.has(violation.field));
}

/** What of a row with faults was read: its values that have no fault (`refused` names the fields that have one). */
export interface ReadBesideTheFaults {
  values: Record<string, unknown>;
  refused: ReadonlySet<string>;
}

/**
 * What of a row with faults its domain may judge beside them (see faultsBesideTheRow): the fields that pass its sheet's
 * input rules, as they give them (one with a fault does not pass, not even as its default), and the references and
 * milestone read beside them.
 */
export function readBesideTheFaults(row: PlannedRow): ReadBesideTheFaults {
  const refused = new Set(row.faults.map((fault) => fault.field));
  const fields = passedFields(SHEET_RULES[row.sheet].schema as z.ZodObject, row.values, refused) ?? {};
  const beside = Object.entries(row.values).filter(([field]) => BESIDE_THE_INPUT.has(field) && !refused.has(field));
  return { values: { ...fields, ...Object.fromEntries(beside) }, refused };
}

const MilestonesSchema = ContractInputSchema.pick({ milestones: true });

/** A contract's first milestone, when the row names one, by the API's input rules for a milestone (its title and due date required), at the row's columns. */
function firstMilestoneViolations({ milestoneTitle: title, milestoneDueOn: dueOn }: Record<string, unknown>): RuleViolation[] {
  if (title === undefined && dueOn === undefined) return [];
  const milestones = [{ title, dueOn }];
  const parsed = MilestonesSchema.safeParse({ milestones });
  return parsed.success ? [] : violationsFromZod(parsed.error, { milestones }).map((violation) => ({ ...violation, field: milestoneColumn(violation.field) }));
}

/** The row's column of a field of a contract's first milestone, as its domain names it (milestones.0.dueOn). */
export function milestoneColumn(field: string): string {
  return field.replace(/^milestones\.0\.(title|dueOn)$/, (_whole, part: string) => (part === 'title' ? 'milestoneTitle' : 'milestoneDueOn'));
}

/**
 * The row's cells of the columns the register computes that hold something: a blank one says nothing (the
 * export leaves a delivery without a stage blank; a cleared cell asks nothing of the register), and neither
 * does a cell a merge covers, whose value the merge's first cell holds.
 */
function computedCellsOf(definition: SheetDefinition, row: ReadRow): ComputedCell[] {
  return (definition.exported?.computed ?? []).flatMap((column) => {
    const cell = row.cells.get(column.key) ?? null;
    if (cell !== null && typeof cell === 'object' && 'problem' in cell && cell.problem === 'mergedCell') return [];
    const reading = readCell(column.kind, cell);
    if ('value' in reading && reading.value === undefined) return [];
    return [{ field: column.key, value: 'value' in reading ? reading.value : undefined, shown: shownText(cell) }];
  });
}

/** A cell's text as its reader sees it, to quote. */
function shownText(cell: CellValue): string {
  if (cell === null) return '';
  if (typeof cell === 'object') return cell.shown;
  return String(cell).trim();
}

/**
 * Whether a row under the example's reference holds a value other than the template's example (an empty
 * cell is none): the example filled in with a record, rather than the example left as it came.
 */
function saysOtherThanTheExample(columns: readonly ImportColumn[], row: ReadRow): boolean {
  return columns.some((column) => {
    if (column.key === 'externalReference') return false;
    const reading = readCell(column.kind, row.cells.get(column.key) ?? null);
    if ('fault' in reading) return true;
    const example = typeof column.kind === 'object' && column.kind.list === 'yesNo' ? column.example === 'yes' : column.example;
    return reading.value !== undefined && reading.value !== example;
  });
}

function domainViolations(sheet: ImportSheet, values: Record<string, unknown>, today: IsoDate): RuleViolation[] {
  switch (sheet) {
    case 'delivery':
      return stageViolations(lifecycleDates(values), today);
    case 'valuation':
      return valuationViolations(values as Parameters<typeof valuationViolations>[0], today);
    case 'payment':
      return paymentViolations(values as Parameters<typeof paymentViolations>[0], today);
    // Checked by their domain when the import makes them, against the register as it then is.
    case 'trainingProgramme':
    case 'trainingContribution':
    case 'readinessJudgement':
    case 'company':
    case 'industryContract':
    case 'budgetCommitment':
    case 'epfClaim':
    case 'exportLicence':
      return [];
  }
}

/** A delivery's stages as the API judges them in a body: none after today, and in the order of the lifecycle. */
function stageViolations(dates: LifecycleDates, today: IsoDate): RuleViolation[] {
  return [...stageDateViolations(dates, today), ...lifecycleViolations(dates)];
}

export function lifecycleDates(values: Record<string, unknown>): LifecycleDates {
  const date = (field: string) => (typeof values[field] === 'string' ? (values[field] as string) : null);
  return { pledgedAt: date('pledgedAt'), committedAt: date('committedAt'), realisedAt: date('realisedAt'), deliveredAt: date('deliveredAt') };
}

export function addFaults(row: PlannedRow, violations: readonly RuleViolation[]): void {
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
    if (isSkipped(row) || !row.reference) continue;
    const key = referenceKey(row.reference);
    const first = firstRow.get(key);
    if (first === undefined) firstRow.set(key, row);
    else addFaults(row, [{ field: 'externalReference', code: 'duplicateReference', params: earlierRowParams(first, row) }]);
  }
}

/** How a fault of a row names an earlier row of the file: by its number, and by its sheet when that is another. */
export function earlierRowParams(earlier: PlannedRow, row: PlannedRow): Record<string, string> {
  return { row: String(earlier.rowNumber), ...(earlier.sheetName === row.sheetName ? {} : { sheet: earlier.sheetName }) };
}

/** The rows of a sheet by the key of their reference, the first of each (a later one under the same key has a fault saying so); examples aside. */
export function firstRowsByReference(rows: readonly PlannedRow[], sheet: ImportSheet): Map<string, PlannedRow> {
  return firstRowsBy(rows, sheet, (row) => row.reference && referenceKey(row.reference));
}

/** The rows of a sheet by a key of theirs, the first of each; examples and rows without the key aside. */
export function firstRowsBy(rows: readonly PlannedRow[], sheet: ImportSheet, keyOf: (row: PlannedRow) => string | null): Map<string, PlannedRow> {
  const rowsByKey = new Map<string, PlannedRow>();
  for (const row of rows) {
    if (row.sheet !== sheet || isSkipped(row)) continue;
    const key = keyOf(row);
    if (key && !rowsByKey.has(key)) rowsByKey.set(key, row);
  }
  return rowsByKey;
}
