import type { Timing } from './timing.ts';

export interface RowCounts {
  deliveries: number;
  valuations: number;
  payments: number;
}

/** What was measured for one database at one register size. */
export interface SizeResult {
  size: number;
  rowCounts: RowCounts;
  generationMs: number;
  /** Per query, in the order of the query names given to formatTable. */
  timings: Timing[];
}

export function sizeLabel(size: number): string {
  return size >= 1_000 ? `${size / 1_000}k` : String(size);
}

export function formatRowCounts({ size, rowCounts }: SizeResult): string {
  const { deliveries, valuations, payments } = rowCounts;
  return `${sizeLabel(size)}: ${count(deliveries)} deliveries, ${count(valuations)} valuations, ${count(payments)} payments`;
}

/**
 * A markdown table: per query the median and p95 in ms at each size, and how much slower the median is
 * at the largest size than at the smallest.
 */
export function formatTable(queryNames: string[], results: SizeResult[]): string {
  const first = results[0]!;
  const last = results.at(-1)!;
  const showRatio = results.length > 1;
  const header = [
    'query',
    ...results.flatMap(({ size }) => [`${sizeLabel(size)} median ms`, `${sizeLabel(size)} p95 ms`]),
    ...(showRatio ? [`${sizeLabel(last.size)}/${sizeLabel(first.size)}`] : []),
  ];
  const row = (name: string, cells: string[], ratio: number) => [name, ...cells, ...(showRatio ? [`${ratio.toFixed(1)}×`] : [])];
  const rows = [
    row(
      'generate register (one run, incl. vacuum analyze)',
      results.flatMap((result) => [milliseconds(result.generationMs), '']),
      last.generationMs / first.generationMs,
    ),
    ...queryNames.map((name, index) =>
      row(
        name,
        results.flatMap((result) => [milliseconds(result.timings[index]!.medianMs), milliseconds(result.timings[index]!.p95Ms)]),
        last.timings[index]!.medianMs / first.timings[index]!.medianMs,
      ),
    ),
  ];
  return [header, header.map((_, index) => (index === 0 ? '---' : '---:')), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

function milliseconds(value: number): string {
  if (value < 10) return value.toFixed(2);
  if (value < 100) return value.toFixed(1);
  return count(Math.round(value));
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}
