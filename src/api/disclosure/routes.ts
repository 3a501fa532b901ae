import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { recordAuditEvent } from '../../audit/trail.ts';
import { CATEGORIES } from '../../domain/delivery.ts';
import { CONFIDENTIALITY_GROUNDS, type DecisionInput } from '../../domain/disclosure.ts';
import { listDeliveries } from '../../db/repositories/deliveries.ts';
import { countUndecidedRealisedBy, listDueReviews } from '../../db/repositories/disclosure.ts';
import { decide, decisionsOf } from '../../register/disclosure.ts';
import { ValidationError } from '../../register/errors.ts';
import { permitted } from '../access.ts';
import { requestContext, type ApiEnv } from '../context.ts';
import { presentSummary } from '../deliveries/presenters.ts';
import { DeliveryIdParamSchema, DeliverySummarySchema } from '../deliveries/schemas.ts';
import { createOnce } from '../idempotency.ts';
import { idempotencyKey, isoDate, jsonContent as json, problemResponses, validationHook } from '../openapi-common.ts';


const DecisionSchema = z
  .object({
    id: z.uuid(),
    deliveryId: z.uuid(),
    state: z.enum(['public', 'confidential']),
    publicTitle: z.string().nullable(),
    publicDetail: z.string().nullable(),
    publicCategory: z.enum(CATEGORIES).nullable(),
    publicQuantity: z.string().nullable(),
    ground: z.enum(CONFIDENTIALITY_GROUNDS).nullable(),
    reviewOn: isoDate.nullable(),
    note: z.string(),
    decidedByName: z.string(),
    decidedAt: z.string(),
  })
  .openapi('DisclosureDecision');

const DecisionInputSchema = z
  .strictObject({
    deliveryIds: z.array(z.uuid()).min(1).max(1000).openapi({ description: 'One delivery, or a selection decided at once (all or nothing)' }),
    state: z.enum(['public', 'confidential']),
    publicTitle: z.string().max(300).optional().openapi({ description: 'Public only: what the public list says; may be coarser than the internal title' }),
    publicDetail: z.string().max(2000).optional(),
    publicCategory: z.enum(CATEGORIES).optional(),
    publicQuantity: z.string().max(100).nullable().optional().openapi({ description: 'Public only: the quantity as the public may read it, e.g. "circa 100"' }),
    ground: z.enum(CONFIDENTIALITY_GROUNDS).optional().openapi({ description: 'Confidential only: why' }),
    reviewOn: isoDate.nullable().optional().openapi({ description: 'Confidential only: when to look at it again' }),
    note: z.string().max(2000).optional(),
  })
  .openapi('DisclosureDecisionInput');

