/**
 * The licensing officer imports the export licences already issued from a spreadsheet: each issued by the
 * domain's own rules on its delivery's latest assessment in the register, which must be positive (assessments
 * are never imported). A row the rules refuse is named by row and column, another role's rows are refused as
 * such, a command run on the server imports them as the system, and the same file again changes nothing.
 */
import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { systemContext } from '../../src/audit/trail.ts';
import { verifyAuditTrail } from '../../src/audit/verify.ts';
import { commitImport, dryRunImport } from '../../src/register/import.ts';
import { downloadedTemplate, filledTemplate, type SheetRows } from '../support/import-files.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { positiveAssessment } from '../support/export-control.ts';
import { apiClient, type ApiCall } from './client.ts';

describeEachDatabase('importing export licences', (database) => {
  let registrar: ApiCall;
  let licensing: ApiCall;
  let auditor: ApiCall;
  let template: Uint8Array;
  let file: { fileName: string; content: string };
  /** Artillery assessed positively on 10 March 2025, artillery assessed negatively, artillery not assessed. */
  const ids = { positive: '', negative: '', unassessed: '' };

  const upload = async (rows: SheetRows, fileName: string) => ({ fileName, content: Buffer.from(await filledTemplate(template, rows)).toString('base64') });
  const outcomes = (body: any) => body.rows.filter((row: any) => row.outcome !== 'example').map((row: any) => [row.reference, row.outcome, row.faults.map((fault: any) => `${fault.columnLetter} ${fault.code}`)]);
  const licencesOf = async (deliveryId: string) => (await licensing('GET', `/deliveries/${deliveryId}/export-control`)).body.licences as any[];

  // A reference, B delivery, C number, D issued on, E valid until, F Military List, G UN Register, H quantity, I value, J importing state, K withheld, L conditions.
  const licenceRows = (): SheetRows => ({
    'Vergunningen (Licences)': [
      ['VG-1', ids.positive, 'NL-IMP-2025-0001', '2025-03-12', '2026-03-12', 'ML2', 'III Artilleriesystemen van groot kaliber', 4, '€ 10.000.000', 'ua', null, 'Controle na levering.'],
      ['VG-2', ids.unassessed, 'NL-IMP-2025-0002', '2025-03-12', '2026-03-12', 'ML2', null, null, 1000, 'UA', null, null],
      ['VG-3', ids.negative, 'NL-IMP-2025-0003', '2025-03-12', '2026-03-12', 'ML2', null, null, 1000, 'UA', null, null],
      // Issued before its assessment, under the category of warships, for artillery.
      ['VG-4', ids.positive, 'NL-IMP-2025-0004', '2025-03-01', '2026-03-01', 'ML9 Oorlogsschepen en speciale marine-uitrusting', null, null, 1000, 'UA', null, null],
      ['VG-5', ids.positive, 'NL-IMP-2025-0005', '2025-03-12', '2026-03-12', 'ML2', null, null, 1000, 'RU', 'Nationale veiligheid', null],
    ],
  });

  beforeAll(async () => {
    const { db } = database();
    registrar = apiClient(db, { role: 'registrar' });
    licensing = apiClient(db, { role: 'licensingOfficer' });
    auditor = apiClient(db, { role: 'auditor' });
    const assessor = apiClient(db, { role: 'exportControlAssessor' });
    template = await downloadedTemplate(db, 'licensingOfficer');
    for (const key of Object.keys(ids) as (keyof typeof ids)[]) {
      const created = await registrar('POST', '/deliveries', { title: `Houwitsers (vergunning ${key})`, category: 'largeCalibreArtillery', supportType: 'stock', fundingSource: 'ukraineSupportBudget', quantity: 4 });
      expect(created.status).toBe(201);
      ids[key] = created.body.id;
    }
    expect((await assessor('POST', `/deliveries/${ids.positive}/export-assessments`, positiveAssessment)).status).toBe(201);
    const criteria = positiveAssessment.criteria.map((entry) => (entry.criterion === 2 ? { ...entry, finding: 'objection' } : entry));
    expect((await assessor('POST', `/deliveries/${ids.negative}/export-assessments`, { ...positiveAssessment, criteria, outcome: 'negative' })).status).toBe(201);
    file = await upload(licenceRows(), 'vergunningen.xlsx');
  });

  it('has a sheet of licences in the template, with choice lists for the categories and the demonstration’s licence as its example', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(template) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Vergunningen (Licences)')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'Eigen kenmerk / External reference',
      'Kenmerk levering / Delivery reference',
      'Vergunningnummer / Licence number',
      'Verleend op / Issued on',
      'Geldig tot en met / Valid until',
      'Categorie Militaire Lijst / Military List category',
      'Categorie VN-register / UN Register category',
      'Toegestaan aantal / Quantity authorised',
      'Toegestane waarde (€) / Value authorised (€)',
      'Importerende staat / Importing state',
      'Niet in het ATT-rapport (grond) / Withheld from the ATT report (ground)',
      'Voorwaarden / Conditions',
    ]);
    expect(sheet.getCell('A2').value).toBe('VOORBEELD / EXAMPLE');
    expect(sheet.getCell('C2').value).toBe('DEMO-NL-2025-0002');
    expect(sheet.getCell('F2').value).toBe('ML6 Grondvoertuigen en onderdelen');
    expect(sheet.getCell('I2').value).toBe(300_000_000);
    for (const cell of ['F2', 'G2', 'K2']) expect(sheet.getCell(cell).dataValidation).toMatchObject({ type: 'list' });
  });

  it('refuses the registrar the rows of the licensing officer’s sheet', async () => {
    const dryRun = await registrar('POST', '/imports/dry-run', file, { 'Accept-Language': 'en' });
    expect(dryRun.body.counts).toMatchObject({ create: 0, invalid: 5 });
    expect(dryRun.body.rows.filter((row: any) => row.outcome !== 'example').every((row: any) => row.faults[0].code === 'sheetOfOtherRole')).toBe(true);
    expect(dryRun.body.rows.find((row: any) => row.reference === 'VG-1').faults).toEqual([
      expect.objectContaining({ reason: 'As Registrar you may not record the rows of the sheet Vergunningen (Licences); Licensing officer does. Have that role import these rows, or take them out of the file.' }),
    ]);
    expect(await licencesOf(ids.positive)).toEqual([]);
  });

  it('names in the dry run each licence rule a row breaks at its column, a delivery without a positive assessment at the delivery, and changes nothing', async () => {
    const dryRun = await licensing('POST', '/imports/dry-run', file, { 'Accept-Language': 'nl' });
    expect(dryRun.status).toBe(200);
    expect(outcomes(dryRun.body)).toEqual([
      ['VG-1', 'create', []],
      ['VG-2', 'invalid', ['B noAssessment']],
      ['VG-3', 'invalid', ['B assessmentNegative']],
      ['VG-4', 'invalid', ['D licenceBeforeAssessment', 'F militaryListNotOfGoods']],
      ['VG-5', 'invalid', ['J importingStateUnderEmbargo']],
    ]);
    const faultOf = (reference: string) => dryRun.body.rows.find((row: any) => row.reference === reference).faults[0];
    expect(faultOf('VG-2')).toMatchObject({ field: 'deliveryReference', column: 'Kenmerk levering / Delivery reference', reason: 'Deze levering is nog niet getoetst; een vergunning volgt op een positieve toetsing.' });
    const english = await licensing('POST', '/imports/dry-run', file, { 'Accept-Language': 'en' });
    expect(english.body.rows.find((row: any) => row.reference === 'VG-3').faults[0].reason).toBe('The assessment is negative: no licence is issued on a negative assessment.');
    expect(dryRun.body.rows.find((row: any) => row.reference === 'VG-1').values).toMatchObject({ militaryListCategory: 'ML2', unRegisterCategory: 'III', quantityAuthorised: 4, valueAuthorisedCents: 1_000_000_000 });
    for (const id of Object.values(ids)) expect(await licencesOf(id)).toEqual([]);
  });

  it('with only the valid rows issues the good licence on the latest assessment, audited as part of the import', async () => {
    const committed = await licensing('POST', '/imports', { ...file, mode: 'onlyValid' });
    expect(committed.body).toMatchObject({ committed: true, counts: { create: 1, invalid: 4 } });
    const control = (await licensing('GET', `/deliveries/${ids.positive}/export-control`)).body;
    expect(control.licences).toEqual([
      expect.objectContaining({ number: 'NL-IMP-2025-0001', assessmentId: control.assessments[0].id, issuedOn: '2025-03-12', militaryListCategory: 'ML2', unRegisterCategory: 'III', importingState: 'UA', valueAuthorisedCents: 1_000_000_000, conditions: 'Controle na levering.' }),
    ]);
    const importId = committed.body.importId;
    const trail = await auditor('GET', `/audit-events?importId=${importId}`);
    expect(trail.body.items.map((event: any) => [event.action, event.actor.role])).toEqual([
      ['import.commit', 'licensingOfficer'],
      ['licence.issue', 'licensingOfficer'],
    ]);
    expect(trail.body.items[0]).toMatchObject({ detail: { created: { exportLicence: 1 }, skippedRows: 4 } });
    expect(trail.body.items[1].detail).toEqual({ importId, sheet: 'exportLicence', row: 3, externalReference: 'VG-1' });
    expect((await verifyAuditTrail(database().db)).ok).toBe(true);
  });

  it('changes nothing when the same file comes again, and says so of a row that says something else under a known reference', async () => {
    const again = await licensing('POST', '/imports', { ...file, mode: 'onlyValid' });
    expect(again.body).toMatchObject({ committed: false, importId: null, counts: { create: 0, unchanged: 1, invalid: 4 } });
    expect((await licencesOf(ids.positive)).length).toBe(1);

    const changed = await upload({ 'Vergunningen (Licences)': [['VG-1', ids.positive, 'NL-IMP-2025-0001', '2025-03-12', '2026-06-12', 'ML2', 'III', 4, '€ 10.000.000', 'UA', null, 'Controle na levering.']] }, 'gewijzigd.xlsx');
    const dryRun = await licensing('POST', '/imports/dry-run', changed);
    expect(outcomes(dryRun.body)).toEqual([['VG-1', 'invalid', ['A differsFromEarlierImport']]]);
  });

  it('names beside a delivery not yet assessed every rule of the licence that needs no assessment', async () => {
    // Valid for six years, to a state under embargo, under the category of warships, with the number of the licence issued above.
    const faulty = await upload({ 'Vergunningen (Licences)': [['VG-6', ids.unassessed, 'nl-imp-2025-0001', '2025-03-12', '2031-03-12', 'ML9', null, null, 1000, 'RU', null, null]] }, 'zonder-toetsing.xlsx');
    const dryRun = await licensing('POST', '/imports/dry-run', faulty);
    expect(outcomes(dryRun.body)).toEqual([
      ['VG-6', 'invalid', ['B noAssessment', 'C licenceNumberTaken', 'E validityTooLong', 'F militaryListNotOfGoods', 'J importingStateUnderEmbargo']],
    ]);
    expect(await licencesOf(ids.unassessed)).toEqual([]);
  });

  it('lets a command run on the server issue the licences as the system, by the same rules', async () => {
    const { db } = database();
    const rows = await filledTemplate(template, {
      'Vergunningen (Licences)': [
        // The importing state left empty is Ukraine, as on the licence form.
        ['VG-CLI-1', ids.positive, 'NL-IMP-2025-0101', '2025-04-01', '2026-04-01', 'ML6', null, null, 2000, null, null, null],
        ['VG-CLI-2', ids.unassessed, 'NL-IMP-2025-0102', '2025-04-01', '2026-04-01', 'ML6', null, null, 2000, 'UA', null, null],
      ],
    });
    const upload = { fileName: 'systeem.xlsx', bytes: rows };
    const dryRun = await dryRunImport(db, systemContext('cli:beheer'), upload);
    expect(dryRun.rows.filter((row) => row.outcome !== 'example').map((row) => [row.reference, row.outcome, row.faults.map((fault) => fault.code)])).toEqual([
      ['VG-CLI-1', 'create', []],
      ['VG-CLI-2', 'invalid', ['noAssessment']],
    ]);
    expect(await commitImport(db, systemContext('cli:beheer'), upload, 'onlyValid')).toMatchObject({ committed: true, counts: { create: 1, invalid: 1 } });
    expect((await licencesOf(ids.positive)).map((licence) => [licence.number, licence.importingState]).toSorted()).toEqual([['NL-IMP-2025-0001', 'UA'], ['NL-IMP-2025-0101', 'UA']]);
  });
});
