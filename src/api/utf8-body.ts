import { isUtf8 } from 'node:buffer';
import type { MiddlewareHandler } from 'hono';
import type { ApiEnv } from './context.ts';
import { invalidParams, problem } from './problem.ts';

/**
 * Refuses a body whose bytes are no UTF-8 at the body (bodyNotUtf8), changing nothing: decoding it would put
 * U+FFFD in the place of each such byte, and what a client sent in another encoding ("Oekraïne" in Latin-1)
 * would be stored as "Oekra�ne". The bytes are read once; what reads the body after takes its text from them.
 */
export const refuseBrokenUtf8: MiddlewareHandler<ApiEnv> = async (c, next) => {
  if (isUtf8(await c.req.arrayBuffer())) return next();
  return problem(c, 400, { invalidParams: invalidParams(c, [{ field: 'body', code: 'bodyNotUtf8' }]) });
};
