import type { Context, MiddlewareHandler } from 'hono';
import { addressNetwork } from '../auth/address-network.ts';
import { requestContext, type ApiEnv } from './context.ts';
import { problem } from './problem.ts';

/**
 * At most `limit(c)` requests per client address (an IPv6 address's /64, as for logins) in each window of `windowMs`, for work that is costly to
 * do for anyone who asks (rendering a letter). Requests with a session are not counted. The count is
 * kept in this process: it protects the server, it is not an account of who asked.
 */
export function limitAnonymousRequests({ limit, windowMs }: { limit: (c: Context<ApiEnv>) => number; windowMs: number }): MiddlewareHandler<ApiEnv> {
  let windowStart = 0;
  let counts = new Map<string, number>();
  return async (c, next) => {
    if (c.get('principal')) return next();
    const now = c.get('deps').clock().getTime();
    if (now - windowStart >= windowMs) {
      windowStart = now;
      counts = new Map();
    }
    const address = addressNetwork(requestContext(c).origin) ?? 'unknown';
    const count = (counts.get(address) ?? 0) + 1;
    counts.set(address, count);
    if (count > limit(c)) {
      c.header('Retry-After', String(Math.ceil((windowStart + windowMs - now) / 1000)));
      return problem(c, 429, { code: 'tooManyRequests' });
    }
    return next();
  };
}
