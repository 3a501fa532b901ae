import { writeFile } from 'node:fs/promises';
import { Command, InvalidArgumentError, Option } from 'commander';
import { euroText } from '../api/csv.ts';
import { reportCsv, reportWorkbook } from '../api/export-control/report-files.ts';
import { EXPORT_REPORTS } from '../domain/export-control.ts';
import { armsTransferReports } from '../register/export-control.ts';
import { explain, operatorContext } from './operator.ts';
import { CommandError } from './command-error.ts';
import { withDatabase } from './database.ts';
import { languageOption } from './language-option.ts';

type Report = (typeof EXPORT_REPORTS)[number];
type Reports = Awaited<ReturnType<typeof armsTransferReports>>;

const counted = (count: number, one: string, other: string) => `${count} ${count === 1 ? one : other}`;

/** What was written, in the language of the file, with the register's words for what it counts (as the reports page names them). */
const SUMMARY = {
  nl: ({ register, att }: Reports, what: string, file: string) =>
    `${what} geschreven naar ${file}: ${counted(register.shipments, 'uitgevoerde levering', 'uitgevoerde leveringen')} met vergunningplicht uit het register (${euroText(register.shipmentValueCents, ',')} EUR), ` +
    `${counted(att.withheld.count, 'levering', 'leveringen')} achtergehouden uit het ATT-rapport, ${counted(register.licencesIssued, 'verleende vergunning', 'verleende vergunningen')} (${euroText(register.licenceValueCents, ',')} EUR).`,
  en: ({ register, att }: Reports, what: string, file: string) =>
    `Wrote ${what} to ${file}: ${counted(register.shipments, 'exported delivery', 'exported deliveries')} needing a licence from the register (${euroText(register.shipmentValueCents)} EUR), ` +
    `${counted(att.withheld.count, 'delivery', 'deliveries')} withheld from the ATT report, ${counted(register.licencesIssued, 'licence', 'licences')} issued (${euroText(register.licenceValueCents)} EUR).`,
};

/** A year in digits, as the API takes it: "0x7e9", "2025.0" or " 2025" would be read as 2025 by a number's coercion. */
function year(value: string): number {
  const number = /^\d{4}$/.test(value) ? Number(value) : NaN;
  if (!(number >= 2014 && number <= 2100)) throw new InvalidArgumentError('expected a year from 2014 to 2100');
  return number;
}

/**
 * `export-control report`: the arms-transfer reports of a year (ATT, UN Register, COARM) from the
 * register, as the assessor downloads them. Reading them is recorded in the audit trail.
 */
export function exportControlCommands(): Command {
  const command = new Command('export-control').description('export control: the arms-transfer reports from the register');
  command
    .command('report')
    .description('write the ATT, UN Register and COARM reports of a year: JSON (all three), XLSX (a sheet each) or CSV (one report)')
    .requiredOption('--year <year>', 'the calendar year', year)
    .addOption(new Option('--format <format>', 'the file format').choices(['json', 'xlsx', 'csv']).makeOptionMandatory())
    .addOption(new Option('--report <report>', 'only this report (needed for CSV)').choices(EXPORT_REPORTS))
    .addOption(languageOption('the language of the headings and of the line saying what was written'))
    .requiredOption('--out <file>', 'the file to write')
    .action(async (options: { year: number; format: 'json' | 'xlsx' | 'csv'; report?: Report; language: 'nl' | 'en'; out: string }) => {
      if (options.format === 'csv' && !options.report) throw new CommandError(`a CSV file holds one report: add --report ${EXPORT_REPORTS.join('|')}`);
      const reports = await withDatabase((handle) => armsTransferReports(handle.db, operatorContext(), options.year).catch(explain()));
      const which = options.report ? [options.report] : EXPORT_REPORTS;
      const contents =
        options.format === 'json'
          ? `${JSON.stringify(options.report ? { year: reports.year, [options.report]: reports[options.report], register: reports.register } : reports, null, 2)}\n`
          : options.format === 'csv'
            ? reportCsv(reports, options.report!, options.language)
            : await reportWorkbook(reports, options.language, which);
      await writeFile(options.out, contents, { mode: 0o600 });
      console.log(SUMMARY[options.language](reports, `${which.join(', ')} ${options.year}`, options.out));
    });
  return command;
}
