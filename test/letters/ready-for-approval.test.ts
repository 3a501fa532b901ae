/**
 * A draft is submitted for approval only once it has what its author alone can give it (a letter date,
 * text, figures its text can name): a disclosure officer cannot add those, so a draft without them would
 * wait on them for an approval that is refused. What is the disclosure officer's to do first (decide on
 * the deliveries the letter counts) does not hold the submission back, and the letter tells them.
 */
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import { stockDelivery } from '../support/deliveries.ts';
import { accepted, deliveryRecords, recordingRoles, type RecordingRoles } from '../support/recording-roles.ts';
import { SIGNED } from '../support/letters.ts';

describeEachDatabase('what a draft needs before it is submitted', (database) => {
  let roles: RecordingRoles;
  beforeAll(() => {
    roles = recordingRoles(database().db);
  });

  it('refuses to submit a draft without a letter date or naming an unknown figure, changing nothing, and submits it once its author put that right', async () => {
    const { author, disclosure } = roles;
    const draft = await accepted(author('POST', '/letters', { ...SIGNED, referenceDate: '2025-11-30' }));
    const id = draft.body.id;
    const refusedAt = async (etag: string) => {
      const refused = await author('POST', `/letters/${id}/submission`, undefined, { 'If-Match': etag, 'Accept-Language': 'en' });
      expect(refused.status).toBe(400);
      const unchanged = await author('GET', `/letters/${id}`);
      expect([unchanged.headers.get('ETag'), unchanged.body.submittedAt, unchanged.body.reviews]).toEqual([etag, null, []]);
      expect((await disclosure('GET', '/letters/waiting-for-me')).body.items).toEqual([]);
      return refused.body.invalidParams.map((param: { name: string; code: string }) => [param.name, param.code]);
    };
    expect(await refusedAt(draft.headers.get('ETag')!)).toEqual([['letterDate', 'required']]);

    const dated = await accepted(author('PATCH', `/letters/${id}`, { letterDate: '2025-12-05' }, { 'If-Match': draft.headers.get('ETag')! }), 200);
    const blocks = [...dated.body.blocks, { key: 'extra', heading: 'Extra', text: 'Zie {{nonsense}}.' }];
    const unknown = await accepted(author('PATCH', `/letters/${id}`, { blocks }, { 'If-Match': dated.headers.get('ETag')! }), 200);
    expect(await refusedAt(unknown.headers.get('ETag')!)).toEqual([['blocks', 'unknownFigure']]);

    const repaired = await accepted(author('PATCH', `/letters/${id}`, { blocks: dated.body.blocks }, { 'If-Match': unknown.headers.get('ETag')! }), 200);
    const submitted = await accepted(author('POST', `/letters/${id}/submission`, undefined, { 'If-Match': repaired.headers.get('ETag')! }), 200);
    const approved = await accepted(disclosure('POST', `/letters/${id}/approval`, undefined, { 'If-Match': submitted.headers.get('ETag')! }), 200);
    expect(approved.body.approval.matchesCurrent).toBe(true);
  });

  it('takes the submission of a draft whose deliveries wait for a disclosure decision, and tells the disclosure officer that is why they cannot approve it yet', async () => {
    const { author, disclosure } = roles;
    const { delivery, value } = deliveryRecords(() => roles);
    const tents = await delivery({ ...stockDelivery, title: 'Tenten', committedAt: '2025-12-01', realisedAt: '2025-12-15' });
    await value(tents, 50_000_000, '2025-12-15');
    const draft = await accepted(author('POST', '/letters', { ...SIGNED, referenceDate: '2025-12-31', letterDate: '2026-01-12' }));
    const submitted = await accepted(author('POST', `/letters/${draft.body.id}/submission`, undefined, { 'If-Match': draft.headers.get('ETag')! }), 200);
    expect((await disclosure('GET', `/letters/${draft.body.id}`)).body.approvalRefusal).toBe('undecidedDeliveries');
    const refused = await disclosure('POST', `/letters/${draft.body.id}/approval`, undefined, { 'If-Match': submitted.headers.get('ETag')!, 'Accept-Language': 'en' });
    expect(refused.status).toBe(400);
    expect(refused.body.invalidParams).toEqual([{ name: 'referenceDate', code: 'undecidedDeliveries', reason: expect.stringMatching(/^1 delivery realised or claimed on the EPF by the reference date has no disclosure decision yet/) }]);
    expect((await author('GET', `/letters/${draft.body.id}`)).body).toMatchObject({ approval: null, version: submitted.body.version });

    await accepted(disclosure('POST', '/disclosure-decisions', { deliveryIds: [tents], state: 'confidential', ground: 'operationalSecurity' }));
    expect((await disclosure('GET', `/letters/${draft.body.id}`)).body.approvalRefusal).toBeNull();
    await accepted(disclosure('POST', `/letters/${draft.body.id}/approval`, undefined, { 'If-Match': submitted.headers.get('ETag')! }), 200);
  });
});
