/**
 * A shared need typed in error is corrected as a company is: at its version (428 without one, 412 when stale,
 * nothing written when it changes nothing), judged as a new need among the others of its category, audited before
 * and after. It says what the need always was: the letter's count of needs at an earlier date reads it so.
 */
import { beforeAll, expect, it } from 'vitest';
import { industryFactsAt } from '../../src/register/industry.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { apiClient, type ApiCall } from './client.ts';

const NEED = { need: '155mm-munitie', category: 'ammunition', dutchQuantity: 1000, ukrainianQuantity: 5000, identifiedOn: '2025-06-01', note: 'Gezamenlijke inkoop' };

describeEachDatabase('industry shared need corrections', (database) => {
  let registrar: ApiCall;
  let finance: ApiCall;
  let bundleId: string;

  beforeAll(async () => {
    const { db } = database();
    const clock = () => new Date('2025-09-05T10:00:00Z');
    registrar = apiClient(db, { role: 'registrar', clock });
    finance = apiClient(db, { role: 'finance', clock });
    bundleId = (await registrar('POST', '/demand-bundles', { ...NEED, need: '155mm-munitei', dutchQuantity: 100, identifiedOn: '2025-08-01' })).body.id;
    await registrar('POST', '/demand-bundles', { ...NEED, need: 'Drones', identifiedOn: '2025-03-01' });
  });

  const bundleEvents = async () =>
    (await database().db.selectFrom('auditEvent').select(['action', 'result', 'canonical']).where('objectId', '=', bundleId).orderBy('seq').execute()).map((row) => ({ ...row, ...JSON.parse(row.canonical) }));
  const bundleNow = async () => (await registrar('GET', '/industry?date=2025-09-05')).body.demandBundles.find((bundle: any) => bundle.id === bundleId);
  const correct = (change: object, ifMatch?: string, as = registrar) => as('PUT', `/demand-bundles/${bundleId}`, { ...NEED, ...change }, ifMatch === undefined ? {} : { 'If-Match': ifMatch });

  it('corrects a need at its version, audited before and after, and the count at an earlier date reads it as corrected; a stale version is refused and an unchanged one writes nothing', async () => {
    expect((await correct({})).status).toBe(428);
    expect((await correct({}, '"1"', finance)).status).toBe(403);
    expect((await registrar('PUT', '/demand-bundles/00000000-0000-4000-8000-000000000000', NEED, { 'If-Match': '"1"' })).status).toBe(404);
    expect(await industryFactsAt(database().db, '2025-06-30', 'every')).toMatchObject({ demandBundles: 1 });

    const corrected = await correct({}, '"1"');
    expect(corrected.status).toBe(200);
    expect(corrected.headers.get('ETag')).toBe('"2"');
    expect(corrected.body).toEqual({ id: bundleId, ...NEED, version: 2 });
    expect(await bundleNow()).toMatchObject({ ...NEED, version: 2 });
    expect(await industryFactsAt(database().db, '2025-06-30', 'every')).toMatchObject({ demandBundles: 2 });
    expect((await correct({ dutchQuantity: 2000 }, '"1"')).status).toBe(412);

    const events = await bundleEvents();
    const unchanged = await correct({}, '"2"');
    expect(unchanged.status).toBe(200);
    expect(unchanged.headers.get('ETag')).toBe('"2"');
    expect(await bundleEvents()).toHaveLength(events.length);
    expect(events.filter((event) => event.action === 'demandBundle.correct')).toEqual([
      expect.objectContaining({
        result: 'success',
        before: expect.objectContaining({ need: '155mm-munitei', dutchQuantity: 100, identifiedOn: '2025-08-01', version: 1 }),
        after: expect.objectContaining({ ...NEED, version: 2 }),
      }),
    ]);
  });

  it('refuses a need another of its category has, a quantity below one and a date after today, changing nothing; in another category the need is its own', async () => {
    const taken = await correct({ need: 'DRONES' }, '"2"');
    expect(taken.status).toBe(400);
    expect(taken.body.invalidParams).toEqual([expect.objectContaining({ name: 'need', code: 'demandBundleTaken' })]);
    const refused = await correct({ dutchQuantity: 0, identifiedOn: '2025-09-06' }, '"2"');
    expect(refused.body.invalidParams.map((param: any) => param.name).sort()).toEqual(['dutchQuantity', 'identifiedOn']);
    expect(await bundleNow()).toMatchObject({ ...NEED, version: 2 });

    const elsewhere = await correct({ need: 'Drones', category: 'drones' }, '"2"');
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.headers.get('ETag')).toBe('"3"');
  });
});
