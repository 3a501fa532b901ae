/**
 * What protects the API around its routes: refusal of cross-site writes and of non-JSON bodies, the
 * request id in every problem answer, and logs that are JSON, carry the request id, and never hold a
 * password, a second-factor code, a session token or confidential text.
 */
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/api/access.ts';
import { createApi } from '../../src/api/app.ts';
import { MAX_JSON_NESTING } from '../../src/api/nesting-depth.ts';
import { createAccount } from '../../src/auth/accounts.ts';
import { totpCode } from '../../src/auth/totp.ts';
import { systemContext } from '../../src/audit/trail.ts';
import { createLogger } from '../../src/logging.ts';
import { openScratchPGlite, type ScratchDatabase } from '../support/scratch-database.ts';
import { sessionCookieFor } from '../support/sessions.ts';
import { apiClient, type ApiCall } from './client.ts';
import { stockDelivery as stock } from '../support/deliveries.ts';
import { temporaryTotpSecretKey } from '../../src/auth/totp-secret-key.ts';

describe('hardening of the API', () => {
  let scratch: ScratchDatabase;
  let registrar: ApiCall;
  const db = () => scratch.handle.db;

  beforeAll(async () => {
    scratch = await openScratchPGlite();
    registrar = apiClient(db(), { role: 'registrar' });
    expect((await registrar('GET', '/session')).status).toBe(200);
  });
  afterAll(() => scratch?.dispose());

  async function deliveryCount(): Promise<number> {
    const { count } = await db().selectFrom('delivery').select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow();
    return Number(count);
  }

  it('keeps at most 500 characters of a refused request\'s path in the audit trail, so that no request writes kilobytes into it', async () => {
    const anonymous = apiClient(db());
    const long = `/deliveries/${'x'.repeat(10_000)}`;
    for (const request of [() => anonymous('GET', long), () => registrar('PATCH', long, { title: '' })]) {
      const before = await sql<{ seq: number }>`select coalesce(max(seq), 0)::int as seq from audit_event`.execute(db());
      expect((await request()).status).toBeGreaterThanOrEqual(400);
      const [event] = await db().selectFrom('auditEvent').select(['objectId', 'canonical']).where('seq', '>', before.rows[0]!.seq).execute();
      expect(event!.objectId).toBe(`${long.slice(0, 500)}…`);
      expect(event!.canonical.length).toBeLessThan(2_000);
    }
  });

  describe('cross-site request forgery', () => {
    it.each([
      ['Sec-Fetch-Site: cross-site', { 'Sec-Fetch-Site': 'cross-site' }],
      ['Sec-Fetch-Site: same-site (a sibling subdomain)', { 'Sec-Fetch-Site': 'same-site' }],
      ['a foreign Origin', { Origin: 'https://aanvaller.example' }],
      ['an Origin differing only in scheme', { Origin: 'https://localhost' }],
      ['the opaque Origin of a sandboxed page', { Origin: 'null' }],
    ])('refuses a write with %s with 403, and changes nothing', async (_name, headers) => {
      const before = await deliveryCount();
      const created = await registrar('POST', '/deliveries', stock, headers);
      expect(created.status).toBe(403);
      expect(created.body.code).toBe('crossSiteRequest');
      const denial = await db().selectFrom('auditEvent').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
      expect(denial).toMatchObject({ result: 'denied', actorRole: 'registrar', requestId: created.body.requestId });
      expect(JSON.parse(denial.canonical).detail).toMatchObject({ reason: 'crossSiteRequest', method: 'POST' });
      expect(created.headers.get('content-type')).toBe('application/problem+json');
      expect(await deliveryCount()).toBe(before);

      const existing = await registrar('POST', '/deliveries', stock);
      const path = `/deliveries/${existing.body.id}`;
      expect((await registrar('PATCH', path, { title: 'Overgenomen' }, { 'If-Match': '"1"', ...headers })).status).toBe(403);
      expect((await registrar('DELETE', path, undefined, { 'If-Match': '"1"', ...headers })).status).toBe(403);
      expect((await registrar('GET', path)).body).toMatchObject({ version: 1, title: stock.title });
    });

    it('lets the site itself and scripts write: same-origin, a direct navigation, the own Origin, or no such headers', async () => {
      const before = await deliveryCount();
      const answers = [
        await registrar('POST', '/deliveries', stock, { 'Sec-Fetch-Site': 'same-origin', Origin: 'http://localhost' }),
        await registrar('POST', '/deliveries', stock, { 'Sec-Fetch-Site': 'none' }),
        await registrar('POST', '/deliveries', stock, { Origin: 'http://localhost' }),
        await registrar('POST', '/deliveries', stock),
      ];
      expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201, 201]);
      expect(await deliveryCount()).toBe(before + 4);
    });

    it('behind a trusted reverse proxy that terminates TLS, takes the Origin the browser sees as the own one', async () => {
      const behindProxy = createApi({ db: db(), trustProxy: true, onError: (error) => { throw error; } });
      const cookie = await sessionCookieFor(db(), 'registrar');
      const post = (headers: Record<string, string>) =>
        behindProxy.request('/deliveries', {
          method: 'POST',
          headers: { Cookie: cookie, 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'same-origin', ...headers },
          body: JSON.stringify(stock),
        });
      const before = await deliveryCount();
      expect((await post({ Origin: 'https://localhost', 'X-Forwarded-Proto': 'https' })).status).toBe(201);
      const renamed = { Origin: 'https://steunregister.example', 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'steunregister.example' };
      expect((await post(renamed)).status).toBe(201);
      expect(await deliveryCount()).toBe(before + 2);
      // Another site stays another site, proxy or not.
      expect((await post({ ...renamed, Origin: 'https://aanvaller.example' })).status).toBe(403);
      expect((await post({ Origin: 'http://localhost', 'X-Forwarded-Proto': 'https' })).status).toBe(403);
      // Without trust in a proxy, its headers change nothing.
      const direct = await registrar('POST', '/deliveries', stock, { Origin: 'https://localhost', 'X-Forwarded-Proto': 'https' });
      expect(direct.status).toBe(403);
      expect(await deliveryCount()).toBe(before + 2);
    });

    it('refuses a cross-site logout and a cross-site login', async () => {
      const logout = await registrar('DELETE', '/session', undefined, { 'Sec-Fetch-Site': 'cross-site' });
      expect(logout.status).toBe(403);
      expect((await registrar('GET', '/session')).status).toBe(200);
      const anonymous = apiClient(db());
      const login = await anonymous('POST', '/session', { username: 'iemand', password: 'een wachtwoord' }, { Origin: 'https://aanvaller.example' });
      expect(login.status).toBe(403);
      expect(login.headers.getSetCookie()).toEqual([]);
    });

    it.each(['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain'])(
      'refuses a body sent as %s (what a cross-site form can send) with 415, and changes nothing',
      async (contentType) => {
        const before = await deliveryCount();
        const answer = await registrar('POST', '/deliveries', JSON.stringify(stock), { 'Content-Type': contentType });
        expect(answer.status).toBe(415);
        expect(answer.headers.get('content-type')).toBe('application/problem+json');
        expect(await deliveryCount()).toBe(before);
      },
    );
  });

  describe('deeply nested bodies', () => {
    const nestedArrays = (levels: number) => `{"title":${'['.repeat(levels)}${']'.repeat(levels)}}`;
    const nestedObjects = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
    const refusedAtBody = [{ name: 'body', code: 'nestedTooDeeply', reason: `De inhoud van het verzoek is te diep genest: hoogstens ${MAX_JSON_NESTING} niveaus van objecten en lijsten in elkaar.` }];

    it('refuses a body nested thousands deep at the body, with a session and without, and writes nothing', async () => {
      const anonymous = apiClient(db());
      const before = await deliveryCount();
      for (const body of [nestedArrays(10_000), nestedObjects(20_000), nestedArrays(MAX_JSON_NESTING)]) {
        for (const [call, path] of [[registrar, '/deliveries'], [anonymous, '/session']] as const) {
          const answer = await call('POST', path, body, { 'Accept-Language': 'nl' });
          expect(answer.status, `${path} ${body.slice(0, 20)}`).toBe(400);
          expect(answer.body.invalidParams).toEqual(refusedAtBody);
        }
      }
      expect(await deliveryCount()).toBe(before);
    });

    it('reads a body nested as deep as allowed, brackets inside its strings not counting, and judges its fields', async () => {
      const deepest = await registrar('POST', '/deliveries', nestedArrays(MAX_JSON_NESTING - 1));
      expect(deepest.status).toBe(400);
      expect(deepest.body.invalidParams.map((param: { name: string }) => param.name)).toContain('title');
      expect(deepest.body.invalidParams.map((param: { name: string }) => param.name)).not.toContain('body');
      const bracketed = await registrar('POST', '/deliveries', { ...stock, title: `Generatoren ${'[{'.repeat(MAX_JSON_NESTING)}\\"` });
      expect(bracketed.status).toBe(201);
    });
  });

  describe('request ids', () => {
    it('puts the request id of every problem answer in its X-Request-Id header too', async () => {
      const existing = await registrar('POST', '/deliveries', stock);
      const path = `/deliveries/${existing.body.id}`;
      const problems = [
        await apiClient(db())('GET', '/deliveries'),
        await apiClient(db(), { role: 'finance' })('POST', '/deliveries', stock),
        await registrar('GET', `/deliveries/${randomUUID()}`),
        await registrar('POST', '/deliveries', { ...stock, title: '' }),
        await registrar('PATCH', path, { title: 'Zonder versie' }),
        await registrar('PATCH', path, { title: 'Oude versie' }, { 'If-Match': '"9"' }),
        await registrar('POST', '/deliveries', 'title=x', { 'Content-Type': 'application/x-www-form-urlencoded' }),
        await registrar('POST', '/deliveries', stock, { 'Sec-Fetch-Site': 'cross-site' }),
        await registrar('GET', '/no-such-thing'),
      ];
      expect(problems.map((answer) => answer.status)).toEqual([401, 403, 404, 400, 428, 412, 415, 403, 404]);
      const ids = new Set<string>();
      for (const answer of problems) {
        expect(answer.headers.get('content-type')).toBe('application/problem+json');
        expect(answer.body.requestId).toEqual(expect.any(String));
        expect(answer.body.requestId).toBe(answer.headers.get('x-request-id'));
        ids.add(answer.body.requestId);
      }
      expect(ids.size).toBe(problems.length);
    });

    it("takes the client's X-Request-Id, and the audit trail records it", async () => {
      const requestId = `trace-${randomUUID()}`;
      const answer = await apiClient(db(), { role: 'finance' })('POST', '/deliveries', stock, { 'X-Request-Id': requestId });
      expect(answer.status).toBe(403);
      expect(answer.headers.get('x-request-id')).toBe(requestId);
      expect(answer.body.requestId).toBe(requestId);
      const events = await db().selectFrom('auditEvent').select(['action', 'result']).where('requestId', '=', requestId).execute();
      expect(events).toEqual([{ action: 'delivery.create', result: 'denied' }]);
    });
  });

  describe('logs', () => {
    it('are JSON lines with the request id, and hold no password, code, token or confidential text', async () => {
      const lines: string[] = [];
      const destination = new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
          done();
        },
      });
      const unexpected: unknown[] = [];
      const totpKey = temporaryTotpSecretKey();
      const api = createApi({ db: db(), logger: createLogger({ level: 'trace', destination }), onError: (error) => unexpected.push(error), totpKey });
      const secrets: Record<string, string> = {};
      const responseIds: string[] = [];
      const send = async (method: string, path: string, init: { body?: unknown; token?: string | undefined; headers?: Record<string, string> } = {}) => {
        const response = await api.request(path, {
          method,
          headers: {
            'Content-Type': 'application/json',
            ...(init.token ? { Cookie: `${SESSION_COOKIE}=${init.token}` } : {}),
            ...init.headers,
          },
          ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
        });
        responseIds.push(response.headers.get('x-request-id')!);
        const token = /steunregister_session=([^;]+)/.exec(response.headers.getSetCookie().join('\n'))?.[1];
        const text = await response.text();
        return { status: response.status, token, text, requestId: response.headers.get('x-request-id')! };
      };

      // Logins: a wrong password, and a right one with its second factor.
      secrets.password = `Wachtwoord-${randomUUID()}`;
      secrets.wrongPassword = `Verkeerd-${randomUUID()}`;
      const auditor = await createAccount(db(), systemContext('test'), { username: `log-auditor-${randomUUID().slice(0, 6)}`, role: 'auditor', password: secrets.password }, totpKey);
      const registrarAccount = await createAccount(db(), systemContext('test'), { username: `log-registrar-${randomUUID().slice(0, 6)}`, role: 'registrar', password: secrets.password }, totpKey);
      secrets.totpSecret = auditor.totpSecret!;
      const stored = await db().selectFrom('account').select('passwordHash').where('id', '=', auditor.account.id).executeTakeFirstOrThrow();
      secrets.passwordHash = stored.passwordHash!;
      expect((await send('POST', '/session', { body: { username: auditor.account.username, password: secrets.wrongPassword } })).status).toBe(401);
      secrets.totp = totpCode(secrets.totpSecret, new Date());
      const auditorLogin = await send('POST', '/session', { body: { username: auditor.account.username, password: secrets.password, totp: secrets.totp } });
      expect(auditorLogin.status).toBe(200);
      secrets.auditorToken = auditorLogin.token!;
      const registrarLogin = await send('POST', '/session', { body: { username: registrarAccount.account.username, password: secrets.password } });
      expect(registrarLogin.status).toBe(200);
      secrets.registrarToken = registrarLogin.token!;

      // A create with confidential text, a search for it, an invalid change carrying it, and a read of the trail.
      secrets.canaryTitle = `KANARIE-TITEL-${randomUUID()}`;
      secrets.canaryDescription = `KANARIE-OMSCHRIJVING-${randomUUID()}`;
      const created = await send('POST', '/deliveries', {
        token: secrets.registrarToken,
        body: { ...stock, title: secrets.canaryTitle, description: secrets.canaryDescription },
      });
      expect(created.status).toBe(201);
      const id = (JSON.parse(created.text) as { id: string }).id;
      expect((await send('GET', `/deliveries?q=${encodeURIComponent(secrets.canaryTitle)}`, { token: secrets.registrarToken })).status).toBe(200);
      const invalid = await send('PATCH', `/deliveries/${id}`, { token: secrets.registrarToken, body: { description: secrets.canaryDescription, quantity: -1 }, headers: { 'If-Match': '"1"' } });
      expect(invalid.status).toBe(400);
      expect((await send('GET', '/audit-events?limit=5', { token: secrets.auditorToken })).status).toBe(200);

      // An unexpected error whose database message comes with the failing row, confidential text and all.
      await sql`alter table delivery add constraint log_test_tripwire check (title <> 'Struikeldraad')`.execute(db());
      const failed = await send('PATCH', `/deliveries/${id}`, { token: secrets.registrarToken, body: { title: 'Struikeldraad' }, headers: { 'If-Match': '"1"' } });
      await sql`alter table delivery drop constraint log_test_tripwire`.execute(db());
      expect(failed.status).toBe(500);
      expect(unexpected).toHaveLength(1);
      // The error itself does carry the confidential text (so the log below could have leaked it) …
      expect(JSON.stringify(unexpected[0], Object.getOwnPropertyNames(unexpected[0]))).toContain(secrets.canaryDescription);
      // … the answer does not.
      expect(failed.text).not.toContain(secrets.canaryDescription);
      expect(failed.text).not.toContain('log_test_tripwire');
      expect(JSON.parse(failed.text)).toMatchObject({ status: 500, requestId: failed.requestId });

      const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      const requests = entries.filter((entry) => entry.msg === 'request');
      expect(requests.map((entry) => entry.requestId)).toEqual(responseIds);
      expect(requests.map((entry) => entry.status)).toEqual([401, 200, 200, 201, 200, 400, 200, 500]);
      for (const entry of entries) expect(entry.requestId, JSON.stringify(entry)).toEqual(expect.any(String));
      const errorEntries = entries.filter((entry) => entry.msg === 'unexpected error');
      expect(errorEntries.map((entry) => entry.requestId)).toEqual([failed.requestId]);

      const log = lines.join('\n');
      for (const [name, secret] of Object.entries(secrets)) {
        expect(secret.length, name).toBeGreaterThanOrEqual(6);
        expect(log.includes(secret), `the log holds the ${name}`).toBe(false);
      }
      expect(log).not.toContain(`${SESSION_COOKIE}=`);
    });
  });
});
