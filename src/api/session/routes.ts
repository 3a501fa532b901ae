import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Kysely } from 'kysely';
import type { AuditReason } from '../../audit/reasons.ts';
import { recordAuditEvent } from '../../audit/trail.ts';
import { LoginFailedError, LoginThrottledError } from '../../auth/errors.ts';
import { logInWithPassword, logOut } from '../../auth/login.ts';
import { LOGIN_TTL_MS, type OidcLogin } from '../../auth/oidc.ts';
import { changeOwnPassword } from '../../auth/own-password.ts';
import type { Principal } from '../../auth/sessions.ts';
import { containsDemonstrationData } from '../../db/repositories/deliveries.ts';
import type { Database } from '../../db/schema.ts';
import { permissionsOf } from '../../domain/access.ts';
import { apiRoutes } from '../api-routes.ts';
import { auditedPath, clearSessionCookie, sessionToken, setSessionCookie } from '../access.ts';
import { requestContext } from '../context.ts';
import { problem } from '../problem.ts';
import { AFTER_LOGIN, callbackRoute, changePasswordRoute, currentRoute, LOGIN_FAILED, loginRoute, logoutRoute, methodsRoute, startRoute } from './schemas.ts';

/**
 * The state of the login a browser started through the identity provider, so that the way back is
 * accepted only in that browser (a link to someone else's callback must not log a victim in as someone
 * else). Lax, not Strict: the way back is a navigation from the provider's site.
 */
const STATE_COOKIE = 'steunregister_oidc_state';

/** The session as its browser sees it, with whether the register holds demonstration data so that every role is told. */
async function presentSession(db: Kysely<Database>, principal: Principal) {
  return {
    username: principal.username,
    displayName: principal.displayName,
    role: principal.role,
    hasPassword: principal.hasPassword,
    passwordChangeRequired: principal.passwordChangeRequired,
    permissions: permissionsOf(principal.role),
    secondFactor: principal.secondFactor,
    expiresAt: principal.expiresAt,
    isDemonstration: await containsDemonstrationData(db),
  };
}

/** Sent only to the callback, at its public path. */
function stateCookieOptions(oidc: OidcLogin) {
  return { httpOnly: true, secure: true, sameSite: 'Lax', path: oidc.callbackPath } as const;
}

/** Logging in (with a password or through the identity provider), the current session, logging out. */
export function sessionRoutes() {
  const app = apiRoutes();

  app.openapi(loginRoute, async (c) => {
    try {
      const { token, principal } = await logInWithPassword(c.get('deps').db, requestContext(c), c.req.valid('json'), c.get('deps').totpKey, sessionToken(c));
      setSessionCookie(c, token);
      c.set('principal', principal);
      return c.json(await presentSession(c.get('deps').db, principal), 200);
    } catch (error) {
      if (error instanceof LoginFailedError) return problem(c, 401, { code: 'loginFailed' });
      if (error instanceof LoginThrottledError) {
        c.header('Retry-After', String(error.retryAfterSeconds));
        return problem(c, 429, { code: 'tooManyFailedLogins' });
      }
      throw error;
    }
  });

  app.openapi(currentRoute, async (c) => {
    const principal = c.get('principal');
    if (!principal) return problem(c, 401);
    return c.json(await presentSession(c.get('deps').db, principal), 200);
  });

  app.openapi(logoutRoute, async (c) => {
    const token = sessionToken(c);
    const principal = c.get('principal');
    if (token && principal) await logOut(c.get('deps').db, requestContext(c), token, principal.accountId);
    clearSessionCookie(c);
    return c.body(null, 204);
  });

  app.openapi(changePasswordRoute, async (c) => {
    const principal = c.get('principal');
    const { db } = c.get('deps');
    if (!principal) {
      // Under /session, which answers without a session, so refused here rather than by the access check.
      const path = auditedPath(c);
      await recordAuditEvent(db, requestContext(c), { action: 'account.changePassword', object: { type: 'path', id: path }, result: 'failure', detail: { reason: 'noSession' satisfies AuditReason, method: c.req.method, path } });
      return problem(c, 401);
    }
    try {
      const { otherSessionsEnded } = await changeOwnPassword(db, requestContext(c), principal, c.req.valid('json'));
      // The session as it is now: no longer held to the change of its password.
      return c.json({ otherSessionsEnded, session: await presentSession(db, { ...principal, passwordChangeRequired: false }) }, 200);
    } catch (error) {
      if (error instanceof LoginThrottledError) {
        c.header('Retry-After', String(error.retryAfterSeconds));
        return problem(c, 429, { code: 'tooManyWrongPasswords' });
      }
      throw error;
    }
  });

  app.openapi(methodsRoute, (c) => c.json({ password: true, oidc: c.get('deps').oidc !== undefined }, 200));

  app.openapi(startRoute, async (c) => {
    const { db, clock, oidc } = c.get('deps');
    if (!oidc) return problem(c, 404);
    const { url, state } = await oidc.start(db, clock());
    setCookie(c, STATE_COOKIE, state, { ...stateCookieOptions(oidc), maxAge: LOGIN_TTL_MS / 1000 });
    return c.redirect(url.href, 302);
  });

  app.openapi(callbackRoute, async (c) => {
    const { db, oidc } = c.get('deps');
    if (!oidc) return problem(c, 404);
    const browserState = getCookie(c, STATE_COOKIE);
    deleteCookie(c, STATE_COOKIE, stateCookieOptions(oidc));
    try {
      const { token } = await oidc.finish(db, requestContext(c), {
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
