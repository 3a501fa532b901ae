/**
 * A letter names the letter before it with its date ("dd. 10 september 2025") and compares with it, so it is
 * not dated before that letter: not when it is drafted or redated, nor when the letter before it became final
 * only after it was dated.
 */
import { beforeAll, expect, it } from 'vitest';
import type { ApiCall } from '../api/client.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { stockDelivery } from '../support/deliveries.ts';
import { accepted, deliveryRecords, recordingRoles } from '../support/recording-roles.ts';
import { submitAndApprove, SIGNED } from '../support/letters.ts';

describeEachDatabase('the date of a letter after another', (database) => {
  let disclosure: ApiCall;
  let author: ApiCall;
  let laterDraft: { id: string; etag: string };
  const refusedAsBeforePrevious = (answer: { status: number; body: any }, date: string) => {
    expect(answer.status, JSON.stringify(answer.body)).toBe(400);
    expect(answer.body.invalidParams).toEqual([expect.objectContaining({ name: 'letterDate', code: 'letterBeforePreviousLetter', reason: expect.stringContaining(date) })]);
  };
  const approve = (id: string, etag: string) => submitAndApprove({ author, disclosure }, id, etag);

  beforeAll(async () => {
    const roles = recordingRoles(database().db);
    ({ disclosure, author } = roles);
    const { delivery, value } = deliveryRecords(() => roles);
    const spares = await delivery({ ...stockDelivery, title: 'Reservedelen', committedAt: '2025-01-15', realisedAt: '2025-02-01' });
    await value(spares, 100_000_000, '2025-02-01');
    await accepted(disclosure('POST', '/disclosure-decisions', { deliveryIds: [spares], state: 'confidential', ground: 'operationalSecurity' }));
    // Drafted and dated first; the letter before it, dated later, becomes final after.
    const later = await accepted(author('POST', '/letters', { ...SIGNED, referenceDate: '2025-06-30', letterDate: '2025-07-10' }));
    const submitted = await accepted(author('POST', `/letters/${later.body.id}/submission`, undefined, { 'If-Match': later.headers.get('ETag')! }), 200);
    laterDraft = { id: later.body.id, etag: submitted.headers.get('ETag')! };
    const earlier = await accepted(author('POST', '/letters', { ...SIGNED, referenceDate: '2025-03-31', letterDate: '2025-08-01' }));
    const approved = await accepted(approve(earlier.body.id, earlier.headers.get('ETag')!), 200);
    await accepted(author('POST', `/letters/${earlier.body.id}/finalisation`, {}, { 'If-Match': approved.headers.get('ETag')! }), 200);
  });

  it('refuses to approve, finalise or submit again a letter dated before the letter it follows', async () => {
    const etag = laterDraft.etag;
    refusedAsBeforePrevious(await disclosure('POST', `/letters/${laterDraft.id}/approval`, undefined, { 'If-Match': etag }), '1 augustus 2025');
    refusedAsBeforePrevious(await author('POST', `/letters/${laterDraft.id}/finalisation`, {}, { 'If-Match': etag }), '1 augustus 2025');
    // Taken back to be redated (below); until then it is not submitted again.
    const withdrawn = await accepted(author('DELETE', `/letters/${laterDraft.id}/submission`, undefined, { 'If-Match': etag }), 200);
    laterDraft.etag = withdrawn.headers.get('ETag')!;
    refusedAsBeforePrevious(await author('POST', `/letters/${laterDraft.id}/submission`, undefined, { 'If-Match': laterDraft.etag }), '1 augustus 2025');
  });

  it('refuses to redate a draft before the letter it follows, and takes the same day', async () => {
    refusedAsBeforePrevious(await author('PATCH', `/letters/${laterDraft.id}`, { letterDate: '2025-07-31' }, { 'If-Match': laterDraft.etag }), '1 augustus 2025');
    const redated = await accepted(author('PATCH', `/letters/${laterDraft.id}`, { letterDate: '2025-08-01' }, { 'If-Match': laterDraft.etag }), 200);
    const approved = await accepted(approve(laterDraft.id, redated.headers.get('ETag')!), 200);
    expect(approved.body.letter.previousLetter).toMatchObject({ referenceDate: '2025-03-31', letterDate: '2025-08-01' });
  });

  it('refuses a new draft dated before the last final letter it would follow', async () => {
    refusedAsBeforePrevious(await author('POST', '/letters', { ...SIGNED, referenceDate: '2025-07-15', letterDate: '2025-07-31' }), '1 augustus 2025');
  });

  it('names every fault of a new draft or a change to one in one answer: a date the schema refuses with the rules on the dates and text that passed it', async () => {
    const faults = (answer: { status: number; body: any }) => [answer.status, answer.body.invalidParams.map((param: any) => `${param.name} ${param.code}`)];
    const created = await author('POST', '/letters', { ...SIGNED, referenceDate: '2099-01-01', letterDate: '1900-01-01' });
    expect(faults(created)).toEqual([400, ['letterDate dateOutOfRange', 'referenceDate dateOutOfRange']]);
    const opening = { key: 'opening', heading: null, text: 'Hierbij informeer ik u.' };
    const changed = await author('PATCH', `/letters/${laterDraft.id}`, { letterDate: '1900-01-01', blocks: [opening, { ...opening, text: 'Nog eens.' }] }, { 'If-Match': laterDraft.etag });
    expect(faults(changed)).toEqual([400, ['letterDate dateOutOfRange', 'blocks.1.key duplicateBlockKey']]);
  });
});
