/**
 * A contract typed in error is corrected, or withdrawn, as the register corrects a delivery and withdraws a
 * payment: a correction at the version it was based on (412 when stale, nothing written when it changes
 * nothing), audited before and after; a withdrawal a dated row with its reason, counted out of the letter's
 * industry figures from its date on and not before.
 */
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { systemContext } from '../../src/audit/trail.ts';
import { industryFactsAt, withdrawContract } from '../../src/register/industry.ts';
import { describeEachDatabase, describeOnPostgres } from '../support/databases.ts';
import { apiClient, type ApiCall } from './client.ts';

const CONTRACT = { reference: 'G2B-2025-9', subject: 'Munitie', amountCents: 12_000_000_00, signedOn: '2025-03-01', deliveryIds: [] };

describeEachDatabase('industry contract corrections', (database) => {
  let registrar: ApiCall;
  let finance: ApiCall;
  let companyId: string;
  let contractId: string;

  beforeAll(async () => {
    const { db } = database();
    const clock = () => new Date('2025-09-05T10:00:00Z');
    registrar = apiClient(db, { role: 'registrar', clock });
    finance = apiClient(db, { role: 'finance', clock });
    companyId = (await registrar('POST', '/companies', { name: 'Munitiefabriek', country: 'UA' })).body.id;
    contractId = (await registrar('POST', '/industry-contracts', { companyId, ...CONTRACT, milestones: [{ title: 'Levering', dueOn: '2025-04-01' }] })).body.id;
  });

  const contractEvents = async () =>
    (await database().db.selectFrom('auditEvent').select(['action', 'result', 'canonical']).where('objectId', '=', contractId).orderBy('seq').execute()).map((row) => ({ ...row, ...JSON.parse(row.canonical) }));
  const contractAt = async (date: string) => {
    const overview = (await registrar('GET', `/industry?date=${date}`)).body;
    return { counted: overview.companies.flatMap((company: any) => company.contracts).find((contract: any) => contract.id === contractId), withdrawn: overview.withdrawnContracts };
  };
  const correct = (change: object, ifMatch?: string) => registrar('PUT', `/industry-contracts/${contractId}`, { companyId, ...CONTRACT, ...change }, ifMatch === undefined ? {} : { 'If-Match': ifMatch });

  it('corrects a contract at its version, audited before and after; a stale version is refused and an unchanged one writes nothing', async () => {
    expect((await correct({ amountCents: 1_200_000_00 })).status).toBe(428);
    const corrected = await correct({ amountCents: 1_200_000_00, reference: 'g2b-2025-9' }, '"1"');
    expect(corrected.status).toBe(200);
    expect(corrected.headers.get('ETag')).toBe('"2"');
    expect((await contractAt('2025-09-05')).counted).toMatchObject({ amountCents: 1_200_000_00, reference: 'g2b-2025-9', version: 2 });
    expect((await correct({ amountCents: 1_300_000_00 }, '"1"')).status).toBe(412);

    const events = await contractEvents();
    const unchanged = await correct({ amountCents: 1_200_000_00, reference: 'g2b-2025-9' }, '"2"');
    expect(unchanged.status).toBe(200);
    expect(unchanged.headers.get('ETag')).toBe('"2"');
    expect(await contractEvents()).toHaveLength(events.length);
    expect(events.filter((event) => event.action === 'industryContract.correct')).toEqual([
      expect.objectContaining({ result: 'success', before: expect.objectContaining({ amountCents: 12_000_000_00, reference: 'G2B-2025-9', version: 1 }), after: expect.objectContaining({ amountCents: 1_200_000_00, reference: 'g2b-2025-9', version: 2 }) }),
    ]);
  });

  it('refuses a correction that would leave the records under the contract before its signing, or a typed value out of bounds, changing nothing', async () => {
    const refused = await correct({ signedOn: '2025-05-01', amountCents: 1.5, subject: 'Munitie\u0007' }, '"2"');
    expect(refused.status).toBe(400);
    expect(refused.body.invalidParams.map((param: any) => `${param.name}:${param.code}`).sort()).toEqual(['amountCents:notWholeNumber', 'signedOn:afterContractRecords', 'subject:controlCharacter']);
    expect((await correct({ signedOn: '2031-01-01' }, '"2"')).body.invalidParams).toContainEqual(expect.objectContaining({ name: 'signedOn', code: 'dateInFuture' }));
    expect((await contractAt('2025-09-05')).counted).toMatchObject({ signedOn: '2025-03-01', version: 2 });
  });

  it('withdraws a contract from its date on: a letter whose reference date lies before it keeps its figures', async () => {
    const before = await industryFactsAt(database().db, '2025-06-30', 'every');
    expect(before).toMatchObject({ contracts: 1, contractValueCents: 1_200_000_00, companies: 1 });
    expect((await finance('POST', `/industry-contracts/${contractId}/withdrawal`, { withdrawnOn: '2025-07-01', reason: 'Ontbonden' })).status).toBe(403);
    expect((await registrar('POST', `/industry-contracts/${contractId}/withdrawal`, { withdrawnOn: '2025-07-01', reason: 'Ontbonden' }, { 'If-Match': '"1"' })).status).toBe(412);
    expect((await registrar('POST', `/industry-contracts/${contractId}/withdrawal`, { withdrawnOn: '2025-02-01', reason: '' })).body.invalidParams.map((param: any) => param.code).sort()).toEqual(['beforeSigning', 'required']);

    const withdrawn = await registrar('POST', `/industry-contracts/${contractId}/withdrawal`, { withdrawnOn: '2025-07-01', reason: 'Ontbonden' }, { 'If-Match': '"2"' });
    expect(withdrawn.status).toBe(201);
    expect(withdrawn.headers.get('ETag')).toBe('"3"');
    expect(await industryFactsAt(database().db, '2025-06-30', 'every')).toEqual(before);
    expect(await industryFactsAt(database().db, '2025-07-01', 'every')).toMatchObject({ contracts: 0, contractValueCents: 0, companies: 0, milestonesCompleted: 0 });
    expect((await contractAt('2025-06-30')).counted).toMatchObject({ version: 3 });
    const atWithdrawal = await contractAt('2025-07-01');
    expect(atWithdrawal.counted).toBeUndefined();
    expect(atWithdrawal.withdrawn).toEqual([expect.objectContaining({ id: contractId, withdrawal: expect.objectContaining({ withdrawnOn: '2025-07-01', reason: 'Ontbonden' }) })]);

    expect((await registrar('POST', `/industry-contracts/${contractId}/withdrawal`, { withdrawnOn: '2025-08-01', reason: 'Nogmaals' })).body.invalidParams).toEqual([expect.objectContaining({ name: 'withdrawnOn', code: 'contractAlreadyWithdrawn' })]);
    expect((await contractEvents()).at(-1)).toMatchObject({ action: 'industryContract.withdraw', before: { version: 2 }, after: { withdrawnOn: '2025-07-01', reason: 'Ontbonden' } });
    await expect(database().db.deleteFrom('industryContractWithdrawal').execute()).rejects.toThrow(/never changed/);
  });

  it('refuses progress on its milestone, or a price under it, dated on or after the day it was withdrawn, in Dutch and English, changing nothing; dated before, the contract stood', async () => {
    const { db } = database();
    const [milestone] = (await contractAt('2025-06-30')).counted.milestones;
    const report = (reportedOn: string, language = 'nl', change: object = {}) =>
      registrar('POST', `/contract-milestones/${milestone.id}/progress`, { percent: 100, reportedOn, reason: '', ...change }, { 'Accept-Language': language });
    const price = (paidOn: string, language = 'nl') =>
      registrar('POST', '/price-developments', { item: 'Granaten', contractId, earlierPriceCents: 100_000, earlierOn: '2025-01-01', paidPriceCents: 110_000, paidOn, note: '' }, { 'Accept-Language': language });
    const written = async () => ({
      reports: await db.selectFrom('milestoneProgress').select('id').where('milestoneId', '=', milestone.id).execute(),
      prices: await db.selectFrom('priceDevelopment').select('id').where('contractId', '=', contractId).execute(),
      successes: await db.selectFrom('auditEvent').select('seq').where('result', '=', 'success').execute(),
    });
    const before = await written();
    for (const [language, reason] of [
      ['nl', 'Dit contract is ingetrokken per 1 juli 2025; vanaf die dag wordt er niets meer onder vastgelegd (een eerdere datum kan wel: toen gold het contract nog).'],
      ['en', 'This contract was withdrawn as of 1 July 2025; nothing is recorded under it from that day on (an earlier date is possible: the contract still stood then).'],
    ] as const) {
      for (const refused of [await report('2025-07-01', language), await report('2025-09-01', language), await price('2025-07-01', language)]) {
        expect(refused.status).toBe(400);
        expect(refused.body.invalidParams).toEqual([{ name: refused.body.invalidParams[0].name, code: 'contractWithdrawn', reason }]);
      }
    }
    expect((await price('2025-08-15')).body.invalidParams).toEqual([expect.objectContaining({ name: 'paidOn', code: 'contractWithdrawn' })]);
    expect((await report('2025-07-01', 'nl', { percent: 101 })).body.invalidParams.map((param: any) => `${param.name}:${param.code}`).sort()).toEqual(['percent:percentOutOfRange', 'reportedOn:contractWithdrawn']);
    expect(await written()).toEqual(before);

    expect((await report('2025-06-30')).status).toBe(201);
    expect((await price('2025-06-30')).status).toBe(201);
    expect(await industryFactsAt(db, '2025-06-30', 'every')).toMatchObject({ contracts: 1, milestonesCompleted: 1 });
    expect(await industryFactsAt(db, '2025-07-01', 'every')).toMatchObject({ contracts: 0, contractValueCents: 0, companies: 0, milestonesCompleted: 0 });
  });
});

