import type { Language } from '../../../common/vocabulary/index.ts';
import { queryString } from './queryString.ts';

/** The lists that export, by the last part of their export's path. */
export type ExportedList = 'deliveries' | 'audit-events' | 'disclosure-queue' | 'letters' | 'epf-claims' | 'accounts' | 'export-queues' | 'budget-commitments'
  | 'training-programmes'
  | 'readiness-deliveries' | 'replenishment-projects' | 'non-replacements'
  | 'industry-by-country' | 'industry-contracts' | 'price-developments' | 'lessons-learned' | 'coproduction-projects' | 'demand-bundles'
  | 'annexes'
  | 'budget-decisions' | 'budget-shifts'
  | 'epf-tranches'
  | 'due-reviews';

/** The files a list exports to: a workbook, CSV as Dutch Excel opens it (BOM, `;`, decimal commas), and CSV by RFC 4180 (`,`, decimal points). */
const EXPORT_FILES = {
  xlsx: { format: 'xlsx' },
  csv: { format: 'csv', dialect: 'excel-nl' },
  csvRfc4180: { format: 'csv', dialect: 'rfc4180' },
} as const;

export type ExportFile = keyof typeof EXPORT_FILES;
export const EXPORT_FILE_KINDS = Object.keys(EXPORT_FILES) as ExportFile[];

/** Where the list's file is, with the list's filters, in the language of the page. */
export function exportAddress(list: ExportedList, filters: Record<string, string | number | undefined>, file: ExportFile, language: Language): string {
  return `/api/v1/exports/${list}${queryString({ ...filters, ...EXPORT_FILES[file], lang: language })}`;
}
