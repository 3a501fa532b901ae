/**
 * The columns of the deliveries list's export that the register computes (stage, value, disclosure,
 * demonstration) are never imported: a cell of one that says other than what the register computes of its
 * delivery is a fault at that cell, saying what computes the column and what to do instead, so that no value
 * typed there is dropped unseen. An untouched export says exactly what the register computes, however it was
 * written (XLSX or either CSV dialect, Dutch or English), and a blank cell says nothing.
 */
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import { procurement, stockDelivery } from '../support/deliveries.ts';
import { asUpload, deliveriesExport } from '../support/import-files.ts';
import { sheetRows } from '../support/sheet-rows.ts';
import { apiClient, type ApiCall } from './client.ts';

type Fault = { field: string; code: string; column: string; columnLetter: string | null; reason: string };
type Row = { rowNumber: number; outcome: string; faults: Fault[] };

describeEachDatabase('the columns of the deliveries export the register computes, imported back', (database) => {
  let registrar: ApiCall;
  const marker = `Berekend${Date.now()}`;
  // Valued with thousands in it; bought and not yet paid (worth € 0,00); neither dated (no stage), decided confidential and demonstration data.
  const titles = { valued: `${marker} generatoren`, unpaid: `${marker} munitie`, undated: `${marker} tenten` };

  beforeAll(async () => {
    const { db } = database();
    registrar = apiClient(db, { role: 'registrar' });
    const created = await Promise.all([
      registrar('POST', '/deliveries', { ...stockDelivery, title: titles.valued }),
      registrar('POST', '/deliveries', { ...procurement, title: titles.unpaid }),
      registrar('POST', '/deliveries', { ...stockDelivery, title: titles.undated, committedAt: undefined, realisedAt: undefined }),
    ]);
    expect(created.map((response) => response.status)).toEqual([201, 201, 201]);
    const valued = await registrar('POST', `/deliveries/${created[0].body.id}/valuations`, { amountCents: 123_456_789, basis: 'replacementValue', effectiveDate: '2025-04-15' }, { 'If-Match': created[0].headers.get('ETag')! });
    expect(valued.status).toBe(201);
    const decided = await apiClient(db, { role: 'disclosureOfficer' })('POST', '/disclosure-decisions', { deliveryIds: [created[2].body.id], state: 'confidential', ground: 'stateSecurity' });
    expect(decided.status, JSON.stringify(decided.body)).toBeLessThan(300);
    // Only loading the demonstration data makes a delivery demonstration data: no route does.
    await sql`update delivery set is_demonstration = true where id = ${created[2].body.id}`.execute(db);
  });

  const exported = (format: 'xlsx' | 'csv', language: 'nl' | 'en', dialect: 'excel-nl' | 'rfc4180' = 'excel-nl') => deliveriesExport(database().db, marker, format, language, dialect);
  const dryRun = async (bytes: Uint8Array, fileName: string, language: 'nl' | 'en' = 'nl') => {
    const response = await registrar('POST', '/imports/dry-run', asUpload(bytes, fileName), { 'Accept-Language': language });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body as { counts: Record<string, number>; rows: Row[]; headerFaults: unknown[] };
  };
  /** The reasons of the faults, their non-breaking spaces (after the euro sign) as spaces. */
  const reasonsOf = (row: Row) => row.faults.map((fault) => fault.reason.replace(/\s/g, ' '));
  const faultsOf = (rows: Row[]) => rows.flatMap((row) => row.faults.map((fault) => [row.rowNumber, fault.field, fault.code, fault.column, fault.columnLetter]));

  /** A CSV export as its lines of cells, edited by its headings and the title of a row, and written again. */
  const editedCsv = (text: string, separator: string, edits: Record<string, Record<string, string>>) => {
    const lines = text.replace(/^\uFEFF/, '').split('\r\n').filter((line) => line !== '');
    const [headings, ...rows] = lines.map((line) => {
      expect(line).not.toContain('"');
      return line.split(separator);
    });
    for (const [title, cells] of Object.entries(edits)) {
      const row = rows.find((cells) => cells[0] === title)!;
      for (const [heading, value] of Object.entries(cells)) row[headings!.indexOf(heading)] = value;
    }
    return new TextEncoder().encode([headings, ...rows].map((cells) => cells!.join(separator)).join('\r\n'));
  };

  it('imports back unchanged, untouched, in XLSX and CSV (both dialects), in Dutch and English', async () => {
    for (const [format, language, dialect] of [['xlsx', 'nl'], ['csv', 'nl'], ['csv', 'nl', 'rfc4180'], ['xlsx', 'en'], ['csv', 'en'], ['csv', 'en', 'rfc4180']] as const) {
      const report = await dryRun(await exported(format, language, dialect), `leveringen.${format}`);
      expect(report.headerFaults, `${format} ${language} ${dialect ?? ''}`).toEqual([]);
      expect(report.counts, `${format} ${language} ${dialect ?? ''}`).toMatchObject({ create: 0, unchanged: 3, invalid: 0 });
    }
  });

  it('says of each cell changed in a CSV file that the register computes its column, and what to do instead', async () => {
    const text = new TextDecoder().decode(await exported('csv', 'nl'));
    expect(text).toContain(';1234567,89;');
    const edited = editedCsv(text, ';', {
      [titles.valued]: { 'Waarde (EUR)': '2000000,00', Demonstratiegegevens: 'Ja' },
      [titles.unpaid]: { Fase: 'Geleverd' },
      [titles.undated]: { Openbaarheid: 'Openbaar', Fase: 'Toegezegd' },
    });
    const report = await dryRun(edited, 'gewijzigd.csv');
    expect(report.counts).toMatchObject({ create: 0, unchanged: 0, invalid: 3 });
    const rowOf = (title: string) => report.rows[text.replace(/^\uFEFF/, '').split('\r\n').slice(1).findIndex((line) => line.startsWith(`${title};`))]!;
    expect(faultsOf([rowOf(titles.valued)])).toEqual([
      [rowOf(titles.valued).rowNumber, 'valueCents', 'computedColumn', 'Waarde (EUR)', 'M'],
      [rowOf(titles.valued).rowNumber, 'isDemonstration', 'computedColumn', 'Demonstratiegegevens', 'O'],
    ]);
    expect(faultsOf([rowOf(titles.unpaid)])).toEqual([[rowOf(titles.unpaid).rowNumber, 'stage', 'computedColumn', 'Fase', 'L']]);
    expect(faultsOf([rowOf(titles.undated)])).toEqual([
      [rowOf(titles.undated).rowNumber, 'stage', 'computedColumn', 'Fase', 'L'],
      [rowOf(titles.undated).rowNumber, 'disclosureState', 'computedColumn', 'Openbaarheid', 'N'],
    ]);
    const [value, demonstration] = reasonsOf(rowOf(titles.valued));
    expect(value).toContain('het register heeft hier € 1.234.567,89, dit bestand € 2.000.000,00');
    expect(value).toContain('Leg een nieuwe waardering vast op het blad Waarderingen');
    expect(demonstration).toContain('het register heeft hier "Nee", dit bestand "Ja"');
    expect(reasonsOf(rowOf(titles.unpaid))[0]).toContain('het register heeft hier "Juridisch verplicht", dit bestand "Geleverd"');
    const [stage, disclosure] = reasonsOf(rowOf(titles.undated));
    expect(stage).toContain('het register heeft hier (leeg), dit bestand "Toegezegd"');
    expect(stage).toContain('Juridisch verplicht op');
    expect(disclosure).toContain('Over de openbaarheid beslist Openbaarmakingsfunctionaris in het register');

    // In English, for whoever asks in English.
    const english = await dryRun(edited, 'gewijzigd.csv', 'en');
    expect(english.rows.flatMap(reasonsOf)).toContainEqual(expect.stringContaining('the register holds €1,234,567.89 here, this file €2,000,000.00. Record a new valuation on the Valuations sheet'));
  });

  it('takes a value as the export wrote it or as a person types it, a label in either language, and a blank cell as saying nothing', async () => {
    for (const [dialect, separator, value] of [['excel-nl', ';', '€ 1.234.567,89'], ['rfc4180', ',', '1234567.89']] as const) {
      const text = new TextDecoder().decode(await exported('csv', 'en', dialect));
      const edited = editedCsv(text, separator, {
        [titles.valued]: { 'Value (EUR)': value, Stage: 'Gerealiseerd', Disclosure: 'nog niet besloten', 'Demonstration data': 'nee' },
        [titles.unpaid]: { 'Value (EUR)': '', Stage: '', Disclosure: '' },
        [titles.undated]: { 'Value (EUR)': '0', Disclosure: 'VERTROUWELIJK', 'Demonstration data': 'Ja' },
      });
      const report = await dryRun(edited, 'getypt.csv');
      expect(faultsOf(report.rows), dialect).toEqual([]);
      expect(report.counts, dialect).toMatchObject({ unchanged: 3, invalid: 0 });
    }
  });

  it('says so of a cell changed in a workbook, at its column, and quotes what reads as no value of the column', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await exported('xlsx', 'en')).buffer);
    const sheet = workbook.worksheets[0]!;
    const [headings] = sheetRows(sheet, sheet.columnCount);
    const cellOf = (title: string, heading: string) => {
      const rowNumber = [...Array(sheet.rowCount).keys()].map((index) => index + 1).find((number) => sheet.getRow(number).getCell(1).text === title)!;
      return sheet.getRow(rowNumber).getCell(headings!.indexOf(heading) + 1);
    };
    expect(cellOf(titles.valued, 'Value (EUR)').value).toBe(1234567.89);
    // The number the cell holds, in its own format; a typed amount equal to the register's; another typed as a word.
    cellOf(titles.valued, 'Value (EUR)').value = 1234567.8;
    cellOf(titles.unpaid, 'Value (EUR)').value = '€ 0,00';
    cellOf(titles.undated, 'Value (EUR)').value = 'lots';
    cellOf(titles.undated, 'Stage').value = null;
    cellOf(titles.unpaid, 'Disclosure').value = 'Public';
    const report = await dryRun(new Uint8Array(await workbook.xlsx.writeBuffer()), 'changed.xlsx', 'en');
    const rowNumber = (title: string) => cellOf(title, 'Title').row;
    expect(faultsOf(report.rows).toSorted((a, b) => Number(a[0]) - Number(b[0]))).toEqual(
      [
        [rowNumber(titles.valued), 'valueCents', 'computedColumn', 'Value (EUR)', 'M'],
        [rowNumber(titles.unpaid), 'disclosureState', 'computedColumn', 'Disclosure', 'N'],
        [rowNumber(titles.undated), 'valueCents', 'computedColumn', 'Value (EUR)', 'M'],
      ].toSorted((a, b) => Number(a[0]) - Number(b[0])),
    );
    const reasons = report.rows.flatMap(reasonsOf);
    expect(reasons).toContainEqual(expect.stringContaining('the register holds €1,234,567.89 here, this file €1,234,567.80.'));
    expect(reasons).toContainEqual(expect.stringContaining('the register holds €0.00 here, this file "lots".'));
    expect(reasons).toContainEqual(expect.stringContaining('the register holds "Not yet decided" here, this file "Public". Disclosure officer decides on disclosure in the register'));
  });

  it('says of a computed column filled in for a new delivery that the register computes it, and that the cell is to be left empty', async () => {
    const headings = ['Eigen kenmerk', 'Titel', 'Soort steun', 'Categorie', 'Financieringsbron', 'Toegezegd op', 'Fase', 'Waarde (EUR)', 'Openbaarheid', 'Demonstratiegegevens'];
    const csv = [headings, [`${marker}-NIEUW-1`, `${marker} nieuw`, 'stock', 'nonLethal', 'ukraineSupportBudget', '2025-03-01', 'Toegezegd', '1.000,00', '', 'Nee']].map((cells) => cells.join(';')).join('\r\n');
    const report = await dryRun(new TextEncoder().encode(csv), 'nieuw.csv');
    expect(report.counts).toMatchObject({ create: 0, invalid: 1 });
    expect(faultsOf(report.rows)).toEqual([
      [2, 'stage', 'computedColumn', 'Fase', 'G'],
      [2, 'valueCents', 'computedColumn', 'Waarde (EUR)', 'H'],
      [2, 'isDemonstration', 'computedColumn', 'Demonstratiegegevens', 'J'],
    ]);
    const [stage, value, demonstration] = reasonsOf(report.rows[0]!);
    expect(stage).toContain('een import neemt "Toegezegd" niet over, dus maak deze cel leeg. Vul de datum van die fase in');
    expect(value).toContain('een import neemt € 1.000,00 niet over, dus maak deze cel leeg. Zet de waarde als waardering op het blad Waarderingen');
    expect(demonstration).toContain('een import neemt "Nee" niet over, dus maak deze cel leeg. Een geïmporteerde levering is nooit demonstratiegegevens.');
    // Nor is one filled in on the template's example row skipped as the example.
    const onExample = [headings, ['VOORBEELD / EXAMPLE', '', '', '', '', '', '', '1.000,00', '', ''], [`${marker}-NIEUW-2`, `${marker} nieuw`, 'stock', 'nonLethal', 'ukraineSupportBudget']].map((cells) => cells.join(';')).join('\r\n');
    expect(faultsOf((await dryRun(new TextEncoder().encode(onExample), 'voorbeeld.csv')).rows)).toEqual([
      [2, 'externalReference', 'exampleRowFilledIn', 'Eigen kenmerk', 'A'],
      [2, 'valueCents', 'computedColumn', 'Waarde (EUR)', 'H'],
    ]);
    // Left empty, the row is imported as any other.
    const emptied = csv.replace(/;Toegezegd;1\.000,00;;Nee$/, ';;;;');
    expect((await dryRun(new TextEncoder().encode(emptied), 'nieuw.csv')).counts).toMatchObject({ create: 1, invalid: 0 });
  });
});
