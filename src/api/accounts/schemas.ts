import { createRoute, z } from '@hono/zod-openapi';
import { MAXIMUM_PASSWORD_LENGTH, MINIMUM_PASSWORD_LENGTH } from '../../auth/passwords.ts';
import { ROLES } from '../../domain/access.ts';
import { permitted } from '../access.ts';
import { idempotencyKey, jsonBody, jsonContent as json, optionalText, problemResponses, safeText, textOrEmpty } from '../openapi-common.ts';

const emailAddress = z.email().max(254).openapi({ description: 'Where notifications go', example: 'a.beheerder@example.org' });

const AccountSchema = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    hasPassword: z.boolean(),
    passwordChangeRequired: z.boolean().openapi({ description: 'An administrator set the password: its holder chooses their own at the next login' }),
    hasSecondFactor: z.boolean(),
    oidcSubject: z.string().nullable(),
    email: z.string().nullable().openapi({ description: 'Where notifications go (when the server sends e-mail); null for none' }),
    disabledAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Account');

const NewAccountSchema = z
  .strictObject({
    username: safeText(100).min(2),
    displayName: textOrEmpty(200, 'title').optional(),
    role: z.enum(ROLES),
    password: safeText(1000).nullable().openapi({ description: `At least ${MINIMUM_PASSWORD_LENGTH} characters, at most ${MAXIMUM_PASSWORD_LENGTH}; null for an account that logs in only through the identity provider` }),
    oidcSubject: optionalText(255).openapi({ description: "The identity provider's subject (sub) of this person" }),
    email: emailAddress.nullable().optional(),
    secondFactor: z.boolean().optional().openapi({ description: 'A second factor also where the role does not require one' }),
  })
  .openapi('NewAccount');

export const CreatedAccountSchema = z
  .object({
    account: AccountSchema,
    totpSecret: z.string().nullable().openapi({ description: 'Base32 TOTP secret, shown once: hand it to the account holder' }),
    totpUri: z.string().nullable().openapi({ description: 'The otpauth:// address of the same secret, for an authenticator app' }),
  })
  .openapi('CreatedAccount');

const idParam = z.object({ id: z.uuid() });

export const listRoute = createRoute(
  permitted('account.read', {
    method: 'get',
    path: '/accounts',
    tags: ['accounts'],
    summary: 'All accounts',
    responses: { 200: json(z.object({ items: z.array(AccountSchema) }), 'The accounts'), ...problemResponses(401, 403) },
  }),
);

export const createAccountRoute = createRoute(
  permitted('account.manage', {
    method: 'post',
    path: '/accounts',
    tags: ['accounts'],
    summary: 'Create an account',
    request: { headers: idempotencyKey, ...jsonBody(NewAccountSchema) },
    responses: { 201: json(CreatedAccountSchema, 'The new account'), ...problemResponses(400, 401, 403, 415, 422) },
  }),
);

export const changeRoleRoute = createRoute(
  permitted('account.manage', {
    method: 'post',
    path: '/accounts/{id}/role',
    tags: ['accounts'],
    summary: "Change an account's role (its sessions end)",
    request: { params: idParam, ...jsonBody(z.strictObject({ role: z.enum(ROLES) })) },
    responses: { 200: json(AccountSchema, 'The changed account'), ...problemResponses(400, 401, 403, 404, 415) },
  }),
);

export const changeEmailRoute = createRoute(
  permitted('account.manage', {
    method: 'post',
    path: '/accounts/{id}/email',
    tags: ['accounts'],
    summary: "Set or clear an account's e-mail address for notifications",
    request: { params: idParam, ...jsonBody(z.strictObject({ email: emailAddress.nullable() })) },
    responses: { 200: json(AccountSchema, 'The changed account'), ...problemResponses(400, 401, 403, 404, 415) },
  }),
);

export const resetPasswordRoute = createRoute(
  permitted('account.manage', {
    method: 'post',
    path: '/accounts/{id}/password',
    tags: ['accounts'],
    summary: "Set a new password for another account that has one (its sessions end; its holder changes it at the next login)",
    request: {
      params: idParam,
      ...jsonBody(z.strictObject({ password: safeText(1000).min(1).openapi({ description: `At least ${MINIMUM_PASSWORD_LENGTH} characters, at most ${MAXIMUM_PASSWORD_LENGTH}` }) })),
    },
    responses: { 200: json(AccountSchema, 'The changed account'), ...problemResponses(400, 401, 403, 404, 415) },
  }),
);

export const disableRoute = createRoute(
  permitted('account.manage', {
    method: 'post',
    path: '/accounts/{id}/disable',
    tags: ['accounts'],
    summary: 'Disable an account (its sessions end)',
    request: { params: idParam },
    responses: { 200: json(AccountSchema, 'The disabled account'), ...problemResponses(401, 403, 404) },
  }),
);
