/**
 * No lost updates and no double creates: changes need the version they are based on (If-Match), two
 * racing changes of one version give one success and one 412, and a create retried with the same
 * Idempotency-Key creates once and answers the same every time. On PostgreSQL the races are real:
 * the requests run at the same time on separate connections.
 */
import { randomUUID } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { RootOperationNode } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/api/access.ts';
import { createApi } from '../../src/api/app.ts';
import { openSession } from '../../src/auth/sessions.ts';
import { sha256Hex } from '../../src/audit/event.ts';
import { systemContext } from '../../src/audit/trail.ts';
import { insertAccount } from '../../src/db/repositories/accounts.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { apiClient, type ApiCall, type ApiResponse } from './client.ts';
import { stockDelivery as stock, procurement } from '../support/deliveries.ts';

/** Whether a statement writes: an insert, or a query whose WITH queries insert. */
const writes = (node: RootOperationNode): boolean =>
  node.kind === 'InsertQueryNode' || (node.kind === 'SelectQueryNode' && (node.with?.expressions.some((query) => query.expression.kind === 'InsertQueryNode') ?? false));

const COUNTED_TABLES = ['delivery', 'valuation', 'payment', 'account', 'auditEvent', 'idempotentRequest'] as const;

describeEachDatabase('concurrent changes and idempotent creates', (database) => {
  let registrar: ApiCall;
  let finance: ApiCall;
  let administrator: ApiCall;
  beforeAll(async () => {
    registrar = apiClient(database().db, { role: 'registrar' });
    finance = apiClient(database().db, { role: 'finance' });
    administrator = apiClient(database().db, { role: 'administrator' });
    // Each client makes its account at its first call: before any counting starts.
    for (const call of [registrar, finance, administrator]) expect((await call('GET', '/session')).status).toBe(200);
  });

  async function counts(): Promise<Record<(typeof COUNTED_TABLES)[number], number>> {
    const entries = await Promise.all(
      COUNTED_TABLES.map(async (table) => {
        const { count } = await database()
          .db.selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('count'))
          .executeTakeFirstOrThrow();
        return [table, Number(count)] as const;
      }),
    );
    return Object.fromEntries(entries) as Record<(typeof COUNTED_TABLES)[number], number>;
  }

  /** Nothing changed but the audit trail, which recorded each refused request as a failure. */
  async function expectOnlyRefusalsRecorded(before: Awaited<ReturnType<typeof counts>>, refusals: number): Promise<void> {
    expect(await counts()).toEqual({ ...before, auditEvent: before.auditEvent + refusals });
    const recorded = await database().db.selectFrom('auditEvent').select('result').orderBy('seq', 'desc').limit(refusals).execute();
    expect(recorded.map((event) => event.result)).toEqual(Array(refusals).fill('failure'));
  }

  async function created(body: object = stock): Promise<{ id: string; version: number }> {
    const response = await registrar('POST', '/deliveries', body);
    expect(response.status).toBe(201);
    return response.body;
  }

  async function updatesOf(id: string): Promise<number> {
    const rows = await database()
      .db.selectFrom('auditEvent')
      .select('seq')
      .where('objectType', '=', 'delivery')
      .where('objectId', '=', id)
      .where('action', 'in', ['delivery.update', 'delivery.delete'])
      .execute();
    return rows.length;
  }

  it('answers GET with the version as ETag', async () => {
    const delivery = await created();
    const read = await registrar('GET', `/deliveries/${delivery.id}`);
    expect(read.headers.get('etag')).toBe('"1"');
    await registrar('PATCH', `/deliveries/${delivery.id}`, { unit: 'systemen' }, { 'If-Match': '"1"' });
    expect((await registrar('GET', `/deliveries/${delivery.id}`)).headers.get('etag')).toBe('"2"');
  });

  it('refuses PUT, PATCH and DELETE without If-Match with 428, and changes nothing', async () => {
    const delivery = await created();
    const path = `/deliveries/${delivery.id}`;
    const before = await registrar('GET', path);
    const countsBefore = await counts();
    const refusals = [
      await registrar('PUT', path, { ...stock, title: 'Vervangen' }),
      await registrar('PATCH', path, { title: 'Gewijzigd' }),
      await registrar('DELETE', path),
    ];
    for (const refusal of refusals) {
      expect(refusal.status).toBe(428);
      expect(refusal.headers.get('content-type')).toBe('application/problem+json');
      expect(refusal.body.status).toBe(428);
    }
    expect(await registrar('GET', path)).toMatchObject({ status: 200, body: before.body });
    await expectOnlyRefusalsRecorded(countsBefore, refusals.length);
  });

  it('refuses PUT, PATCH and DELETE with a stale If-Match with 412 and the current ETag, and changes nothing', async () => {
    const delivery = await created();
    const path = `/deliveries/${delivery.id}`;
    expect((await registrar('PATCH', path, { title: 'Eerste wijziging' }, { 'If-Match': '"1"' })).status).toBe(200);
    const before = await registrar('GET', path);
    const countsBefore = await counts();
    const refusals = [
      await registrar('PUT', path, { ...stock, title: 'Vervangen' }, { 'If-Match': '"1"' }),
      await registrar('PATCH', path, { title: 'Gewijzigd' }, { 'If-Match': '"1"' }),
      await registrar('DELETE', path, undefined, { 'If-Match': '"1"' }),
      // A version that has not been reached yet is as wrong as an old one.
      await registrar('PATCH', path, { title: 'Uit de toekomst' }, { 'If-Match': '"7"' }),
    ];
    for (const refusal of refusals) {
      expect(refusal.status).toBe(412);
      expect(refusal.headers.get('content-type')).toBe('application/problem+json');
      expect(refusal.headers.get('etag')).toBe('"2"');
    }
    const after = await registrar('GET', path);
    expect(after.body).toEqual(before.body);
    expect(after.body).toMatchObject({ version: 2, title: 'Eerste wijziging' });
    await expectOnlyRefusalsRecorded(countsBefore, refusals.length);
    // With the current ETag the change goes through.
    expect((await registrar('DELETE', path, undefined, { 'If-Match': '"2"' })).status).toBe(204);
  });

  it('never matches a weak ETag: If-Match compares strongly', async () => {
    const delivery = await created();
    const path = `/deliveries/${delivery.id}`;
    const weak = await registrar('PATCH', path, { title: 'Zwak' }, { 'If-Match': 'W/"1"' });
    expect(weak.status).toBe(412);
    expect(weak.headers.get('etag')).toBe('"1"');
    expect((await registrar('GET', path)).body).toMatchObject({ version: 1, title: stock.title });
  });

  it('takes If-Match: * as the object as it is, and a missing object as 404', async () => {
    const delivery = await created();
    const path = `/deliveries/${delivery.id}`;
    expect((await registrar('PATCH', path, { title: 'Eerste' }, { 'If-Match': '"1"' })).status).toBe(200);
    const changed = await registrar('PATCH', path, { title: 'Wat er ook staat' }, { 'If-Match': '*' });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).toBe('"3"');
    expect((await registrar('DELETE', path, undefined, { 'If-Match': '*' })).status).toBe(204);
    expect((await registrar('PATCH', path, { title: 'Weg' }, { 'If-Match': '*' })).status).toBe(404);
  });

  it('goes ahead when any strong ETag in a list of them is current, and gets 412 when none is', async () => {
    const delivery = await created();
    const path = `/deliveries/${delivery.id}`;
    const stale = await registrar('PATCH', path, { title: 'Niet nu' }, { 'If-Match': '"2", "3", W/"1"' });
    expect(stale.status).toBe(412);
    expect(stale.headers.get('etag')).toBe('"1"');
    const changed = await registrar('PATCH', path, { title: 'Een van de twee' }, { 'If-Match': '"7", "1"' });
    expect(changed).toMatchObject({ status: 200, body: { version: 2, title: 'Een van de twee' } });
  });

  it('refuses an If-Match that is not an ETag with 400, saying so of any object, not as the ETag of a delivery', async () => {
    const input = { key: `etag-${randomUUID().slice(0, 8)}`, name: 'Opleiding', hostCountry: 'DE', framework: 'bilateral' };
    const programme = await registrar('POST', '/training-programmes', input);
    expect(programme.status).toBe(201);
    const path = `/training-programmes/${programme.body.id}`;
    for (const [language, reason] of [
      ['nl', 'If-Match moet de ETag bevatten van de versie waarop de wijziging is gebaseerd, zoals "3".'],
      ['en', 'If-Match must hold the ETag of the version the change is based on, such as "3".'],
    ] as const) {
      const refused = await registrar('PUT', path, { ...input, name: 'Gewijzigd' }, { 'If-Match': 'versie 1', 'Accept-Language': language });
      expect(refused.status).toBe(400);
      expect(refused.body.invalidParams).toEqual([{ name: 'If-Match', code: 'invalidIfMatch', reason }]);
    }
  });

  it('forgets a key after a day, and with it the answer it kept', async () => {
    let now = new Date();
    const api = createApi({ db: database().db, clock: () => now, onError: (error) => { throw error; } });
    const account = await insertAccount(database().db, {
      id: randomUUID(), username: `registrar-${randomUUID().slice(0, 8)}`, displayName: '', role: 'registrar',
      passwordHash: null, totpSecret: null, oidcSubject: null,
    });
    const post = async (token: string) => {
      const response = await api.request('/deliveries', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: `${SESSION_COOKIE}=${token}`, 'Idempotency-Key': 'een-dag' },
        body: JSON.stringify(stock),
      });
      return { status: response.status, id: ((await response.json()) as { id: string }).id };
    };
    const first = await post((await openSession(database().db, account, false, now, systemContext('test'))).token);
    now = new Date(now.getTime() + 23 * 60 * 60 * 1000);
    const sameDay = await post((await openSession(database().db, account, false, now, systemContext('test'))).token);
    expect(sameDay).toEqual(first);
    now = new Date(now.getTime() + 2 * 60 * 60 * 1000);
    const nextDay = await post((await openSession(database().db, account, false, now, systemContext('test'))).token);
    expect(nextDay.status).toBe(201);
    expect(nextDay.id).not.toBe(first.id);
  });

  it('removes expired keys with a create at most once a minute, and a key used again after it expired and before it was removed creates anew', async () => {
    const day = 24 * 60 * 60 * 1000;
    // Long after the other creates of this suite, which run at the real time: its first create removes what expired.
    const start = Date.now() + 30 * day;
    let now = new Date(start);
    const api = createApi({ db: database().db, clock: () => now, onError: (error) => { throw error; } });
    const account = await insertAccount(database().db, {
      id: randomUUID(), username: `registrar-${randomUUID().slice(0, 8)}`, displayName: '', role: 'registrar',
      passwordHash: null, totpSecret: null, oidcSubject: null,
    });
    const postAt = async (ms: number, key: string) => {
      now = new Date(start + ms);
      const token = (await openSession(database().db, account, false, now, systemContext('test'))).token;
      const response = await api.request('/deliveries', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: `${SESSION_COOKIE}=${token}`, 'Idempotency-Key': key },
        body: JSON.stringify(stock),
      });
      expect(response.status).toBe(201);
      return ((await response.json()) as { id: string }).id;
    };
    const keysKept = async () =>
      (await database().db.selectFrom('idempotentRequest').select('key').where('accountId', '=', account.id).orderBy('createdAt').execute()).map((row) => row.key);

    await postAt(0, 'a');
    const firstB = await postAt(30_000, 'b');
    await postAt(day + 10_000, 'c');
    expect(await keysKept()).toEqual(['b', 'c']); // a expired and was removed; b had not expired
    await postAt(day + 40_000, 'd');
    expect(await keysKept()).toEqual(['b', 'c', 'd']); // b expired 10 s before, within a minute of the last removal
    const secondB = await postAt(day + 50_000, 'b');
    expect(secondB).not.toBe(firstB);
    expect(await keysKept()).toEqual(['c', 'd', 'b']);
  });

  it('of two PATCHes racing with the same If-Match, exactly one succeeds and the other gets 412', async () => {
    for (let round = 0; round < 5; round += 1) {
      const delivery = await created();
      const path = `/deliveries/${delivery.id}`;
      const titles = [`Eerste ${round}`, `Tweede ${round}`];
      const answers = await Promise.all(titles.map((title) => registrar('PATCH', path, { title }, { 'If-Match': '"1"' })));
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 412]);
      const winner = answers.find((answer) => answer.status === 200)!;
      const loser = answers.find((answer) => answer.status === 412)!;
      expect(loser.headers.get('etag')).toBe('"2"');
      const stored = await registrar('GET', path);
      expect(stored.body).toMatchObject({ version: 2, title: winner.body.title });
      expect(await updatesOf(delivery.id)).toBe(1);
    }
  });

  it('of a PUT, a PATCH and a DELETE racing with the same If-Match, exactly one goes through', async () => {
    for (let round = 0; round < 3; round += 1) {
      const delivery = await created();
      const path = `/deliveries/${delivery.id}`;
      const answers = await Promise.all([
        registrar('PUT', path, { ...stock, title: 'Vervangen' }, { 'If-Match': '"1"' }),
        registrar('PATCH', path, { title: 'Gewijzigd' }, { 'If-Match': '"1"' }),
        registrar('DELETE', path, undefined, { 'If-Match': '"1"' }),
      ]);
      const statuses = answers.map((answer) => answer.status);
      expect(statuses.filter((status) => status === 200 || status === 204)).toHaveLength(1);
      // The losers see a newer version, or (after the delete) no delivery at all.
      for (const status of statuses.filter((status) => status !== 200 && status !== 204)) expect([404, 412]).toContain(status);
      expect(await updatesOf(delivery.id)).toBe(1);
    }
  });

  it('of a removal of a delivery and records naming it made at the same time, never both go through: no record is left naming a removed delivery', async () => {
    for (let round = 0; round < 5; round += 1) {
      const delivery = await created();
      const commitment = { title: `Verplichting ${round}`, fund: stock.fundingSource, budgetYear: 2025, stage: 'pledged', amountCents: 100, effectiveOn: '2025-04-15', deliveryId: delivery.id };
      const programme = { key: `race-${randomUUID()}`, name: 'Training', hostCountry: 'DE', framework: 'bilateral', deliveryIds: [delivery.id] };
      const [removal, committed, trained] = await Promise.all([
        registrar('DELETE', `/deliveries/${delivery.id}`, undefined, { 'If-Match': '"1"' }),
        finance('POST', '/budget/commitments', commitment),
        registrar('POST', '/training-programmes', programme),
      ]);
      if (removal.status === 204) {
        expect([committed.status, trained.status]).toEqual([400, 400]);
      } else {
        expect(removal.body.invalidParams).toEqual([expect.objectContaining({ name: 'id', code: 'namedByRecords' })]);
        expect([committed.status, trained.status]).toContain(201);
      }
    }
  });

  interface CreateRoute {
    name: string;
    call: () => ApiCall;
    table: 'delivery' | 'valuation' | 'payment' | 'account';
    /** The path and two different bodies for it. */
    prepare: () => Promise<{ path: string; body: () => object; other: () => object }>;
  }

  const CREATES: CreateRoute[] = [
    {
      name: 'POST /deliveries',
      call: () => registrar,
      table: 'delivery',
      prepare: async () => ({ path: '/deliveries', body: () => stock, other: () => ({ ...stock, quantity: 9 }) }),
    },
    {
      name: 'POST /deliveries/{id}/valuations',
      call: () => registrar,
      table: 'valuation',
      prepare: async () => {
        const { id } = await created();
        return {
          path: `/deliveries/${id}/valuations`,
          body: () => ({ amountCents: 1_000_000, basis: 'replacementValue', effectiveDate: '2025-04-15' }),
          other: () => ({ amountCents: 2_000_000, basis: 'replacementValue', effectiveDate: '2025-04-15' }),
        };
      },
    },
    {
      name: 'POST /deliveries/{id}/payments',
      call: () => finance,
      table: 'payment',
      prepare: async () => {
        const { id } = await created(procurement);
        return {
          path: `/deliveries/${id}/payments`,
          body: () => ({ amountCents: 500_000, paidOn: '2025-04-01', reference: 'F-1' }),
          other: () => ({ amountCents: 500_000, paidOn: '2025-04-02', reference: 'F-1' }),
        };
      },
    },
    {
      name: 'POST /accounts',
      call: () => administrator,
      table: 'account',
      prepare: async () => {
        const username = `nieuw-${randomUUID().slice(0, 8)}`;
        return {
          path: '/accounts',
          // An auditor gets a TOTP secret: the replay must hand back the same one, not make a new one.
          body: () => ({ username, role: 'auditor', password: 'een lang genoeg wachtwoord' }),
          other: () => ({ username, role: 'finance', password: 'een lang genoeg wachtwoord' }),
        };
      },
    },
  ];

  const same = (answer: ApiResponse) => ({
    status: answer.status,
    body: answer.body,
    location: answer.headers.get('location'),
    etag: answer.headers.get('etag'),
  });

  it.each(CREATES.map((route) => [route.name, route] as const))(
    '%s with an Idempotency-Key: a replay answers the same and creates nothing; another body gets 422',
    async (_name, route) => {
      const call = route.call();
      const { path, body, other } = await route.prepare();
      const key = randomUUID();
      const before = await counts();
      const first = await call('POST', path, body(), { 'Idempotency-Key': key });
      expect(first.status).toBe(201);
      expect(first.headers.get('idempotent-replayed')).toBeNull();
      const afterFirst = await counts();
      expect(afterFirst[route.table]).toBe(before[route.table] + 1);
      expect(afterFirst.idempotentRequest).toBe(before.idempotentRequest + 1);

      const replay = await call('POST', path, body(), { 'Idempotency-Key': key });
      expect(same(replay)).toEqual(same(first));
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      // The same body with its keys in another order is the same request.
      const reordered = Object.fromEntries(Object.entries(body()).reverse());
      expect(same(await call('POST', path, reordered, { 'Idempotency-Key': key }))).toEqual(same(first));
      expect(await counts()).toEqual(afterFirst);

      const misuse = await call('POST', path, other(), { 'Idempotency-Key': key });
      expect(misuse.status).toBe(422);
      expect(misuse.headers.get('content-type')).toBe('application/problem+json');
      expect(misuse.body.code).toBe('idempotencyKeyReused');
      await expectOnlyRefusalsRecorded(afterFirst, 1);
    },
  );

  it('writes a delivery, its audit event and its Idempotency-Key in one statement: the request sends the session check and that statement, and a realised one the read of the latest letter sent before it', async () => {
    // Whether each statement the database runs reads or writes, by the id of its query: a query written inside another is no statement of its own.
    const kinds = new Map<unknown, string>();
    const statements: string[] = [];
    const counting = database().db.withPlugin({
      transformQuery: ({ node, queryId }) => {
        kinds.set(queryId, writes(node) ? 'write' : 'read');
        return node;
      },
      transformResult: async ({ result, queryId }) => {
        statements.push(kinds.get(queryId)!);
        return result;
      },
    });
    const call = apiClient(counting, { role: 'registrar' });
    expect((await call('GET', '/session')).status).toBe(200);
    const before = await counts();
    statements.length = 0;
    const pledged = await call('POST', '/deliveries', { ...stock, realisedAt: undefined }, { 'Idempotency-Key': randomUUID() });
    expect(pledged.status).toBe(201);
    expect(statements).toEqual(['read', 'write']);
    expect(await counts()).toMatchObject({ delivery: before.delivery + 1, auditEvent: before.auditEvent + 1, idempotentRequest: before.idempotentRequest + 1 });
    // Realised, it may add to what a letter sent to parliament counted (sent-letter-period.ts): that letter is read first,
    // and the statement that writes it holds it (delivery-creates.ts).
    statements.length = 0;
    expect((await call('POST', '/deliveries', stock, { 'Idempotency-Key': randomUUID() })).status).toBe(201);
    expect(statements).toEqual(['read', 'read', 'write']);
  });

  it("keeps a new account's answer sealed and its request only as a keyed fingerprint: a copy of the database gives away neither its TOTP secret nor its password", async () => {
    const key = randomUUID();
    const body = { username: `verzegeld-${randomUUID().slice(0, 8)}`, role: 'auditor', password: 'een lang genoeg wachtwoord' };
    const first = await administrator('POST', '/accounts', body, { 'Idempotency-Key': key });
    expect(first.status).toBe(201);
    const kept = await database().db.selectFrom('idempotentRequest').selectAll().where('key', '=', key).executeTakeFirstOrThrow();
    expect(kept.body).not.toContain(first.body.totpSecret);
    expect(kept.body).not.toContain(body.username);
    // A guessed password is not checked against the fingerprint by hashing the request as it was sent.
    expect(kept.fingerprint).not.toBe(sha256Hex(`POST /accounts\n${canonicalize(body)}`));
    // Sealed, it still answers a replay with the same secret.
    expect((await administrator('POST', '/accounts', body, { 'Idempotency-Key': key })).body).toEqual(first.body);
  });

  it('answers 422 to a key used before on another route, and 400 to a key that is not one', async () => {
    const key = randomUUID();
    const delivery = await registrar('POST', '/deliveries', stock, { 'Idempotency-Key': key });
    expect(delivery.status).toBe(201);
    const before = await counts();
    const elsewhere = await registrar(
      'POST',
      `/deliveries/${delivery.body.id}/valuations`,
      { amountCents: 100, basis: 'replacementValue', effectiveDate: '2025-04-15' },
      { 'Idempotency-Key': key },
    );
    expect(elsewhere.status).toBe(422);
    for (const invalid of ['', 'met spaties', 'x'.repeat(256), 'sleutel-é']) {
      const answer = await registrar('POST', '/deliveries', stock, { 'Idempotency-Key': invalid });
      expect(answer.status, JSON.stringify(invalid)).toBe(400);
      expect(answer.body.code).toBe('invalidIdempotencyKey');
    }
    await expectOnlyRefusalsRecorded(before, 5);
  });

  it.each(CREATES.map((route) => [route.name, route] as const))(
    '%s: parallel requests with the same key create exactly one and all get its answer',
    async (_name, route) => {
      const call = route.call();
      const { path, body } = await route.prepare();
      const key = randomUUID();
      const before = await counts();
      const answers = await Promise.all(Array.from({ length: 4 }, () => call('POST', path, body(), { 'Idempotency-Key': key })));
      for (const answer of answers) expect(same(answer)).toEqual(same(answers[0]!));
      expect(answers[0]!.status).toBe(201);
      expect(answers.filter((answer) => answer.headers.get('idempotent-replayed') === null)).toHaveLength(1);
      const after = await counts();
      expect(after[route.table]).toBe(before[route.table] + 1);
      expect(after.idempotentRequest).toBe(before.idempotentRequest + 1);
      expect(after.auditEvent).toBe(before.auditEvent + 1);
    },
  );

  it('keeps keys per account: the same key from two accounts creates twice', async () => {
    const otherRegistrar = apiClient(database().db, { role: 'registrar' });
    await otherRegistrar('GET', '/session');
    const key = randomUUID();
    const before = await counts();
    const mine = await registrar('POST', '/deliveries', stock, { 'Idempotency-Key': key });
    const theirs = await otherRegistrar('POST', '/deliveries', stock, { 'Idempotency-Key': key });
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(theirs.body.id).not.toBe(mine.body.id);
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();
    expect((await counts()).delivery).toBe(before.delivery + 2);
    // Each account's replay gets its own answer.
    expect((await otherRegistrar('POST', '/deliveries', stock, { 'Idempotency-Key': key })).body.id).toBe(theirs.body.id);
    expect((await registrar('POST', '/deliveries', stock, { 'Idempotency-Key': key })).body.id).toBe(mine.body.id);
  });

  it('without an Idempotency-Key, every POST creates', async () => {
    const before = await counts();
    const answers = [await registrar('POST', '/deliveries', stock), await registrar('POST', '/deliveries', stock)];
    expect(answers.map((answer) => answer.status)).toEqual([201, 201]);
    expect(answers[0]!.body.id).not.toBe(answers[1]!.body.id);
    expect((await counts()).delivery).toBe(before.delivery + 2);
  });
});
