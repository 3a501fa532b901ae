import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { LoginFailedError, LoginThrottledError } from '../../auth/errors.ts';
import { logInWithPassword } from '../../auth/login.ts';
import { endSession, type Principal } from '../../auth/sessions.ts';
import { recordAuditEvent } from '../../audit/trail.ts';
import { permissionsOf, ROLES } from '../../domain/access.ts';
import { clearSessionCookie, sessionToken, setSessionCookie } from '../access.ts';
import { requestContext, type ApiEnv } from '../context.ts';
import { problemResponses, validationHook } from '../openapi-common.ts';
import { problem } from '../problem.ts';

const CredentialsSchema = z
  .strictObject({
    username: z.string().min(1).max(100),
    password: z.string().min(1).max(1000),
    totp: z.string().max(10).optional().openapi({ description: 'The six-digit code of the second factor, where the account has one' }),
  })
  .openapi('Credentials');

export const SessionSchema = z
  .object({
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    permissions: z.array(z.string()).openapi({ description: 'The actions this role may take' }),
    secondFactor: z.boolean().openapi({ description: 'The session was opened with a second factor' }),
    expiresAt: z.string().openapi({ description: 'When the session ends unless used before (30 minutes idle, 12 hours at most)' }),
  })
  .openapi('Session');

const loginRoute = createRoute({
  method: 'post',
  path: '/session',
  tags: ['session'],
  summary: 'Log in: sets the session cookie (a new token at every login)',
  request: { body: { content: { 'application/json': { schema: CredentialsSchema } }, required: true } },
  responses: {
    200: { content: { 'application/json': { schema: SessionSchema } }, description: 'Logged in' },
    ...problemResponses(400, 401, 429),
  },
});

const currentRoute = createRoute({
  method: 'get',
  path: '/session',
  tags: ['session'],
  summary: 'The current session',
  responses: {
    200: { content: { 'application/json': { schema: SessionSchema } }, description: 'The session of this cookie' },
    ...problemResponses(401),
  },
});

const logoutRoute = createRoute({
  method: 'delete',
  path: '/session',
  tags: ['session'],
  summary: 'Log out: ends the session',
  responses: { 204: { description: 'Logged out (also when there was no session)' }, ...problemResponses(403) },
});

export function presentSession(principal: Principal) {
  return {
    username: principal.username,
    displayName: principal.displayName,
    role: principal.role,
    permissions: permissionsOf(principal.role),
    secondFactor: principal.secondFactor,
    expiresAt: principal.expiresAt,
  };
}

export function sessionRoutes() {
  const app = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });

  app.openapi(loginRoute, async (c) => {
    const { db } = c.get('deps');
    try {
      const { token, principal } = await logInWithPassword(db, requestContext(c), c.req.valid('json'), sessionToken(c));
      setSessionCookie(c, token);
      c.set('principal', principal);
      return c.json(presentSession(principal), 200);
    } catch (error) {
      if (error instanceof LoginFailedError) return problem(c, 401, { code: 'loginFailed' }) as never;
      if (error instanceof LoginThrottledError) {
        c.header('Retry-After', String(error.retryAfterSeconds));
        return problem(c, 429, { code: 'tooManyFailedLogins' }) as never;
      }
      throw error;
    }
  });

  app.openapi(currentRoute, (c) => {
    const principal = c.get('principal');
    if (!principal) return problem(c, 401) as never;
    return c.json(presentSession(principal), 200);
  });

  app.openapi(logoutRoute, async (c) => {
    const { db, clock } = c.get('deps');
    const token = sessionToken(c);
    const principal = c.get('principal');
    if (token && principal) {
      await db.transaction().execute(async (trx) => {
        await endSession(trx, token, clock());
        await recordAuditEvent(trx, requestContext(c), {
          action: 'session.logout',
          object: { type: 'account', id: principal.accountId },
          result: 'success',
        });
      });
    }
    clearSessionCookie(c);
    return c.body(null, 204);
  });

  return app;
}
