/**
 * Logging in through an identity provider, end to end: a small OpenID provider (oidc-provider) and the
 * API each listen on 127.0.0.1, and a cookie-keeping fetch plays the browser that goes back and forth.
 */
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
// @ts-expect-error -- oidc-provider publishes no type declarations; the part used here is typed below.
import Provider from 'oidc-provider';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/api/access.ts';
import { createApi } from '../../src/api/app.ts';
import { createAccount, disableAccount } from '../../src/auth/accounts.ts';
import { LOGIN_TTL_MS, oidcConfigFromEnvironment } from '../../src/auth/oidc.ts';
import { systemContext } from '../../src/audit/trail.ts';
import type { DatabaseHandle } from '../../src/db/connection.ts';
import { listAuditEvents } from '../../src/db/repositories/audit.ts';
import { openScratchPGlite } from '../support/scratch-database.ts';
import { temporaryTotpSecretKey } from '../../src/auth/totp-secret-key.ts';

type NodeHandler = (request: IncomingMessage, response: ServerResponse) => void;

interface TestProvider {
  callback(): NodeHandler;
  interactionDetails(request: IncomingMessage, response: ServerResponse): Promise<{ params: { client_id: string } }>;
  interactionFinished(request: IncomingMessage, response: ServerResponse, result: object, options: { mergeWithLastSubmission: boolean }): Promise<void>;
  Grant: new (properties: { accountId: string; clientId: string }) => { addOIDCScope(scope: string): void; save(): Promise<string> };
}

const CLIENT_ID = 'steunregister';
const CLIENT_SECRET = 'a client secret long enough for the provider';

/** Who the provider logs in at the next interaction, and how it says it authenticated them. */
let nextLogin: { subject: string; amr: string[] } = { subject: '', amr: [] };
/** How far the API's clock runs ahead of the real one. */
let clockOffsetMs = 0;

let database: DatabaseHandle;
const servers: Server[] = [];
let apiOrigin: string;

beforeAll(async () => {
  const providerServer = await listening();
  const apiServer = await listening();
  const issuer = originOf(providerServer);
  apiOrigin = originOf(apiServer);
  const config = oidcConfigFromEnvironment({
    OIDC_ISSUER: issuer,
    OIDC_CLIENT_ID: CLIENT_ID,
    OIDC_CLIENT_SECRET: CLIENT_SECRET,
    OIDC_REDIRECT_URI: `${apiOrigin}/api/v1/session/oidc/callback`,
  });

  const provider = startProvider(issuer, config!.redirectUri.href);
  providerServer.on('request', providerHandler(provider));

  database = (await openScratchPGlite()).handle;
  const api = createApi({
    db: database.db,
    oidc: config,
    clock: () => new Date(Date.now() + clockOffsetMs),
    onError: (error) => {
      throw error;
    },
  });
  apiServer.on('request', getRequestListener(new Hono().route('/api/v1', api).fetch));
});

afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  await database?.close();
});

beforeEach(() => {
  clockOffsetMs = 0;
});

