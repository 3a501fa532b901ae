/**
 * Who approves a letter, and when. Four eyes: the disclosure officer's approval is a second person's
 * decision, so whoever wrote the draft (started, changed or submitted it) cannot approve it, also not once
 * their account was given the disclosure officer's role; another disclosure officer can. And the cycle is
 * submit, then approve: a draft not submitted, or whose submission was withdrawn, is not approved.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApi } from '../../src/api/app.ts';
import { systemContext } from '../../src/audit/trail.ts';
import { openSession } from '../../src/auth/sessions.ts';
import { SESSION_COOKIE } from '../../src/api/access.ts';
import { findAccountByUsername, updateAccount } from '../../src/db/repositories/accounts.ts';
import { apiClient } from '../api/client.ts';
import { openScratchPGlite, type ScratchDatabase } from '../support/scratch-database.ts';
import { sessionFor } from '../support/sessions.ts';
import { SIGNED } from '../support/letters.ts';
import { submitAndApprove } from '../../src/register/letter-review.ts';
import { createDraft, finalise } from '../../src/register/letters.ts';

let scratch: ScratchDatabase;
let api: ReturnType<typeof createApi>;

beforeAll(async () => {
  scratch = await openScratchPGlite({ demonstration: true });
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
  const submitted = await call(writer.cookie, 'POST', `/letters/${draft.id}/submission`, undefined, { 'If-Match': edited.headers.get('ETag')! });
  expect(submitted.status).toBe(200);

  // The writer's account becomes a disclosure officer's, and logs in again.
  const account = (await findAccountByUsername(db, writer.username))!;
  const promoted = await updateAccount(db, account.id, { role: 'disclosureOfficer' });
  const { token } = await openSession(db, promoted, true, new Date(), systemContext('test'));
  const asOfficer = `${SESSION_COOKIE}=${token}`;

  const refused = await call(asOfficer, 'POST', `/letters/${draft.id}/approval`, undefined, { 'If-Match': submitted.headers.get('ETag')! });
  expect(refused.status).toBe(400);
  expect(refused.body.invalidParams).toEqual([{ name: 'approval', code: 'approvalByWriter', reason: expect.stringContaining('een andere openbaarmakingsfunctionaris') }]);
  const unchanged = await call(asOfficer, 'GET', `/letters/${draft.id}`);
  expect(unchanged.body.approval).toBeNull();
  // The letter says so to whoever reads it, so that the page offers the approval only to who may give it.
  expect(unchanged.body.approvalRefusal).toBe('approvalByWriter');
  expect((await apiClient(db, { role: 'letterAuthor', api })('GET', `/letters/${draft.id}`)).body.approvalRefusal).toBe('notDisclosureOfficer');
  expect(unchanged.body.version).toBe(submitted.body.version);

  const other = apiClient(db, { role: 'disclosureOfficer', api });
  expect((await other('GET', `/letters/${draft.id}`)).body.approvalRefusal).toBeNull();
  const approved = await other('POST', `/letters/${draft.id}/approval`, undefined, { 'If-Match': submitted.headers.get('ETag')! });
  expect(approved.status).toBe(200);
  expect(approved.body.approval.matchesCurrent).toBe(true);
});

it('refuses the approval of a draft never submitted, or whose submission its author withdrew, changing nothing', async () => {
  const { db } = scratch.handle;
  const author = apiClient(db, { role: 'letterAuthor', api });
  const officer = apiClient(db, { role: 'disclosureOfficer', api });
  const draft = await author('POST', '/letters', { referenceDate: '2025-12-31', letterDate: '2026-01-12' });
  expect(draft.status).toBe(201);
  const refusedAt = async (etag: string) => {
    const refused = await officer('POST', `/letters/${draft.body.id}/approval`, undefined, { 'If-Match': etag, 'Accept-Language': 'en' });
    expect(refused.status).toBe(400);
    expect(refused.body.invalidParams).toEqual([{ name: 'status', code: 'notSubmitted', reason: 'This letter has not been submitted for approval.' }]);
    const unchanged = await author('GET', `/letters/${draft.body.id}`);
    expect([unchanged.body.approval, unchanged.headers.get('ETag')]).toEqual([null, etag]);
    expect((await officer('GET', `/letters/${draft.body.id}`)).body.approvalRefusal).toBe('notSubmitted');
    expect(unchanged.body.reviews.map((review: { action: string }) => review.action)).not.toContain('approve');
  };
  await refusedAt(draft.headers.get('ETag')!);

  const submitted = await author('POST', `/letters/${draft.body.id}/submission`, undefined, { 'If-Match': draft.headers.get('ETag')! });
  const withdrawn = await author('DELETE', `/letters/${draft.body.id}/submission`, undefined, { 'If-Match': submitted.headers.get('ETag')! });
  expect(withdrawn.status).toBe(200);
  await refusedAt(withdrawn.headers.get('ETag')!);

  const again = await author('POST', `/letters/${draft.body.id}/submission`, undefined, { 'If-Match': withdrawn.headers.get('ETag')! });
  const approved = await officer('POST', `/letters/${draft.body.id}/approval`, undefined, { 'If-Match': again.headers.get('ETag')! });
  expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  expect(approved.body.approvalRefusal).toBeNull();

  // A second approval of the same text is refused, and changes nothing: no new version, review or audit event.
  const approvals = () => scratch.handle.db.selectFrom('auditEvent').select('seq').where('action', '=', 'letter.approve').where('objectId', '=', draft.body.id).execute();
  expect(await approvals()).toHaveLength(1);
  const twice = await officer('POST', `/letters/${draft.body.id}/approval`, undefined, { 'If-Match': approved.headers.get('ETag')!, 'Accept-Language': 'en' });
  expect(twice.status).toBe(400);
  expect(twice.body.invalidParams).toEqual([{ name: 'approval', code: 'alreadyApproved', reason: 'This letter has been approved as it reads now already; a second approval adds nothing.' }]);
  const after = await author('GET', `/letters/${draft.body.id}`);
  expect([after.headers.get('ETag'), after.body.reviews.filter((review: { action: string }) => review.action === 'approve').length]).toEqual([approved.headers.get('ETag'), 1]);
  expect(await approvals()).toHaveLength(1);
});

it('says to the disclosure officer that a draft behind a final letter can no longer be approved, and refuses to submit it again', async () => {
  const { db } = scratch.handle;
  const author = apiClient(db, { role: 'letterAuthor', api });
  const officer = apiClient(db, { role: 'disclosureOfficer', api });
  const behind = await author('POST', '/letters', { referenceDate: '2025-05-31', letterDate: '2025-06-10' });
  const submitted = await author('POST', `/letters/${behind.body.id}/submission`, undefined, { 'If-Match': behind.headers.get('ETag')! });
  expect(submitted.status).toBe(200);
  // A later letter is finalised while the draft waits for its approval.
  const later = await createDraft(db, systemContext('test'), { ...SIGNED, referenceDate: '2025-07-31', letterDate: '2025-08-05' });
  await finalise(db, systemContext('test'), later.id, (await submitAndApprove(db, systemContext('test'), later.id, later.version)).version);

  expect((await officer('GET', `/letters/${behind.body.id}`)).body.approvalRefusal).toBe('laterLetterIsFinal');
  const withdrawn = await author('DELETE', `/letters/${behind.body.id}/submission`, undefined, { 'If-Match': submitted.headers.get('ETag')! });
  const again = await author('POST', `/letters/${behind.body.id}/submission`, undefined, { 'If-Match': withdrawn.headers.get('ETag')!, 'Accept-Language': 'en' });
  expect([again.status, again.body.invalidParams]).toEqual([400, [{ name: 'referenceDate', code: 'laterLetterIsFinal', reason: 'A letter with a later reference date is final already; letters follow each other in time.' }]]);
  expect((await author('GET', `/letters/${behind.body.id}`)).headers.get('ETag')).toBe(withdrawn.headers.get('ETag'));
});
