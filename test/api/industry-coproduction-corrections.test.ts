/**
 * A co-production project typed in error is corrected as a company is: at its version (428 without one, 412 when
 * stale, nothing written when it changes nothing), judged as a new project among the others with its partner, audited
 * before and after. Its version is shared with the stages it reaches, each of which raises it.
 */
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import { apiClient, type ApiCall } from './client.ts';

const PROJECT = { title: 'Drones voor Oekraïne', partner: 'Ukroboronprom' };

describeEachDatabase('industry co-production project corrections', (database) => {
  let registrar: ApiCall;
  let finance: ApiCall;
  let projectId: string;

  beforeAll(async () => {
    const { db } = database();
    const clock = () => new Date('2025-09-05T10:00:00Z');
    registrar = apiClient(db, { role: 'registrar', clock });
    finance = apiClient(db, { role: 'finance', clock });
    projectId = (await registrar('POST', '/coproduction-projects', { title: 'Dornes voor Oekraïne', partner: 'Ukroboronprom', stage: 'intention', reachedOn: '2025-03-01' })).body.id;
    await registrar('POST', '/coproduction-projects', { title: 'Munitie', partner: 'Ukroboronprom', stage: 'intention', reachedOn: '2025-03-01' });
  });

  const projectEvents = async () =>
    (await database().db.selectFrom('auditEvent').select(['action', 'result', 'canonical']).where('objectId', '=', projectId).orderBy('seq').execute()).map((row) => ({ ...row, ...JSON.parse(row.canonical) }));
  const projectNow = async () => (await registrar('GET', '/industry?date=2025-09-05')).body.coproductionProjects.find((project: any) => project.id === projectId);
  const correct = (change: object, ifMatch?: string, as = registrar) => as('PUT', `/coproduction-projects/${projectId}`, { ...PROJECT, ...change }, ifMatch === undefined ? {} : { 'If-Match': ifMatch });

  it('corrects a project at its version, audited before and after, keeping its stages; a stale version is refused and an unchanged one writes nothing', async () => {
    expect((await correct({})).status).toBe(428);
    expect((await correct({}, '"1"', finance)).status).toBe(403);
    expect((await registrar('PUT', '/coproduction-projects/00000000-0000-4000-8000-000000000000', PROJECT, { 'If-Match': '"1"' })).status).toBe(404);

    const corrected = await correct({}, '"1"');
    expect(corrected.status).toBe(200);
    expect(corrected.headers.get('ETag')).toBe('"2"');
    expect(corrected.body).toEqual({ id: projectId, ...PROJECT, version: 2 });
    expect(await projectNow()).toMatchObject({ ...PROJECT, version: 2, stages: [expect.objectContaining({ stage: 'intention', reachedOn: '2025-03-01' })] });
    expect((await correct({ title: 'Drones' }, '"1"')).status).toBe(412);

    const events = await projectEvents();
    const unchanged = await correct({}, '"2"');
    expect(unchanged.status).toBe(200);
    expect(unchanged.headers.get('ETag')).toBe('"2"');
    expect(await projectEvents()).toHaveLength(events.length);
    expect(events.filter((event) => event.action === 'coproduction.correct')).toEqual([
      expect.objectContaining({
        result: 'success',
        before: expect.objectContaining({ title: 'Dornes voor Oekraïne', partner: 'Ukroboronprom', version: 1 }),
        after: expect.objectContaining({ ...PROJECT, version: 2 }),
      }),
    ]);
  });

  it('refuses a title another project with its partner has, and a title or partner left empty, changing nothing', async () => {
    const taken = await correct({ title: 'MUNITIE' }, '"2"');
    expect(taken.status).toBe(400);
    expect(taken.body.invalidParams).toEqual([expect.objectContaining({ name: 'title', code: 'coproductionProjectTaken' })]);
    expect((await correct({ title: ' ', partner: '' }, '"2"')).body.invalidParams.map((param: any) => param.name).sort()).toEqual(['partner', 'title']);
    expect(await projectNow()).toMatchObject({ ...PROJECT, version: 2 });

    expect((await correct({ title: 'Munitie', partner: 'Antonov' }, '"2"')).status).toBe(200);
    expect((await correct({}, '"3"')).status).toBe(200);
  });

  it('shares its version with the stages it reaches: a stage on a version a correction raised is refused, and each stage raises it', async () => {
    const stage = (ifMatch: string) => registrar('POST', `/coproduction-projects/${projectId}/stages`, { stage: 'memorandum', reachedOn: '2025-04-01' }, { 'If-Match': ifMatch });
    expect((await stage('"3"')).status).toBe(412);
    const reached = await stage('"4"');
    expect(reached.status).toBe(201);
    expect(reached.headers.get('ETag')).toBe('"5"');
    expect((await correct({ title: 'Drones' }, '"4"')).status).toBe(412);
    expect((await correct({ title: 'Drones' }, '"5"')).headers.get('ETag')).toBe('"6"');
    expect(await projectNow()).toMatchObject({ title: 'Drones', version: 6, stages: [expect.objectContaining({ stage: 'intention' }), expect.objectContaining({ stage: 'memorandum' })] });
  });
});
