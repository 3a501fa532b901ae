import type { Kysely } from 'kysely';
import * as client from 'openid-client';
import type { AuditReason } from '../audit/reasons.ts';
import { recordAuditEvent, type RequestContext } from '../audit/trail.ts';
import { SECOND_FACTOR_ROLES } from '../../common/second-factor.ts';
import { isRole } from '../domain/access.ts';
import { StartRefusedError } from '../start-refused.ts';
import { findAccountByOidcSubject } from '../db/repositories/accounts.ts';
import { deleteOidcLoginsStartedBefore, insertOidcLogin, takeOidcLogin } from '../db/repositories/oidc-logins.ts';
import { endSession } from '../db/repositories/sessions.ts';
import type { Database } from '../db/schema.ts';
import { LoginFailedError } from './errors.ts';
import type { LoginResult } from './login.ts';
import { openSession } from './sessions.ts';
import { tokenHash } from './tokens.ts';

type Db = Kysely<Database>;

/** The identity provider the register trusts, and how the register is registered there. */
export interface OidcConfig {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  /** The public URL of GET /api/v1/session/oidc/callback, exactly as registered at the provider. */
  redirectUri: URL;
  /** Space-separated; always includes `openid`. */
  scopes: string;
}

/** How long a login may take at the provider: after that its state is no longer accepted. */
export const LOGIN_TTL_MS = 10 * 60 * 1000;
/** The provider's metadata is fetched again after this long (its keys are refetched when they change). */
const DISCOVERY_TTL_MS = 60 * 60 * 1000;

/**
 * Authentication methods (RFC 8176) that mean the provider asked for more than a password: several
 * factors, a one-time password, or proof of a hardware or software key. A session whose ID token names
 * one of them in `amr` counts as opened with the second factor; any other session does not, and is
 * refused confidential material as a password session without TOTP would be.
 */
const SECOND_FACTOR_METHODS: ReadonlySet<string> = new Set(['mfa', 'otp', 'hwk', 'swk']);

const REQUIRED_VARIABLES = ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URI'] as const;

/**
 * The identity provider from the environment: OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET,
 * OIDC_REDIRECT_URI and, optionally, OIDC_SCOPES (default `openid`). Undefined when none is set (only
 * password logins); an error naming what is missing or wrong when it is set up halfway.
 */
export function oidcConfigFromEnvironment(env: Readonly<Record<string, string | undefined>>): OidcConfig | undefined {
  const value = (name: string) => env[name]?.trim() || undefined;
  const issuer = value('OIDC_ISSUER');
  if (!issuer) {
    const stray = [...REQUIRED_VARIABLES, 'OIDC_SCOPES'].filter(value);
    if (stray.length > 0) throw new StartRefusedError(`OpenID Connect is half configured: ${stray.join(', ')} set, but OIDC_ISSUER not`);
    return undefined;
  }
  const missing = REQUIRED_VARIABLES.filter((name) => !value(name));
  if (missing.length > 0) throw new StartRefusedError(`OpenID Connect is half configured: OIDC_ISSUER set, but ${missing.join(', ')} not`);

  const redirectUri = secureUrl('OIDC_REDIRECT_URI', value('OIDC_REDIRECT_URI')!);
  if (!redirectUri.pathname.endsWith('/session/oidc/callback') || redirectUri.search || redirectUri.hash) {
    throw new StartRefusedError(`OIDC_REDIRECT_URI must be the public URL of /api/v1/session/oidc/callback, not ${redirectUri.href}`);
  }
  const scopes = new Set(['openid', ...(value('OIDC_SCOPES')?.split(/[\s,]+/) ?? [])]);
  return {
    issuer: secureUrl('OIDC_ISSUER', issuer),
    clientId: value('OIDC_CLIENT_ID')!,
    clientSecret: value('OIDC_CLIENT_SECRET')!,
    redirectUri,
    scopes: [...scopes].join(' '),
  };
}

/** An https URL; plain http only on this machine (a provider started by the tests, or for development). */
function secureUrl(name: string, text: string): URL {
  if (!URL.canParse(text)) throw new StartRefusedError(`${name} must be a URL, not "${text}"`);
  const url = new URL(text);
  if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url))) return url;
  throw new StartRefusedError(`${name} must be an https URL (http only on localhost), not ${url.href}`);
}

function isLoopback(url: URL): boolean {
  return url.hostname === 'localhost' || url.hostname === '127.0.0.1';
}

/** The login through the identity provider: a redirect there, and the way back. */
export interface OidcLogin {
  /** The path of the callback, at which the provider sends the browser back. */
  callbackPath: string;
  /**
   * Where to send the browser: the provider's authorization endpoint with a new state, nonce and PKCE
   * (S256) challenge, which are kept for one use within LOGIN_TTL_MS. The state is also returned, for
   * the caller to tie the login to the browser that starts it.
   */
  start(db: Db, now: Date): Promise<{ url: URL; state: string }>;
  /**
   * Completes a login from the provider's redirect: the state must be the one the browser started
   * with, known and unused; the code is exchanged and the ID token checked (issuer, audience, nonce,
   * expiry); its subject must be an enabled account's OpenID subject. Every attempt is an audit event;
   * any failure is a LoginFailedError. A session the browser already had is ended.
   */
  finish(db: Db, context: RequestContext, callback: OidcCallback): Promise<LoginResult>;
}

