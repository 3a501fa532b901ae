/**
 * A form's refusal names every fault of what was sent in one round: a field the schema refuses, a rule of the
 * domain on the fields, and a rule that reads the register (a reference that does not exist, a number another
 * record has, a date before the record it follows) come in the same answer, and nothing is recorded. A rule
 * of the register whose field could not be read is left out for that field alone.
 */
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import { procurement, stockDelivery } from '../support/deliveries.ts';
import { apiClient, type ApiCall, type ApiResponse } from './client.ts';

const NUL = '\u0000';

/** The fields and codes of a refusal, in a stable order. */
const faults = (response: ApiResponse) => {
  expect(response.status, JSON.stringify(response.body)).toBe(400);
  return (response.body.invalidParams as { name: string; code: string }[]).map(({ name, code }) => `${name} ${code}`).sort();
};

describeEachDatabase('a refusal in one round', (database) => {
  const clock = () => new Date('2025-09-05T10:00:00Z');
  let registrar: ApiCall;
  let finance: ApiCall;

  /** How many changes the audit trail holds: a refusal adds none. */
  const changes = async () => (await database().db.selectFrom('auditEvent').select('seq').where('result', '=', 'success').execute()).length;

  /** The request's refusal, which changes nothing. */
  async function refused(request: Promise<ApiResponse>): Promise<string[]> {
    const before = await changes();
    const response = await request;
    expect(await changes()).toBe(before);
    return faults(response);
  }

  beforeAll(() => {
    const { db } = database();
    registrar = apiClient(db, { role: 'registrar', clock });
    finance = apiClient(db, { role: 'finance', clock });
  });

  it('names a delivery’s money entries’ faults beside the rules of their delivery', async () => {
    const stock = (await registrar('POST', '/deliveries', { ...stockDelivery, pledgedAt: '2025-02-01' })).body;
    const valuations = `/deliveries/${stock.id}/valuations`;
    const valuation = { amountCents: 100_00, basis: 'replacementValue', effectiveDate: '2025-03-01' };
    expect(await refused(registrar('POST', valuations, { ...valuation, effectiveDate: '2025-01-15', note: `nul${NUL}` }))).toEqual(['effectiveDate beforeEarlierStage', 'note nulCharacter']);
    expect(await refused(registrar('POST', valuations, { ...valuation, basis: 'contractPrice', effectiveDate: '2025-09-06' }))).toEqual(['basis basisNotOfSupportType', 'effectiveDate dateInFuture']);
    // A basis the schema refuses leaves the date to be judged against the pledge alone.
    expect(await refused(registrar('POST', valuations, { ...valuation, basis: 'guess', effectiveDate: '2025-01-15' }))).toEqual(['basis invalidChoice', 'effectiveDate beforeEarlierStage']);

    const purchase = (await registrar('POST', '/deliveries', procurement)).body;
    const payments = `/deliveries/${purchase.id}/payments`;
    const paid = (await finance('POST', payments, { amountCents: 50_00, paidOn: '2025-04-01', reference: 'F-2025-001' })).body;
    expect(await refused(finance('POST', payments, { amountCents: -1, paidOn: '2025-05-01', reference: 'f-2025-001' }))).toEqual(['amountCents amountNotPositive', 'reference paymentReferenceTaken']);
    expect(await refused(finance('POST', payments, { amountCents: 10_00, paidOn: '2025-09-06', reference: 'F-2025-001' }))).toEqual(['paidOn dateInFuture', 'reference paymentReferenceTaken']);
    expect(await refused(finance('POST', payments, { amountCents: 10_00, paidOn: '2025-02-01', note: `nul${NUL}` }))).toEqual(['note nulCharacter', 'paidOn beforeEarlierStage']);
    expect(await refused(finance('POST', `/deliveries/${stock.id}/payments`, { amountCents: 0, paidOn: '2025-05-01' }))).toEqual(['amountCents amountNotPositive', 'paidOn paymentOnStock']);

    const withdrawal = `/payments/${paid.id}/withdrawal`;
    expect(await refused(finance('POST', withdrawal, { withdrawnOn: '2025-03-01', reason: ' ' }))).toEqual(['reason required', 'withdrawnOn beforeEntry']);

    expect((await registrar('POST', valuations, { ...valuation, effectiveDate: '2025-02-10' })).status).toBe(201);
    const version = (await registrar('GET', `/deliveries/${stock.id}`)).headers.get('ETag')!;
    expect(await refused(registrar('PATCH', `/deliveries/${stock.id}`, { title: '', pledgedAt: '2025-02-20' }, { 'If-Match': version }))).toEqual(['pledgedAt beforeEarlierStage', 'title required']);
  });

  it('names a budget decision’s, shift’s, commitment’s and stage’s faults beside the rules of the budget recorded', async () => {
    const decision = { moment: 'Eén ronde 2025', decidedOn: '2025-04-15', fund: 'ukraineSupportBudget', firstYear: 2025, lastYear: 2026, amounts: [{ budgetYear: 2025, amountCents: 100_00 }, { budgetYear: 2026, amountCents: 100_00 }] };
    expect((await finance('POST', '/budget/decisions', decision)).status).toBe(201);
    expect(await refused(finance('POST', '/budget/decisions', { ...decision, moment: 'één  ronde 2025', description: `nul${NUL}` }))).toEqual(['description nulCharacter', 'moment budgetDecisionTaken']);
    expect(await refused(finance('POST', '/budget/decisions', { ...decision, moment: 'Eén ronde 2025', decidedOn: '2025-09-06' }))).toEqual(['decidedOn dateInFuture', 'moment budgetDecisionTaken']);

    const shift = { moment: 'Eén ronde 2025', decidedOn: '2025-05-01', fund: 'ukraineSupportBudget', fromYear: 2026, toYear: 2025, amountCents: 50_00 };
    expect((await finance('POST', '/budget/shifts', shift)).status).toBe(201);
    expect(await refused(finance('POST', '/budget/shifts', { ...shift, moment: '', amountCents: 60_00 }))).toEqual(['amountCents exceedsYearBudget', 'moment required']);
    expect(await refused(finance('POST', '/budget/shifts', { ...shift, toYear: 2026, amountCents: 60_00 }))).toEqual(['amountCents exceedsYearBudget', 'toYear sameYear']);

    const purchase = (await registrar('POST', '/deliveries', procurement)).body;
    const commitment = { title: 'Eén ronde', fund: 'defenceBudget', budgetYear: 2025, deliveryId: purchase.id, stage: 'pledged', amountCents: 10_00, effectiveOn: '2025-05-01' };
    expect(await refused(finance('POST', '/budget/commitments', { ...commitment, title: '' }))).toEqual(['fund fundOtherThanDelivery', 'title required']);
    expect(await refused(finance('POST', '/budget/commitments', { ...commitment, budgetYear: 2024, deliveryId: '00000000-0000-4000-8000-000000000000' }))).toEqual(['deliveryId unknownDelivery', 'effectiveOn afterBudgetYear']);
    const created = (await finance('POST', '/budget/commitments', { ...commitment, fund: 'ukraineSupportBudget' })).body;
    const stages = `/budget/commitments/${created.id}/stages`;
    expect(await refused(finance('POST', stages, { stage: 'committed', amountCents: 'tien', effectiveOn: '2025-04-01' }))).toEqual(['amountCents invalidValue', 'effectiveOn beforeLatestStage']);
    expect(await refused(finance('POST', stages, { stage: 'pledged', amountCents: 10_00, effectiveOn: '2025-05-01', note: `nul${NUL}` }))).toEqual(['note nulCharacter', 'stage sameAsLatestStage']);
  });

  it('names an EPF tranche’s, claim’s and claim history’s faults beside the rules of what the register holds', async () => {
    const tranche = { kind: 'windfallProfits', name: 'Eén ronde tranche', euAmountCents: 100_00, decidedOn: '2025-03-01', dutchRole: 'claimant' };
    const recorded = (await finance('POST', '/epf/tranches', tranche)).body;
    expect(await refused(finance('POST', '/epf/tranches', { ...tranche, name: 'één ronde tranche', euAmountCents: 0 }))).toEqual(['euAmountCents amountNotPositive', 'name trancheNameTaken']);
    expect(await refused(finance('POST', '/epf/tranches', { ...tranche, decidedOn: '2025-09-06' }))).toEqual(['decidedOn dateInFuture', 'name trancheNameTaken']);

    const claim = { reference: 'EPF-EEN-RONDE', batch: 'Leveringen uit voorraad', period: '2025', declaredCents: 10_00, declaredOn: '2025-04-01', trancheId: recorded.id };
    const declared = (await finance('POST', '/epf/claims', claim)).body.claim;
    expect(await refused(finance('POST', '/epf/claims', { ...claim, reference: 'epf-een-ronde', period: '', declaredOn: '2025-02-01' }))).toEqual(['declaredOn beforeTranche', 'period required', 'reference referenceTaken']);
    expect(await refused(finance('POST', '/epf/claims', { ...claim, reference: 'epf-een-ronde', declaredOn: '2025-09-06' }))).toEqual(['declaredOn dateInFuture', 'reference referenceTaken']);
    expect(await refused(finance('POST', '/epf/claims', { ...claim, reference: 'EPF-TWEE', declaredCents: 'tien', trancheId: '00000000-0000-4000-8000-000000000000' }))).toEqual(['declaredCents invalidValue', 'trancheId unknownTranche']);

    const claimPath = `/epf/claims/${declared.id}`;
    expect(await refused(finance('POST', `${claimPath}/assessments`, { compensatedCents: 20_00, assessedOn: '2025-03-01', note: `nul${NUL}` }))).toEqual(['assessedOn beforeDeclared', 'compensatedCents aboveDeclared', 'note nulCharacter']);
    expect(await refused(finance('POST', `${claimPath}/receipts`, { amountCents: -1, receivedOn: '2025-05-01' }))).toEqual(['amountCents amountNotPositive', 'receivedOn notAssessed']);
    expect(await refused(finance('POST', `${claimPath}/blockages`, { blocked: false, effectiveOn: '2025-05-01', reason: `nul${NUL}` }))).toEqual(['blocked notBlocked', 'reason nulCharacter']);
  });

  it('names a training programme’s faults beside the programmes and deliveries of the register', async () => {
    const programme = { key: 'een-ronde', name: 'Eén ronde', hostCountry: 'NL', framework: 'bilateral' };
    const recorded = (await registrar('POST', '/training-programmes', programme)).body;
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(await refused(registrar('POST', '/training-programmes', { ...programme, key: 'Een Ronde!', name: 'één  ronde', deliveryIds: [unknown] }))).toEqual(['deliveryIds.0 unknownDelivery', 'key invalidProgrammeKey', 'name programmeNameTaken']);
    expect(await refused(registrar('POST', '/training-programmes', { ...programme, name: 'Twee rondes', framework: 'none', description: `nul${NUL}` }))).toEqual(['description nulCharacter', 'framework invalidChoice', 'key programmeKeyTaken']);
    const other = (await registrar('POST', '/training-programmes', { ...programme, key: 'twee-rondes', name: 'Twee rondes' })).body;
    const version = (await registrar('GET', `/training-programmes/${other.id}`)).headers.get('ETag')!;
    expect(await refused(registrar('PUT', `/training-programmes/${other.id}`, { ...programme, hostCountry: 'XX', deliveryIds: [unknown] }, { 'If-Match': version }))).toEqual(['deliveryIds.0 unknownDelivery', 'hostCountry invalidCountry', 'key programmeKeyTaken', 'name programmeNameTaken']);
    expect(await refused(registrar('PUT', `/training-programmes/${other.id}`, { ...programme, key: 'twee-rondes', name: 'Twee rondes', framework: '' }, { 'If-Match': version }))).toEqual(['framework required']);
    expect(recorded.key).toBe('een-ronde');
  });

  it('names a readiness judgement’s, decision not to replace’s and replenishment project’s faults beside the rules of their deliveries and project', async () => {
    const stock = (await registrar('POST', '/deliveries', { ...stockDelivery, title: 'Voorraad voor één ronde', pledgedAt: '2025-02-01' })).body;
    const purchase = (await registrar('POST', '/deliveries', { ...procurement, title: 'Aankoop voor één ronde' })).body;
    const judgements = `/deliveries/${stock.id}/readiness-judgements`;
    expect(await refused(registrar('POST', judgements, { effect: 'none', reasoning: ' ', judgedOn: '2025-01-15' }))).toEqual(['judgedOn beforeEarlierStage', 'reasoning required']);
    expect(await refused(registrar('POST', `/deliveries/${purchase.id}/readiness-judgements`, { effect: '', reasoning: 'Geen effect', judgedOn: '2025-05-01' }))).toEqual(['deliveryId notStock', 'effect required']);

    const decisions = `/deliveries/${stock.id}/non-replacement-decisions`;
    expect((await registrar('POST', decisions, { decidedOn: '2025-05-01', reason: 'Verouderd materieel' })).status).toBe(201);
    expect(await refused(registrar('POST', decisions, { decidedOn: '2025-05-01', reason: 'verouderd  materieel', revaluation: { amountCents: 'nul', basis: 'replacementValue', effectiveDate: '2025-05-01' } }))).toEqual(['reason decisionRecorded', 'revaluation.amountCents invalidValue']);
    expect(await refused(registrar('POST', decisions, { decidedOn: '2025-01-20', reason: ' ' }))).toEqual(['decidedOn beforeEarlierStage', 'reason required']);

    const project = { name: 'Vervanging in één ronde', stage: 'identified', replaces: [{ deliveryId: purchase.id, replacedValueCents: 1_00 }], asOf: '2025-05-01' };
    expect(await refused(registrar('POST', '/replenishment-projects', { ...project, stage: 'bedacht' }))).toEqual(['replaces.0.deliveryId notStock', 'stage invalidChoice']);
    expect(await refused(registrar('POST', '/replenishment-projects', { ...project, name: ' ', replaces: [{ deliveryId: stock.id, replacedValueCents: 1_00 }], asOf: '2025-01-20' }))).toEqual(['asOf beforeEarlierStage', 'name required', 'replaces.0.replacedValueCents moreThanDelivered']);
    const created = (await registrar('POST', '/replenishment-projects', { ...project, stage: 'contracted', replaces: [] })).body;
    expect(await refused(registrar('PUT', `/replenishment-projects/${created.id}`, { ...project, stage: 'identified', budgetCents: -1, replaces: [], asOf: '2025-04-01' }, { 'If-Match': `"${created.version}"` }))).toEqual(['asOf beforeLatestState', 'budgetCents amountNotPositive', 'reason replenishmentStageGoesBack']);
  });

  it('names the industry register’s records’ faults beside the rules of the records they name and those recorded', async () => {
    const company = (await registrar('POST', '/companies', { name: 'Eén Ronde B.V.', country: 'NL', registrationNumber: 'KVK-1' })).body;
    expect(await refused(registrar('POST', '/companies', { name: 'één ronde b.v.', country: 'NL', registrationNumber: `KVK${NUL}` }))).toEqual(['name companyNameTaken', 'registrationNumber nulCharacter']);
    expect(await refused(registrar('POST', '/companies', { name: ' ', country: 'NL', registrationNumber: 'kvk-1' }))).toEqual(['name required', 'registrationNumber registrationNumberTaken']);

    const unknown = '00000000-0000-4000-8000-000000000000';
    const purchase = (await registrar('POST', '/deliveries', { ...procurement, title: 'Aankoop onder contract' })).body;
    const stock = (await registrar('POST', '/deliveries', { ...stockDelivery, title: 'Voorraad naast contract' })).body;
    const contract = { companyId: company.id, reference: 'C-1', subject: 'Munitie', amountCents: 1_000_00, signedOn: '2025-06-01', deliveryIds: [purchase.id], milestones: [{ title: 'Eerste levering', dueOn: '2025-10-01' }] };
    const signed = (await registrar('POST', '/industry-contracts', contract)).body;
    expect(await refused(registrar('POST', '/industry-contracts', { ...contract, companyId: unknown, reference: 'C-2', amountCents: 'veel' }))).toEqual(['amountCents invalidValue', 'companyId unknownCompany']);
    expect(await refused(registrar('POST', '/industry-contracts', { ...contract, reference: 'c-1', signedOn: '2025-09-06', deliveryIds: [stock.id], milestones: [] }))).toEqual(['deliveryIds.0 notProcurement', 'reference contractReferenceTaken', 'signedOn dateInFuture']);

    const milestone = (await registrar('GET', '/industry?date=2025-09-05')).body.companies.find((item: any) => item.id === company.id).contracts[0].milestones[0];
    expect(await refused(registrar('POST', `/contract-milestones/${milestone.id}/progress`, { percent: 'half', reportedOn: '2025-05-01' }))).toEqual(['percent invalidValue', 'reportedOn beforeSigning']);

    const price = { item: 'Granaat', contractId: signed.id, earlierPriceCents: 100_00, earlierOn: '2024-05-01', paidPriceCents: 2_000_00, paidOn: '2025-07-01' };
    expect(await refused(registrar('POST', '/price-developments', { ...price, contractId: unknown, earlierPriceCents: 'x' }))).toEqual(['contractId unknownContract', 'earlierPriceCents invalidValue']);
    expect(await refused(registrar('POST', '/price-developments', { ...price, item: ' ' }))).toEqual(['item required', 'paidPriceCents aboveContractAmount']);

    const project = { title: 'Eén ronde samen', partner: 'Oekraïense partner', stage: 'producing', reachedOn: '2025-03-01' };
    const started = (await registrar('POST', '/coproduction-projects', project)).body;
    expect(await refused(registrar('POST', '/coproduction-projects', { ...project, title: 'één ronde samen', stage: 'bedacht' }))).toEqual(['stage invalidChoice', 'title coproductionProjectTaken']);
    expect(await refused(registrar('POST', '/coproduction-projects', { ...project, reachedOn: '2025-09-06' }))).toEqual(['reachedOn dateInFuture', 'title coproductionProjectTaken']);
    expect(await refused(registrar('POST', `/coproduction-projects/${started.id}/stages`, { stage: 'intention', reachedOn: '2025-02-01', note: `nul${NUL}` }))).toEqual(['note nulCharacter', 'reachedOn beforeLatestReport']);

    const bundle = { need: 'Eén ronde munitie', category: 'ammunition', dutchQuantity: 10, ukrainianQuantity: 20, identifiedOn: '2025-04-01' };
    expect((await registrar('POST', '/demand-bundles', bundle)).status).toBe(201);
    expect(await refused(registrar('POST', '/demand-bundles', { ...bundle, need: 'één ronde munitie', dutchQuantity: 'tien' }))).toEqual(['dutchQuantity invalidValue', 'need demandBundleTaken']);
    expect(await refused(registrar('POST', '/demand-bundles', { ...bundle, ukrainianQuantity: 0 }))).toEqual(['need demandBundleTaken', 'ukrainianQuantity tooSmall']);
  });
});
