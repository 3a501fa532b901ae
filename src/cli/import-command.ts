import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Command } from 'commander';
import type { Language } from '../../common/vocabulary/languages.ts';
import { importHasFaults } from '../../common/import-faults.ts';
import { reason } from '../api/messages.ts';
import { sheetNotTakenFault, UnreadableFileError, type SheetNotTaken } from '../import/read-file.ts';
import { commitImport, dryRunImport, IMPORT_WARNINGS, type ImportFile, type ImportReport, type ImportRowReport, type Progress } from '../register/import.ts';
import { CommandError } from './command-error.ts';
import { IMPORT_TEXTS } from './import-texts.ts';
import { languageOption } from './language-option.ts';
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
    .addOption(languageOption('the language of the report: where each fault is, why, and what was imported'))
    .action(async (path: string, options: { dryRun?: boolean; onlyValid?: boolean; confirm?: string[]; json?: boolean; language: Language }) => {
      const { language } = options;
      const file = { fileName: basename(path), bytes: await importedFile(path, language), confirmed: confirmedWarnings(options.confirm ?? []) };
      const progress = progressBar();
      const report = await withDatabase((handle) =>
        options.dryRun
          ? dryRunImport(handle.db, operatorContext(), file, progress)
          : commitImport(handle.db, operatorContext(), file, options.onlyValid ? 'onlyValid' : 'allOrNothing', progress),
      ).catch((error: unknown) => {
        if (error instanceof UnreadableFileError) {
          const notTaken = error.sheetsNotTaken.map((sheet) => `\n${sheetNotTakenReason(sheet, language)}`).join('');
          throw new CommandError(`${path}: ${reason(language, error.code, error.params)}${notTaken}`);
        }
        throw error;
      });
      process.stderr.write(process.stderr.isTTY ? '\r\x1b[K' : '');
      console.log(options.json ? JSON.stringify(report, null, 2) : describe(report, options.dryRun === true, language));
      // A dry run is a check: a fault fails it whatever mode the import would take; --only-valid leaves faulty rows out as asked.
      if (importHasFaults(report) && (options.dryRun || !options.onlyValid)) process.exitCode = 1;
    });
}

/** The file's bytes, or a one-line refusal that says why it cannot be read (no such file, a folder, no permission). */
async function importedFile(path: string, language: Language): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    throw new CommandError(IMPORT_TEXTS[language].unreadable(path, (error as NodeJS.ErrnoException).code ?? (error as Error).message));
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

function describe(report: ImportReport, dryRun: boolean, language: Language): string {
  const texts = IMPORT_TEXTS[language];
  // The faults of the sheets' header rows first: a column missing or unknown is behind the faults of many rows.
  const headerLines = report.headerFaults.flatMap((row) => faultLines(row, language));
  const lines = report.rows.flatMap((row) => (row.outcome === 'notes' ? [texts.notesRow(row.sheetName, row.rowNumber)] : faultLines(row, language)));
  // A sheet that nothing is taken from is said after the faults, just above the outcome it is no part of.
  const notTaken = report.sheetsNotTaken.map((sheet) => sheetNotTakenReason(sheet, language));
  const confirmable = report.confirmable.length === 0 ? [] : [texts.confirmable(report.confirmable)];
  return [...[...headerLines, ...lines].map(withVisibleControls), ...notTaken, importOutcome(report, dryRun, language), ...confirmable].join('\n');
}

/** What the import did, or a dry run would do, in one sentence of counts. */
export function importOutcome(report: Pick<ImportReport, 'committed' | 'importId' | 'counts' | 'headerFaults'>, dryRun: boolean, language: Language): string {
  const texts = IMPORT_TEXTS[language];
  const outcome = { ...report.counts, headers: report.headerFaults.length, importId: report.importId };
  if (dryRun) return texts.dryRun(outcome);
  if (report.committed) return texts.imported(outcome);
  return report.counts.create === 0 ? texts.nothingToImport(outcome) : texts.nothingImported(outcome);
}

/** The faults of a row, or of a sheet's header row, one line each, by sheet, row and column. */
function faultLines(row: Pick<ImportRowReport, 'sheetName' | 'rowNumber' | 'faults'>, language: Language): string[] {
  return row.faults.map((fault) => `${IMPORT_TEXTS[language].place(row.sheetName, row.rowNumber, fault.column, fault.columnLetter)}: ${reason(language, fault.code, { later: fault.field, ...fault.params })}`);
}

/** Text of the file (a header, a sheet's name) with its control characters written out (\x1b): an escape sequence in it would otherwise act on the terminal. */
function withVisibleControls(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (character) => `\\x${character.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** Why a sheet was not taken, in one line, its name's control characters shown rather than obeyed. */
function sheetNotTakenReason(sheet: SheetNotTaken, language: Language): string {
  const { code, params } = sheetNotTakenFault(sheet);
  return withVisibleControls(reason(language, code, params));
}
