/**
 * Four eyes on the letter: the disclosure officer's approval is a second person's decision, so whoever
 * wrote the draft (started, changed or submitted it) cannot approve it, also not once their account was
 * given the disclosure officer's role; another disclosure officer can.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApi } from '../../src/api/app.ts';
import { systemContext } from '../../src/audit/trail.ts';
import { openSession } from '../../src/auth/sessions.ts';
import { SESSION_COOKIE } from '../../src/api/access.ts';
import { findAccountByUsername, updateAccount } from '../../src/db/repositories/accounts.ts';
import { loadDemonstrationData } from '../../src/register/demonstration.ts';
import { apiClient } from '../api/client.ts';
import { openScratchPGlite, type ScratchDatabase } from '../support/scratch-database.ts';
import { sessionFor } from '../support/sessions.ts';

let scratch: ScratchDatabase;
let api: ReturnType<typeof createApi>;

beforeAll(async () => {
  scratch = await openScratchPGlite();
  await loadDemonstrationData(scratch.handle.db);
  api = createApi({ db: scratch.handle.db, onError: (error) => { throw error; } });
});

afterAll(async () => {
  await scratch?.dispose();
});

const call = async (cookie: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
  const response = await api.request(path, {
    method,
    headers: { Cookie: cookie, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
};

it('refuses the approval of a draft by whoever wrote it, after a change of role too, and takes that of another disclosure officer', async () => {
  const { db } = scratch.handle;
  const writer = await sessionFor(db, 'letterAuthor');
  const draft = (await call(writer.cookie, 'GET', '/letters')).body.items.find((letter: { status: string; referenceDate: string }) => letter.status === 'draft');
  const edited = await call(writer.cookie, 'PATCH', `/letters/${draft.id}`, { signatoryName: 'R. Brekelmans' }, { 'If-Match': `"${draft.version}"` });
  expect(edited.status).toBe(200);

  // The writer's account becomes a disclosure officer's, and logs in again.
  const account = (await findAccountByUsername(db, writer.username))!;
  const promoted = await updateAccount(db, account.id, { role: 'disclosureOfficer' });
  const { token } = await openSession(db, promoted, true, new Date(), systemContext('test'));
  const asOfficer = `${SESSION_COOKIE}=${token}`;

  const refused = await call(asOfficer, 'POST', `/letters/${draft.id}/approval`, undefined, { 'If-Match': edited.headers.get('ETag')! });
  expect(refused.status).toBe(400);
  expect(refused.body.invalidParams).toEqual([{ name: 'approval', code: 'approvalByWriter', reason: expect.stringContaining('een andere openbaarmakingsfunctionaris') }]);
  const unchanged = await call(asOfficer, 'GET', `/letters/${draft.id}`);
  expect(unchanged.body.approval).toBeNull();
  expect(unchanged.body.version).toBe(edited.body.version);

  const other = apiClient(db, { role: 'disclosureOfficer', api });
  const approved = await other('POST', `/letters/${draft.id}/approval`, undefined, { 'If-Match': edited.headers.get('ETag')! });
  expect(approved.status).toBe(200);
  expect(approved.body.approval.matchesCurrent).toBe(true);
});
