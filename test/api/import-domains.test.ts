/**
 * An import brings in training programmes, their counts, readiness judgements, companies and contracts beside deliveries: each made by its
 * domain's own rules, naming deliveries of the same file, of an earlier import or of the register by
 * id; a row its domain refuses is named by row and column in the dry run and left out by the commit
 * (with all or nothing: everything is); the records are audited as part of the import, and the same
 * file again changes nothing.
 */
import { createHash } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { verifyAuditTrail } from '../../src/audit/verify.ts';
import { asUpload, downloadedTemplate, filledTemplate } from '../support/import-files.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { apiClient, type ApiCall } from './client.ts';

describeEachDatabase('importing records of other domains', (database) => {
  let registrar: ApiCall;
  let auditor: ApiCall;
  let file: { fileName: string; content: string; confirm: string[] };

  beforeAll(async () => {
    const { db } = database();
    registrar = apiClient(db, { role: 'registrar' });
    auditor = apiClient(db, { role: 'auditor' });
    const template = await downloadedTemplate(db);
    const bytes = await filledTemplate(template, {
      'Leveringen (Deliveries)': [
        ['DOM-1', 'Pantserhouwitsers (import)', 'Directe levering uit voorraad', 'Artillerie', 'Defensiebegroting', 4, 'stuks', null, null, '2025-06-01', null],
        ['DOM-2', 'Munitie (import)', 'Commerciële verwerving', 'Munitie', 'Defensiebegroting', 1000, 'stuks', null, null, null, null],
      ],
      'Trainingsprogramma’s (Training)': [
        ['TR-1', 'Opleiding op de pantserhouwitser', 'pzh-import', 'de', 'Bilateraal', 'Panzerhaubitze 2000', 'dom-1', 'Bemanningen en onderhoud.'],
        ['TR-2', 'Opleiding zonder levering', 'pzh-onbekend', 'DE', 'Bilateraal', null, 'DOM-1; ONBEKEND-9', null],
      ],
      // A count names its programme by its short name, in any case.
      'Trainingstellingen (Counts)': [
        ['TT-1', 'PZH-IMPORT', '2025-03-01', null, '2025-08-31', 20, 'Ja', 250, 'ja', null, null, null, '€ 1.500.000', 'Steunfonds Oekraïne', ''],
        ['TT-2', 'geen-programma', '2025-03-01', null, '2025-08-31', 5, null, null, null, null, null, null, null, null, ''],
      ],
      'Gereedheidsoordelen (Readiness)': [
        ['GO-1', 'DOM-1', 'acceptabel', 'Vervanging is besteld.', '2025-07-01'],
        ['GO-2', 'DOM-1', 'Onacceptabel', 'Te vroeg geoordeeld.', '2099-01-01'],
        ['GO-3', 'DOM-2', 'geen', 'Een aankoop raakt de voorraad niet.', '2025-07-01'],
      ],
      // A country code, as a programme's host country above, in either case.
      'Bedrijven (Companies)': [['BD-1', 'Munitiefabriek (import)', 'ua', null]],
      // A contract names its company by the company's reference, and fulfils procurements only.
      'Contracten (Contracts)': [
        ['CT-1', 'bd-1', 'G2B-IMPORT-1', 'Munitie', '€ 2.500.000', '2025-06-01', 'DOM-2', 'Eerste levering', '2025-12-01'],
        ['CT-2', 'BD-1', 'G2B-IMPORT-2', 'Houwitsers', 1000, '2025-06-01', 'DOM-1', null, null],
      ],
    });
    // DOM-1 was handed over before the register was used: confirmed, no licence of the register covers it.
    file = { ...asUpload(bytes, 'domeinen.xlsx'), confirm: ['shippedWithoutLicence'] };
  });

  const programmes = async () => (await registrar('GET', '/training-programmes')).body.items as { id: string; key: string; hostCountry: string; deliveryIds: string[] }[];

  it('names a refused row by its row and column in the dry run, and changes nothing', async () => {
    const before = await programmes();
    const dryRun = await registrar('POST', '/imports/dry-run', file, { 'Accept-Language': 'nl' });
    expect(dryRun.status).toBe(200);
    expect(dryRun.body).toMatchObject({ committed: false, importId: null, counts: { create: 7, unchanged: 0, invalid: 5 } });
    const faulty = dryRun.body.rows.filter((row: any) => row.outcome === 'invalid');
    expect(faulty).toEqual([
      expect.objectContaining({ sheet: 'trainingProgramme', sheetName: 'Trainingsprogramma’s (Training)', rowNumber: 4, faults: [expect.objectContaining({ field: 'deliveryReferences', columnLetter: 'G', code: 'unknownDeliveryReference', reason: expect.stringContaining('ONBEKEND-9') })] }),
      expect.objectContaining({ sheet: 'trainingContribution', rowNumber: 4, faults: [expect.objectContaining({ field: 'programmeKey', columnLetter: 'B', code: 'unknownProgramme' })] }),
      expect.objectContaining({ sheet: 'readinessJudgement', rowNumber: 4, faults: [expect.objectContaining({ field: 'judgedOn', columnLetter: 'E' })] }),
      expect.objectContaining({ sheet: 'readinessJudgement', rowNumber: 5, faults: [expect.objectContaining({ field: 'deliveryReference', columnLetter: 'B', code: 'notStock' })] }),
      expect.objectContaining({ sheet: 'industryContract', rowNumber: 4, faults: [expect.objectContaining({ field: 'deliveryReferences', columnLetter: 'G', code: 'notProcurement' })] }),
    ]);
    // Yes or no and lists of references are shown as what the row records, as its text and numbers are.
    const values = (reference: string) => dryRun.body.rows.find((row: any) => row.reference === reference).values;
    expect(values('TR-1')).toMatchObject({ key: 'pzh-import', deliveryReferences: ['dom-1'] });
    expect(values('TT-1')).toMatchObject({ trainers: 20, trainersIsMaximum: true, traineesIsApproximate: true });
    expect(await programmes()).toEqual(before);
  });

  it('with all or nothing imports nothing; with only the valid rows the delivery, the programme for it and its judgement, audited as the import', async () => {
    const refused = await registrar('POST', '/imports', { ...file, mode: 'allOrNothing' });
    expect(refused.body).toMatchObject({ committed: false, importId: null });
    expect((await programmes()).some((programme) => programme.key === 'pzh-import')).toBe(false);

    const committed = await registrar('POST', '/imports', { ...file, mode: 'onlyValid' });
    expect(committed.body).toMatchObject({ committed: true, counts: { create: 7, invalid: 5 } });
    const delivery = (await registrar('GET', `/deliveries?q=${encodeURIComponent('Pantserhouwitsers (import)')}`)).body.items[0];
    const programme = (await programmes()).find((item) => item.key === 'pzh-import')!;
    expect(programme).toMatchObject({ hostCountry: 'DE', deliveryIds: [delivery.id] });
    expect((await programmes()).some((item) => item.key === 'pzh-onbekend')).toBe(false);
    const counted = (await registrar('GET', `/training-programmes/${programme.id}`)).body.contributions;
    expect(counted).toEqual([expect.objectContaining({ trainers: 20, trainersIsMaximum: true, trainees: 250, traineesIsApproximate: true, costEstimateCents: 150_000_000, fundingSource: 'ukraineSupportBudget' })]);
    const industry = (await registrar('GET', '/industry')).body;
    const company = industry.companies.find((item: any) => item.name === 'Munitiefabriek (import)');
    expect(company.country).toBe('UA');
    expect(company.contracts).toEqual([expect.objectContaining({ reference: 'G2B-IMPORT-1', amountCents: 250_000_000, milestones: [expect.objectContaining({ title: 'Eerste levering', dueOn: '2025-12-01' })] })]);
    const readiness = (await registrar('GET', `/readiness/deliveries/${delivery.id}`)).body;
    expect(readiness.judgements).toEqual([expect.objectContaining({ effect: 'acceptable', judgedOn: '2025-07-01', reasoning: 'Vervanging is besteld.' })]);

    const trail = await auditor('GET', `/audit-events?importId=${committed.body.importId}`);
    expect(trail.body.items.map((event: any) => event.action).toSorted()).toEqual(['company.create', 'delivery.create', 'delivery.create', 'import.commit', 'industryContract.create', 'readiness.judge', 'training.addContribution', 'training.createProgramme']);
    expect(trail.body.items[0]).toMatchObject({ action: 'import.commit', detail: { created: { delivery: 2, trainingProgramme: 1, trainingContribution: 1, readinessJudgement: 1, company: 1, industryContract: 1 } } });
    // Each record's own event names the import and the row it came from, those of other domains as a delivery's.
    const importId = committed.body.importId;
    expect(Object.fromEntries(trail.body.items.slice(1).map((event: any) => [event.detail.externalReference, [event.action, event.detail]]))).toEqual({
      'DOM-1': ['delivery.create', { importId, sheet: 'delivery', row: 3, externalReference: 'DOM-1', confirmedWarnings: [{ field: 'realisedAt', code: 'shippedWithoutLicence', params: { date: '2025-06-01' } }] }],
      'DOM-2': ['delivery.create', { importId, sheet: 'delivery', row: 4, externalReference: 'DOM-2' }],
      'TR-1': ['training.createProgramme', { importId, sheet: 'trainingProgramme', row: 3, externalReference: 'TR-1' }],
      'TT-1': ['training.addContribution', { importId, sheet: 'trainingContribution', row: 3, externalReference: 'TT-1' }],
      'GO-1': ['readiness.judge', { importId, sheet: 'readinessJudgement', row: 3, externalReference: 'GO-1' }],
      'BD-1': ['company.create', { importId, sheet: 'company', row: 3, externalReference: 'BD-1' }],
      'CT-1': ['industryContract.create', { importId, sheet: 'industryContract', row: 3, externalReference: 'CT-1' }],
    });
    const companyHistory = await auditor('GET', `/audit-events?objectType=company&objectId=${company.id}`);
    expect(companyHistory.body.items).toEqual([expect.objectContaining({ action: 'company.create', detail: { importId, sheet: 'company', row: 3, externalReference: 'BD-1' } })]);
    expect((await verifyAuditTrail(database().db)).ok).toBe(true);
  });

  it('refused with all or nothing for a fault of the file, reports what the dry run does: the faults only the other domains find too, and the rows only the valid ones would make', async () => {
    const { db } = database();
    const template = await downloadedTemplate(db);
    const bytes = await filledTemplate(template, {
      'Leveringen (Deliveries)': [['WEIGER-1', 'Munitie (weigering)', 'Commerciële verwerving', 'Munitie', 'Defensiebegroting', 1000, 'stuks', null, null, null, null]],
      // A payment of nothing: a fault of the file itself, which the plan finds before any record is made.
      'Betalingen (Payments)': [['WEIGER-1-B', 'WEIGER-1', 0, '2025-06-03']],
      'Trainingstellingen (Counts)': [['WEIGER-TT', 'geen-programma-weigering', '2025-03-01', null, '2025-08-31', 5, null, null, null, null, null, null, null, null, '']],
      'Gereedheidsoordelen (Readiness)': [['WEIGER-GO', 'WEIGER-1', 'geen', 'Een aankoop raakt de voorraad niet.', '2025-07-01']],
      'Bedrijven (Companies)': [['WEIGER-BD', 'Werf (weigering)', 'NL', null]],
    });
    const file = asUpload(bytes, 'weigering.xlsx');
    const dryRun = await registrar('POST', '/imports/dry-run', file);
    expect(dryRun.body.counts).toMatchObject({ create: 2, invalid: 3 });
    const refused = await registrar('POST', '/imports', { ...file, mode: 'allOrNothing' });
    expect(refused.body).toMatchObject({ committed: false, importId: null, counts: dryRun.body.counts });
    expect(refused.body.rows).toEqual(dryRun.body.rows);
    const committed = await registrar('POST', '/imports', { ...file, mode: 'onlyValid' });
    expect(committed.body).toMatchObject({ committed: true, counts: dryRun.body.counts });
  });

  it('says of a contract whose company has a fault on its row in the same file that that row has one, not that there is no such company', async () => {
    const { db } = database();
    const template = await downloadedTemplate(db);
    const bytes = await filledTemplate(template, {
      // A country that is no ISO code: the company's row has a fault, and no company is made.
      'Bedrijven (Companies)': [['BD-FOUT', 'Werf (import)', 'Oekraïne', null]],
      'Contracten (Contracts)': [['CT-FOUT', 'bd-fout', 'G2B-FOUT-1', 'Munitie', 1000, '2025-06-01', null, null, null]],
    });
    const dryRun = await registrar('POST', '/imports/dry-run', asUpload(bytes, 'bedrijf-fout.xlsx'), { 'Accept-Language': 'en' });
    expect(dryRun.body.rows.filter((row: any) => row.outcome !== 'example').map((row: any) => [row.reference, row.outcome, row.faults.map((fault: any) => `${fault.columnLetter} ${fault.code}: ${fault.reason}`)])).toEqual([
      ['BD-FOUT', 'invalid', [expect.stringMatching(/^C /)]],
      ['CT-FOUT', 'invalid', ['B companyRowInvalid: The company on row 3 of the sheet Bedrijven (Companies) has a fault; correct that first.']],
    ]);
  });

  it('refuses a company under a registration number of its country, and a contract under a reference of its company, whatever their case and spacing', async () => {
    const { db } = database();
    const template = await downloadedTemplate(db);
    const bytes = await filledTemplate(template, {
      'Bedrijven (Companies)': [
        ['BD-KVK-1', 'Eerste werf (import)', 'NL', 'KvK 777-A'],
        ['BD-KVK-2', 'Tweede werf (import)', 'nl', 'kvk  777-a'],
      ],
      'Contracten (Contracts)': [
        ['CT-KVK-1', 'BD-KVK-1', 'G2B-KVK-1', 'Munitie', 1000, '2025-06-01', null, null, null],
        ['CT-KVK-2', 'BD-KVK-1', 'g2b-kvk-1', 'Munitie', 1000, '2025-06-01', null, null, null],
      ],
    });
    const file = asUpload(bytes, 'bedrijf-dubbel.xlsx');
    const committed = await registrar('POST', '/imports', { ...file, mode: 'onlyValid' }, { 'Accept-Language': 'en' });
    const outcomes = committed.body.rows.filter((row: any) => row.outcome !== 'example').map((row: any) => [row.reference, row.outcome, row.faults.map((fault: any) => `${fault.columnLetter} ${fault.code}: ${fault.reason}`)]);
    expect(outcomes).toEqual([
      ['BD-KVK-1', 'create', []],
      ['BD-KVK-2', 'invalid', ['D registrationNumberTaken: The company "Eerste werf (import)" of this country has this registration number already (capitals do not count, several spaces count as one).']],
      ['CT-KVK-1', 'create', []],
      ['CT-KVK-2', 'invalid', [expect.stringMatching(/^C contractReferenceTaken/)]],
    ]);
    expect(committed.body).toMatchObject({ committed: true, counts: { create: 2, invalid: 2 } });
  });

  it('refuses a company the register or the file holds already under its name, whatever its case, accents and spaces, and an amount not above zero as every amount, by row and column', async () => {
    const { db } = database();
    expect((await registrar('POST', '/companies', { name: 'Dubbele Défensie (import)', country: 'NL' })).status).toBe(201);
    const template = await downloadedTemplate(db);
    const bytes = await filledTemplate(template, {
      'Bedrijven (Companies)': [
        ['BD-NAAM-1', 'dubbele defensie  (IMPORT)', 'nl', null],
        ['BD-NAAM-2', 'Enkele werf (import)', 'NL', null],
        ['BD-NAAM-3', 'Enkele Wérf (import) ', 'NL', null],
        ['BD-NAAM-4', 'Enkele werf (import)', 'BE', null],
      ],
      'Contracten (Contracts)': [['CT-NUL', 'BD-NAAM-2', 'G2B-NUL-1', 'Munitie', -5, '2025-06-01', null, null, null]],
    });
    const file = asUpload(bytes, 'bedrijf-naam-dubbel.xlsx');
    const companies = async () => Number((await db.selectFrom('company').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await companies();
    for (const [language, dutchCompany, beforeImport, amount] of [
      ['nl', 'Dit bedrijf staat al in het register: "Dubbele Défensie (import)" uit dit land (hoofdletters, accenten, meerdere spaties, punten in afkortingen en letters die er hetzelfde uitzien tellen niet mee).', 'Dit bedrijf staat al in het register: "Enkele werf (import)" uit dit land (hoofdletters, accenten, meerdere spaties, punten in afkortingen en letters die er hetzelfde uitzien tellen niet mee).', 'Vul een bedrag in van meer dan € 0,00.'],
      ['en', 'This company is already in the register: "Dubbele Défensie (import)" of this country (capitals, accents, several spaces, dots in abbreviations and letters that look the same do not count).', 'This company is already in the register: "Enkele werf (import)" of this country (capitals, accents, several spaces, dots in abbreviations and letters that look the same do not count).', 'Enter an amount of more than €0.00.'],
    ] as const) {
      const dryRun = await registrar('POST', '/imports/dry-run', file, { 'Accept-Language': language });
      expect(dryRun.body.rows.filter((row: any) => row.outcome !== 'example').map((row: any) => [row.reference, row.outcome, row.faults.map((fault: any) => `${fault.columnLetter} ${fault.code}: ${fault.reason}`)])).toEqual([
        ['BD-NAAM-1', 'invalid', [`B companyNameTaken: ${dutchCompany}`]],
        ['BD-NAAM-2', 'create', []],
        ['BD-NAAM-3', 'invalid', [`B companyNameTaken: ${beforeImport}`]],
        ['BD-NAAM-4', 'create', []],
        ['CT-NUL', 'invalid', [`E amountNotPositive: ${amount}`]],
      ]);
    }
    expect(await companies()).toBe(before);
  });

  it('refuses a programme the register or the file holds already under its name, whatever its case, accents and spaces, by row and column', async () => {
    const { db } = database();
    expect((await registrar('POST', '/training-programmes', { key: 'dubbel-naam', name: 'Dubbele Opléiding (import)', hostCountry: 'DE', framework: 'bilateral' })).status).toBe(201);
    const template = await downloadedTemplate(db);
    const bytes = await filledTemplate(template, {
      'Trainingsprogramma’s (Training)': [
        ['TR-NAAM-1', 'dubbele opleiding  (IMPORT)', 'naam-1', 'DE', 'Bilateraal', null, null, null],
        ['TR-NAAM-2', 'Enkele opleiding (import)', 'naam-2', 'DE', 'Bilateraal', null, null, null],
        ['TR-NAAM-3', 'Enkele Opléiding (import) ', 'naam-3', 'PL', 'Bilateraal', null, null, null],
      ],
    });
    const file = asUpload(bytes, 'programma-naam-dubbel.xlsx');
    const before = await programmes();
    for (const [language, inRegister, inFile] of [
      ['nl', 'Dit trainingsprogramma staat al in het register: "Dubbele Opléiding (import)" (hoofdletters, accenten, meerdere spaties, punten in afkortingen en letters die er hetzelfde uitzien tellen niet mee).', 'Dit trainingsprogramma staat al in het register: "Enkele opleiding (import)" (hoofdletters, accenten, meerdere spaties, punten in afkortingen en letters die er hetzelfde uitzien tellen niet mee).'],
      ['en', 'This training programme is already in the register: "Dubbele Opléiding (import)" (capitals, accents, several spaces, dots in abbreviations and letters that look the same do not count).', 'This training programme is already in the register: "Enkele opleiding (import)" (capitals, accents, several spaces, dots in abbreviations and letters that look the same do not count).'],
    ] as const) {
      const dryRun = await registrar('POST', '/imports/dry-run', file, { 'Accept-Language': language });
      expect(dryRun.body.rows.filter((row: any) => row.outcome !== 'example').map((row: any) => [row.reference, row.outcome, row.faults.map((fault: any) => `${fault.columnLetter} ${fault.code}: ${fault.reason}`)])).toEqual([
        ['TR-NAAM-1', 'invalid', [`B programmeNameTaken: ${inRegister}`]],
        ['TR-NAAM-2', 'create', []],
        ['TR-NAAM-3', 'invalid', [`B programmeNameTaken: ${inFile}`]],
      ]);
    }
    expect(await programmes()).toEqual(before);
  });

  it('refuses the counts of a programme whose row has a fault, rather than adding them to a programme of the register under its short name', async () => {
    const { db } = database();
    const template = await downloadedTemplate(db);
    const bytes = await filledTemplate(template, {
      // The first programme's short name is one of the register (imported above): its domain refuses it. The second's framework is none.
      'Trainingsprogramma’s (Training)': [
        ['TR-BEZET', 'Een ander programma', 'pzh-import', 'DE', 'Bilateraal', null, null, null],
        ['TR-FOUT', 'Programma zonder kader', 'zonder-kader', 'DE', 'Onbekend', null, null, null],
      ],
      'Trainingstellingen (Counts)': [
        ['TT-BEZET', 'PZH-IMPORT', '2025-09-01', null, '2025-09-30', 7, null, null, null, null, null, null, null, null, ''],
        ['TT-FOUT', 'zonder-kader', '2025-09-01', null, '2025-09-30', 3, null, null, null, null, null, null, null, null, ''],
      ],
    });
    const file = asUpload(bytes, 'programma-fout.xlsx');
    const dryRun = await registrar('POST', '/imports/dry-run', file, { 'Accept-Language': 'en' });
    const faultsOf = (reference: string) => dryRun.body.rows.find((row: any) => row.reference === reference).faults.map((fault: any) => `${fault.columnLetter} ${fault.code}: ${fault.reason}`);
    expect(faultsOf('TR-BEZET')).toEqual([expect.stringMatching(/^C programmeKeyTaken/)]);
    expect(faultsOf('TT-BEZET')).toEqual(['B programmeRowInvalid: The training programme on row 3 of the sheet Trainingsprogramma’s (Training) has a fault; correct that first.']);
    expect(faultsOf('TT-FOUT')).toEqual(['B programmeRowInvalid: The training programme on row 4 of the sheet Trainingsprogramma’s (Training) has a fault; correct that first.']);

    const committed = await registrar('POST', '/imports', { ...file, mode: 'onlyValid' });
    expect(committed.body).toMatchObject({ committed: false, counts: { create: 0, invalid: 4 } });
    const programme = (await programmes()).find((item) => item.key === 'pzh-import')!;
    expect((await registrar('GET', `/training-programmes/${programme.id}`)).body.contributions).toEqual([expect.objectContaining({ trainers: 20 })]);
  });

  it('changes nothing when the same file comes again, and says so of a row that says something else under a known reference', async () => {
    const again = await registrar('POST', '/imports', { ...file, mode: 'onlyValid' });
    expect(again.body).toMatchObject({ committed: false, counts: { create: 0, unchanged: 7, invalid: 5 } });

    const { db } = database();
    const template = await downloadedTemplate(db);
    const changed = await filledTemplate(template, { 'Gereedheidsoordelen (Readiness)': [['GO-1', 'DOM-1', 'geen', 'Vervanging is besteld.', '2025-07-01']] });
    const dryRun = await registrar('POST', '/imports/dry-run', { fileName: 'gewijzigd.xlsx', content: Buffer.from(changed).toString('base64') });
    expect(dryRun.body.rows.find((row: any) => row.reference === 'GO-1')).toMatchObject({ outcome: 'invalid', faults: [expect.objectContaining({ code: 'differsFromEarlierImport', field: 'externalReference' })] });
  });

  it('takes a row again as unchanged however the references it names are spelled, also one an earlier import kept as typed', async () => {
    const { db } = database();
    const template = await downloadedTemplate(db);
    // The rows imported above, naming their delivery, programme and company as a user retyping them would.
    const retyped = await filledTemplate(template, {
      'Trainingsprogramma’s (Training)': [['TR-1', 'Opleiding op de pantserhouwitser', 'pzh-import', 'de', 'Bilateraal', 'Panzerhaubitze 2000', 'DOM-1', 'Bemanningen en onderhoud.']],
      'Trainingstellingen (Counts)': [['TT-1', 'pzh-import', '2025-03-01', null, '2025-08-31', 20, 'Ja', 250, 'ja', null, null, null, '€ 1.500.000', 'Steunfonds Oekraïne', '']],
      'Gereedheidsoordelen (Readiness)': [['GO-1', 'dom-1', 'acceptabel', 'Vervanging is besteld.', '2025-07-01']],
      'Contracten (Contracts)': [['CT-1', 'BD-1', 'G2B-IMPORT-1', 'Munitie', '€ 2.500.000', '2025-06-01', 'Dom-2', 'Eerste levering', '2025-12-01']],
    });
    const dryRun = await registrar('POST', '/imports/dry-run', { fileName: 'overgetypt.xlsx', content: Buffer.from(retyped).toString('base64') });
    expect(dryRun.body.rows.filter((row: any) => row.outcome !== 'example').map((row: any) => [row.reference, row.outcome, row.faults])).toEqual([
      ['TR-1', 'unchanged', []],
      ['TT-1', 'unchanged', []],
      ['GO-1', 'unchanged', []],
      ['CT-1', 'unchanged', []],
    ]);

    // An import before references were matched by their key kept the digest of the row with its references as typed.
    const original = await registrar('POST', '/imports/dry-run', file);
    const { values } = original.body.rows.find((row: any) => row.reference === 'GO-1');
    const typedDigest = createHash('sha256').update(JSON.stringify(Object.entries(values).sort(([a], [b]) => (a < b ? -1 : 1)))).digest('hex');
    await db.updateTable('importedRecord').set({ rowSha256: typedDigest }).where('sheet', '=', 'readinessJudgement').where('externalReference', '=', 'GO-1').execute();
    const again = await registrar('POST', '/imports/dry-run', file);
    expect(again.body.rows.find((row: any) => row.reference === 'GO-1')).toMatchObject({ outcome: 'unchanged', faults: [] });
  });

  it('takes a row again as unchanged when it names its delivery or company by id one time and by reference the other, and not when it names another', async () => {
    const { db } = database();
    const template = await downloadedTemplate(db);
    const idOf = async (sheet: string, reference: string) =>
      (await db.selectFrom('importedRecord').select('recordId').where('sheet', '=', sheet).where('externalReference', '=', reference).executeTakeFirstOrThrow()).recordId;
    const [dom1, dom2, bd1] = await Promise.all([idOf('delivery', 'DOM-1'), idOf('delivery', 'DOM-2'), idOf('company', 'BD-1')]);
    const rows = (deliveryOfJudgement: string, deliveriesOfProgramme: string, company: string) => ({
      'Gereedheidsoordelen (Readiness)': [['GO-NAAM', deliveryOfJudgement, 'acceptabel', 'Genoemd bij naam of id.', '2025-07-02']],
      'Trainingsprogramma’s (Training)': [['TR-NAAM', 'Opleiding genoemd bij naam of id', 'pzh-naam', 'DE', 'Bilateraal', null, deliveriesOfProgramme, null]],
      'Contracten (Contracts)': [['CT-NAAM', company, 'G2B-NAAM-1', 'Munitie', 1000, '2025-06-01', null, null, null]],
    });
    const outcomes = async (sheets: Parameters<typeof filledTemplate>[1], mode?: 'onlyValid') => {
      const file = { fileName: 'namen.xlsx', content: Buffer.from(await filledTemplate(template, sheets)).toString('base64') };
      const answer = mode ? await registrar('POST', '/imports', { ...file, mode }) : await registrar('POST', '/imports/dry-run', file);
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      return answer.body.rows.filter((row: any) => row.outcome !== 'example').map((row: any) => [row.reference, row.outcome, row.faults.map((fault: any) => fault.code)]);
    };

    // Named by id, and in a list both ways at once.
    expect(await outcomes(rows(dom1, `${dom1}; DOM-2`, bd1), 'onlyValid')).toEqual([
      ['TR-NAAM', 'create', []],
      ['GO-NAAM', 'create', []],
      ['CT-NAAM', 'create', []],
    ]);
    const unchanged = [
      ['TR-NAAM', 'unchanged', []],
      ['GO-NAAM', 'unchanged', []],
      ['CT-NAAM', 'unchanged', []],
    ];
    expect(await outcomes(rows('dom-1', `${dom2.toUpperCase()}; DOM-1`, 'BD-1'))).toEqual(unchanged);
    expect(await outcomes(rows(dom1, `${dom2}; ${dom1}`, bd1))).toEqual(unchanged);

    // Another delivery or company, by id or by reference, is another row under the same key.
    const differs = (reference: string) => [reference, 'invalid', ['differsFromEarlierImport']];
    expect(await outcomes(rows('DOM-2', 'DOM-1', bd1))).toEqual([differs('TR-NAAM'), differs('GO-NAAM'), ['CT-NAAM', 'unchanged', []]]);
    const other = (await registrar('POST', '/companies', { name: 'Ander bedrijf (naam)', country: 'NL' })).body.id;
    expect(await outcomes(rows(dom2, 'DOM-2', other))).toEqual([differs('TR-NAAM'), differs('GO-NAAM'), differs('CT-NAAM')]);

    // A digest kept before records were named one way, of the references as typed by their key, still holds for either.
    const keyed = createHash('sha256').update(JSON.stringify([['deliveryReference', dom1], ['effect', 'acceptable'], ['judgedOn', '2025-07-02'], ['reasoning', 'Genoemd bij naam of id.']])).digest('hex');
    await db.updateTable('importedRecord').set({ rowSha256: keyed }).where('sheet', '=', 'readinessJudgement').where('externalReference', '=', 'GO-NAAM').execute();
    expect((await outcomes(rows('DOM-1', `DOM-2; ${dom1}`, 'bd-1')))[1]).toEqual(['GO-NAAM', 'unchanged', []]);
    expect((await outcomes(rows(dom1, `DOM-2; ${dom1}`, 'bd-1')))[1]).toEqual(['GO-NAAM', 'unchanged', []]);
  });

  it('takes a record naming a delivery the register holds though that delivery’s row in the file differs from the register, the row saying so', async () => {
    const { db } = database();
    const template = await downloadedTemplate(db);
    const { recordId } = await db.selectFrom('importedRecord').select('recordId').where('sheet', '=', 'delivery').where('externalReference', '=', 'DOM-1').executeTakeFirstOrThrow();
    const current = await registrar('GET', `/deliveries/${recordId}`);
    expect((await registrar('PATCH', `/deliveries/${recordId}`, { title: 'Pantserhouwitsers 2000 (import)' }, { 'If-Match': current.headers.get('ETag')! })).status).toBe(200);

    const bytes = await filledTemplate(template, {
      'Leveringen (Deliveries)': [['DOM-1', 'Pantserhouwitsers (import)', 'Directe levering uit voorraad', 'Artillerie', 'Defensiebegroting', 4, 'stuks', null, null, '2025-06-01', null]],
      'Trainingsprogramma’s (Training)': [['TR-HERNOEMD', 'Opleiding na de nieuwe naam', 'pzh-hernoemd', 'DE', 'Bilateraal', null, 'DOM-1', null]],
      'Gereedheidsoordelen (Readiness)': [['GO-HERNOEMD', 'DOM-1', 'acceptabel', 'Na de nieuwe naam.', '2025-07-03']],
    });
    const file = asUpload(bytes, 'hernoemd.xlsx');
    const outcomes = (body: any) => body.rows.filter((row: any) => row.outcome !== 'example').map((row: any) => [row.reference, row.outcome, row.faults.map((fault: any) => fault.code)]);
    expect(outcomes((await registrar('POST', '/imports/dry-run', file)).body)).toEqual([
      ['DOM-1', 'invalid', ['differsFromRegister']],
      ['TR-HERNOEMD', 'create', []],
      ['GO-HERNOEMD', 'create', []],
    ]);
    expect((await registrar('POST', '/imports', { ...file, mode: 'onlyValid' })).body).toMatchObject({ committed: true, counts: { create: 2, invalid: 1 } });
    expect((await programmes()).find((programme) => programme.key === 'pzh-hernoemd')).toMatchObject({ deliveryIds: [recordId] });
    const readiness = (await registrar('GET', `/readiness/deliveries/${recordId}`)).body;
    expect(readiness.judgements).toContainEqual(expect.objectContaining({ judgedOn: '2025-07-03', reasoning: 'Na de nieuwe naam.' }));
    expect((await registrar('GET', `/deliveries/${recordId}`)).body.title).toBe('Pantserhouwitsers 2000 (import)');
  });
  it('refuses a programme or a contract that names the same delivery twice, by reference or by id in any case, at its list’s column, as the API refuses it', async () => {
    const { db } = database();
    const template = await downloadedTemplate(db);
    const { recordId: dom1 } = await db.selectFrom('importedRecord').select('recordId').where('sheet', '=', 'delivery').where('externalReference', '=', 'DOM-1').executeTakeFirstOrThrow();
    const bytes = await filledTemplate(template, {
      'Trainingsprogramma’s (Training)': [
        ['TR-TWEEMAAL-1', 'Opleiding met een levering tweemaal', 'tweemaal-1', 'DE', 'Bilateraal', null, 'DOM-1; dom-1', null],
        ['TR-TWEEMAAL-2', 'Opleiding met een levering bij naam en id', 'tweemaal-2', 'DE', 'Bilateraal', null, `DOM-1; ${dom1.toUpperCase()}`, null],
      ],
      'Contracten (Contracts)': [['CT-TWEEMAAL', 'BD-1', 'G2B-TWEEMAAL-1', 'Munitie', 1000, '2025-06-01', 'DOM-2; DOM-2', null, null]],
    });
    const file = asUpload(bytes, 'tweemaal.xlsx');
    const refusal = ['G deliveryReferences duplicateDelivery: Name each delivery only once.'];
    for (const answer of [await registrar('POST', '/imports/dry-run', file, { 'Accept-Language': 'en' }), await registrar('POST', '/imports', { ...file, mode: 'onlyValid' }, { 'Accept-Language': 'en' })]) {
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      expect(answer.body.rows.filter((row: any) => row.outcome !== 'example').map((row: any) => [row.reference, row.outcome, row.faults.map((fault: any) => `${fault.columnLetter} ${fault.field} ${fault.code}: ${fault.reason}`)])).toEqual([
        ['TR-TWEEMAAL-1', 'invalid', refusal],
        ['TR-TWEEMAAL-2', 'invalid', refusal],
        ['CT-TWEEMAAL', 'invalid', refusal],
      ]);
    }
    expect((await programmes()).some((programme) => programme.key.startsWith('tweemaal'))).toBe(false);
    const company = (await registrar('GET', '/industry')).body.companies.find((item: any) => item.name === 'Munitiefabriek (import)');
    expect(company.contracts.some((contract: any) => contract.reference === 'G2B-TWEEMAAL-1')).toBe(false);
  });

  it('says of a first milestone without its due date, or without its title, that the column is required, as the API does', async () => {
    const { db } = database();
    const template = await downloadedTemplate(db);
    const bytes = await filledTemplate(template, {
      'Bedrijven (Companies)': [['BD-MIJL', 'Mijlpaalwerf (import)', 'NL', null]],
      'Contracten (Contracts)': [
        ['CT-MIJL-1', 'BD-MIJL', 'G2B-MIJL-1', 'Munitie', 1000, '2025-05-01', null, 'Eerste mijlpaal', null],
        ['CT-MIJL-2', 'BD-MIJL', 'G2B-MIJL-2', 'Munitie', 1000, '2025-05-01', null, null, '2025-12-01'],
      ],
    });
    const dryRun = await registrar('POST', '/imports/dry-run', asUpload(bytes, 'mijlpaal.xlsx'));
    const faultsOf = (reference: string) => dryRun.body.rows.find((row: any) => row.reference === reference).faults.map((fault: any) => `${fault.columnLetter} ${fault.field} ${fault.code}`);
    expect(faultsOf('CT-MIJL-1')).toEqual(['I milestoneDueOn required']);
    expect(faultsOf('CT-MIJL-2')).toEqual(['H milestoneTitle required']);
    const company = (await registrar('POST', '/companies', { name: 'Mijlpaalwerf (API)', country: 'NL' })).body.id;
    const refused = await registrar('POST', '/industry-contracts', { companyId: company, reference: 'G2B-MIJL-API', subject: 'Munitie', amountCents: 1000, signedOn: '2025-05-01', milestones: [{ title: 'Eerste mijlpaal' }] });
    expect(refused.body.invalidParams.map((param: any) => `${param.name} ${param.code}`)).toEqual(['milestones.0.dueOn required']);
  });
  it('names the own faults of a count whose programme’s row has a fault, and of a contract whose company’s row has one, beside that fault', async () => {
    const { db } = database();
    const template = await downloadedTemplate(db);
    const bytes = await filledTemplate(template, {
      'Trainingsprogramma’s (Training)': [['TR-EIGEN', 'Programma met een fout', 'eigen-fout', 'DE', 'Onbekend', null, null, null]],
      'Trainingstellingen (Counts)': [['TT-EIGEN', 'eigen-fout', '2025-09-01', null, '2099-01-01', -2, null, null, null, null, null, null, null, null, '']],
      'Bedrijven (Companies)': [['BD-EIGEN', 'Werf met een fout (import)', 'Oekraïne', null]],
      'Contracten (Contracts)': [['CT-EIGEN', 'BD-EIGEN', 'G2B-EIGEN-1', 'Munitie', 1000, '2099-01-01', null, null, null]],
    });
    const dryRun = await registrar('POST', '/imports/dry-run', asUpload(bytes, 'eigen-fouten.xlsx'));
    const faultsOf = (reference: string) => dryRun.body.rows.find((row: any) => row.reference === reference).faults.map((fault: any) => `${fault.columnLetter} ${fault.code}`);
    expect(faultsOf('TT-EIGEN')).toEqual(['B programmeRowInvalid', 'E dateInFuture', 'F tooSmall']);
    expect(faultsOf('CT-EIGEN')).toEqual(['B companyRowInvalid', 'F dateInFuture']);
  });

  it('names the fault of a count’s programme row, and of a contract’s company row, beside a cell of its own that could not be read', async () => {
    const { db } = database();
    const template = await downloadedTemplate(db);
    const bytes = await filledTemplate(template, {
      'Trainingsprogramma’s (Training)': [['TR-CEL', 'Programma met een fout en een cel', 'cel-fout', 'DE', 'Onbekend', null, null, null]],
      'Trainingstellingen (Counts)': [['TT-CEL', 'cel-fout', '2025-09-01', null, '2025-09-30', 5, 'misschien', null, null, null, null, null, null, null, '']],
      'Bedrijven (Companies)': [['BD-CEL', 'Werf met een fout en een cel (import)', 'Oekraïne', null]],
      'Contracten (Contracts)': [['CT-CEL', 'BD-CEL', 'G2B-CEL-1', 'Munitie', 'veel', '2025-05-01', null, null, null]],
    });
    const dryRun = await registrar('POST', '/imports/dry-run', asUpload(bytes, 'cel-fouten.xlsx'));
    const faultsOf = (reference: string) => dryRun.body.rows.find((row: any) => row.reference === reference).faults.map((fault: any) => `${fault.columnLetter} ${fault.code}`);
    expect(faultsOf('TT-CEL')).toEqual(['B programmeRowInvalid', 'G invalidChoice']);
    expect(faultsOf('CT-CEL')).toEqual(['B companyRowInvalid', 'E notAnAmount']);
  });

  it('names a count’s date before its period beside a Ja/Nee cell that says neither, as the API names it beside a value that is no yes or no', async () => {
    const { db } = database();
    const template = await downloadedTemplate(db);
    const bytes = await filledTemplate(template, {
      'Trainingstellingen (Counts)': [['TT-MISSCHIEN', 'pzh-import', '2025-09-01', null, '2025-08-01', 5, 'misschien', null, null, null, null, null, null, null, '']],
    });
    const dryRun = await registrar('POST', '/imports/dry-run', asUpload(bytes, 'misschien.xlsx'));
    expect(dryRun.body.rows.find((row: any) => row.reference === 'TT-MISSCHIEN').faults.map((fault: any) => `${fault.columnLetter} ${fault.field} ${fault.code}`)).toEqual([
      'C periodFrom periodAfterCount',
      'G trainersIsMaximum invalidChoice',
    ]);
    const programme = (await programmes()).find((item) => item.key === 'pzh-import')!;
    const refused = await registrar('POST', `/training-programmes/${programme.id}/contributions`, { periodFrom: '2025-09-01', countsUpTo: '2025-08-01', trainers: 5, trainersIsMaximum: 'misschien' });
    expect(refused.body.invalidParams.map((param: any) => `${param.name} ${param.code}`).toSorted()).toEqual(['periodFrom periodAfterCount', 'trainersIsMaximum invalidValue']);
  });
});
