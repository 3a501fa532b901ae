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

export type ExportFormat = 'xlsx' | 'csv';

/** Where the list's file is, with the list's filters, in the language of the page. */
export function exportAddress(list: ExportedList, filters: Record<string, string | number | undefined>, format: ExportFormat, language: Language): string {
  return `/api/v1/exports/${list}${queryString({ ...filters, format, lang: language })}`;
}
