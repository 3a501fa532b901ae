/**
 * A company recorded in error, or that no longer takes part, is withdrawn as a contract is: a dated row with its reason,
 * at the version it was based on (412 when stale), audited, from its date on in no overview and not before. It is
 * refused while a contract of it still counts on that date or a co-production project names it as its partner, each
 * named in the refusal; once withdrawn it leaves the public companies and is named by no new contract nor decided on.
 */
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import { apiClient, type ApiCall } from './client.ts';

describeEachDatabase('industry company withdrawal', (database) => {
  let registrar: ApiCall;
  let finance: ApiCall;
  let disclosureOfficer: ApiCall;
  let companyId: string;
  let contractId: string;
  let projectId: string;

  beforeAll(async () => {
    const { db } = database();
    const clock = () => new Date('2025-09-05T10:00:00Z');
    registrar = apiClient(db, { role: 'registrar', clock });
    finance = apiClient(db, { role: 'finance', clock });
    disclosureOfficer = apiClient(db, { role: 'disclosureOfficer', clock });
    companyId = (await registrar('POST', '/companies', { name: 'Munitiefabriek', country: 'UA' })).body.id;
    contractId = (await registrar('POST', '/industry-contracts', { companyId, reference: 'G2B-2025-9', subject: 'Munitie', amountCents: 12_000_000_00, signedOn: '2025-03-01', deliveryIds: [], milestones: [] })).body.id;
    projectId = (await registrar('POST', '/coproduction-projects', { title: 'Granaten', partner: 'munitiefabriek', stage: 'intention', reachedOn: '2025-04-01', note: '' })).body.id;
    expect((await disclosureOfficer('POST', `/companies/${companyId}/disclosure-decisions`, { state: 'public', publicName: 'Munitiefabriek' })).status).toBe(201);
  });

  const withdraw = (body: object, headers: Record<string, string> = {}, as = registrar) => as('POST', `/companies/${companyId}/withdrawal`, body, headers);
  const overviewAt = async (date: string) => (await registrar('GET', `/industry?date=${date}`)).body;
  const companyEvents = async () =>
    (await database().db.selectFrom('auditEvent').select(['action', 'canonical']).where('objectId', '=', companyId).orderBy('seq').execute()).map((row) => ({ ...row, ...JSON.parse(row.canonical) }));
  const publicCompanies = async () => (await apiClient(database().db)('GET', '/public/companies')).body.items;

  it('is refused while a contract of the company counts on its date or a co-production project names it as its partner, each named, in Dutch and English, changing nothing', async () => {
    expect((await withdraw({ withdrawnOn: '2025-08-01', reason: 'Neemt niet meer deel' }, {}, finance)).status).toBe(403);
    const events = await companyEvents();
    const refused = await withdraw({ withdrawnOn: '2025-08-01', reason: 'Neemt niet meer deel' });
    expect(refused.status).toBe(400);
    expect(refused.body.invalidParams).toEqual([
      { name: 'withdrawnOn', code: 'companyHasContracts', reason: 'Op deze datum tellen nog contracten van dit bedrijf mee: G2B-2025-9. Trek die eerst in, op of vóór deze datum.' },
      { name: 'withdrawnOn', code: 'companyIsPartner', reason: 'Dit bedrijf is partner in de coproductieprojecten Granaten. Corrigeer eerst de partner van die projecten.' },
    ]);
    const english = await withdraw({ withdrawnOn: '2025-08-01', reason: 'No longer takes part' }, { 'Accept-Language': 'en' });
    expect(english.body.invalidParams.map((param: any) => param.reason)).toEqual([
      'Contracts of this company still count on this date: G2B-2025-9. Withdraw them first, on or before this date.',
      'This company is the partner of the co-production projects Granaten. Correct the partner of those projects first.',
    ]);
    expect((await withdraw({ withdrawnOn: '2031-01-01', reason: ' ' })).body.invalidParams.map((param: any) => `${param.name}:${param.code}`).sort()).toEqual(['reason:required', 'withdrawnOn:dateInFuture']);

    // A contract withdrawn after the company's date still counted on it.
    expect((await registrar('POST', `/industry-contracts/${contractId}/withdrawal`, { withdrawnOn: '2025-08-15', reason: 'Ontbonden' })).status).toBe(201);
    expect((await withdraw({ withdrawnOn: '2025-08-01', reason: 'Neemt niet meer deel' })).body.invalidParams.map((param: any) => param.code)).toEqual(['companyHasContracts', 'companyIsPartner']);
    expect(await companyEvents()).toEqual(events);
    expect(await publicCompanies()).toEqual([expect.objectContaining({ name: 'Munitiefabriek' })]);
  });

  it('withdraws the company from its date on, at its version, audited: in no overview from then, in the earlier ones as it was, and out of what the public reads', async () => {
    const project = (await overviewAt('2025-09-05')).coproductionProjects.find((found: any) => found.id === projectId);
    expect((await registrar('PUT', `/coproduction-projects/${projectId}`, { title: 'Granaten', partner: 'Oekraïense industrie' }, { 'If-Match': `"${project.version}"` })).status).toBe(200);
    const { version } = (await overviewAt('2025-09-05')).companies.find((company: any) => company.id === companyId);
    expect((await withdraw({ withdrawnOn: '2025-08-15', reason: 'Neemt niet meer deel' }, { 'If-Match': `"${version - 1}"` })).status).toBe(412);

    const withdrawn = await withdraw({ withdrawnOn: '2025-08-15', reason: 'Neemt niet meer deel' }, { 'If-Match': `"${version}"` });
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(201);
    expect(withdrawn.headers.get('ETag')).toBe(`"${version + 1}"`);
    expect(withdrawn.body).toMatchObject({ companyId, withdrawnOn: '2025-08-15', reason: 'Neemt niet meer deel' });

    const before = await overviewAt('2025-08-14');
    expect(before.companies.map((company: any) => company.id)).toContain(companyId);
    expect(before.withdrawnCompanies).toEqual([]);
    const after = await overviewAt('2025-08-15');
    expect(after.companies.map((company: any) => company.id)).not.toContain(companyId);
    expect(after.withdrawnCompanies).toEqual([expect.objectContaining({ id: companyId, name: 'Munitiefabriek', withdrawal: expect.objectContaining({ withdrawnOn: '2025-08-15', reason: 'Neemt niet meer deel' }) })]);
    expect(after.withdrawnContracts.map((contract: any) => contract.companyId)).toEqual([companyId]);

    expect(await publicCompanies()).toEqual([]);
    expect((await companyEvents()).at(-1)).toMatchObject({ action: 'company.withdraw', before: { name: 'Munitiefabriek', version }, after: { withdrawnOn: '2025-08-15', reason: 'Neemt niet meer deel' } });
    await expect(database().db.deleteFrom('companyWithdrawal').execute()).rejects.toThrow(/never changed/);
  });

  it('is done once; a company withdrawn is named by no new contract, nor decided on, nor waits in the disclosure queue', async () => {
    expect((await withdraw({ withdrawnOn: '2025-09-01', reason: 'Nogmaals' })).body.invalidParams).toEqual([expect.objectContaining({ name: 'withdrawnOn', code: 'companyAlreadyWithdrawn' })]);
    const contract = await registrar('POST', '/industry-contracts', { companyId, reference: 'G2B-2025-10', subject: 'Granaten', amountCents: 1_000_00, signedOn: '2025-03-01', deliveryIds: [], milestones: [] });
    expect(contract.body.invalidParams).toEqual([expect.objectContaining({ name: 'companyId', code: 'companyWithdrawn' })]);
    const decision = await disclosureOfficer('POST', `/companies/${companyId}/disclosure-decisions`, { state: 'public', publicName: 'Munitiefabriek' });
    expect(decision.body.invalidParams).toEqual([expect.objectContaining({ name: 'state', code: 'companyWithdrawn' })]);
    expect(await publicCompanies()).toEqual([]);

    const { version } = (await overviewAt('2025-08-14')).companies.find((company: any) => company.id === companyId);
    expect((await registrar('PUT', `/companies/${companyId}`, { name: 'Munitiefabriek BV', country: 'UA', registrationNumber: null }, { 'If-Match': `"${version}"` })).status).toBe(200);
    expect((await disclosureOfficer('GET', '/disclosure-queue?referenceDate=2025-08-31')).body.correctedCompanies).toEqual([]);
  });
});
