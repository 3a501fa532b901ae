import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { LoginFailedError } from '../../auth/errors.ts';
import { LOGIN_TTL_MS, oidcLogin, type OidcConfig } from '../../auth/oidc.ts';
import { sessionToken, setSessionCookie } from '../access.ts';
import { requestContext, type ApiEnv } from '../context.ts';
import { problemResponses, validationHook } from '../openapi-common.ts';
import { problem } from '../problem.ts';

/** The browser application's pages the login ends on. */
const AFTER_LOGIN = '/';
const LOGIN_FAILED = '/inloggen?fout=oidc';
/**
 * The state of the login a browser started, so that the way back is accepted only in that browser (a
 * link to someone else's callback must not log a victim in as someone else). Lax, not Strict: the way
 * back is a navigation from the provider's site.
 */
const STATE_COOKIE = 'steunregister_oidc_state';

const LoginMethodsSchema = z
  .object({
    password: z.boolean(),
    oidc: z.boolean().openapi({ description: 'Logging in through the identity provider is possible (GET /session/oidc)' }),
  })
  .openapi('LoginMethods');

const redirect = (description: string) => ({ description, headers: z.object({ Location: z.string() }) });
const notConfigured = { 404: { ...problemResponses(404)[404], description: 'No identity provider is configured' } };

const methodsRoute = createRoute({
  method: 'get',
  path: '/session/methods',
  tags: ['session'],
  summary: 'The ways to log in',
  responses: { 200: { content: { 'application/json': { schema: LoginMethodsSchema } }, description: 'The login methods' } },
});

const startRoute = createRoute({
  method: 'get',
  path: '/session/oidc',
  tags: ['session'],
  summary: 'Log in through the identity provider: a browser navigation that ends back at GET /session/oidc/callback',
  responses: {
    302: redirect('To the identity provider'),
    ...notConfigured,
  },
});

const callbackRoute = createRoute({
  method: 'get',
  path: '/session/oidc/callback',
  tags: ['session'],
  summary: 'Where the identity provider sends the browser back: sets the session cookie',
  description:
    'The query is the provider\'s authorization response (code, state and iss, or error), named as OAuth 2.0 names them. ' +
    'The ID token\'s subject must be the OpenID subject of an enabled account. The session counts as opened with the second factor ' +
    'when the token\'s amr (RFC 8176) names mfa, otp, hwk or swk. Every attempt is an audit event.',
  responses: {
    302: redirect(`Logged in: to ${AFTER_LOGIN}; refused: to ${LOGIN_FAILED}`),
    ...notConfigured,
  },
});

/** The login methods, and the login through the identity provider when one is configured. */
export function oidcRoutes(config: OidcConfig | undefined) {
  const app = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  const login = config && { ...oidcLogin(config), stateCookie: stateCookieOptions(config.redirectUri) };

  app.openapi(methodsRoute, (c) => c.json({ password: true, oidc: login !== undefined }, 200));

  app.openapi(startRoute, async (c) => {
    if (!login) return problem(c, 404) as never;
    const { db, clock } = c.get('deps');
    const { url, state } = await login.start(db, clock());
    setCookie(c, STATE_COOKIE, state, { ...login.stateCookie, maxAge: LOGIN_TTL_MS / 1000 });
    return c.redirect(url.href, 302);
  });

  app.openapi(callbackRoute, async (c) => {
    if (!login) return problem(c, 404) as never;
    const browserState = getCookie(c, STATE_COOKIE);
    deleteCookie(c, STATE_COOKIE, login.stateCookie);
    try {
      const { token } = await login.finish(c.get('deps').db, requestContext(c), {
        parameters: new URL(c.req.url).searchParams,
        browserState,
        previousToken: sessionToken(c),
      });
      setSessionCookie(c, token);
      return c.redirect(AFTER_LOGIN, 302);
    } catch (error) {
      if (error instanceof LoginFailedError) return c.redirect(LOGIN_FAILED, 302);
      throw error;
    }
  });

  return app;
}

/** Sent only to the callback, at its public path. */
function stateCookieOptions(redirectUri: URL) {
  return { httpOnly: true, secure: true, sameSite: 'Lax', path: redirectUri.pathname } as const;
}
