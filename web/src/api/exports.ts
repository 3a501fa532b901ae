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
  | 'due-reviews' | 'to-decide-again';

/**
 * How a kind of file is asked for, of a list and of open data alike: a workbook, CSV as Dutch Excel opens it
 * (BOM, `;`, decimal commas), CSV by RFC 4180 (`,`, decimal points), or JSON.
 */
export const FILE_QUERIES = {
  xlsx: { format: 'xlsx' },
  csv: { format: 'csv', dialect: 'excel-nl' },
  csvRfc4180: { format: 'csv', dialect: 'rfc4180' },
  json: { format: 'json' },
} as const;

type FileKind = keyof typeof FILE_QUERIES;
type ExportFile = Exclude<FileKind, 'json'>;
/** The files every list exports to. */
export const EXPORT_FILE_KINDS: readonly ExportFile[] = ['xlsx', 'csv', 'csvRfc4180'];

/** Where the list's file is, with the list's filters, in the language of the page. */
export function exportAddress(list: ExportedList, filters: Record<string, string | number | undefined>, file: ExportFile, language: Language): string {
  return `/api/v1/exports/${list}${queryString({ ...filters, ...FILE_QUERIES[file], lang: language })}`;
}
