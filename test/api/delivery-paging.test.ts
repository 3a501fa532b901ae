import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import { apiClient, type ApiCall } from './client.ts';
import { stockDelivery } from '../support/deliveries.ts';
import { LIST_COUNT_CAP } from '../../src/db/keyset.ts';
import { cursorQuery, walkList } from '../support/paging.ts';

const SORTS = ['title', 'supportType', 'category', 'realisedAt', 'committedAt', 'createdAt', 'valueCents'] as const;
const PAGE_SIZE = 4;

interface Item {
  id: string;
  realisedAt: string | null;
}

describeEachDatabase('paging the delivery list by cursor', (database) => {
  let call: ApiCall;
  const marker = `Bladertest ${Date.now()}`;
  const list = (query: string) => call('GET', `/deliveries?q=${encodeURIComponent(marker)}&${query}`);

  beforeAll(async () => {
    call = apiClient(database().db, { role: 'registrar' });
    // Ties on every sort key and undated deliveries, so that the id decides and the undated come last.
    const realised = ['2024-01-10', '2024-01-10', null, '2024-06-10', null, '2024-01-10', '2025-01-10', null, '2024-06-10', '2024-03-01', null];
    for (const [index, realisedAt] of realised.entries()) {
      const title = `${marker} ${index % 3}`;
      const created = await call('POST', '/deliveries', { ...stockDelivery, title, committedAt: realisedAt === null ? null : '2024-01-01', realisedAt });
      expect(created.status).toBe(201);
    }
  });

  /** Walks the whole list by its cursors, one way or the other, and returns the ids in list order. */
  async function walk(sort: string, direction: 'next' | 'previous'): Promise<string[]> {
    const pages: string[][] = [];
    let query = `sort=${sort}&pageSize=${PAGE_SIZE}`;
    if (direction === 'previous') {
      // The last page is reached from the first by paging on; from there, back to the first.
      let page = await list(query);
      while (page.body.next) page = await list(`${query}&after=${page.body.next}`);
      pages.push(page.body.items.map((item: Item) => item.id));
      query = `${query}&before=${page.body.previous}`;
      if (page.body.previous === null) return pages.flat();
    }
    for (;;) {
      const page = await list(query);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(PAGE_SIZE);
      const ids = page.body.items.map((item: Item) => item.id);
      if (direction === 'next') pages.push(ids);
      else pages.unshift(ids);
      const cursor = page.body[direction];
      if (cursor === null) return pages.flat();
      query = `sort=${sort}&pageSize=${PAGE_SIZE}&${direction === 'next' ? 'after' : 'before'}=${cursor}`;
    }
  }

  it('reads every row once, in the order of the whole list, on and back, for every sort', async () => {
    for (const sort of SORTS.flatMap((key) => [key, `-${key}`])) {
      const whole = await list(`sort=${sort}&pageSize=100`);
      const expected = whole.body.items.map((item: Item) => item.id);
      expect(expected).toHaveLength(11);
      expect(await walk(sort, 'next'), sort).toEqual(expected);
      expect(await walk(sort, 'previous'), sort).toEqual(expected);
    }
  });

  it('lists undated deliveries last in both directions', async () => {
    for (const sort of ['realisedAt', '-realisedAt']) {
      const whole = await list(`sort=${sort}&pageSize=100`);
      const dates = whole.body.items.map((item: Item) => item.realisedAt);
      expect(dates.slice(-4), sort).toEqual([null, null, null, null]);
      const dated = dates.slice(0, -4);
      expect(dated, sort).toEqual([...dated].sort((a: string, b: string) => (sort.startsWith('-') ? b.localeCompare(a) : a.localeCompare(b))));
    }
  });

  it('refuses a cursor it did not make, one of another sort, and both directions at once', async () => {
    const first = await list('sort=title&pageSize=2');
    const refusals = [
      ['after=not-a-cursor', 'after'],
      [`after=${Buffer.from('{"sort":"title","value":"x","id":"1"}').toString('base64url')}`, 'after'],
      [`after=${Buffer.from('{"sort":"title","value":"x\\u0000","id":"0f8fad5b-d9cb-469f-a165-70867728950e"}').toString('base64url')}`, 'after'],
      [`sort=-valueCents&after=${Buffer.from('{"sort":"-valueCents","value":"1e3","id":"0f8fad5b-d9cb-469f-a165-70867728950e"}').toString('base64url')}`, 'after'],
      [`sort=-title&before=${first.body.next}`, 'before'],
      [`sort=title&after=${first.body.next}&before=${first.body.next}`, 'before'],
    ];
    for (const [query, field] of refusals) {
      const refused = await list(query!);
      expect(refused.status, query).toBe(400);
      expect(refused.body.invalidParams[0].name, query).toBe(field);
    }
  });

  it('pages the disclosure queue by the same cursors', async () => {
    const officer = apiClient(database().db, { role: 'disclosureOfficer' });
    const first = await officer('GET', '/disclosure-queue?referenceDate=2025-08-31&pageSize=3');
    expect(first.status).toBe(200);
    expect(first.body.undecided).toMatchObject({ pageSize: 3, previous: null, totalIsCapped: false });
    const second = await officer('GET', `/disclosure-queue?referenceDate=2025-08-31&pageSize=3&after=${first.body.undecided.next}`);
    const back = await officer('GET', `/disclosure-queue?referenceDate=2025-08-31&pageSize=3&before=${second.body.undecided.previous}`);
    const ids = (page: { body: { undecided: { items: Item[] } } }) => page.body.undecided.items.map((item) => item.id);
    expect(ids(second).filter((id) => ids(first).includes(id))).toEqual([]);
    expect(ids(back)).toEqual(ids(first));
    const otherSort = await call('GET', `/deliveries?sort=title&after=${first.body.undecided.next}`);
    expect(otherSort.status).toBe(400);
  });

  it('pages the deliveries due for review on their own cursors, those of one day by id, leaving the undecided at their page', async () => {
    const { db } = database();
    const officer = apiClient(db, { role: 'disclosureOfficer' });
    const reviewOn = ['2026-02-01', '2026-01-01', '2026-02-01', '2026-02-01', '2026-01-01', '2026-03-01', '2026-02-01'];
    const deliveries = reviewOn.map((_, number) => ({ ...stockDelivery, id: crypto.randomUUID(), title: `Herbeoordeling ${number}`, description: '', sources: '[]', isDemonstration: false, deletedAt: null }));
    await db.insertInto('delivery').values(deliveries).execute();
    const decision = { state: 'confidential', publicTitle: null, publicDetail: null, publicCategory: null, publicQuantity: null, ground: 'operationalSecurity', note: '', decidedById: null, decidedByName: 'Test' };
    const decidedAt = new Date().toISOString();
    await db.insertInto('disclosureDecision').values(deliveries.map((delivery, number) => ({ ...decision, id: crypto.randomUUID(), deliveryId: delivery.id, reviewOn: reviewOn[number]!, decidedAt }))).execute();

    type Review = { deliveryId: string; reviewOn: string };
    const queue = async (query: string) => {
      const response = await officer('GET', `/disclosure-queue?referenceDate=2026-12-31&pageSize=3${query}`);
      expect(response.status, query).toBe(200);
      return response.body;
    };
    const whole = (await queue('&reviewsPageSize=100')).dueForReview as Review[];
    const expected = deliveries.map((delivery, number) => ({ deliveryId: delivery.id, reviewOn: reviewOn[number]! }));
    expected.sort((a, b) => a.reviewOn.localeCompare(b.reviewOn) || a.deliveryId.localeCompare(b.deliveryId));
    expect(whole.map(({ deliveryId, reviewOn }) => ({ deliveryId, reviewOn }))).toEqual(expected);
    const walked = await walkList<Review>(async (cursor) => {
      const body = await queue(`&reviewsPageSize=2${cursorQuery('reviews', cursor)}`);
      expect(body.dueForReviewPage).toMatchObject({ pageSize: 2, total: reviewOn.length, totalIsCapped: false });
      return { items: body.dueForReview, ...body.dueForReviewPage };
    });
    expect(walked).toEqual(whole);

    const first = await queue('&reviewsPageSize=2');
    const undecidedOnward = await queue(`&reviewsPageSize=2&after=${first.undecided.next}`);
    expect(undecidedOnward.dueForReview).toEqual(first.dueForReview);
    const reviewsOnward = await queue(`&reviewsPageSize=2&reviewsAfter=${first.dueForReviewPage.next}`);
    expect(reviewsOnward.undecided).toEqual(first.undecided);
    expect((await officer('GET', `/disclosure-queue?reviewsAfter=${first.undecided.next}`)).body.invalidParams[0].name).toBe('reviewsAfter');
  });

  it('counts up to the cap and then says there are more', async () => {
    const many = `Veeltest ${Date.now()}`;
    const { db } = database();
    const rows = Array.from({ length: LIST_COUNT_CAP + 1 }, (_, number) => ({ ...stockDelivery, id: crypto.randomUUID(), title: `${many} ${number}`, description: '', sources: '[]', isDemonstration: false, deletedAt: null }));
    await db.insertInto('delivery').values(rows).execute();
    const page = await call('GET', `/deliveries?q=${encodeURIComponent(many)}`);
    expect(page.body).toMatchObject({ total: LIST_COUNT_CAP, totalIsCapped: true });
    const exact = await call('GET', `/deliveries?q=${encodeURIComponent(`${many} 1000`)}`);
    expect(exact.body).toMatchObject({ total: 1, totalIsCapped: false });
  });

  it('counts again after every change: a count it keeps is never given once the register has changed', async () => {
    const total = async (query: string) => (await list(`pageSize=1&${query}`)).body.total as number;
    const before = await total('sort=title');
    expect(await total('sort=-title')).toBe(before);
    const created = await call('POST', '/deliveries', { ...stockDelivery, title: `${marker} erbij`, committedAt: null, realisedAt: null });
    expect(created.status).toBe(201);
    expect(await total('sort=title')).toBe(before + 1);
    const realised = await total('sort=title&realisedTo=2030-12-31');
    const changed = await call('PATCH', `/deliveries/${created.body.id}`, { committedAt: '2024-01-01', realisedAt: '2024-02-01' }, { 'If-Match': created.headers.get('etag')! });
    expect(changed.status).toBe(200);
    expect(await total('sort=title&realisedTo=2030-12-31')).toBe(realised + 1);
    const removed = await call('DELETE', `/deliveries/${created.body.id}`, undefined, { 'If-Match': changed.headers.get('etag')! });
    expect(removed.status).toBe(204);
    expect(await total('sort=title')).toBe(before);
  });
});
