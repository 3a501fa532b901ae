/**
 * A company typed in error is corrected as a contract is: at the version it was based on (428 without one, 412 when
 * stale, nothing written when it changes nothing), judged as a new company among the others of its country, audited
 * before and after. It says what the company always was: the letter's industry figures at an earlier date read it so.
 */
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { systemContext } from '../../src/audit/trail.ts';
import { correctCompany, industryFactsAt } from '../../src/register/industry.ts';
import { describeEachDatabase, describeOnPostgres } from '../support/databases.ts';
import { apiClient, type ApiCall } from './client.ts';

const COMPANY = { name: 'Munitiefabriek', country: 'UA', registrationNumber: 'UA-123' };

describeEachDatabase('industry company corrections', (database) => {
  let registrar: ApiCall;
  let finance: ApiCall;
  let disclosureOfficer: ApiCall;
  let companyId: string;

  beforeAll(async () => {
    const { db } = database();
    const clock = () => new Date('2025-09-05T10:00:00Z');
    registrar = apiClient(db, { role: 'registrar', clock });
    finance = apiClient(db, { role: 'finance', clock });
    disclosureOfficer = apiClient(db, { role: 'disclosureOfficer', clock });
    companyId = (await registrar('POST', '/companies', { ...COMPANY, name: 'Munitiefabirek', country: 'PL' })).body.id;
    await registrar('POST', '/companies', { name: 'Kyiv Drones', country: 'UA', registrationNumber: 'UA-777' });
    await registrar('POST', '/industry-contracts', { companyId, reference: 'G2B-2025-9', subject: 'Munitie', amountCents: 12_000_000_00, signedOn: '2025-03-01', deliveryIds: [], milestones: [] });
  });

  const companyEvents = async () =>
    (await database().db.selectFrom('auditEvent').select(['action', 'result', 'canonical']).where('objectId', '=', companyId).orderBy('seq').execute()).map((row) => ({ ...row, ...JSON.parse(row.canonical) }));
  const companyNow = async () => (await registrar('GET', '/industry?date=2025-09-05')).body.companies.find((company: any) => company.id === companyId);
  const correct = (change: object, ifMatch?: string, as = registrar) => as('PUT', `/companies/${companyId}`, { ...COMPANY, ...change }, ifMatch === undefined ? {} : { 'If-Match': ifMatch });

  it('corrects a company at its version, audited before and after, and the figures at an earlier date read it as corrected; a stale version is refused and an unchanged one writes nothing', async () => {
    expect((await correct({})).status).toBe(428);
    expect((await correct({}, '"0"', finance)).status).toBe(403);
    const before = await industryFactsAt(database().db, '2025-06-30', 'every');
    expect(before).toMatchObject({ companies: 1, ukrainianCompanies: 0 });

    const corrected = await correct({}, '"0"');
    expect(corrected.status).toBe(200);
    expect(corrected.headers.get('ETag')).toBe('"1"');
    expect(corrected.body).toEqual({ id: companyId, ...COMPANY, version: 1 });
    expect(await companyNow()).toMatchObject({ ...COMPANY, origin: 'ukrainian', version: 1 });
    expect(await industryFactsAt(database().db, '2025-06-30', 'every')).toEqual({ ...before, ukrainianCompanies: 1 });
    expect((await correct({ name: 'Munitiefabriek BV' }, '"0"')).status).toBe(412);

    const events = await companyEvents();
    const unchanged = await correct({}, '"1"');
    expect(unchanged.status).toBe(200);
    expect(unchanged.headers.get('ETag')).toBe('"1"');
    expect(await companyEvents()).toHaveLength(events.length);
    expect(events.filter((event) => event.action === 'company.correct')).toEqual([
      expect.objectContaining({
        result: 'success',
        before: expect.objectContaining({ name: 'Munitiefabirek', country: 'PL', version: 0 }),
        after: expect.objectContaining({ ...COMPANY, version: 1 }),
      }),
    ]);
  });

  it('refuses a name or registration number another company of its country has, and a country or name out of bounds, changing nothing; its own name in other letters is its own', async () => {
    const refused = await correct({ name: 'kyiv  drones', registrationNumber: 'ua-777' }, '"1"');
    expect(refused.status).toBe(400);
    expect(refused.body.invalidParams.map((param: any) => `${param.name}:${param.code}`).sort()).toEqual(['name:companyNameTaken', 'registrationNumber:registrationNumberTaken']);
    expect((await correct({ name: ' ', country: 'Oekraïne' }, '"1"')).body.invalidParams.map((param: any) => param.name).sort()).toEqual(['country', 'name']);
    expect(await companyNow()).toMatchObject({ ...COMPANY, version: 1 });

    const recased = await correct({ name: 'MUNITIEFABRIEK' }, '"1"');
    expect(recased.status).toBe(200);
    expect(recased.headers.get('ETag')).toBe('"2"');
  });

  const correctedCompanies = async () => (await disclosureOfficer('GET', '/disclosure-queue?referenceDate=2025-08-31')).body.correctedCompanies;

  it('shares its version with the disclosure decisions on it: each raises it, and a public company shows its correction only once decided on again, waiting in the disclosure queue until then', async () => {
    expect((await disclosureOfficer('POST', `/companies/${companyId}/disclosure-decisions`, { state: 'public', publicName: 'Munitiefabriek' }, { 'If-Match': '"1"' })).status).toBe(412);
    const decided = await disclosureOfficer('POST', `/companies/${companyId}/disclosure-decisions`, { state: 'public', publicName: 'Munitiefabriek' }, { 'If-Match': '"2"' });
    expect(decided.status).toBe(201);
    expect(decided.headers.get('ETag')).toBe('"3"');
    expect((await correct({ country: 'PL' }, '"2"')).status).toBe(412);

    expect((await correct({ country: 'PL' }, '"3"')).status).toBe(200);
    const publicCompanies = async () => (await apiClient(database().db)('GET', '/public/companies')).body.items;
    expect(await publicCompanies()).toEqual([expect.objectContaining({ name: 'Munitiefabriek', country: 'UA' })]);
    expect(await industryFactsAt(database().db, '2025-06-30', 'every')).toMatchObject({ companies: 1, ukrainianCompanies: 0 });
    expect(await correctedCompanies()).toEqual([
      { companyId, name: 'Munitiefabriek', country: 'PL', disclosureState: 'public', publicName: 'Munitiefabriek', publicCountry: 'UA', correctedAt: '2025-09-05T10:00:00.000Z' },
    ]);
    expect((await disclosureOfficer('POST', `/companies/${companyId}/disclosure-decisions`, { state: 'public', publicName: 'Munitiefabriek' }, { 'If-Match': '"4"' })).status).toBe(201);
    expect(await publicCompanies()).toEqual([expect.objectContaining({ name: 'Munitiefabriek', country: 'PL' })]);
    expect(await correctedCompanies()).toEqual([]);
  });

  it('puts a confidential company corrected since its decision in the disclosure queue, and an undecided one, which waits for its first decision, not', async () => {
    const companies = async () => (await registrar('GET', '/industry?date=2025-09-05')).body.companies as { id: string; name: string; version: number }[];
    const kyiv = (await companies()).find((company) => company.name === 'Kyiv Drones')!;
    const correctKyiv = (name: string, version: number) => registrar('PUT', `/companies/${kyiv.id}`, { name, country: 'UA', registrationNumber: 'UA-777' }, { 'If-Match': `"${version}"` });
    expect((await correctKyiv('Kyiv Drones LLC', kyiv.version)).status).toBe(200);
    expect(await correctedCompanies()).toEqual([]);

    expect((await disclosureOfficer('POST', `/companies/${kyiv.id}/disclosure-decisions`, { state: 'confidential', ground: 'companyInterests' }, { 'If-Match': `"${kyiv.version + 1}"` })).status).toBe(201);
    expect((await correctKyiv('Kyiv Drones Ltd', kyiv.version + 2)).status).toBe(200);
    expect(await correctedCompanies()).toEqual([
      { companyId: kyiv.id, name: 'Kyiv Drones Ltd', country: 'UA', disclosureState: 'confidential', publicName: null, publicCountry: null, correctedAt: '2025-09-05T10:00:00.000Z' },
    ]);
  });
});

