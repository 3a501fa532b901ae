import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Command } from 'commander';
import { importHasFaults } from '../../common/import-faults.ts';
import { reason } from '../api/messages.ts';
import { sheetNotTakenFault, UnreadableFileError, type SheetNotTaken } from '../import/read-file.ts';
import { commitImport, dryRunImport, IMPORT_WARNINGS, type ImportFile, type ImportReport, type ImportRowReport, type Progress } from '../register/import.ts';
import { CommandError } from './command-error.ts';
import { counted, inNumber } from './counted.ts';
import { withDatabase } from './database.ts';
import { operatorContext } from './operator.ts';

/** What each warning an import may have warns of, for the command's help. */
const WARNING_DESCRIPTIONS: Record<(typeof IMPORT_WARNINGS)[number], string> = {
  paymentFarAboveValuation: 'a payment at ten times its valuation or more',
  shippedWithoutLicence: 'goods that need an export licence handed over or delivered without one in the register, shipped before it was used',
  datedInSentLetterPeriod: 'a valuation, payment, EPF claim, training count, readiness judgement or contract dated, or a new delivery realised, on or before the reference date of the latest letter sent to parliament, which changes the figures the register gives at that date',
};

/** `import FILE`: every sheet of an XLSX, CSV or text file, as the system (an operator on the server may import any sheet). */
export function importCommand(): Command {
  return new Command('import')
    .description(
      'import deliveries with their valuations and payments, training, readiness judgements, companies and contracts, budget commitments, EPF claims and export licences ' +
        'from an XLSX, CSV or tab-separated text file (the template: GET /api/v1/imports/template), as the system: every sheet; ' +
        'all or nothing unless --only-valid; a row whose reference was imported before changes nothing',
    )
    .argument('<file>', 'the XLSX, CSV or text file')
    .option('--dry-run', 'only say what would be imported and every fault, by row and column')
    .option('--only-valid', 'import the rows without a fault, even when other rows have one')
    .option('--confirm <warning...>', `record the rows with these warnings anyway (${IMPORT_WARNINGS.map((code) => `${code}: ${WARNING_DESCRIPTIONS[code]}`).join('; ')})`)
    .option('--json', 'print the report as JSON')
    .action(async (path: string, options: { dryRun?: boolean; onlyValid?: boolean; confirm?: string[]; json?: boolean }) => {
      const file = { fileName: basename(path), bytes: await importedFile(path), confirmed: confirmedWarnings(options.confirm ?? []) };
      const progress = progressBar();
      const report = await withDatabase((handle) =>
        options.dryRun
          ? dryRunImport(handle.db, operatorContext(), file, progress)
          : commitImport(handle.db, operatorContext(), file, options.onlyValid ? 'onlyValid' : 'allOrNothing', progress),
      ).catch((error: unknown) => {
        if (error instanceof UnreadableFileError) {
          const notTaken = error.sheetsNotTaken.map((sheet) => `\n${sheetNotTakenReason(sheet)}`).join('');
          throw new CommandError(`${path}: ${reason('en', error.code, error.params)}${notTaken}`);
        }
        throw error;
      });
      process.stderr.write(process.stderr.isTTY ? '\r\x1b[K' : '');
      console.log(options.json ? JSON.stringify(report, null, 2) : describe(report, options.dryRun === true));
      // A dry run is a check: a fault fails it whatever mode the import would take; --only-valid leaves faulty rows out as asked.
      if (importHasFaults(report) && (options.dryRun || !options.onlyValid)) process.exitCode = 1;
    });
}

/** The file's bytes, or a one-line refusal that says why it cannot be read (no such file, a folder, no permission). */
async function importedFile(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    throw new CommandError(`${path}: cannot read this file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); give the path of an XLSX, CSV or text file.`);
  }
}

/** The warnings the operator confirmed, each one an import may have; another is refused, naming those there are. */
function confirmedWarnings(codes: readonly string[]): NonNullable<ImportFile['confirmed']> {
  const known: readonly string[] = IMPORT_WARNINGS;
  const unknown = codes.filter((code) => !known.includes(code));
  if (unknown.length > 0) throw new CommandError(`--confirm ${unknown.join(' ')}: not a warning an import has; the warnings are ${IMPORT_WARNINGS.join(', ')}.`);
  return codes as NonNullable<ImportFile['confirmed']>;
}

