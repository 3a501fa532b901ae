/**
 * A faulty row of the sheets of other domains than deliveries and their money shows, beside the cells the input rules
 * refuse, what the register refuses of the cells that were read (a key another programme has, a delivery not from
 * stock, a reference taken, a delivery's row with a fault), by row and column, as the API names them beside a field it
 * refuses: so that the file is corrected in one round. A row without such a cell shows what it showed before.
 */
import { beforeAll, expect, it } from 'vitest';
import { asUpload, downloadedTemplate, filledTemplate, type SheetRows } from '../support/import-files.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { licenceFor, positiveAssessment } from '../support/export-control.ts';
import { apiClient, type ApiCall } from './client.ts';

/** An id no delivery of the register has. */
const NO_DELIVERY = '00000000-0000-4000-8000-00000000abcd';

describeEachDatabase('an import names the register’s faults of a row beside its cell faults', (database) => {
  let registrar: ApiCall;
  let finance: ApiCall;
  let licensing: ApiCall;
  let ids: { stock: string; procurement: string; forTheEu: string; company: string; licensed: string; assessment: string };
  let template: Uint8Array;
  const answers: Record<string, any[]> = {};

  beforeAll(async () => {
    const { db } = database();
    registrar = apiClient(db, { role: 'registrar' });
    finance = apiClient(db, { role: 'finance' });
    licensing = apiClient(db, { role: 'licensingOfficer' });
    const assessor = apiClient(db, { role: 'exportControlAssessor' });
    template = await downloadedTemplate(db);
    const created = async (call: ApiCall, path: string, body: object) => {
      const response = await call('POST', path, body);
      expect(response.status).toBe(201);
      return response.body.id as string;
    };
    // The register the file's rows are held against.
    const stock = await created(registrar, '/deliveries', { title: 'Houwitsers (ronde)', category: 'largeCalibreArtillery', supportType: 'stock', fundingSource: 'ukraineSupportBudget', pledgedAt: '2025-01-01' });
    const procurement = await created(registrar, '/deliveries', { title: 'Granaten (ronde)', category: 'ammunition', supportType: 'procurement', fundingSource: 'ukraineSupportBudget' });
    const forTheEu = await created(registrar, '/deliveries', { title: 'Drones voor de EU (ronde)', category: 'drones', supportType: 'procurement', fundingSource: 'epf' });
    await created(registrar, '/training-programmes', { name: 'Bezette opleiding (ronde)', key: 'bezet-rond', hostCountry: 'DE', framework: 'bilateral' });
    const company = await created(registrar, '/companies', { name: 'Werf (ronde)', country: 'NL', registrationNumber: '12345678' });
    await created(registrar, '/industry-contracts', { companyId: company, reference: 'G2B-RONDE-BEZET', subject: 'Munitie', amountCents: 100_000, signedOn: '2025-06-01' });
    await created(finance, '/epf/claims', { reference: 'EPF-RONDE-BEZET', batch: 'Diverse leveringen', period: 'jan. t/m jun. 2025', declaredCents: 100_000, declaredOn: '2025-07-01' });
    // Artillery assessed positively on 10 March 2025 and licensed under NL-RONDE-BEZET, artillery assessed negatively, artillery not assessed.
    const artillery = (key: string) => created(registrar, '/deliveries', { title: `Houwitsers (vergunning ${key}, ronde)`, category: 'largeCalibreArtillery', supportType: 'stock', fundingSource: 'ukraineSupportBudget', quantity: 4 });
    const [licensed, negative, unassessed] = [await artillery('positief'), await artillery('negatief'), await artillery('zonder toetsing')];
    const assessment = await created(assessor, `/deliveries/${licensed}/export-assessments`, positiveAssessment);
    const objection = positiveAssessment.criteria.map((entry) => (entry.criterion === 2 ? { ...entry, finding: 'objection' } : entry));
    await created(assessor, `/deliveries/${negative}/export-assessments`, { ...positiveAssessment, criteria: objection, outcome: 'negative' });
    await created(licensing, `/deliveries/${licensed}/export-licences`, { ...licenceFor(assessment), number: 'NL-RONDE-BEZET' });
    ids = { stock, procurement, forTheEu, company, licensed, assessment };

    // Each role's rows in one file: those ending in -C have a cell the input rules refuse, those ending in -R none.
    const dryRun = async (call: ApiCall, rows: SheetRows) => {
      const answer = await call('POST', '/imports/dry-run', asUpload(await filledTemplate(template, rows), 'ronde.xlsx'));
      expect(answer.status).toBe(200);
      for (const row of answer.body.rows) if (row.reference) answers[row.reference] = [row.sheetName, row.rowNumber, row.faults];
    };
    await dryRun(registrar, {
      // A delivery whose row has a fault (a title of placeholder text): the records naming it are not made.
      'Leveringen (Deliveries)': [['LV-FOUT', 'Granaten ???', 'Directe levering uit voorraad', 'Munitie', 'Defensiebegroting', 10, 'stuks', null, null, null, null]],
      // A name, B key, C short name, D host country, E framework, F trained on, G deliveries, H description.
      'Trainingsprogramma’s (Training)': [
        ['TR-C', 'Nieuwe opleiding (ronde)', 'bezet-rond', 'DE', 'Onbekend', null, `LV-FOUT; ${NO_DELIVERY}; ${stock}; ${stock}`, null],
        ['TR-R', 'Andere opleiding (ronde)', 'bezet-rond', 'DE', 'Bilateraal', null, stock, null],
      ],
      // B programme, G trainers is a maximum (Ja/Nee).
      'Trainingstellingen (Counts)': [
        ['TT-C', 'geen-programma-ronde', '2025-03-01', null, '2025-08-31', 5, 'misschien', null, null, null, null, null, null, null, ''],
        ['TT-R', 'geen-programma-ronde', '2025-03-01', null, '2025-08-31', 5, null, null, null, null, null, null, null, null, ''],
      ],
      // B delivery, C effect, D reasoning, E judged on.
      'Gereedheidsoordelen (Readiness)': [
        ['GO-C1', procurement, 'Onbekend', 'Geen effect.', '2025-07-01'],
        ['GO-C2', stock, 'Onbekend', 'Te vroeg geoordeeld.', '2024-06-01'],
        ['GO-C3', 'LV-FOUT', 'Onbekend', 'Bij een levering met een fout.', '2025-07-01'],
        ['GO-R', procurement, 'geen', 'Geen effect.', '2025-07-01'],
      ],
      // B name, C country, D registration number.
      'Bedrijven (Companies)': [
        ['BD-C', `Werf ${'met een te lange naam '.repeat(10)}`, 'NL', '12345678'],
        ['BD-R', 'Andere werf (ronde)', 'NL', '12345678'],
      ],
      // B company, C contract reference, D subject, E amount, F signed on, G procurements, H first milestone, I its due date.
      'Contracten (Contracts)': [
        ['CT-C1', company, 'G2B-RONDE-BEZET', 'Munitie', 'veel', '2025-06-01', stock, 'Eerste levering', '2025-05-01'],
        ['CT-C2', 'GEEN-BEDRIJF-RONDE', 'G2B-RONDE-2', 'Munitie', 'veel', '2025-06-01', null, null, null],
        ['CT-R', company, 'G2B-RONDE-BEZET', 'Munitie', 1000, '2025-06-01', stock, 'Eerste levering', '2025-05-01'],
      ],
    });
    await dryRun(finance, {
      // B title, C fund, D budget year, E delivery, F contract, G stage, H amount, I effective on, J note.
      'Verplichtingen (Commitments)': [
        ['VP-C', 'Munitie (ronde)', 'Defensiebegroting', 2025, procurement, null, 'Juridisch verplicht', 'veel', '2025-06-01', null],
        ['VP-R', 'Munitie (ronde)', 'Defensiebegroting', 2025, procurement, null, 'Juridisch verplicht', 1000, '2025-06-01', null],
      ],
      // B claim reference, C delivery, D batch, E period, F declared amount, G declared on, H note.
      'EPF-declaraties (EPF claims)': [
        ['EPF-C1', 'EPF-RONDE-BEZET', null, 'Diverse leveringen', 'jan. t/m jun. 2025', 'veel', '2025-07-01', null],
        ['EPF-C2', 'EPF-RONDE-2', forTheEu, null, 'jan. t/m jun. 2025', 'veel', '2025-07-01', null],
        ['EPF-R', 'EPF-RONDE-BEZET', null, 'Diverse leveringen', 'jan. t/m jun. 2025', 1000, '2025-07-01', null],
      ],
    });
    await dryRun(licensing, {
      // B delivery, C number, D issued on, E valid until, F Military List, G UN Register, H quantity, I value, J importing state, K withheld, L conditions.
      'Vergunningen (Licences)': [
        ['VG-C1', licensed, 'NL-RONDE-1', '2025-03-01', '2026-03-01', 'ML9', null, null, 'veel', 'UA', null, null],
        ['VG-C2', unassessed, 'NL-RONDE-BEZET', '2025-03-12', '2026-03-12', 'ML2', null, null, 'veel', 'UA', null, null],
        ['VG-C3', negative, 'NL-RONDE-3', '2025-03-12', '2026-03-12', 'ML2', null, null, 'veel', 'UA', null, null],
        ['VG-R', unassessed, 'NL-RONDE-BEZET', '2025-03-12', '2026-03-12', 'ML2', null, null, 1000, 'UA', null, null],
      ],
    });
  });

  /** A row's sheet and number in the dry run's answer, and its faults by column letter, field and code, left to right. */
  const row = (reference: string) => {
    const [sheetName, rowNumber, faults] = answers[reference]!;
    return [sheetName, rowNumber, faults.map((fault: any) => `${fault.columnLetter} ${fault.field} ${fault.code}`).toSorted()];
  };
  const reasonOf = (reference: string, code: string) => answers[reference]![2].find((fault: any) => fault.code === code)?.reason as string;
  /** What the API refuses of a request, by field and code. */
  const refused = async (call: ApiCall, path: string, body: object) => {
    const response = await call('POST', path, body);
    expect(response.status).toBe(400);
    return response.body.invalidParams.map((param: any) => `${param.name} ${param.code}`).toSorted();
  };

  it('names a programme’s short name another has, and its deliveries unknown, with a fault or named twice, beside a framework that is none', () => {
    expect(row('TR-C')).toEqual(['Trainingsprogramma’s (Training)', 3, [
      'C key programmeKeyTaken',
      'E framework invalidChoice',
      'G deliveryReferences deliveryRowInvalid',
      'G deliveryReferences duplicateDelivery',
      'G deliveryReferences unknownDeliveryReference',
    ]]);
    // The delivery the register does not know is the one the cell names there, not one named before it.
    expect(reasonOf('TR-C', 'unknownDeliveryReference')).toContain(NO_DELIVERY);
    expect(row('TR-R')).toEqual(['Trainingsprogramma’s (Training)', 4, ['C key programmeKeyTaken']]);
  });

  it('names a count’s programme the register does not know beside a Ja/Nee cell that says neither', () => {
    expect(row('TT-C')).toEqual(['Trainingstellingen (Counts)', 3, ['B programmeKey unknownProgramme', 'G trainersIsMaximum invalidChoice']]);
    expect(row('TT-R')).toEqual(['Trainingstellingen (Counts)', 4, ['B programmeKey unknownProgramme']]);
  });

  it('names a judgement’s delivery not from stock, a date before its delivery’s beginning and a delivery whose row has a fault beside an effect that is none', () => {
    expect(row('GO-C1')).toEqual(['Gereedheidsoordelen (Readiness)', 3, ['B deliveryReference notStock', 'C effect invalidChoice']]);
    expect(row('GO-C2')).toEqual(['Gereedheidsoordelen (Readiness)', 4, ['C effect invalidChoice', 'E judgedOn beforeEarlierStage']]);
    expect(row('GO-C3')).toEqual(['Gereedheidsoordelen (Readiness)', 5, ['B deliveryReference deliveryRowInvalid', 'C effect invalidChoice']]);
    expect(row('GO-R')).toEqual(['Gereedheidsoordelen (Readiness)', 6, ['B deliveryReference notStock']]);
  });

  it('names a company’s registration number another company of its country has beside a name too long, as the API does', async () => {
    expect(row('BD-C')).toEqual(['Bedrijven (Companies)', 3, ['B name tooLong', 'D registrationNumber registrationNumberTaken']]);
    expect(row('BD-R')).toEqual(['Bedrijven (Companies)', 4, ['D registrationNumber registrationNumberTaken']]);
    expect(await refused(registrar, '/companies', { name: `Werf ${'met een te lange naam '.repeat(10)}`, country: 'NL', registrationNumber: '12345678' })).toEqual(['name tooLong', 'registrationNumber registrationNumberTaken']);
  });

  it('names a contract’s reference its company gave another, a delivery not bought, a milestone before the signing and a company unknown beside an amount that is none, as the API does', async () => {
    expect(row('CT-C1')).toEqual(['Contracten (Contracts)', 3, [
      'C reference contractReferenceTaken',
      'E amountCents notAnAmount',
      'G deliveryReferences notProcurement',
      'I milestoneDueOn beforeSigning',
    ]]);
    expect(row('CT-C2')).toEqual(['Contracten (Contracts)', 4, ['B companyReference unknownCompanyReference', 'E amountCents notAnAmount']]);
    expect(row('CT-R')).toEqual(['Contracten (Contracts)', 5, ['C reference contractReferenceTaken', 'G deliveryReferences notProcurement', 'I milestoneDueOn beforeSigning']]);
    const contract = { companyId: ids.company, reference: 'G2B-RONDE-BEZET', subject: 'Munitie', amountCents: 'veel', signedOn: '2025-06-01', deliveryIds: [ids.stock], milestones: [{ title: 'Eerste levering', dueOn: '2025-05-01' }] };
    expect(await refused(registrar, '/industry-contracts', contract)).toEqual(['amountCents invalidValue', 'deliveryIds.0 notProcurement', 'milestones.0.dueOn beforeSigning', 'reference contractReferenceTaken']);
  });

  it('names a commitment’s fund other than its delivery’s beside an amount that is none, as the API does', async () => {
    expect(row('VP-C')).toEqual(['Verplichtingen (Commitments)', 3, ['C fund fundOtherThanDelivery', 'H amountCents notAnAmount']]);
    expect(row('VP-R')).toEqual(['Verplichtingen (Commitments)', 4, ['C fund fundOtherThanDelivery']]);
    const commitment = { title: 'Munitie (ronde)', fund: 'defenceBudget', budgetYear: 2025, deliveryId: ids.procurement, stage: 'committed', amountCents: 'veel', effectiveOn: '2025-06-01' };
    expect(await refused(finance, '/budget/commitments', commitment)).toEqual(['amountCents invalidValue', 'fund fundOtherThanDelivery']);
  });

  it('names an EPF claim’s reference another claim has, and its delivery done for the EU, beside an amount that is none, as the API does', async () => {
    expect(row('EPF-C1')).toEqual(['EPF-declaraties (EPF claims)', 3, ['B reference referenceTaken', 'F declaredCents notAnAmount']]);
    expect(row('EPF-C2')).toEqual(['EPF-declaraties (EPF claims)', 4, ['C deliveryReference implementingActorWork', 'F declaredCents notAnAmount']]);
    expect(row('EPF-R')).toEqual(['EPF-declaraties (EPF claims)', 5, ['B reference referenceTaken']]);
    const claim = { reference: 'EPF-RONDE-BEZET', batch: 'Diverse leveringen', period: 'jan. t/m jun. 2025', declaredCents: 'veel', declaredOn: '2025-07-01' };
    expect(await refused(finance, '/epf/claims', claim)).toEqual(['declaredCents invalidValue', 'reference referenceTaken']);
    expect(await refused(finance, '/epf/claims', { ...claim, reference: 'EPF-RONDE-2', batch: '', deliveryId: ids.forTheEu })).toEqual(['declaredCents invalidValue', 'deliveryId implementingActorWork']);
  });

  it('names a licence’s delivery not assessed or assessed negatively, a date before the assessment, goods not the delivery’s and a number taken beside a value that is none, as the API does', async () => {
    expect(row('VG-C1')).toEqual(['Vergunningen (Licences)', 3, ['D issuedOn licenceBeforeAssessment', 'F militaryListCategory militaryListNotOfGoods', 'I valueAuthorisedCents notAnAmount']]);
    expect(row('VG-C2')).toEqual(['Vergunningen (Licences)', 4, ['B deliveryReference noAssessment', 'C number licenceNumberTaken', 'I valueAuthorisedCents notAnAmount']]);
    expect(row('VG-C3')).toEqual(['Vergunningen (Licences)', 5, ['B deliveryReference assessmentNegative', 'I valueAuthorisedCents notAnAmount']]);
    expect(row('VG-R')).toEqual(['Vergunningen (Licences)', 6, ['B deliveryReference noAssessment', 'C number licenceNumberTaken']]);
    const licence = { ...licenceFor(ids.assessment), number: 'NL-RONDE-BEZET', issuedOn: '2025-03-01', validUntil: '2026-03-01', militaryListCategory: 'ML9', unRegisterCategory: null, valueAuthorisedCents: 'veel' };
    expect(await refused(licensing, `/deliveries/${ids.licensed}/export-licences`, licence)).toEqual([
      'issuedOn licenceBeforeAssessment',
      'militaryListCategory militaryListNotOfGoods',
      'number licenceNumberTaken',
      'valueAuthorisedCents invalidValue',
    ]);
  });

  it('names them too in a file with no row to make, and the commit of only the valid rows names what the dry run names', async () => {
    const file = asUpload(await filledTemplate(template, { 'Contracten (Contracts)': [['CT-ALLEEN', ids.company, 'G2B-RONDE-BEZET', 'Munitie', 'veel', '2025-06-01', null, null, null]] }), 'alleen-fouten.xlsx');
    const dryRun = await registrar('POST', '/imports/dry-run', file);
    const faults = dryRun.body.rows.find((row: any) => row.reference === 'CT-ALLEEN').faults.map((fault: any) => `${fault.columnLetter} ${fault.field} ${fault.code}`);
    expect(faults).toEqual(['C reference contractReferenceTaken', 'E amountCents notAnAmount']);
    const committed = await registrar('POST', '/imports', { ...file, mode: 'onlyValid' });
    expect(committed.body).toMatchObject({ committed: false, importId: null, rows: dryRun.body.rows });
  });
});