describe('login through the identity provider', () => {
  it('is offered as a login method', async () => {
    const response = await new Browser().get(`${apiOrigin}/api/v1/session/methods`);
    expect(await response.json()).toEqual({ password: true, oidc: true });
  });

  it('opens a session for the account of the subject, with its role', async () => {
    await accountWith('registrar-oidc', 'registrar', 'subject-registrar');
    const browser = new Browser();
    const landing = await browser.logIn({ subject: 'subject-registrar', amr: ['pwd'] });

    expect(landing).toBe(`${apiOrigin}/`);
    expect(browser.cookie(apiOrigin, SESSION_COOKIE)).toBeTruthy();
    const session = await browser.session();
    expect(session).toMatchObject({ status: 200, body: { username: 'registrar-oidc', role: 'registrar', secondFactor: false } });
    const [event] = await loginEvents();
    expect(event).toMatchObject({ result: 'success', actor: { username: 'registrar-oidc' } });
  });

  it('takes the parameters a provider adds to its answer of its own (session_state, scope, authuser)', async () => {
    await accountWith('registrar-extra-oidc', 'registrar', 'subject-registrar-extra');
    const browser = new Browser();
    const callback = new URL(await browser.throughProvider({ subject: 'subject-registrar-extra', amr: ['pwd'] }));
    for (const [name, value] of [['session_state', 'abc.def'], ['scope', 'openid email'], ['authuser', '0']] as const) callback.searchParams.set(name, value);

    expect(await browser.landing(callback.href)).toBe(`${apiOrigin}/`);
    expect((await browser.session()).body).toMatchObject({ username: 'registrar-extra-oidc' });
  });

  it('counts a provider\'s second factor (amr) as the session\'s second factor', async () => {
    await accountWith('finance-amr-oidc', 'finance', 'subject-finance-amr');
    for (const [amr, secondFactor] of [[['pwd', 'otp'], true], [['hwk'], true], [['mfa', 'pwd'], true], [['pwd'], false], [[], false]] as const) {
      const browser = new Browser();
      await browser.logIn({ subject: 'subject-finance-amr', amr: [...amr] });
      expect((await browser.session()).body, `amr ${amr.join(' ')}`).toMatchObject({ role: 'finance', secondFactor });
    }
  });

  it('refuses a role that always needs a second factor when the provider used none', async () => {
    await accountWith('auditor-oidc', 'auditor', 'subject-auditor');
    const without = new Browser();
    expect(await without.logIn({ subject: 'subject-auditor', amr: ['pwd'] })).toBe(`${apiOrigin}/inloggen?fout=oidc`);
    expect((await without.session()).status).toBe(401);
    const withOtp = new Browser();
    await withOtp.logIn({ subject: 'subject-auditor', amr: ['pwd', 'otp'] });
    expect((await withOtp.session()).body).toMatchObject({ role: 'auditor', secondFactor: true });
  });

  it('refuses a subject no account has, and records the failure', async () => {
    const browser = new Browser();
    const landing = await browser.logIn({ subject: 'subject-nobody', amr: ['pwd'] });

    expect(landing).toBe(`${apiOrigin}/inloggen?fout=oidc`);
    expect((await browser.session()).status).toBe(401);
    const [event] = await loginEvents();
    expect(event).toMatchObject({
      result: 'failure',
      object: { type: 'oidcSubject', id: 'subject-nobody' },
      detail: { method: 'oidc', reason: 'accountUnknown' },
    });
  });

  it('refuses a disabled account', async () => {
    const account = await accountWith('disabled-oidc', 'registrar', 'subject-disabled');
    await disableAccount(database.db, systemContext('test'), account.id);
    const browser = new Browser();

    expect(await browser.logIn({ subject: 'subject-disabled', amr: ['pwd'] })).toBe(`${apiOrigin}/inloggen?fout=oidc`);
    expect(await lastFailureReason()).toBe('accountDisabled');
  });

  it('accepts the way back once: a replayed callback is refused', async () => {
    await accountWith('finance-oidc', 'finance', 'subject-finance');
    const browser = new Browser();
    const callback = await browser.throughProvider({ subject: 'subject-finance', amr: ['pwd'] });
    const stateCookie = browser.cookie(apiOrigin, 'steunregister_oidc_state')!;

    expect(await browser.landing(callback)).toBe(`${apiOrigin}/`);
    browser.setCookie(apiOrigin, 'steunregister_oidc_state', stateCookie);
    expect(await browser.landing(callback)).toBe(`${apiOrigin}/inloggen?fout=oidc`);
    expect(await lastFailureReason()).toBe('stateUnknownOrUsed');
  });

  it('refuses a state it never issued', async () => {
    const browser = new Browser();
    browser.setCookie(apiOrigin, 'steunregister_oidc_state', 'made-up');
    expect(await browser.landing(`${apiOrigin}/api/v1/session/oidc/callback?code=abc&state=made-up`)).toBe(`${apiOrigin}/inloggen?fout=oidc`);
    expect(await lastFailureReason()).toBe('stateUnknownOrUsed');
  });

  it('refuses the way back in a browser other than the one that started the login', async () => {
    await accountWith('letters-oidc', 'letterAuthor', 'subject-letters');
    const victim = new Browser();
    const callback = await new Browser().throughProvider({ subject: 'subject-letters', amr: ['otp'] });

    expect(await victim.landing(callback)).toBe(`${apiOrigin}/inloggen?fout=oidc`);
    expect(await lastFailureReason()).toBe('stateNotOfThisBrowser');
    expect((await victim.session()).status).toBe(401);
  });

  it('refuses a login that took longer than its time', async () => {
    await accountWith('slow-oidc', 'registrar', 'subject-slow');
    const browser = new Browser();
    const callback = await browser.throughProvider({ subject: 'subject-slow', amr: ['pwd'] });
    clockOffsetMs = LOGIN_TTL_MS + 1000;

    expect(await browser.landing(callback)).toBe(`${apiOrigin}/inloggen?fout=oidc`);
    expect(await lastFailureReason()).toBe('stateExpired');
  });

  it('refuses a login the provider refused', async () => {
    const browser = new Browser();
    const callback = new URL(await browser.throughProvider({ subject: 'subject-anyone', amr: ['pwd'] }));
    callback.searchParams.delete('code');
    callback.searchParams.set('error', 'access_denied');

    expect(await browser.landing(callback.href)).toBe(`${apiOrigin}/inloggen?fout=oidc`);
    expect(await lastFailureReason()).toBe('providerRefused');
  });
});

