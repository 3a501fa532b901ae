/**
 * Changing a password through the API: one's own, with the current one (a wrong one counts as a failed
 * login does), and another account's by an administrator, which its holder changes at the next login.
 * Either ends the account's other sessions, and is recorded without a password or hash.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/api/access.ts';
import { createApi } from '../../src/api/app.ts';
import { createAccount, disableAccount } from '../../src/auth/accounts.ts';
import { FREE_FAILURES } from '../../src/auth/password-guesses.ts';
import { temporaryTotpSecretKey } from '../../src/auth/totp-secret-key.ts';
import { systemContext } from '../../src/audit/trail.ts';
import type { Role } from '../../src/domain/access.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { sessionFor } from '../support/sessions.ts';
import { apiClient, type ApiCall, type ApiResponse } from './client.ts';

const PASSWORD = 'correct horse battery staple';
const NEW_PASSWORD = 'een heel ander wachtwoord van mij';
const RESET_PASSWORD = 'tijdelijk wachtwoord van de beheerder';

describeEachDatabase('changing passwords', (database) => {
  const db = () => database().db;
  let call: ApiCall;

  beforeAll(() => {
    call = apiClient(db(), { api: createApi({ db: db(), totpKey: temporaryTotpSecretKey(), onError: (error) => { throw error; } }) });
  });

  async function account(role: Role = 'registrar', password: string | null = PASSWORD) {
    const username = `${role.toLowerCase()}-${randomUUID().slice(0, 8)}`;
    const oidcSubject = password === null ? `sub-${randomUUID()}` : null;
    const { account: created } = await createAccount(db(), systemContext('test'), { username, role, password, oidcSubject }, temporaryTotpSecretKey());
    return { id: created.id, username };
  }

  /** The session cookie of a login, or undefined when it was refused. */
  async function logIn(username: string, password: string): Promise<string | undefined> {
    const answer = await call('POST', '/session', { username, password });
    const token = answer.headers.getSetCookie().map((cookie) => new RegExp(`^${SESSION_COOKIE}=([^;]+)`).exec(cookie)?.[1]).find(Boolean);
    return answer.status === 200 && token ? `${SESSION_COOKIE}=${token}` : undefined;
  }

  const as = (cookie: string) => ({ Cookie: cookie });
  const changeOwn = (cookie: string, currentPassword: string, newPassword: string) => call('POST', '/session/password', { currentPassword, newPassword }, as(cookie));
  const refusedFields = (answer: ApiResponse) => answer.body.invalidParams?.map(({ name, code }: { name: string; code: string }) => `${name}: ${code}`);

  async function lastSeq(): Promise<number> {
    const row = await db().selectFrom('auditEvent').select('seq').orderBy('seq', 'desc').limit(1).executeTakeFirst();
    return row?.seq ?? 0;
  }

  async function eventsAfter(seq: number, action: string) {
    return db().selectFrom('auditEvent').select(['result', 'actorName', 'objectId', 'canonical']).where('seq', '>', seq).where('action', '=', action).orderBy('seq').execute();
  }

  /** An event's text holds no password, nor any Argon2 hash. */
  function expectNoSecrets(canonical: string, ...passwords: string[]) {
    for (const password of passwords) expect(canonical).not.toContain(password);
    expect(canonical).not.toContain('$argon2');
  }

  it('changes its own password with the current one, ends the other sessions and keeps this one, and records it without secrets', async () => {
    const { id, username } = await account();
    const here = (await logIn(username, PASSWORD))!;
    const elsewhere = (await logIn(username, PASSWORD))!;
    const before = await lastSeq();

    const answer = await changeOwn(here, PASSWORD, NEW_PASSWORD);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ otherSessionsEnded: 1, session: { username, hasPassword: true, passwordChangeRequired: false } });

    expect((await call('GET', '/session', undefined, as(here))).status).toBe(200);
    expect((await call('GET', '/session', undefined, as(elsewhere))).status).toBe(401);
    expect(await logIn(username, PASSWORD)).toBeUndefined();
    expect(await logIn(username, NEW_PASSWORD)).toBeDefined();

    const events = await eventsAfter(before, 'account.changePassword');
    expect(events.map(({ result, actorName, objectId }) => ({ result, actorName, objectId }))).toEqual([{ result: 'success', actorName: username, objectId: id }]);
    expect(JSON.parse(events[0]!.canonical).detail).toEqual({ sessionsEnded: 1 });
    expectNoSecrets(events[0]!.canonical, PASSWORD, NEW_PASSWORD);
  });

  it('refuses a wrong current password at its field, changes nothing, and counts it as a failed login', async () => {
    const { username } = await account();
    const cookie = (await logIn(username, PASSWORD))!;
    const before = await lastSeq();

    const wrong = await changeOwn(cookie, 'not the password at all', NEW_PASSWORD);
    expect(wrong.status).toBe(400);
    expect(refusedFields(wrong)).toEqual(['currentPassword: wrongPassword']);
    const failures = await eventsAfter(before, 'account.changePassword');
    expect(failures.map(({ result, canonical }) => [result, JSON.parse(canonical).detail])).toEqual([['failure', { reason: 'wrongPassword' }]]);
    expectNoSecrets(failures[0]!.canonical, 'not the password at all', NEW_PASSWORD);

    // With the login's failures from this address: after the free ones, guesses wait, whichever way they come.
    for (let attempt = 1; attempt < FREE_FAILURES; attempt += 1) expect((await changeOwn(cookie, `wrong guess ${attempt} of many`, NEW_PASSWORD)).status).toBe(400);
    const throttled = await changeOwn(cookie, PASSWORD, NEW_PASSWORD);
    expect(throttled.status).toBe(429);
    expect(throttled.body.code).toBe('tooManyWrongPasswords');
    expect(Number(throttled.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect((await call('POST', '/session', { username, password: PASSWORD })).status).toBe(429);
    expect((await eventsAfter(before, 'account.changePassword')).at(-1)?.result).toBe('denied');
    // The session itself stays, and so does the password.
    expect((await call('GET', '/session', undefined, as(cookie))).status).toBe(200);
    expect(await db().selectFrom('loginFailure').select('username').where('username', '=', username).execute()).toHaveLength(FREE_FAILURES);
  });

  it('refuses a new password that a new account could not have, or the current one however its accents were typed', async () => {
    const { username } = await account('registrar', 'één wachtwoord met accenten');
    const cookie = (await logIn(username, 'één wachtwoord met accenten'))!;
    const other = (await logIn(username, 'één wachtwoord met accenten'))!;
    const cases: [string, string][] = [
      ['te kort', 'newPassword: passwordTooShort'],
      ['x'.repeat(257), 'newPassword: passwordTooLong'],
      ['iloveyou!!!!!!!!', 'newPassword: passwordCommon'],
      [`${username} is mijn naam`, 'newPassword: passwordCommon'],
      // The same password, its accents typed as a letter and a combining accent.
      ['e\u0301e\u0301n wachtwoord met accenten', 'newPassword: passwordUnchanged'],
    ];
    for (const [newPassword, refusal] of cases) {
      const answer = await changeOwn(cookie, 'één wachtwoord met accenten', newPassword);
      expect(answer.status, newPassword).toBe(400);
      expect(refusedFields(answer), newPassword).toEqual([refusal]);
    }
    // A wrong current password and a weak new one are refused in one round.
    expect(refusedFields(await changeOwn(cookie, 'niet het wachtwoord', 'te kort'))).toEqual(['currentPassword: wrongPassword', 'newPassword: passwordTooShort']);
    expect((await call('GET', '/session', undefined, as(other))).status).toBe(200);
    expect(await logIn(username, 'één wachtwoord met accenten')).toBeDefined();

    // A new password with accents logs in however they are typed.
    expect((await changeOwn(cookie, 'één wachtwoord met accenten', 'ça va, het café is open')).status).toBe(200);
    expect(await logIn(username, 'c\u0327a va, het cafe\u0301 is open')).toBeDefined();
  });

  it('asks for a session, and refuses a change sent from another site', async () => {
    const before = await lastSeq();
    expect((await call('POST', '/session/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(401);
    const [refusal] = await eventsAfter(before, 'account.changePassword');
    expect(refusal).toMatchObject({ result: 'failure', actorName: null });
    expect(JSON.parse(refusal!.canonical).detail).toMatchObject({ reason: 'noSession' });
    const { username } = await account();
    const cookie = (await logIn(username, PASSWORD))!;
    const crossSite = await call('POST', '/session/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }, { ...as(cookie), Origin: 'https://elders.example' });
    expect(crossSite.status).toBe(403);
    expect(crossSite.body.code).toBe('crossSiteRequest');
    expect(await logIn(username, PASSWORD)).toBeDefined();
  });

  it('refuses to change the password of an account that logs in only through the identity provider, and says so', async () => {
    const { id } = await account('registrar', null);
    const { cookie: administrator } = await sessionFor(db(), 'administrator');
    const reset = await call('POST', `/accounts/${id}/password`, { password: RESET_PASSWORD }, as(administrator));
    expect(reset.status).toBe(400);
    expect(refusedFields(reset)).toEqual(['password: accountWithoutPassword']);

    // Its own session (from the identity provider) says it has no password, and a change is refused at the field.
    const { cookie } = await sessionFor(db(), 'registrar');
    expect((await call('GET', '/session', undefined, as(cookie))).body.hasPassword).toBe(false);
    const own = await changeOwn(cookie, PASSWORD, NEW_PASSWORD);
    expect(own.status).toBe(400);
    expect(refusedFields(own)).toEqual(['currentPassword: accountWithoutPassword']);
    expect(await db().selectFrom('account').select('passwordHash').where('id', '=', id).executeTakeFirstOrThrow()).toEqual({ passwordHash: null });
  });

  it('lets an administrator set a new password for another account: its sessions end, and its holder changes it before anything else', async () => {
    const { id, username } = await account();
    const sessions = [(await logIn(username, PASSWORD))!, (await logIn(username, PASSWORD))!];
    const administrator = await sessionFor(db(), 'administrator');
    const before = await lastSeq();

    const reset = await call('POST', `/accounts/${id}/password`, { password: RESET_PASSWORD }, as(administrator.cookie));
    expect(reset.status).toBe(200);
    expect(reset.body).toMatchObject({ id, hasPassword: true, passwordChangeRequired: true });
    for (const cookie of sessions) expect((await call('GET', '/session', undefined, as(cookie))).status).toBe(401);
    const events = await eventsAfter(before, 'account.resetPassword');
    expect(events.map(({ result, actorName, objectId }) => ({ result, actorName, objectId }))).toEqual([{ result: 'success', actorName: administrator.username, objectId: id }]);
    expect(JSON.parse(events[0]!.canonical)).toMatchObject({ before: { passwordChangeRequired: false }, after: { passwordChangeRequired: true }, detail: { sessionsEnded: 2 } });
    expectNoSecrets(events[0]!.canonical, PASSWORD, RESET_PASSWORD);

    // The old password no longer logs in; the new one does, into a session that reaches only its own change.
    expect(await logIn(username, PASSWORD)).toBeUndefined();
    const cookie = (await logIn(username, RESET_PASSWORD))!;
    expect((await call('GET', '/session', undefined, as(cookie))).body).toMatchObject({ passwordChangeRequired: true });
    const seq = await lastSeq();
    const held = await call('GET', '/deliveries', undefined, as(cookie));
    expect(held.status).toBe(403);
    expect(held.body.code).toBe('passwordChangeRequired');
    const [denial] = await eventsAfter(seq, 'access');
    expect(denial).toMatchObject({ result: 'denied', actorName: username });
    expect(JSON.parse(denial!.canonical).detail).toMatchObject({ reason: 'passwordChangeRequired' });
    expect((await call('GET', '/public/letters', undefined, as(cookie))).status).toBe(200);

    const changed = await changeOwn(cookie, RESET_PASSWORD, NEW_PASSWORD);
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ otherSessionsEnded: 0, session: { passwordChangeRequired: false } });
    expect((await call('GET', '/deliveries', undefined, as(cookie))).status).toBe(200);
  });

  it('lets the holder who locked themselves out log in with the password an administrator set, from every address, while guesses at others stay counted', async () => {
    const behindProxy = apiClient(db(), { api: createApi({ db: db(), trustProxy: true, totpKey: temporaryTotpSecretKey(), onError: (error) => { throw error; } }) });
    const logInFrom = (address: string, username: string, password: string) => behindProxy('POST', '/session', { username, password }, { 'X-Forwarded-For': address });
    const addresses = ['198.51.100.31', '203.0.113.32'];
    const { id, username } = await account();
    const other = await account();
    for (const address of addresses) {
      for (let attempt = 0; attempt < FREE_FAILURES; attempt += 1) expect((await logInFrom(address, username, `forgotten guess ${attempt}`)).status).toBe(401);
      expect((await logInFrom(address, username, PASSWORD)).status).toBe(429);
    }
    for (let attempt = 0; attempt < FREE_FAILURES; attempt += 1) expect((await logInFrom(addresses[0]!, other.username, `a guess at another ${attempt}`)).status).toBe(401);
    const administrator = await sessionFor(db(), 'administrator');
    const before = await lastSeq();

    expect((await call('POST', `/accounts/${id}/password`, { password: RESET_PASSWORD }, as(administrator.cookie))).status).toBe(200);
    for (const address of addresses) expect((await logInFrom(address, username, RESET_PASSWORD)).status).toBe(200);
    expect((await logInFrom(addresses[0]!, other.username, PASSWORD)).status).toBe(429);
    // The reset is recorded as any other: its one event, without the guesses it forgot.
    const [reset, ...more] = await eventsAfter(before, 'account.resetPassword');
    expect(more).toEqual([]);
    expect(Object.keys(JSON.parse(reset!.canonical).detail)).toEqual(['sessionsEnded']);
  });

  it('lets only administrators set another account\'s password, never their own, of no disabled account, and by the rules of every password', async () => {
    const { id, username } = await account();
    const { cookie: auditor } = await sessionFor(db(), 'auditor');
    const refused = await call('POST', `/accounts/${id}/password`, { password: RESET_PASSWORD }, as(auditor));
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('notPermitted');

    const administrator = await sessionFor(db(), 'administrator');
    const cookie = administrator.cookie;
    const ownId = (await db().selectFrom('account').select('id').where('username', '=', administrator.username).executeTakeFirstOrThrow()).id;
    // Administrators change their own password with their current one, as anyone does.
    expect(refusedFields(await call('POST', `/accounts/${ownId}/password`, { password: RESET_PASSWORD }, as(cookie)))).toEqual(['account: ownPassword']);
    expect(refusedFields(await call('POST', `/accounts/${id}/password`, { password: 'te kort' }, as(cookie)))).toEqual(['password: passwordTooShort']);
    expect(refusedFields(await call('POST', `/accounts/${id}/password`, { password: `${username} wachtwoord` }, as(cookie)))).toEqual(['password: passwordCommon']);
    expect((await call('POST', `/accounts/${randomUUID()}/password`, { password: RESET_PASSWORD }, as(cookie))).status).toBe(404);
    await disableAccount(db(), systemContext('test'), id);
    expect(refusedFields(await call('POST', `/accounts/${id}/password`, { password: RESET_PASSWORD }, as(cookie)))).toEqual(['account: passwordOfDisabledAccount']);
    expect(await logIn(username, PASSWORD)).toBeUndefined(); // disabled
    const stored = await db().selectFrom('account').select(['passwordChangeRequired', 'passwordHash']).where('id', 'in', [id, ownId]).execute();
    expect(stored.map((row) => row.passwordChangeRequired)).toEqual([false, false]);
    expect(await db().selectFrom('auditEvent').select('seq').where('action', '=', 'account.resetPassword').where('objectId', 'in', [id, ownId]).execute()).toEqual([]);
  });
});
