import type { Context, MiddlewareHandler } from 'hono';
import { recordDenial } from './access.ts';
import type { ApiEnv } from './context.ts';
import { problem } from './problem.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cross-site request forgery protection for cookie sessions, on top of the SameSite=Strict cookie: a
 * request that changes something must come from this site (Fetch Metadata and Origin, when the client
 * sends them; scripts send neither) and carry JSON, which a cross-site form cannot send. A refusal is
 * an audit event. Runs after the session is known, so that the event names whose browser was used.
 */
export function refuseCrossSiteWrites(): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const fetchSite = c.req.header('sec-fetch-site');
    const origin = c.req.header('origin');
    const crossSite = (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') || (origin && origin !== ownOrigin(c));
    if (crossSite) {
      await recordDenial(c, 'access', 'crossSiteRequest');
      return problem(c, 403, { code: 'crossSiteRequest' });
    }
    const contentType = c.req.header('content-type');
    if (contentType && !/^application\/([\w.+-]+\+)?json\b/i.test(contentType)) return problem(c, 415);
    return next();
  };
}

/**
 * The origin the browser sees this site at. Behind a trusted reverse proxy that is the proxy's: it
 * terminates TLS (X-Forwarded-Proto) and may pass the request on under another host (X-Forwarded-Host),
 * while this server itself sees plain http.
 */
function ownOrigin(c: Context<ApiEnv>): string {
  const url = new URL(c.req.url);
  if (c.get('deps')?.trustProxy) {
    const first = (header: string) => c.req.header(header)?.split(',')[0]?.trim();
    const protocol = first('x-forwarded-proto');
    if (protocol === 'https' || protocol === 'http') url.protocol = `${protocol}:`;
    const host = first('x-forwarded-host');
    if (host) url.host = host;
  }
  return url.origin;
}