interface OidcCallback {
  /** The query parameters the provider sent the browser back with. */
  parameters: URLSearchParams;
  /** The state of the login this browser started, if any. */
  browserState: string | undefined;
  previousToken: string | undefined;
}

export function oidcLogin(config: OidcConfig): OidcLogin {
  const discovery = discoveryCache(config);
  return {
    callbackPath: config.redirectUri.pathname,
    async start(db, now) {
      const provider = await discovery(now);
      const login = { state: client.randomState(), codeVerifier: client.randomPKCECodeVerifier(), nonce: client.randomNonce() };
      await deleteOidcLoginsStartedBefore(db, new Date(now.getTime() - LOGIN_TTL_MS).toISOString());
      await insertOidcLogin(db, { ...login, createdAt: now.toISOString() });
      const url = client.buildAuthorizationUrl(provider, {
        redirect_uri: config.redirectUri.href,
        scope: config.scopes,
        state: login.state,
        nonce: login.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(login.codeVerifier),
        code_challenge_method: 'S256',
      });
      return { url, state: login.state };
    },

    async finish(db, context, { parameters, browserState, previousToken }) {
      const now = context.now();
      const state = parameters.get('state');
      if (!state || state !== browserState) return fail(db, context, 'stateNotOfThisBrowser');
      const login = await takeOidcLogin(db, state);
      if (!login) return fail(db, context, 'stateUnknownOrUsed');
      if (Date.parse(login.createdAt) < now.getTime() - LOGIN_TTL_MS) return fail(db, context, 'stateExpired');

      let claims: client.IDToken | undefined;
      try {
        // The code is bound to the redirect URI as registered, not to the URL this request reached
        // behind a reverse proxy.
        const callbackUrl = new URL(config.redirectUri);
        callbackUrl.search = parameters.toString();
        const tokens = await client.authorizationCodeGrant(await discovery(now), callbackUrl, {
          expectedState: login.state,
          expectedNonce: login.nonce,
          pkceCodeVerifier: login.codeVerifier,
          idTokenExpected: true,
        });
        claims = tokens.claims();
      } catch (error) {
        if (error instanceof client.AuthorizationResponseError) return fail(db, context, 'providerRefused', { error: error.error });
        return fail(db, context, 'tokenRejected', { error: errorCode(error) });
      }
      if (!claims) return fail(db, context, 'tokenRejected');

      const subject = claims.sub;
      const account = await findAccountByOidcSubject(db, subject);
      if (!account) return fail(db, context, 'accountUnknown', { subject });
      if (account.disabledAt !== null || !isRole(account.role)) return fail(db, context, 'accountDisabled', { subject });

      const amr = Array.isArray(claims.amr) ? claims.amr.filter((method) => typeof method === 'string') : [];
      const secondFactor = amr.some((method) => SECOND_FACTOR_METHODS.has(method));
      // As with passwords: the roles that always have a second factor cannot log in without one.
      if (!secondFactor && SECOND_FACTOR_ROLES.has(account.role)) return fail(db, context, 'secondFactorRequired', { subject });
      return db.transaction().execute(async (trx) => {
        if (previousToken) await endSession(trx, tokenHash(previousToken), now.toISOString());
        const result = await openSession(trx, account, secondFactor, now, context);
        await recordAuditEvent(trx, { ...context, actor: { id: account.id, username: account.username, role: account.role } }, {
          action: 'session.login',
          object: { type: 'account', id: account.id },
          result: 'success',
          detail: { method: 'oidc', subject, amr, secondFactor },
        });
        return result;
      });
    },
  };
}

/**
 * The provider's metadata, fetched when first needed rather than at start-up (a provider that is down
 * then must not keep the register from starting), kept for DISCOVERY_TTL_MS, and fetched again at the
 * next login when fetching failed.
 */
function discoveryCache(config: OidcConfig): (now: Date) => Promise<client.Configuration> {
  let cached: { configuration: Promise<client.Configuration>; fetchedAt: number } | undefined;
  return (now) => {
    if (!cached || now.getTime() - cached.fetchedAt > DISCOVERY_TTL_MS) {
      const configuration = client.discovery(
        config.issuer,
        config.clientId,
        undefined,
        client.ClientSecretBasic(config.clientSecret),
        config.issuer.protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : undefined,
      );
      const entry = { configuration, fetchedAt: now.getTime() };
      configuration.catch(() => {
        if (cached === entry) cached = undefined;
      });
      cached = entry;
    }
    return cached.configuration;
  };
}

function errorCode(error: unknown): string {
  if (error instanceof client.ResponseBodyError) return error.error;
  if (error instanceof client.ClientError && error.code) return error.code;
  return error instanceof Error ? error.name : 'unknown';
}

async function fail(db: Db, context: RequestContext, reason: AuditReason, extra: { subject?: string; error?: string } = {}): Promise<never> {
  await recordAuditEvent(db, context, {
    action: 'session.login',
    object: extra.subject === undefined ? null : { type: 'oidcSubject', id: extra.subject },
    result: 'failure',
    detail: { method: 'oidc', reason, ...(extra.error === undefined ? {} : { error: extra.error }) },
  });
  throw new LoginFailedError();
}
