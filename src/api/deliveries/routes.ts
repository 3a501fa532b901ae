import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import * as deliveriesRepository from '../../db/repositories/deliveries.ts';
import * as register from '../../register/deliveries.ts';
import { isIsoDate } from '../../domain/dates.ts';
import {
  lifecycleStage,
  lifecycleViolations,
  type DeliveryInput,
  type DeliverySortKey,
  type LifecycleDates,
} from '../../domain/delivery.ts';
import { ValidationError } from '../../register/errors.ts';
import { problemResponses, validationHookWith } from '../openapi-common.ts';
import {
  DeliveryIdParamSchema,
  DeliveryInputSchema,
  DeliveryListQuerySchema,
  DeliveryListSchema,
  DeliveryPatchSchema,
  DeliverySchema,
  PaymentInputSchema,
  PaymentSchema,
  ValuationInputSchema,
  ValuationSchema,
} from './schemas.ts';

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});
const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});
const ifMatch = z.object({
  'if-match': z.string().optional().openapi({ description: 'The ETag of the version the change is based on' }),
});

const listRoute = createRoute({
  method: 'get',
  path: '/deliveries',
  tags: ['deliveries'],
  summary: 'List deliveries, filtered, sorted and paged',
  request: { query: DeliveryListQuerySchema },
  responses: { 200: json(DeliveryListSchema, 'A page of deliveries'), ...problemResponses(400) },
});

const createDeliveryRoute = createRoute({
  method: 'post',
  path: '/deliveries',
  tags: ['deliveries'],
  summary: 'Register a delivery',
  request: jsonBody(DeliveryInputSchema),
  responses: { 201: json(DeliverySchema, 'The registered delivery'), ...problemResponses(400, 415) },
});

const getRoute = createRoute({
  method: 'get',
  path: '/deliveries/{id}',
  tags: ['deliveries'],
  summary: 'A delivery with its lifecycle and the history of its money',
  request: { params: DeliveryIdParamSchema },
  responses: { 200: json(DeliverySchema, 'The delivery'), ...problemResponses(404) },
});

const replaceRoute = createRoute({
  method: 'put',
  path: '/deliveries/{id}',
  tags: ['deliveries'],
  summary: 'Replace the fields of a delivery',
  request: { params: DeliveryIdParamSchema, headers: ifMatch, ...jsonBody(DeliveryInputSchema) },
  responses: { 200: json(DeliverySchema, 'The changed delivery'), ...problemResponses(400, 404, 412, 415) },
});

const patchRoute = createRoute({
  method: 'patch',
  path: '/deliveries/{id}',
  tags: ['deliveries'],
  summary: 'Change some fields of a delivery',
  request: { params: DeliveryIdParamSchema, headers: ifMatch, ...jsonBody(DeliveryPatchSchema) },
  responses: { 200: json(DeliverySchema, 'The changed delivery'), ...problemResponses(400, 404, 412, 415) },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/deliveries/{id}',
  tags: ['deliveries'],
  summary: 'Remove a delivery from the register (its history is kept)',
  request: { params: DeliveryIdParamSchema, headers: ifMatch },
  responses: { 204: { description: 'Removed' }, ...problemResponses(400, 404, 412) },
});

const addValuationRoute = createRoute({
  method: 'post',
  path: '/deliveries/{id}/valuations',
  tags: ['deliveries'],
  summary: 'Value or revalue a delivery',
  request: { params: DeliveryIdParamSchema, ...jsonBody(ValuationInputSchema) },
  responses: { 201: json(ValuationSchema, 'The new valuation'), ...problemResponses(400, 404, 415) },
});

const addPaymentRoute = createRoute({
  method: 'post',
  path: '/deliveries/{id}/payments',
  tags: ['deliveries'],
  summary: 'Record a payment for a procurement or fund contribution',
  request: { params: DeliveryIdParamSchema, ...jsonBody(PaymentInputSchema) },
  responses: { 201: json(PaymentSchema, 'The new payment'), ...problemResponses(400, 404, 415) },
});

type DeliveryInputBody = z.infer<typeof DeliveryInputSchema>;

