/**
 * Import through the API, as a registrar does it: the template, three rows of which one has a fault, a
 * dry run naming its row and column, a commit of the other two that changes the figures by exactly
 * their cents and is audited as one import, and the same file again changing nothing.
 */
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { zipSync } from 'fflate';
import { beforeAll, expect, it } from 'vitest';
import { todayInAmsterdam } from '../../common/dates.ts';
import { apiClient, type ApiCall } from './client.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { asUpload, filledTemplate, THREE_ROWS, THREE_ROWS_CENTS } from '../support/import-files.ts';
import { officeDocument, POWERPOINT_PRESENTATION, WORD_DOCUMENT } from '../support/office-files.ts';
import { referenceKey } from '../../common/text.ts';
import { verifyAuditTrail } from '../../src/audit/verify.ts';
import { createApi } from '../../src/api/app.ts';
import { sessionCookieFor } from '../support/sessions.ts';
import { headers, isoDate, number, rawWorkbook, row, text } from '../support/raw-workbook.ts';


describeEachDatabase('import', (database) => {
  let registrar: ApiCall;
  let auditor: ApiCall;
  let finance: ApiCall;
  let file: { fileName: string; content: string; confirm: string[] };

  let template: ArrayBuffer;

  beforeAll(async () => {
    const { db } = database();
    registrar = apiClient(db, { role: 'registrar' });
    auditor = apiClient(db, { role: 'auditor' });
    finance = apiClient(db, { role: 'finance' });
    // The client reads bodies as text; the workbook is read as the bytes it is.
    const response = await createApi({ db }).request('/imports/template', { headers: { Cookie: await sessionCookieFor(db, 'registrar') } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('.xlsx');
    template = await response.arrayBuffer();
    // Mortar grenades handed over before the register was used: confirmed, no licence of the register covers them.
    file = { ...asUpload(await filledTemplate(new Uint8Array(template), THREE_ROWS)), confirm: ['shippedWithoutLicence'] };
  });

  const stockToday = async () => {
    const today = todayInAmsterdam();
    const figures = await registrar('GET', `/figures?referenceDate=${today}&compareDate=2022-01-01`);
    return figures.body.rows.find((row: any) => row.supportType === 'stock').reference.cents as number;
  };
  const auditLength = async () => Number((await database().db.selectFrom('auditEvent').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('has a template with a sheet per kind of record, headers in both languages, choice lists and a labelled example row', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template);
    const deliveries = workbook.getWorksheet('Leveringen (Deliveries)')!;
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(expect.arrayContaining(['Leveringen (Deliveries)', 'Waarderingen (Valuations)', 'Betalingen (Payments)']));
    expect(deliveries.getCell('B1').value).toBe('Titel / Title');
    expect(deliveries.getCell('A2').value).toBe('VOORBEELD / EXAMPLE');
    expect(deliveries.getCell('C2').dataValidation).toMatchObject({ type: 'list' });
  });

  it("refuses the template's example filled in with a record under the example's reference, rather than skip it unnoticed; the examples as they came are skipped", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template);
    workbook.getWorksheet('Waarderingen (Valuations)')!.getCell('C2').value = 999;
    const filled = asUpload(new Uint8Array(await workbook.xlsx.writeBuffer()), 'voorbeeld.xlsx');
    const dryRun = await registrar('POST', '/imports/dry-run', filled, { 'Accept-Language': 'en' });
    expect(dryRun.body.counts).toMatchObject({ example: 10, invalid: 1, create: 0 });
    const [row] = dryRun.body.rows.filter((candidate: any) => candidate.outcome === 'invalid');
    expect([row.sheet, row.rowNumber, row.faults.map((fault: any) => `${fault.columnLetter} ${fault.code}`)]).toEqual(['valuation', 2, ['A exampleRowFilledIn']]);
    expect(row.faults[0].reason).toBe("This row has the example's reference (VOORBEELD / EXAMPLE) but other data than the example, so it is neither skipped nor imported; give it a reference of its own to import it, or remove it.");
  });

  it('walks a file through: dry run names the row and column of the fault, the commit imports the other two, audited; again it changes nothing', async () => {
    const before = await stockToday();
    const eventsBefore = await auditLength();

    const dryRun = await registrar('POST', '/imports/dry-run', file, { 'Accept-Language': 'nl' });
    expect(dryRun.status).toBe(200);
    expect(dryRun.body.counts).toEqual({ create: 2, unchanged: 0, invalid: 1, example: 11, notes: 0 });
    // The template's instructions are notes, not a table left out, and its sheet of choice lists is hidden.
    expect(dryRun.body.sheetsNotTaken).toEqual([]);
    const faulty = dryRun.body.rows.filter((row: any) => row.outcome === 'invalid');
    expect(faulty).toEqual([
      expect.objectContaining({
        sheet: 'payment',
        sheetName: 'Betalingen (Payments)',
        rowNumber: 3,
        reference: 'IMP-1-B',
        faults: [
          // Payments are finance's: the registrar is told so first, and what finance would be told too.
          expect.objectContaining({ field: 'sheet', code: 'sheetOfOtherRole', reason: 'Met de rol Registrator mag u geen regels van het blad Betalingen (Payments) vastleggen; dat doet Financiën. Laat deze regels door die rol importeren, of haal ze uit het bestand.' }),
          // Its delivery is from stock, which is valued, not paid: said at the delivery's reference, beside the amount's fault, not after it is mended.
          expect.objectContaining({ field: 'deliveryReference', columnLetter: 'B', code: 'paymentOnStock' }),
          expect.objectContaining({ field: 'amountCents', columnLetter: 'C', column: 'Bedrag (€) / Amount (€)', code: 'amountNotPositive', reason: 'Vul een bedrag in van meer dan € 0,00.' }),
        ],
      }),
    ]);
    expect(dryRun.body.rows.find((row: any) => row.reference === 'IMP-1-W').values).toMatchObject({ deliveryReference: 'IMP-1', amountCents: 123_456, basis: 'replacementValue', effectiveDate: '2025-06-01' });
    expect(await stockToday()).toBe(before);
    expect(await auditLength()).toBe(eventsBefore);

    // All or nothing with a fault: nothing.
    const refused = await registrar('POST', '/imports', { ...file, mode: 'allOrNothing' });
    expect(refused.body).toMatchObject({ committed: false, importId: null });
    expect(await stockToday()).toBe(before);

    const committed = await registrar('POST', '/imports', { ...file, mode: 'onlyValid' });
    expect(committed.status).toBe(200);
    expect(committed.body).toMatchObject({ committed: true, counts: { create: 2, invalid: 1 } });
    expect(await stockToday()).toBe(before + THREE_ROWS_CENTS);

    const trail = await auditor('GET', `/audit-events?objectType=import&objectId=${committed.body.importId}`);
    expect(trail.body.items).toEqual([expect.objectContaining({ action: 'import.commit', detail: expect.objectContaining({ created: { delivery: 1, valuation: 1, payment: 0, trainingProgramme: 0, trainingContribution: 0, readinessJudgement: 0, company: 0, industryContract: 0, budgetCommitment: 0, epfClaim: 0, exportLicence: 0 }, mode: 'onlyValid' }) })]);
    // The import's events: each record it created, naming the import, and the import's own event last.
    const ofImport = await auditor('GET', `/audit-events?importId=${committed.body.importId}`);
    expect(ofImport.body.items.map((event: any) => event.action)).toEqual(['import.commit', 'valuation.create', 'delivery.create']);
    expect(ofImport.body.items.slice(1).every((event: any) => event.detail.importId === committed.body.importId)).toBe(true);
    // The delivery it made has an id of version 7, as one made through the API (src/register/record-ids.ts).
    expect(ofImport.body.items.slice(1).map((event: any) => event.object.id)).toEqual(Array(2).fill(expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-7/)));
    expect((await auditor('GET', `/audit-events?importId=${crypto.randomUUID()}`)).body.items).toEqual([]);
    expect((await auditor('GET', '/audit-events?importId=not-an-id')).status).toBe(400);
    expect((await verifyAuditTrail(database().db)).ok).toBe(true);

    const eventsAfter = await auditLength();
    const again = await registrar('POST', '/imports', { ...file, mode: 'onlyValid' });
    expect(again.body).toMatchObject({ committed: false, importId: null, counts: { create: 0, unchanged: 2, invalid: 1 } });
    expect(await stockToday()).toBe(before + THREE_ROWS_CENTS);
    expect(await auditLength()).toBe(eventsAfter);
  });

  it('finds a row again whatever the case and spacing of its reference, within the file and in the register, and says when the register holds several under it', async () => {
    const { db } = database();
    const valuations = (...rows: string[]) =>
      asUpload(new TextEncoder().encode(['Eigen kenmerk;Kenmerk levering;Bedrag (€);Grondslag;Ingangsdatum', ...rows].join('\r\n')), 'waarderingen.csv');
    const imported = await db.selectFrom('importedRecord').select(['recordId']).where('sheet', '=', 'delivery').where('externalReference', '=', 'IMP-1').executeTakeFirstOrThrow();

    // IMP-1-W of the walk above, retyped; the second row names the same key again; the third names its delivery by its id in capitals.
    const retyped = await registrar(
      'POST',
      '/imports/dry-run',
      valuations('imp-1-w;Imp-1;€ 1.234,56;Vervangingswaarde;1-6-2025', 'IMP-1-W;IMP-1;€ 1.234,56;Vervangingswaarde;1-6-2025', `CASE-W;${imported.recordId.toUpperCase()};10;Vervangingswaarde;1-7-2025`),
      { 'Accept-Language': 'nl' },
    );
    expect(retyped.body.rows).toEqual([
      expect.objectContaining({ rowNumber: 2, outcome: 'unchanged', faults: [] }),
      expect.objectContaining({ rowNumber: 3, outcome: 'invalid', faults: [expect.objectContaining({ field: 'externalReference', code: 'duplicateReference', reason: expect.stringContaining('hoofdletters tellen niet mee, meerdere spaties als één') })] }),
      expect.objectContaining({ rowNumber: 4, outcome: 'create', faults: [] }),
    ]);

    // Records imported before the key ignored case and spacing: a reference spelled as one of them names it; another spelling cannot choose.
    const legacy = ['LEG-1', 'leg-1', 'Tab\tand\u00a0non-breaking  Space É'];
    await db.insertInto('importedRecord').values(legacy.map((externalReference) => ({ sheet: 'delivery', externalReference, recordId: imported.recordId, importId: crypto.randomUUID() }))).execute();
    try {
      const keys = await db.selectFrom('importedRecord').select(['externalReference', 'referenceKey']).where('externalReference', 'in', legacy).execute();
      expect(new Map(keys.map((row) => [row.externalReference, row.referenceKey]))).toEqual(new Map(legacy.map((reference) => [reference, referenceKey(reference)])));
      expect(referenceKey(legacy[2]!)).toBe('tab and non-breaking space É');

      const ambiguous = await registrar('POST', '/imports/dry-run', valuations('LEG-W1;Leg-1;10;Vervangingswaarde;1-7-2025', 'LEG-W2;LEG-1;10;Vervangingswaarde;1-8-2025'), { 'Accept-Language': 'en' });
      expect(ambiguous.body.rows).toEqual([
        expect.objectContaining({
          rowNumber: 2,
          outcome: 'invalid',
          faults: [expect.objectContaining({ field: 'deliveryReference', code: 'severalRecordsUnderReference', reason: expect.stringContaining('(LEG-1, leg-1)') })],
        }),
        expect.objectContaining({ rowNumber: 3, outcome: 'create', faults: [] }),
      ]);
    } finally {
      await db.deleteFrom('importedRecord').where('externalReference', 'in', legacy).execute();
    }
  });

  it('reads a reference in the one Unicode form the register keeps it in, so that a row typed in fullwidth or with another space is the same row', async () => {
    const valuations = (...rows: string[]) =>
      asUpload(new TextEncoder().encode(['Eigen kenmerk;Kenmerk levering;Bedrag (€);Grondslag;Ingangsdatum', ...rows].join('\r\n')), 'waarderingen.csv');
    // IMP-1-W of the walk above in fullwidth, under its delivery in fullwidth; the same again spelled otherwise; a new row under an en space.
    const typed = await registrar(
      'POST',
      '/imports/dry-run',
      valuations('ＩＭＰ-１-Ｗ;ＩＭＰ-１;€ 1.234,56;Vervangingswaarde;1-6-2025', 'IMP-1-W;Ｉmp-1;€ 1.234,56;Vervangingswaarde;1-6-2025', 'UNI\u2002W;IMP\u00ad-1;10;Vervangingswaarde;1-7-2025'),
      { 'Accept-Language': 'en' },
    );
    expect(typed.body.rows).toEqual([
      expect.objectContaining({ rowNumber: 2, reference: 'IMP-1-W', outcome: 'unchanged', faults: [] }),
      expect.objectContaining({ rowNumber: 3, outcome: 'invalid', faults: [expect.objectContaining({ field: 'externalReference', code: 'duplicateReference' })] }),
      expect.objectContaining({ rowNumber: 4, reference: 'UNI W', outcome: 'invalid', faults: expect.arrayContaining([expect.objectContaining({ field: 'deliveryReference', code: 'invisibleCharacter' })]) }),
    ]);
  });

  it('analyses the columns the figures are planned on of the tables an import grows beyond what their statistics know, as autovacuum would, and not after a few rows', async () => {
    const { db } = database();
    const counted = async () => Number((await sql<{ counted: number }>`select reltuples::float8 as counted from pg_class where oid = 'delivery'::regclass`.execute(db)).rows[0]!.counted);
    const deliveries = (prefix: string, count: number) =>
      asUpload(
        new TextEncoder().encode(
          ['Eigen kenmerk;Titel;Soort steun;Categorie;Financieringsbron;Aantal', ...Array.from({ length: count }, (_, index) => `${prefix}-${index};Helmen, partij ${index};Directe levering uit voorraad;Niet-letale goederen;Defensiebegroting;10`)].join('\r\n'),
        ),
        `${prefix}.csv`,
      );
    // Autovacuum would analyse the table too, some time later: held off, so that only the import's own analyses count.
    await sql`alter table delivery set (autovacuum_enabled = off)`.execute(db);
    await sql`analyze delivery`.execute(db);
    const before = await counted();
    const analysedColumns = async () => (await sql<{ attname: string }>`select attname from pg_stats where tablename = 'delivery'`.execute(db)).rows.map((row) => row.attname);
    const titleStatistics = async () => (await sql`select null_frac, n_distinct, most_common_vals::text, histogram_bounds::text from pg_stats where tablename = 'delivery' and attname = 'title'`.execute(db)).rows;
    const titlesBefore = await titleStatistics();
    expect((await registrar('POST', '/imports', { ...deliveries('STAT', 300), mode: 'allOrNothing' })).body.counts.create).toBe(300);
    const afterGrowth = await counted();
    expect(afterGrowth).toBeGreaterThanOrEqual(before + 300);
    // Only the columns the figures' triggers are planned on: the titles, 300 of them new, keep the statistics they had.
    expect(await titleStatistics()).toEqual(titlesBefore);
    expect(await analysedColumns()).toEqual(expect.arrayContaining(['id', 'support_type', 'funding_source', 'realised_at', 'deleted_at']));
    expect((await registrar('POST', '/imports', { ...deliveries('STAT-SMALL', 20), mode: 'allOrNothing' })).body.counts.create).toBe(20);
    expect(await counted()).toBe(afterGrowth);
    await sql`alter table delivery reset (autovacuum_enabled)`.execute(db);
  });

  it('refuses a valuation dated before its delivery was pledged, in the register or in the file', async () => {
    const pledged = (await registrar('POST', '/deliveries', { title: 'Toegezegd', category: 'nonLethal', supportType: 'stock', fundingSource: 'defenceBudget', pledgedAt: '2025-02-01' })).body;
    const csv = [
      'Eigen kenmerk;Kenmerk levering;Bedrag (€);Grondslag;Ingangsdatum',
      `PLEDGE-W1;${pledged.id};10;Vervangingswaarde;31-1-2014`,
      `PLEDGE-W2;${pledged.id};10;Vervangingswaarde;1-2-2025`,
    ].join('\r\n');
    const dryRun = await registrar('POST', '/imports/dry-run', asUpload(new TextEncoder().encode(csv), 'waarderingen.csv'), { 'Accept-Language': 'en' });
    expect(dryRun.body.rows).toEqual([
      expect.objectContaining({
        rowNumber: 2,
        outcome: 'invalid',
        faults: [expect.objectContaining({ field: 'effectiveDate', code: 'beforeEarlierStage', reason: 'The date of valuation (31 January 2014) lies before that of pledge (1 February 2025).' })],
      }),
      expect.objectContaining({ rowNumber: 3, outcome: 'create', faults: [] }),
    ]);
  });

  it('refuses a valuation on a basis its delivery is not valued at, in the register or in the file, and changes nothing', async () => {
    const stock = (await registrar('POST', '/deliveries', { title: 'Voorraad', category: 'nonLethal', supportType: 'stock', fundingSource: 'defenceBudget' })).body;
    const rows = {
      'Leveringen (Deliveries)': [['BASIS-1', 'Munitie (import)', 'Commerciële verwerving', 'Munitie', 'Defensiebegroting', 1000, 'stuks', null, null, null, null]],
      'Waarderingen (Valuations)': [
        ['BASIS-W1', stock.id, 10, 'Contractprijs', '2025-06-01'],
        ['BASIS-W2', 'BASIS-1', 10, 'Boekwaarde', '2025-06-01'],
        ['BASIS-W3', stock.id, 10, 'Boekwaarde', '2025-06-02'],
      ],
    };
    const eventsBefore = await auditLength();
    const dryRun = await registrar('POST', '/imports/dry-run', asUpload(await filledTemplate(new Uint8Array(template), rows)), { 'Accept-Language': 'en' });
    const valuations = dryRun.body.rows.filter((row: any) => row.sheet === 'valuation' && row.outcome !== 'example');
    expect(valuations.map((row: any) => [row.reference, row.outcome, row.faults.map((fault: any) => [fault.field, fault.code, fault.reason])])).toEqual([
      ['BASIS-W1', 'invalid', [['basis', 'basisNotOfSupportType', 'A delivery of the type "Direct delivery from stock" is valued at replacement value or book value; choose one of those bases.']]],
      ['BASIS-W2', 'invalid', [['basis', 'basisNotOfSupportType', 'A delivery of the type "Commercial procurement" is valued at contract price; choose that basis.']]],
      ['BASIS-W3', 'create', []],
    ]);
    expect(await auditLength()).toBe(eventsBefore);
  });

  it('reads a CSV file as Dutch Excel writes it (BOM, semicolons, decimal commas) and refuses what is no file', async () => {
    const csv = '\uFEFFEigen kenmerk;Kenmerk levering;Bedrag (€);Grondslag;Ingangsdatum\r\nCSV-W;IMP-1;"€ 2.000,50";Vervangingswaarde;1-7-2025\r\n';
    const dryRun = await registrar('POST', '/imports/dry-run', asUpload(new TextEncoder().encode(csv), 'waarderingen.csv'));
    expect(dryRun.body.rows).toEqual([expect.objectContaining({ sheet: 'valuation', rowNumber: 2, outcome: 'create', faults: [] })]);

    // Plain "CSV" from Excel on Windows: Windows-1252, where ë is one byte (0xEB) and € is 0x80.
    const windows1252 = new Uint8Array([...new TextEncoder().encode('Eigen kenmerk;Kenmerk levering;Bedrag ('), 0x80, ...new TextEncoder().encode(');Grondslag;Ingangsdatum;Toelichting\r\nCSV-1252;IMP-1;'), 0x80, ...new TextEncoder().encode(' 2.000,50;Vervangingswaarde;1-7-2025;Dubbelcheck co'), 0xeb, ...new TextEncoder().encode('xistentie\r\n')]);
    const read = await registrar('POST', '/imports/dry-run', asUpload(windows1252, 'waarderingen.csv'));
    expect(read.body.rows).toEqual([expect.objectContaining({ rowNumber: 2, outcome: 'create', faults: [], values: expect.objectContaining({ amountCents: 200_050, note: 'Dubbelcheck coëxistentie' }) })]);

    const garbage = await registrar('POST', '/imports/dry-run', asUpload(new TextEncoder().encode('a,b\n1,2\n'), 'x.csv'));
    expect(garbage.status).toBe(400);
    expect(garbage.body.invalidParams).toEqual([expect.objectContaining({ name: 'content', code: 'noKnownSheet' }), expect.objectContaining({ name: 'content', code: 'noColumnHeaders' })]);
    // A title above the headers, as many kept sheets have; a row of data above them is not passed over.
    const titled = await registrar('POST', '/imports/dry-run', asUpload(new TextEncoder().encode('Waarderingen 2025\r\nEigen kenmerk;Kenmerk levering;Bedrag (€);Grondslag;Ingangsdatum\r\nT-W;IMP-1;10;Vervangingswaarde;1-7-2025\r\n'), 'w.csv'));
    expect(titled.body.rows).toEqual([expect.objectContaining({ rowNumber: 3, reference: 'T-W', outcome: 'create', faults: [], values: expect.objectContaining({ amountCents: 1000 }) })]);
    const titledWithExtraColumn = await registrar('POST', '/imports/dry-run', asUpload(new TextEncoder().encode('Waarderingen 2025\r\n\r\nEigen kenmerk;Kenmerk levering;Bedrag (€);Grondslag;Ingangsdatum;Paraaf\r\nT-W;IMP-1;10;Vervangingswaarde;1-7-2025;JdV\r\n'), 'w.csv'));
    // The header row below the title has the fault of the unknown column, apart from the row of data.
    const byRow = (rows: { rowNumber: number; faults: { code: string; columnLetter: string | null }[] }[]) => rows.map((row) => [row.rowNumber, row.faults.map((fault) => `${fault.columnLetter} ${fault.code}`)]);
    expect([byRow(titledWithExtraColumn.body.headerFaults), byRow(titledWithExtraColumn.body.rows)]).toEqual([[[3, ['F unknownColumn']]], [[4, []]]]);
    const dataAbove = await registrar('POST', '/imports/dry-run', asUpload(new TextEncoder().encode('T-0;IMP-1;5;Vervangingswaarde;1-7-2025\r\nEigen kenmerk;Kenmerk levering;Bedrag (€);Grondslag;Ingangsdatum\r\nT-W;IMP-1;10;Vervangingswaarde;1-7-2025\r\n'), 'w.csv'), { 'Accept-Language': 'en' });
    // Why the one sheet was not taken is said beside the refusal, as it is beside the sheets taken.
    expect(dataAbove.body.invalidParams).toEqual([
      expect.objectContaining({ code: 'noKnownSheet', reason: expect.stringContaining('column headers on row 1 or below a title') }),
      expect.objectContaining({ name: 'content', code: 'rowAboveHeaders', reason: expect.stringMatching(/^Nothing is imported from the sheet w\.csv: .*row 1/) }),
    ]);
    expect((await auditor('POST', '/imports/dry-run', file)).status).toBe(403);
  });

  it('reads a line break in a quoted CSV field as a workbook holds it, so that the same text from a workbook later changes nothing', async () => {
    const headings = ['Eigen kenmerk', 'Titel', 'Soort steun', 'Categorie', 'Financieringsbron', 'Omschrijving'];
    const delivery = ['CRLF-1', 'Helmen', 'Directe levering uit voorraad', 'Niet-letale goederen', 'Defensiebegroting'];
    const csv = `${headings.join(';')}\r\n${delivery.join(';')};"Eerste regel\r\ntweede regel"\r\n`;
    const committed = await registrar('POST', '/imports', { ...asUpload(new TextEncoder().encode(csv), 'leveringen.csv'), mode: 'allOrNothing' });
    expect(committed.body).toMatchObject({ committed: true, counts: { create: 1 } });
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Leveringen').addRows([headings, [...delivery, 'Eerste regel\ntweede regel']]);
    const again = await registrar('POST', '/imports/dry-run', asUpload(new Uint8Array(await workbook.xlsx.writeBuffer())));
    expect(again.body.rows).toEqual([expect.objectContaining({ reference: 'CRLF-1', outcome: 'unchanged', faults: [], values: expect.objectContaining({ description: 'Eerste regel\ntweede regel' }) })]);
  });

  it('refuses text garbled by a wrong character set by row and column, as a CSV file opened in Excel without its byte order mark and saved again has it, and commits nothing', async () => {
    const csv = ['Eigen kenmerk;Titel;Soort steun;Categorie;Financieringsbron', 'MOJI-1;Helmen voor OekraÃ¯ne;Directe levering uit voorraad;Niet-letale goederen;Defensiebegroting', 'MOJI-2;Helmen;Directe levering uit voorraad;Niet-letale goederen;Defensiebegroting'].join('\r\n');
    const upload = asUpload(new TextEncoder().encode(csv), 'leveringen.csv');
    const dryRun = await registrar('POST', '/imports/dry-run', upload, { 'Accept-Language': 'nl' });
    expect(dryRun.body.rows.map((row: any) => [row.rowNumber, row.outcome, row.faults.map((fault: any) => `${fault.columnLetter} ${fault.code}: ${fault.reason}`)])).toEqual([
      [2, 'invalid', [expect.stringMatching(/^B garbledText: Deze tekst is verminkt door een verkeerde tekenset: OekraÃ¯ne staat er waarschijnlijk voor Oekraïne\./)]],
      [3, 'create', []],
    ]);
    const deliveries = async () => Number((await database().db.selectFrom('delivery').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await deliveries();
    expect((await registrar('POST', '/imports', { ...upload, mode: 'allOrNothing' })).body).toMatchObject({ committed: false, importId: null });
    expect(await deliveries()).toBe(before);
  });

  it('names the other sheet of a workbook that has a row of the same kind under the same reference', async () => {
    const headings = ['Eigen kenmerk', 'Titel', 'Soort steun', 'Categorie', 'Financieringsbron'];
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Leveringen 2024').addRows([headings, ['TWEE-1', 'Helmen', 'stock', 'nonLethal', 'defenceBudget']]);
    workbook.addWorksheet('Leveringen 2025').addRows([headings, ['TWEE-2', 'Helmen', 'stock', 'nonLethal', 'defenceBudget'], ['twee-1', 'Helmen', 'stock', 'nonLethal', 'defenceBudget']]);
    const dryRun = await registrar('POST', '/imports/dry-run', asUpload(new Uint8Array(await workbook.xlsx.writeBuffer())), { 'Accept-Language': 'en' });
    expect(dryRun.body.rows.filter((row: any) => row.outcome === 'invalid')).toEqual([
      expect.objectContaining({
        sheetName: 'Leveringen 2025',
        rowNumber: 3,
        faults: [expect.objectContaining({ code: 'duplicateReference', reason: 'This reference is on row 2 of the sheet Leveringen 2024 already (capitals do not count, several spaces count as one); give every row its own reference.' })],
      }),
    ]);
  });

  it('names a visible sheet with a table that nothing is taken from, and why, in the dry run and the commit', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Leveringen').addRows([
      ['Eigen kenmerk', 'Titel', 'Soort steun', 'Categorie', 'Financieringsbron'],
      ['BLAD-1', 'Helmen', 'Directe levering uit voorraad', 'Niet-letale goederen', 'Defensiebegroting'],
    ]);
    // A row of data above the headers: taking the rows below would leave it out unseen.
    workbook.addWorksheet('Waarderingen').addRows([
      ['BLAD-W0', 'BLAD-1', 10, 'Vervangingswaarde', '2025-07-01'],
      ['Eigen kenmerk', 'Kenmerk levering', 'Bedrag (€)', 'Grondslag', 'Ingangsdatum'],
      ['BLAD-W1', 'BLAD-1', 10, 'Vervangingswaarde', '2025-07-01'],
    ]);
    const upload = asUpload(new Uint8Array(await workbook.xlsx.writeBuffer()), 'twee-bladen.xlsx');
    const dryRun = await registrar('POST', '/imports/dry-run', upload, { 'Accept-Language': 'nl' });
    expect(dryRun.body.counts).toMatchObject({ create: 1, invalid: 0 });
    expect(dryRun.body.sheetsNotTaken).toEqual([
      {
        sheetName: 'Waarderingen',
        code: 'rowAboveHeaders',
        reason:
          'Van het blad Waarderingen wordt niets geïmporteerd: boven de kolomkoppen op regel 2 staat op regel 1 meer dan een titel (gegevens, of kolomkoppen over twee regels), die anders ongezien zou wegvallen. Haal die regel weg of zet hem onder de kolomkoppen.',
        reasonsByLanguage: {
          nl: 'Van het blad Waarderingen wordt niets geïmporteerd: boven de kolomkoppen op regel 2 staat op regel 1 meer dan een titel (gegevens, of kolomkoppen over twee regels), die anders ongezien zou wegvallen. Haal die regel weg of zet hem onder de kolomkoppen.',
          en: expect.stringMatching(/^Nothing is imported from the sheet Waarderingen/),
        },
      },
    ]);
    const committed = await registrar('POST', '/imports', { ...upload, mode: 'allOrNothing' }, { 'Accept-Language': 'en' });
    expect(committed.body).toMatchObject({ committed: true, sheetsNotTaken: [{ sheetName: 'Waarderingen', code: 'rowAboveHeaders', reason: expect.stringMatching(/^Nothing is imported from the sheet Waarderingen/) }] });
  });

  it('says of a column with values but no header that they would be left out, by its letter and first row, and commits nothing with all or nothing', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Leveringen');
    sheet.addRows([
      ['Eigen kenmerk', 'Titel', 'Soort steun', 'Categorie', 'Financieringsbron'],
      ['KOP-1', 'Helmen', 'Directe levering uit voorraad', 'Niet-letale goederen', 'Defensiebegroting'],
      [null, null, null, null, null, null, 'nog navragen'],
    ]);
    // A header deleted by mistake: the delivery date below it would be lost unseen.
    sheet.getCell('F2').value = new Date('2025-06-02T00:00:00Z');
    const upload = asUpload(new Uint8Array(await workbook.xlsx.writeBuffer()), 'zonder-kop.xlsx');
    const dryRun = await registrar('POST', '/imports/dry-run', upload, { 'Accept-Language': 'nl' });
    expect(dryRun.body.headerFaults.map((header: any) => [header.rowNumber, header.faults.map((fault: any) => `${fault.columnLetter} ${fault.column}: ${fault.reason}`)])).toEqual([
      [
        1,
        [
          'F : Deze kolom heeft geen kop maar wel waarden (de eerste op regel 2), die dus niet geïmporteerd zouden worden; geef haar de kop van een kolom uit het sjabloon, of maak haar leeg.',
          'G : Deze kolom heeft geen kop maar wel waarden (de eerste op regel 3), die dus niet geïmporteerd zouden worden; geef haar de kop van een kolom uit het sjabloon, of maak haar leeg.',
        ],
      ],
    ]);
    expect(dryRun.body.rows.map((row: any) => [row.rowNumber, row.outcome, row.faults])).toEqual([[2, 'create', []]]);
    expect((await registrar('POST', '/imports', { ...upload, mode: 'allOrNothing' })).body).toMatchObject({ committed: false, importId: null });
    expect(await database().db.selectFrom('importedRecord').select('recordId').where('externalReference', '=', 'KOP-1').execute()).toEqual([]);
  });

  it('lists the faults of a header row left to right by their column', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Leveringen').addRows([
      ['Eigen kenmerk', 'Titel', 'Soort steun', 'Categorie', 'Financieringsbron', null, 'Nog navragen'],
      ['KOP-2', 'Helmen', 'Directe levering uit voorraad', 'Niet-letale goederen', 'Defensiebegroting', 'zonder kop'],
    ]);
    const dryRun = await registrar('POST', '/imports/dry-run', asUpload(new Uint8Array(await workbook.xlsx.writeBuffer()), 'kolommen.xlsx'));
    expect(dryRun.body.headerFaults.map((header: any) => header.faults.map((fault: any) => `${fault.columnLetter} ${fault.code}`))).toEqual([['F unheadedColumn', 'G unknownColumn']]);
  });

  it('refuses a row hidden by a filter, which its user does not see, unless the register holds it unchanged', async () => {
    const headings = ['Eigen kenmerk', 'Titel', 'Soort steun', 'Categorie', 'Financieringsbron'];
    const delivery = (reference: string) => [reference, 'Helmen', 'Directe levering uit voorraad', 'Niet-letale goederen', 'Defensiebegroting'];
    const workbook = async (rows: { reference: string; hidden: boolean }[]) => {
      const made = new ExcelJS.Workbook();
      const sheet = made.addWorksheet('Leveringen');
      sheet.addRow(headings);
      for (const { reference, hidden } of rows) sheet.addRow(delivery(reference)).hidden = hidden;
      return asUpload(new Uint8Array(await made.xlsx.writeBuffer()), 'gefilterd.xlsx');
    };
    expect((await registrar('POST', '/imports', { ...(await workbook([{ reference: 'FILTER-1', hidden: false }])), mode: 'allOrNothing' })).body).toMatchObject({ committed: true });

    const filtered = await workbook([
      { reference: 'FILTER-1', hidden: true },
      { reference: 'FILTER-2', hidden: true },
      { reference: 'FILTER-3', hidden: false },
    ]);
    const dryRun = await registrar('POST', '/imports/dry-run', filtered, { 'Accept-Language': 'nl' });
    expect(dryRun.body.rows.map((row: any) => [row.rowNumber, row.outcome, row.faults.map((fault: any) => `${fault.field} ${fault.columnLetter}: ${fault.reason}`)])).toEqual([
      [2, 'unchanged', []],
      [3, 'invalid', ['row null: Deze regel is verborgen (door een filter of met Verbergen), dus niet te zien; maak hem zichtbaar om hem te importeren, of verwijder hem.']],
      [4, 'create', []],
    ]);
    expect((await registrar('POST', '/imports', { ...filtered, mode: 'allOrNothing' })).body).toMatchObject({ committed: false, importId: null });
    expect(await database().db.selectFrom('importedRecord').select('recordId').where('externalReference', 'in', ['FILTER-2', 'FILTER-3']).execute()).toEqual([]);
  });

  it('refuses a value in a hidden column, which its user does not see, unless the register holds the row unchanged; a hidden empty column is no fault', async () => {
    const headings = ['Eigen kenmerk', 'Titel', 'Soort steun', 'Categorie', 'Financieringsbron', 'Omschrijving', 'Eenheid'];
    const workbook = async (rows: (string | null)[][], hidden: boolean) => {
      const made = new ExcelJS.Workbook();
      const sheet = made.addWorksheet('Leveringen');
      sheet.addRows([headings, ...rows]);
      sheet.getColumn(6).hidden = hidden;
      sheet.getColumn(7).hidden = hidden;
      return asUpload(new Uint8Array(await made.xlsx.writeBuffer()), 'kolommen.xlsx');
    };
    const delivery = (reference: string, description: string | null) => [reference, 'Helmen', 'Directe levering uit voorraad', 'Niet-letale goederen', 'Defensiebegroting', description, null];
    expect((await registrar('POST', '/imports', { ...(await workbook([delivery('COLUMN-1', 'Eerste partij')], false)), mode: 'allOrNothing' })).body).toMatchObject({ committed: true });

    const withHiddenColumn = await workbook([delivery('COLUMN-1', 'Eerste partij'), delivery('COLUMN-2', 'Voor de mariniers'), delivery('COLUMN-3', null)], true);
    const dryRun = await registrar('POST', '/imports/dry-run', withHiddenColumn, { 'Accept-Language': 'en' });
    expect(dryRun.body.rows.map((row: any) => [row.rowNumber, row.outcome, row.faults.map((fault: any) => `${fault.field} ${fault.columnLetter}: ${fault.reason}`)])).toEqual([
      [2, 'unchanged', []],
      [3, 'invalid', ['description F: This column is hidden, so this value cannot be seen; unhide the column to import the row, or clear the cell.']],
      [4, 'create', []],
    ]);
    expect((await registrar('POST', '/imports', { ...withHiddenColumn, mode: 'allOrNothing' })).body).toMatchObject({ committed: false, importId: null });
    expect(await database().db.selectFrom('importedRecord').select('recordId').where('externalReference', 'in', ['COLUMN-2', 'COLUMN-3']).execute()).toEqual([]);

    // A hidden column the template does not have is said to be hidden, or its user would look for it in vain.
    const unknownHidden = new ExcelJS.Workbook();
    const sheet = unknownHidden.addWorksheet('Leveringen');
    sheet.addRows([[...headings.slice(0, 5), 'Hulpkolom'], [...delivery('COLUMN-4', null).slice(0, 5), 'x']]);
    sheet.getColumn(6).hidden = true;
    const headerFault = async (language: string) =>
      (await registrar('POST', '/imports/dry-run', asUpload(new Uint8Array(await unknownHidden.xlsx.writeBuffer()), 'kolommen.xlsx'), { 'Accept-Language': language })).body.headerFaults[0];
    expect(await headerFault('nl')).toMatchObject({
      rowNumber: 1,
      faults: [{ code: 'unknownColumn', columnLetter: 'F', column: 'Hulpkolom', reason: 'Deze kolom is verborgen en het sjabloon kent haar niet; maak haar zichtbaar en geef haar de kop van een kolom uit het sjabloon, of verwijder haar.' }],
    });
    expect((await headerFault('en')).faults[0].reason).toBe("This column is hidden, and the template has no such column; unhide it and give it the header of one of the template's columns, or delete it.");
  });

  it('refuses what is no import with a reason that names the file, and changes nothing', async () => {
    // Each refusal is an audit event; the register itself is as it was.
    const registerSize = async () => Number((await database().db.selectFrom('importedRecord').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const sizeBefore = await registerSize();
    const stockBefore = await stockToday();
    const refusal = async (bytes: Uint8Array, fileName: string) => {
      const response = await registrar('POST', '/imports/dry-run', asUpload(bytes, fileName), { 'Accept-Language': 'nl' });
      return { status: response.status, params: response.body.invalidParams };
    };
    const text = (content: string) => new TextEncoder().encode(content);
    expect(await refusal(new Uint8Array(), 'leeg.csv')).toEqual({ status: 400, params: [expect.objectContaining({ name: 'content', code: 'emptyFile', reason: 'Dit bestand is leeg; kies het ingevulde sjabloon.' })] });
    expect(await refusal(text('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'), 'brief.pdf')).toEqual({ status: 400, params: [expect.objectContaining({ code: 'noKnownSheet' })] });
    const notASpreadsheet = { status: 400, params: [expect.objectContaining({ name: 'content', code: 'notASpreadsheet', reason: expect.stringContaining('Dit bestand is geen spreadsheet') })] };
    expect(await refusal(officeDocument('word/document.xml', WORD_DOCUMENT), 'brief.docx')).toEqual(notASpreadsheet);
    expect(await refusal(officeDocument('ppt/presentation.xml', POWERPOINT_PRESENTATION), 'dia.pptx')).toEqual(notASpreadsheet);
    // Any other ZIP archive is said to be one, whatever its name says.
    const zipArchive = { status: 400, params: [expect.objectContaining({ name: 'content', code: 'zipArchive', reason: expect.stringContaining('Dit bestand is een ZIP-archief (gecomprimeerde map), geen Excel-werkmap; pak het uit') })] };
    expect(await refusal(zipSync({ 'hello.txt': text('hallo') }), 'x.xlsx')).toEqual(zipArchive);
    expect(await refusal(zipSync({ 'waarderingen.csv': text('Eigen kenmerk;Kenmerk levering;Bedrag (€);Grondslag;Ingangsdatum\r\nW1;D1;1;x;y\r\n') }), 'x.xlsx')).toEqual(zipArchive);
    expect(await refusal(text('Eigen kenmerk;Kenmerk levering;Bedrag (€);Grondslag;Ingangsdatum\r\n'), 'koppen.csv')).toEqual({ status: 400, params: [expect.objectContaining({ code: 'noRows', reason: expect.stringContaining('geen regels') })] });
    // The headers of any sheet, not only those of deliveries and their money.
    const commitmentHeaders = text('Eigen kenmerk;Titel;Begrotingsartikel of fonds;Begrotingsjaar;Kenmerk levering;Contractkenmerk;Stap;Bedrag (€);Met ingang van;Toelichting\r\n');
    for (const [language, reason] of [
      ['nl', 'Dit bestand heeft de kolomkoppen van het sjabloon, maar geen regels eronder; vul onder de koppen een regel per registratie in.'],
      ['en', "This file has the template's column headers but no rows below them; fill in one row per record below the headers."],
    ] as const) {
      const refused = await registrar('POST', '/imports/dry-run', asUpload(commitmentHeaders, 'verplichtingen.csv'), { 'Accept-Language': language });
      expect([refused.status, refused.body.invalidParams]).toEqual([400, [expect.objectContaining({ code: 'noRows', reason })]]);
    }

    // 50 MB: refused before it is read, with the limit in the reason.
    const tooLarge = await registrar('POST', '/imports', { ...asUpload(new Uint8Array(50 * 2 ** 20).fill(0x41), 'groot.csv'), mode: 'onlyValid' }, { 'Accept-Language': 'en' });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.invalidParams).toEqual([expect.objectContaining({ name: 'content', code: 'fileTooLarge', reason: 'This file is too large: an import is at most 20 MB. Spread the rows over more files.' })]);
    expect([await registerSize(), await stockToday()]).toEqual([sizeBefore, stockBefore]);
  });

  it('reads Dutch amounts exactly and refuses dates in the future or before 2014 by row and column', async () => {
    const csv = [
      'Eigen kenmerk;Kenmerk levering;Bedrag (€);Grondslag;Ingangsdatum',
      'EUR-1;IMP-1;"€ 1.234,56";Vervangingswaarde;2025-07-01',
      'EUR-2;IMP-1;2345,67;Vervangingswaarde;2025-07-02',
      'EUR-3;IMP-1;10;Vervangingswaarde;2099-01-01',
      'EUR-4;IMP-1;10;Vervangingswaarde;31-12-2013',
    ].join('\r\n');
    const upload = asUpload(new TextEncoder().encode(csv), 'waarderingen.csv');
    const dryRun = await registrar('POST', '/imports/dry-run', upload);
    expect(dryRun.body.counts).toEqual({ create: 2, unchanged: 0, invalid: 2, example: 0, notes: 0 });
    const faults = dryRun.body.rows.filter((row: any) => row.outcome === 'invalid').map((row: any) => [row.rowNumber, row.faults.map((fault: any) => `${fault.columnLetter} ${fault.column}: ${fault.code}`)]);
    expect(faults).toEqual([
      [4, ['E Ingangsdatum: dateInFuture']],
      [5, ['E Ingangsdatum: dateOutOfRange']],
    ]);

    const refused = await registrar('POST', '/imports', { ...upload, mode: 'allOrNothing' });
    expect(refused.body).toMatchObject({ committed: false, importId: null });
    const committed = await registrar('POST', '/imports', { ...upload, mode: 'onlyValid' });
    expect(committed.body).toMatchObject({ committed: true, counts: { create: 2, invalid: 2 } });
    const amounts = await database()
      .db.selectFrom('importedRecord')
      .innerJoin('valuation', 'valuation.id', 'importedRecord.recordId')
      .select(['importedRecord.externalReference', 'valuation.amountCents'])
      .where('importedRecord.externalReference', 'in', ['EUR-1', 'EUR-2'])
      .orderBy('importedRecord.externalReference')
      .execute();
    expect(amounts.map((row) => [row.externalReference, Number(row.amountCents)])).toEqual([['EUR-1', 123_456], ['EUR-2', 234_567]]);
  });

  it("lists a row's faults left to right by their column, AA after Z, after those of the whole row", async () => {
    const workbook = new ExcelJS.Workbook();
    const headings: (string | null)[] = ['Eigen kenmerk', 'Bedrag (€)', 'Grondslag', ...Array<null>(22).fill(null), 'Kenmerk levering', 'Ingangsdatum'];
    workbook.addWorksheet('Waarderingen').addRows([headings, ['ORDE-1', 100, 'Vervangingswaarde', ...Array<null>(22).fill(null), 'ONBEKEND-ORDE', '2099-01-01']]);
    const upload = asUpload(new Uint8Array(await workbook.xlsx.writeBuffer()), 'waarderingen.xlsx');
    // Valuations are the registrar's: finance is told so first, then what else is wrong, as the sheet reads.
    const dryRun = await finance('POST', '/imports/dry-run', upload);
    expect(dryRun.body.rows.map((row: any) => [row.rowNumber, row.faults.map((fault: any) => `${fault.columnLetter} ${fault.code}`)])).toEqual([
      [2, ['null sheetOfOtherRole', 'Z unknownDeliveryReference', 'AA dateInFuture']],
    ]);
  });

  it('refuses a row of totals below a table as what it is, in the dry run and the commit, and imports the rows above it with only the valid rows', async () => {
    const workbook = new ExcelJS.Workbook();
    const worksheet = workbook.addWorksheet('Waarderingen');
    worksheet.addRows([
      ['Waarderingen september'],
      ['Eigen kenmerk', 'Kenmerk levering', 'Bedrag (€)', 'Grondslag', 'Ingangsdatum'],
      ['TOT-1', 'IMP-1', 1234.56, 'Vervangingswaarde', '1-7-2025'],
      ['TOT-2', 'IMP-1', '€ 100,00', 'Vervangingswaarde', '2-7-2025'],
      [],
      ['Totaal', null, { formula: 'SUM(C3:C4)', result: 1334.56 }, null, null],
    ]);
    const upload = asUpload(new Uint8Array(await workbook.xlsx.writeBuffer()), 'waarderingen.xlsx');
    const outcomes = (body: any) => body.rows.map((row: any) => [row.rowNumber, row.reference, row.outcome, row.faults.map((fault: any) => `${fault.columnLetter} ${fault.code}: ${fault.reason}`)]);
    const dryRun = await registrar('POST', '/imports/dry-run', upload, { 'Accept-Language': 'nl' });
    expect(outcomes(dryRun.body)).toEqual([
      [3, 'TOT-1', 'create', []],
      [4, 'TOT-2', 'create', []],
      [6, null, 'invalid', ['A totalsRow: Deze regel is een regel met totalen (Totaal), geen regel voor het register; haal hem weg uit het bestand dat u importeert (het register telt zelf op).']],
    ]);
    expect((await registrar('POST', '/imports', { ...upload, mode: 'allOrNothing' })).body).toMatchObject({ committed: false, importId: null });
    const committed = await registrar('POST', '/imports', { ...upload, mode: 'onlyValid' }, { 'Accept-Language': 'nl' });
    expect([committed.body.committed, outcomes(committed.body)]).toEqual([true, outcomes(dryRun.body)]);
  });

  it('skips a row of notes on the columns below the headers, saying so by its row, and imports the rows below it, whoever imports the file', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Leveringen').addRows([
      ['Eigen kenmerk *', 'Titel*', '* Soort steun', 'Categorie (verplicht)', 'Financieringsbron (required)', 'Aantal', 'Geleverd op'],
      ['(verplicht)', '(verplicht)', 'verplicht, kies uit de lijst', 'verplicht', 'verplicht', '(optioneel) geheel getal', 'JJJJ-MM-DD'],
      ['NOTE-1', 'Helmen', 'Directe levering uit voorraad', 'Niet-letale goederen', 'Defensiebegroting', 50, null],
    ]);
    workbook.addWorksheet('Waarderingen').addRows([
      ['Eigen kenmerk', 'Kenmerk levering', 'Bedrag (€)', 'Grondslag', 'Ingangsdatum'],
      ['required', 'required', 'amount in euros', 'required', 'YYYY-MM-DD'],
      ['NOTE-1-W', 'NOTE-1', 1250, 'Vervangingswaarde', '2025-07-01'],
    ]);
    const upload = asUpload(new Uint8Array(await workbook.xlsx.writeBuffer()), 'met-aanwijzingen.xlsx');
    const outcomes = (body: any) => body.rows.map((row: any) => [row.sheetName, row.rowNumber, row.reference, row.outcome, row.faults.map((fault: any) => fault.code)]);
    const dryRun = await registrar('POST', '/imports/dry-run', upload);
    expect([dryRun.body.counts, outcomes(dryRun.body)]).toEqual([
      { create: 2, unchanged: 0, invalid: 0, example: 0, notes: 2 },
      [
        ['Leveringen', 2, null, 'notes', []],
        ['Leveringen', 3, 'NOTE-1', 'create', []],
        ['Waarderingen', 2, null, 'notes', []],
        ['Waarderingen', 3, 'NOTE-1-W', 'create', []],
      ],
    ]);
    // Finance's import of the registrar's sheets refuses their rows, not their notes.
    expect(outcomes((await finance('POST', '/imports/dry-run', upload)).body).filter((row: any) => row[3] === 'notes')).toEqual([
      ['Leveringen', 2, null, 'notes', []],
      ['Waarderingen', 2, null, 'notes', []],
    ]);
    const committed = await registrar('POST', '/imports', { ...upload, mode: 'allOrNothing' });
    expect([committed.body.committed, committed.body.counts]).toEqual([true, { create: 2, unchanged: 0, invalid: 0, example: 0, notes: 2 }]);
    const imported = await database().db.selectFrom('importedRecord').select('externalReference').where('externalReference', 'in', ['NOTE-1', 'NOTE-1-W']).orderBy('externalReference').execute();
    expect(imported.map((record) => record.externalReference)).toEqual(['NOTE-1', 'NOTE-1-W']);
  });

  it('reads a date cell that holds its date as ISO text, as LibreOffice writes one, as the day it names', async () => {
    const workbook = rawWorkbook([
      { name: 'Waarderingen', rows: headers(['Eigen kenmerk', 'Kenmerk levering', 'Bedrag (€)', 'Grondslag', 'Ingangsdatum']) + row(2, [text('A2', 'ISO-W'), text('B2', 'IMP-1'), number('C2', 10), text('D2', 'Vervangingswaarde'), isoDate('E2', '2025-07-14')]) },
    ]);
    const dryRun = await registrar('POST', '/imports/dry-run', asUpload(workbook, 'libreoffice.xlsx'));
    expect(dryRun.body.rows).toEqual([expect.objectContaining({ reference: 'ISO-W', outcome: 'create', faults: [], values: expect.objectContaining({ effectiveDate: '2025-07-14' }) })]);
  });

  it('says of text in a date column that no date format matches that it is no date, and of a date that does not exist that it does not, from a CSV file and a workbook', async () => {
    const VALUATION = ['Eigen kenmerk', 'Kenmerk levering', 'Bedrag (€)', 'Grondslag', 'Ingangsdatum'];
    const csv = [VALUATION.join(';'), 'DAT-1;IMP-1;10;Vervangingswaarde;abc', 'DAT-2;IMP-1;10;Vervangingswaarde;31-02-2025'].join('\r\n');
    const valuation = (rowNumber: number, date: string) => row(rowNumber, [text(`A${rowNumber}`, `DAT-${rowNumber}`), text(`B${rowNumber}`, 'IMP-1'), number(`C${rowNumber}`, 10), text(`D${rowNumber}`, 'Vervangingswaarde'), date]);
    const workbook = rawWorkbook([{ name: 'Waarderingen', rows: headers(VALUATION) + valuation(2, text('E2', 'abc')) + valuation(3, text('E3', '31-02-2025')) + valuation(4, isoDate('E4', 'abc')) + valuation(5, isoDate('E5', '2025-02-31')) }]);
    const reasons = async (upload: { fileName: string; content: string }, language: string) =>
      (await registrar('POST', '/imports/dry-run', upload, { 'Accept-Language': language })).body.rows.map((read: any) => read.faults.map((fault: any) => `${fault.columnLetter}${read.rowNumber} ${fault.code}: ${fault.reason}`));
    const fromCsv = asUpload(new TextEncoder().encode(csv), 'waarderingen.csv');
    expect(await reasons(fromCsv, 'nl')).toEqual([
      ['E2 notADate: abc is geen datum; vul een datum in zoals 30-6-2025 of 2025-06-30.'],
      ['E3 noSuchDate: 31-02-2025 is geen bestaande datum; vul een datum in zoals 30-6-2025 of 2025-06-30.'],
    ]);
    expect(await reasons(fromCsv, 'en')).toEqual([
      ['E2 notADate: abc is not a date; enter a date such as 30-6-2025 or 2025-06-30.'],
      ['E3 noSuchDate: 31-02-2025 is no existing date; enter a date such as 30-6-2025 or 2025-06-30.'],
    ]);
    expect(await reasons(asUpload(workbook, 'waarderingen.xlsx'), 'nl')).toEqual([
      ['E2 notADate: abc is geen datum; vul een datum in zoals 30-6-2025 of 2025-06-30.'],
      ['E3 noSuchDate: 31-02-2025 is geen bestaande datum; vul een datum in zoals 30-6-2025 of 2025-06-30.'],
      ['E4 notADate: abc is geen datum; vul een datum in zoals 30-6-2025 of 2025-06-30.'],
      ['E5 noSuchDate: 2025-02-31 is geen bestaande datum; vul een datum in zoals 30-6-2025 of 2025-06-30.'],
    ]);
  });

  it('reads a negative written as accountants write one, and says the rule it breaks rather than that it is no amount', async () => {
    const csv = [
      'Eigen kenmerk;Kenmerk levering;Bedrag (€);Grondslag;Ingangsdatum',
      'NEG-W1;IMP-1;(1.234,56);Vervangingswaarde;2025-07-01',
      'NEG-W2;IMP-1;€ -1.234,56;Vervangingswaarde;2025-07-02',
      'NEG-W3;IMP-1;1.234,56-;Vervangingswaarde;2025-07-03',
    ].join('\r\n');
    const dryRun = await registrar('POST', '/imports/dry-run', asUpload(new TextEncoder().encode(csv), 'waarderingen.csv'), { 'Accept-Language': 'nl' });
    expect(dryRun.body.rows.map((row: any) => [row.reference, row.faults.map((fault: any) => `${fault.columnLetter} ${fault.code}: ${fault.reason}`)])).toEqual(
      ['NEG-W1', 'NEG-W2', 'NEG-W3'].map((reference) => [reference, ['C amountNegative: Vul een bedrag in van € 0,00 of meer.']]),
    );
  });

  it('says of a header spread over two rows which cells to put together, by row and column, and of a sheet whose headers only two rows have together', async () => {
    const upload = (lines: string[]) => asUpload(new TextEncoder().encode(lines.join('\r\n')), 'betalingen.csv');
    const split = upload(['Eigen kenmerk;Kenmerk levering;Bedrag;Betaald', ';;in euro;op', 'SPLIT-B;IMP-1;5;2025-07-01']);
    const headerRow = async (language: string) => (await finance('POST', '/imports/dry-run', split, { 'Accept-Language': language })).body.headerFaults[0];
    const dutch = await headerRow('nl');
    expect([dutch.rowNumber, dutch.faults.map((fault: any) => `${fault.columnLetter} ${fault.code}: ${fault.reason}`)]).toEqual([
      1,
      [
        'C headerOverTwoRows: De kop van deze kolom staat over twee regels verdeeld, in deze cel en in cel C2 (in euro); zet de hele kop in deze cel, zoals het sjabloon hem noemt (Bedrag (€) / Amount (€)), en maak cel C2 leeg.',
        'D headerOverTwoRows: De kop van deze kolom staat over twee regels verdeeld, in deze cel en in cel D2 (op); zet de hele kop in deze cel, zoals het sjabloon hem noemt (Betaald op / Paid on), en maak cel D2 leeg.',
      ],
    ]);
    expect((await headerRow('en')).faults[1].reason).toBe("This column's header is spread over two rows, this cell and cell D2 (op); put the whole header in this cell, as the template names it (Betaald op / Paid on), and clear cell D2.");

    // The row below the headers is part of them (a header in the other language; a unit alone would be a note): neither the dry run nor the commit takes it for a row.
    const unit = asUpload(new TextEncoder().encode(['Eigen kenmerk;Kenmerk levering;Bedrag;Grondslag;Ingangsdatum', ';;Amount (€);;', 'SPLIT-W;IMP-1;5;Vervangingswaarde;2025-07-01'].join('\r\n')), 'waarderingen.csv');
    const outcomes = (body: any) => body.rows.map((row: any) => [row.rowNumber, row.outcome, row.faults.map((fault: any) => `${fault.columnLetter} ${fault.code}`)]);
    const dryRun = await registrar('POST', '/imports/dry-run', unit);
    expect([dryRun.body.headerFaults.map((header: any) => [header.rowNumber, header.faults.map((fault: any) => `${fault.columnLetter} ${fault.code}`)]), outcomes(dryRun.body)]).toEqual([[[1, ['C headerOverTwoRows']]], [[3, 'create', []]]]);
    expect((await registrar('POST', '/imports', { ...unit, mode: 'allOrNothing' })).body).toMatchObject({ committed: false, importId: null });
    const committed = await registrar('POST', '/imports', { ...unit, mode: 'onlyValid' });
    expect([committed.body.committed, outcomes(committed.body)]).toEqual([true, outcomes(dryRun.body)]);

    const refused = await finance('POST', '/imports/dry-run', upload(['Eigen;Kenmerk;Bedrag;Betaald', 'kenmerk;levering;(€);op', 'SPLIT-B;IMP-1;5;2025-07-01']), { 'Accept-Language': 'en' });
    expect(refused.body.invalidParams).toEqual([
      expect.objectContaining({ code: 'noKnownSheet' }),
      expect.objectContaining({
        code: 'headersOverTwoRows',
        reason: "Nothing is imported from the sheet betalingen.csv: it has the template's column headers only spread over two rows, 1 and 2 (such as Eigen kenmerk, in A1 and A2). Put each header in one cell on row 1 and remove row 2.",
      }),
    ]);

    // Staggered, with two of the template's headers on row 1: the sheet is taken, each header on row 2 is said to belong on row 1.
    const staggeredTaken = await finance('POST', '/imports/dry-run', upload(['Eigen kenmerk;;Bedrag (€);', ';Kenmerk levering;;Betaald op', 'STAGGER-B;IMP-1;5;2025-07-01']), { 'Accept-Language': 'en' });
    const staggeredRows = [...staggeredTaken.body.headerFaults, ...staggeredTaken.body.rows];
    expect(staggeredRows.map((row: any) => [row.rowNumber, row.faults.map((fault: any) => `${fault.columnLetter ?? '-'} ${fault.column}: ${fault.reason}`)])).toEqual([
      [
        1,
        [
          "B : This column's header is not in this cell but in cell B2 (Kenmerk levering); put it in this cell, as the template names it (Kenmerk levering / Delivery reference), and clear cell B2.",
          "D : This column's header is not in this cell but in cell D2 (Betaald op); put it in this cell, as the template names it (Betaald op / Paid on), and clear cell D2.",
        ],
      ],
      // The file lacks the two columns until their headers are on row 1.
      [3, ['- Kenmerk levering / Delivery reference: Fill in this field.', '- Betaald op / Paid on: Fill in this field.']],
    ]);

    const staggered = upload(['Eigen kenmerk;;;;Opmerking;Status', ';Kenmerk levering;Bedrag;Betaald op;;', 'STAGGER-B;IMP-1;5;2025-07-01;;']);
    const staggeredReason = async (language: string) => (await finance('POST', '/imports/dry-run', staggered, { 'Accept-Language': language })).body.invalidParams.find((fault: any) => fault.code === 'headersStaggered')?.reason;
    expect(await staggeredReason('nl')).toBe(
      'Van het blad betalingen.csv wordt niets geïmporteerd: zijn kolomkoppen staan verspringend op twee regels, een deel op regel 2 en de rest op regel 1. Zet de koppen in A1, E1, F1 op regel 2 (in A2, E2, F2), zodat alle kolomkoppen op één regel staan, en haal regel 1 weg.',
    );
    expect(await staggeredReason('en')).toBe(
      'Nothing is imported from the sheet betalingen.csv: its column headers are staggered over two rows, some on row 2 and the others on row 1. Move the headers in A1, E1, F1 to row 2 (to A2, E2, F2), so that all column headers are on one row, and remove row 1.',
    );
  });

  it('says by row and column, with what to do, what a file lacks or has too much of and what it would change, and commits only what it may', async () => {
    const csv = [
      'Eigen kenmerk;Kenmerk levering;Bedrag;Grondslag;Ingangsdatum;Opmerking',
      'IMP-1-W;IMP-1;1.234,57;Boekwaarde;2025-06-01;',
      'HDR-1;IMP-1;-5;Vervangingswaarde;2025-06-05;',
      'HDR-2;IMP-1;10;Vervangingswaarde;2025-06-06;',
      'HDR-3;ONBEKEND;10;Vervangingswaarde;2025-06-07;',
      'HDR-4;IMP-1;10;Marktwaarde;2025-06-08;',
      'HDR-4;IMP-1;10;Vervangingswaarde;2025-06-09;',
      'HDR-5;IMP-1;10;Vervangingswaarde;2025-06-06;',
    ].join('\r\n');
    const upload = asUpload(new TextEncoder().encode(csv), 'waarderingen.csv');
    const dryRun = await registrar('POST', '/imports/dry-run', upload, { 'Accept-Language': 'nl' });
    const said = (rows: any[]) => rows.map((row: any) => [row.rowNumber, row.outcome ?? null, row.faults.map((fault: any) => `${fault.columnLetter} ${fault.column}: ${fault.reason.replaceAll('\u00a0', ' ')}`)]);
    expect(said(dryRun.body.headerFaults)).toEqual([[1, null, ['F Opmerking: Het sjabloon kent deze kolom niet; geef haar de kop van een kolom uit het sjabloon, of verwijder haar.']]]);
    expect(said(dryRun.body.rows)).toEqual([
      [
        2,
        'invalid',
        [
          'C Bedrag: Het register heeft onder dit kenmerk € 1.234,56, dit bestand € 1.234,57; trek de waardering in het register in en importeer deze regel onder een nieuw kenmerk (een import wijzigt niets), of neem hier over wat het register heeft.',
          'D Grondslag: Het register heeft onder dit kenmerk "Vervangingswaarde", dit bestand "Boekwaarde"; trek de waardering in het register in en importeer deze regel onder een nieuw kenmerk (een import wijzigt niets), of neem hier over wat het register heeft.',
        ],
      ],
      [3, 'invalid', ['C Bedrag: Vul een bedrag in van € 0,00 of meer.']],
      [4, 'create', []],
      [5, 'invalid', ['B Kenmerk levering: Er is geen levering met dit kenmerk, in het bestand noch in het register; voeg de levering toe op het blad Leveringen, of gebruik het kenmerk of id van een levering in het register.']],
      [6, 'invalid', ['D Grondslag: Kies een van: Vervangingswaarde, Boekwaarde, Contractprijs, Bijdrage.']],
      [7, 'invalid', ['A Eigen kenmerk: Dit kenmerk staat al op regel 6 van dit blad (hoofdletters tellen niet mee, meerdere spaties als één); geef elke regel een eigen kenmerk.']],
      [8, 'invalid', ['E Ingangsdatum: Deze levering heeft op regel 4 al een waardering met deze ingangsdatum; geef een van beide een andere ingangsdatum of voeg ze samen.']],
    ]);
    expect((await registrar('POST', '/imports', { ...upload, mode: 'allOrNothing' })).body).toMatchObject({ committed: false, importId: null });
    expect((await registrar('POST', '/imports', { ...upload, mode: 'onlyValid' })).body).toMatchObject({ committed: true, counts: { create: 1, invalid: 6 } });

    // The valuation just imported, now under another delivery of the file: a change, not "unchanged".
    const moved = new ExcelJS.Workbook();
    moved.addWorksheet('Leveringen').addRows([['Eigen kenmerk', 'Titel', 'Soort steun', 'Categorie', 'Financieringsbron'], ['HDR-D', 'Granaten', 'Directe levering uit voorraad', 'Munitie', 'Defensiebegroting']]);
    moved.addWorksheet('Waarderingen').addRows([['Eigen kenmerk', 'Kenmerk levering', 'Bedrag', 'Grondslag', 'Ingangsdatum'], ['HDR-2', 'HDR-D', 10, 'Vervangingswaarde', '2025-06-06']]);
    const movedRun = await registrar('POST', '/imports/dry-run', asUpload(new Uint8Array(await moved.xlsx.writeBuffer())), { 'Accept-Language': 'en' });
    expect(movedRun.body.rows.find((row: any) => row.reference === 'HDR-2')).toMatchObject({
      outcome: 'invalid',
      faults: [expect.objectContaining({ columnLetter: 'B', code: 'differsFromRegister', reason: expect.stringContaining('The register holds "IMP-1" under this reference, this file "HDR-D"') })],
    });

    // A count beyond 2^53 breaks two rules of the API at once; the row says it once.
    const huge = asUpload(new TextEncoder().encode('Eigen kenmerk;Titel;Soort steun;Categorie;Financieringsbron;Aantal\nDUP-1;Granaten;Directe levering uit voorraad;Munitie;Defensiebegroting;100000000000000000000\n'), 'groot.csv');
    expect((await registrar('POST', '/imports/dry-run', huge)).body.rows[0].faults).toEqual([expect.objectContaining({ columnLetter: 'F', code: 'tooLarge' })]);

    // An empty sheet of notes whose headers look like a delivery's loses nothing: it is no fault.
    const withNotes = new ExcelJS.Workbook();
    withNotes.addWorksheet('Waarderingen').addRows([['Eigen kenmerk', 'Kenmerk levering', 'Bedrag', 'Grondslag', 'Ingangsdatum'], ['NOTES-1', 'IMP-1', 10, 'Vervangingswaarde', '2025-06-09']]);
    withNotes.addWorksheet('Notities').addRow(['Titel', 'Omschrijving', 'Wie']);
    const notes = await registrar('POST', '/imports/dry-run', asUpload(new Uint8Array(await withNotes.xlsx.writeBuffer())));
    expect(notes.body.counts).toEqual({ create: 1, unchanged: 0, invalid: 0, example: 0, notes: 0 });

    const oldWorkbook = new Uint8Array(512);
    oldWorkbook.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const refused = await registrar('POST', '/imports/dry-run', asUpload(oldWorkbook, 'leveringen.xls'), { 'Accept-Language': 'nl' });
    expect([refused.status, refused.body.invalidParams]).toEqual([400, [expect.objectContaining({ name: 'content', code: 'oldOrProtectedWorkbook', reason: expect.stringContaining('sla het op als Excel-werkmap (.xlsx) zonder wachtwoord') })]]);
  });

  it('tells the faults of a header row per sheet, apart from the rows, so that the counts count the rows of data: a missing column is no second row with a fault', async () => {
    const csv = (lines: string[]) => asUpload(new TextEncoder().encode(lines.join('\r\n')), 'waarderingen.csv');
    // One row of data on a sheet that lacks the column of its date: one row with a fault, the header row's beside it.
    const lacking = await registrar('POST', '/imports/dry-run', csv(['Eigen kenmerk;Kenmerk levering;Bedrag (€);Grondslag', 'KOP-W1;IMP-1;10;Vervangingswaarde']), { 'Accept-Language': 'nl' });
    expect(lacking.body.counts).toEqual({ create: 0, unchanged: 0, invalid: 1, example: 0, notes: 0 });
    expect(lacking.body.rows.map((row: any) => [row.rowNumber, row.outcome, row.faults.map((fault: any) => `${fault.field} ${fault.code}`)])).toEqual([[2, 'invalid', ['effectiveDate required']]]);
    expect(lacking.body.headerFaults).toEqual([
      {
        sheet: 'valuation',
        sheetName: 'waarderingen.csv',
        rowNumber: 1,
        faults: [
          {
            field: 'effectiveDate',
            column: 'Ingangsdatum / Effective date',
            columnLetter: null,
            code: 'missingColumn',
            reason: 'Dit blad mist de kolom Ingangsdatum / Effective date; voeg die toe met de kop uit het sjabloon.',
            reasonsByLanguage: { nl: 'Dit blad mist de kolom Ingangsdatum / Effective date; voeg die toe met de kop uit het sjabloon.', en: expect.stringContaining('Ingangsdatum / Effective date') },
          },
        ],
      },
    ]);

    // A column the template does not have leaves the row beside it without a fault: all or nothing still imports nothing, only the valid rows imports it.
    const extra = csv(['Eigen kenmerk;Kenmerk levering;Bedrag (€);Grondslag;Ingangsdatum;Paraaf', 'KOP-W2;IMP-1;10;Vervangingswaarde;2025-07-01;JdV']);
    const checked = await registrar('POST', '/imports/dry-run', extra);
    expect([checked.body.counts, checked.body.headerFaults.map((header: any) => [header.sheetName, header.rowNumber, header.faults.map((fault: any) => `${fault.columnLetter} ${fault.code}`)])]).toEqual([
      { create: 1, unchanged: 0, invalid: 0, example: 0, notes: 0 },
      [['waarderingen.csv', 1, ['F unknownColumn']]],
    ]);
    expect((await registrar('POST', '/imports', { ...extra, mode: 'allOrNothing' })).body).toMatchObject({ committed: false, importId: null, counts: { create: 1, invalid: 0 }, headerFaults: [expect.objectContaining({ rowNumber: 1 })] });
    expect((await registrar('POST', '/imports', { ...extra, mode: 'onlyValid' })).body).toMatchObject({ committed: true, counts: { create: 1, invalid: 0 } });
  });

  it('refuses, with only the valid rows too, a row with a value in a second column under the same header, where which of the two is meant cannot be told', async () => {
    const csv = (lines: string[]) => asUpload(new TextEncoder().encode(lines.join('\r\n')), 'waarderingen.csv');
    const twice = csv([
      'Eigen kenmerk;Kenmerk levering;Bedrag (€);Grondslag;Ingangsdatum;Bedrag (€)',
      'KOP-W3;IMP-1;1,00;Vervangingswaarde;2025-07-01;2.000.000,00',
      'KOP-W4;IMP-1;10,00;Vervangingswaarde;2025-07-02;',
    ]);
    const checked = await registrar('POST', '/imports/dry-run', twice, { 'Accept-Language': 'nl' });
    expect(checked.body.headerFaults.map((header: any) => header.faults.map((fault: any) => `${fault.columnLetter} ${fault.code}`))).toEqual([['F duplicateColumn']]);
    expect(checked.body.rows.map((row: any) => [row.rowNumber, row.outcome, row.faults.map((fault: any) => [fault.columnLetter, fault.code, fault.reason])])).toEqual([
      [2, 'invalid', [['C', 'valueInRepeatedColumn', 'Kolom F heeft dezelfde kop als deze kolom en in deze regel ook een waarde, dus welke van de twee bedoeld is, is niet te zeggen; verwijder een van beide kolommen.']]],
      [3, 'create', []],
    ]);
    expect((await registrar('POST', '/imports', { ...twice, mode: 'onlyValid' })).body).toMatchObject({ committed: true, counts: { create: 1, invalid: 1 } });
  });

  it('refuses the rows of a hidden or very hidden sheet, which its user cannot see, naming the sheet on its row 1; an empty hidden sheet is no fault', async () => {
    const DELIVERY_HEADERS = ['Eigen kenmerk', 'Titel', 'Soort steun', 'Categorie', 'Financieringsbron'];
    const delivery = (reference: string) => [reference, 'Granaten', 'Directe levering uit voorraad', 'Munitie', 'Defensiebegroting'];
    const workbook = async (sheets: { name: string; state: 'visible' | 'hidden' | 'veryHidden'; rows: (string | number)[][] }[]) => {
      const made = new ExcelJS.Workbook();
      for (const { name, state, rows } of sheets) made.addWorksheet(name, { state }).addRows(rows);
      return asUpload(new Uint8Array(await made.xlsx.writeBuffer()), 'verborgen.xlsx');
    };
    const hidden = await workbook([
      { name: 'Leveringen', state: 'hidden', rows: [DELIVERY_HEADERS, delivery('VERB-1')] },
      { name: 'Waarderingen', state: 'visible', rows: [['Eigen kenmerk', 'Kenmerk levering', 'Bedrag', 'Grondslag', 'Ingangsdatum'], ['VERB-1-W', 'VERB-1', 10, 'Vervangingswaarde', '2025-06-10']] },
    ]);
    const before = await stockToday();
    const dryRun = await registrar('POST', '/imports/dry-run', hidden, { 'Accept-Language': 'nl' });
    const hiddenReason = 'Het blad Leveringen is verborgen, dus zijn regels zijn niet te zien; maak het blad zichtbaar om ze te importeren, of verwijder het.';
    const sheetFault = { field: 'sheet', column: '', columnLetter: null, code: 'hiddenSheet', reason: hiddenReason, reasonsByLanguage: { nl: hiddenReason, en: expect.stringContaining('Leveringen') } };
    expect(dryRun.body.headerFaults).toEqual([{ sheet: 'delivery', sheetName: 'Leveringen', rowNumber: 1, faults: [sheetFault] }]);
    expect(dryRun.body.rows.map((row: any) => [row.sheetName, row.rowNumber, row.outcome, row.faults.map((fault: any) => fault.code)])).toEqual([
      ['Leveringen', 2, 'invalid', ['hiddenSheet']],
      ['Waarderingen', 2, 'invalid', ['deliveryRowInvalid']],
    ]);
    // Money on another sheet than its delivery is told on which sheet the delivery's row is.
    expect(dryRun.body.rows[1].faults[0].reason).toBe('De levering op regel 2 van het blad Leveringen heeft een fout; herstel die eerst.');
    expect((await registrar('POST', '/imports', { ...hidden, mode: 'allOrNothing' })).body).toMatchObject({ committed: false, importId: null });
    // Nor with only the valid rows: the hidden sheet's rows are not valid, nor what belongs to them.
    expect((await registrar('POST', '/imports', { ...hidden, mode: 'onlyValid' })).body).toMatchObject({ committed: false, importId: null, counts: { create: 0, invalid: 2 } });
    expect(await stockToday()).toBe(before);

    const veryHidden = await workbook([{ name: 'Leveringen', state: 'veryHidden', rows: [DELIVERY_HEADERS, delivery('VERB-2')] }]);
    expect((await registrar('POST', '/imports/dry-run', veryHidden, { 'Accept-Language': 'en' })).body.headerFaults[0]).toMatchObject({
      sheetName: 'Leveringen',
      rowNumber: 1,
      faults: [expect.objectContaining({ code: 'hiddenSheet', reason: expect.stringMatching(/^The sheet Leveringen is very hidden \(Excel's Unhide does not list it/) })],
    });

    const emptyHidden = await workbook([
      { name: 'Leveringen', state: 'hidden', rows: [DELIVERY_HEADERS] },
      { name: 'Nieuwe leveringen', state: 'visible', rows: [DELIVERY_HEADERS, delivery('VERB-3')] },
    ]);
    expect((await registrar('POST', '/imports/dry-run', emptyHidden)).body.counts).toEqual({ create: 1, unchanged: 0, invalid: 0, example: 0, notes: 0 });
  });

  it('says of a negative payment once that a payment is more than € 0, the rule it breaks', async () => {
    const csv = 'Eigen kenmerk;Kenmerk levering;Bedrag (€);Betaald op\r\nNEG-B;IMP-1;-5;2025-07-01\r\n';
    const dryRun = await finance('POST', '/imports/dry-run', asUpload(new TextEncoder().encode(csv), 'betalingen.csv'), { 'Accept-Language': 'nl' });
    expect(dryRun.body.rows[0].faults.map((fault: any) => `${fault.columnLetter} ${fault.reason}`)).toEqual([
      // IMP-1 is from stock: said at once, at its reference, beside the amount.
      'B Een levering uit eigen voorraad wordt niet betaald maar gewaardeerd; voeg een waardering toe.',
      'C Vul een bedrag in van meer dan € 0,00.',
    ]);
  });

  it('refuses a payment under a reference another payment of its delivery carries, in the register or in the file, unless that one was withdrawn', async () => {
    const purchase = (await registrar('POST', '/deliveries', { title: 'Aankoop met betalingen', category: 'ammunition', supportType: 'procurement', fundingSource: 'ukraineSupportBudget', committedAt: '2025-01-15' })).body;
    await finance('POST', `/deliveries/${purchase.id}/payments`, { amountCents: 5_00, paidOn: '2025-02-01', reference: 'F-2025-0042' });
    const wrong = (await finance('POST', `/deliveries/${purchase.id}/payments`, { amountCents: 5_00, paidOn: '2025-02-01', reference: 'F-2025-0043' })).body;
    expect((await finance('POST', `/payments/${wrong.id}/withdrawal`, { withdrawnOn: '2025-02-01', reason: 'Tikfout' })).status).toBe(201);
    const csv = [
      'Eigen kenmerk;Kenmerk levering;Bedrag (€);Betaald op;Betalingskenmerk',
      `DUP-B1;${purchase.id};5;2025-02-01;f-2025-0042`,
      `DUP-B2;${purchase.id};5;2025-02-02;F-2025-0043`,
      `DUP-B3;${purchase.id};5;2025-02-03;F-2025-0044`,
      `DUP-B4;${purchase.id};5;2025-02-04;f-2025-0044`,
    ].join('\r\n');
    const dryRun = await finance('POST', '/imports/dry-run', asUpload(new TextEncoder().encode(csv), 'betalingen.csv'), { 'Accept-Language': 'en' });
    expect(dryRun.body.rows.map((row: any) => [row.rowNumber, row.outcome, row.faults.map((fault: any) => `${fault.columnLetter} ${fault.code}`)])).toEqual([
      [2, 'invalid', ['E paymentReferenceTaken']],
      [3, 'create', []],
      [4, 'create', []],
      [5, 'invalid', ['E samePaymentReference']],
    ]);
    expect(dryRun.body.rows[3].faults[0].reason).toBe('This delivery has a payment with this reference on row 4 already (capitals do not count, several spaces count as one); give each payment a reference of its own.');
  });

  it('says of a value taken out of a row the register holds that it differs, and not of a column the file leaves out or the realisation a payment gives', async () => {
    const upload = (lines: string[], name: string) => asUpload(new TextEncoder().encode(lines.join('\r\n')), name);
    const deliveries = (quantity: string, unit: string, company: string) => upload([
      'Eigen kenmerk;Titel;Soort steun;Categorie;Financieringsbron;Aantal;Eenheid;Juridisch verplicht op;Gerealiseerd op;Bedrijf',
      `EMPTIED-1;Munitie;procurement;ammunition;ukraineSupportBudget;${quantity};${unit};2025-01-10;;${company}`,
    ], 'leveringen.csv');
    const payments = (reference: string) => upload(['Eigen kenmerk;Kenmerk levering;Bedrag (€);Betaald op;Betalingskenmerk', `EMPTIED-1-B;EMPTIED-1;5;2025-02-01;${reference}`], 'betalingen.csv');
    expect((await registrar('POST', '/imports', { ...deliveries('2', 'stuks', 'Bedrijf X'), mode: 'allOrNothing' })).body.counts).toMatchObject({ create: 1 });
    expect((await finance('POST', '/imports', { ...payments('F-EMPTIED'), mode: 'allOrNothing' })).body.counts).toMatchObject({ create: 1 });

    // The purchase is now realised on the day of its payment, which the file leaves empty: unchanged.
    expect((await registrar('POST', '/imports/dry-run', deliveries('2', 'stuks', 'Bedrijf X'))).body.rows.map((row: any) => row.outcome)).toEqual(['unchanged']);
    const emptied = await registrar('POST', '/imports/dry-run', deliveries('', '', ''), { 'Accept-Language': 'en' });
    expect(emptied.body.rows[0].faults.map((fault: any) => `${fault.columnLetter} ${fault.code} ${fault.reason.split(';')[0]}`)).toEqual([
      'F differsFromRegister The register holds "2" under this reference, this file (empty)',
      'G differsFromRegister The register holds "stuks" under this reference, this file (empty)',
      'J differsFromRegister The register holds "Bedrijf X" under this reference, this file (empty)',
    ]);
    const paymentEmptied = await finance('POST', '/imports/dry-run', payments(''), { 'Accept-Language': 'en' });
    expect(paymentEmptied.body.rows[0].faults.map((fault: any) => `${fault.columnLetter} ${fault.code}`)).toEqual(['E differsFromRegister']);
    // A payment is not changed in the register but withdrawn; to the registrar, whose role does not record payments, finance does that.
    expect(paymentEmptied.body.rows[0].faults[0].reason).toMatch(/; withdraw the payment in the register and import this row under a new reference \(an import changes nothing\), or copy here what the register holds\.$/);
    const toTheRegistrar = await registrar('POST', '/imports/dry-run', payments(''), { 'Accept-Language': 'nl' });
    expect(toTheRegistrar.body.rows[0].faults.find((fault: any) => fault.code === 'differsFromRegister').reason).toMatch(/Financiën kan de betaling in het register intrekken en opnieuw vastleggen\)\.$/);
    const withoutTheColumns = upload(['Eigen kenmerk;Titel;Soort steun;Categorie;Financieringsbron', 'EMPTIED-1;Munitie;procurement;ammunition;ukraineSupportBudget'], 'leveringen.csv');
    expect((await registrar('POST', '/imports/dry-run', withoutTheColumns)).body.rows.map((row: any) => row.outcome)).toEqual(['unchanged']);
  });

  it('says of a payment row the register holds with another note only that it differs, not that the payment’s own reference is taken', async () => {
    const payment = (note: string) =>
      asUpload(new TextEncoder().encode(['Eigen kenmerk;Kenmerk levering;Bedrag (€);Betaald op;Betalingskenmerk;Toelichting', `EMPTIED-1-B;EMPTIED-1;5;2025-02-01;F-EMPTIED;${note}`].join('\r\n')), 'betalingen.csv');
    expect((await finance('POST', '/imports/dry-run', payment(''))).body.rows.map((row: any) => row.outcome)).toEqual(['unchanged']);
    const changed = await finance('POST', '/imports/dry-run', payment('Een andere toelichting'));
    expect(changed.body.rows[0].faults.map((fault: any) => `${fault.columnLetter} ${fault.code}`)).toEqual(['F differsFromRegister']);
  });

  it('takes a text the same as the register holds but for spaces around it, which a cell does not show, as unchanged', async () => {
    const stock = (await registrar('POST', '/deliveries', { title: 'Voorraad met toelichting', category: 'nonLethal', supportType: 'stock', fundingSource: 'defenceBudget' })).body;
    const valuation = (note: string) =>
      asUpload(new TextEncoder().encode(['Eigen kenmerk;Kenmerk levering;Bedrag (€);Grondslag;Ingangsdatum;Toelichting', `SPACED-W;${stock.id};10;replacementValue;2025-06-01;${note}`].join('\r\n')), 'waarderingen.csv');
    expect((await registrar('POST', '/imports', { ...valuation('  Geschat  '), mode: 'allOrNothing' })).body.counts).toMatchObject({ create: 1 });
    expect((await registrar('POST', '/imports/dry-run', valuation('Geschat'))).body.rows.map((row: any) => row.outcome)).toEqual(['unchanged']);
    const changed = await registrar('POST', '/imports/dry-run', valuation('Geschat, herzien'));
    expect(changed.body.rows[0].faults.map((fault: any) => `${fault.columnLetter} ${fault.code}`)).toEqual(['F differsFromRegister']);
  });

  it('does not lower the quantity of a delivery it created below what a disclosure decision states: the row differs from the register', async () => {
    const deliveries = (quantity: string) =>
      asUpload(new TextEncoder().encode(['Eigen kenmerk;Titel;Soort steun;Categorie;Financieringsbron;Aantal;Eenheid;Juridisch verplicht op', `DISCLOSED-1;Generatoren;procurement;nonLethal;ukraineSupportBudget;${quantity};stuks;2025-01-10`].join('\r\n')), 'leveringen.csv');
    const imported = await registrar('POST', '/imports', { ...deliveries('8'), mode: 'allOrNothing' });
    expect(imported.body.counts).toMatchObject({ create: 1 });
    const id = (await database().db.selectFrom('importedRecord').select('recordId').where('sheet', '=', 'delivery').where('externalReference', '=', 'DISCLOSED-1').executeTakeFirstOrThrow()).recordId;
    const decided = await apiClient(database().db, { role: 'disclosureOfficer' })('POST', '/disclosure-decisions', { deliveryIds: [id], state: 'public', publicTitle: 'Generatoren', publicCategory: 'nonLethal', publicQuantity: '8' });
    expect(decided.status).toBe(201);

    const lowered = await registrar('POST', '/imports', { ...deliveries('5'), mode: 'onlyValid' }, { 'Accept-Language': 'en' });
    expect(lowered.body.rows.map((row: any) => [row.outcome, row.faults.map((fault: any) => `${fault.columnLetter} ${fault.code}`)])).toEqual([['invalid', ['F differsFromRegister']]]);
    expect((await registrar('GET', `/deliveries/${id}`)).body.quantity).toBe(8);
  });

  it('names every fault of a row at once: the order of its dates beside a wrong choice, an unknown delivery beside a date in the future', async () => {
    const upload = (lines: string[], name: string) => asUpload(new TextEncoder().encode(lines.join('\r\n')), name);
    const deliveries = upload([
      'Eigen kenmerk;Titel;Soort steun;Categorie;Financieringsbron;Toegezegd op;Gerealiseerd op',
      'ALL-FAULTS-1;Tanks;stock;Tanks;ukraineSupportBudget;2025-05-01;2025-02-01',
    ], 'leveringen.csv');
    const faultsOf = async (file: { fileName: string; content: string }) =>
      (await registrar('POST', '/imports/dry-run', file)).body.rows.map((row: any) => row.faults.map((fault: any) => `${fault.columnLetter} ${fault.code}`).sort());
    expect(await faultsOf(deliveries)).toEqual([['D invalidChoice', 'G beforeEarlierStage']]);
    const valuations = upload(['Eigen kenmerk;Kenmerk levering;Bedrag (€);Grondslag;Ingangsdatum', 'ALL-FAULTS-W;NO-SUCH-DELIVERY;10;replacementValue;2099-01-01'], 'waarderingen.csv');
    expect(await faultsOf(valuations)).toEqual([['B unknownDeliveryReference', 'E dateInFuture']]);
  });

  it("names at once what a valuation breaks against its delivery's row when that row has a fault of its own, and that fault on each of its valuations", async () => {
    const rows = {
      // A category that is none: the row's fault. What else it says (stock, pledged on 3 February) was read.
      'Leveringen (Deliveries)': [['FAULTY-1', 'Drones (import)', 'Directe levering uit voorraad', 'Geen categorie', 'Defensiebegroting', 10, 'stuks', '2025-02-03', null, null, null]],
      'Waarderingen (Valuations)': [
        ['FAULTY-W1', 'FAULTY-1', 'abc', 'Vervangingswaarde', '2025-02-15'],
        ['FAULTY-W2', 'FAULTY-1', 10, 'Contractprijs', '2025-03-01'],
        ['FAULTY-W3', 'FAULTY-1', 10, 'Vervangingswaarde', '2025-01-01'],
        ['FAULTY-W4', 'FAULTY-1', 10, 'Boekwaarde', '2025-04-01'],
      ],
    };
    const dryRun = await registrar('POST', '/imports/dry-run', asUpload(await filledTemplate(new Uint8Array(template), rows)));
    const faults = (sheet: string) =>
      dryRun.body.rows.filter((row: any) => row.sheet === sheet && row.outcome !== 'example').map((row: any) => [row.reference, row.faults.map((fault: any) => `${fault.columnLetter} ${fault.code}`)]);
    expect(faults('delivery')).toEqual([['FAULTY-1', ['D invalidChoice']]]);
    expect(faults('valuation')).toEqual([
      ['FAULTY-W1', ['B deliveryRowInvalid', 'C notAnAmount']],
      ['FAULTY-W2', ['B deliveryRowInvalid', 'D basisNotOfSupportType']],
      ['FAULTY-W3', ['B deliveryRowInvalid', 'E beforeEarlierStage']],
      ['FAULTY-W4', ['B deliveryRowInvalid']],
    ]);
  });

  it('counts a merged amount once, saying of each row it covers that its cell has no value of its own, and refuses an amount shown as a percentage', async () => {
    const stock = (await registrar('POST', '/deliveries', { title: 'Samengevoegd', category: 'nonLethal', supportType: 'stock', fundingSource: 'defenceBudget', realisedAt: '2025-02-01' })).body;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Waarderingen');
    sheet.addRows([
      ['Eigen kenmerk', 'Kenmerk levering', 'Bedrag (€)', 'Grondslag', 'Ingangsdatum'],
      ['MERGE-W1', stock.id, 1_000_000, 'Vervangingswaarde', '2025-02-01'],
      ['MERGE-W2', stock.id, null, 'Vervangingswaarde', '2025-03-01'],
      ['MERGE-W3', stock.id, 0.15, 'Vervangingswaarde', '2025-04-01'],
    ]);
    sheet.mergeCells('C2:C3');
    sheet.getCell('C4').numFmt = '0%';
    const dryRun = await registrar('POST', '/imports/dry-run', asUpload(new Uint8Array(await workbook.xlsx.writeBuffer()), 'samengevoegd.xlsx'), { 'Accept-Language': 'en' });
    expect(dryRun.body.rows.map((row: any) => [row.rowNumber, row.outcome, row.values?.amountCents, row.faults.map((fault: any) => `${fault.columnLetter} ${fault.code}`)])).toEqual([
      [2, 'create', 100_000_000, []],
      [3, 'invalid', undefined, ['C mergedCell']],
      [4, 'invalid', undefined, ['C notAnAmount']],
    ]);
    expect(dryRun.body.rows[1].faults[0].reason).toBe('This cell is merged into C2 and holds no value of its own (Excel counts that value once); unmerge the cells and type the value on each row it applies to.');
  });

  it('takes a reference typed as a number in a cell of its own format as the cell shows it, and imports it once', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Leveringen');
    sheet.addRows([
      ['Eigen kenmerk', 'Titel', 'Soort steun', 'Categorie', 'Financieringsbron'],
      [2002, 'Zandzakken (kenmerk met voorloopnullen)', 'stock', 'nonLethal', 'defenceBudget'],
    ]);
    sheet.getCell('A2').numFmt = '00000';
    const file = asUpload(new Uint8Array(await workbook.xlsx.writeBuffer()), 'voorloopnullen.xlsx');
    const dryRun = await registrar('POST', '/imports/dry-run', file);
    expect(dryRun.body.rows.map((row: any) => [row.reference, row.outcome, row.faults])).toEqual([['02002', 'create', []]]);
    expect((await registrar('POST', '/imports', { ...file, mode: 'allOrNothing' })).body).toMatchObject({ committed: true, counts: { create: 1 } });
    expect((await registrar('POST', '/imports/dry-run', file)).body.rows.map((row: any) => [row.reference, row.outcome])).toEqual([['02002', 'unchanged']]);
  });

  it('says of a reference that a formula cannot compute (#N/A of a lookup) only that, without taking the error for a reference', async () => {
    const errorCell = (ref: string, error: string) => `<c r="${ref}" t="e"><v>${error}</v></c>`;
    const delivery = (rowNumber: number, reference: string) =>
      row(rowNumber, [reference, text(`B${rowNumber}`, 'Granaten'), text(`C${rowNumber}`, 'stock'), text(`D${rowNumber}`, 'ammunition'), text(`E${rowNumber}`, 'defenceBudget')]);
    const workbook = rawWorkbook([
      { name: 'Leveringen', rows: headers(['Eigen kenmerk', 'Titel', 'Soort steun', 'Categorie', 'Financieringsbron']) + delivery(2, errorCell('A2', '#N/A')) + delivery(3, errorCell('A3', '#N/A')) },
      {
        name: 'Waarderingen',
        rows: headers(['Eigen kenmerk', 'Kenmerk levering', 'Bedrag', 'Grondslag', 'Ingangsdatum']) + row(2, [text('A2', 'ERR-W'), errorCell('B2', '#REF!'), text('C2', '10'), text('D2', 'replacementValue'), text('E2', '2025-06-01')]),
      },
    ]);
    const dryRun = await registrar('POST', '/imports/dry-run', asUpload(workbook), { 'Accept-Language': 'en' });
    expect(dryRun.body.rows.map((row: any) => [row.sheetName, row.rowNumber, row.reference, row.faults.map((fault: any) => `${fault.columnLetter} ${fault.code}: ${fault.reason}`)])).toEqual([
      ['Leveringen', 2, null, ['A cellError: This cell shows the error #N/A; correct the formula or type the value.']],
      ['Leveringen', 3, null, ['A cellError: This cell shows the error #N/A; correct the formula or type the value.']],
      ['Waarderingen', 2, 'ERR-W', ['B cellError: This cell shows the error #REF!; correct the formula or type the value.']],
    ]);
  });

  it('checks the register again when a commit takes the rows its dry run read: what was imported since changes nothing', async () => {
    const delivery = ['IMP-2', 'Mortiergranaten (tweede import)', 'Directe levering uit voorraad', 'Munitie', 'Defensiebegroting', 50, 'stuks', null, null, '2025-06-01', '2025-06-02'];
    const second = { ...asUpload(await filledTemplate(new Uint8Array(template), { 'Leveringen (Deliveries)': [delivery] }), 'tweede.xlsx'), confirm: ['shippedWithoutLicence'] };
    expect((await registrar('POST', '/imports/dry-run', second)).body.counts).toMatchObject({ create: 1, invalid: 0 });
    // The same rows under another file name are read anew, and imported before the dry run's file is committed.
    const copy = await registrar('POST', '/imports', { ...second, fileName: 'kopie.xlsx', mode: 'allOrNothing' });
    expect(copy.body).toMatchObject({ committed: true, counts: { create: 1 } });
    const afterDryRun = await registrar('POST', '/imports', { ...second, mode: 'allOrNothing' });
    expect(afterDryRun.body).toMatchObject({ committed: false, importId: null, counts: { create: 0, unchanged: 1, invalid: 0 } });
  });
});
