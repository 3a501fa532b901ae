import type { Context, TypedResponse } from 'hono';
import type { JSONParsed } from 'hono/utils/types';
import type { z } from '@hono/zod-openapi';
import { MAX_IMPORT_FILE_BYTES } from '../../../common/import-limits.ts';
import { importTemplate } from '../../import/template.ts';
import { ROWS_PER_TURN, turnAfterRows } from '../../import/turns.ts';
import { sheetNotTakenFault, UnreadableFileError } from '../../import/read-file.ts';
import { commitImport, dryRunImport, type ImportFault, type ImportReport, type ImportRowReport } from '../../register/import.ts';
import { streamedFile, type FileShape } from '../streamed-file.ts';
import { apiRoutes } from '../api-routes.ts';
import { requestContext, type ApiEnv } from '../context.ts';
import { invalidParams, problem } from '../problem.ts';
import { commitRoute, dryRunRoute, faultsExportRoute, ImportReportSchema, templateRoute } from './schemas.ts';
import { sendExport } from '../exports/routes.ts';
import { IMPORT_FAULT_COLUMNS, type ImportFaultLine } from '../exports/tables.ts';
import { oneBatch } from '../../register/exports.ts';
import { answerLanguage } from '../language.ts';
import { limitBody } from '../body-limit.ts';
import type { Language } from '../../../common/vocabulary/index.ts';
import type { WarningCode } from '../../domain/warnings.ts';

/** The paths whose body carries a file to import. */
export const IMPORT_UPLOAD_PATHS: ReadonlySet<string> = new Set(['/imports/dry-run', '/imports/dry-run/faults', '/imports']);

/** The largest file as base64 (four characters per three bytes), with room for the JSON around it. */
export const importBodyLimit = limitBody({
  maxSize: Math.ceil(MAX_IMPORT_FILE_BYTES / 3) * 4 + 64 * 1024,
  onError: (c) => problem(c, 413, { invalidParams: invalidParams(c, [{ field: 'content', code: 'fileTooLarge', params: { maximum: `${MAX_IMPORT_FILE_BYTES / 2 ** 20} MB` } }]) }),
});

export function importRoutes() {
  const app = apiRoutes();

  app.openapi(templateRoute, async (c) => {
    const workbook = await importTemplate();
    return c.body(workbook.slice().buffer, 200, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': 'attachment; filename="steunregister-import.xlsx"',
    });
  });

  app.openapi(dryRunRoute, async (c) => {
    const body = c.req.valid('json');
    return unlessUnreadable(c, async () => sendReport(c, await dryRunImport(c.get('deps').db, requestContext(c), fileOf(body))));
  });

  app.openapi(faultsExportRoute, async (c) => {
    const { lang, ...file } = c.req.valid('query');
    const language = lang ?? answerLanguage(c);
    return unlessUnreadable(c, async () => {
      const report = await dryRunImport(c.get('deps').db, requestContext(c), fileOf(c.req.valid('json')));
      return sendExport(c, 'importFaults', { ...file, lang: language }, IMPORT_FAULT_COLUMNS, oneBatch(Promise.resolve(faultLines(c, report, language))));
    });
  });

  app.openapi(commitRoute, async (c) => {
    const body = c.req.valid('json');
    return unlessUnreadable(c, async () => sendReport(c, await commitImport(c.get('deps').db, requestContext(c), fileOf(body), body.mode)));
  });

  return app;
}

function fileOf(body: { fileName: string; content: string; confirm: WarningCode[] }) {
  return { fileName: body.fileName, bytes: new Uint8Array(Buffer.from(body.content, 'base64')), confirmed: body.confirm };
}

/** A file that is no workbook, CSV or text file at all is a 400 on its content, saying why. */
async function unlessUnreadable<T>(c: Context<ApiEnv>, answer: () => Promise<T>) {
  try {
    return await answer();
  } catch (error) {
    if (error instanceof UnreadableFileError) {
      const faults = [{ code: error.code, params: error.params }, ...error.sheetsNotTaken.map(sheetNotTakenFault)];
      return problem(c, 400, { invalidParams: invalidParams(c, faults.map((fault) => ({ field: 'content', ...fault }))) });
    }
    throw error;
  }
}

/**
 * The report as JSON, every fault and why a sheet was not taken with its reason in the language the client
 * asked for, written a batch of rows at a time while the client reads it: made in one piece, the answer for
 * a file of 100,000 rows held the server from every other request for seconds.
 */
function sendReport(c: Context<ApiEnv>, report: ImportReport) {
  const { rows, ...rest } = report;
  const notTaken = invalidParams(
    c,
    report.sheetsNotTaken.map((sheet) => ({ field: 'sheet', ...sheetNotTakenFault(sheet) })),
  );
  const head = {
    ...rest,
    sheetsNotTaken: report.sheetsNotTaken.map(({ name, code }, index) => ({ sheetName: name, code, reason: notTaken[index]!.reason, reasonsByLanguage: notTaken[index]!.reasons })),
    headerFaults: report.headerFaults.map((header) => ({ ...header, faults: withFaultReasons(c, header.faults) })),
  };
  const file: FileShape<ImportRowReport> = {
    start: `${JSON.stringify(head).slice(0, -1)},"rows":[`,
    batch: (batch, first) => (first ? '' : ',') + batch.map((row) => JSON.stringify({ ...row, faults: withFaultReasons(c, row.faults) })).join(','),
    end: ']}',
  };
  const answer: Response = c.body(streamedFile(file, rowBatches(rows)), 200, { 'Content-Type': 'application/json' });
  // What c.json would answer, only written in batches: the route's typed JSON answer.
  return answer as Response & TypedResponse<JSONParsed<z.input<typeof ImportReportSchema>>, 200, 'json'>;
}

async function* rowBatches(rows: readonly ImportRowReport[]): AsyncGenerator<ImportRowReport[]> {
  for (let start = 0; start < rows.length; start += ROWS_PER_TURN) {
    await turnAfterRows(start);
    yield rows.slice(start, start + ROWS_PER_TURN);
  }
}

/** Every fault of the report, those of the sheets' header rows first (as the import page lists them), worded in the language. */
function faultLines(c: Context<ApiEnv>, report: ImportReport, language: Language): ImportFaultLine[] {
  const places = [...report.headerFaults.map((header) => ({ ...header, reference: null })), ...report.rows];
  return places.flatMap(({ sheetName, rowNumber, reference, faults }) => {
    const reasons = invalidParams(c, faults);
    return faults.map((fault, index) => ({ sheetName, rowNumber, reference, column: fault.column, columnLetter: fault.columnLetter, reason: reasons[index]!.reasons[language] }));
  });
}

function withFaultReasons(c: Context<ApiEnv>, faults: ImportFault[]) {
  const reasons = invalidParams(c, faults);
  return faults.map((fault, index) => ({ field: fault.field, column: fault.column, columnLetter: fault.columnLetter, code: fault.code, reason: reasons[index]!.reason, reasonsByLanguage: reasons[index]!.reasons }));
}
