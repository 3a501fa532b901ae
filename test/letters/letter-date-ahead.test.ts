/**
 * A letter is dated the day it goes to the Kamer. A draft may carry any plausible date, but one dated more than
 * 31 days after today is not submitted, approved or finalised: final, a slip such as 2035 for 2025 could not be
 * published until then, nor could any letter after it. A final letter is recorded as sent from its date on.
 */
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import { stockDelivery } from '../support/deliveries.ts';
import { SIGNED } from '../support/letters.ts';
import { accepted, deliveryRecords, recordingRoles, type RecordingRoles } from '../support/recording-roles.ts';

/** Today, 10 September 2025: the last date a letter may carry is 11 October 2025. */
const clock = () => new Date('2025-09-10T08:30:00Z');
const LATEST = '2025-10-11';
const SLIP = '2035-09-10';

describeEachDatabase('a letter dated ahead', (database) => {
  let roles: RecordingRoles;
  let draftId: string;
  const etag = async () => ({ 'If-Match': (await roles.author('GET', `/letters/${draftId}`)).headers.get('ETag')! });
  const refusedAsTooFarAhead = (answer: { status: number; body: any }) => {
    expect(answer.status, JSON.stringify(answer.body)).toBe(400);
    expect(answer.body.invalidParams).toEqual([{ name: 'letterDate', code: 'letterDateTooFarAhead', reason: expect.stringContaining('10 september 2035') }]);
    expect(answer.body.invalidParams[0].reason).toContain('tot en met 11 oktober 2025');
    expect(answer.body.reasonsByLanguage.en).toEqual([expect.stringMatching(/dated .*2035, more than 31 days after today.*on or before .*2025/)]);
  };

  beforeAll(async () => {
    roles = recordingRoles(database().db, clock);
    const { delivery, value } = deliveryRecords(() => roles);
    const spares = await delivery({ ...stockDelivery, title: 'Reservedelen' });
    await value(spares, 100_000_000, '2025-04-15');
    await accepted(roles.disclosure('POST', '/disclosure-decisions', { deliveryIds: [spares], state: 'confidential', ground: 'operationalSecurity' }));
    // A draft may be dated years ahead, as any plan.
    draftId = (await accepted(roles.author('POST', '/letters', { ...SIGNED, referenceDate: '2025-08-31', letterDate: SLIP }))).body.id;
  });

  it('does not submit a draft dated more than 31 days ahead, naming the date and the latest it may carry', async () => {
    refusedAsTooFarAhead(await roles.author('POST', `/letters/${draftId}/submission`, undefined, await etag()));
    expect((await roles.author('GET', `/letters/${draftId}`)).body.submittedAt).toBeNull();
  });

  it('does not approve or finalise a draft redated so far after it was submitted, and takes the last day of the window', async () => {
    await accepted(roles.author('PATCH', `/letters/${draftId}`, { letterDate: '2025-09-12' }, await etag()), 200);
    await accepted(roles.author('POST', `/letters/${draftId}/submission`, undefined, await etag()), 200);
    await accepted(roles.author('PATCH', `/letters/${draftId}`, { letterDate: SLIP }, await etag()), 200);
    refusedAsTooFarAhead(await roles.disclosure('POST', `/letters/${draftId}/approval`, undefined, await etag()));
    await accepted(roles.author('PATCH', `/letters/${draftId}`, { letterDate: LATEST }, await etag()), 200);
    await accepted(roles.disclosure('POST', `/letters/${draftId}/approval`, undefined, await etag()), 200);
    refusedAsTooFarAhead(await roles.author('POST', `/letters/${draftId}/finalisation`, { letterDate: SLIP }, await etag()));
    const final = await accepted(roles.author('POST', `/letters/${draftId}/finalisation`, {}, await etag()), 200);
    expect(final.body).toMatchObject({ status: 'final', letterDate: LATEST });
  });

  it('records a final letter as sent only from its date on', async () => {
    const early = await roles.author('POST', `/letters/${draftId}/sending`, undefined, await etag());
    expect(early.status, JSON.stringify(early.body)).toBe(400);
    expect(early.body.invalidParams).toEqual([{ name: 'letterDate', code: 'letterDateNotReached', reason: expect.stringContaining('11 oktober 2025, na vandaag') }]);
    expect((await roles.author('GET', `/letters/${draftId}`)).body.sentAt).toBeNull();
    const onItsDate = recordingRoles(database().db, () => new Date(`${LATEST}T06:00:00Z`));
    const ifMatch = { 'If-Match': (await onItsDate.author('GET', `/letters/${draftId}`)).headers.get('ETag')! };
    const sent = await accepted(onItsDate.author('POST', `/letters/${draftId}/sending`, undefined, ifMatch), 200);
    expect(sent.body.sentAt).toBe(`${LATEST}T06:00:00.000Z`);
  });
});
