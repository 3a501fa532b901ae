import { Command, InvalidArgumentError } from 'commander';
import { isIsoDate } from '../../common/dates.ts';
import { COMPARISON_PRECISION, formatLetterAmount } from '../../common/letter-format.ts';
import { budgetFiguresAt } from '../register/budget.ts';
import { withDatabase } from './database.ts';

const amount = (cents: number) => formatLetterAmount(cents, COMPARISON_PRECISION, { unit: 'mld.' });

/** `budget list`: the budget per budget year as known at a date, for a terminal. */
export function budgetCommands(): Command {
  const command = new Command('budget').description('the budget for military support per budget year');
  command
    .command('list')
    .description('budgeted, legally committed, pledged, unallocated and realised per budget year, as known at a date')
    .option('--known-at <date>', 'the date the budget is known at (default today)', (value: string) => {
      if (!isIsoDate(value)) throw new InvalidArgumentError('use a date as YYYY-MM-DD');
      return value;
    })
    .option('--json', 'print JSON')
    .action(async (options: { knownAt?: string; json?: boolean }) => {
      const knownAt = options.knownAt ?? new Date().toISOString().slice(0, 10);
      const figures = await withDatabase((handle) => budgetFiguresAt(handle.db, knownAt), { migrate: false });
      if (options.json) return console.log(JSON.stringify(figures, null, 2));
      const header = ['Jaar', 'Begroot', 'Verplicht', 'Plannen', 'Niet toegewezen', 'Gerealiseerd', 'Tempo'];
      const rows = [...figures.years.map((year) => ({ label: String(year.budgetYear), ...year })), { label: 'Totaal', ...figures.total }].map((line) => [
        line.label,
        ...[line.budgeted, line.committed, line.pledged, line.unallocated, line.realised].map(amount),
        `${line.realisationPace === null ? '-' : `${line.realisationPace}%`}${line.overcommitted ? ' (meer verplicht dan begroot)' : ''}`,
      ]);
      const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => row[column]!.length)));
      console.log(`Stand op ${knownAt}`);
      for (const row of [header, ...rows]) console.log(row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  '));
    });
  return command;
}
