import { createRoute, z } from '@hono/zod-openapi';
import { ACTIONS, ROLES } from '../../domain/access.ts';
import { MAXIMUM_PASSWORD_LENGTH, MINIMUM_PASSWORD_LENGTH } from '../../auth/passwords.ts';
import { jsonBody, jsonContent as json, problemResponses, safeText } from '../openapi-common.ts';

/** The browser application's pages a login through the identity provider ends on. */
export const AFTER_LOGIN = '/';
export const LOGIN_FAILED = '/inloggen?fout=oidc';

const CredentialsSchema = z
  .strictObject({
    username: safeText(100).min(1),
    password: safeText(1000).min(1),
    totp: safeText(10).optional().openapi({ description: 'The six-digit code of the second factor, where the account has one' }),
  })
  .openapi('Credentials');

const SessionSchema = z
  .object({
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    hasPassword: z.boolean().openapi({ description: 'The account logs in with a password, which its holder may change (POST /session/password); false where it logs in only through the identity provider' }),
    passwordChangeRequired: z
      .boolean()
      .openapi({ description: 'An administrator set the password: until its holder chooses their own (POST /session/password), every path outside /session and /public is refused (403, passwordChangeRequired)' }),
    permissions: z.array(z.enum(ACTIONS)).openapi({ description: 'The actions this role may take' }),
    secondFactor: z.boolean().openapi({ description: 'The session was opened with a second factor' }),
    expiresAt: z.string().openapi({ description: 'When the session ends unless used before (30 minutes idle, 12 hours at most)' }),
    isDemonstration: z.boolean().openapi({ description: 'The register holds demonstration data: every page says so, whatever the role may read' }),
  })
  .openapi('Session');

const PasswordChangeSchema = z
  .strictObject({
    currentPassword: safeText(1000).min(1).openapi({ description: 'The password the account has now; a wrong one counts as a failed login does' }),
    newPassword: safeText(1000).min(1).openapi({ description: `At least ${MINIMUM_PASSWORD_LENGTH} characters, at most ${MAXIMUM_PASSWORD_LENGTH}, not easy to guess, and not the current one` }),
  })
  .openapi('PasswordChange');

const PasswordChangedSchema = z
  .object({
    otherSessionsEnded: z.number().int().openapi({ description: 'How many other sessions of the account (other browsers and devices) ended; this one stays' }),
    session: SessionSchema,
  })
  .openapi('PasswordChanged');

export const loginRoute = createRoute({
  method: 'post',
  path: '/session',
  tags: ['session'],
  summary: 'Log in: sets the session cookie (a new token at every login)',
  request: jsonBody(CredentialsSchema),
  responses: { 200: json(SessionSchema, 'Logged in'), ...problemResponses(400, 401, 429) },
});

export const currentRoute = createRoute({
  method: 'get',
  path: '/session',
  tags: ['session'],
  summary: 'The current session',
  responses: { 200: json(SessionSchema, 'The session of this cookie'), ...problemResponses(401) },
});

export const logoutRoute = createRoute({
  method: 'delete',
  path: '/session',
  tags: ['session'],
  summary: 'Log out: ends the session',
  responses: { 204: { description: 'Logged out (also when there was no session)' }, ...problemResponses(403) },
});

export const changePasswordRoute = createRoute({
  method: 'post',
  path: '/session/password',
  tags: ['session'],
  summary: "Change the session's own password, with the current one: the account's other sessions end",
  description:
    'For an account that logs in with a password. A wrong current password is a failed guess, counted and slowed down as a failed login is ' +
    '(429 with Retry-After). The change is an audit event, without either password.',
  request: jsonBody(PasswordChangeSchema),
  responses: { 200: json(PasswordChangedSchema, 'Changed'), ...problemResponses(400, 401, 403, 415, 429) },
});

const LoginMethodsSchema = z
  .object({
    password: z.boolean(),
    oidc: z.boolean().openapi({ description: 'Logging in through the identity provider is possible (GET /session/oidc)' }),
  })
  .openapi('LoginMethods');

const redirect = (description: string) => ({ description, headers: z.object({ Location: z.string() }) });
const notConfigured = { 404: { ...problemResponses(404)[404], description: 'No identity provider is configured' } };

export const methodsRoute = createRoute({
  method: 'get',
  path: '/session/methods',
  tags: ['session'],
  summary: 'The ways to log in',
  responses: { 200: json(LoginMethodsSchema, 'The login methods') },
});

export const startRoute = createRoute({
  method: 'get',
  path: '/session/oidc',
  tags: ['session'],
  summary: 'Log in through the identity provider: a browser navigation that ends back at GET /session/oidc/callback',
  responses: {
    302: redirect('To the identity provider'),
    ...notConfigured,
  },
});

export const callbackRoute = createRoute({
  method: 'get',
  path: '/session/oidc/callback',
  tags: ['session'],
  summary: 'Where the identity provider sends the browser back: sets the session cookie',
  description:
    'The query is the provider\'s authorization response (code, state and iss, or error), named as OAuth 2.0 names them. ' +
    'The ID token\'s subject must be the OpenID subject of an enabled account. The session counts as opened with the second factor ' +
    'when the token\'s amr (RFC 8176) names mfa, otp, hwk or swk. Every attempt is an audit event.',
  'x-foreign-parameters': 'An identity provider may add parameters of its own to its answer (session_state, scope, authuser)',
  request: {
    query: z.looseObject({
      code: z.string().optional().openapi({ description: 'The authorization code' }),
      state: z.string().optional().openapi({ description: 'The state the login started with' }),
      iss: z.string().optional().openapi({ description: 'The issuer (RFC 9207)' }),
      error: z.string().optional().openapi({ description: 'Why the provider refused the login' }),
      error_description: z.string().optional(),
    }),
  },
  responses: {
    302: redirect(`Logged in: to ${AFTER_LOGIN}; refused: to ${LOGIN_FAILED}`),
    ...notConfigured,
  },
});
