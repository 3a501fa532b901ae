import type { Context, MiddlewareHandler } from 'hono';
import { setAnswerHeader } from '../answer-headers.ts';

/** What anyone may read: the published letters and deliveries, and the API's description. */
function isPublicData(path: string): boolean {
  return path === '/openapi.json' || path === '/public' || path.startsWith('/public/');
}

/**
 * How long an answer may be kept, where its route does not say: an answer to a session (or about one) is
 * never stored, by the browser or anything in between, so that nothing of the register stays behind on a
 * shared computer or in a proxy; public data is kept but checked with the server before each use.
 */
export function defaultCaching(apiPath: (c: Context) => string): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (!c.res.headers.has('Cache-Control')) setAnswerHeader(c, 'Cache-Control', isPublicData(apiPath(c)) ? 'no-cache' : 'no-store');
  };
}

/**
 * Whether an If-None-Match header names the current entity tag, by RFC 9110's weak comparison (`W/"x"`
 * names `"x"`), or names any with `*`: then the answer is 304 Not Modified.
 */
export function namesCurrentTag(ifNoneMatch: string | undefined, etag: string): boolean {
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return (ifNoneMatch ?? '').split(',').some((candidate) => candidate.trim() === '*' || opaque(candidate) === opaque(etag));
}
