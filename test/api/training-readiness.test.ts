/**
 * Training and readiness through the API, on the demonstration register: bad input is refused naming
 * every field and changes nothing, each change is audited, the letter's figures follow the register at
 * the reference date, and a decision not to replace that revalues shows as a restatement.
 */
import { beforeAll, expect, it } from 'vitest';
import { EFFECT_FILTERS } from '../../common/vocabulary/codes.ts';
import { loadDemonstrationData } from '../../src/register/demonstration.ts';
import { apiClient, type ApiCall } from './client.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { stockDelivery } from '../support/deliveries.ts';
import { placeholdersOf } from '../support/letters.ts';

const MILLION = 100_000_000;
const STOCK_UP_TO_FEBRUARY = 'eb51ab98-09d6-4275-b358-644a2cc992ed';
const DEMONSTRATION_PROJECT = 'd3b8f2e1-4a5c-4d7e-9f0a-1b2c3d4e5f01';
const fields = (body: any) => body.invalidParams.map((param: any) => param.name).sort();

describeEachDatabase('training and readiness', (database) => {
  let registrar: ApiCall;
  let author: ApiCall;
  let finance: ApiCall;
  let draftId: string;
  let februaryId: string;

  beforeAll(async () => {
    const { db } = database();
    await loadDemonstrationData(db);
    const clock = () => new Date('2025-09-05T10:00:00Z');
    registrar = apiClient(db, { role: 'registrar', clock });
    author = apiClient(db, { role: 'letterAuthor', clock });
    finance = apiClient(db, { role: 'finance', clock });
    const letters = (await author('GET', '/letters')).body.items;
    draftId = letters.find((letter: any) => letter.referenceDate === '2025-08-31').id;
    februaryId = letters.find((letter: any) => letter.referenceDate === '2025-02-04').id;
  });

  /** Every page of the stock deliveries' list, followed from the first by its `next` cursors. */
  const allStockDeliveries = async (query = '') => {
    const items: any[] = [];
    let after: string | null = '';
    while (after !== null) {
      const page: any = (await registrar('GET', `/readiness/deliveries?pageSize=7${query}${after ? `&after=${after}` : ''}`)).body;
      items.push(...page.items);
      after = page.next;
    }
    return items;
  };

  /** The changes the audit trail records (refused requests are recorded too, as refusals). */
  const auditActions = async () => {
    const rows = await database().db.selectFrom('auditEvent').select('action').where('result', '=', 'success').orderBy('seq').execute();
    return rows.map((row) => row.action);
  };

  it("records a programme and its contributions, each audited; a count made after the reference date is not the letter's", async () => {
    const created = await registrar('POST', '/training-programmes', { key: 'lithuania', name: 'Demining', hostCountry: 'LT', framework: 'bilateral' });
    expect(created.status).toBe(201);
    expect(created.headers.get('ETag')).toBe('"1"');
    const counted = await registrar('POST', `/training-programmes/${created.body.id}/contributions`, {
      periodFrom: '2025-01-01',
      countsUpTo: '2025-09-01',
      trainers: 4,
    });
    expect(counted.status).toBe(201);
    expect((await auditActions()).slice(-2)).toEqual(['training.createProgramme', 'training.addContribution']);

    const renamed = await registrar('PUT', `/training-programmes/${created.body.id}`, { key: 'lithuania', name: 'Demining training', hostCountry: 'LT', framework: 'bilateral' }, { 'If-Match': '"1"' });
    expect(renamed.status).toBe(200);
    expect((await registrar('PUT', `/training-programmes/${created.body.id}`, { key: 'lithuania', name: 'x', hostCountry: 'LT', framework: 'bilateral' }, { 'If-Match': '"1"' })).status).toBe(412);
    expect((await finance('POST', '/training-programmes', { key: 'x', name: 'x', hostCountry: 'LT', framework: 'bilateral' })).status).toBe(403);

    // Counted up to 1 Sep: a draft for an earlier date (the one for 31 Aug exists, so 30 Aug) does not know it, so it cannot name it.
    const draft = await author('GET', `/letters/${draftId}`);
    expect(JSON.stringify(draft.body.letter)).toContain('met 71 trainers');
    const blocks = [{ key: 'training', heading: 'Training', text: 'Litouwen: {{training:lithuania.trainers}} trainers.' }];
    const other = await author('POST', '/letters', { referenceDate: '2025-08-30' });
    expect(other.status).toBe(201);
    const edited = await author('PATCH', `/letters/${other.body.id}`, { blocks }, { 'If-Match': `"${other.body.version}"` });
    expect(placeholdersOf(edited.body.problems)).toEqual(['{{training:lithuania.trainers}}']);
  });

  it('writes nothing for a change of a programme or a replenishment project that leaves it as it is, and no state in the project’s history for a change of its budget', async () => {
    const [first, second] = await Promise.all(
      ['Ongewijzigd 1', 'Ongewijzigd 2'].map(async (title) => {
        const { id } = (await registrar('POST', '/deliveries', { ...stockDelivery, title })).body;
        expect((await registrar('POST', `/deliveries/${id}/valuations`, { amountCents: 1_000, basis: 'replacementValue', effectiveDate: '2025-04-15' })).status).toBe(201);
        return id as string;
      }),
    );
    const programme = (await registrar('POST', '/training-programmes', { key: 'unchanged', name: 'Ongewijzigd', hostCountry: 'PL', framework: 'bilateral', deliveryIds: [second, first!.toUpperCase()] })).body;
    const project = (await registrar('POST', '/replenishment-projects', {
      name: 'Ongewijzigde vervanging',
      stage: 'identified',
      asOf: '2025-09-01',
      replaces: [second, first].map((deliveryId) => ({ deliveryId, replacedValueCents: 100, replacedQuantity: null })),
    })).body;
    const before = await auditActions();
    const { id, version, isDemonstration, contributions, contributionsVersion, ...programmeFields } = programme;
    const sameProgramme = await registrar('PUT', `/training-programmes/${id}`, { ...programmeFields, deliveryIds: [first, second] }, { 'If-Match': '"1"' });
    const { id: projectId, version: projectVersion, isDemonstration: _, history, ...projectFields } = project;
    const sameProject = await registrar('PUT', `/replenishment-projects/${projectId}`, { ...projectFields, replaces: projectFields.replaces.toReversed() }, { 'If-Match': '"1"' });
    expect([sameProgramme, sameProject].map((response) => [response.status, response.headers.get('ETag'), response.body.version])).toEqual([[200, '"1"', 1], [200, '"1"', 1]]);
    expect(sameProject.body.history).toEqual(history);
    expect(await auditActions()).toEqual(before);
    const renamed = await registrar('PUT', `/training-programmes/${id}`, { ...programmeFields, name: 'Gewijzigd' }, { 'If-Match': '"1"' });
    // A budget, which has no history, changes the project, not its history of states.
    const budgeted = await registrar('PUT', `/replenishment-projects/${projectId}`, { ...projectFields, budgetCents: 500_00 }, { 'If-Match': '"1"' });
    expect([budgeted.body.budgetCents, budgeted.body.history]).toEqual([500_00, history]);
    const confirmed = await registrar('PUT', `/replenishment-projects/${projectId}`, { ...projectFields, budgetCents: 500_00, asOf: '2025-09-02' }, { 'If-Match': '"2"' });
    expect(confirmed.body.history.map((state: any) => state.asOf)).toEqual(['2025-09-01', '2025-09-02']);
    expect([renamed, budgeted, confirmed].map((response) => response.headers.get('ETag'))).toEqual(['"2"', '"2"', '"3"']);
    expect((await auditActions()).slice(before.length)).toEqual(['training.updateProgramme', 'readiness.updateProject', 'readiness.updateProject']);
  });

  it('refuses a contribution whose counts are all 0 or empty as one that counts nothing, and changes nothing', async () => {
    const programme = (await registrar('GET', '/training-programmes')).body.items.find((item: any) => item.key === 'stc');
    const contribute = (counts: Record<string, number>, language = 'nl') =>
      registrar('POST', `/training-programmes/${programme.id}/contributions`, { periodFrom: '2025-01-01', countsUpTo: '2025-06-30', ...counts }, { 'Accept-Language': language });
    const before = await auditActions();
    const zeros = await contribute({ trainers: 0, trainees: 0, courses: 0 });
    expect([zeros.status, zeros.body.invalidParams]).toEqual([400, [{ name: 'trainers', code: 'nothingCounted', reason: 'Vul minstens één aantal groter dan nul of de geraamde kosten in.' }]]);
    const plan = await contribute({ rotations: 0, soldiersPerRotation: 0 }, 'en');
    expect(plan.body.invalidParams).toEqual([{ name: 'trainers', code: 'nothingCounted', reason: 'Fill in at least one count above zero, or the estimated cost.' }]);
    expect(await auditActions()).toEqual(before);
    expect((await registrar('GET', `/training-programmes/${programme.id}`)).body.contributions).toHaveLength(programme.contributions.length);
  });

  it.each([25_000_000, 2 ** 53])('refuses a count of %d trainees or trainers, beyond what one contribution can hold, naming its maximum, and changes nothing', async (count) => {
    const programme = (await registrar('GET', '/training-programmes')).body.items.find((item: any) => item.key === 'stc');
    const before = await auditActions();
    const refused = await registrar('POST', `/training-programmes/${programme.id}/contributions`, { periodFrom: '2025-01-01', countsUpTo: '2025-06-30', trainees: count, trainers: count }, { 'Accept-Language': 'en' });
    expect([refused.status, refused.body.invalidParams]).toEqual([
      400,
      [
        { name: 'trainers', code: 'tooLarge', reason: 'Enter a number of at most 100,000.' },
        { name: 'trainees', code: 'tooLarge', reason: 'Enter a number of at most 1,000,000.' },
      ],
    ]);
    expect(await auditActions()).toEqual(before);
  });

  it.each([1_000_000_001, 2 ** 53])('refuses a replenishment project replacing %d items of a delivery, naming the most any quantity is, and changes nothing', async (count) => {
    const delivery = (await registrar('POST', '/deliveries', stockDelivery)).body;
    const before = await auditActions();
    const project = { name: 'Vervanging generatoren', stage: 'identified', budgetCents: null, expectedOn: null, note: '', replaces: [{ deliveryId: delivery.id, replacedValueCents: 1, replacedQuantity: count }], asOf: '2025-06-01' };
    const refused = await registrar('POST', '/replenishment-projects', project);
    expect([refused.status, refused.body.invalidParams]).toEqual([400, [{ name: 'replaces.0.replacedQuantity', code: 'tooLarge', reason: 'Vul een getal in van hoogstens 1.000.000.000.' }]]);
    expect(await auditActions()).toEqual(before);
  });

  it('refuses money that would value a stock delivery below what replenishment projects replace of it, naming the field, and changes nothing', async () => {
    const delivery = (await registrar('POST', '/deliveries', stockDelivery)).body;
    const valued = (await registrar('POST', `/deliveries/${delivery.id}/valuations`, { amountCents: 100_000, basis: 'replacementValue', effectiveDate: '2025-04-15' })).body;
    const project = { name: 'Vervanging generatoren', stage: 'approved', replaces: [{ deliveryId: delivery.id, replacedValueCents: 100_000, replacedQuantity: 8 }], asOf: '2025-05-01' };
    expect((await registrar('POST', '/replenishment-projects', project)).status).toBe(201);
    const before = await auditActions();
    const lowered = [
      { name: 'amountCents', request: () => registrar('POST', `/deliveries/${delivery.id}/valuations`, { amountCents: 1, basis: 'replacementValue', effectiveDate: '2025-06-01' }) },
      { name: 'revaluation.amountCents', request: () => registrar('POST', `/deliveries/${delivery.id}/non-replacement-decisions`, { decidedOn: '2025-06-01', reason: 'Deels niet vervangen', revaluation: { amountCents: 99_999, basis: 'bookValue', effectiveDate: '2025-06-01' } }) },
      { name: 'id', request: () => registrar('POST', `/valuations/${valued.id}/withdrawal`, { withdrawnOn: '2025-06-01', reason: 'Dubbel ingevoerd' }) },
    ];
    for (const { name, request } of lowered) {
      const refused = await request();
      expect([refused.status, refused.body.invalidParams]).toEqual([400, [{ name, code: 'belowReplacedValue', reason: expect.stringMatching(/€\s1\.000,00 van de waarde/) }]]);
    }
    expect((await registrar('GET', `/deliveries/${delivery.id}`)).body.valueCents).toBe(100_000);
    expect(await auditActions()).toEqual(before);
    // At what the projects replace, or above, a revaluation is taken.
    expect((await registrar('POST', `/deliveries/${delivery.id}/valuations`, { amountCents: 100_000, basis: 'replacementValue', effectiveDate: '2025-06-01' })).status).toBe(201);
  });

  it("names a contribution's rule faults in the same answer as a value the form refuses, and changes nothing", async () => {
    const before = await auditActions();
    const programme = (await registrar('GET', '/training-programmes')).body.items.find((item: any) => item.key === 'stc');
    const refused = await registrar('POST', `/training-programmes/${programme.id}/contributions`, {
      periodFrom: '2025-05-01',
      periodTo: '2025-04-01',
      countsUpTo: '2013-06-30',
      trainees: -5,
      costEstimateCents: 500,
      fundingSource: 'onbekend',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.invalidParams.map((param: any) => `${param.name} ${param.code}`).sort()).toEqual([
      'countsUpTo dateOutOfRange',
      'fundingSource invalidChoice',
      'periodTo beforeFrom',
      'trainees tooSmall',
    ]);
    expect(await auditActions()).toEqual(before);
  });

  it('names, beside a field the schema refuses (a choice or date left empty), the rules the other fields of a programme, judgement, project or decision break, and changes nothing', async () => {
    const before = await auditActions();
    const faults = (response: any) => response.body.invalidParams.map((param: any) => `${param.name} ${param.code}`).sort();
    const programme = { key: 'QA prog', name: ' ', hostCountry: 'NLD', framework: '' };
    expect(faults(await registrar('POST', '/training-programmes', programme))).toEqual(['framework required', 'hostCountry invalidCountry', 'key invalidProgrammeKey', 'name required']);
    const stc = (await registrar('GET', '/training-programmes')).body.items.find((item: any) => item.key === 'stc');
    expect(faults(await registrar('PUT', `/training-programmes/${stc.id}`, programme, { 'If-Match': '"1"' }))).toEqual(['framework required', 'hostCountry invalidCountry', 'key invalidProgrammeKey', 'name required']);
    expect(faults(await registrar('POST', `/deliveries/${STOCK_UP_TO_FEBRUARY}/readiness-judgements`, { effect: '', reasoning: ' ', judgedOn: '2027-01-01' }))).toEqual(['effect required', 'judgedOn dateInFuture', 'reasoning required']);
    expect(faults(await registrar('POST', `/deliveries/${STOCK_UP_TO_FEBRUARY}/non-replacement-decisions`, { decidedOn: '', reason: ' ' }))).toEqual(['decidedOn required', 'reason required']);
    expect(faults(await registrar('POST', '/replenishment-projects', { name: ' ', stage: '', asOf: '2027-01-01' }))).toEqual(['asOf dateInFuture', 'name required', 'stage required']);
    expect(await auditActions()).toEqual(before);
  });

  it('refuses bad input naming every field, and changes nothing', async () => {
    const before = await auditActions();
    const programme = (await registrar('GET', '/training-programmes')).body.items.find((item: any) => item.key === 'stc');
    const bad = await registrar('POST', `/training-programmes/${programme.id}/contributions`, {
      periodFrom: '2022-01-01',
      countsUpTo: '2099-01-01',
      trainers: -1,
      trainees: 10,
      traineesIsApproximate: true,
      costEstimateCents: 500,
      note: 'nul\u0000teken',
    });
    expect(bad.status).toBe(400);
    expect(fields(bad.body)).toEqual(['countsUpTo', 'fundingSource', 'note', 'trainers']);
    const tooEarly = await registrar('POST', `/training-programmes/${programme.id}/contributions`, { periodFrom: '2013-01-01', countsUpTo: '2025-08-31', trainers: 1 });
    expect(fields(tooEarly.body)).toEqual(['periodFrom']);
    for (const [dates, countsUpTo] of [
      [{ periodFrom: '2025-01-01', countsUpTo: '2024-06-30' }, '30 juni 2024'],
      [{ periodFrom: '2035-01-01', countsUpTo: '2025-06-30' }, '30 juni 2025'],
    ] as const) {
      const ahead = await registrar('POST', `/training-programmes/${programme.id}/contributions`, { ...dates, trainers: 10 });
      expect(ahead.status).toBe(400);
      expect(ahead.body.invalidParams).toEqual([expect.objectContaining({ name: 'periodFrom', reason: expect.stringContaining(`(${countsUpTo})`) })]);
    }
    expect((await registrar('POST', '/training-programmes', { key: 'stc', name: 'Dubbel', hostCountry: 'DE', framework: 'euMission' })).body.invalidParams).toEqual([
      expect.objectContaining({ name: 'key', reason: 'Er is al een trainingsprogramma met deze korte naam.' }),
    ]);
    const tooMuch = await registrar('POST', '/replenishment-projects', {
      name: 'Te veel',
      stage: 'identified',
      replaces: [{ deliveryId: STOCK_UP_TO_FEBRUARY, replacedValueCents: 2_000 * MILLION }],
      asOf: '2025-09-01',
    });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.invalidParams[0]).toMatchObject({ name: 'replaces.0.replacedValueCents', reason: expect.stringMatching(/hier kan nog hoogstens €\s[\d.]+,\d\d\.$/) });
    const project = (await registrar('GET', `/replenishment-projects/${DEMONSTRATION_PROJECT}`)).body;
    const stillExpected = await registrar(
      'PUT',
      `/replenishment-projects/${project.id}`,
      { name: project.name, budgetCents: project.budgetCents, note: project.note, replaces: project.replaces, stage: 'delivered', asOf: '2025-09-01', expectedOn: '2030-01-01' },
      { 'If-Match': `"${project.version}"` },
    );
    expect(stillExpected.body.invalidParams).toEqual([expect.objectContaining({ name: 'expectedOn', code: 'expectedAfterDelivery' })]);
    expect((await registrar('GET', `/replenishment-projects/${DEMONSTRATION_PROJECT}`)).body).toMatchObject({ stage: 'approved', expectedOn: '2027-12-31', version: project.version });
    const judgedLater = await registrar('POST', `/deliveries/${STOCK_UP_TO_FEBRUARY}/readiness-judgements`, { effect: 'none', reasoning: '', judgedOn: '2026-01-01' });
    expect(fields(judgedLater.body)).toEqual(['judgedOn', 'reasoning']);
    expect(await auditActions()).toEqual(before);
  });

  it('registers a programme once under its name, whatever its case, accents and spaces, also when one is renamed, naming the programme as registered', async () => {
    const programmes = async () => (await registrar('GET', '/training-programmes')).body.items.map((item: any) => `${item.key} ${item.name} ${item.version}`);
    const before = await programmes();
    const auditBefore = await auditActions();
    for (const [language, reason] of [
      ['nl', 'Dit trainingsprogramma staat al in het register: "Operatie Interflex" (hoofdletters, accenten, meerdere spaties, punten in afkortingen en letters die er hetzelfde uitzien tellen niet mee).'],
      ['en', 'This training programme is already in the register: "Operatie Interflex" (capitals, accents, several spaces, dots in abbreviations and letters that look the same do not count).'],
    ] as const) {
      for (const name of ['Operatie Interflex', 'operatie interflex', 'OPERATIE  INTERFLEX ', 'Opératie\u00a0Interflex']) {
        const again = await registrar('POST', '/training-programmes', { key: 'interflex-2', name, hostCountry: 'GB', framework: 'bilateral' }, { 'Accept-Language': language });
        expect(again.status, name).toBe(400);
        expect(again.body.invalidParams).toEqual([{ name: 'name', code: 'programmeNameTaken', reason }]);
      }
    }
    // With another's short name too, both are said at once.
    expect(fields((await registrar('POST', '/training-programmes', { key: 'interflex', name: 'operatie interflex', hostCountry: 'GB', framework: 'bilateral' })).body)).toEqual(['key', 'name']);
    const created = await registrar('POST', '/training-programmes', { key: 'ontmijning', name: 'Ontmijning Litouwen', hostCountry: 'LT', framework: 'bilateral' });
    expect(created.status).toBe(201);
    const renamed = (name: string) =>
      registrar('PUT', `/training-programmes/${created.body.id}`, { key: 'ontmijning', name, hostCountry: 'LT', framework: 'bilateral' }, { 'If-Match': '"1"', 'Accept-Language': 'en' });
    expect((await renamed('mariniersopleidingen')).body.invalidParams).toEqual([
      { name: 'name', code: 'programmeNameTaken', reason: 'This training programme is already in the register: "Mariniersopleidingen" (capitals, accents, several spaces, dots in abbreviations and letters that look the same do not count).' },
    ]);
    expect((await programmes()).sort()).toEqual([...before, 'ontmijning Ontmijning Litouwen 1'].sort());
    expect(await auditActions()).toEqual([...auditBefore, 'training.createProgramme']);
    // Its own name, in another form, is no other programme's.
    expect((await renamed('ONTMIJNING  Litouwen')).status).toBe(200);
  });

  it('registers a programme once when the same name is sent several times at the same moment', async () => {
    const names = ['Gelijktijdige training', 'gelijktijdige training', 'Gelijktijdige  training', 'Gélijktijdige training', 'GELIJKTIJDIGE TRAINING'];
    const answers = await Promise.all(names.map((name, index) => registrar('POST', '/training-programmes', { key: `gelijktijdig-${index}`, name, hostCountry: 'DE', framework: 'bilateral' })));
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 400, 400, 400, 400]);
    for (const answer of answers.filter((item) => item.status === 400)) expect(answer.body.invalidParams).toEqual([expect.objectContaining({ name: 'name', code: 'programmeNameTaken' })]);
  });

  it('keeps judgements as a history; the letter says the one that held at its reference date', async () => {
    const judged = await registrar('POST', `/deliveries/${STOCK_UP_TO_FEBRUARY}/readiness-judgements`, {
      effect: 'unacceptable',
      reasoning: 'Demonstratie: na de peildatum opnieuw beoordeeld.',
      judgedOn: '2025-09-02',
    });
    expect(judged.status).toBe(201);
    const delivery = (await registrar('GET', `/readiness/deliveries/${STOCK_UP_TO_FEBRUARY}`)).body;
    expect(delivery.judgements.map((judgement: any) => judgement.effect)).toEqual(['significantButAcceptable', 'unacceptable']);
    expect(delivery.replacements).toEqual([expect.objectContaining({ project: 'Demonstratie: versnelde aankoop van vervangend materieel', stage: 'approved', replacedValueCents: 1_000 * MILLION })]);
    const listed = (await allStockDeliveries()).find((item) => item.id === STOCK_UP_TO_FEBRUARY);
    expect(listed).toMatchObject({ judgements: 2, replacedValueCents: 1_000 * MILLION, latestJudgement: { effect: 'unacceptable', judgedOn: '2025-09-02' } });
    const draft = await author('GET', `/letters/${draftId}`);
    expect(JSON.stringify(draft.body.letter)).toContain('door Defensie als significant, maar acceptabel beoordeeld');
  });

  it("the confidential annex lists the trainers per programme and the readiness per delivery at the letter's reference date", async () => {
    const html: string = (await author('GET', `/letters/${draftId}/annex/html`)).body;
    // The section itself, not its entry in the annex's table of contents.
    const section = (heading: string) => {
      const start = html.indexOf(`${heading}</h2>`);
      return html.slice(start, html.indexOf('</table>', start));
    };
    const training = section('Training: trainers en getrainden per programma');
    expect(training).toMatch(/EUMAM[^<]*<\/t[dh]>(<t[dh][^>]*>[^<]*<\/t[dh]>){2}<td[^>]*>71<\/td><td[^>]*>circa 250<\/td>/);
    // The programme in Lithuania was counted up to 1 September only: after the reference date, so not in this annex.
    expect(training).not.toContain('Demining');
    const readiness = section('Effecten krijgsmacht: oordeel en vervanging per levering uit voorraad');
    expect(readiness).toContain('significant, maar acceptabel');
    // The judgement of 2 September came after the reference date.
    expect(readiness).not.toContain('na de peildatum opnieuw beoordeeld');
    expect(readiness).toContain('Demonstratie: versnelde aankoop van vervangend materieel (Goedgekeurd): €\u00a01.000.000.000,00');
    // Its dates as the letter writes dates: the hand-over of 14 April 2022 too.
    expect(readiness).toContain('<td>14 april 2022</td>');
    expect(readiness).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('refuses a revaluation effective before the decision not to replace it follows from, at its field in Dutch and English, and changes nothing', async () => {
    const readiness = async () => (await registrar('GET', `/readiness/deliveries/${STOCK_UP_TO_FEBRUARY}`)).body;
    const before = { readiness: await readiness(), audit: await auditActions() };
    const decision = {
      decidedOn: '2025-09-05',
      reason: 'Wordt niet vervangen; gewaardeerd tegen boekwaarde.',
      revaluation: { amountCents: 1_111_111_111, basis: 'bookValue', effectiveDate: '2025-08-01' },
    };
    const refused = await registrar('POST', `/deliveries/${STOCK_UP_TO_FEBRUARY}/non-replacement-decisions`, decision);
    expect(refused.status).toBe(400);
    expect(refused.body.invalidParams).toEqual([
      {
        name: 'revaluation.effectiveDate',
        code: 'beforeDecision',
        reason: 'Deze datum (1 augustus 2025) ligt vóór het besluit (5 september 2025); wat uit een besluit volgt, geldt vanaf die dag of later.',
      },
    ]);
    const inEnglish = await registrar('POST', `/deliveries/${STOCK_UP_TO_FEBRUARY}/non-replacement-decisions`, decision, { 'Accept-Language': 'en' });
    expect(inEnglish.body.invalidParams.map((param: any) => param.reason)).toEqual([
      'This date (1 August 2025) lies before the decision (5 September 2025); what follows from a decision holds from that day or later.',
    ]);
    expect(await readiness()).toEqual(before.readiness);
    expect(await auditActions()).toEqual(before.audit);
  });

  it('a decision not to replace that revalues restates the earlier letter: in its verification and in the next letter', async () => {
    expect((await author('GET', `/letters/${februaryId}/verification`)).body.ok).toBe(true);
    // Decided on the reference date of the letter of February, recorded since: its revaluation holds from then, in
    // the period of that letter sent, which is confirmed as meant.
    const decided = await registrar('POST', `/deliveries/${STOCK_UP_TO_FEBRUARY}/non-replacement-decisions`, {
      decidedOn: '2025-02-04',
      reason: 'Demonstratie: Bofors 40L70 wordt niet vervangen; gewaardeerd tegen boekwaarde.',
      revaluation: { amountCents: 2_000 * MILLION, basis: 'bookValue', effectiveDate: '2025-02-04' },
      confirm: ['datedInSentLetterPeriod'],
    });
    expect(decided.status).toBe(201);
    expect(decided.body.decision.valuationId).toBe(decided.body.valuation.id);
    expect((await auditActions()).at(-1)).toBe('readiness.decideNotToReplace');

    const verification = (await author('GET', `/letters/${februaryId}/verification`)).body;
    expect(verification.ok).toBe(false);
    expect(verification.differences).toContainEqual({ figure: 'stock', published: 2_050 * MILLION, recomputed: 2_000 * MILLION });

    const next = (await author('GET', `/letters/${draftId}`)).body.letter;
    const stock = next.figures.lines.find((line: any) => line.key === 'stock');
    expect(stock).toMatchObject({ reportedPreviousCents: 2_050 * MILLION, restatedPreviousCents: 2_000 * MILLION });
    expect(JSON.stringify(next.footnotes)).toContain('Herzien: volgens de huidige gegevens bedroeg dit op 4 februari 2025 €2,00 mld., niet €2,05 mld.');
  });

  it("takes today as the ministry's day: at half past midnight in The Hague it is already the next day", async () => {
    const atHalfPastMidnight = apiClient(database().db, { role: 'registrar', clock: () => new Date('2025-09-05T22:30:00Z') });
    const judge = (judgedOn: string) => atHalfPastMidnight('POST', `/deliveries/${STOCK_UP_TO_FEBRUARY}/readiness-judgements`, { effect: 'none', reasoning: 'Geen effect.', judgedOn });
    expect(fields((await judge('2025-09-07')).body)).toEqual(['judgedOn']);
    expect((await judge('2025-09-06')).status).toBe(201);
  });

  it('sums up replenishment over every stock delivery and names the twenty largest, as the list has them today', async () => {
    for (let number = 1; number <= 22; number++) {
      const delivery = (await registrar('POST', '/deliveries', { title: `Helmen, partij ${number}`, category: 'nonLethal', supportType: 'stock', fundingSource: 'defenceBudget', realisedAt: '2025-03-01' })).body;
      expect((await registrar('POST', `/deliveries/${delivery.id}/valuations`, { amountCents: number * 1_000_00, basis: 'replacementValue', effectiveDate: '2025-03-01' })).status).toBe(201);
    }
    const overview = await allStockDeliveries();
    const summary = await registrar('GET', '/readiness/replenishment');
    expect(summary.status).toBe(200);
    const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
    const largest = overview
      .toSorted((a, b) => b.valueCents - a.valueCents || (a.id < b.id ? -1 : 1))
      .slice(0, 20)
      .map((delivery) => ({ id: delivery.id, title: delivery.title, valueCents: delivery.valueCents, replacedValueCents: delivery.replacedValueCents, nonReplacements: delivery.nonReplacements }));
    expect(summary.body).toEqual({
      // Today's, as the list's.
      date: (await registrar('GET', '/readiness/deliveries?pageSize=1')).body.date,
      stockDeliveries: overview.length,
      deliveredCents: sum(overview.map((delivery) => delivery.valueCents)),
      replacedCents: sum(overview.map((delivery) => delivery.replacedValueCents)),
      largest,
    });
    expect(overview.length).toBeGreaterThan(20);
    expect(largest.some((delivery) => delivery.replacedValueCents > 0)).toBe(true);
    expect((await finance('GET', '/readiness/replenishment')).status).toBe((await finance('GET', '/readiness')).status);
  });

  it('lists the stock deliveries by title a page at a time, back and forth, and finds them by a part of the title', async () => {
    const all = await allStockDeliveries();
    // In the order of the register's own list of stock deliveries by title (the database's collation decides).
    const byTitle: any[] = [];
    for (let after = ''; after !== null; ) {
      const page: any = (await registrar('GET', `/deliveries?supportType=stock&sort=title&pageSize=100${after ? `&after=${after}` : ''}`)).body;
      byTitle.push(...page.items);
      after = page.next;
    }
    expect(all.map((delivery) => delivery.id)).toEqual(byTitle.map((delivery) => delivery.id));
    expect(all.length).toBeGreaterThan(20);

    const first = (await registrar('GET', '/readiness/deliveries?pageSize=7')).body;
    expect(first).toMatchObject({ total: all.length, totalIsCapped: false, previous: null });
    const second = (await registrar('GET', `/readiness/deliveries?pageSize=7&after=${first.next}`)).body;
    expect(second.items.map((item: any) => item.id)).toEqual(all.slice(7, 14).map((delivery) => delivery.id));
    const back = (await registrar('GET', `/readiness/deliveries?pageSize=7&before=${second.previous}`)).body;
    expect(back.items).toEqual(first.items);

    // Found by its title only: a delivery whose other texts hold the words is not.
    const vests = { title: 'Scherfvesten', description: 'Bij Helmen, partij 1', category: 'nonLethal', supportType: 'stock', fundingSource: 'defenceBudget', realisedAt: '2025-03-01' };
    expect((await registrar('POST', '/deliveries', vests)).status).toBe(201);
    const helmets = await allStockDeliveries('&q=hELMEN, PARTIJ 1');
    expect(helmets.map((delivery) => delivery.title)).toEqual(['Helmen, partij 1', 'Helmen, partij 10', ...[11, 12, 13, 14, 15, 16, 17, 18, 19].map((number) => `Helmen, partij ${number}`)]);
    // A wildcard of SQL's LIKE is a character like any other.
    expect((await registrar('GET', '/readiness/deliveries?q=%25')).body).toMatchObject({ items: [], total: 0 });

    expect((await registrar('GET', '/readiness/deliveries?after=bm90LWEtY3Vyc29y')).body.invalidParams).toEqual([expect.objectContaining({ name: 'after' })]);
    const [procured] = (await registrar('GET', '/deliveries?supportType=procurement&pageSize=1')).body.items;
    expect((await registrar('GET', `/readiness/deliveries/${procured.id}`)).status).toBe(404);
  });

  it('finds the deliveries by the effect of their latest judgement, or those not judged yet, with the search and a page at a time', async () => {
    const helmets = await allStockDeliveries('&q=Helmen, partij 1');
    expect(helmets).toHaveLength(11);
    expect(helmets.every((delivery) => delivery.latestJudgement === null)).toBe(true);
    const judge = async (delivery: any, effect: string, judgedOn: string) =>
      expect((await registrar('POST', `/deliveries/${delivery.id}/readiness-judgements`, { effect, reasoning: 'Beoordeeld.', judgedOn })).status).toBe(201);
    const [reconsidered, laterDay, unacceptable, ...rest] = helmets;
    const [unjudged, ...judgedNone] = rest;
    // Judged unacceptable, then acceptable; and acceptable, then (recorded later) unacceptable for an earlier day.
    await judge(reconsidered, 'unacceptable', '2025-08-01');
    await judge(reconsidered, 'acceptable', '2025-08-02');
    await judge(laterDay, 'acceptable', '2025-08-03');
    await judge(laterDay, 'unacceptable', '2025-07-01');
    await judge(unacceptable, 'unacceptable', '2025-08-01');
    for (const delivery of judgedNone) await judge(delivery, 'none', '2025-08-01');
    const ids = (deliveries: any[]) => deliveries.map((delivery) => delivery.id);

    const all = await allStockDeliveries();
    for (const effect of EFFECT_FILTERS) {
      const expected = all.filter((delivery) => (delivery.latestJudgement?.effect ?? 'unjudged') === effect);
      expect(ids(await allStockDeliveries(`&effect=${effect}`))).toEqual(ids(expected));
      expect((await registrar('GET', `/readiness/deliveries?effect=${effect}`)).body).toMatchObject({ total: expected.length, totalIsCapped: false });
    }
    const helmetsJudged = async (effect: string) => ids(await allStockDeliveries(`&q=Helmen, partij 1&effect=${effect}`));
    expect(await helmetsJudged('unacceptable')).toEqual(ids([unacceptable]));
    expect(await helmetsJudged('acceptable')).toEqual(ids([reconsidered, laterDay]));
    expect(await helmetsJudged('none')).toEqual(ids(judgedNone));
    expect(await helmetsJudged('unjudged')).toEqual(ids([unjudged]));

    // Five to a page, the seven judged none take two; paging back from the second finds the first again.
    const first = (await registrar('GET', '/readiness/deliveries?q=Helmen&effect=none&pageSize=5')).body;
    expect(first).toMatchObject({ total: 7, previous: null });
    const second = (await registrar('GET', `/readiness/deliveries?q=Helmen&effect=none&pageSize=5&after=${first.next}`)).body;
    expect([...ids(first.items), ...ids(second.items)]).toEqual(ids(judgedNone));
    expect(second.next).toBeNull();
    expect((await registrar('GET', `/readiness/deliveries?q=Helmen&effect=none&pageSize=5&before=${second.previous}`)).body.items).toEqual(first.items);

    // An empty choice is no filter; an unknown one is refused, naming the field.
    expect(ids(await allStockDeliveries('&effect='))).toEqual(ids(all));
    const refused = await registrar('GET', '/readiness/deliveries?effect=onbekend');
    expect(refused.status).toBe(400);
    expect(fields(refused.body)).toEqual(['effect']);
  });

  it('refuses a judgement dated before the commitment of a delivery never pledged, and that commitment moved after one', async () => {
    const delivery = (await registrar('POST', '/deliveries', { ...stockDelivery, committedAt: '2025-08-31', realisedAt: '2025-08-31' })).body;
    const before = await auditActions();
    const judgedEarly = await registrar('POST', `/deliveries/${delivery.id}/readiness-judgements`, { effect: 'unacceptable', reasoning: 'Onaanvaardbaar.', judgedOn: '2014-01-02' }, { 'Accept-Language': 'en' });
    expect(judgedEarly.status).toBe(400);
    expect(judgedEarly.body.invalidParams).toEqual([
      { name: 'judgedOn', code: 'beforeEarlierStage', reason: 'The date of readiness judgement (2 January 2014) lies before that of commitment (31 August 2025).' },
    ]);
    expect(await auditActions()).toEqual(before);
    expect((await registrar('GET', `/readiness/deliveries/${delivery.id}`)).body.judgements).toEqual([]);

    const earlier = (await registrar('POST', '/deliveries', stockDelivery)).body;
    expect((await registrar('POST', `/deliveries/${earlier.id}/readiness-judgements`, { effect: 'none', reasoning: 'Geen effect.', judgedOn: '2025-03-10' })).status).toBe(201);
    const moved = await registrar('PATCH', `/deliveries/${earlier.id}`, { committedAt: '2025-03-20' }, { 'If-Match': '"1"' });
    expect(moved.body.invalidParams).toEqual([
      { name: 'committedAt', code: 'beforeEarlierStage', reason: 'De datum van oordeel over de gereedheid (10 maart 2025) ligt vóór die van juridische verplichting (20 maart 2025).' },
    ]);
    expect((await registrar('PATCH', `/deliveries/${earlier.id}`, { committedAt: '2025-03-10' }, { 'If-Match': '"1"' })).status).toBe(200);
  });

  it('refuses a judgement or a decision not to replace dated before the pledge, and a pledge moved after one, in Dutch and English', async () => {
    const delivery = (await registrar('POST', '/deliveries', { ...stockDelivery, pledgedAt: '2025-02-01' })).body;
    const before = await auditActions();
    const judgedEarly = await registrar('POST', `/deliveries/${delivery.id}/readiness-judgements`, { effect: 'none', reasoning: 'Geen effect.', judgedOn: '2014-05-01' }, { 'Accept-Language': 'en' });
    expect(judgedEarly.status).toBe(400);
    expect(judgedEarly.body.invalidParams).toEqual([
      { name: 'judgedOn', code: 'beforeEarlierStage', reason: 'The date of readiness judgement (1 May 2014) lies before that of pledge (1 February 2025).' },
    ]);
    const decidedEarly = await registrar('POST', `/deliveries/${delivery.id}/non-replacement-decisions`, {
      decidedOn: '2025-01-31',
      reason: 'Verouderd; wordt niet vervangen.',
      revaluation: { amountCents: 100, basis: 'bookValue', effectiveDate: '2025-01-31' },
    });
    expect(decidedEarly.body.invalidParams).toEqual([
      { name: 'decidedOn', code: 'beforeEarlierStage', reason: 'De datum van besluit om niet te vervangen (31 januari 2025) ligt vóór die van toezegging (1 februari 2025).' },
      { name: 'revaluation.effectiveDate', code: 'beforeEarlierStage', reason: 'De datum van waardering (31 januari 2025) ligt vóór die van toezegging (1 februari 2025).' },
    ]);
    expect(await auditActions()).toEqual(before);

    expect((await registrar('POST', `/deliveries/${delivery.id}/readiness-judgements`, { effect: 'none', reasoning: 'Geen effect.', judgedOn: '2025-02-10' })).status).toBe(201);
    expect((await registrar('POST', `/deliveries/${delivery.id}/non-replacement-decisions`, { decidedOn: '2025-03-01', reason: 'Verouderd; wordt niet vervangen.' })).status).toBe(201);
    const moved = await registrar('PATCH', `/deliveries/${delivery.id}`, { pledgedAt: '2025-02-20' }, { 'If-Match': '"1"' });
    expect(moved.body.invalidParams).toEqual([
      { name: 'pledgedAt', code: 'beforeEarlierStage', reason: 'De datum van oordeel over de gereedheid (10 februari 2025) ligt vóór die van toezegging (20 februari 2025).' },
    ]);
    expect((await registrar('PATCH', `/deliveries/${delivery.id}`, { pledgedAt: '2025-02-10' }, { 'If-Match': '"1"' })).status).toBe(200);

    const again = await registrar('POST', `/deliveries/${delivery.id}/non-replacement-decisions`, { decidedOn: '2025-03-01', reason: 'verouderd;  wordt niet vervangen. ' });
    expect(again.body.invalidParams).toEqual([
      { name: 'reason', code: 'decisionRecorded', reason: 'Dit besluit is al vastgelegd: op 1 maart 2025 met dezelfde reden (hoofdletters tellen niet mee, meerdere spaties als één).' },
    ]);
    expect((await registrar('POST', `/deliveries/${delivery.id}/non-replacement-decisions`, { decidedOn: '2025-03-01', reason: 'Het andere deel: niet meer nodig.' })).status).toBe(201);
  });

  it('lets a replenishment project go back a stage only with the reason, kept with that change in its history and audited, in Dutch and English; forward needs none', async () => {
    const created = (await registrar('POST', '/replenishment-projects', { name: 'Vervanging pantserhouwitsers', stage: 'identified', note: 'Voor het hele project.', asOf: '2025-06-01' })).body;
    const change = (project: any, fields: Record<string, unknown>, language = 'nl') => {
      const { id, version, isDemonstration, history, ...unchanged } = project;
      return registrar('PUT', `/replenishment-projects/${id}`, { ...unchanged, ...fields }, { 'If-Match': `"${version}"`, 'Accept-Language': language });
    };
    const contracted = await change(created, { stage: 'contracted', asOf: '2025-07-01' });
    expect(contracted.status).toBe(200);
    const before = await auditActions();
    const silent = await change(contracted.body, { stage: 'approved', asOf: '2025-08-01' }, 'en');
    expect(silent.status).toBe(400);
    expect(silent.body.invalidParams).toEqual([
      { name: 'reason', code: 'replenishmentStageGoesBack', reason: 'The project had reached the stage "Contracted" already; give the reason it goes back to an earlier stage.' },
    ]);
    expect((await change(contracted.body, { stage: 'approved', asOf: '2025-08-01', reason: ' ' })).body.invalidParams[0].reason).toBe(
      'Het project was al in de fase "Gecontracteerd"; geef de reden dat het naar een eerdere fase teruggaat.',
    );
    expect(await auditActions()).toEqual(before);
    const back = await change(contracted.body, { stage: 'approved', asOf: '2025-08-01', reason: 'Het contract is ontbonden.' });
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ stage: 'approved', note: 'Voor het hele project.' });
    expect(back.body.history.map(({ asOf, stage, reason }: any) => ({ asOf, stage, reason }))).toEqual([
      { asOf: '2025-06-01', stage: 'identified', reason: '' },
      { asOf: '2025-07-01', stage: 'contracted', reason: '' },
      { asOf: '2025-08-01', stage: 'approved', reason: 'Het contract is ontbonden.' },
    ]);
    // The next change, forward, keeps the reason with the change it was given for.
    const forward = await change(back.body, { stage: 'contracted', asOf: '2025-08-15' });
    expect(forward.body.history.map((state: any) => state.reason)).toEqual(['', '', 'Het contract is ontbonden.', '']);
    expect((await registrar('GET', '/readiness')).body.projects.find((project: any) => project.id === created.id).history).toEqual(forward.body.history);
    const audited = await database().db.selectFrom('auditEvent').select('canonical').where('action', '=', 'readiness.updateProject').where('objectId', '=', created.id).orderBy('seq').execute();
    expect(JSON.parse(audited.at(-2)!.canonical).after.history.at(-1)).toMatchObject({ stage: 'approved', reason: 'Het contract is ontbonden.' });
  });

  it('refuses a replenishment project that replaces a delivery before its pledge, or expects a project not yet delivered before its state holds, and a pledge moved after one', async () => {
    const delivery = (await registrar('POST', '/deliveries', { ...stockDelivery, pledgedAt: '2025-02-01' })).body;
    expect((await registrar('POST', `/deliveries/${delivery.id}/valuations`, { amountCents: 100_000, basis: 'replacementValue', effectiveDate: '2025-03-05' })).status).toBe(201);
    const project = { name: 'Vervanging radars', stage: 'identified', budgetCents: null, expectedOn: null, note: '', replaces: [{ deliveryId: delivery.id, replacedValueCents: 100_000, replacedQuantity: null }], asOf: '2025-01-15' };
    const before = await auditActions();
    const early = await registrar('POST', '/replenishment-projects', project, { 'Accept-Language': 'en' });
    expect(early.body.invalidParams).toEqual([
      { name: 'asOf', code: 'beforeEarlierStage', reason: 'The date of replenishment project (15 January 2025) lies before that of pledge (1 February 2025).' },
    ]);
    const expectedEarly = await registrar('POST', '/replenishment-projects', { ...project, asOf: '2025-03-01', expectedOn: '2015-01-01' });
    expect(expectedEarly.body.invalidParams).toEqual([
      { name: 'expectedOn', code: 'expectedBeforeState', reason: 'Een project dat nog niet geleverd is, wordt verwacht op of na de dag waarop deze stand geldt (1 maart 2025).' },
    ]);
    expect(await auditActions()).toEqual(before);
    expect((await registrar('POST', '/replenishment-projects', { ...project, asOf: '2025-02-15', expectedOn: '2027-06-30' })).status).toBe(201);
    const moved = await registrar('PATCH', `/deliveries/${delivery.id}`, { pledgedAt: '2025-02-20' }, { 'If-Match': '"2"' });
    expect(moved.body.invalidParams).toEqual([
      { name: 'pledgedAt', code: 'beforeEarlierStage', reason: 'De datum van vervangingsproject (15 februari 2025) ligt vóór die van toezegging (20 februari 2025).' },
    ]);
    // Moved past a later stage the change kept, it is refused at the date it moved.
    const pastCommitment = await registrar('PATCH', `/deliveries/${delivery.id}`, { pledgedAt: '2025-03-02' }, { 'If-Match': '"2"' });
    expect(pastCommitment.body.invalidParams).toContainEqual({
      name: 'pledgedAt',
      code: 'afterLaterStage',
      reason: 'De datum van toezegging (2 maart 2025) ligt na die van juridische verplichting (1 maart 2025).',
    });
  });
});
