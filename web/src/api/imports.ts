import { request, requestFile } from './client.ts';
import type { RequestBody, Schema } from './contract.ts';

/** What an import would do (dry run) or did (commit), row by row with every fault. */
export type ImportReport = Schema<'ImportReport'>;
export type ImportRow = ImportReport['rows'][number];
export type ImportFault = ImportRow['faults'][number];
/** The faults of a sheet's header row, told apart from its rows. */
export type ImportHeaderFaults = ImportReport['headerFaults'][number];
/** The file as the API takes it: its name and its bytes in base64. */
export type ImportUpload = RequestBody<'/imports/dry-run', 'post'>;
export type ImportMode = RequestBody<'/imports', 'post'>['mode'];

/** The workbook to fill in, downloaded as the file it is. */
export const IMPORT_TEMPLATE_HREF = '/api/v1/imports/template';

export function dryRunImport(upload: ImportUpload) {
  return request<ImportReport>('/imports/dry-run', { method: 'POST', body: upload });
}

/** Importing the same file again changes nothing: a retry is harmless. */
export function commitImport(upload: ImportUpload, mode: ImportMode) {
  return request<ImportReport>('/imports', { method: 'POST', body: { ...upload, mode } });
}

/** Every fault the dry run finds, as a spreadsheet to work through; the page lists only the first ones. */
export function importFaultsFile(upload: ImportUpload, format: 'xlsx' | 'csv') {
  return requestFile(`/imports/dry-run/faults?format=${format}`, { method: 'POST', body: upload });
}
