import { readAuditTrail } from '../../audit/trail.ts';
import { apiRoutes } from '../api-routes.ts';
import { requestContext } from '../context.ts';
import { listRoute } from './schemas.ts';

export function auditRoutes() {
  const app = apiRoutes();

  app.openapi(listRoute, async (c) => c.json(await readAuditTrail(c.get('deps').db, requestContext(c), c.req.valid('query')), 200));

  return app;
}
