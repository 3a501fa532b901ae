import type { Context, MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { setAnswerHeader } from './answer-headers.ts';

declare module 'hono' {
  interface ContextVariableMap {
    /** The answer may be shown in a frame of this site's own pages. */
    framableBySelf: boolean;
    /** The source ("'sha256-…'") by which the answer's policy allows the page's own style element. */
    inlineStyle: string;
  }
}

/** Lets this site's own pages show the answer in a frame (the letter editor's preview); nothing else may frame it. */
export function allowFramingBySelf(c: Context): void {
  c.set('framableBySelf', true);
}

/**
 * Lets the page the answer is apply its own style element, by the hash of its text (see inlineStyleSource):
 * a page saved from the browser keeps its style, and no other inline style applies.
 */
export function allowInlineStyle(c: Context, source: string): void {
  c.set('inlineStyle', source);
}

/**
 * The browser-side defences of every answer: a Content Security Policy that allows only this site's
 * own scripts, styles and frames (no inline code, but a page's own stylesheet where the answer allows
 * it by its hash), no framing by anyone else (and by this site
 * only where an answer allows it), no MIME sniffing, no referrer, no powerful browser features; HSTS
 * only on answers that went out over TLS, where it means something.
 */
export function securityHeaders(options: { trustProxy: boolean }): MiddlewareHandler {
  const framedByNobody = defences("'none'");
  const framedBySelf = defences("'self'");
  return async (c, next) => {
    await next();
    const frameAncestors = c.get('framableBySelf') ? "'self'" : "'none'";
    const style = c.get('inlineStyle');
    // The few answers with a stylesheet of their own (a letter, an annex) get a policy made for them.
    const defended = style === undefined ? (frameAncestors === "'self'" ? framedBySelf : framedByNobody) : defences(frameAncestors, [style]);
    await defended(c, async () => {});
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

function defences(frameAncestors: "'none'" | "'self'", inlineStyles: readonly string[] = []): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", ...inlineStyles],
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
