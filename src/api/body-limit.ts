import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/**
 * Hono's bodyLimit, deciding by Content-Length where the request has one and no Transfer-Encoding (Node's
 * parser then reads exactly that many bytes, as Hono's check relies on). Hono's asks for the request's body
 * stream first, which makes the Node adapter build a whole web Request and read the body through web
 * streams afterwards, and left the connection unusable for the client's next request once it refused a body
 * by its length. Without a length, Hono's reads and counts the body.
 */
export function limitBody(options: { maxSize: number; onError: (c: Context) => Response | Promise<Response> }): MiddlewareHandler {
  const counted = bodyLimit(options);
  return async (c, next) => {
    const length = c.req.header('content-length');
    if (length === undefined || c.req.header('transfer-encoding') !== undefined) return counted(c, next);
    if (Number.parseInt(length, 10) > options.maxSize) return options.onError(c);
    await next();
  };
}
