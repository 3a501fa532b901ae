import { OpenAPIHono } from '@hono/zod-openapi';
import { decide, decisionsOf, disclosureQueue } from '../../register/disclosure.ts';
import { ValidationError } from '../../register/errors.ts';
import { requestContext, type ApiEnv } from '../context.ts';
import { presentSummary } from '../deliveries/presenters.ts';
import { createIdempotently } from '../idempotency.ts';
import { validationHook } from '../openapi-common.ts';
import { decisionInput, inputViolations } from './presenters.ts';
import { decideRoute, DecisionsSchema, historyRoute, queueRoute } from './schemas.ts';

export function disclosureRoutes() {
  const app = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });

  app.openapi(queueRoute, async (c) => {
    const { db, clock } = c.get('deps');
    const query = c.req.valid('query');
    const queue = await disclosureQueue(db, requestContext(c), {
      referenceDate: query.referenceDate ?? clock().toISOString().slice(0, 10),
      page: query.page ?? 1,
      pageSize: query.pageSize ?? 25,
    });
    return c.json({ ...queue, undecided: { ...queue.undecided, items: queue.undecided.items.map(presentSummary) } }, 200);
  });

  app.openapi(historyRoute, async (c) => {
    const items = await decisionsOf(c.get('deps').db, requestContext(c), c.req.valid('param').id);
    return c.json({ items }, 200);
  });

  app.openapi(decideRoute, async (c) => {
    const body = c.req.valid('json');
    const violations = inputViolations(body);
    if (violations.length > 0) throw new ValidationError(violations);
    return createIdempotently(c, { request: body, response: DecisionsSchema }, async (trx) => ({
      body: { items: await decide(trx, requestContext(c), body.deliveryIds, decisionInput(body)) },
    }));
  });

  return app;
}
