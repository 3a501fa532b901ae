/**
 * A public item's value is a sum, and its date the latest of its deliveries: what the public reads of one
 * delivery's part only through that item. When a delivery leaves an item the public has read (decided
 * confidential, decided public apart, or removed), the sum of the rest beside the sum read before would give
 * the leaver's value, and the rest's date its date: the item withholds its value and keeps its date, and waits
 * in the disclosure queue for a new decision. A decision that would make a value public beside a sum made public
 * before, so that one subtracted from the other tells a value never decided public, is refused.
 */
import { beforeAll, expect, it } from 'vitest';
import { createApi } from '../../src/api/app.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { stockDelivery } from '../support/deliveries.ts';
import { cursorQuery, walkList } from '../support/paging.ts';
import { apiClient, type ApiCall } from './client.ts';

describeEachDatabase('a delivery leaving a public item', (database) => {
  let anonymous: ApiCall;
  let registrar: ApiCall;
  let officer: ApiCall;
  let serial = 0;
  beforeAll(() => {
    const api = createApi({ db: database().db, onError: (error) => { throw error; } });
    anonymous = apiClient(database().db, { api });
    registrar = apiClient(database().db, { role: 'registrar', api });
    officer = apiClient(database().db, { role: 'disclosureOfficer', api });
  });

  const shipment = async (title: string, realisedAt: string, amountCents: number) => {
    const created = await registrar('POST', '/deliveries', { ...stockDelivery, title: `${title} (intern, ${realisedAt})`, quantity: 600, unit: 'paar', realisedAt });
    expect(created.status).toBe(201);
    expect((await registrar('POST', `/deliveries/${created.body.id}/valuations`, { amountCents, basis: 'replacementValue', effectiveDate: realisedAt })).status).toBe(201);
    return created.body.id as string;
  };
  /** Public at once, since a date gone by: open data shows it now, no letter needed. */
  const decidePublic = (deliveryIds: string[], title: string, fields: Record<string, unknown> = {}) =>
    officer('POST', '/disclosure-decisions', { deliveryIds, state: 'public', publicTitle: title, publicCategory: 'nonLethal', publicRealisedDate: 'month', publicValue: true, publicFrom: '2025-07-01', ...fields });
  const shown = async (title: string) => (await anonymous('GET', '/public/deliveries')).body.items.filter((item: { title: string }) => item.title === title);
  const toDecideAgain = async () => ((await officer('GET', '/disclosure-queue')).body.toDecideAgain as { deliveryId: string }[]).map((entry) => entry.deliveryId);
  /** Whether the delivery's decisions say it waits to be decided on again, as its decision page reads them. */
  const waitsToBeDecidedAgain = async (id: string) => {
    const { toDecideAgain, decideAgainReason } = (await officer('GET', `/deliveries/${id}/disclosure-decisions`)).body;
    expect(decideAgainReason).toBe(toDecideAgain ? 'deliveryLeft' : null);
    return toDecideAgain;
  };
  /** X at €300.000 (May) and Y at €320.000 (June), one item of €620.000 shown in June. */
  const twoShown = async () => {
    const title = `Winterlaarzen ${++serial}`;
    const ids = [await shipment(title, '2025-05-02', 30_000_000), await shipment(title, '2025-06-20', 32_000_000)] as const;
    expect((await decidePublic([...ids], title)).status).toBe(201);
    const [item] = await shown(title);
    expect(item).toMatchObject({ valueCents: 62_000_000, realisedOn: '2025-06' });
    return { title, x: ids[0], y: ids[1], item };
  };

  const leaving = {
    'decided confidential': (id: string) => officer('POST', '/disclosure-decisions', { deliveryIds: [id], state: 'confidential', ground: 'operationalSecurity' }),
    'decided public apart, its value kept back': (id: string) => decidePublic([id], `Apart ${id}`, { publicValue: false }),
    removed: async (id: string) => registrar('DELETE', `/deliveries/${id}`, undefined, { 'If-Match': (await registrar('GET', `/deliveries/${id}`)).headers.get('ETag')! }),
  };

  it.each(Object.keys(leaving) as (keyof typeof leaving)[])('withholds the value and keeps the date of the rest once one is %s, and queues the rest for a new decision', async (how) => {
    const { title, x, y, item } = await twoShown();
    expect((await leaving[how](y)).status).toBeLessThan(300);
    // €300.000 beside the €620.000 read before would tell Y's €320.000, and May beside June when Y was realised.
    expect(await shown(title)).toEqual([expect.objectContaining({ publicId: item.publicId, valueCents: null, valueBasis: null, realisedOn: '2025-06' })]);
    expect(await toDecideAgain()).toEqual(expect.arrayContaining([x]));
    expect(await toDecideAgain()).not.toContain(y);
    expect((await officer('GET', '/disclosure-queue')).body.toDecideAgain.find((entry: { deliveryId: string }) => entry.deliveryId === x).reason).toBe('deliveryLeft');
    if (how !== 'removed') expect(await waitsToBeDecidedAgain(y)).toBe(false);
    expect(await waitsToBeDecidedAgain(x)).toBe(true);
  });

  it.each(Object.keys(leaving) as (keyof typeof leaving)[])('keeps the date it showed once one is %s, when money of the rest is withdrawn after', async (how) => {
    const { title, x, y, item } = await twoShown();
    expect((await leaving[how](y)).status).toBeLessThan(300);
    const entered = await registrar('POST', `/deliveries/${x}/valuations`, { amountCents: 31_000_000, basis: 'replacementValue', effectiveDate: '2025-05-02' });
    expect(entered.status).toBe(201);
    expect((await registrar('POST', `/valuations/${entered.body.id}/withdrawal`, { withdrawnOn: '2025-05-02', reason: 'Dubbel ingevoerd' })).status).toBe(201);
    // X's May beside the June read before would tell that Y, gone, was the later one.
    expect(await shown(title)).toEqual([expect.objectContaining({ publicId: item.publicId, valueCents: null, realisedOn: '2025-06' })]);
  });

  it.each(Object.keys(leaving) as (keyof typeof leaving)[])('leaves an item that never gave a value as it showed once one is %s, without queueing the rest', async (how) => {
    const title = `Regenjassen ${++serial}`;
    const [x, y] = [await shipment(title, '2025-05-02', 30_000_000), await shipment(title, '2025-06-20', 32_000_000)];
    expect((await decidePublic([x, y], title, { publicValue: false })).status).toBe(201);
    const [item] = await shown(title);
    expect(item).toMatchObject({ valueCents: null, realisedOn: '2025-06' });
    expect((await leaving[how](y)).status).toBeLessThan(300);
    // No sum was read, so none the rest's could be set beside: nothing to decide again. The date stays as shown.
    expect(await shown(title)).toEqual([expect.objectContaining({ publicId: item.publicId, valueCents: null, realisedOn: '2025-06' })]);
    expect(await toDecideAgain()).not.toContain(x);
    expect(await waitsToBeDecidedAgain(x)).toBe(false);
  });

  it('refuses to make the rest’s value public on its own, which beside the sum would tell the leaver’s, and takes a decision that keeps it back', async () => {
    const { title, x, y, item } = await twoShown();
    expect((await leaving['decided confidential'](y)).status).toBe(201);
    for (const language of ['nl', 'en'] as const) {
      const refused = await officer('POST', '/disclosure-decisions', { deliveryIds: [x], state: 'public', publicTitle: title, publicCategory: 'nonLethal', publicValue: true }, { 'Accept-Language': language });
      expect(refused.status).toBe(400);
      expect(refused.body.invalidParams).toEqual([expect.objectContaining({ name: 'publicValue', code: 'valueTellsAnother', reason: expect.stringContaining('Winterlaarzen') })]);
    }
    expect(await shown(title)).toEqual([expect.objectContaining({ publicId: item.publicId, valueCents: null, realisedOn: '2025-06' })]);
    expect(await toDecideAgain()).toContain(x);

    // Decided again without its value, the rest is the item as now decided, and no longer waits for a decision.
    expect((await decidePublic([x], title, { publicValue: false })).status).toBe(201);
    expect(await shown(title)).toEqual([expect.objectContaining({ valueCents: null, realisedOn: '2025-05' })]);
    expect(await toDecideAgain()).not.toContain(x);
    expect(await waitsToBeDecidedAgain(x)).toBe(false);
    // The leaver's value alone is as much a difference of the sums.
    expect((await decidePublic([y], `Apart ${y}`)).body.invalidParams).toEqual([expect.objectContaining({ code: 'valueTellsAnother' })]);
    // Together again, the deliveries' sum is what was read before: no part of it is told.
    expect((await decidePublic([x, y], title)).status).toBe(201);
    expect(await shown(title)).toEqual([expect.objectContaining({ valueCents: 62_000_000, realisedOn: '2025-06' })]);
  });

  it('refuses to sum a value public alone with one that is not, which the difference would tell, changing nothing', async () => {
    const title = `Slaapzakken ${++serial}`;
    const alone = await shipment(title, '2025-05-02', 30_000_000);
    const other = await shipment(title, '2025-06-20', 32_000_000);
    expect((await decidePublic([alone], title)).status).toBe(201);
    const refused = await officer('POST', '/disclosure-decisions', { deliveryIds: [alone, other], state: 'public', publicTitle: title, publicCategory: 'nonLethal', publicValue: true }, { 'Accept-Language': 'en' });
    expect(refused.status).toBe(400);
    expect(refused.body.invalidParams).toEqual([expect.objectContaining({ name: 'publicValue', code: 'valueTellsAnother', reason: expect.stringContaining(`${title} (intern, 2025-06-20)`) })]);
    expect((await registrar('GET', `/deliveries/${other}`)).body.disclosureState).toBe('undecided');
    expect(await shown(title)).toEqual([expect.objectContaining({ valueCents: 30_000_000 })]);
    // Without the value, or with it where the other's is public too, the two are one item.
    expect((await decidePublic([alone, other], title, { publicValue: false })).status).toBe(201);
    expect(await shown(title)).toEqual([expect.objectContaining({ valueCents: null })]);
  });

  it('pages the deliveries to decide on again on their own cursors, by their item’s public title and then id, with their count', async () => {
    // Two items of one public title, three deliveries each, and one of another: one delivery leaves each.
    const title = `Veldbedden ${++serial}`;
    for (const [publicTitle, count] of [[title, 3], [title, 3], [`${title} (klein)`, 2]] as const) {
      const ids: string[] = [];
      for (let number = 0; number < count; number++) ids.push(await shipment(publicTitle, `2025-05-0${number + 1}`, 10_000_000 + number));
      expect((await decidePublic(ids, publicTitle)).status).toBe(201);
      expect((await leaving['decided confidential'](ids[0]!)).status).toBe(201);
    }
    // Undecided deliveries, more than a page of them, for the undecided list's cursors.
    for (const realisedAt of ['2025-04-01', '2025-04-02']) await shipment(`${title} (onbesloten)`, realisedAt, 1_000_000);
    type Entry = { deliveryId: string; publicTitle: string };
    const queue = async (query: string) => {
      const response = await officer('GET', `/disclosure-queue?pageSize=1&reviewsPageSize=1${query}`);
      expect(response.status, query).toBe(200);
      return response.body;
    };
    const whole = await queue('&decideAgainPageSize=100');
    const entries = whole.toDecideAgain as Entry[];
    expect(entries.filter((entry) => entry.publicTitle.startsWith(title))).toHaveLength(5);
    const inOrder = [...entries].sort((a, b) => (a.publicTitle < b.publicTitle ? -1 : a.publicTitle > b.publicTitle ? 1 : a.deliveryId.localeCompare(b.deliveryId)));
    expect(entries).toEqual(inOrder);
    expect(whole.toDecideAgainPage).toMatchObject({ pageSize: 100, total: entries.length, totalIsCapped: false, next: null, previous: null });
    const walked = await walkList<Entry>(async (cursor) => {
      const body = await queue(`&decideAgainPageSize=2${cursorQuery('decideAgain', cursor)}`);
      expect(body.toDecideAgainPage).toMatchObject({ pageSize: 2, total: entries.length, totalIsCapped: false });
      return { items: body.toDecideAgain, ...body.toDecideAgainPage };
    });
    expect(walked).toEqual(entries);

    // Paging one list leaves the others at their page.
    const first = await queue('&decideAgainPageSize=2');
    const onward = await queue(`&decideAgainPageSize=2&decideAgainAfter=${first.toDecideAgainPage.next}`);
    expect(onward.undecided).toEqual(first.undecided);
    expect(onward.dueForReview).toEqual(first.dueForReview);
    expect((await queue(`&decideAgainPageSize=2&after=${first.undecided.next}`)).toDecideAgain).toEqual(first.toDecideAgain);
    const refused = await officer('GET', `/disclosure-queue?decideAgainAfter=${first.undecided.next}`);
    expect(refused.status).toBe(400);
    expect(refused.body.invalidParams[0].name).toBe('decideAgainAfter');
  });

  it('sums values each public alone, which tells nothing new', async () => {
    const title = `Helmen ${++serial}`;
    const first = await shipment(title, '2025-05-02', 30_000_000);
    const second = await shipment(title, '2025-06-20', 32_000_000);
    expect((await decidePublic([first], `${title} a`)).status).toBe(201);
    expect((await decidePublic([second], `${title} b`)).status).toBe(201);
    expect((await decidePublic([first, second], title)).status).toBe(201);
    expect(await shown(title)).toEqual([expect.objectContaining({ valueCents: 62_000_000 })]);
  });
});
