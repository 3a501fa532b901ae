import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { recordAuditEvent } from '../../audit/trail.ts';
import { listAuditEvents } from '../../db/repositories/audit.ts';
import { permitted } from '../access.ts';
import { requestContext, type ApiEnv } from '../context.ts';
import { problemResponses, validationHook } from '../openapi-common.ts';

const AuditEventSchema = z
  .object({
    seq: z.number().int(),
    occurredAt: z.string(),
    actor: z.object({ id: z.string().nullable(), username: z.string(), role: z.string().nullable() }).nullable(),
    action: z.string(),
    object: z.object({ type: z.string(), id: z.string() }).nullable(),
    result: z.enum(['success', 'denied', 'failure']),
    origin: z.string().nullable(),
    requestId: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    detail: z.unknown(),
    hash: z.string(),
    prevHash: z.string(),
  })
  .openapi('AuditEvent');

const QuerySchema = z.object({
  objectType: z.string().max(100).optional(),
  objectId: z.string().max(300).optional(),
  actor: z.string().max(100).optional().openapi({ description: 'Username of the actor' }),
  action: z.string().max(100).optional(),
  from: z.iso.datetime({ offset: true }).optional().openapi({ description: 'Events at or after this moment' }),
  until: z.iso.datetime({ offset: true }).optional().openapi({ description: 'Events before this moment' }),
  before: z.coerce.number().int().positive().optional().openapi({ description: 'Events before this sequence number (the next page)' }),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

const listRoute = createRoute(
  permitted('audit.read', {
    method: 'get',
    path: '/audit-events',
    tags: ['audit'],
    summary: 'The audit trail, newest first, filtered by object, actor, action and time',
    request: { query: QuerySchema },
    responses: {
      200: {
        content: { 'application/json': { schema: z.object({ items: z.array(AuditEventSchema), nextBefore: z.number().int().nullable() }) } },
        description: 'A page of events; nextBefore continues the list',
      },
      ...problemResponses(400, 401, 403),
    },
  }),
);

export function auditRoutes() {
  const app = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });

  app.openapi(listRoute, async (c) => {
    const { db } = c.get('deps');
    const query = c.req.valid('query');
    const limit = query.limit ?? 100;
    const rows = await db.transaction().execute(async (trx) => {
      // One more than asked, to know whether an older page exists.
      const found = await listAuditEvents(trx, { ...query, beforeSeq: query.before, limit: limit + 1 });
      // Reading the trail is itself recorded: it holds the before and after of every change.
      await recordAuditEvent(trx, requestContext(c), { action: 'audit.read', object: { type: 'auditTrail', id: '*' }, result: 'success', detail: query });
      return found;
    });
    const page = rows.slice(0, limit);
    const items = page.map((row) => {
      const event = JSON.parse(row.canonical) as Record<string, unknown>;
      return { ...event, hash: row.hash, prevHash: row.prevHash } as z.infer<typeof AuditEventSchema>;
    });
    return c.json({ items, nextBefore: rows.length > limit ? page.at(-1)!.seq : null }, 200);
  });

  return app;
}