/** A bar on standard error while rows are checked, only on a terminal. */
function progressBar(): Progress | undefined {
  if (!process.stderr.isTTY) return undefined;
  return (done, total) => {
    const width = 30;
    const filled = total === 0 ? width : Math.round((done / total) * width);
    process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} rows`);
  };
}

function describe(report: ImportReport, dryRun: boolean): string {
  // The faults of the sheets' header rows first: a column missing or unknown is behind the faults of many rows.
  const headerLines = report.headerFaults.flatMap(faultLines);
  const lines = report.rows.flatMap((row) => (row.outcome === 'notes' ? [`${row.sheetName}, row ${row.rowNumber}: notes on the columns (such as "required" or "YYYY-MM-DD"), no data; skipped.`] : faultLines(row)));
  // A sheet that nothing is taken from is said after the faults, just above the outcome it is no part of.
  const notTaken = report.sheetsNotTaken.map(sheetNotTakenReason);
  const confirmable = report.confirmable.length === 0 ? [] : [`Rows with a warning (${report.confirmable.join(', ')}) are made when it is confirmed: --confirm ${report.confirmable.join(' ')}.`];
  return [...[...headerLines, ...lines].map(withVisibleControls), ...notTaken, importOutcome(report, dryRun), ...confirmable].join('\n');
}

/** What the import did, or a dry run would do, in one sentence of counts. */
export function importOutcome(report: Pick<ImportReport, 'committed' | 'importId' | 'counts' | 'headerFaults'>, dryRun: boolean): string {
  const { create, unchanged, invalid, example, notes } = report.counts;
  const headers = report.headerFaults.length;
  // The header rows are no rows of data: their faults are counted by sheet, and only when there are any.
  const headerCount = headers === 0 ? '' : ` (and the header row of ${counted(headers, 'sheet')})`;
  // A count with its verb in the number it takes: "1 has", "2 have".
  const doing = (count: number, one: string, many: string) => `${count} ${inNumber(count, one, many)}`;
  if (dryRun) {
    return `Dry run: ${counted(create, 'row')} would be created, ${doing(unchanged, 'is', 'are')} in the register already, ${doing(invalid, 'has', 'have')} a fault${headerCount}, ${counted(example, 'example')} and ${counted(notes, 'row')} of notes skipped.`;
  }
  if (report.committed) return `Imported ${counted(create, 'row')} (import ${report.importId}); ${doing(unchanged, 'was', 'were')} in the register already, ${invalid} with a fault ${inNumber(invalid, 'was', 'were')} left out.`;
  if (create === 0) return `Nothing to import: ${counted(unchanged, 'row')} ${inNumber(unchanged, 'is', 'are')} in the register already, ${doing(invalid, 'has', 'have')} a fault${headerCount}.`;
  return `Nothing imported: ${counted(invalid, 'row')} ${inNumber(invalid, 'has', 'have')} a fault${headerCount} (use --only-valid to import the other ${create}).`;
}

/** The faults of a row, or of a sheet's header row, one line each, by sheet, row and column. */
function faultLines(row: Pick<ImportRowReport, 'sheetName' | 'rowNumber' | 'faults'>): string[] {
  return row.faults.map((fault) => {
    // A fault of the whole sheet (a hidden one) has no column; a column without a header has only its letter.
    const column = fault.column === '' ? (fault.columnLetter ? `, column ${fault.columnLetter}` : '') : `, column ${fault.columnLetter ?? '-'} (${fault.column})`;
    return `${row.sheetName}, row ${row.rowNumber}${column}: ${reason('en', fault.code, { later: fault.field, ...fault.params })}`;
  });
}

/** Text of the file (a header, a sheet's name) with its control characters written out (\x1b): an escape sequence in it would otherwise act on the terminal. */
function withVisibleControls(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (character) => `\\x${character.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** Why a sheet was not taken, in one line, its name's control characters shown rather than obeyed. */
function sheetNotTakenReason(sheet: SheetNotTaken): string {
  const { code, params } = sheetNotTakenFault(sheet);
  return withVisibleControls(reason('en', code, params));
}