const QueueSchema = z
  .object({
    referenceDate: isoDate,
    neededForLetter: z.number().int().openapi({ description: 'Undecided deliveries realised on or before the reference date: what the letter still needs' }),
    undecided: z.object({ items: z.array(DeliverySummarySchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }),
    dueForReview: z.array(z.object({ deliveryId: z.uuid(), title: z.string(), ground: z.string().nullable(), reviewOn: isoDate, decidedAt: z.string() })),
  })
  .openapi('DisclosureQueue');

const queueRoute = createRoute(
  permitted('disclosure.read', {
    method: 'get',
    path: '/disclosure-queue',
    tags: ['disclosure'],
    summary: 'What waits for a decision: undecided deliveries (realised first), and confidential ones due for review',
    request: {
      query: z.object({
        referenceDate: isoDate.optional().openapi({ description: 'The reference date of the next letter (default today)' }),
        page: z.coerce.number().int().min(1).max(1_000_000).optional(),
        pageSize: z.coerce.number().int().min(1).max(100).optional(),
      }),
    },
    responses: { 200: json(QueueSchema, 'The queue'), ...problemResponses(400, 401, 403) },
  }),
);

const historyRoute = createRoute(
  permitted('disclosure.read', {
    method: 'get',
    path: '/deliveries/{id}/disclosure-decisions',
    tags: ['disclosure'],
    summary: 'The decisions on a delivery, latest first',
    request: { params: DeliveryIdParamSchema },
    responses: { 200: json(z.object({ items: z.array(DecisionSchema) }), 'The history'), ...problemResponses(401, 403, 404) },
  }),
);

const decideRoute = createRoute(
  permitted('disclosure.decide', {
    method: 'post',
    path: '/disclosure-decisions',
    tags: ['disclosure'],
    summary: 'Decide for one delivery or a selection: public (with what the public may read) or confidential (with its ground)',
    request: { headers: idempotencyKey, body: { content: { 'application/json': { schema: DecisionInputSchema } }, required: true } },
    responses: { 201: json(z.object({ items: z.array(DecisionSchema) }), 'The decisions'), ...problemResponses(400, 401, 403, 404, 415, 422) },
  }),
);

type DecisionBody = z.infer<typeof DecisionInputSchema>;

function decisionInput(body: DecisionBody): DecisionInput {
  const note = body.note ?? '';
  if (body.state === 'public') {
    return {
      state: 'public',
      note,
      presentation: { title: body.publicTitle ?? '', detail: body.publicDetail ?? '', category: body.publicCategory ?? 'other', quantity: body.publicQuantity ?? null },
    };
  }
  return { state: 'confidential', note, ground: body.ground!, reviewOn: body.reviewOn ?? null };
}

/** Which fields a decision needs and may have, by its state. */
function inputViolations(body: DecisionBody) {
  if (body.state === 'public') {
    return [
      ...(body.publicTitle === undefined ? [{ field: 'publicTitle', code: 'required' }] : []),
      ...(body.publicCategory === undefined ? [{ field: 'publicCategory', code: 'required' }] : []),
      ...(['ground', 'reviewOn'] as const).filter((field) => body[field] !== undefined && body[field] !== null).map((field) => ({ field, code: 'onlyWhenConfidential' })),
    ];
  }
  return [
    ...(body.ground === undefined ? [{ field: 'ground', code: 'required' }] : []),
    ...(['publicTitle', 'publicDetail', 'publicCategory', 'publicQuantity'] as const)
      .filter((field) => body[field] !== undefined && body[field] !== null)
      .map((field) => ({ field, code: 'onlyWhenPublic' })),
  ];
}

export function disclosureRoutes() {
  const app = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });

  app.openapi(queueRoute, async (c) => {
    const { db, clock } = c.get('deps');
    const query = c.req.valid('query');
    const referenceDate = query.referenceDate ?? clock().toISOString().slice(0, 10);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 25;
    const queue = await db.transaction().execute(async (trx) => {
      const [undecided, neededForLetter, dueForReview] = await Promise.all([
        listDeliveries(trx, { disclosureState: 'undecided', sort: 'realisedAt', descending: false, offset: (page - 1) * pageSize, limit: pageSize }),
        countUndecidedRealisedBy(trx, referenceDate),
        listDueReviews(trx, referenceDate, 100),
      ]);
      await recordAuditEvent(trx, requestContext(c), { action: 'disclosure.read', object: { type: 'disclosureQueue', id: referenceDate }, result: 'success' });
      return { undecided, neededForLetter, dueForReview };
    });
    return c.json(
      {
        referenceDate,
        neededForLetter: queue.neededForLetter,
        undecided: { items: queue.undecided.items.map(presentSummary), total: queue.undecided.total, page, pageSize },
        dueForReview: queue.dueForReview,
      },
      200,
    );
  });

  app.openapi(historyRoute, async (c) => {
    const { db } = c.get('deps');
    const id = c.req.valid('param').id;
    const items = await db.transaction().execute(async (trx) => {
      const decisions = await decisionsOf(trx, id);
      await recordAuditEvent(trx, requestContext(c), { action: 'disclosure.read', object: { type: 'delivery', id }, result: 'success' });
      return decisions;
    });
    return c.json({ items } as never, 200);
  });

  app.openapi(decideRoute, async (c) => {
    const { db } = c.get('deps');
    const body = c.req.valid('json');
    const violations = inputViolations(body);
    if (violations.length > 0) throw new ValidationError(violations);
    const response = await createOnce(c, db, body, async (trx) => {
      const items = await decide(trx, requestContext(c), body.deliveryIds, decisionInput(body));
      return { status: 201, headers: {}, body: { items } };
    });
    return response as never;
  });

  return app;
}
