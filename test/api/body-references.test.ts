/**
 * A record the body of a write names by its id and that does not exist is a wrong value of that field on
 * every route: a 400 naming the field (unknownDelivery, unknownCompany, …), in Dutch and English, that
 * changes nothing; an import names it at the row's column. Only an object of the path that does not exist
 * is "not found" (404).
 */
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import { licenceFor } from '../support/export-control.ts';
import { asUpload, downloadedTemplate, filledTemplate } from '../support/import-files.ts';
import { itRefusesEach, registerToTypeInto, type RefusedInput } from '../support/refused-input.ts';

/** An id nothing in the register has. */
const MISSING = '0f8fad5b-d9cb-469f-a165-70867728950e';

describeEachDatabase('a record the body names that does not exist', (database) => {
  const { as, ids, next } = registerToTypeInto(database, ['finance', 'disclosureOfficer', 'licensingOfficer']);

  const commitment = { title: 'Bijdrage', fund: 'ukraineSupportBudget', budgetYear: 2025, stage: 'pledged', amountCents: 100, effectiveOn: '2025-04-15' };
  const claim = () => ({ reference: `EPF-${next()}`, period: '2024', declaredCents: 100, declaredOn: '2025-04-01' });
  const programme = { key: 'nieuw', name: 'Programma', hostCountry: 'DE', framework: 'bilateral' };
  const contract = () => ({ companyId: ids.company, reference: `K-${next()}`, subject: 'Munitie', amountCents: 100, signedOn: '2025-03-10' });
  const price = { item: 'Granaten', earlierPriceCents: 100, earlierOn: '2024-01-01', paidPriceCents: 120, paidOn: '2025-01-09' };
  const project = { name: 'Vervanging', stage: 'identified', asOf: '2025-06-01' };

  const cases: RefusedInput[] = [
    { what: 'a commitment for a delivery that does not exist', role: 'finance', method: 'POST', path: () => '/budget/commitments', body: () => ({ ...commitment, deliveryId: MISSING }), field: 'deliveryId', code: 'unknownDelivery' },
    { what: 'an EPF claim for a delivery that does not exist', role: 'finance', method: 'POST', path: () => '/epf/claims', body: () => ({ ...claim(), deliveryId: MISSING }), field: 'deliveryId', code: 'unknownDelivery' },
    { what: 'an EPF claim on a tranche that does not exist', role: 'finance', method: 'POST', path: () => '/epf/claims', body: () => ({ ...claim(), batch: 'Leveringen', trancheId: MISSING }), field: 'trancheId', code: 'unknownTranche' },
    { what: 'a training for a delivery that does not exist', role: 'registrar', method: 'POST', path: () => '/training-programmes', body: () => ({ ...programme, deliveryIds: [ids.stock, MISSING] }), field: 'deliveryIds.1', code: 'unknownDelivery' },
    { what: 'a contract of a company that does not exist', role: 'registrar', method: 'POST', path: () => '/industry-contracts', body: () => ({ ...contract(), companyId: MISSING }), field: 'companyId', code: 'unknownCompany' },
    { what: 'a contract fulfilling a delivery that does not exist', role: 'registrar', method: 'POST', path: () => '/industry-contracts', body: () => ({ ...contract(), deliveryIds: [MISSING, ids.procurement] }), field: 'deliveryIds.0', code: 'unknownDelivery' },
    { what: 'a price paid under a contract that does not exist', role: 'registrar', method: 'POST', path: () => '/price-developments', body: () => ({ ...price, contractId: MISSING }), field: 'contractId', code: 'unknownContract' },
    { what: 'a disclosure decision on a delivery that does not exist', role: 'disclosureOfficer', method: 'POST', path: () => '/disclosure-decisions', body: () => ({ deliveryIds: [ids.stock, MISSING], state: 'confidential', ground: 'stateSecurity' }), field: 'deliveryIds.1', code: 'unknownDelivery' },
    { what: 'a project replacing a delivery that does not exist', role: 'registrar', method: 'POST', path: () => '/replenishment-projects', body: () => ({ ...project, replaces: [{ deliveryId: MISSING, replacedValueCents: 100 }] }), field: 'replaces.0.deliveryId', code: 'unknownDelivery' },
    { what: 'a licence on an assessment that does not exist', role: 'licensingOfficer', method: 'POST', path: () => `/deliveries/${ids.licensed}/export-licences`, body: () => ({ ...licenceFor(ids.assessment!), assessmentId: MISSING }), field: 'assessmentId', code: 'unknownAssessment' },
  ];

  itRefusesEach(cases, as, database);

  it('names an id in upper case as the record it is', async () => {
    const decided = await as.disclosureOfficer('POST', '/disclosure-decisions', { deliveryIds: [ids.stock!.toUpperCase()], state: 'confidential', ground: 'stateSecurity' });
    expect(decided.status, JSON.stringify(decided.body)).toBe(201);
    const contracted = await as.registrar('POST', '/industry-contracts', { ...contract(), deliveryIds: [ids.procurement!.toUpperCase()] });
    expect(contracted.status, JSON.stringify(contracted.body)).toBe(201);
    const trained = await as.registrar('POST', '/training-programmes', { ...programme, key: `hoofdletters-${next()}`, deliveryIds: [ids.stock!.toUpperCase()] });
    expect(trained.status, JSON.stringify(trained.body)).toBe(201);
    expect((await as.registrar('POST', `/deliveries/${ids.stock}/valuations`, { amountCents: 1_000, basis: 'replacementValue', effectiveDate: '2025-05-01' })).status).toBe(201);
    const replaced = await as.registrar('POST', '/replenishment-projects', { ...project, replaces: [{ deliveryId: ids.stock!.toUpperCase(), replacedValueCents: 1 }] });
    expect(replaced.status, JSON.stringify(replaced.body)).toBe(201);
  });

  it('answers 404 where the object of the path does not exist', async () => {
    const answers = await Promise.all([
      as.disclosureOfficer('POST', `/companies/${MISSING}/disclosure-decisions`, { state: 'confidential', ground: 'companyInterests' }),
      as.registrar('POST', `/training-programmes/${MISSING}/contributions`, { periodFrom: '2024-01-01', countsUpTo: '2025-01-01', trainers: 1, costEstimateCents: 100, fundingSource: 'defenceBudget' }),
      as.finance('POST', `/budget/commitments/${MISSING}/stages`, { stage: 'committed', amountCents: 1, effectiveOn: '2025-06-01' }),
      as.licensingOfficer('POST', `/deliveries/${MISSING}/export-licences`, licenceFor(ids.assessment!)),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([404, 404, 404, 404]);
    expect(answers.map((answer) => answer.body.detail)).toEqual([
      `Er is geen bedrijf met id ${MISSING} gevonden.`,
      `Er is geen trainingsprogramma met id ${MISSING} gevonden.`,
      `Er is geen verplichting op de begroting met id ${MISSING} gevonden.`,
      `Er is geen levering met id ${MISSING} gevonden.`,
    ]);
  });

  it('says in the language asked which record of the path it did not find', async () => {
    const english = { 'Accept-Language': 'en' };
    const answers = await Promise.all([
      as.registrar('GET', `/deliveries/${MISSING}`, undefined, english),
      as.finance('POST', `/payments/${MISSING}/withdrawal`, { withdrawnOn: '2025-04-01', reason: 'Dubbel geboekt' }, english),
      as.finance('GET', `/epf/claims/${MISSING}`, undefined, english),
    ]);
    expect(answers.map((answer) => [answer.status, answer.body.detail])).toEqual([
      [404, `No delivery with id ${MISSING} was found.`],
      [404, `No payment with id ${MISSING} was found.`],
      [404, `No EPF claim with id ${MISSING} was found.`],
    ]);
  });

  it('in an import, names a delivery or company given by an id that does not exist at the row’s column', async () => {
    const { db } = database();
    const template = await downloadedTemplate(db);
    const bytes = await filledTemplate(template, {
      'Contracten (Contracts)': [
        ['CT-ID-1', ids.company!, `G2B-${next()}`, 'Munitie', 1000, '2025-06-01', `${ids.procurement}; ${MISSING}`, null, null],
        ['CT-ID-2', MISSING, `G2B-${next()}`, 'Munitie', 1000, '2025-06-01', null, null, null],
      ],
    });
    const dryRun = await as.registrar('POST', '/imports/dry-run', asUpload(bytes, 'verwijzingen.xlsx'));
    expect(dryRun.status).toBe(200);
    const faults = (reference: string) => dryRun.body.rows.find((row: { reference: string }) => row.reference === reference).faults;
    expect(faults('CT-ID-1')).toEqual([expect.objectContaining({ field: 'deliveryReferences', code: 'unknownDeliveryReference', reason: expect.stringContaining(MISSING) })]);
    expect(faults('CT-ID-2')).toEqual([expect.objectContaining({ field: 'companyReference', code: 'unknownCompanyReference', reason: expect.stringContaining(MISSING) })]);
  });
});