describeOnPostgres('a record under a contract withdrawn at the same moment', (database) => {
  it('waits for the withdrawal to commit and is judged against it', async () => {
    const { db } = database();
    const clock = () => new Date('2025-09-05T10:00:00Z');
    const registrar = apiClient(db, { role: 'registrar', clock });
    const companyId = (await registrar('POST', '/companies', { name: 'Munitiefabriek', country: 'UA' })).body.id;
    const contractId = (await registrar('POST', '/industry-contracts', { companyId, ...CONTRACT, milestones: [{ title: 'Levering', dueOn: '2025-04-01' }] })).body.id;
    const [milestone] = (await registrar('GET', '/industry?date=2025-09-05')).body.companies[0].contracts[0].milestones;

    let withdrawn!: () => void;
    let commit!: () => void;
    const held = new Promise<void>((resolve) => (withdrawn = resolve));
    const committing = new Promise<void>((resolve) => (commit = resolve));
    const withdrawal = db.transaction().execute(async (trx) => {
      await withdrawContract(trx, { ...systemContext('registrar'), now: clock }, contractId, { withdrawnOn: '2025-07-01', reason: 'Ontbonden' });
      withdrawn();
      await committing;
    });
    await held;
    const report = registrar('POST', `/contract-milestones/${milestone.id}/progress`, { percent: 50, reportedOn: '2025-08-01', reason: '' });
    const price = registrar('POST', '/price-developments', { item: 'Granaten', contractId, earlierPriceCents: 100_000, earlierOn: '2025-01-01', paidPriceCents: 110_000, paidOn: '2025-08-01', note: '' });
    const waiting = async () => Number((await sql<{ n: string }>`select count(*) as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`.execute(db)).rows[0]!.n);
    while ((await waiting()) < 2) await new Promise((resolve) => setTimeout(resolve, 20));
    commit();
    await withdrawal;

    for (const refused of [await report, await price]) expect(refused.body.invalidParams).toEqual([expect.objectContaining({ code: 'contractWithdrawn' })]);
  });
});
