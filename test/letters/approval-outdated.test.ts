/**
 * A draft approved as it read, and then the register changes underneath it: the approval no longer holds,
 * so the draft waits for the disclosure officer's approval again, and no longer for its author to finalise
 * it (finalising is refused until it is approved anew).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApi } from '../../src/api/app.ts';
import { apiClient, type ApiCall } from '../api/client.ts';
import { openScratchPGlite, type ScratchDatabase } from '../support/scratch-database.ts';

/** A confidential aggregate of the demonstration, stock realised before 31 August 2025. */
const STOCK_DELIVERY = 'eb51ab98-09d6-4275-b358-644a2cc992ed';

let scratch: ScratchDatabase;
let author: ApiCall;
let officer: ApiCall;
let registrar: ApiCall;

beforeAll(async () => {
  scratch = await openScratchPGlite({ demonstration: true });
  const api = createApi({ db: scratch.handle.db, onError: (error) => { throw error; } });
  author = apiClient(scratch.handle.db, { role: 'letterAuthor', api });
  officer = apiClient(scratch.handle.db, { role: 'disclosureOfficer', api });
  registrar = apiClient(scratch.handle.db, { role: 'registrar', api });
});

afterAll(async () => {
  await scratch?.dispose();
});

const waiting = async (as: ApiCall) =>
  (await as('GET', '/letters/waiting-for-me')).body.items.map((item: { kind: string; letterId: string }) => [item.kind, item.letterId]);

it('asks for a new approval, not for finalising, once a change in the register changes what the approved draft prints', async () => {
  const draft = (await author('GET', '/letters')).body.items.find((letter: { status: string; referenceDate: string }) => letter.status === 'draft' && letter.referenceDate === '2025-08-31');
  const submitted = await author('POST', `/letters/${draft.id}/submission`, undefined, { 'If-Match': `"${draft.version}"` });
  const approved = await officer('POST', `/letters/${draft.id}/approval`, undefined, { 'If-Match': submitted.headers.get('ETag')! });
  expect(approved.body.approval.matchesCurrent).toBe(true);
  expect(await waiting(author)).toEqual([['finaliseLetter', draft.id]]);
  expect(await waiting(officer)).toEqual([]);

  // €900 mln. more for stock at the reference date: the letter's table prints another total.
  const revalued = await registrar('POST', `/deliveries/${STOCK_DELIVERY}/valuations`, { amountCents: 300_000_000_000, basis: 'replacementValue', effectiveDate: '2025-07-01' });
  expect(revalued.status).toBe(201);
  const changed = await author('GET', `/letters/${draft.id}`);
  expect(changed.body.approval.matchesCurrent).toBe(false);
  expect((await author('POST', `/letters/${draft.id}/finalisation`, {}, { 'If-Match': changed.headers.get('ETag')! })).body.invalidParams[0].code).toBe('changedSinceApproval');
  expect(await waiting(author)).toEqual([]);
  expect(await waiting(officer)).toEqual([['approveLetter', draft.id]]);

  const approvedAgain = await officer('POST', `/letters/${draft.id}/approval`, undefined, { 'If-Match': changed.headers.get('ETag')! });
  expect(approvedAgain.body.approval.matchesCurrent).toBe(true);
  expect(await waiting(author)).toEqual([['finaliseLetter', draft.id]]);
  expect(await waiting(officer)).toEqual([]);
});
