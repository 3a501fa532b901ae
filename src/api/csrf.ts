import type { MiddlewareHandler } from 'hono';
import { problem } from './problem.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cross-site request forgery protection for cookie sessions, on top of the SameSite=Strict cookie: a
 * request that changes something must come from this site (Fetch Metadata and Origin, when the client
 * sends them; scripts send neither) and carry JSON, which a cross-site form cannot send.
 */
export function refuseCrossSiteWrites(): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const fetchSite = c.req.header('sec-fetch-site');
    if (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') {
      return problem(c, 403, { code: 'crossSiteRequest' });
    }
    const origin = c.req.header('origin');
    if (origin && origin !== new URL(c.req.url).origin) return problem(c, 403, { code: 'crossSiteRequest' });
    const contentType = c.req.header('content-type');
    if (contentType && !/^application\/([\w.+-]+\+)?json\b/i.test(contentType)) return problem(c, 415);
    return next();
  };
}
