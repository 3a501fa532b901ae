import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/**
 * The browser-side defences of every answer: a Content Security Policy that allows only this site's
 * own scripts and styles (no inline code at all), no framing, no MIME sniffing, no referrer; HSTS only
 * on answers that went out over TLS, where it means something.
 */
export function securityHeaders(options: { trustProxy: boolean }): MiddlewareHandler {
  const common = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      manifestSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      objectSrc: ["'none'"],
    },
    xFrameOptions: 'DENY',
    strictTransportSecurity: false,
  });
  return async (c, next) => {
    await common(c, next);
    const forwardedProto = options.trustProxy ? c.req.header('x-forwarded-proto') : undefined;
    if (new URL(c.req.url).protocol === 'https:' || forwardedProto === 'https') {
      c.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    }
  };
}