describeOnPostgres('a company corrected to a name another takes at the same moment', (database) => {
  it('waits for the other to commit and is refused on its name, as two registrations in a country wait for each other', async () => {
    const { db } = database();
    const clock = () => new Date('2025-09-05T10:00:00Z');
    const registrar = apiClient(db, { role: 'registrar', clock });
    const ids: string[] = [];
    for (const name of ['Munitiefabirek', 'Munitiefabrik']) ids.push((await registrar('POST', '/companies', { name, country: 'UA' })).body.id);
    const name = { name: 'Munitiefabriek', country: 'UA', registrationNumber: null };

    let corrected!: () => void;
    let commit!: () => void;
    const held = new Promise<void>((resolve) => (corrected = resolve));
    const committing = new Promise<void>((resolve) => (commit = resolve));
    const first = db.transaction().execute(async (trx) => {
      await correctCompany(trx, { ...systemContext('registrar'), now: clock }, ids[0]!, name, [0]);
      corrected();
      await committing;
    });
    await held;
    const second = registrar('PUT', `/companies/${ids[1]}`, name, { 'If-Match': '"0"' });
    const waiting = async () => Number((await sql<{ n: string }>`select count(*) as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`.execute(db)).rows[0]!.n);
    // Without a wait it would be recorded beside the first; a second is long enough to see it wait.
    for (const deadline = Date.now() + 1000; (await waiting()) < 1 && Date.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 20));
    commit();
    await first;

    expect((await second).body.invalidParams).toEqual([expect.objectContaining({ name: 'name', code: 'companyNameTaken' })]);
  });
});
