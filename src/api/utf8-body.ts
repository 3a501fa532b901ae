import { isUtf8 } from 'node:buffer';
import type { MiddlewareHandler } from 'hono';
import type { ApiEnv } from './context.ts';
import { invalidParams, problem } from './problem.ts';
import { keepBodyAs } from './request-body.ts';

/**
 * Refuses a body whose bytes are no UTF-8 at the body (bodyNotUtf8), changing nothing: decoding it would put
 * U+FFFD in the place of each such byte, and what a client sent in another encoding ("Oekraïne" in Latin-1)
 * would be stored as "Oekra�ne". The bytes are read once, and their text is kept for what reads the body after.
 */
export const refuseBrokenUtf8: MiddlewareHandler<ApiEnv> = async (c, next) => {
  const bytes = await c.req.arrayBuffer();
  if (!isUtf8(bytes)) return problem(c, 400, { invalidParams: invalidParams(c, [{ field: 'body', code: 'bodyNotUtf8' }]) });
  keepBodyAs(c, 'text', utf8.decode(bytes));
  return next();
};

/** Decodes as a Request's text() does, a byte order mark at the start left out. */
const utf8 = new TextDecoder();
