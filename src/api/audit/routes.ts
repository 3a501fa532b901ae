import { OpenAPIHono } from '@hono/zod-openapi';
import { readAuditTrail } from '../../audit/trail.ts';
import { requestContext, type ApiEnv } from '../context.ts';
import { validationHook } from '../openapi-common.ts';
import { listRoute } from './schemas.ts';

export function auditRoutes() {
  const app = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });

  app.openapi(listRoute, async (c) => c.json(await readAuditTrail(c.get('deps').db, requestContext(c), c.req.valid('query')), 200));

  return app;
}