describe('without an identity provider', () => {
  it('offers only the password, and answers the provider\'s routes with 404', async () => {
    const api = createApi({ db: database.db });
    expect(await (await api.request('/session/methods')).json()).toEqual({ password: true, oidc: false });
    for (const path of ['/session/oidc', '/session/oidc/callback?code=abc&state=xyz']) {
      const response = await api.request(path);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
  });
});

describe('OpenID Connect configuration from the environment', () => {
  const complete = {
    OIDC_ISSUER: 'https://login.example.nl/realms/defensie',
    OIDC_CLIENT_ID: 'steunregister',
    OIDC_CLIENT_SECRET: 'secret',
    OIDC_REDIRECT_URI: 'https://steunregister.example.nl/api/v1/session/oidc/callback',
  };

  it('is absent when nothing is set', () => {
    expect(oidcConfigFromEnvironment({})).toBeUndefined();
  });

  it('reads the provider, the client and the scopes', () => {
    const config = oidcConfigFromEnvironment({ ...complete, OIDC_SCOPES: 'profile email' });
    expect(config).toMatchObject({ clientId: 'steunregister', clientSecret: 'secret', scopes: 'openid profile email' });
    expect(config?.issuer.href).toBe(complete.OIDC_ISSUER);
    expect(oidcConfigFromEnvironment(complete)?.scopes).toBe('openid');
  });

  it('names what is missing when it is set up halfway', () => {
    expect(() => oidcConfigFromEnvironment({ OIDC_ISSUER: complete.OIDC_ISSUER, OIDC_CLIENT_ID: 'x' })).toThrow(/OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI/);
    expect(() => oidcConfigFromEnvironment({ OIDC_CLIENT_ID: 'x' })).toThrow(/OIDC_ISSUER/);
  });

  it('requires https except on this machine', () => {
    expect(() => oidcConfigFromEnvironment({ ...complete, OIDC_ISSUER: 'http://login.example.nl' })).toThrow(/https/);
    expect(() => oidcConfigFromEnvironment({ ...complete, OIDC_REDIRECT_URI: 'http://steunregister.example.nl/api/v1/session/oidc/callback' })).toThrow(/https/);
    expect(oidcConfigFromEnvironment({ ...complete, OIDC_ISSUER: 'http://localhost:4000' })?.issuer.protocol).toBe('http:');
  });

  it('requires the redirect URI to be the callback', () => {
    expect(() => oidcConfigFromEnvironment({ ...complete, OIDC_REDIRECT_URI: 'https://steunregister.example.nl/' })).toThrow(/callback/);
  });
});

/** A browser: follows redirects one at a time, keeping each origin's cookies. */
class Browser {
  readonly #cookies = new Map<string, Map<string, string>>();

  async get(url: string): Promise<Response> {
    const cookies = [...(this.#cookies.get(new URL(url).origin) ?? new Map<string, string>())];
    const response = await fetch(url, {
      redirect: 'manual',
      headers: cookies.length > 0 ? { Cookie: cookies.map(([name, value]) => `${name}=${value}`).join('; ') } : {},
    });
    for (const header of response.headers.getSetCookie()) this.#keep(new URL(url).origin, header);
    return response;
  }

  /** Starts a login and goes through the provider; returns the callback URL the provider sends back to. */
  async throughProvider(login: { subject: string; amr: string[] }): Promise<string> {
    nextLogin = login;
    let url = `${apiOrigin}/api/v1/session/oidc`;
    for (let hop = 0; hop < 10; hop++) {
      const response = await this.get(url);
      const location = response.headers.get('location');
      if (!location) throw new Error(`no redirect from ${url}: ${response.status} ${await response.text()}`);
      url = new URL(location, url).href;
      if (url.startsWith(`${apiOrigin}/api/v1/session/oidc/callback`)) return url;
    }
    throw new Error('too many redirects');
  }

  /** Where the API sends the browser after the callback. */
  async landing(callback: string): Promise<string> {
    const response = await this.get(callback);
    expect(response.status).toBe(302);
    return new URL(response.headers.get('location')!, callback).href;
  }

  async logIn(login: { subject: string; amr: string[] }): Promise<string> {
    return this.landing(await this.throughProvider(login));
  }

  async session(): Promise<{ status: number; body: unknown }> {
    const response = await this.get(`${apiOrigin}/api/v1/session`);
    return { status: response.status, body: await response.json() };
  }

  cookie(origin: string, name: string): string | undefined {
    return this.#cookies.get(origin)?.get(name);
  }

  setCookie(origin: string, name: string, value: string): void {
    const cookies = this.#cookies.get(origin) ?? new Map<string, string>();
    cookies.set(name, value);
    this.#cookies.set(origin, cookies);
  }

  #keep(origin: string, header: string): void {
    const [pair = '', ...attributes] = header.split(';');
    const [name = '', ...value] = pair.trim().split('=');
    const removed = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute)) || value.join('=') === '';
    if (removed) this.#cookies.get(origin)?.delete(name);
    else this.setCookie(origin, name, value.join('='));
  }
}

