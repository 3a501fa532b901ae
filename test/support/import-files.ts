/** Files to import, made the way a person makes them: the template filled in, a CSV file as Excel writes it, or a list's export. */
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { createApi } from '../../src/api/app.ts';
import type { Database } from '../../src/db/schema.ts';
import type { Role } from '../../src/domain/access.ts';
import { sessionCookieFor } from './sessions.ts';

type TemplateSheet = 'Leveringen (Deliveries)' | 'Waarderingen (Valuations)' | 'Betalingen (Payments)' | 'Trainingsprogramma’s (Training)' | 'Trainingstellingen (Counts)' | 'Gereedheidsoordelen (Readiness)' | 'Bedrijven (Companies)' | 'Contracten (Contracts)' | 'Verplichtingen (Commitments)' | 'EPF-declaraties (EPF claims)' | 'Vergunningen (Licences)';
export type SheetRows = Partial<Record<TemplateSheet, (string | number | Date | null)[][]>>;

/** The template with these rows added under its example rows. */
export async function filledTemplate(template: Uint8Array, rows: SheetRows): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(template) as unknown as ArrayBuffer);
  for (const [sheet, added] of Object.entries(rows)) {
    const worksheet = workbook.getWorksheet(sheet);
    if (!worksheet) throw new Error(`the template has no sheet ${sheet}`);
    for (const row of added) worksheet.addRow(row);
  }
  workbook.eachSheet(keepValidationRanges);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/**
 * exceljs reads a data validation over a column's range as one validation per cell (the same object for
 * each), and writing joins those cells into ranges again cell by cell: seconds for the template's 10,000
 * rows a column. A validation whose cells make one column's unbroken range is given back as that range.
 */
function keepValidationRanges(worksheet: ExcelJS.Worksheet): void {
  const validations: { model: Record<string, ExcelJS.DataValidation | undefined> } = Reflect.get(worksheet, 'dataValidations');
  const cellsOf = new Map<ExcelJS.DataValidation, string[]>();
  for (const [address, validation] of Object.entries(validations.model)) {
    if (!validation) continue;
    const addresses = cellsOf.get(validation) ?? [];
    addresses.push(address);
    cellsOf.set(validation, addresses);
  }
  const model: typeof validations.model = {};
  for (const [validation, addresses] of cellsOf) {
    for (const address of asOneColumnRange(addresses) ?? addresses) model[address] = validation;
  }
  validations.model = model;
}

/** The range `A2:A10001` that these cell addresses make together, if they make one column's unbroken range. */
function asOneColumnRange(addresses: string[]): [string] | undefined {
  const column = /^[A-Z]+/.exec(addresses[0]!)?.[0];
  let [top, bottom] = [Infinity, -Infinity];
  for (const address of addresses) {
    if (!column || !address.startsWith(column) || !/^\d+$/.test(address.slice(column.length))) return undefined;
    const row = Number(address.slice(column.length));
    [top, bottom] = [Math.min(top, row), Math.max(bottom, row)];
  }
  return bottom - top + 1 === new Set(addresses).size ? [`${column}${top}:${column}${bottom}`] : undefined;
}

/**
 * The three rows of the walk through an import: a delivery from stock, its valuation, and a payment of
 * € 0 for it (a fault: the amount, column C of the payments).
 */
export const THREE_ROWS: SheetRows = {
  'Leveringen (Deliveries)': [['IMP-1', 'Mortiergranaten (import)', 'Directe levering uit voorraad', 'Munitie', 'Defensiebegroting', 100, 'stuks', null, null, '2025-06-01', '2025-06-02']],
  'Waarderingen (Valuations)': [['IMP-1-W', 'IMP-1', '€ 1.234,56', 'Vervangingswaarde', new Date('2025-06-01T00:00:00Z')]],
  'Betalingen (Payments)': [['IMP-1-B', 'IMP-1', 0, '2025-06-03']],
};

/** What the three rows add to realised support (stock), in cents. */
export const THREE_ROWS_CENTS = 123_456;

/**
 * A workbook as a person keeps one beside the register: a sheet "Overzicht" that is no sheet of the
 * template, after a sheet of deliveries with one helmet delivery under `reference` unless `overviewOnly`.
 */
export async function workbookWithOverview(reference: string, { overviewOnly = false } = {}): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  if (!overviewOnly) {
    workbook.addWorksheet('Leveringen').addRows([
      ['Eigen kenmerk', 'Titel', 'Soort steun', 'Categorie', 'Financieringsbron'],
      [reference, 'Helmen', 'Directe levering uit voorraad', 'Niet-letale goederen', 'Defensiebegroting'],
    ]);
  }
  workbook.addWorksheet('Overzicht').addRows([['Levering', 'Waarde'], [reference, 1]]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The import template as a user of the role downloads it (GET /imports/template). */
export async function downloadedTemplate(db: Kysely<Database>, role: Role = 'registrar'): Promise<Uint8Array> {
  const response = await createApi({ db }).request('/imports/template', { headers: { Cookie: await sessionCookieFor(db, role) } });
  if (response.status !== 200) throw new Error(`the import template answered ${response.status}: ${await response.text()}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** A file as the import's routes take it: its name and its bytes in base64. */
export const asUpload = (bytes: Uint8Array, fileName = 'leveringen.xlsx') => ({ fileName, content: Buffer.from(bytes).toString('base64') });

/** The deliveries list's export, as the registrar downloads it, of the deliveries whose text holds `q`. */
export async function deliveriesExport(db: Kysely<Database>, q: string, format: 'xlsx' | 'csv', language: 'nl' | 'en', dialect: 'excel-nl' | 'rfc4180' = 'excel-nl'): Promise<Uint8Array> {
  const response = await createApi({ db }).request(`/exports/deliveries?format=${format}&dialect=${dialect}&q=${q}`, { headers: { Cookie: await sessionCookieFor(db, 'registrar'), 'Accept-Language': language } });
  if (response.status !== 200) throw new Error(`the deliveries export answered ${response.status}: ${await response.text()}`);
  return new Uint8Array(await response.arrayBuffer());
}
