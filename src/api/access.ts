import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AuditReason } from '../audit/reasons.ts';
import { recordAuditEvent } from '../audit/trail.ts';
import { escapeUnsafeCharacters } from '../../common/text.ts';
import type { AuditAction } from '../../common/vocabulary/codes.ts';
import { resolveSession } from '../auth/sessions.ts';
import { isAllowed, isConfidential, type Action } from '../domain/access.ts';
import { requestContext, type ApiEnv } from './context.ts';
import { problem } from './problem.ts';

export const SESSION_COOKIE = 'steunregister_session';

/** The paths under /api/v1 that answer without a session. Everything else needs one. */
function isPublicPath(path: string): boolean {
  return path === '/openapi.json' || path === '/session' || path.startsWith('/session/') || path === '/public' || path.startsWith('/public/');
}

export function sessionToken(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE);
}

export function setSessionCookie(c: Context, token: string): void {
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, secure: true, sameSite: 'Strict', path: '/' });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { httpOnly: true, secure: true, sameSite: 'Strict', path: '/' });
}

/**
 * Finds the session of the request. A request without a valid session to anything but a public path is
 * refused with 401, and the refusal is an audit event. So is, with 403, a request of a session whose account
 * must first choose its own password (an administrator set the one it logged in with): only the session's
 * own paths answer it, among them the change of its password.
 */
export function authenticate(apiPath: (c: Context) => string): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const deps = c.get('deps');
    const token = sessionToken(c);
    const principal = token ? await resolveSession(deps.db, token, deps.clock()) : null;
    c.set('principal', principal);
    if (isPublicPath(apiPath(c))) return next();
    if (principal?.passwordChangeRequired) {
      await recordDenial(c, 'access', 'passwordChangeRequired');
      return problem(c, 403, { code: 'passwordChangeRequired' });
    }
    if (principal) return next();
    if (token) clearSessionCookie(c);
    await recordDenial(c, 'access', token ? 'sessionExpired' : 'noSession');
    return problem(c, 401);
  };
}

/**
 * A route that takes an action: the permission check runs before anything else of the route (before
 * the input is even validated), and the OpenAPI description states the action as `x-permission`. A route
 * whose allowed requests the audit trail records under an action of their own (listing the annexes is not
 * opening one) states that action as `x-audit-action`.
 */
export function permitted<R extends object>(
  action: Action,
  route: R,
  { recordedAs }: { recordedAs?: AuditAction } = {},
): R & { middleware: MiddlewareHandler<ApiEnv>[]; 'x-permission': Action } {
  return { ...route, middleware: [requirePermission(action)], 'x-permission': action, ...(recordedAs ? { 'x-audit-action': recordedAs } : {}), security: [{ session: [] }] };
}

/**
 * Allows the request only when the principal's role may take the action, and, for confidential
 * material, when the session was opened with the second factor. Every refusal is an audit event; every
 * confidential action that is allowed is recorded by its handler.
 */
function requirePermission(action: Action): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const principal = c.get('principal');
    if (!principal) {
      await recordDenial(c, action, 'noSession');
      return problem(c, 401);
    }
    if (!isAllowed(principal.role, action)) {
      await recordDenial(c, action, 'notPermitted');
      return problem(c, 403, { code: 'notPermitted' });
    }
    if (isConfidential(action) && !principal.secondFactor) {
      await recordDenial(c, action, 'secondFactorRequired');
      return problem(c, 403, { code: 'secondFactorRequired' });
    }
    return next();
  };
}

/** The most characters of a refused request's path the audit trail keeps: no path of the API is longer. */
const AUDITED_PATH_LENGTH = 500;

/** A refused request's path as the audit trail records it: safe to show, and cut short so that no request writes kilobytes into it. */
export function auditedPath(c: Context): string {
  const path = c.req.path.length > AUDITED_PATH_LENGTH ? `${c.req.path.slice(0, AUDITED_PATH_LENGTH)}…` : c.req.path;
  return escapeUnsafeCharacters(path);
}

/** Records a refused request in the audit trail (in a transaction of its own: the request changes nothing). */
export async function recordDenial(c: Context<ApiEnv>, action: AuditAction, reason: AuditReason): Promise<void> {
  const path = auditedPath(c);
  await recordAuditEvent(c.get('deps').db, requestContext(c), {
    action,
    object: { type: 'path', id: path },
    result: 'denied',
    detail: { reason, method: c.req.method, path },
  });
}
