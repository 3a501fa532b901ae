import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { changeRole, createAccount, disableAccount, viewOf } from '../../auth/accounts.ts';
import { totpUri } from '../../auth/totp.ts';
import { recordAuditEvent } from '../../audit/trail.ts';
import { ROLES } from '../../domain/access.ts';
import { listAccounts } from '../../db/repositories/accounts.ts';
import { permitted } from '../access.ts';
import { requestContext, type ApiEnv } from '../context.ts';
import { createOnce } from '../idempotency.ts';
import { idempotencyKey, jsonContent as json, problemResponses, validationHook } from '../openapi-common.ts';

const AccountSchema = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    hasPassword: z.boolean(),
    hasSecondFactor: z.boolean(),
    oidcSubject: z.string().nullable(),
    disabledAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Account');

const NewAccountSchema = z
  .strictObject({
    username: z.string().min(2).max(100),
    displayName: z.string().max(200).optional(),
    role: z.enum(ROLES),
    password: z.string().max(1000).nullable().openapi({ description: 'At least 12 characters; null for an account that logs in only through the identity provider' }),
    oidcSubject: z.string().max(255).nullable().optional().openapi({ description: "The identity provider's subject (sub) of this person" }),
    secondFactor: z.boolean().optional().openapi({ description: 'A second factor also where the role does not require one' }),
  })
  .openapi('NewAccount');

const CreatedAccountSchema = z
  .object({
    account: AccountSchema,
    totpSecret: z.string().nullable().openapi({ description: 'Base32 TOTP secret, shown once: hand it to the account holder' }),
    totpUri: z.string().nullable().openapi({ description: 'The otpauth:// address of the same secret, for an authenticator app' }),
  })
  .openapi('CreatedAccount');

const idParam = z.object({ id: z.uuid() });

const listRoute = createRoute(
  permitted('account.read', {
    method: 'get',
    path: '/accounts',
    tags: ['accounts'],
    summary: 'All accounts',
    responses: { 200: json(z.object({ items: z.array(AccountSchema) }), 'The accounts'), ...problemResponses(401, 403) },
  }),
);

const createAccountRoute = createRoute(
  permitted('account.manage', {
    method: 'post',
    path: '/accounts',
    tags: ['accounts'],
    summary: 'Create an account',
    request: { headers: idempotencyKey, body: { content: { 'application/json': { schema: NewAccountSchema } }, required: true } },
    responses: { 201: json(CreatedAccountSchema, 'The new account'), ...problemResponses(400, 401, 403, 415, 422) },
  }),
);

const changeRoleRoute = createRoute(
  permitted('account.manage', {
    method: 'post',
    path: '/accounts/{id}/role',
    tags: ['accounts'],
    summary: "Change an account's role (its sessions end)",
    request: { params: idParam, body: { content: { 'application/json': { schema: z.strictObject({ role: z.enum(ROLES) }) } }, required: true } },
    responses: { 200: json(AccountSchema, 'The changed account'), ...problemResponses(400, 401, 403, 404, 415) },
  }),
);

const disableRoute = createRoute(
  permitted('account.manage', {
    method: 'post',
    path: '/accounts/{id}/disable',
    tags: ['accounts'],
    summary: 'Disable an account (its sessions end)',
    request: { params: idParam },
    responses: { 200: json(AccountSchema, 'The disabled account'), ...problemResponses(401, 403, 404) },
  }),
);

export function accountsRoutes() {
  const app = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });

  app.openapi(listRoute, async (c) => {
    const { db } = c.get('deps');
    const items = await db.transaction().execute(async (trx) => {
      const accounts = await listAccounts(trx);
      await recordAuditEvent(trx, requestContext(c), { action: 'account.read', object: { type: 'account', id: '*' }, result: 'success' });
      return accounts.map(viewOf);
    });
    return c.json({ items }, 200);
  });

  app.openapi(createAccountRoute, async (c) => {
    const { db } = c.get('deps');
    const body = c.req.valid('json');
    const response = await createOnce(c, db, body, async (trx) => {
      const { account, totpSecret } = await createAccount(trx, requestContext(c), body);
      const created = { account, totpSecret, totpUri: totpSecret ? totpUri(totpSecret, account.username) : null };
      return { status: 201, headers: { Location: `${c.req.path}/${account.id}` }, body: created };
    });
    return response as never;
  });

  app.openapi(changeRoleRoute, async (c) => {
    const account = await changeRole(c.get('deps').db, requestContext(c), c.req.valid('param').id, c.req.valid('json').role);
    return c.json(account, 200);
  });

  app.openapi(disableRoute, async (c) => {
    const account = await disableAccount(c.get('deps').db, requestContext(c), c.req.valid('param').id);
    return c.json(account, 200);
  });

  return app;
}
