/**
 * Finance imports its own records from a spreadsheet: budget commitments with their first stage and EPF
 * claims, each made by its domain's own rules and naming a delivery by its reference (of the file, an
 * earlier import, or its id). A row its domain refuses is named by row and column, as the API refuses
 * the same input; the registrar may not import these sheets, and the same file again changes nothing.
 */
import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { todayInAmsterdam } from '../../common/dates.ts';
import { verifyAuditTrail } from '../../src/audit/verify.ts';
import { downloadedTemplate, filledTemplate, type SheetRows } from '../support/import-files.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { apiClient, type ApiCall } from './client.ts';

const UNKNOWN_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';
const tomorrow = new Date(Date.parse(`${todayInAmsterdam()}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The registrar's delivery the finance rows name: from stock, worth € 100.000 from 1 June 2025. */
const REGISTRARS_DELIVERY: SheetRows = {
  'Leveringen (Deliveries)': [['FIN-1', 'Houwitsers (import)', 'Directe levering uit voorraad', 'Artillerie', 'Steunfonds Oekraïne', 4, 'stuks', null, null, '2025-06-01', null]],
  'Waarderingen (Valuations)': [['FIN-1-W', 'FIN-1', '€ 100.000', 'Vervangingswaarde', '2025-06-01']],
};

// Commitments: A reference, B title, C fund, D budget year, E delivery, F contract, G stage, H amount, I effective on, J note.
// Claims: A reference, B claim reference, C delivery, D batch, E period, F declared amount, G declared on, H note.
const FINANCE_ROWS: SheetRows = {
  'Verplichtingen (Commitments)': [
    ['VP-1', 'Munitie bij de houwitsers (import)', 'Steunfonds Oekraïne', 2025, 'fin-1', 'G2B-FIN-1', 'Juridisch verplicht', '€ 50.000', '2025-06-15', 'Eerste tranche.'],
    ['VP-2', 'Zonder bedrag', 'Steunfonds Oekraïne', 2025, null, null, 'Toegezegd', 0, '2025-06-15', null],
    ['VP-3', 'Jaar buiten de begroting', 'Defensiebegroting', 2099, null, null, 'Toegezegd', 1000, '2025-06-15', null],
    ['VP-4', 'Nog niet gebeurd', 'Defensiebegroting', 2025, null, null, 'pledged', 1000, '2099-01-01', null],
    ['VP-5', 'Morgen', 'Defensiebegroting', 2025, null, null, 'Toegezegd', 1000, tomorrow, null],
    ['VP-6', 'Bij een onbekende levering', 'Defensiebegroting', 2025, UNKNOWN_ID, null, 'Toegezegd', 1000, '2025-06-15', null],
  ],
  'EPF-declaraties (EPF claims)': [
    ['EPF-1', 'EPF-NL-FIN-1', 'FIN-1', null, 'jan. t/m jun. 2025', '€ 40.000', '2025-07-01', null],
    ['EPF-2', 'EPF-NL-FIN-2', 'ONBEKEND-7', null, 'jan. t/m jun. 2025', 1000, '2025-07-01', null],
    ['EPF-3', 'EPF-NL-FIN-3', null, 'Munitie, tweede helft 2025', 'jul. t/m dec. 2025', '€ 2.500', '2025-07-01', null],
  ],
};

describeEachDatabase('importing commitments and EPF claims', (database) => {
  let registrar: ApiCall;
  let finance: ApiCall;
  let auditor: ApiCall;
  let template: Uint8Array;
  let file: { fileName: string; content: string };

  const upload = async (rows: SheetRows, fileName: string) => ({ fileName, content: Buffer.from(await filledTemplate(template, rows)).toString('base64') });
  const outcomes = (body: any) => body.rows.filter((row: any) => row.outcome !== 'example').map((row: any) => [row.reference, row.outcome, row.faults.map((fault: any) => fault.code)]);
  const commitments = async () => (await finance('GET', `/budget/commitments?q=${encodeURIComponent('(import)')}`)).body.items;
  const claims = async () => (await finance('GET', '/epf/claims')).body.items.filter((claim: any) => claim.reference.startsWith('EPF-NL-FIN'));

  beforeAll(async () => {
    const { db } = database();
    registrar = apiClient(db, { role: 'registrar' });
    finance = apiClient(db, { role: 'finance' });
    auditor = apiClient(db, { role: 'auditor' });
    template = await downloadedTemplate(db, 'finance');
    // Handed over before the register was used: confirmed, no licence of the register covers it.
    const delivery = await registrar('POST', '/imports', { ...(await upload(REGISTRARS_DELIVERY, 'levering.xlsx')), confirm: ['shippedWithoutLicence'], mode: 'allOrNothing' });
    expect(delivery.body).toMatchObject({ committed: true, counts: { create: 2 } });
    file = await upload(FINANCE_ROWS, 'financien.xlsx');
  });

  it('refuses the registrar the rows of finance’s sheets', async () => {
    const dryRun = await registrar('POST', '/imports/dry-run', file, { 'Accept-Language': 'en' });
    expect(dryRun.body.counts).toMatchObject({ create: 0, invalid: 9 });
    expect(dryRun.body.rows.filter((row: any) => row.outcome !== 'example').every((row: any) => row.faults[0].code === 'sheetOfOtherRole')).toBe(true);
    expect(dryRun.body.rows.find((row: any) => row.reference === 'EPF-1').faults).toEqual([
      expect.objectContaining({ reason: 'As Registrar you may not record the rows of the sheet EPF-declaraties (EPF claims); Finance does. Have that role import these rows, or take them out of the file.' }),
    ]);
  });

  it('says per row in the dry run what would happen, naming every refusal by row and column as the API says it, and changes nothing', async () => {
    const dryRun = await finance('POST', '/imports/dry-run', file, { 'Accept-Language': 'nl' });
    expect(dryRun.status).toBe(200);
    expect(outcomes(dryRun.body)).toEqual([
      ['VP-1', 'create', []],
      ['VP-2', 'invalid', ['amountNotPositive']],
      ['VP-3', 'invalid', ['budgetYearOutOfRange']],
      ['VP-4', 'invalid', ['dateInFuture']],
      ['VP-5', 'invalid', ['dateInFuture']],
      ['VP-6', 'invalid', ['unknownDeliveryReference']],
      ['EPF-1', 'create', []],
      ['EPF-2', 'invalid', ['unknownDeliveryReference']],
      ['EPF-3', 'create', []],
    ]);
    const faultOf = (reference: string) => dryRun.body.rows.find((row: any) => row.reference === reference).faults[0];
    expect(faultOf('VP-2')).toMatchObject({ field: 'amountCents', columnLetter: 'H', reason: 'Vul een bedrag in van meer dan € 0,00.' });
    expect(faultOf('VP-3')).toMatchObject({ field: 'budgetYear', columnLetter: 'D', column: 'Begrotingsjaar / Budget year' });
    expect(faultOf('VP-4')).toMatchObject({ field: 'effectiveOn', columnLetter: 'I' });
    expect(faultOf('VP-6')).toMatchObject({ field: 'deliveryReference', columnLetter: 'E', reason: expect.stringContaining(UNKNOWN_ID) });
    expect(faultOf('EPF-2')).toMatchObject({ field: 'deliveryReference', columnLetter: 'C', reason: expect.stringContaining('ONBEKEND-7') });
    expect(dryRun.body.rows.find((row: any) => row.reference === 'VP-1').values).toMatchObject({ fund: 'ukraineSupportBudget', budgetYear: 2025, stage: 'committed', amountCents: 5_000_000, deliveryReference: 'fin-1' });

    // What a person types is refused as the API refuses it.
    const typed = { title: 'Direct ingevoerd', fund: 'defenceBudget', stage: 'pledged', amountCents: 100_000 };
    for (const [reference, input] of [
      ['VP-3', { ...typed, budgetYear: 2099, effectiveOn: '2025-06-15' }],
      ['VP-4', { ...typed, budgetYear: 2025, effectiveOn: '2099-01-01' }],
      ['VP-5', { ...typed, budgetYear: 2025, effectiveOn: tomorrow }],
    ] as const) {
      const refused = await finance('POST', '/budget/commitments', input, { 'Accept-Language': 'nl' });
      expect(refused.status).toBe(400);
      expect([faultOf(reference)]).toMatchObject(refused.body.invalidParams.map((param: any) => ({ field: param.name, code: param.code, reason: param.reason })));
    }

    expect(await commitments()).toEqual([]);
    expect(await claims()).toEqual([]);
  });

  it('refuses a claim for a period beyond this year at its column, as the API refuses it', async () => {
    const row = ['EPF-2099', 'EPF-NL-FIN-2099', null, 'Leveringen', 'sep. 2099', 1000, '2025-07-01', null];
    const dryRun = await finance('POST', '/imports/dry-run', await upload({ 'EPF-declaraties (EPF claims)': [row] }, 'periode.xlsx'), { 'Accept-Language': 'nl' });
    const refused = await finance('POST', '/epf/claims', { reference: 'EPF-NL-FIN-2099', batch: 'Leveringen', period: 'sep. 2099', declaredCents: 1000, declaredOn: '2025-07-01' }, { 'Accept-Language': 'nl' });
    expect(outcomes(dryRun.body)).toEqual([['EPF-2099', 'invalid', ['periodOutOfRange']]]);
    expect(dryRun.body.rows.find((row: any) => row.reference === 'EPF-2099').faults).toEqual([
      expect.objectContaining({ field: 'period', columnLetter: 'E', reason: refused.body.invalidParams[0].reason }),
    ]);
    expect(refused.body.invalidParams.map((param: any) => param.code)).toEqual(['periodOutOfRange']);
  });

  it('with only the valid rows creates exactly the good ones, each audited as part of the import', async () => {
    const committed = await finance('POST', '/imports', { ...file, mode: 'onlyValid' });
    expect(committed.body).toMatchObject({ committed: true, counts: { create: 3, unchanged: 0, invalid: 6 } });

    const delivery = (await registrar('GET', `/deliveries?q=${encodeURIComponent('Houwitsers (import)')}`)).body.items[0];
    expect(await commitments()).toEqual([
      expect.objectContaining({
        title: 'Munitie bij de houwitsers (import)',
        fund: 'ukraineSupportBudget',
        budgetYear: 2025,
        deliveryId: delivery.id,
        contractReference: 'G2B-FIN-1',
        amountCents: 5_000_000,
        stages: [expect.objectContaining({ stage: 'committed', amountCents: 5_000_000, effectiveOn: '2025-06-15', note: 'Eerste tranche.' })],
      }),
    ]);
    const byReference = (a: any, b: any) => (a.reference < b.reference ? -1 : 1);
    expect((await claims()).toSorted(byReference).map((claim: any) => [claim.reference, claim.deliveryId, claim.batch, claim.declaredCents, claim.trancheId])).toEqual([
      ['EPF-NL-FIN-1', delivery.id, '', 4_000_000, null],
      ['EPF-NL-FIN-3', null, 'Munitie, tweede helft 2025', 250_000, null],
    ]);

    const trail = await auditor('GET', `/audit-events?importId=${committed.body.importId}`);
    expect(trail.body.items.map((event: any) => [event.action, event.actor.role])).toEqual([
      ['import.commit', 'finance'],
      ['epf.claim.create', 'finance'],
      ['epf.claim.create', 'finance'],
      ['budgetCommitment.create', 'finance'],
    ]);
    expect(trail.body.items[0]).toMatchObject({ detail: { created: { delivery: 0, valuation: 0, payment: 0, budgetCommitment: 1, epfClaim: 2 }, skippedRows: 6 } });
    // Each record's own event names the import and the row it came from, as a delivery's and its money's do.
    const importId = committed.body.importId;
    expect(trail.body.items.slice(1).map((event: any) => event.detail)).toEqual([
      { importId, sheet: 'epfClaim', row: 5, externalReference: 'EPF-3' },
      { importId, sheet: 'epfClaim', row: 3, externalReference: 'EPF-1' },
      { importId, sheet: 'budgetCommitment', row: 3, externalReference: 'VP-1' },
    ]);
    const claim = (await claims()).find((item: any) => item.reference === 'EPF-NL-FIN-1');
    const history = await auditor('GET', `/audit-events?objectType=epfClaim&objectId=${claim.id}`);
    expect(history.body.items).toEqual([expect.objectContaining({ action: 'epf.claim.create', detail: { importId, sheet: 'epfClaim', row: 3, externalReference: 'EPF-1' } })]);
    expect((await verifyAuditTrail(database().db)).ok).toBe(true);
  });

  it('changes nothing when the same file comes again, and says so of a row that says something else under a known reference', async () => {
    const [before, claimsBefore] = [await commitments(), await claims()];
    const again = await finance('POST', '/imports', { ...file, mode: 'onlyValid' });
    expect(again.body).toMatchObject({ committed: false, importId: null, counts: { create: 0, unchanged: 3, invalid: 6 } });
    expect(await commitments()).toEqual(before);
    expect(await claims()).toEqual(claimsBefore);

    const changed = await upload({ 'Verplichtingen (Commitments)': [['VP-1', 'Munitie bij de houwitsers (import)', 'Steunfonds Oekraïne', 2025, 'FIN-1', 'G2B-FIN-1', 'Juridisch verplicht', '€ 60.000', '2025-06-15', 'Eerste tranche.']] }, 'gewijzigd.xlsx');
    const dryRun = await finance('POST', '/imports/dry-run', changed);
    expect(dryRun.body.rows.find((row: any) => row.reference === 'VP-1')).toMatchObject({ outcome: 'invalid', faults: [expect.objectContaining({ code: 'differsFromEarlierImport', field: 'externalReference' })] });
  });

  it('takes a commitment and a claim again as unchanged when they name their delivery by its id, and not when they name another', async () => {
    const delivery = (await registrar('GET', `/deliveries?q=${encodeURIComponent('Houwitsers (import)')}`)).body.items[0];
    const other = (await registrar('POST', '/deliveries', { title: 'Andere houwitsers', category: 'largeCalibreArtillery', supportType: 'stock', fundingSource: 'ukraineSupportBudget' })).body.id as string;
    const naming = (deliveryReference: string) =>
      upload(
        {
          'Verplichtingen (Commitments)': [['VP-1', 'Munitie bij de houwitsers (import)', 'Steunfonds Oekraïne', 2025, deliveryReference, 'G2B-FIN-1', 'Juridisch verplicht', '€ 50.000', '2025-06-15', 'Eerste tranche.']],
          'EPF-declaraties (EPF claims)': [['EPF-1', 'EPF-NL-FIN-1', deliveryReference, null, 'jan. t/m jun. 2025', '€ 40.000', '2025-07-01', null]],
        },
        'bij-id.xlsx',
      );
    const dryRun = async (deliveryReference: string) => outcomes((await finance('POST', '/imports/dry-run', await naming(deliveryReference))).body);
    expect(await dryRun(delivery.id)).toEqual([['VP-1', 'unchanged', []], ['EPF-1', 'unchanged', []]]);
    expect(await dryRun(delivery.id.toUpperCase())).toEqual([['VP-1', 'unchanged', []], ['EPF-1', 'unchanged', []]]);
    expect(await dryRun(other)).toEqual([['VP-1', 'invalid', ['differsFromEarlierImport']], ['EPF-1', 'invalid', ['differsFromEarlierImport']]]);
  });

  it('says of a commitment the same as an earlier row of the file that it is that row, in the dry run and the commit alike, and of one the same as a commitment of the register that it is in the register', async () => {
    const twin = ['Tweemaal dezelfde (import)', 'Defensiebegroting', 2025, null, 'G2B-TWEE-1', 'Toegezegd', '€ 1.000', '2025-06-20', null];
    const file = await upload(
      {
        'Verplichtingen (Commitments)': [
          ['VP-TWEE-1', ...twin],
          ['VP-TUSSEN', 'Een andere (import)', 'Defensiebegroting', 2025, null, null, 'Toegezegd', 2000, '2025-06-20', null],
          ['VP-TWEE-2', ...twin],
          // The same as VP-1, which an import above made: that one is in the register.
          ['VP-1-NOGMAALS', 'Munitie bij de houwitsers (import)', 'Steunfonds Oekraïne', 2025, 'fin-1', 'G2B-FIN-1', 'Juridisch verplicht', '€ 50.000', '2025-06-15', 'Eerste tranche.'],
        ],
      },
      'tweemaal.xlsx',
    );
    const firstRow = async () => (await finance('POST', '/imports/dry-run', file)).body.rows.find((row: any) => row.reference === 'VP-TWEE-1').rowNumber;
    const row = await firstRow();
    const faultsOf = (body: any) => body.rows.filter((candidate: any) => candidate.outcome === 'invalid').map((candidate: any) => [candidate.reference, candidate.faults.map((fault: any) => `${fault.columnLetter} ${fault.code}: ${fault.reason}`)]);
    for (const [language, sameRow, inRegister] of [
      ['nl', `Dit staat al op regel ${row} van dit blad, met precies dezelfde gegevens (hoofdletters, accenten, meerdere spaties, punten in afkortingen en letters die er hetzelfde uitzien tellen niet mee).`, 'Dit staat al in het register: op '],
      ['en', `This is on row ${row} of this sheet already, with exactly the same details (capitals, accents, several spaces, dots in abbreviations and letters that look the same do not count).`, 'This is already in the register: recorded on '],
    ] as const) {
      const dryRun = await finance('POST', '/imports/dry-run', file, { 'Accept-Language': language });
      expect(faultsOf(dryRun.body)).toEqual([
        ['VP-TWEE-2', [`B duplicateRow: ${sameRow}`]],
        ['VP-1-NOGMAALS', [expect.stringContaining(`B duplicateRecord: ${inRegister}`)]],
      ]);
    }
    const committed = await finance('POST', '/imports', { ...file, mode: 'onlyValid' }, { 'Accept-Language': 'en' });
    expect(committed.body).toMatchObject({ committed: true, counts: { create: 2, invalid: 2 } });
    expect(faultsOf(committed.body)[0]).toEqual(['VP-TWEE-2', [expect.stringContaining(`B duplicateRow: This is on row ${row} of this sheet already`)]]);
  });

  it('reads a claim’s period typed as a month, which Dutch Excel makes a date cell, as the cell shows it, and a date cell of a date column as its day whatever its format', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(template) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('EPF-declaraties (EPF claims)')!;
    const day = (date: string) => new Date(`${date}T00:00:00Z`);
    for (const [reference, month, format] of [['EPF-MAAND-1', '2025-09-01', 'mmmm yyyy'], ['EPF-MAAND-2', '2025-10-01', 'mmm-yy']] as const) {
      const added = sheet.addRow([reference, `EPF-NL-${reference}`, null, 'Munitie, per maand', day(month), 1000, day('2025-10-15'), null]);
      added.getCell('E').numFmt = format;
      added.getCell('G').numFmt = format;
    }
    const file = { fileName: 'maanden.xlsx', content: Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64') };
    const dryRun = await finance('POST', '/imports/dry-run', file);
    expect(dryRun.body.rows.filter((row: any) => row.reference?.startsWith('EPF-MAAND')).map((row: any) => [row.reference, row.outcome, row.values.period, row.values.declaredOn])).toEqual([
      ['EPF-MAAND-1', 'create', 'september 2025', '2025-10-15'],
      ['EPF-MAAND-2', 'create', 'okt-25', '2025-10-15'],
    ]);
  });

  it('names a commitment’s effective date after today beside a fund the register does not know, as the API does', async () => {
    const dryRun = await finance('POST', '/imports/dry-run', await upload({ 'Verplichtingen (Commitments)': [['VP-FONDS', 'Onbekend fonds', 'Ander fonds', 2025, null, null, 'Toegezegd', 1000, '2099-01-01', null]] }, 'fonds.xlsx'));
    expect(dryRun.body.rows.find((row: any) => row.reference === 'VP-FONDS').faults.map((fault: any) => `${fault.columnLetter} ${fault.field} ${fault.code}`)).toEqual(['C fund invalidChoice', 'I effectiveOn dateInFuture']);
    const refused = await finance('POST', '/budget/commitments', { title: 'Onbekend fonds', fund: 'anderFonds', budgetYear: 2025, stage: 'pledged', amountCents: 1000, effectiveOn: '2099-01-01' });
    expect(refused.body.invalidParams.map((param: any) => `${param.name} ${param.code}`).toSorted()).toEqual(['effectiveOn dateInFuture', 'fund invalidChoice']);
  });
});
