import { formatTableDate } from '../../common/letter-format.ts';
import { SUPPORT_TYPE_COLUMN_LABEL } from '../domain/figures.ts';
import type { FiguresReport } from '../register/figures.ts';

/** The figures as the letter's table, in plain text for a terminal. */
export function printFiguresTable(report: FiguresReport): string {
  const lines = [...report.rows, report.total];
  const header = [SUPPORT_TYPE_COLUMN_LABEL, formatTableDate(report.compareDate), formatTableDate(report.referenceDate), 'Toename', ''];
  const body = lines.map((line) => [
    line.label,
    line.compare.text,
    line.reference.text,
    line.difference.text,
    line.increasePercentText ?? '',
  ]);
  const widths = header.map((_, column) => Math.max(...[header, ...body].map((row) => row[column]!.length)));
  const render = (row: string[]) =>
    row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ').trimEnd();
  const rule = '-'.repeat(widths.reduce((sum, width) => sum + width + 2, -2));
  return [
    ...(report.isDemonstration ? ['DEMONSTRATIEGEGEVENS: afgeleid van de gepubliceerde cijfers van de leveringenbrief, geen echte registratie', ''] : []),
    render(header),
    rule,
    ...body.slice(0, -1).map(render),
    rule,
    render(body.at(-1)!),
    '',
    report.headline,
  ].join('\n');
}
