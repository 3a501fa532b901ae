import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { RuleViolation } from '../domain/delivery.ts';
import type { ApiEnv } from './context.ts';
import { refuseDuplicateKeys } from './duplicate-keys.ts';
import { refuseDeepNesting } from './nesting-depth.ts';
import { strictQuery, validationHook } from './openapi-common.ts';
import { jsonValueOf } from './request-body.ts';
import { invalidParams, problem } from './problem.ts';
import { refuseBrokenUtf8 } from './utf8-body.ts';

/** The OpenAPI extension by which an operation says why its query takes parameters it does not name. */
const FOREIGN_PARAMETERS = 'x-foreign-parameters';

/**
 * The routes of one part of the API, whose input is checked by `defaultHook`. An operation that changes
 * something and defines no request body refuses a body that says something, naming what it does not take,
 * rather than ignore what the client meant; it runs after the route's own middleware, so that the permission
 * is checked first. One that defines a body refuses a key named twice in one of its objects (`refuseDuplicateKeys`),
 * after that middleware too. Either check comes after those that refuse a body whose bytes are no UTF-8
 * (`refuseBrokenUtf8`) and one nested deeper than any the API takes (`refuseDeepNesting`), which would exhaust the
 * stack of what reads it. Its query is taken as `strictQuery` takes it, and one that declares no query refuses
 * any parameter; a loose query is taken as declared, by a route that says in `x-foreign-parameters` why it takes
 * parameters it does not name. A GET is left alone: no browser sends it a body, and reading one would cost every list
 * and figure a request object it does not otherwise make.
 */
export function apiRoutes(defaultHook = validationHook) {
  const app = new OpenAPIHono<ApiEnv>({ defaultHook });
  const register = app.openapi;
  app.openapi = ((route, handler, hook) => {
    // A route that declares no query takes none: any parameter is refused, as one a query does not know.
    const query = route.request?.query ?? z.object({});
    const loose = query instanceof z.ZodObject && query.def.catchall !== undefined && !(query.def.catchall instanceof z.ZodNever);
    // A query loosened by mistake would take a mistyped filter unseen: only one whose route says why is kept loose.
    if (loose !== FOREIGN_PARAMETERS in route) {
      throw new Error(`${route.method.toUpperCase()} ${route.path}: a query takes parameters it does not name when, and only when, its route says why in ${FOREIGN_PARAMETERS}`);
    }
    const checked = query instanceof z.ZodObject && !loose ? { ...route, request: { ...route.request, query: strictQuery(query) } } : route;
    const bodyCheck = checked.request?.body ? refuseDuplicateKeys : checked.method === 'get' ? undefined : refuseBody;
    return register(bodyCheck ? { ...checked, middleware: [...[checked.middleware ?? []].flat(), refuseBrokenUtf8, refuseDeepNesting, bodyCheck] } : checked, handler, hook);
  }) as typeof register;
  return app;
}

/**
 * No body, only the white space JSON allows, or `{}` is taken: none names a field, so nothing meant is
 * lost, and a client that sends every request with a JSON object is not refused for its habit.
 */
const refuseBody: MiddlewareHandler<ApiEnv> = async (c, next) => {
  const violations = violationsOfBody(await c.req.text());
  if (violations.length > 0) return problem(c, 400, { invalidParams: invalidParams(c, violations) });
  return next();
};

function violationsOfBody(text: string): RuleViolation[] {
  if (/^[ \t\n\r]*$/.test(text)) return [];
  const body = jsonValueOf(text);
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return [{ field: 'body', code: 'bodyNotTaken' }];
  return Object.keys(body).map((field) => ({ field, code: 'unknownField' }));
}