/** Fills in what a create or replace left out. */
function completeInput(body: DeliveryInputBody): DeliveryInput {
  return {
    description: '',
    publicTitle: null,
    quantity: null,
    unit: null,
    pledgedAt: null,
    committedAt: null,
    realisedAt: null,
    deliveredAt: null,
    company: null,
    contractReference: null,
    sources: [],
    ...withoutUndefined(body),
  } as DeliveryInput;
}

function withoutUndefined<T extends object>(object: T): Partial<T> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function presentDelivery(delivery: register.DeliveryDetail) {
  const { currentValueCents, ...rest } = delivery;
  return { ...rest, valueCents: currentValueCents };
}

function presentSummary(delivery: deliveriesRepository.StoredDelivery) {
  return {
    id: delivery.id,
    title: delivery.title,
    publicTitle: delivery.publicTitle,
    category: delivery.category,
    quantity: delivery.quantity,
    unit: delivery.unit,
    supportType: delivery.supportType,
    fundingSource: delivery.fundingSource,
    pledgedAt: delivery.pledgedAt,
    committedAt: delivery.committedAt,
    realisedAt: delivery.realisedAt,
    deliveredAt: delivery.deliveredAt,
    stage: lifecycleStage(delivery),
    valueCents: delivery.currentValueCents,
    isDemonstration: delivery.isDemonstration,
  };
}

const etag = (version: number) => `"${version}"`;

/** The version named by an If-Match header, undefined when there is none. */
function expectedVersion(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const match = /^\s*(?:W\/)?"(\d+)"\s*$/.exec(header);
  if (!match) throw new ValidationError([{ field: 'If-Match', code: 'invalidIfMatch' }]);
  return Number(match[1]);
}

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
  const app = new OpenAPIHono({ defaultHook: validationHookWith(lifecycleViolationsOfInput) });

  app.openapi(listRoute, async (c) => {
    const query = c.req.valid('query');
    const sort = query.sort ?? '-realisedAt';
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 25;
    const listing = deliveriesRepository.listDeliveries(db, {
      supportType: query.supportType,
      category: query.category,
      stage: query.stage,
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
    const delivery = await register.createDelivery(db, completeInput(c.req.valid('json')));
    c.header('Location', `${c.req.path}/${delivery.id}`);
    c.header('ETag', etag(delivery.version));
    return c.json(presentDelivery(delivery), 201);
  });

  app.openapi(getRoute, async (c) => {
    const delivery = await register.getDelivery(db, c.req.valid('param').id);
    c.header('ETag', etag(delivery.version));
    return c.json(presentDelivery(delivery), 200);
  });

  app.openapi(replaceRoute, async (c) => {
    const version = expectedVersion(c.req.valid('header')['if-match']);
    const delivery = await register.updateDelivery(db, c.req.valid('param').id, completeInput(c.req.valid('json')), version);
    c.header('ETag', etag(delivery.version));
    return c.json(presentDelivery(delivery), 200);
  });

  app.openapi(patchRoute, async (c) => {
    const version = expectedVersion(c.req.valid('header')['if-match']);
    const change = withoutUndefined(c.req.valid('json')) as Partial<DeliveryInput>;
    const delivery = await register.updateDelivery(db, c.req.valid('param').id, change, version);
    c.header('ETag', etag(delivery.version));
    return c.json(presentDelivery(delivery), 200);
  });

  app.openapi(deleteRoute, async (c) => {
    const version = expectedVersion(c.req.valid('header')['if-match']);
    await register.deleteDelivery(db, c.req.valid('param').id, version);
    return c.body(null, 204);
  });

  app.openapi(addValuationRoute, async (c) => {
    const valuation = await register.addValuation(db, c.req.valid('param').id, c.req.valid('json'));
    return c.json(valuation, 201);
  });

  app.openapi(addPaymentRoute, async (c) => {
    const body = c.req.valid('json');
    const payment = await register.addPayment(db, c.req.valid('param').id, { ...body, reference: body.reference ?? null });
    return c.json(payment, 201);
  });

  return app;
}
