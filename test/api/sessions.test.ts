/**
 * Logging in and out through the API: the cookie, the token, the second factor, the timeouts, the
 * throttling of guesses, and the audit event each attempt leaves.
 */
import { createHash, randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/api/access.ts';
import { createApi } from '../../src/api/app.ts';
import { changeRole, createAccount, disableAccount } from '../../src/auth/accounts.ts';
import { FREE_FAILURES, MAX_FAILURES_PER_ORIGIN } from '../../src/auth/password-guesses.ts';
import { hashPassword } from '../../src/auth/passwords.ts';
import { MAX_LIVE_SESSIONS } from '../../src/auth/sessions.ts';
import { totpCode } from '../../src/auth/totp.ts';
import { sealPlainTotpSecrets, temporaryTotpSecretKey } from '../../src/auth/totp-secret-key.ts';
import { systemContext } from '../../src/audit/trail.ts';
import { permissionsOf, type Role } from '../../src/domain/access.ts';
import { insertAccount } from '../../src/db/repositories/accounts.ts';
import type { Database } from '../../src/db/schema.ts';
import type { Kysely } from 'kysely';
import { describeEachDatabase } from '../support/databases.ts';

const MINUTE = 60 * 1000;
const PASSWORD = 'correct horse battery staple';
/** The key the accounts' TOTP secrets are sealed with, shared by the accounts made here and the API. */
const TOTP_KEY = temporaryTotpSecretKey();

interface Answer {
  status: number;
  headers: Headers;
  body: any;
  /** The session token the answer set, if it set one. */
  token: string | undefined;
  setCookie: string[];
}

/** An API with a clock of its own, and calls that carry a session cookie where given. */
function harness(db: Kysely<Database>, options: { trustProxy?: boolean } = {}) {
  let now = new Date('2025-09-01T08:00:00.000Z');
  const api = createApi({ db, clock: () => now, trustProxy: options.trustProxy ?? false, totpKey: TOTP_KEY, onError: (error) => { throw error; } });
  const call = async (method: string, path: string, init: { body?: unknown; token?: string | undefined; headers?: Record<string, string> } = {}): Promise<Answer> => {
    const response = await api.request(path, {
      method,
      headers: {
        ...(init.token ? { Cookie: `${SESSION_COOKIE}=${init.token}` } : {}),
        ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...init.headers,
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    const text = await response.text();
    const setCookie = response.headers.getSetCookie();
    const token = setCookie
      .map((cookie) => new RegExp(`^${SESSION_COOKIE}=([^;]*)`).exec(cookie)?.[1])
      .find((value) => value !== undefined && value !== '');
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined, token, setCookie };
  };
  return {
    call,
    login: (credentials: { username: string; password: string; totp?: string }, token?: string, headers?: Record<string, string>) =>
      call('POST', '/session', { body: credentials, token, ...(headers ? { headers } : {}) }),
    now: () => now,
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
  };
}

const uniqueName = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

describeEachDatabase('sessions through the API', (database) => {
  const db = () => database().db;

  async function account(role: Role, options: { secondFactor?: boolean } = {}) {
    const username = uniqueName(role.toLowerCase());
    const { account: created, totpSecret } = await createAccount(db(), systemContext('test'), {
      username,
      role,
      password: PASSWORD,
      ...(options.secondFactor ? { secondFactor: true } : {}),
    }, TOTP_KEY);
    return { id: created.id, username, totpSecret };
  }

  async function lastSeq(): Promise<number> {
    const row = await db().selectFrom('auditEvent').select('seq').orderBy('seq', 'desc').limit(1).executeTakeFirst();
    return row?.seq ?? 0;
  }

  async function eventsAfter(seq: number) {
    const rows = await db().selectFrom('auditEvent').selectAll().where('seq', '>', seq).orderBy('seq').execute();
    return rows.map((row) => {
      const event = JSON.parse(row.canonical) as { detail: any };
      return { action: row.action, result: row.result, actor: row.actorName, role: row.actorRole, objectId: row.objectId, detail: event.detail };
    });
  }

  let registrar: Awaited<ReturnType<typeof account>>;
  beforeAll(async () => {
    registrar = await account('registrar');
  });

  it('logs in with a password and sets a Secure, HttpOnly, SameSite=Strict cookie holding a 128-bit token', async () => {
    const { login, call, now } = harness(db());
    const before = await lastSeq();
    const answer = await login({ username: registrar.username, password: PASSWORD });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      username: registrar.username,
      displayName: '',
      role: 'registrar',
      hasPassword: true,
      passwordChangeRequired: false,
      permissions: permissionsOf('registrar'),
      secondFactor: false,
      expiresAt: new Date(now().getTime() + 30 * MINUTE).toISOString(),
      isDemonstration: false,
    });

    expect(answer.setCookie).toHaveLength(1);
    const [pair, ...attributes] = answer.setCookie[0]!.split(';').map((part) => part.trim());
    expect(pair!.startsWith(`${SESSION_COOKIE}=`)).toBe(true);
    expect(attributes.map((attribute) => attribute.toLowerCase()).sort()).toEqual(['httponly', 'path=/', 'samesite=strict', 'secure']);
    const token = answer.token!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(16);

    // The database keeps the token's hash, never the token.
    const sessions = await db().selectFrom('session').selectAll().where('accountId', '=', registrar.id).execute();
    expect(sessions.map((session) => session.tokenHash)).toContain(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(sessions)).not.toContain(token);

    expect(await eventsAfter(before)).toEqual([
      {
        action: 'session.login',
        result: 'success',
        actor: registrar.username,
        role: 'registrar',
        objectId: registrar.id,
        detail: { method: 'password', secondFactor: false },
      },
    ]);
    const current = await call('GET', '/session', { token });
    expect(current.status).toBe(200);
    expect(current.body.username).toBe(registrar.username);
    expect((await call('GET', '/deliveries', { token })).status).toBe(200);
  });

  it('takes the username in any case and with spaces around it', async () => {
    const { login } = harness(db());
    const answer = await login({ username: `  ${registrar.username.toUpperCase()} `, password: PASSWORD });
    expect(answer.status).toBe(200);
    expect(answer.body.username).toBe(registrar.username);
  });

  it('answers a wrong password, an unknown username and a disabled account alike, and records each failure', async () => {
    const { login } = harness(db());
    const disabled = await account('finance');
    await disableAccount(db(), systemContext('test'), disabled.id);
    const unknown = uniqueName('nobody');

    const before = await lastSeq();
    const answers = [
      await login({ username: registrar.username, password: 'not the password at all' }),
      await login({ username: unknown, password: PASSWORD }),
      await login({ username: disabled.username, password: PASSWORD }),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(401);
      expect(answer.headers.get('content-type')).toBe('application/problem+json');
      expect(answer.setCookie).toEqual([]);
    }
    const comparable = ({ body }: Answer) => ({ ...body, requestId: undefined });
    expect(comparable(answers[1]!)).toEqual(comparable(answers[0]!));
    expect(comparable(answers[2]!)).toEqual(comparable(answers[0]!));
    expect(answers[0]!.body.code).toBe('loginFailed');

    expect(await eventsAfter(before)).toEqual([
      { action: 'session.login', result: 'failure', actor: null, role: null, objectId: registrar.username, detail: { reason: 'invalidCredentials' } },
      { action: 'session.login', result: 'failure', actor: null, role: null, objectId: expect.stringMatching(/^unknown-[0-9a-f]{16}$/), detail: { reason: 'invalidCredentials' } },
      { action: 'session.login', result: 'failure', actor: null, role: null, objectId: disabled.username, detail: { reason: 'accountDisabled' } },
    ]);
  });

  it('keeps out of the audit trail a password typed as the username, and still shows one unknown name tried again', async () => {
    const { login } = harness(db(), { trustProxy: true });
    const mistaken = 'mijn-geheime-wachtwoordzin-2025';
    const before = await lastSeq();
    for (let attempt = 0; attempt <= FREE_FAILURES; attempt += 1) {
      await login({ username: mistaken.toUpperCase(), password: 'whatever was typed' }, undefined, { 'X-Forwarded-For': '192.0.2.201' });
    }
    await login({ username: 'another-unknown-name', password: 'whatever was typed' }, undefined, { 'X-Forwarded-For': '192.0.2.201' });
    const rows = await db().selectFrom('auditEvent').select(['canonical', 'objectId']).where('seq', '>', before).orderBy('seq').execute();
    expect(rows).toHaveLength(FREE_FAILURES + 2);
    for (const row of rows) expect(row.canonical.toLowerCase()).not.toContain(mistaken);
    expect(new Set(rows.slice(0, -1).map((row) => row.objectId)).size).toBe(1);
    expect(rows.at(-1)!.objectId).not.toBe(rows[0]!.objectId);
  });

  it('asks an account with a second factor for its code, and accepts each code once', async () => {
    const { login, call, advance, now } = harness(db());
    const auditor = await account('auditor');
    expect(auditor.totpSecret).toMatch(/^[A-Z2-7]+$/);
    const secret = auditor.totpSecret!;
    const before = await lastSeq();

    const withoutCode = await login({ username: auditor.username, password: PASSWORD });
    expect(withoutCode.status).toBe(401);
    expect(withoutCode.token).toBeUndefined();

    const code = totpCode(secret, now());
    const wrongCode = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    expect((await login({ username: auditor.username, password: PASSWORD, totp: wrongCode })).status).toBe(401);
    // The right code does not make up for a wrong password.
    expect((await login({ username: auditor.username, password: 'not the password at all', totp: code })).status).toBe(401);

    const withCode = await login({ username: auditor.username, password: PASSWORD, totp: code });
    expect(withCode.status).toBe(200);
    expect(withCode.body).toMatchObject({ username: auditor.username, role: 'auditor', secondFactor: true });
    // The session with the second factor may read confidential material.
    expect((await call('GET', '/audit-events?limit=1', { token: withCode.token })).status).toBe(200);

    const replay = await login({ username: auditor.username, password: PASSWORD, totp: code });
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('loginFailed');
    expect(replay.token).toBeUndefined();

    advance(30 * 1000);
    const nextCode = await login({ username: auditor.username, password: PASSWORD, totp: totpCode(secret, now()) });
    expect(nextCode.status).toBe(200);

    const attempts = (await eventsAfter(before)).filter((event) => event.action === 'session.login');
    expect(attempts.map((event) => [event.result, event.detail])).toEqual([
      ['failure', { reason: 'totpMissing' }],
      ['failure', { reason: 'totpWrong' }],
      ['failure', { reason: 'invalidCredentials' }],
      ['success', { method: 'password', secondFactor: true }],
      ['failure', { reason: 'totpReused' }],
      ['success', { method: 'password', secondFactor: true }],
    ]);
  });

  it('stores TOTP secrets sealed with the key kept outside the database, and seals the plain ones an earlier version left', async () => {
    const { login, now } = harness(db());
    const auditor = await account('auditor');
    const stored = await db().selectFrom('account').select('totpSecret').where('id', '=', auditor.id).executeTakeFirstOrThrow();
    expect(stored.totpSecret).toMatch(/^aes-256-gcm:/);
    expect(stored.totpSecret).not.toContain(auditor.totpSecret);

    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    const username = uniqueName('earlier');
    const { id } = await insertAccount(db(), { id: randomUUID(), username, displayName: '', role: 'auditor', passwordHash: await hashPassword(PASSWORD), totpSecret: secret, oidcSubject: null });
    expect(await sealPlainTotpSecrets(db(), TOTP_KEY)).toBeGreaterThanOrEqual(1);
    const sealed = await db().selectFrom('account').select('totpSecret').where('id', '=', id).executeTakeFirstOrThrow();
    expect(sealed.totpSecret).toMatch(/^aes-256-gcm:/);
    expect(sealed.totpSecret).not.toContain(secret);
    expect((await login({ username, password: PASSWORD, totp: totpCode(secret, now()) })).status).toBe(200);
    expect(await sealPlainTotpSecrets(db(), TOTP_KEY)).toBe(0);
  });

  it('refuses, and does not fail on, a login whose second factor does not open with the key (another key was put back)', async () => {
    const { login, now } = harness(db());
    const username = uniqueName('auditor');
    const { account: auditor, totpSecret } = await createAccount(db(), systemContext('test'), { username, role: 'auditor', password: PASSWORD }, temporaryTotpSecretKey());
    const before = await lastSeq();
    const answer = await login({ username, password: PASSWORD, totp: totpCode(totpSecret!, now()) });
    expect(answer.status).toBe(401);
    expect(answer.body.code).toBe('loginFailed');
    expect(answer.token).toBeUndefined();
    expect((await login({ username, password: 'not the password at all', totp: totpCode(totpSecret!, now()) })).status).toBe(401);
    expect((await eventsAfter(before)).map((event) => [event.objectId, event.detail])).toEqual([
      [auditor.username, { reason: 'totpSecretUnreadable' }],
      [auditor.username, { reason: 'invalidCredentials' }],
    ]);
  });

  it('refuses an administrator without an enrolled second factor, even with the right password', async () => {
    const { login } = harness(db());
    const username = uniqueName('admin');
    await insertAccount(db(), {
      id: randomUUID(),
      username,
      displayName: '',
      role: 'administrator',
      passwordHash: await hashPassword(PASSWORD),
      totpSecret: null,
      oidcSubject: null,
    });
    const before = await lastSeq();
    const answer = await login({ username, password: PASSWORD });
    expect(answer.status).toBe(401);
    expect(answer.token).toBeUndefined();
    expect((await eventsAfter(before)).map((event) => event.detail)).toEqual([{ reason: 'secondFactorNotEnrolled' }]);
  });

  it('asks for the code also where a role needs none but the account was given a second factor', async () => {
    const { login, now } = harness(db());
    const withoutSecondFactor = await login({ username: registrar.username, password: PASSWORD });
    expect(withoutSecondFactor.body).toMatchObject({ role: 'registrar', secondFactor: false });

    const careful = await account('registrar', { secondFactor: true });
    expect(careful.totpSecret).not.toBeNull();
    expect((await login({ username: careful.username, password: PASSWORD })).status).toBe(401);
    const withCode = await login({ username: careful.username, password: PASSWORD, totp: totpCode(careful.totpSecret!, now()) });
    expect(withCode.status).toBe(200);
    expect(withCode.body).toMatchObject({ role: 'registrar', secondFactor: true });
  });

  it('gives a new token at every login and ends the session the client came with', async () => {
    const { login, call } = harness(db());
    const first = await login({ username: registrar.username, password: PASSWORD });
    const second = await login({ username: registrar.username, password: PASSWORD }, first.token);
    expect(second.status).toBe(200);
    expect(second.token).toBeDefined();
    expect(second.token).not.toBe(first.token);

    const before = await lastSeq();
    const old = await call('GET', '/deliveries', { token: first.token });
    expect(old.status).toBe(401);
    expect(old.setCookie.some((cookie) => cookie.startsWith(`${SESSION_COOKIE}=;`) && /max-age=0/i.test(cookie))).toBe(true);
    expect((await eventsAfter(before)).map((event) => [event.result, event.action, event.detail.reason])).toEqual([['denied', 'access', 'sessionExpired']]);
    expect((await call('GET', '/session', { token: first.token })).status).toBe(401);
    expect((await call('GET', '/deliveries', { token: second.token })).status).toBe(200);

    // A login on another device (no cookie sent) gets its own session and leaves this one alone.
    const third = await login({ username: registrar.username, password: PASSWORD });
    expect(new Set([first.token, second.token, third.token]).size).toBe(3);
    expect((await call('GET', '/deliveries', { token: second.token })).status).toBe(200);
    expect((await call('GET', '/deliveries', { token: third.token })).status).toBe(200);
  });

  it(`keeps at most ${MAX_LIVE_SESSIONS} live sessions per account: a new login ends the oldest, and says so`, async () => {
    const { login, call, advance } = harness(db());
    const busy = await account('finance');
    const tokens: string[] = [];
    for (let session = 0; session < MAX_LIVE_SESSIONS; session += 1) {
      tokens.push((await login({ username: busy.username, password: PASSWORD })).token!);
      advance(1000);
    }
    const before = await lastSeq();
    const newest = await login({ username: busy.username, password: PASSWORD });
    expect(newest.status).toBe(200);
    expect(await eventsAfter(before)).toEqual([
      { action: 'session.ended', result: 'success', actor: busy.username, role: 'finance', objectId: busy.id, detail: { reason: 'sessionLimit' } },
      expect.objectContaining({ action: 'session.login', result: 'success', objectId: busy.id }),
    ]);
    expect((await call('GET', '/session', { token: tokens[0] })).status).toBe(401);
    for (const token of [...tokens.slice(1), newest.token]) expect((await call('GET', '/session', { token })).status).toBe(200);
    const open = await db().selectFrom('session').select('tokenHash').where('accountId', '=', busy.id).where('endedAt', 'is', null).execute();
    expect(open).toHaveLength(MAX_LIVE_SESSIONS);
  });

  it('ends the session at logout: the old cookie no longer works', async () => {
    const { login, call } = harness(db());
    const { token } = await login({ username: registrar.username, password: PASSWORD });
    const before = await lastSeq();
    const logout = await call('DELETE', '/session', { token });
    expect(logout.status).toBe(204);
    expect(logout.setCookie.some((cookie) => cookie.startsWith(`${SESSION_COOKIE}=;`) && /max-age=0/i.test(cookie))).toBe(true);
    expect(await eventsAfter(before)).toEqual([
      { action: 'session.logout', result: 'success', actor: registrar.username, role: 'registrar', objectId: registrar.id, detail: null },
    ]);
    expect((await call('GET', '/session', { token })).status).toBe(401);
    expect((await call('GET', '/deliveries', { token })).status).toBe(401);
    const hash = createHash('sha256').update(token!).digest('hex');
    const stored = await db().selectFrom('session').select('endedAt').where('tokenHash', '=', hash).executeTakeFirstOrThrow();
    expect(stored.endedAt).not.toBeNull();
    // Logging out again, or without a session, is harmless.
    expect((await call('DELETE', '/session', { token })).status).toBe(204);
    expect((await call('DELETE', '/session')).status).toBe(204);
  });

  it('ends a session idle for more than 30 minutes; use keeps it alive', async () => {
    const { login, call, advance, now } = harness(db());
    const { token } = await login({ username: registrar.username, password: PASSWORD });
    advance(29 * MINUTE);
    const kept = await call('GET', '/session', { token });
    expect(kept.status).toBe(200);
    expect(kept.body.expiresAt).toBe(new Date(now().getTime() + 30 * MINUTE).toISOString());
    advance(29 * MINUTE);
    // 58 minutes after the login, but only 29 since it was last used.
    expect((await call('GET', '/deliveries', { token })).status).toBe(200);
    advance(31 * MINUTE);
    expect((await call('GET', '/deliveries', { token })).status).toBe(401);
    // Ended for good: going back in time would not bring it back.
    advance(-31 * MINUTE);
    expect((await call('GET', '/deliveries', { token })).status).toBe(401);

    const another = await login({ username: registrar.username, password: PASSWORD });
    advance(31 * MINUTE);
    expect((await call('GET', '/session', { token: another.token })).status).toBe(401);
  });

  it('ends a session 12 hours after the login however busy it is', async () => {
    const { login, call, advance, now } = harness(db());
    const loggedInAt = now().getTime();
    const { token } = await login({ username: registrar.username, password: PASSWORD });
    for (let elapsed = 20; elapsed <= 11 * 60 + 40; elapsed += 20) {
      advance(20 * MINUTE);
      const answer = await call('GET', '/session', { token });
      expect(answer.status, `${elapsed} minutes after the login`).toBe(200);
    }
    // Used 11 h 40 min after the login: the absolute limit, not the idle one, is what ends it next.
    expect((await call('GET', '/session', { token })).body.expiresAt).toBe(new Date(loggedInAt + 12 * 60 * MINUTE).toISOString());
    advance(21 * MINUTE);
    expect((await call('GET', '/deliveries', { token })).status).toBe(401);
  });

  it('ends the sessions of an account when it is disabled or its role changes', async () => {
    const { login, call } = harness(db());
    const finance = await account('finance');
    const { token } = await login({ username: finance.username, password: PASSWORD });
    expect((await call('GET', '/deliveries', { token })).status).toBe(200);
    await changeRole(db(), systemContext('test'), finance.id, 'registrar');
    expect((await call('GET', '/deliveries', { token })).status).toBe(401);

    const again = await login({ username: finance.username, password: PASSWORD });
    expect(again.body.role).toBe('registrar');
    expect((await call('GET', '/deliveries', { token: again.token })).status).toBe(200);
    await disableAccount(db(), systemContext('test'), finance.id);
    expect((await call('GET', '/deliveries', { token: again.token })).status).toBe(401);
    expect((await login({ username: finance.username, password: PASSWORD })).status).toBe(401);
  });

  it(`slows down guesses at a username from one address after ${FREE_FAILURES} failures, each wait twice the one before`, async () => {
    const { login, call, advance } = harness(db(), { trustProxy: true });
    const from = { 'X-Forwarded-For': '203.0.113.5' };
    const target = await account('registrar');
    const before = await lastSeq();
    for (let attempt = 0; attempt < FREE_FAILURES; attempt += 1) {
      expect((await login({ username: target.username, password: `guess number ${attempt}` }, undefined, from)).status).toBe(401);
      advance(MINUTE);
    }
    // The fifth failure was a minute ago: the first wait, 30 seconds, has passed.
    expect((await login({ username: target.username, password: 'guess number 5' }, undefined, from)).status).toBe(401);
    const throttled = await login({ username: target.username, password: PASSWORD }, undefined, from);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('60');
    expect(throttled.body.code).toBe('tooManyFailedLogins');
    expect(throttled.token).toBeUndefined();
    advance(59 * 1000);
    expect((await login({ username: target.username, password: PASSWORD }, undefined, from)).status).toBe(429);
    advance(1000);
    expect((await login({ username: target.username, password: 'guess number 6' }, undefined, from)).status).toBe(401);
    expect((await login({ username: target.username, password: PASSWORD }, undefined, from)).headers.get('retry-after')).toBe('120');
    const events = await eventsAfter(before);
    expect(events.map((event) => [event.result, event.objectId, event.detail.reason])).toEqual([
      ...Array.from({ length: FREE_FAILURES + 1 }, () => ['failure', target.username, 'invalidCredentials']),
      ['denied', target.username, 'throttled'],
      ['denied', target.username, 'throttled'],
      ['failure', target.username, 'invalidCredentials'],
      ['denied', target.username, 'throttled'],
    ]);

    // The waits stop growing at a quarter of an hour.
    for (let attempt = 0; attempt < 6; attempt += 1) {
      advance(15 * MINUTE);
      expect((await login({ username: target.username, password: 'one more guess' }, undefined, from)).status).toBe(401);
    }
    expect((await login({ username: target.username, password: PASSWORD }, undefined, from)).headers.get('retry-after')).toBe(String(15 * 60));
    advance(15 * MINUTE);
    const afterWait = await login({ username: target.username, password: PASSWORD }, undefined, from);
    expect(afterWait.status).toBe(200);
    expect((await call('GET', '/deliveries', { token: afterWait.token })).status).toBe(200);
    // A success forgets the failures: four more wrong guesses do not slow the next login down.
    for (let attempt = 0; attempt < FREE_FAILURES - 1; attempt += 1) {
      expect((await login({ username: target.username, password: 'wrong again, sadly' }, undefined, from)).status).toBe(401);
    }
    expect((await login({ username: target.username, password: PASSWORD }, undefined, from)).status).toBe(200);
  });

  it('does not let guesses from elsewhere lock a person out, and records every one of them', async () => {
    const { login } = harness(db(), { trustProxy: true });
    const target = await account('registrar');
    const before = await lastSeq();
    for (let address = 1; address <= 10; address += 1) {
      const from = { 'X-Forwarded-For': `198.51.100.${100 + address}` };
      for (let attempt = 0; attempt < 10; attempt += 1) {
        expect((await login({ username: target.username, password: `guess ${attempt}` }, undefined, from)).status).toBeOneOf([401, 429]);
      }
    }
    const own = await login({ username: target.username, password: PASSWORD }, undefined, { 'X-Forwarded-For': '192.0.2.77' });
    expect(own.status).toBe(200);
    const attempts = (await eventsAfter(before)).filter((event) => event.objectId === target.username);
    expect(attempts.filter((event) => event.result === 'failure')).toHaveLength(10 * FREE_FAILURES);
    expect(attempts.filter((event) => event.result === 'denied')).toHaveLength(10 * (10 - FREE_FAILURES));
  });

  it('checks no more guesses than allowed when they arrive all at once', async () => {
    const { login } = harness(db(), { trustProxy: true });
    const target = await account('registrar');
    const oneUsername = await Promise.all(
      Array.from({ length: 50 }, (_, attempt) => login({ username: target.username, password: `parallel guess ${attempt}` }, undefined, { 'X-Forwarded-For': '203.0.113.50' })),
    );
    expect(oneUsername.filter((answer) => answer.status === 401)).toHaveLength(FREE_FAILURES);
    expect(oneUsername.filter((answer) => answer.status === 429)).toHaveLength(50 - FREE_FAILURES);

    const before = await lastSeq();
    const oneAddress = await Promise.all(
      Array.from({ length: 200 }, (_, attempt) => login({ username: `someone-${attempt}`, password: 'a guessed password' }, undefined, { 'X-Forwarded-For': '203.0.113.51' })),
    );
    expect(oneAddress.filter((answer) => answer.status === 401)).toHaveLength(MAX_FAILURES_PER_ORIGIN);
    expect(oneAddress.filter((answer) => answer.status === 429)).toHaveLength(200 - MAX_FAILURES_PER_ORIGIN);
    const events = await eventsAfter(before);
    expect(events.filter((event) => event.result === 'failure')).toHaveLength(MAX_FAILURES_PER_ORIGIN);
    expect(events.filter((event) => event.result === 'denied')).toHaveLength(200 - MAX_FAILURES_PER_ORIGIN);
  });

  it(`throttles an address after ${MAX_FAILURES_PER_ORIGIN} failures, whatever the usernames`, async () => {
    const { login } = harness(db(), { trustProxy: true });
    const guesser = { 'X-Forwarded-For': '198.51.100.7' };
    for (let attempt = 0; attempt < MAX_FAILURES_PER_ORIGIN; attempt += 1) {
      expect((await login({ username: uniqueName('guess'), password: 'a guessed password' }, undefined, guesser)).status).toBe(401);
    }
    const throttled = await login({ username: registrar.username, password: PASSWORD }, undefined, guesser);
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
    // The same account from another address is not held up.
    expect((await login({ username: registrar.username, password: PASSWORD }, undefined, { 'X-Forwarded-For': '192.0.2.10' })).status).toBe(200);
  });

  it('counts the guesses from the addresses of one IPv6 network (/64) as from one address', async () => {
    const { login } = harness(db(), { trustProxy: true });
    const target = await account('registrar');
    const from = (host: number) => ({ 'X-Forwarded-For': `2001:db8:5:6::${host.toString(16)}` });
    for (let attempt = 0; attempt < FREE_FAILURES; attempt += 1) {
      expect((await login({ username: target.username, password: `guess number ${attempt}` }, undefined, from(attempt + 1))).status).toBe(401);
    }
    expect((await login({ username: target.username, password: PASSWORD }, undefined, from(99))).status).toBe(429);
    for (let attempt = FREE_FAILURES; attempt < MAX_FAILURES_PER_ORIGIN; attempt += 1) {
      expect((await login({ username: uniqueName('guess'), password: 'a guessed password' }, undefined, from(attempt + 1))).status).toBe(401);
    }
    expect((await login({ username: registrar.username, password: PASSWORD }, undefined, { 'X-Forwarded-For': '2001:db8:5:6:ffff::1' })).status).toBe(429);
    // The next network is another client.
    expect((await login({ username: registrar.username, password: PASSWORD }, undefined, { 'X-Forwarded-For': '2001:db8:5:7::1' })).status).toBe(200);
  });

  it('takes the address the proxy added, not one the client put before it', async () => {
    const { login } = harness(db(), { trustProxy: true });
    const before = await lastSeq();
    // A proxy that appends what it saw: the guesser names another address first each time.
    for (let attempt = 0; attempt <= MAX_FAILURES_PER_ORIGIN; attempt += 1) {
      await login({ username: uniqueName('guess'), password: 'a guessed password' }, undefined, { 'X-Forwarded-For': `192.0.2.${attempt % 250}, 198.51.100.8` });
    }
    const throttled = await login({ username: registrar.username, password: PASSWORD }, undefined, { 'X-Forwarded-For': '10.9.8.7, 198.51.100.8' });
    expect(throttled.status).toBe(429);
    const origins = await db().selectFrom('auditEvent').select('origin').distinct().where('seq', '>', before).execute();
    expect(origins).toEqual([{ origin: '198.51.100.8' }]);
  });

  it('stores passwords as salted Argon2id hashes', async () => {
    const one = await account('registrar');
    const two = await account('finance');
    const hashes = await db().selectFrom('account').select(['id', 'passwordHash']).where('id', 'in', [one.id, two.id]).execute();
    expect(hashes).toHaveLength(2);
    for (const { passwordHash } of hashes) {
      expect(passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(passwordHash).not.toContain(PASSWORD);
    }
    expect(hashes[0]!.passwordHash).not.toBe(hashes[1]!.passwordHash);
  });
});
