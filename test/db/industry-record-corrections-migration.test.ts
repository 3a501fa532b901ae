/**
 * Migrations 079 and 080 give each co-production project a version of its own, which its corrections and stages
 * raise, and each shared need one its corrections raise. The database is taken back to before it, with projects at one and at
 * three stages and a need. Migrated again, each project's version is the number of its stages, as its ETag was, so
 * that a stage form loaded before goes on, and the need is at its first version.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { migrate } from '../../src/db/migrate.ts';
import { apiClient, type ApiCall } from '../api/client.ts';
import { openScratchPGlite, type ScratchDatabase } from '../support/scratch-database.ts';

const MIGRATIONS = ['079_industry_record_corrections.sql', '080_demand_bundle_corrections.sql'];

let scratch: ScratchDatabase;
let registrar: ApiCall;
let threeStages: string;

beforeAll(async () => {
  scratch = await openScratchPGlite();
  const { db } = scratch.handle;
  registrar = apiClient(db, { role: 'registrar', clock: () => new Date('2025-09-05T10:00:00Z') });
  const record = async (title: string) => (await registrar('POST', '/coproduction-projects', { title, partner: 'Ukroboronprom', stage: 'intention', reachedOn: '2025-03-01' })).body.id as string;
  await record('Munitie');
  threeStages = await record('Drones');
  for (const [stage, ifMatch] of [['memorandum', '"1"'], ['signed', '"2"']]) {
    expect((await registrar('POST', `/coproduction-projects/${threeStages}/stages`, { stage, reachedOn: '2025-04-01' }, { 'If-Match': ifMatch! })).status).toBe(201);
  }

  await registrar('POST', '/demand-bundles', { need: 'Drones', category: 'drones', dutchQuantity: 10, ukrainianQuantity: 50, identifiedOn: '2025-03-01' });

  // Before the migration: a project's version was the number of its stages, and a need had none.
  await sql`alter table coproduction_project drop column version`.execute(db);
  await sql`alter table demand_bundle drop column version`.execute(db);
  for (const migration of MIGRATIONS) await sql`delete from schema_migration where name = ${migration}`.execute(db);
});

afterAll(async () => {
  await scratch?.dispose();
});

it('gives each project the number of its stages as its version, and each need its first', async () => {
  expect(await migrate(scratch.handle)).toEqual(MIGRATIONS);
  const { coproductionProjects: projects, demandBundles } = (await registrar('GET', '/industry?date=2025-09-05')).body;
  expect(demandBundles).toEqual([expect.objectContaining({ need: 'Drones', version: 1 })]);
  expect(projects.map(({ title, version }: { title: string; version: number }) => ({ title, version }))).toEqual([
    { title: 'Drones', version: 3 },
    { title: 'Munitie', version: 1 },
  ]);
  expect((await registrar('POST', `/coproduction-projects/${threeStages}/stages`, { stage: 'producing', reachedOn: '2025-05-01' }, { 'If-Match': '"3"' })).status).toBe(201);
});
