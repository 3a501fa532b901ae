/**
 * The import page lists the first 200 faults of a file; the dry run's faults also come as a spreadsheet
 * that holds every one of them, as the dry run's JSON says them: by sheet, row and column, the header
 * rows' faults first, worded in the language asked for. Making it changes nothing.
 */
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { vocabulary } from '../../common/vocabulary/index.ts';
import { createApi } from '../../src/api/app.ts';
import { parseCsv } from '../support/csv.ts';
import { sheetRows } from '../support/sheet-rows.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { sessionCookieFor } from '../support/sessions.ts';
import { apiClient, type ApiCall } from './client.ts';

const FAULTY_ROWS = 250;

/** Deliveries with a category the register does not know, under a column the template does not have: a fault a row and one of the header row. */
const csvFile = [
  'Eigen kenmerk;Titel;Soort steun;Categorie;Financieringsbron;Opmerking intern',
  ...Array.from({ length: FAULTY_ROWS }, (_, index) => `FOUT-${index};Generatoren ${index};Directe levering uit voorraad;Geen categorie;Defensiebegroting;zie map`),
].join('\r\n');
const upload = { fileName: 'leveringen met fouten.csv', content: Buffer.from(`\uFEFF${csvFile}\r\n`).toString('base64') };

type Line = [string, number, string | null, string | null, string | null, string];

describeEachDatabase('the faults of a dry run as a spreadsheet', (database) => {
  let registrar: ApiCall;
  beforeAll(() => {
    registrar = apiClient(database().db, { role: 'registrar' });
  });

  /** The faults as the dry run's JSON says them, in the language asked for: each a line of the file. */
  async function faultsOfDryRun(language: 'nl' | 'en'): Promise<Line[]> {
    const dryRun = await registrar('POST', '/imports/dry-run', upload, { 'Accept-Language': language });
    expect(dryRun.status).toBe(200);
    const places = [...dryRun.body.headerFaults.map((header: any) => ({ ...header, reference: null })), ...dryRun.body.rows];
    return places.flatMap((place: any) => place.faults.map((fault: any): Line => [place.sheetName, place.rowNumber, fault.columnLetter, fault.column || null, place.reference, fault.reason]));
  }

  async function faultsFile(query: string, headers: Record<string, string> = {}): Promise<Response> {
    const { db } = database();
    return createApi({ db }).request(`/imports/dry-run/faults?${query}`, {
      method: 'POST',
      headers: { Cookie: await sessionCookieFor(db, 'registrar'), 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(upload),
    });
  }

  const csvLines = (text: string, separator: string) =>
    parseCsv(text, separator)
      .slice(1)
      .map(([sheet, row, letter, column, reference, reason]) => [sheet, Number(row), letter || null, column || null, reference || null, reason]);

  it('holds every fault, more than the page lists, in XLSX and both CSV dialects, in Dutch and in English', async () => {
    const dutch = await faultsOfDryRun('nl');
    // A fault per row, and the header row's unknown column first.
    expect(dutch).toHaveLength(FAULTY_ROWS + 1);
    expect(dutch[0]).toEqual(['leveringen met fouten.csv', 1, 'F', 'Opmerking intern', null, expect.stringContaining('Het sjabloon kent deze kolom niet')]);
    expect(dutch[1]).toEqual(['leveringen met fouten.csv', 2, 'D', 'Categorie', 'FOUT-0', expect.any(String)]);
    const headings = (language: 'nl' | 'en') => {
      const words = vocabulary(language).spreadsheetExport.headings;
      return [words.sheet, words.row, words.columnLetter, words.columnHeading, words.externalReference, words.fault];
    };

    const excel = await faultsFile('format=csv');
    expect(excel.status).toBe(200);
    expect(excel.headers.get('content-disposition')).toMatch(/^attachment; filename="importfouten-\d{4}-\d{2}-\d{2}\.csv"$/);
    const excelText = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await excel.arrayBuffer());
    expect(excelText.startsWith('\uFEFF')).toBe(true);
    expect(parseCsv(excelText.slice(1), ';')[0]).toEqual(headings('nl'));
    expect(csvLines(excelText.slice(1), ';')).toEqual(dutch);

    const rfc = await faultsFile('format=csv&dialect=rfc4180');
    expect(csvLines(await rfc.text(), ',')).toEqual(dutch);

    const english = await faultsOfDryRun('en');
    expect(english.map((line) => line[5])).not.toEqual(dutch.map((line) => line[5]));
    for (const response of [await faultsFile('format=xlsx&lang=en'), await faultsFile('format=xlsx', { 'Accept-Language': 'en' })]) {
      expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await response.arrayBuffer());
      const sheet = workbook.worksheets[0]!;
      expect(sheet.name).toBe('Import faults');
      const rows = sheetRows(sheet, 6);
      expect(rows[0]).toEqual(headings('en'));
      expect(rows.slice(1)).toEqual(english);
    }
  });

  it('changes nothing, and is refused for what is no file and to a role that may not import', async () => {
    const { db } = database();
    const counts = async () => (await sql<{ deliveries: string; events: string }>`select (select count(*) from delivery) as deliveries, (select count(*) from audit_event) as events`.execute(db)).rows[0];
    const before = await counts();
    expect((await faultsFile('format=xlsx')).status).toBe(200);
    expect(await counts()).toEqual(before);

    const notAFile = await registrar('POST', '/imports/dry-run/faults?format=csv', { fileName: 'leeg.csv', content: '' });
    expect(notAFile.status).toBe(400);
    expect(notAFile.body.invalidParams).toEqual([expect.objectContaining({ name: 'content' })]);
    expect((await apiClient(db, { role: 'auditor' })('POST', '/imports/dry-run/faults?format=csv', upload)).status).toBe(403);
    expect((await registrar('POST', '/imports/dry-run/faults?format=pdf', upload)).status).toBe(400);
  });
});
