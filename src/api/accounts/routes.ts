import { changeEmail, changeRole, createAccount, disableAccount, listAccounts, resetPassword } from '../../auth/accounts.ts';
import { totpUri } from '../../auth/totp.ts';
import { apiRoutes } from '../api-routes.ts';
import { requestContext } from '../context.ts';
import { createIdempotently } from '../idempotency.ts';
import { changeEmailRoute, changeRoleRoute, createAccountRoute, CreatedAccountSchema, disableRoute, listRoute, resetPasswordRoute } from './schemas.ts';

export function accountsRoutes() {
  const app = apiRoutes();

  app.openapi(listRoute, async (c) => c.json({ items: await listAccounts(c.get('deps').db, requestContext(c)) }, 200));

  app.openapi(createAccountRoute, async (c) => {
    const body = c.req.valid('json');
    return createIdempotently(c, { request: body, response: CreatedAccountSchema }, async (trx) => {
      const { account, totpSecret } = await createAccount(trx, requestContext(c), body, c.get('deps').totpKey);
      const created = { account, totpSecret, totpUri: totpSecret ? totpUri(totpSecret, account.username) : null };
      return { headers: { Location: `${c.req.path}/${account.id}` }, body: created };
    });
  });

  app.openapi(changeRoleRoute, async (c) => {
    const account = await changeRole(c.get('deps').db, requestContext(c), c.req.valid('param').id, c.req.valid('json').role);
    return c.json(account, 200);
  });

  app.openapi(changeEmailRoute, async (c) => {
    const account = await changeEmail(c.get('deps').db, requestContext(c), c.req.valid('param').id, c.req.valid('json').email);
    return c.json(account, 200);
  });

  app.openapi(resetPasswordRoute, async (c) => {
    const account = await resetPassword(c.get('deps').db, requestContext(c), c.req.valid('param').id, c.req.valid('json').password);
    return c.json(account, 200);
  });

  app.openapi(disableRoute, async (c) => {
    const account = await disableAccount(c.get('deps').db, requestContext(c), c.req.valid('param').id);
    return c.json(account, 200);
  });

  return app;
}
