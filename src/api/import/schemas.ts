import { createRoute, z } from '@hono/zod-openapi';
import { MAX_IMPORT_FILE_BYTES } from '../../../common/import-limits.ts';
import { IMPORT_MODES, IMPORT_WARNINGS, ROW_OUTCOMES } from '../../register/import.ts';
import { SHEET_NOT_TAKEN_CODES } from '../../import/read-file.ts';
import { IMPORT_SHEETS } from '../../import/sheets.ts';
import { permitted } from '../access.ts';
import { confirmations, jsonBody, jsonContent as json, problemResponses, requiredText } from '../openapi-common.ts';
import { fileQuery, fileResponse } from '../exports/schemas.ts';

/** The file, as JSON like every write to the API: its name and its bytes in base64. */
const ImportFileSchema = z
  .strictObject({
    fileName: requiredText(255).openapi({ example: 'leveringen.xlsx' }),
    content: z.base64().openapi({ description: `The XLSX, CSV or tab-separated text file, base64 (at most ${MAX_IMPORT_FILE_BYTES} bytes before encoding; an empty file is refused as emptyFile)` }),
    confirm: confirmations(IMPORT_WARNINGS).openapi({
      description: 'The warnings confirmed for every row that has them (paymentFarAboveValuation: a payment far above its valuation; shippedWithoutLicence: goods that need an export licence handed over or delivered before the register was used, without a licence in it; datedInSentLetterPeriod: a valuation, payment, EPF claim, training count, readiness judgement or contract dated, or a new delivery realised, on or before the reference date of the latest letter sent to parliament, which changes the figures the register gives at that date); a row with a warning not confirmed has it as a fault',
    }),
  })
  .openapi('ImportFile');

const ImportCommitSchema = ImportFileSchema.extend({
  mode: z.enum(IMPORT_MODES).openapi({ description: 'allOrNothing: nothing when any row has a fault; onlyValid: the rows without one' }),
}).openapi('ImportCommit');

/** A reason in each language, beside the one asked for. */
const ReasonsByLanguageSchema = z
    .object({ nl: z.string(), en: z.string() })
    .openapi({ description: 'The reason in each language the application speaks (a page switched to another language after the check says it in that one)' });

const ImportFaultSchema = z.object({
  field: z.string(),
  column: z.string().openapi({ description: "The column's header as the file has it" }),
  columnLetter: z.string().nullable(),
  code: z.string(),
  reason: z.string(),
  reasonsByLanguage: ReasonsByLanguageSchema,
});

export const ImportReportSchema = z
  .object({
    fileName: z.string(),
    sha256: z.string(),
    importId: z.uuid().nullable().openapi({ description: 'The id of the committed import, as its audit events name it; null when nothing was written' }),
    committed: z.boolean(),
    counts: z
      .object(Object.fromEntries(ROW_OUTCOMES.map((outcome) => [outcome, z.number().int()])) as Record<(typeof ROW_OUTCOMES)[number], z.ZodNumber>)
      .openapi({ description: 'How many rows of data (and of notes) have each outcome, as in rows; the header rows are not counted (see headerFaults)' }),
    rows: z.array(
      z.object({
        sheet: z.enum(IMPORT_SHEETS),
        sheetName: z.string(),
        rowNumber: z.number().int(),
        reference: z.string().nullable(),
        outcome: z.enum(ROW_OUTCOMES).openapi({ description: "example: the template's example row; notes: a row of notes on the columns right below the headers (\"(verplicht)\", \"JJJJ-MM-DD\"); both are skipped" }),
        faults: z.array(ImportFaultSchema),
        values: z
          .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]))
          .openapi({ description: 'What a row to create or already in the register holds, by field (amounts in cents, yes or no as a boolean, references as a list); empty for other rows' }),
      }),
    ),
    headerFaults: z
      .array(z.object({ sheet: z.enum(IMPORT_SHEETS), sheetName: z.string(), rowNumber: z.number().int().openapi({ description: "The header row's number" }), faults: z.array(ImportFaultSchema) }))
      .openapi({
        description:
          "Per sheet whose header row has faults (a column it lacks, names twice or the template does not have, a header over two rows, or the sheet hidden), those faults; told apart from the rows, which are the file's rows of data. With allOrNothing, they leave everything out, as a row's fault does",
      }),
    confirmable: z
      .array(z.enum(IMPORT_WARNINGS))
      .openapi({ description: 'The warnings among the faults of rows that have no other (a payment far above its valuation, goods shipped without a licence in the register): confirmed in confirm, those rows are made' }),
    sheetsNotTaken: z
      .array(z.object({ sheetName: z.string(), code: z.enum(SHEET_NOT_TAKEN_CODES), reason: z.string(), reasonsByLanguage: ReasonsByLanguageSchema }))
      .openapi({ description: 'The visible sheets with a table that no rows were taken from, and why: nothing of them is imported' }),
  })
  .openapi('ImportReport');

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const templateRoute = createRoute(
  permitted('import.run', {
    method: 'get',
    path: '/imports/template',
    tags: ['import'],
    summary: 'The workbook to fill in: a sheet per kind of record, choice lists and an example row',
    responses: { 200: { description: 'The template (XLSX)', content: { [XLSX]: { schema: z.string().openapi({ format: 'binary' }) } } }, ...problemResponses(401, 403) },
  }),
);

export const dryRunRoute = createRoute(
  permitted('import.run', {
    method: 'post',
    path: '/imports/dry-run',
    tags: ['import'],
    summary: 'What importing the file would do, per row, with every fault by row and column; changes nothing',
    request: jsonBody(ImportFileSchema),
    responses: { 200: json(ImportReportSchema, 'The outcome of every row'), ...problemResponses(400, 401, 403, 413, 415) },
  }),
);

export const commitRoute = createRoute(
  permitted('import.run', {
    method: 'post',
    path: '/imports',
    tags: ['import'],
    summary: 'Import the file in one transaction: all or nothing, or only the rows without a fault',
    request: jsonBody(ImportCommitSchema),
    responses: { 200: json(ImportReportSchema, 'What was written (committed) or, with faults and allOrNothing, nothing'), ...problemResponses(400, 401, 403, 413, 415) },
  }),
);

export const faultsExportRoute = createRoute(
  permitted('import.run', {
    method: 'post',
    path: '/imports/dry-run/faults',
    tags: ['import'],
    summary: 'Every fault the dry run finds, by sheet, row and column, as a spreadsheet; changes nothing',
    description: 'The import page lists the first 200 faults of a file; this file holds all of them, the faults of header rows first, in the order of the dry run.',
    request: { query: z.object(fileQuery), ...jsonBody(ImportFileSchema) },
    responses: { ...fileResponse, ...problemResponses(400, 401, 403, 413, 415) },
  }),
);
