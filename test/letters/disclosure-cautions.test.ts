/**
 * A letter's table of realised support adds up confidential deliveries too. Where a support type's figure
 * changed since the previous letter by one delivery alone, laying the two letters side by side gives that
 * delivery's value; the disclosure officer reading the draft is told so, without being kept from approving.
 */
import { beforeAll, expect, it } from 'vitest';
import type { ApiCall } from '../api/client.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { procurement, stockDelivery } from '../support/deliveries.ts';
import { submitAndApprove, SIGNED } from '../support/letters.ts';
import { accepted, deliveryRecords, recordingRoles } from '../support/recording-roles.ts';

const PREVIOUS_DATE = '2025-03-31';
const REFERENCE_DATE = '2025-06-30';
const MILLION = 100_000_000; // cents

describeEachDatabase('what a draft discloses of single deliveries', (database) => {
  let registrar: ApiCall;
  let finance: ApiCall;
  let disclosure: ApiCall;
  let author: ApiCall;
  const { delivery, value, pay } = deliveryRecords(() => ({ registrar, finance, disclosure, author }));
  const confidential = (deliveryIds: string[]) => accepted(disclosure('POST', '/disclosure-decisions', { deliveryIds, state: 'confidential', ground: 'operationalSecurity' }));
  const cautionsOf = async (letterId: string) =>
    (await disclosure('GET', `/letters/${letterId}`)).body.disclosureCautions.map((caution: any) => [caution.kind, caution.supportType, caution.since, caution.title, caution.cents]);
  let firstLetterId: string;
  let tents: string;
  let helmets: string;
  let tanks: string;
  let trucks: string;

  beforeAll(async () => {
    ({ registrar, finance, disclosure, author } = recordingRoles(database().db));
    tents = await delivery({ ...stockDelivery, title: 'Tenten', committedAt: '2025-01-15', realisedAt: '2025-02-01' });
    await value(tents, 10 * MILLION, '2025-02-01');
    helmets = await delivery({ ...stockDelivery, title: 'Helmen', committedAt: '2025-01-15', realisedAt: '2025-02-01' });
    await value(helmets, 3 * MILLION, '2025-02-01');
    trucks = await delivery({ ...procurement, title: 'Vrachtwagens', committedAt: '2025-01-15' });
    await pay(trucks, 5 * MILLION, '2025-02-10');
    await confidential([tents, helmets, trucks]);
    firstLetterId = (await accepted(author('POST', '/letters', { ...SIGNED, referenceDate: PREVIOUS_DATE, letterDate: '2025-04-10' }))).body.id;
  });

  it('tells of a first letter each type whose total is one delivery of undisclosed value, and approves it all the same', async () => {
    expect(await cautionsOf(firstLetterId)).toEqual([['total', 'procurement', null, 'Vrachtwagens', 5 * MILLION]]);
    const draft = await author('GET', `/letters/${firstLetterId}`);
    expect(draft.body.disclosureCautions).toBeNull();
    const approved = await accepted(submitAndApprove({ author, disclosure }, firstLetterId, draft.headers.get('ETag')!), 200);
    await accepted(author('POST', `/letters/${firstLetterId}/finalisation`, {}, { 'If-Match': approved.headers.get('ETag')! }), 200);
    expect((await disclosure('GET', `/letters/${firstLetterId}`)).body.disclosureCautions).toBeNull();
  });

  it('tells of a later letter each type whose change since the previous letter is one delivery of undisclosed value', async () => {
    tanks = await delivery({ ...stockDelivery, title: 'Tanks', committedAt: '2025-04-01', realisedAt: '2025-05-01' });
    await value(tanks, 6 * MILLION, '2025-05-01');
    // Procurement changed by two deliveries; a payment after the reference date is not in the letter.
    const radios = await delivery({ ...procurement, title: 'Radio’s', committedAt: '2025-04-01' });
    await pay(radios, 1 * MILLION, '2025-05-10');
    await pay(trucks, 2 * MILLION, '2025-06-10');
    await pay(trucks, 4 * MILLION, '2025-07-10');
    await confidential([tanks, radios]);
    const draft = await accepted(author('POST', '/letters', { ...SIGNED, referenceDate: REFERENCE_DATE, letterDate: '2025-07-10' }));
    expect(await cautionsOf(draft.body.id)).toEqual([['change', 'stock', PREVIOUS_DATE, 'Tanks', 6 * MILLION]]);
  });

  const decidedPublicWithValue = (deliveryId: string, title: string) =>
    accepted(disclosure('POST', '/disclosure-decisions', { deliveryIds: [deliveryId], state: 'public', publicTitle: title, publicCategory: 'nonLethal', publicValue: true }));
  const draftId = async () => {
    const drafts = (await author('GET', '/letters')).body.items.filter((letter: any) => letter.status === 'draft');
    expect(drafts.map((letter: any) => letter.referenceDate)).toEqual([REFERENCE_DATE]);
    return drafts[0].id as string;
  };

  it('no longer tells of a delivery once its value is decided public', async () => {
    await decidedPublicWithValue(tanks, 'Tanks');
    expect(await cautionsOf(await draftId())).toEqual([]);
  });

  it('sets aside a delivery whose public value is its whole part in the change, and tells of the one delivery left', async () => {
    const fund = { ...procurement, supportType: 'natoFund', category: 'nonLethal' };
    const secret = await delivery({ ...fund, title: 'Bijdrage A' });
    await value(secret, 40 * MILLION, '2025-05-10');
    await pay(secret, 40 * MILLION, '2025-05-10');
    const known = await delivery({ ...fund, title: 'Bijdrage B' });
    await value(known, 25 * MILLION, '2025-05-15');
    await pay(known, 25 * MILLION, '2025-05-15');
    await confidential([secret]);
    await decidedPublicWithValue(known, 'Bijdrage B');
    expect(await cautionsOf(await draftId())).toEqual([['change', 'natoFund', PREVIOUS_DATE, 'Bijdrage A', 40 * MILLION]]);
  });

  it('tells of a delivery decided public with a value whose part in the change is another amount', async () => {
    await value(tanks, 8 * MILLION, '2025-06-01');
    expect(await cautionsOf(await draftId())).toEqual([
      ['change', 'stock', PREVIOUS_DATE, 'Tanks', 8 * MILLION],
      ['change', 'natoFund', PREVIOUS_DATE, 'Bijdrage A', 40 * MILLION],
    ]);
  });

  it('tells of a restatement of the previous letter’s figure that one delivery makes alone, and not of one that two make', async () => {
    await value(helmets, 4 * MILLION, '2025-02-15');
    const draft = await draftId();
    expect(await cautionsOf(draft)).toEqual([
      ['change', 'stock', PREVIOUS_DATE, 'Tanks', 8 * MILLION],
      ['restatement', 'stock', PREVIOUS_DATE, 'Helmen', 1 * MILLION],
      ['change', 'natoFund', PREVIOUS_DATE, 'Bijdrage A', 40 * MILLION],
    ]);
    await value(tents, 12 * MILLION, '2025-03-01');
    expect((await cautionsOf(draft)).filter(([kind]: string[]) => kind === 'restatement')).toEqual([]);
  });
});
