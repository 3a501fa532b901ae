import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { createApi } from '../../src/api/app.ts';
import { todayInAmsterdam } from '../../common/dates.ts';
import { loadDemonstrationData } from '../../src/register/demonstration.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { parseCsv } from '../support/csv.ts';
import { licenceFor, positiveAssessment, registerShipped } from '../support/export-control.ts';
import { stockDelivery } from '../support/deliveries.ts';
import { sessionCookieFor } from '../support/sessions.ts';
import { apiClient, type ApiCall } from './client.ts';

describeEachDatabase('export control API', (database) => {
  let registrar: ApiCall;
  let assessor: ApiCall;
  let licensing: ApiCall;
  let parliament: ApiCall;
  beforeAll(() => {
    registrar = apiClient(database().db, { role: 'registrar' });
    assessor = apiClient(database().db, { role: 'exportControlAssessor' });
    licensing = apiClient(database().db, { role: 'licensingOfficer' });
    parliament = apiClient(database().db, { role: 'parliamentReader' });
  });

  const events = async (action: string) => database().db.selectFrom('auditEvent').select(['action', 'result', 'objectId']).where('action', '=', action).orderBy('seq').execute();
  const newStock = async () => (await registrar('POST', '/deliveries', { ...stockDelivery, category: 'largeCalibreArtillery', realisedAt: null })).body as { id: string };

  it('keeps assessing and licensing apart, and refuses bad input changing nothing', async () => {
    const delivery = await newStock();
    expect((await licensing('POST', `/deliveries/${delivery.id}/export-assessments`, positiveAssessment)).status).toBe(403);

    const missing = await assessor('POST', `/deliveries/${delivery.id}/export-assessments`, { ...positiveAssessment, criteria: positiveAssessment.criteria.filter((entry) => entry.criterion !== 4) });
    expect(missing.status).toBe(400);
    expect(missing.body.invalidParams).toEqual([expect.objectContaining({ name: 'criteria.4', code: 'criterionMissing' })]);
    expect((await assessor('GET', `/deliveries/${delivery.id}/export-control`)).body).toMatchObject({ required: true, assessments: [], gate: 'awaitingAssessment' });

    const queue = await assessor('GET', '/export-control/queues');
    expect(queue.body.awaitingAssessment.map((item: { deliveryId: string }) => item.deliveryId)).toContain(delivery.id);

    const negative = await assessor('POST', `/deliveries/${delivery.id}/export-assessments`, {
      ...positiveAssessment,
      outcome: 'negative',
      criteria: positiveAssessment.criteria.map((entry) => (entry.criterion === 2 ? { ...entry, finding: 'objection' } : entry)),
    });
    expect(negative.status).toBe(201);
    const onNegative = await licensing('POST', `/deliveries/${delivery.id}/export-licences`, licenceFor(negative.body.id));
    expect(onNegative.status).toBe(400);
    expect(onNegative.body.invalidParams).toEqual([expect.objectContaining({ name: 'assessmentId', code: 'assessmentNegative' })]);

    const positive = await assessor('POST', `/deliveries/${delivery.id}/export-assessments`, { ...positiveAssessment, assessedOn: '2025-03-11' });
    expect((await assessor('POST', `/deliveries/${delivery.id}/export-licences`, licenceFor(positive.body.id))).status).toBe(403);
    const issued = await licensing('POST', `/deliveries/${delivery.id}/export-licences`, licenceFor(positive.body.id));
    expect(issued.status).toBe(201);
    const control = await licensing('GET', `/deliveries/${delivery.id}/export-control`);
    expect(control.body).toMatchObject({ gate: 'licensed', assessments: [{ id: positive.body.id }, { id: negative.body.id }], licences: [{ id: issued.body.id }] });
  });

  it("names an assessment's rule faults in the same answer as a date the form refuses, changing nothing", async () => {
    const delivery = await newStock();
    const refused = await assessor('POST', `/deliveries/${delivery.id}/export-assessments`, {
      ...positiveAssessment,
      criteria: positiveAssessment.criteria.filter((entry) => entry.criterion !== 4),
      endUser: '',
      endUseStatement: '',
      outcome: 'negative',
      conditions: 'Geen wederuitvoer.',
      assessedOn: '2013-06-01',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.invalidParams.map((param: { name: string; code: string }) => `${param.name} ${param.code}`).sort()).toEqual([
      'assessedOn dateOutOfRange',
      'conditions onlyWithConditions',
      'criteria.4 criterionMissing',
      'endUseStatement required',
      'endUser required',
      'outcome negativeWithoutObjection',
    ]);
    expect((await assessor('GET', `/deliveries/${delivery.id}/export-control`)).body.assessments).toEqual([]);
  });

  it("names a licence's own rule faults in the same answer as a date and a category the form refuses, changing nothing", async () => {
    const delivery = await newStock();
    const assessment = await assessor('POST', `/deliveries/${delivery.id}/export-assessments`, positiveAssessment);
    const refused = await licensing('POST', `/deliveries/${delivery.id}/export-licences`, {
      ...licenceFor(assessment.body.id),
      validUntil: '',
      militaryListCategory: '',
      importingState: 'NL',
      valueAuthorisedCents: 0,
      number: '???',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.invalidParams.map((param: { name: string; code: string }) => `${param.name} ${param.code}`).sort()).toEqual([
      'importingState importingStateIsExporter',
      'militaryListCategory required',
      'number noLetterOrDigit',
      'validUntil required',
      'valueAuthorisedCents amountNotPositive',
    ]);
    expect((await licensing('GET', `/deliveries/${delivery.id}/export-control`)).body.licences).toEqual([]);
  });

  it("refuses a licence's negative and zero value with one message, which the OpenAPI document's minimum agrees with", async () => {
    const delivery = await newStock();
    const assessment = await assessor('POST', `/deliveries/${delivery.id}/export-assessments`, positiveAssessment);
    const refusal = async (valueAuthorisedCents: number) =>
      (await licensing('POST', `/deliveries/${delivery.id}/export-licences`, { ...licenceFor(assessment.body.id), valueAuthorisedCents })).body.invalidParams;
    const expected = [{ name: 'valueAuthorisedCents', code: 'amountNotPositive', reason: 'Vul een bedrag in van meer dan € 0,00.' }];
    expect(await refusal(-5)).toEqual(expected);
    expect(await refusal(0)).toEqual(expected);
    expect((await licensing('GET', `/deliveries/${delivery.id}/export-control`)).body.licences).toEqual([]);

    const document = (await licensing('GET', '/openapi.json')).body;
    expect(document.components.schemas.ExportLicenceInput.properties.valueAuthorisedCents.minimum).toBe(1);
  });

  it("refuses an assessment dated before the delivery's pledge, and a pledge moved after its assessment, changing nothing", async () => {
    const pledged = (await registrar('POST', '/deliveries', { ...stockDelivery, category: 'largeCalibreArtillery', pledgedAt: '2025-01-01', realisedAt: null })).body as { id: string };
    const assessed = async () => (await events('export.assess')).filter((event) => event.objectId === pledged.id && event.result === 'success');
    const early = await assessor('POST', `/deliveries/${pledged.id}/export-assessments`, { ...positiveAssessment, assessedOn: '2014-06-01' }, { 'Accept-Language': 'en' });
    expect(early.status).toBe(400);
    expect(early.body.invalidParams).toEqual([
      { name: 'assessedOn', code: 'beforeEarlierStage', reason: 'The date of export assessment (1 June 2014) lies before that of pledge (1 January 2025).' },
    ]);
    expect(await assessed()).toEqual([]);
    expect((await assessor('GET', `/deliveries/${pledged.id}/export-control`)).body.assessments).toEqual([]);

    expect((await assessor('POST', `/deliveries/${pledged.id}/export-assessments`, { ...positiveAssessment, assessedOn: '2025-01-02' })).status).toBe(201);
    const version = (await registrar('GET', `/deliveries/${pledged.id}`)).headers.get('ETag')!;
    const moved = await registrar('PATCH', `/deliveries/${pledged.id}`, { pledgedAt: '2025-02-01' }, { 'If-Match': version });
    expect(moved.status).toBe(400);
    expect(moved.body.invalidParams).toEqual([expect.objectContaining({ name: 'pledgedAt', code: 'beforeEarlierStage' })]);
    expect((await registrar('GET', `/deliveries/${pledged.id}`)).body.pledgedAt).toBe('2025-01-01');
  });

  it("names a criterion's refused finding or reasoning by the criterion's number, as the assessment form does, not by its place in the list", async () => {
    const delivery = await newStock();
    // Criterion 3 is not found on yet, so criterion 8 is the seventh in the list (index 6).
    const criteria = positiveAssessment.criteria
      .filter((entry) => entry.criterion !== 3)
      .map((entry) => ({ ...entry, ...(entry.criterion === 1 && { reasoning: 'Geen\u0007bezwaar.' }), ...(entry.criterion === 5 && { finding: 'geenBezwaar' }), ...(entry.criterion === 8 && { reasoning: 'x'.repeat(4001) }) }));
    const refused = await assessor('POST', `/deliveries/${delivery.id}/export-assessments`, { ...positiveAssessment, criteria });
    expect(refused.status).toBe(400);
    expect(refused.body.invalidParams.map((param: { name: string; code: string }) => [param.name, param.code])).toEqual([
      ['criteria.1.reasoning', 'controlCharacter'],
      ['criteria.5.finding', 'invalidChoice'],
      ['criteria.8.reasoning', 'tooLong'],
    ]);
    expect((await assessor('GET', `/deliveries/${delivery.id}/export-control`)).body.assessments).toEqual([]);
  });

  it('refuses to hand over or deliver without a licence covering it, records the refusal, and lets it through with one', async () => {
    const delivery = await newStock();
    const handOver = (body: object, version: number) => registrar('PATCH', `/deliveries/${delivery.id}`, body, { 'If-Match': `"${version}"` });

    const refused = await handOver({ realisedAt: '2025-04-15' }, 1);
    expect(refused.status).toBe(400);
    expect(refused.body.invalidParams).toEqual([expect.objectContaining({ name: 'realisedAt', code: 'noLicenceCovers' })]);
    expect((await registrar('GET', `/deliveries/${delivery.id}`)).body).toMatchObject({ version: 1, realisedAt: null });
    expect(await events('shipment.refused')).toContainEqual({ action: 'shipment.refused', result: 'denied', objectId: delivery.id });

    const assessment = await assessor('POST', `/deliveries/${delivery.id}/export-assessments`, positiveAssessment);
    await licensing('POST', `/deliveries/${delivery.id}/export-licences`, { ...licenceFor(assessment.body.id), number: `SMALL-${delivery.id}`, quantityAuthorised: 5 });
    // The registrar may not read export control: told that no licence covers the delivery, not which licence or its figures.
    const above = await handOver({ realisedAt: '2025-04-15' }, 1);
    expect(above.body.invalidParams).toEqual([expect.objectContaining({ name: 'quantity', code: 'noLicenceCovers' })]);
    expect(JSON.stringify(above.body)).not.toContain('SMALL-');
    expect(JSON.stringify(above.body)).not.toMatch(/\b5\b/);
    // The audit trail, which only the auditor reads, keeps the refusal as the gate gave it.
    const refusals = await database().db.selectFrom('auditEvent').select('canonical').where('action', '=', 'shipment.refused').where('objectId', '=', delivery.id).orderBy('seq').execute();
    expect(JSON.parse(refusals.at(-1)!.canonical).detail.violations).toEqual([expect.objectContaining({ field: 'quantity', code: 'quantityAboveLicence', params: expect.objectContaining({ licence: `SMALL-${delivery.id}`, authorised: '5' }) })]);

    await licensing('POST', `/deliveries/${delivery.id}/export-licences`, { ...licenceFor(assessment.body.id), number: `FULL-${delivery.id}` });
    const expired = await handOver({ realisedAt: '2026-04-15' }, 1);
    expect(expired.body.invalidParams).toEqual([expect.objectContaining({ name: 'realisedAt', code: 'noLicenceCovers' })]);
    expect(JSON.stringify(expired.body)).not.toMatch(/FULL-|2026-03-12|12 maart/);

    const handedOver = await handOver({ realisedAt: '2025-04-15' }, 1);
    expect(handedOver.status).toBe(200);
    expect(handedOver.body).toMatchObject({ realisedAt: '2025-04-15', stage: 'realised' });
  });

  it("issues a licence only for the delivery's goods, and does not let one for other goods cover its hand-over, telling the registrar no more than that none covers it", async () => {
    const tanks = (await registrar('POST', '/deliveries', { ...stockDelivery, category: 'battleTanks', realisedAt: null })).body as { id: string };
    const assessment = await assessor('POST', `/deliveries/${tanks.id}/export-assessments`, positiveAssessment);
    const forGuns = await licensing('POST', `/deliveries/${tanks.id}/export-licences`, licenceFor(assessment.body.id), { 'Accept-Language': 'en' });
    expect(forGuns.status).toBe(400);
    expect(forGuns.body.invalidParams).toEqual([
      { name: 'militaryListCategory', code: 'militaryListNotOfGoods', reason: 'ML2 of the Military List is for other weapons or platforms than goods of the category "Battle tanks", which fall under ML6. Equipment (such as ML5, ML11 or ML13) fits goods of any category.' },
      { name: 'unRegisterCategory', code: 'unRegisterNotOfGoods', reason: 'Goods of the category "Battle tanks" are in the UN Register under "I Battle tanks"; choose that one, or none.' },
    ]);
    expect((await licensing('POST', `/deliveries/${tanks.id}/export-licences`, licenceFor(assessment.body.id))).body.invalidParams[0].reason).toBe(
      'ML2 van de Militaire Lijst is voor andere wapens of platforms dan goederen van de categorie "Gevechtstanks", die onder ML6 vallen. Uitrusting (zoals ML5, ML11 of ML13) past bij goederen van elke categorie.',
    );
    expect((await licensing('GET', `/deliveries/${tanks.id}/export-control`)).body).toMatchObject({ licences: [], gate: 'awaitingLicence' });

    // A licence for equipment that goes with tanks (their electronics) is issued, but lets no tank leave: the page and
    // the licensing officer's queue still wait for a licence for the tanks themselves, which then counts.
    const waitingForLicence = async () => (await licensing('GET', '/export-control/queues?licencePageSize=100')).body.awaitingLicence.map((item: { deliveryId: string }) => item.deliveryId);
    expect((await licensing('POST', `/deliveries/${tanks.id}/export-licences`, { ...licenceFor(assessment.body.id), number: `ML11-${tanks.id}`, militaryListCategory: 'ML11', unRegisterCategory: null })).status).toBe(201);
    expect((await licensing('GET', `/deliveries/${tanks.id}/export-control`)).body).toMatchObject({ licences: [expect.objectContaining({ militaryListCategory: 'ML11' })], gate: 'awaitingLicence' });
    expect(await waitingForLicence()).toContain(tanks.id);
    const onElectronics = await registrar('PATCH', `/deliveries/${tanks.id}`, { realisedAt: '2025-04-15' }, { 'If-Match': '"1"' });
    expect(onElectronics.body.invalidParams).toEqual([expect.objectContaining({ name: 'realisedAt', code: 'noLicenceCovers' })]);
    expect((await licensing('POST', `/deliveries/${tanks.id}/export-licences`, { ...licenceFor(assessment.body.id), number: `ML6-${tanks.id}`, militaryListCategory: 'ML6', unRegisterCategory: 'I' })).status).toBe(201);
    expect((await licensing('GET', `/deliveries/${tanks.id}/export-control`)).body).toMatchObject({ gate: 'licensed' });
    expect(await waitingForLicence()).not.toContain(tanks.id);

    // Licensed as guns, then registered as tanks before they leave: the licence for guns does not cover tanks.
    const guns = (await newStock()) as { id: string };
    const gunsAssessment = await assessor('POST', `/deliveries/${guns.id}/export-assessments`, positiveAssessment);
    expect((await licensing('POST', `/deliveries/${guns.id}/export-licences`, { ...licenceFor(gunsAssessment.body.id), number: `GUNS-${guns.id}` })).status).toBe(201);
    expect((await registrar('PATCH', `/deliveries/${guns.id}`, { category: 'battleTanks' }, { 'If-Match': '"1"' })).status).toBe(200);
    const handOver = await registrar('PATCH', `/deliveries/${guns.id}`, { realisedAt: '2025-04-15' }, { 'If-Match': '"2"' });
    expect(handOver.status).toBe(400);
    expect(handOver.body.invalidParams).toEqual([expect.objectContaining({ name: 'realisedAt', code: 'noLicenceCovers' })]);
    expect(JSON.stringify(handOver.body)).not.toMatch(/GUNS-|ML2/);
    expect((await registrar('GET', `/deliveries/${guns.id}`)).body).toMatchObject({ realisedAt: null, version: 2 });
    const refusals = await database().db.selectFrom('auditEvent').select('canonical').where('action', '=', 'shipment.refused').where('objectId', '=', guns.id).execute();
    expect(JSON.parse(refusals.at(-1)!.canonical).detail.violations).toEqual([
      { field: 'realisedAt', code: 'licenceForOtherGoods', params: { licence: `GUNS-${guns.id}`, date: '2025-04-15', category: 'battleTanks', militaryListCategory: 'ML2' } },
    ]);
  });

  it('refuses to register a delivery that needs a licence as already handed over or delivered, and records the refusal', async () => {
    const deliveries = async () => (await registrar('GET', '/deliveries?pageSize=1')).body.total;
    const before = await deliveries();
    const refusalsBefore = (await events('shipment.refused')).length;
    const handedOver = await registrar('POST', '/deliveries', { ...stockDelivery, category: 'largeCalibreArtillery' });
    expect(handedOver.status).toBe(400);
    expect(handedOver.body.invalidParams).toEqual([expect.objectContaining({ name: 'realisedAt', code: 'licenceMissingAtRegistration', reason: expect.stringContaining('zonder die datum') })]);
    const delivered = await registrar('POST', '/deliveries', { ...stockDelivery, category: 'largeCalibreArtillery', realisedAt: null, deliveredAt: '2025-05-01' });
    expect(delivered.body.invalidParams).toEqual([expect.objectContaining({ name: 'deliveredAt', code: 'licenceMissingAtRegistration' })]);
    expect(await deliveries()).toBe(before);
    expect((await events('shipment.refused')).slice(refusalsBefore)).toEqual([
      { action: 'shipment.refused', result: 'denied', objectId: 'new' },
      { action: 'shipment.refused', result: 'denied', objectId: 'new' },
    ]);
    // Goods that need no licence (non-lethal) are registered as handed over at once.
    expect((await registrar('POST', '/deliveries', stockDelivery)).status).toBe(201);
  });

  it('refuses to turn goods handed over without a licence into goods that need one, and records the refusal', async () => {
    const handedOver = (await registrar('POST', '/deliveries', stockDelivery)).body as { id: string; version: number };
    const refusalsBefore = (await events('shipment.refused')).length;
    const recategorised = await registrar('PATCH', `/deliveries/${handedOver.id}`, { category: 'largeCalibreArtillery' }, { 'If-Match': `"${handedOver.version}"` });
    expect(recategorised.status).toBe(400);
    expect(recategorised.body.invalidParams).toEqual([expect.objectContaining({ name: 'realisedAt', code: 'noLicenceCovers' })]);
    expect((await registrar('GET', `/deliveries/${handedOver.id}`)).body).toMatchObject({ category: 'nonLethal', version: handedOver.version });
    expect((await events('shipment.refused')).slice(refusalsBefore)).toEqual([{ action: 'shipment.refused', result: 'denied', objectId: handedOver.id }]);
  });

  it('lets parliament open only an assessment whose inspection was granted, and records every opening', async () => {
    const delivery = await newStock();
    const assessment = await assessor('POST', `/deliveries/${delivery.id}/export-assessments`, positiveAssessment);
    expect((await parliament('GET', `/export-assessments/${assessment.body.id}`)).status).toBe(404);
    expect((await assessor('POST', `/export-assessments/${assessment.body.id}/inspection-grants`, { note: 'Verzoek' })).status).toBe(201);
    // Granted once: a second grant is refused and not recorded.
    const again = await assessor('POST', `/export-assessments/${assessment.body.id}/inspection-grants`, { note: 'Nogmaals' }, { 'Accept-Language': 'en' });
    expect(again.status).toBe(400);
    expect(again.body.invalidParams).toEqual([{ name: 'assessment', code: 'inspectionGranted', reason: expect.stringMatching(/^Parliament may inspect this assessment since \d+ \w+ \d{4} already/) }]);
    expect((await events('exportInspection.grant')).filter((event) => event.objectId === assessment.body.id)).toHaveLength(1);
    const opened = await parliament('GET', `/export-assessments/${assessment.body.id}`);
    expect(opened.status).toBe(200);
    expect(opened.body.assessment.criteria).toHaveLength(8);
    const openings = (await events('assessment.inspect')).filter((event) => event.objectId === assessment.body.id);
    expect(openings.map((event) => event.result)).toEqual(['denied', 'success']);
  });

  it('reports 2025 from the demonstration register, in totals that agree with it, as CSV and as XLSX that opens', async () => {
    await loadDemonstrationData(database().db);
    const reports = (await assessor('GET', '/export-control/reports/2025')).body;

    // Independently of the report's query: the deliveries that left in 2025 and need a licence (the demonstration's and the tests' above).
    const all = (await registrar('GET', '/deliveries?pageSize=100')).body.items as { id: string; supportType: string; realisedAt: string | null; deliveredAt: string | null; valueCents: number; isDemonstration: boolean }[];
    const shipped = [];
    let demonstrationLicensed = 0;
    for (const item of all) {
      const shippedOn = item.supportType === 'stock' ? item.realisedAt : item.deliveredAt;
      const control = (await assessor('GET', `/deliveries/${item.id}/export-control`)).body;
      // Every demonstration delivery that needs one has its assessment and licence, labelled as demonstration data.
      if (item.isDemonstration && control.required) {
        expect(control.gate, item.id).toBe('licensed');
        expect([...control.assessments, ...control.licences].every((entry: { isDemonstration: boolean }) => entry.isDemonstration), item.id).toBe(true);
        demonstrationLicensed++;
      }
      if (control.required && shippedOn?.startsWith('2025')) shipped.push({ ...item, control });
    }
    expect(demonstrationLicensed).toBe(4);
    expect(reports.register.shipments).toBe(shipped.length);
    expect(reports.register.shipmentValueCents).toBe(shipped.reduce((sum, item) => sum + item.valueCents, 0));
    expect(reports.register.withoutLicence).toBe(0);
    // Reported and withheld together are the register's exports: nothing lost, nothing counted twice.
    expect(reports.att.totalValueCents + reports.att.withheld.valueCents).toBe(reports.register.shipmentValueCents);
    // The stock handed over since 2022 is withheld from the treaty's report, on grounds of national security.
    const reports2022 = (await assessor('GET', '/export-control/reports/2022')).body;
    expect(reports2022.att.withheld).toMatchObject({ count: 1, grounds: ['nationalSecurity'] });
    expect(reports2022.att.totalValueCents + reports2022.att.withheld.valueCents).toBe(reports2022.register.shipmentValueCents);
    expect(reports.att.rows.map((row: { category: string }) => row.category)).toEqual(['II', 'III']);

    const licences = (await Promise.all(all.map(async (item) => (await assessor('GET', `/deliveries/${item.id}/export-control`)).body.licences))).flat();
    const issued2025 = licences.filter((licence: { issuedOn: string }) => licence.issuedOn.startsWith('2025'));
    expect(reports.coarm.totalLicences).toBe(issued2025.length);
    expect(reports.coarm.totalValueCents).toBe(issued2025.reduce((sum: number, licence: { valueAuthorisedCents: number }) => sum + licence.valueAuthorisedCents, 0));
    expect(reports.coarm.rows.reduce((sum: number, row: { valueCents: number }) => sum + row.valueCents, 0)).toBe(reports.coarm.totalValueCents);
    // The demonstration's denial on criterion 7, and the first test's on criterion 2.
    expect(reports.coarm).toMatchObject({ denials: 2, criteriaInvoked: [{ criterion: 2, denials: 1 }, { criterion: 7, denials: 1 }] });

    // The downloads, read back as a spreadsheet program reads them: their totals are the register's.
    const download = async (report: string, format: 'csv' | 'xlsx') => {
      const response = await api.request(`/export-control/reports/2025/${report}?format=${format}`, { headers: { Cookie: assessorCookie } });
      expect(response.status).toBe(200);
      return response;
    };
    const api = createApi({ db: database().db });
    const assessorCookie = await sessionCookieFor(database().db, 'exportControlAssessor', { secondFactor: true });
    const sheetRows = async (report: string) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await (await download(report, 'xlsx')).arrayBuffer());
      const rows: unknown[][] = [];
      workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      return rows;
    };
    const euroCents = (cells: unknown[][], column: number) => Math.round(cells.reduce((sum, row) => sum + (typeof row[column] === 'number' ? row[column] : 0), 0) * 100);

    const att = await sheetRows('att');
    expect(att[0]).toEqual(['Categorie', 'Importerende staat', 'Aantal stuks', 'Waarde (EUR)', 'Omschrijving', 'Opmerkingen']);
    expect(euroCents(att.slice(1), 3)).toBe(reports.att.totalValueCents);
    expect(att.slice(1).filter((row) => typeof row[3] === 'number')).toHaveLength(reports.att.rows.length);
    expect(String(att.at(-1)![0])).toContain('achtergehouden (art. 13.3 ATT): nee');
    const coarm = await sheetRows('coarm');
    expect(coarm.slice(1).reduce((sum, row) => sum + (typeof row[1] === 'number' ? row[1] : 0), 0)).toBe(issued2025.length);
    expect(euroCents(coarm.slice(1), 2)).toBe(reports.coarm.totalValueCents);
    const unroca = await sheetRows('unroca');
    expect(unroca.slice(1).map((row) => row[1])).toEqual(reports.unroca.rows.map((row: { importingState: string }) => row.importingState));

    const csvRows = async (report: string) => {
      const response = await download(report, 'csv');
      expect(response.headers.get('content-type')).toContain('text/csv');
      return parseCsv(await response.text());
    };
    const attCsv = await csvRows('att');
    expect(Math.round(attCsv.slice(1).reduce((sum, row) => sum + (row[3] ? Number(row[3]) : 0), 0) * 100)).toBe(reports.att.totalValueCents);
    const coarmCsv = await csvRows('coarm');
    expect(coarmCsv[0]).toEqual(['Categorie Militaire Lijst', 'Aantal vergunningen', 'Waarde (EUR)']);
    // The page asks for its own language, which a browser set to another one does not overrule.
    const english = await api.request('/export-control/reports/2025/coarm?format=csv&lang=en', { headers: { Cookie: assessorCookie, 'Accept-Language': 'nl' } });
    expect(parseCsv(await english.text())[0]).toEqual(['Military List category', 'Number of licences', 'Value (EUR)']);
    expect(Math.round(coarmCsv.slice(1).reduce((sum, row) => sum + (row[2] ? Number(row[2]) : 0), 0) * 100)).toBe(reports.coarm.totalValueCents);
  });

  it('refuses the reports of a year that has not begun, in the API and its files, and gives those of a year with nothing in it as empty', async () => {
    const current = Number(todayInAmsterdam().slice(0, 4));
    for (const path of [`/export-control/reports/${current + 1}`, `/export-control/reports/${current + 1}/att?format=csv`, '/export-control/reports/2100/coarm?format=xlsx']) {
      const refused = await assessor('GET', path, undefined, { 'Accept-Language': 'en' });
      expect(refused.status, path).toBe(400);
      expect(refused.body.invalidParams, path).toEqual([{ name: 'year', code: 'yearNotBegun', reason: expect.stringContaining(`has not begun: there is nothing to report of it yet. Choose ${current} (up to today)`) }]);
    }
    expect((await assessor('GET', `/export-control/reports/${current}`)).status).toBe(200);
    const empty = (await assessor('GET', '/export-control/reports/2014')).body;
    expect(empty).toMatchObject({ year: 2014, att: { rows: [], totalValueCents: 0 }, unroca: { rows: [] }, coarm: { rows: [], denials: 0 }, register: { shipments: 0, licencesIssued: 0 } });
  });

  it("reports an export under the licence for its goods at its value in the report's year, and no licence of a removed delivery", async () => {
    const reports2024 = async () => (await assessor('GET', '/export-control/reports/2024')).body;
    const before = await reports2024();
    const tanks = (await registrar('POST', '/deliveries', { ...stockDelivery, title: 'Tanks voor het ATT-rapport', category: 'battleTanks', quantity: 4, committedAt: '2024-01-15', realisedAt: null })).body as { id: string };
    const assessment = await assessor('POST', `/deliveries/${tanks.id}/export-assessments`, { ...positiveAssessment, assessedOn: '2024-02-01' });
    const forTanks = { ...licenceFor(assessment.body.id, 'battleTanks'), issuedOn: '2024-02-05', validUntil: '2025-02-05', quantityAuthorised: 4 };
    expect(forTanks).toMatchObject({ militaryListCategory: 'ML6', unRegisterCategory: 'I' });
    expect((await licensing('POST', `/deliveries/${tanks.id}/export-licences`, forTanks)).status).toBe(201);
    // Their fire control, licensed later beside them: equipment outside the UN Register's categories, under which no tank left.
    const fireControl = { ...licenceFor(assessment.body.id, 'battleTanks'), number: `ML5-${tanks.id}`, issuedOn: '2024-03-01', militaryListCategory: 'ML5', unRegisterCategory: null, quantityAuthorised: null };
    expect((await licensing('POST', `/deliveries/${tanks.id}/export-licences`, fireControl)).status).toBe(201);
    const valued = await registrar('POST', `/deliveries/${tanks.id}/valuations`, { amountCents: 800_000_000, basis: 'replacementValue', effectiveDate: '2024-04-15', confirm: ['datedInSentLetterPeriod'] });
    expect(valued.status).toBe(201);
    const { version } = (await registrar('GET', `/deliveries/${tanks.id}`)).body;
    expect((await registrar('PATCH', `/deliveries/${tanks.id}`, { realisedAt: '2024-04-15', confirm: ['datedInSentLetterPeriod'] }, { 'If-Match': `"${version}"` })).status).toBe(200);
    // A revaluation of a later year is no part of 2024's exports.
    expect((await registrar('POST', `/deliveries/${tanks.id}/valuations`, { amountCents: 1_200_000_000, basis: 'replacementValue', effectiveDate: '2025-06-01' })).status).toBe(201);

    const reports = await reports2024();
    expect(reports.att.rows).toContainEqual({ category: 'I', importingState: 'UA', numberOfItems: 4, valueCents: 800_000_000, publicTitle: null, deliveryCategory: 'battleTanks', shippedOn: '2024-04-15' });
    expect(reports.unroca.rows).toContainEqual(expect.objectContaining({ category: 'I', numberOfItems: 4, items: [{ publicTitle: null, deliveryCategory: 'battleTanks' }] }));
    expect(reports.register).toMatchObject({
      shipments: before.register.shipments + 1,
      shipmentValueCents: before.register.shipmentValueCents + 800_000_000,
      outsideCategories: before.register.outsideCategories,
    });
    expect(reports.coarm.totalLicences).toBe(before.coarm.totalLicences + 2);

    // A delivery removed takes its assessment and licence with it: neither is counted any more.
    const removed = await newStock();
    const removedAssessment = await assessor('POST', `/deliveries/${removed.id}/export-assessments`, { ...positiveAssessment, assessedOn: '2024-02-01' });
    expect((await licensing('POST', `/deliveries/${removed.id}/export-licences`, { ...licenceFor(removedAssessment.body.id), issuedOn: '2024-02-05', validUntil: '2025-02-05' })).status).toBe(201);
    expect((await reports2024()).coarm.totalLicences).toBe(before.coarm.totalLicences + 3);
    expect((await registrar('DELETE', `/deliveries/${removed.id}`, undefined, { 'If-Match': '"1"' })).status).toBe(204);
    expect((await reports2024()).coarm).toMatchObject({ totalLicences: before.coarm.totalLicences + 2, totalValueCents: reports.coarm.totalValueCents });
  });

  it('names an export in its reports as the public register does once it is public there, else by its category, never by its internal title', async () => {
    const internal = 'Leopard 1A5 uit depot Bergen (intern)';
    const tanks = await registerShipped(registrar, database().db, { ...stockDelivery, title: internal, category: 'battleTanks', quantity: 3, committedAt: '2024-01-15', realisedAt: '2024-06-03' });
    expect(tanks.status).toBe(200);
    const disclosure = apiClient(database().db, { role: 'disclosureOfficer' });
    const decide = async (publicFrom: string) =>
      expect((await disclosure('POST', '/disclosure-decisions', { deliveryIds: [tanks.body.id], state: 'public', publicTitle: 'Gevechtstanks Leopard 1', publicCategory: 'battleTanks', publicFrom })).status).toBe(201);
    const named = async () => {
      const reports = (await assessor('GET', '/export-control/reports/2024')).body;
      const exported = reports.att.rows.filter((row: { shippedOn: string }) => row.shippedOn === '2024-06-03');
      const csv = async (report: string, lang: string) => parseCsv((await assessor('GET', `/export-control/reports/2024/${report}?format=csv&lang=${lang}`)).body as string);
      const files = [...(await csv('att', 'nl')), ...(await csv('att', 'en')), ...(await csv('unroca', 'nl'))];
      expect(JSON.stringify(reports)).not.toContain(internal);
      expect(JSON.stringify(files)).not.toContain(internal);
      return { exported, inFiles: (text: string) => files.some((row) => row.some((cell) => cell.split('; ').includes(text))) };
    };

    const undecided = await named();
    expect(undecided.exported).toEqual([expect.objectContaining({ category: 'I', numberOfItems: 3, publicTitle: null, deliveryCategory: 'battleTanks' })]);
    expect(undecided.inFiles('Gevechtstanks')).toBe(true);
    expect(undecided.inFiles('Battle tanks')).toBe(true);
    // Decided public from tomorrow: not public yet, so still named by its category.
    await decide(todayInAmsterdam(new Date(Date.now() + 24 * 60 * 60 * 1000)));
    expect((await named()).exported).toEqual([expect.objectContaining({ publicTitle: null, deliveryCategory: 'battleTanks' })]);
    // Public from a day that has come: named as the public register names it.
    await decide('2024-09-01');
    const shown = await named();
    expect(shown.exported).toEqual([expect.objectContaining({ publicTitle: 'Gevechtstanks Leopard 1', deliveryCategory: 'battleTanks' })]);
    expect(shown.inFiles('Gevechtstanks Leopard 1')).toBe(true);
  });

  it('keeps goods that left under a licence licensed when they are reassessed afterwards: out of the licensing queue, their hand-over still correctable', async () => {
    const awaitingLicence = async () => (await licensing('GET', '/export-control/queues?licencePageSize=100')).body.awaitingLicence.map((item: { deliveryId: string }) => item.deliveryId);
    const negative = { ...positiveAssessment, outcome: 'negative', criteria: positiveAssessment.criteria.map((entry) => (entry.criterion === 7 ? { ...entry, finding: 'objection' } : entry)) };
    const guns = await newStock();
    const assessment = await assessor('POST', `/deliveries/${guns.id}/export-assessments`, positiveAssessment);
    expect((await licensing('POST', `/deliveries/${guns.id}/export-licences`, licenceFor(assessment.body.id))).status).toBe(201);
    expect((await registrar('PATCH', `/deliveries/${guns.id}`, { realisedAt: '2025-04-15' }, { 'If-Match': '"1"' })).status).toBe(200);

    // Reassessed for the record after they left, positively and then negatively.
    expect((await assessor('POST', `/deliveries/${guns.id}/export-assessments`, { ...positiveAssessment, assessedOn: '2025-06-01' })).status).toBe(201);
    expect((await licensing('GET', `/deliveries/${guns.id}/export-control`)).body).toMatchObject({ leftOn: '2025-04-15', gate: 'licensed' });
    expect(await awaitingLicence()).not.toContain(guns.id);
    const denials2025 = async () => (await assessor('GET', '/export-control/reports/2025')).body.coarm.denials;
    const denialsBefore = await denials2025();
    expect((await assessor('POST', `/deliveries/${guns.id}/export-assessments`, { ...negative, assessedOn: '2025-06-02' })).status).toBe(201);
    // No export was denied: the EU's data counts no denial for it.
    expect(await denials2025()).toBe(denialsBefore);
    const reassessed = (await licensing('GET', `/deliveries/${guns.id}/export-control`)).body;
    expect(reassessed).toMatchObject({ leftOn: '2025-04-15', required: true, gate: 'licensed' });
    expect(reassessed.assessments.map((entry: { assessedOn: string }) => entry.assessedOn)).toEqual(['2025-06-02', '2025-06-01', '2025-03-10']);
    expect(await awaitingLicence()).not.toContain(guns.id);
    // The hand-over is corrected under the licence they left under; a quantity above it is still refused.
    expect((await registrar('PATCH', `/deliveries/${guns.id}`, { realisedAt: '2025-04-14' }, { 'If-Match': '"2"' })).status).toBe(200);
    const more = await registrar('PATCH', `/deliveries/${guns.id}`, { quantity: 9 }, { 'If-Match': '"3"' });
    expect(more.body.invalidParams).toEqual([expect.objectContaining({ name: 'quantity', code: 'noLicenceCovers' })]);

    // Goods still here wait for a licence on their new assessment: one that leaves after it needs it, one that left before it did not.
    const howitzers = await newStock();
    const first = await assessor('POST', `/deliveries/${howitzers.id}/export-assessments`, positiveAssessment);
    expect((await licensing('POST', `/deliveries/${howitzers.id}/export-licences`, licenceFor(first.body.id))).status).toBe(201);
    expect((await assessor('POST', `/deliveries/${howitzers.id}/export-assessments`, { ...positiveAssessment, assessedOn: '2025-06-01' })).status).toBe(201);
    expect((await licensing('GET', `/deliveries/${howitzers.id}/export-control`)).body).toMatchObject({ leftOn: null, gate: 'awaitingLicence' });
    expect(await awaitingLicence()).toContain(howitzers.id);
    const afterReassessment = await registrar('PATCH', `/deliveries/${howitzers.id}`, { realisedAt: '2025-06-15' }, { 'If-Match': '"1"' });
    expect(afterReassessment.body.invalidParams).toEqual([expect.objectContaining({ name: 'realisedAt', code: 'noLicenceCovers' })]);
    expect((await registrar('PATCH', `/deliveries/${howitzers.id}`, { realisedAt: '2025-05-01' }, { 'If-Match': '"1"' })).status).toBe(200);
    expect((await licensing('GET', `/deliveries/${howitzers.id}/export-control`)).body).toMatchObject({ leftOn: '2025-05-01', gate: 'licensed' });
    expect(await awaitingLicence()).not.toContain(howitzers.id);
  });
});
