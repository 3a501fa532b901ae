/**
 * Migration 077 keeps with each company the moment of its latest correction since its latest disclosure decision.
 * The database is taken back to before it, with companies decided on and corrected after, corrected and decided on
 * after, corrected and never decided on, and decided on again after a correction. Migrated again, only the first
 * waits in the disclosure queue, from its correction.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { migrate } from '../../src/db/migrate.ts';
import { apiClient, type ApiCall } from '../api/client.ts';
import { openScratchPGlite, type ScratchDatabase } from '../support/scratch-database.ts';

const MIGRATION = '077_company_corrected_since_decision.sql';

let scratch: ScratchDatabase;
let officer: ApiCall;
let correctedAfterDecision: { id: string; correctedAt: string };

beforeAll(async () => {
  scratch = await openScratchPGlite();
  const { db } = scratch.handle;
  // A second between steps, so that every correction and decision has a moment of its own.
  let moment = Date.parse('2025-09-05T10:00:00Z');
  const clock = () => new Date((moment += 1000));
  const registrar = apiClient(db, { role: 'registrar', clock });
  officer = apiClient(db, { role: 'disclosureOfficer', clock });

  const versions = new Map<string, number>();
  const register = async (name: string) => {
    const { id } = (await registrar('POST', '/companies', { name, country: 'NL' })).body;
    versions.set(id, 0);
    return id as string;
  };
  const step = async (id: string, call: (ifMatch: Record<string, string>) => Promise<{ status: number }>) => {
    const response = await call({ 'If-Match': `"${versions.get(id)}"` });
    expect(response.status).toBeLessThan(300);
    versions.set(id, versions.get(id)! + 1);
  };
  const decide = (id: string) => step(id, (ifMatch) => officer('POST', `/companies/${id}/disclosure-decisions`, { state: 'public', publicName: 'Een bedrijf' }, ifMatch));
  const correct = (id: string, name: string) => step(id, (ifMatch) => registrar('PUT', `/companies/${id}`, { name, country: 'NL', registrationNumber: null }, ifMatch));

  const decidedThenCorrected = await register('Veldkeukens');
  await decide(decidedThenCorrected);
  await correct(decidedThenCorrected, 'Veldkeuken');
  await correct(decidedThenCorrected, 'Veldkeuken B.V.');
  correctedAfterDecision = { id: decidedThenCorrected, correctedAt: new Date(moment).toISOString() };

  const correctedThenDecided = await register('Laarzenmakers');
  await correct(correctedThenDecided, 'Laarzenmaker');
  await decide(correctedThenDecided);

  await correct(await register('Dekenfabriek'), 'Dekenfabriek B.V.');

  const decidedAgain = await register('Jassen');
  await decide(decidedAgain);
  await correct(decidedAgain, 'Jassen B.V.');
  await decide(decidedAgain);

  // Before the migration: the register kept no correction with a company.
  await sql`alter table company drop column corrected_since_decision_at`.execute(db);
  await sql`delete from schema_migration where name = ${MIGRATION}`.execute(db);
});

afterAll(async () => {
  await scratch?.dispose();
});

it('puts in the disclosure queue the companies whose latest correction came after their latest decision, from that correction', async () => {
  expect(await migrate(scratch.handle)).toEqual([MIGRATION]);
  const queued = (await officer('GET', '/disclosure-queue')).body.correctedCompanies;
  expect(queued.map(({ companyId, name, correctedAt }: Record<string, string>) => ({ companyId, name, correctedAt }))).toEqual([
    { companyId: correctedAfterDecision.id, name: 'Veldkeuken B.V.', correctedAt: correctedAfterDecision.correctedAt },
  ]);
});
