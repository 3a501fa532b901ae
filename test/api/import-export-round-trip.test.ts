/**
 * The deliveries list's export imports back: each row names its delivery by the column Id, so a file that
 * says what the register holds is unchanged and changes nothing; the columns the register computes (stage,
 * value, disclosure, demonstration) say what it computes (see import-export-computed.test.ts); a cell changed in the spreadsheet is a fault, as it is
 * for a row under its own reference, and so is an id the register does not have.
 */
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { importTemplate } from '../../src/import/template.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { procurement, stockDelivery } from '../support/deliveries.ts';
import { asUpload, deliveriesExport } from '../support/import-files.ts';
import { apiClient, type ApiCall } from './client.ts';

describeEachDatabase('the deliveries export imported back', (database) => {
  let registrar: ApiCall;
  const marker = `Rondreis${Date.now()}`;

  beforeAll(async () => {
    registrar = apiClient(database().db, { role: 'registrar' });
    const created = await Promise.all([
      // Texts that a spreadsheet would run as a formula: the CSV export gives them an apostrophe, which the import takes away.
      registrar('POST', '/deliveries', { ...stockDelivery, title: `-20 graden ${marker} slaapzakken`, pledgedAt: '2025-02-01' }),
      registrar('POST', '/deliveries', { ...procurement, title: `${marker} munitie`, publicTitle: '+5 extra', quantity: 1000, unit: 'stuks' }),
    ]);
    expect(created.map((response) => response.status)).toEqual([201, 201]);
    const valued = await registrar('POST', `/deliveries/${created[0].body.id}/valuations`, { amountCents: 123_456, basis: 'replacementValue', effectiveDate: '2025-04-15' }, { 'If-Match': created[0].headers.get('ETag')! });
    expect(valued.status).toBe(201);
  });

  const exported = (format: 'xlsx' | 'csv', language: 'nl' | 'en', dialect: 'excel-nl' | 'rfc4180' = 'excel-nl') => deliveriesExport(database().db, marker, format, language, dialect);
  const deliveryCount = async () => Number((await sql<{ count: string }>`select count(*) from delivery`.execute(database().db)).rows[0]!.count);
  const auditLength = async () => Number((await sql<{ count: string }>`select count(*) from audit_event`.execute(database().db)).rows[0]!.count);

  it('is unchanged, in XLSX and CSV (both dialects), in Dutch and English, and creates nothing', async () => {
    for (const [format, language, dialect] of [['xlsx', 'nl'], ['csv', 'nl'], ['csv', 'nl', 'rfc4180'], ['xlsx', 'en'], ['csv', 'en'], ['csv', 'en', 'rfc4180']] as const) {
      const file = asUpload(await exported(format, language, dialect), `leveringen.${format}`);
      const dryRun = await registrar('POST', '/imports/dry-run', file);
      expect(dryRun.status, `${format} ${language}`).toBe(200);
      expect(dryRun.body.headerFaults, `${format} ${language}`).toEqual([]);
      expect(dryRun.body.counts, `${format} ${language}`).toMatchObject({ create: 0, unchanged: 2, invalid: 0 });
      const [deliveriesBefore, eventsBefore] = [await deliveryCount(), await auditLength()];
      const committed = await registrar('POST', '/imports', { ...file, mode: 'allOrNothing' });
      expect(committed.body).toMatchObject({ committed: false, importId: null, counts: { create: 0, unchanged: 2, invalid: 0 } });
      expect([await deliveryCount(), await auditLength()]).toEqual([deliveriesBefore, eventsBefore]);
    }
  });

  it('is unchanged where a text starts with an apostrophe of its own before a formula, in XLSX and CSV (both dialects)', async () => {
    const apostrophes = `Apostrof${Date.now()}`;
    const titles = [`'=QA ${apostrophes}`, `''+5 ${apostrophes}`];
    for (const title of titles) expect((await registrar('POST', '/deliveries', { ...stockDelivery, title })).status).toBe(201);
    for (const [format, dialect] of [['xlsx', 'excel-nl'], ['csv', 'excel-nl'], ['csv', 'rfc4180']] as const) {
      const file = asUpload(await deliveriesExport(database().db, apostrophes, format, 'nl', dialect), `leveringen.${format}`);
      const dryRun = await registrar('POST', '/imports/dry-run', file);
      expect(dryRun.body.counts, `${format} ${dialect}`).toMatchObject({ create: 0, unchanged: 2, invalid: 0 });
    }
  });

  it('says which cell says something else than the register, and which id the register does not have', async () => {
    const csv = new TextDecoder().decode(await exported('csv', 'nl'));
    const [header, ...rows] = csv.split('\r\n').filter((line) => line !== '' && !line.startsWith('sep='));
    const ids = rows.map((line) => line.split(';').at(-1)!.replaceAll('"', ''));
    const changed = [header, rows[0]!.replace(`${marker} `, `${marker} gewijzigd `), rows[1]!.replaceAll(ids[1]!, crypto.randomUUID())].join('\r\n');
    const dryRun = await registrar('POST', '/imports/dry-run', asUpload(new TextEncoder().encode(changed), 'gewijzigd.csv'), { 'Accept-Language': 'nl' });
    expect(dryRun.body.counts).toMatchObject({ create: 0, unchanged: 0, invalid: 2 });
    expect(dryRun.body.rows.map((row: { faults: { field: string; code: string; column: string }[] }) => row.faults.map(({ field, code, column }) => [field, code, column]))).toEqual([
      [['title', 'differsFromRegister', 'Titel']],
      [['id', 'unknownDeliveryId', 'Id']],
    ]);
  });

  it('says so of a delivery deleted since the export', async () => {
    const gone = await registrar('POST', '/deliveries', { ...stockDelivery, title: `${marker}-weg helmen` });
    const file = asUpload(await deliveriesExport(database().db, `${marker}-weg`, 'csv', 'nl'), 'weg.csv');
    expect((await registrar('POST', '/imports/dry-run', file)).body.counts).toMatchObject({ unchanged: 1, invalid: 0 });
    expect((await registrar('DELETE', `/deliveries/${gone.body.id}`, undefined, { 'If-Match': gone.headers.get('ETag')! })).status).toBe(204);
    const dryRun = await registrar('POST', '/imports/dry-run', file);
    expect(dryRun.body.counts).toMatchObject({ create: 0, unchanged: 0, invalid: 1 });
    expect(dryRun.body.rows[0].faults.map((fault: { code: string }) => fault.code)).toEqual(['unknownDeliveryId']);
  });

  it('leaves the template as it was: its sheet of deliveries has no column Id', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await importTemplate()).buffer);
    const headers = (workbook.getWorksheet('Leveringen (Deliveries)')!.getRow(1).values as unknown[]).filter((value) => typeof value === 'string');
    expect(headers[0]).toBe('Eigen kenmerk / External reference');
    expect(headers.filter((header) => /\bid\b/i.test(header as string))).toEqual([]);
  });
});
