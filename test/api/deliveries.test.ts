import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import { apiClient, type ApiCall } from './client.ts';
import { stockDelivery, procurement } from '../support/deliveries.ts';

describeEachDatabase('deliveries API', (database) => {
  let call: ApiCall;
  let pay: ApiCall;
  beforeAll(() => {
    call = apiClient(database().db, { role: 'registrar' });
    pay = apiClient(database().db, { role: 'finance' });
  });

  const count = async () => (await call('GET', '/deliveries?pageSize=1')).body.total as number;

  it('creates, reads, lists, updates and deletes a delivery', async () => {
    const created = await call('POST', '/deliveries', stockDelivery);
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/deliveries/${created.body.id}`);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.headers.get('api-version')).toMatch(/^\d+\.\d+\.\d+$/);
    expect(created.body).toMatchObject({ ...stockDelivery, stage: 'realised', valueCents: 0, isDemonstration: false });

    const read = await call('GET', `/deliveries/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: created.body.id, version: 1, valuations: [], payments: [] });

    const listed = await call('GET', '/deliveries?q=generator');
    expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([created.body.id]);
    expect(listed.body.isDemonstration).toBe(false);

    const patched = await call('PATCH', `/deliveries/${created.body.id}`, { deliveredAt: '2025-05-01' }, { 'If-Match': '"1"' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ version: 2, stage: 'delivered', deliveredAt: '2025-05-01', title: stockDelivery.title });

    const replaced = await call('PUT', `/deliveries/${created.body.id}`, { ...stockDelivery, title: 'Generatoren 2000' }, { 'If-Match': '"2"' });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ version: 3, title: 'Generatoren 2000', deliveredAt: null });

    const deleted = await call('DELETE', `/deliveries/${created.body.id}`, undefined, { 'If-Match': '"3"' });
    expect(deleted.status).toBe(204);
    expect((await call('GET', `/deliveries/${created.body.id}`)).status).toBe(404);
  });

  it('gives a new delivery, valuation and payment an id of version 7 that begins with the millisecond it was made', async () => {
    const before = Date.now();
    const stock = (await call('POST', '/deliveries', stockDelivery)).body;
    const bought = (await call('POST', '/deliveries', procurement)).body;
    const valuation = (await call('POST', `/deliveries/${stock.id}/valuations`, { amountCents: 100, basis: 'replacementValue', effectiveDate: '2025-04-15' })).body;
    const payment = (await pay('POST', `/deliveries/${bought.id}/payments`, { amountCents: 100, paidOn: '2025-04-15' })).body;
    const after = Date.now();
    for (const { id } of [stock, bought, valuation, payment]) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const madeAt = Number.parseInt(id.replaceAll('-', '').slice(0, 12), 16);
      expect(madeAt).toBeGreaterThanOrEqual(before);
      expect(madeAt).toBeLessThanOrEqual(after);
    }
  });

  it('refuses invalid input with problem+json naming the fields, and stores nothing', async () => {
    const before = await count();
    const response = await call(
      'POST',
      '/deliveries',
      { ...stockDelivery, title: ' ', category: 'spaceships', committedAt: '2025-02-30' },
      { 'Accept-Language': 'en' },
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.body).toMatchObject({ status: 400, title: 'The input is not valid' });
    const names = response.body.invalidParams.map((param: { name: string }) => param.name).sort();
    expect(names).toEqual(['category', 'committedAt', 'title']);
    expect(response.body.invalidParams.find((param: { name: string }) => param.name === 'title').reason).toBe('Fill in this field.');
    expect(await count()).toBe(before);
  });

  it('refuses a lifecycle in the wrong order, in Dutch by default', async () => {
    const before = await count();
    const response = await call('POST', '/deliveries', { ...stockDelivery, committedAt: '2025-05-01', realisedAt: '2025-04-15' });
    expect(response.status).toBe(400);
    expect(response.body.invalidParams).toEqual([
      {
        name: 'realisedAt',
        code: 'beforeEarlierStage',
        reason: 'De datum van realisatie (15 april 2025) ligt vóór die van juridische verplichting (1 mei 2025).',
      },
    ]);
    expect(await count()).toBe(before);
  });

  it('reports wrong fields and a wrong lifecycle order together', async () => {
    const response = await call('POST', '/deliveries', { ...stockDelivery, title: '', committedAt: '2025-05-01', realisedAt: '2025-04-15' });
    expect(response.status).toBe(400);
    expect(response.body.invalidParams.map((param: { name: string; code: string }) => `${param.name} ${param.code}`)).toEqual([
      'title required',
      'realisedAt beforeEarlierStage',
    ]);
  });

  it('refuses a body that is no JSON, or no object, at the body, in the language of the request, and records nothing', async () => {
    const before = await count();
    for (const [body, code] of [['{"title":', 'malformedJson'], ['', 'malformedJson'], ['[1,2]', 'bodyNotObject'], ['null', 'bodyNotObject'], ['"Generatoren"', 'bodyNotObject']]) {
      const dutch = await call('POST', '/deliveries', body, { 'Accept-Language': 'nl' });
      expect(dutch.status).toBe(400);
      expect(dutch.body.invalidParams).toMatchObject([{ name: 'body', code }]);
      expect(dutch.body.invalidParams[0].reason).toMatch(/^De inhoud van het verzoek /);
      const english = await call('POST', '/deliveries', body, { 'Accept-Language': 'en' });
      expect(english.body.invalidParams[0].reason).toMatch(/^The body of the request /);
    }
    expect(await count()).toBe(before);
  });

  it('refuses a body whose bytes are no UTF-8 at the body, where they were stored as replacement characters, and records nothing', async () => {
    const before = await count();
    const latin1 = Buffer.from(JSON.stringify({ ...stockDelivery, title: 'Generatoren voor Oekraïne' }), 'latin1');
    const broken = Buffer.concat([Buffer.from('{"title":"a'), Buffer.from([0xc0, 0xaf, 0xff]), Buffer.from(JSON.stringify(stockDelivery).replace(/^\{"title":"[^"]*/, ''))]);
    for (const body of [latin1, broken]) {
      const refused = await call('POST', '/deliveries', new Uint8Array(body), { 'Accept-Language': 'en' });
      expect(refused.status).toBe(400);
      expect(refused.body.invalidParams).toEqual([{ name: 'body', code: 'bodyNotUtf8', reason: expect.stringMatching(/^The body of the request is not valid UTF-8/) }]);
    }
    expect(await count()).toBe(before);
    // The same text in UTF-8 is taken.
    const taken = await call('POST', '/deliveries', new Uint8Array(Buffer.from(JSON.stringify({ ...stockDelivery, title: 'Generatoren voor Oekraïne' }))));
    expect([taken.status, taken.body.title]).toEqual([201, 'Generatoren voor Oekraïne']);
  });

  it('refuses a body that names a key twice in one object at that key, in Dutch and English, and records nothing', async () => {
    const before = await count();
    const body = JSON.stringify(stockDelivery).replace(/^\{/, '{"title":"Generatoren A",');
    const dutch = await call('POST', '/deliveries', body, { 'Accept-Language': 'nl' });
    expect(dutch.status).toBe(400);
    expect(dutch.body.invalidParams).toEqual([
      { name: 'title', code: 'duplicateKey', reason: '"title" staat meer dan eens in hetzelfde JSON-object; stuur het één keer, met de waarde die u bedoelt.' },
    ]);
    expect(dutch.body.reasonsByLanguage.en).toEqual(['"title" appears more than once in the same JSON object; send it once, with the value you mean.']);
    const nested = await call('POST', '/deliveries', JSON.stringify({ ...stockDelivery, sources: [{ description: 'Kamerbrief', url: 'https://www.rijksoverheid.nl/' }] }).replace('"url":', '"descr\\u0069ption":"Brief","url":'));
    expect(nested.status).toBe(400);
    expect(nested.body.invalidParams).toMatchObject([{ name: 'sources.0.description', code: 'duplicateKey' }]);
    expect(await count()).toBe(before);

    const created = (await call('POST', '/deliveries', stockDelivery)).body;
    const valuation = await call('POST', `/deliveries/${created.id}/valuations`, '{"amountCents":100000000,"basis":"replacementValue","effectiveDate":"2025-04-15","amountCents":1}');
    expect(valuation.status).toBe(400);
    expect(valuation.body.invalidParams).toMatchObject([{ name: 'amountCents', code: 'duplicateKey' }]);
    expect((await call('GET', `/deliveries/${created.id}`)).body.valuations).toEqual([]);
  });

  it('refuses another support type while the delivery holds a valuation at a basis that type is not valued at, and changes nothing', async () => {
    const created = (await call('POST', '/deliveries', stockDelivery)).body;
    expect((await call('POST', `/deliveries/${created.id}/valuations`, { amountCents: 1_000_000_00, basis: 'replacementValue', effectiveDate: '2025-04-15' })).status).toBe(201);
    const { headers } = await call('GET', `/deliveries/${created.id}`);
    const refused = await call('PATCH', `/deliveries/${created.id}`, { supportType: 'procurement', realisedAt: null }, { 'If-Match': headers.get('ETag')!, 'Accept-Language': 'en' });
    expect(refused.status).toBe(400);
    expect(refused.body.invalidParams).toEqual([
      {
        name: 'supportType',
        code: 'valuedAtOtherBasis',
        reason: 'This delivery has a valuation at replacement value, which a delivery of the type "Commercial procurement" is not valued at; withdraw that valuation first, or keep the type.',
      },
    ]);
    const after = await call('GET', `/deliveries/${created.id}`);
    expect(after.headers.get('ETag')).toBe(headers.get('ETag'));
    expect(after.body.supportType).toBe('stock');
  });

  it('refuses fields it does not know, rather than ignoring them', async () => {
    const before = await count();
    const response = await call('POST', '/deliveries', { ...stockDelivery, realizedAt: '2025-04-15', sources: [{ description: 'Brief', link: 'x' }] });
    expect(response.status).toBe(400);
    expect(response.body.invalidParams.map((param: { name: string; code: string }) => `${param.name} ${param.code}`).sort()).toEqual([
      'realizedAt unknownField',
      'sources.0.link unknownField',
    ]);
    expect(await count()).toBe(before);
    const created = (await call('POST', '/deliveries', stockDelivery)).body;
    const patched = await call('PATCH', `/deliveries/${created.id}`, { isDemonstration: true }, { 'If-Match': '"1"' });
    expect(patched.status).toBe(400);
    expect(patched.body.invalidParams).toMatchObject([{ name: 'isDemonstration', code: 'unknownField' }]);
  });

  it('refuses a body larger than it will ever need', async () => {
    const response = await call('POST', '/deliveries', { ...stockDelivery, description: 'x'.repeat(2 * 1024 * 1024) });
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });

  it('refuses a body that is not JSON', async () => {
    const response = await call('POST', '/deliveries', '{"title": ', { 'Content-Type': 'application/json' });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });

  it('answers 404 for unknown and malformed ids', async () => {
    const ifMatch = { 'If-Match': '"1"' };
    for (const id of ['7d9f6f3e-1111-4222-8333-944444444444', 'does-not-exist']) {
      for (const [client, method, path, body, headers] of [
        [call, 'GET', `/deliveries/${id}`, undefined, {}],
        [call, 'PATCH', `/deliveries/${id}`, { title: 'x' }, ifMatch],
        [call, 'DELETE', `/deliveries/${id}`, undefined, ifMatch],
        [call, 'POST', `/deliveries/${id}/valuations`, { amountCents: 100, basis: 'replacementValue', effectiveDate: '2025-01-01' }, {}],
        [pay, 'POST', `/deliveries/${id}/payments`, { amountCents: 100, paidOn: '2025-01-01' }, {}],
      ] as const) {
        const response = await client(method, path, body, headers);
        expect(response.status, `${method} ${path}`).toBe(404);
        expect(response.headers.get('content-type')).toBe('application/problem+json');
      }
    }
  });

  it('refuses a change based on a stale version with 412', async () => {
    const created = await call('POST', '/deliveries', stockDelivery);
    const first = await call('PATCH', `/deliveries/${created.body.id}`, { title: 'Eerste' }, { 'If-Match': '"1"' });
    expect(first.status).toBe(200);
    const second = await call('PATCH', `/deliveries/${created.body.id}`, { title: 'Tweede' }, { 'If-Match': '"1"' });
    expect(second.status).toBe(412);
    expect(second.headers.get('etag')).toBe('"2"');
    expect((await call('GET', `/deliveries/${created.body.id}`)).body.title).toBe('Eerste');
  });

  it('writes nothing for a change that leaves every field as it is: the version stays and nothing is audited', async () => {
    const created = (await call('POST', '/deliveries', { ...stockDelivery, sources: [{ description: 'Kamerbrief', url: 'https://www.rijksoverheid.nl/' }] })).body;
    const { db } = database();
    const events = async () => Number((await db.selectFrom('auditEvent').select((eb) => eb.fn.countAll<string>().as('n')).where('objectId', '=', created.id).executeTakeFirstOrThrow()).n);
    const before = await events();
    const unchanged = [
      await call('PATCH', `/deliveries/${created.id}`, {}, { 'If-Match': '"1"' }),
      await call('PATCH', `/deliveries/${created.id}`, { title: created.title, quantity: created.quantity, sources: created.sources }, { 'If-Match': '"1"' }),
    ];
    expect(unchanged.map((response) => [response.status, response.headers.get('etag'), response.body.version])).toEqual([[200, '"1"', 1], [200, '"1"', 1]]);
    expect(await events()).toBe(before);
    expect((await call('PATCH', `/deliveries/${created.id}`, {}, { 'If-Match': '"2"' })).status).toBe(412);
    const changed = await call('PATCH', `/deliveries/${created.id}`, { title: created.title, quantity: created.quantity + 1 }, { 'If-Match': '"1"' });
    expect([changed.status, changed.headers.get('etag'), await events()]).toEqual([200, '"2"', before + 1]);
  });

  it('lets exactly one of two racing changes on the same version through', async () => {
    const created = await call('POST', '/deliveries', stockDelivery);
    const racing = await Promise.all(
      ['Eerste', 'Tweede'].map((title) => call('PATCH', `/deliveries/${created.body.id}`, { title }, { 'If-Match': '"1"' })),
    );
    expect(racing.map((response) => response.status).sort()).toEqual([200, 412]);
    const winner = racing.find((response) => response.status === 200)!.body.title;
    expect((await call('GET', `/deliveries/${created.body.id}`)).body).toMatchObject({ title: winner, version: 2 });
  });

  it('keeps the history of valuations and realises procurement by its payments', async () => {
    const stock = (await call('POST', '/deliveries', stockDelivery)).body;
    await call('POST', `/deliveries/${stock.id}/valuations`, { amountCents: 1_000_00, basis: 'replacementValue', effectiveDate: '2025-04-15' });
    await call('POST', `/deliveries/${stock.id}/valuations`, { amountCents: 1_250_00, basis: 'replacementValue', effectiveDate: '2025-07-01' });
    const valued = (await call('GET', `/deliveries/${stock.id}`)).body;
    expect(valued.valuations.map((valuation: { amountCents: number }) => valuation.amountCents)).toEqual([1_000_00, 1_250_00]);
    expect(valued.valueCents).toBe(1_250_00);
    expect(valued.version).toBe(3);
    const basedOnTheFirstVersion = await call('PATCH', `/deliveries/${stock.id}`, { title: 'Verouderd' }, { 'If-Match': '"1"' });
    expect(basedOnTheFirstVersion.status).toBe(412);

    const bought = (await call('POST', '/deliveries', procurement)).body;
    expect(bought.realisedAt).toBeNull();
    const early = await pay('POST', `/deliveries/${bought.id}/payments`, { amountCents: 500, paidOn: '2025-02-01' });
    expect(early.status).toBe(400);
    expect(early.body.invalidParams[0].name).toBe('paidOn');
    expect((await pay('POST', `/deliveries/${bought.id}/payments`, { amountCents: 300_00, paidOn: '2025-06-01' })).status).toBe(201);
    expect((await pay('POST', `/deliveries/${bought.id}/payments`, { amountCents: 200_00, paidOn: '2025-04-01' })).status).toBe(201);
    const paid = (await call('GET', `/deliveries/${bought.id}`)).body;
    expect(paid).toMatchObject({ realisedAt: '2025-04-01', stage: 'realised', valueCents: 500_00 });

    const onStock = await pay('POST', `/deliveries/${stock.id}/payments`, { amountCents: 100, paidOn: '2025-06-01' });
    expect(onStock.status).toBe(400);
    const realisedByHand = await call('PATCH', `/deliveries/${bought.id}`, { realisedAt: '2025-05-01' }, { 'If-Match': `"${paid.version}"` });
    expect(realisedByHand.status).toBe(400);
    expect(realisedByHand.body.invalidParams[0]).toMatchObject({ name: 'realisedAt', code: 'realisedByPayment' });
  });

  it('refuses a valuation dated before the pledge, and a pledge moved after a valuation, saying so in Dutch and English', async () => {
    const stock = (await call('POST', '/deliveries', { ...stockDelivery, pledgedAt: '2025-02-01' })).body;
    const valuation = { amountCents: 1_000_00, basis: 'replacementValue', effectiveDate: '2014-06-01' };
    const early = await call('POST', `/deliveries/${stock.id}/valuations`, valuation, { 'Accept-Language': 'en' });
    expect(early.status).toBe(400);
    expect(early.body.invalidParams).toEqual([
      { name: 'effectiveDate', code: 'beforeEarlierStage', reason: 'The date of valuation (1 June 2014) lies before that of pledge (1 February 2025).' },
    ]);
    expect((await call('GET', `/deliveries/${stock.id}`)).body).toMatchObject({ valuations: [], version: 1 });
    expect((await call('POST', `/deliveries/${stock.id}/valuations`, { ...valuation, effectiveDate: '2025-02-01' })).status).toBe(201);

    const moved = await call('PATCH', `/deliveries/${stock.id}`, { pledgedAt: '2025-02-02' }, { 'If-Match': '"2"' });
    expect(moved.status).toBe(400);
    expect(moved.body.invalidParams).toEqual([
      { name: 'pledgedAt', code: 'beforeEarlierStage', reason: 'De datum van waardering (1 februari 2025) ligt vóór die van toezegging (2 februari 2025).' },
    ]);
    const earlier = await call('PATCH', `/deliveries/${stock.id}`, { pledgedAt: '2025-01-15' }, { 'If-Match': '"2"' });
    expect(earlier.status).toBe(200);
    expect(earlier.body.pledgedAt).toBe('2025-01-15');
  });

  it('searches the title, description, public title, company and contract reference, each on its own', async () => {
    const marker = `Zoektest${Date.now()}`;
    const texts = { title: `${marker}titel`, description: `${marker}omschrijving`, publicTitle: `${marker}publiek`, company: `${marker}bedrijf`, contractReference: `${marker}contract` };
    const created = await call('POST', '/deliveries', { ...procurement, ...texts });
    expect(created.status).toBe(201);
    const found = async (q: string) => (await call('GET', `/deliveries?q=${encodeURIComponent(q)}`)).body.items.map((item: { id: string }) => item.id);
    for (const text of Object.values(texts)) expect(await found(text.toUpperCase())).toEqual([created.body.id]);
    // The end of one text and the start of the next are not one text.
    expect(await found(`titel${marker}omschrijving`)).toEqual([]);
    expect(await found(`bedrijf${marker}contract`)).toEqual([]);
    expect((await call('GET', `/deliveries?q=${encodeURIComponent('titel\u001f')}`)).status).toBe(400);
  });

  it('filters, sorts and pages the list', async () => {
    const marker = `Filtertest ${Date.now()}`;
    for (const [index, realisedAt] of ['2024-01-10', '2024-06-10', '2025-01-10'].entries()) {
      await call('POST', '/deliveries', { ...stockDelivery, title: `${marker} ${index}`, committedAt: null, realisedAt });
    }
    const page = await call('GET', `/deliveries?q=${encodeURIComponent(marker)}&sort=realisedAt&pageSize=2`);
    expect(page.body).toMatchObject({ total: 3, totalIsCapped: false, pageSize: 2, previous: null });
    expect(page.body.items.map((item: { realisedAt: string }) => item.realisedAt)).toEqual(['2024-01-10', '2024-06-10']);
    const second = await call('GET', `/deliveries?q=${encodeURIComponent(marker)}&sort=realisedAt&pageSize=2&after=${page.body.next}`);
    expect(second.body.items.map((item: { realisedAt: string }) => item.realisedAt)).toEqual(['2025-01-10']);
    expect(second.body).toMatchObject({ total: 3, next: null });
    const ranged = await call('GET', `/deliveries?q=${encodeURIComponent(marker)}&realisedFrom=2024-02-01&realisedTo=2024-12-31`);
    expect(ranged.body.items.map((item: { realisedAt: string }) => item.realisedAt)).toEqual(['2024-06-10']);
    const wildcard = await call('GET', '/deliveries?q=%25');
    expect(wildcard.body.total).toBe(0);
    const badSort = await call('GET', '/deliveries?sort=password');
    expect(badSort.status).toBe(400);
    expect(badSort.body.invalidParams[0].name).toBe('sort');
  });

  it('lists the support of the Netherlands without the work for the EU as implementing actor, or that work alone, and counts each apart', async () => {
    const marker = `Uitvoerdertest ${Date.now()}`;
    const dutch = await call('POST', '/deliveries', { ...procurement, title: `${marker} eigen` });
    const forTheEu = await call('POST', '/deliveries', { ...procurement, title: `${marker} EU`, fundingSource: 'epf' });
    const listed = async (filter: string) => {
      const { body } = await call('GET', `/deliveries?q=${encodeURIComponent(marker)}&sort=title${filter}`);
      return { ids: body.items.map((item: { id: string }) => item.id), total: body.total };
    };
    expect(await listed('')).toEqual({ ids: [forTheEu.body.id, dutch.body.id], total: 2 });
    expect(await listed('&implementingActorWork=false')).toEqual({ ids: [dutch.body.id], total: 1 });
    expect(await listed('&implementingActorWork=true')).toEqual({ ids: [forTheEu.body.id], total: 1 });
    const refused = await call('GET', '/deliveries?implementingActorWork=nee');
    expect(refused.status).toBe(400);
    expect(refused.body.invalidParams[0].name).toBe('implementingActorWork');
  });
});
