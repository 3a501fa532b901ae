import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../support/csv.ts';
import { createMigratedDataFolder, runCli } from '../support/cli.ts';


describe('the export control commands', () => {
  const folder = mkdtempSync(join(tmpdir(), 'steunregister-export-'));
  const dataDir = join(folder, 'data');
  beforeAll(() => createMigratedDataFolder(dataDir));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('write the reports of a year as JSON, XLSX and CSV, with the same totals', async () => {
    expect((await runCli(dataDir, ['seed-demo'])).code).toBe(0);
    const file = (name: string) => join(folder, name);

    const json = await runCli(dataDir, ['export-control', 'report', '--year', '2025', '--format', 'json', '--out', file('2025.json')]);
    expect(json.code).toBe(0);
    // In the words of the headings' language, one delivery and more licences counted as the reports page and the ATT report's withheld box count them.
    expect(json.output).toMatch(/^att, unroca, coarm 2025 geschreven naar .*2025\.json: 1 uitgevoerde levering met vergunningplicht uit het register \(\d+,\d\d EUR\), 0 leveringen achtergehouden uit het ATT-rapport, 3 verleende vergunningen \(\d+,\d\d EUR\)\.\n$/);
    const reports = JSON.parse(readFileSync(file('2025.json'), 'utf8'));
    expect(reports.register).toMatchObject({ shipments: 1, withoutLicence: 0 });

    expect((await runCli(dataDir, ['export-control', 'report', '--year', '2025', '--format', 'xlsx', '--out', file('2025.xlsx')])).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file('2025.xlsx'));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['att-2025', 'unroca-2025', 'coarm-2025']);
    const coarmValues: number[] = [];
    workbook.getWorksheet('coarm-2025')!.eachRow((row, index) => {
      if (index > 1 && typeof row.getCell(3).value === 'number') coarmValues.push(row.getCell(3).value as number);
    });
    expect(Math.round(coarmValues.reduce((sum, value) => sum + value, 0) * 100)).toBe(reports.coarm.totalValueCents);

    // A year is written in digits, as the API takes it: what a number's coercion would read as 2025 is refused.
    for (const typed of ['0x7e9', '2025.0']) {
      const refused = await runCli(dataDir, ['export-control', 'report', '--year', typed, '--format', 'json', '--out', file('refused.json')]);
      expect([refused.code, refused.output]).toEqual([1, expect.stringContaining('expected a year from 2014 to 2100')]);
    }
    // A year that has not begun has nothing to report yet: refused, and no file is written.
    const ahead = String(new Date().getUTCFullYear() + 2);
    expect(await runCli(dataDir, ['export-control', 'report', '--year', ahead, '--format', 'json', '--out', file('ahead.json')])).toEqual({
      code: 1,
      output: `--year: The year ${ahead} has not begun: there is nothing to report of it yet. Choose ${Number(ahead) - 2} (up to today) or an earlier year.\n`,
    });
    expect(existsSync(file('ahead.json'))).toBe(false);
    expect(await runCli(dataDir, ['export-control', 'report', '--year', '2025', '--format', 'csv', '--out', file('att.csv')])).toEqual({
      code: 1,
      output: 'a CSV file holds one report: add --report att|unroca|coarm\n',
    });
    const english = await runCli(dataDir, ['export-control', 'report', '--year', '2025', '--format', 'csv', '--report', 'att', '--language', 'en', '--out', file('att.csv')]);
    expect([english.code, english.output]).toEqual([0, expect.stringMatching(/^Wrote att 2025 to .*att\.csv: 1 exported delivery needing a licence from the register \(\d+\.\d\d EUR\), 0 deliveries withheld from the ATT report, 3 licences issued \(\d+\.\d\d EUR\)\.\n$/)]);
    const [header, ...rows] = parseCsv(readFileSync(file('att.csv'), 'utf8'));
    expect(header).toEqual(['Category', 'Importing state', 'Number of items', 'Value (EUR)', 'Description', 'Comments']);
    expect(Math.round(rows.reduce((sum, row) => sum + (row[3] ? Number(row[3]) : 0), 0) * 100)).toBe(reports.att.totalValueCents);
  }, 120_000);
});
