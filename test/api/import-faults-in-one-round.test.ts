/**
 * A faulty row of an import shows every fault the API names for the same mistake, whatever the sheet: the
 * rules that need only the cells that were read (a date after today, a country that is none) are judged
 * beside a cell the input rules refuse, so that a file is corrected in one round.
 */
import { beforeAll, expect, it } from 'vitest';
import { asUpload, downloadedTemplate, filledTemplate, type SheetRows } from '../support/import-files.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { apiClient, type ApiCall } from './client.ts';

describeEachDatabase('an import names every fault of a row in one round', (database) => {
  let registrar: ApiCall;
  let finance: ApiCall;
  let template: Uint8Array;
  let procurement: string;
  let stock: string;

  beforeAll(async () => {
    const { db } = database();
    registrar = apiClient(db, { role: 'registrar' });
    finance = apiClient(db, { role: 'finance' });
    template = await downloadedTemplate(db);
    // The file names these deliveries of the register by their ids.
    const created = async (body: object) => (await registrar('POST', '/deliveries', body)).body.id as string;
    procurement = await created({ title: 'Granaten (betaald)', category: 'ammunition', supportType: 'procurement', fundingSource: 'ukraineSupportBudget' });
    stock = await created({ title: 'Houwitsers (voorraad)', category: 'largeCalibreArtillery', supportType: 'stock', fundingSource: 'ukraineSupportBudget', pledgedAt: '2025-01-01' });
  });

  const importFaults = async (call: ApiCall, rows: SheetRows, reference: string) => {
    const dryRun = await call('POST', '/imports/dry-run', asUpload(await filledTemplate(template, rows), 'een-ronde.xlsx'));
    expect(dryRun.status).toBe(200);
    return dryRun.body.rows.find((row: any) => row.reference === reference).faults.map((fault: any) => `${fault.field} ${fault.code}`).toSorted();
  };
  const apiFaults = async (call: ApiCall, path: string, body: object) => {
    const refused = await call('POST', path, body);
    expect(refused.status).toBe(400);
    return refused.body.invalidParams.map((param: any) => `${param.name} ${param.code}`).toSorted();
  };

  it('names a delivery’s stage after today beside a title of placeholder text', async () => {
    const faults = ['realisedAt dateInFuture', 'title placeholderText'];
    const row = ['QB-003', 'Granaten nr 460 ???', 'Directe levering uit voorraad', 'Munitie', 'Defensiebegroting', 460, 'stuks', null, null, '2099-01-01', null];
    expect(await importFaults(registrar, { 'Leveringen (Deliveries)': [row] }, 'QB-003')).toEqual(faults);
    expect(await apiFaults(registrar, '/deliveries', { title: 'Granaten nr 460 ???', supportType: 'stock', category: 'ammunition', fundingSource: 'defenceBudget', quantity: 460, unit: 'stuks', realisedAt: '2099-01-01' })).toEqual(faults);
  });

  it('names a valuation’s date after today beside a basis that is none', async () => {
    const faults = ['basis invalidChoice', 'effectiveDate dateInFuture'];
    expect(await importFaults(registrar, { 'Waarderingen (Valuations)': [['QB-003-W', stock, 1000, 'Onbekend', '2099-01-01']] }, 'QB-003-W')).toEqual(faults);
    expect(await apiFaults(registrar, `/deliveries/${stock}/valuations`, { amountCents: 100_000, basis: 'Onbekend', effectiveDate: '2099-01-01' })).toEqual(faults);
  });

  it('names a payment’s date after today beside an amount of nothing', async () => {
    const faults = ['amountCents amountNotPositive', 'paidOn dateInFuture'];
    expect(await importFaults(finance, { 'Betalingen (Payments)': [['QB-004-B', procurement, 0, '2099-01-01']] }, 'QB-004-B')).toEqual(faults);
    expect(await apiFaults(finance, `/deliveries/${procurement}/payments`, { amountCents: 0, paidOn: '2099-01-01' })).toEqual(faults);
  });

  it('names the rules of the other sheets’ records beside a cell the input rules refuse: a programme’s host country, a judgement’s date, a claim’s date', async () => {
    const programmeFaults = ['framework invalidChoice', 'hostCountry invalidCountry'];
    expect(await importFaults(registrar, { 'Trainingsprogramma’s (Training)': [['TR-RONDE', 'Opleiding in één ronde', 'een-ronde', 'Oekraïne', 'Onbekend', null, null, null]] }, 'TR-RONDE')).toEqual(programmeFaults);
    expect(await apiFaults(registrar, '/training-programmes', { name: 'Opleiding in één ronde', key: 'een-ronde', hostCountry: 'Oekraïne', framework: 'Onbekend' })).toEqual(programmeFaults);

    const judgementFaults = ['effect invalidChoice', 'judgedOn dateInFuture'];
    expect(await importFaults(registrar, { 'Gereedheidsoordelen (Readiness)': [['GO-RONDE', stock, 'Onbekend', 'Nog niet te zeggen.', '2099-01-01']] }, 'GO-RONDE')).toEqual(judgementFaults);
    expect(await apiFaults(registrar, `/deliveries/${stock}/readiness-judgements`, { effect: 'Onbekend', reasoning: 'Nog niet te zeggen.', judgedOn: '2099-01-01' })).toEqual(judgementFaults);

    expect(await importFaults(finance, { 'EPF-declaraties (EPF claims)': [['EPF-RONDE', 'EPF-NL-RONDE', procurement, null, 'jan. t/m jun. 2025', 'veel', '2099-01-01']] }, 'EPF-RONDE')).toEqual(['declaredCents notAnAmount', 'declaredOn dateInFuture']);
  });
});
