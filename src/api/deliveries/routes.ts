import { OpenAPIHono } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import { isIsoDate } from '../../../common/dates.ts';
import { lifecycleViolations, type DeliveryInput, type DeliverySortKey, type LifecycleDates } from '../../domain/delivery.ts';
import type { Database } from '../../db/schema.ts';
import * as deliveriesRepository from '../../db/repositories/deliveries.ts';
import * as register from '../../register/deliveries.ts';
import type { ApiEnv } from '../context.ts';
import { requestContext } from '../context.ts';
import { createOnce } from '../idempotency.ts';
import { versionInIfMatch } from '../if-match.ts';
import { validationHookWith } from '../openapi-common.ts';
import { problem } from '../problem.ts';
import {
  addPaymentRoute,
  addValuationRoute,
  createDeliveryRoute,
  deleteRoute,
  getRoute,
  listRoute,
  patchRoute,
  replaceRoute,
} from './operations.ts';
import { completeInput, presentDelivery, presentSummary, withoutUndefined } from './presenters.ts';

const etag = (version: number) => `"${version}"`;

/** The lifecycle order of the dates in a body that are dates at all. */
function lifecycleViolationsOfInput(input: unknown) {
  const body = (input ?? {}) as Record<string, unknown>;
  const dateOf = (field: keyof LifecycleDates) => {
    const value = body[field];
    return typeof value === 'string' && isIsoDate(value) ? value : null;
  };
  return lifecycleViolations({
    pledgedAt: dateOf('pledgedAt'),
    committedAt: dateOf('committedAt'),
    realisedAt: dateOf('realisedAt'),
    deliveredAt: dateOf('deliveredAt'),
  });
}

export function deliveriesRoutes(db: Kysely<Database>) {
  const app = new OpenAPIHono<ApiEnv>({ defaultHook: validationHookWith(lifecycleViolationsOfInput) });

  app.openapi(listRoute, async (c) => {
    const query = c.req.valid('query');
    const sort = query.sort ?? '-realisedAt';
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 25;
    const listing = deliveriesRepository.listDeliveries(db, {
      supportType: query.supportType,
      category: query.category,
      stage: query.stage,
      disclosureState: query.disclosureState,
      text: query.q,
      realisedFrom: query.realisedFrom,
      realisedTo: query.realisedTo,
      sort: sort.replace(/^-/, '') as DeliverySortKey,
      descending: sort.startsWith('-'),
      offset: (page - 1) * pageSize,
      limit: pageSize,
    });
    const [result, isDemonstration] = await Promise.all([listing, deliveriesRepository.containsDemonstrationData(db)]);
    return c.json({ items: result.items.map(presentSummary), page, pageSize, total: result.total, isDemonstration }, 200);
  });

  app.openapi(createDeliveryRoute, async (c) => {
    const body = c.req.valid('json');
    const response = await createOnce(c, db, body, async (trx) => {
      const delivery = await register.createDelivery(trx, requestContext(c), completeInput(body));
      const headers = { Location: `${c.req.path}/${delivery.id}`, ETag: etag(delivery.version) };
      return { status: 201, headers, body: presentDelivery(delivery) };
    });
    return response as never;
  });

  app.openapi(getRoute, async (c) => {
    const delivery = await register.getDelivery(db, c.req.valid('param').id);
    c.header('ETag', etag(delivery.version));
    return c.json(presentDelivery(delivery), 200);
  });

  app.openapi(replaceRoute, async (c) => {
    const version = versionInIfMatch(c.req.valid('header')['if-match']);
    if (version === undefined) return problem(c, 428) as never;
    const delivery = await register.updateDelivery(db, requestContext(c), c.req.valid('param').id, completeInput(c.req.valid('json')), version);
    c.header('ETag', etag(delivery.version));
    return c.json(presentDelivery(delivery), 200);
  });

  app.openapi(patchRoute, async (c) => {
    const version = versionInIfMatch(c.req.valid('header')['if-match']);
    if (version === undefined) return problem(c, 428) as never;
    const change = withoutUndefined(c.req.valid('json')) as Partial<DeliveryInput>;
    const delivery = await register.updateDelivery(db, requestContext(c), c.req.valid('param').id, change, version);
    c.header('ETag', etag(delivery.version));
    return c.json(presentDelivery(delivery), 200);
  });

  app.openapi(deleteRoute, async (c) => {
    const version = versionInIfMatch(c.req.valid('header')['if-match']);
    if (version === undefined) return problem(c, 428) as never;
    await register.deleteDelivery(db, requestContext(c), c.req.valid('param').id, version);
    return c.body(null, 204);
  });

  app.openapi(addValuationRoute, async (c) => {
    const body = c.req.valid('json');
    const response = await createOnce(c, db, body, async (trx) => {
      const valuation = await register.addValuation(trx, requestContext(c), c.req.valid('param').id, body);
      return { status: 201, headers: {}, body: valuation };
    });
    return response as never;
  });

  app.openapi(addPaymentRoute, async (c) => {
    const body = c.req.valid('json');
    const response = await createOnce(c, db, body, async (trx) => {
      const payment = await register.addPayment(trx, requestContext(c), c.req.valid('param').id, { ...body, reference: body.reference ?? null });
      return { status: 201, headers: {}, body: payment };
    });
    return response as never;
  });

  return app;
}
