import type { Context, MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { setAnswerHeader } from './answer-headers.ts';

declare module 'hono' {
  interface ContextVariableMap {
    /** The answer may be shown in a frame of this site's own pages. */
    framableBySelf: boolean;
  }
}

/** Lets this site's own pages show the answer in a frame (the letter editor's preview); nothing else may frame it. */
export function allowFramingBySelf(c: Context): void {
  c.set('framableBySelf', true);
}

/**
 * The browser-side defences of every answer: a Content Security Policy that allows only this site's
 * own scripts, styles and frames (no inline code at all), no framing by anyone else (and by this site
 * only where an answer allows it), no MIME sniffing, no referrer, no powerful browser features; HSTS
 * only on answers that went out over TLS, where it means something.
 */
export function securityHeaders(options: { trustProxy: boolean }): MiddlewareHandler {
  const framedByNobody = defences("'none'");
  const framedBySelf = defences("'self'");
  return async (c, next) => {
    await next();
    await (c.get('framableBySelf') ? framedBySelf : framedByNobody)(c, async () => {});
    const forwardedProto = options.trustProxy ? c.req.header('x-forwarded-proto') : undefined;
    if (c.req.url.startsWith('https:') || forwardedProto === 'https') {
      setAnswerHeader(c, 'Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    }
  };
}

const DENIED_FEATURES = [
  'accelerometer', 'autoplay', 'bluetooth', 'browsingTopics', 'camera', 'displayCapture', 'geolocation', 'gyroscope',
  'hid', 'magnetometer', 'microphone', 'midi', 'payment', 'serial', 'usb',
] as const;

function defences(frameAncestors: "'none'" | "'self'"): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      manifestSrc: ["'self'"],
      frameSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: [frameAncestors],
      baseUri: ["'none'"],
      objectSrc: ["'none'"],
    },
    // The application uses no sensor, camera, microphone, location, payment or device access: no page,
    // nor anything injected into one, may ask for them.
    permissionsPolicy: Object.fromEntries(DENIED_FEATURES.map((feature) => [feature, false])),
    xFrameOptions: frameAncestors === "'self'" ? 'SAMEORIGIN' : 'DENY',
    strictTransportSecurity: false,
  });
}