async function listening(): Promise<Server> {
  const server = createServer();
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

function originOf(server: Server): string {
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function startProvider(issuer: string, redirectUri: string): TestProvider {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return new Provider(issuer, {
    clients: [{ client_id: CLIENT_ID, client_secret: CLIENT_SECRET, redirect_uris: [redirectUri], response_types: ['code'], grant_types: ['authorization_code'] }],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test', alg: 'RS256', use: 'sig' }] },
    cookies: { keys: ['cookie signing key of the test provider'] },
    findAccount: (_context: unknown, sub: string) => ({ accountId: sub, claims: () => ({ sub }) }),
    // How the user authenticated goes in every ID token, as providers that report a second factor do.
    claims: { openid: ['sub', 'amr'] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_context: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
  }) as TestProvider;
}

/**
 * The provider's requests, and its login and consent pages: those log in `nextLogin` at once and grant
 * the client the openid scope, as a user who types a password and agrees would.
 */
function providerHandler(provider: TestProvider): NodeHandler {
  const handle = provider.callback();
  return (request, response) => {
    if (!request.url?.startsWith('/interaction/')) return handle(request, response);
    void (async () => {
      const { params } = await provider.interactionDetails(request, response);
      const grant = new provider.Grant({ accountId: nextLogin.subject, clientId: params.client_id });
      grant.addOIDCScope('openid');
      const result = { login: { accountId: nextLogin.subject, amr: nextLogin.amr }, consent: { grantId: await grant.save() } };
      await provider.interactionFinished(request, response, result, { mergeWithLastSubmission: false });
    })().catch((error: unknown) => {
      response.statusCode = 500;
      response.end(String(error));
    });
  };
}

async function accountWith(username: string, role: 'registrar' | 'finance' | 'auditor' | 'letterAuthor', oidcSubject: string) {
  const { account } = await createAccount(database.db, systemContext('test'), { username, role, password: null, oidcSubject }, temporaryTotpSecretKey());
  return account;
}

async function loginEvents() {
  return listAuditEvents(database.db, { action: 'session.login', limit: 10 });
}

async function lastFailureReason(): Promise<unknown> {
  const [event] = await loginEvents();
  expect(event?.result).toBe('failure');
  const detail = event!.detail;
  return detail !== null && typeof detail === 'object' && !Array.isArray(detail) ? detail['reason'] : undefined;
}
