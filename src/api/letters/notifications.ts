import type { MiddlewareHandler } from 'hono';
import type { ApiEnv } from '../context.ts';

/** The steps after which something about a letter may newly wait for someone. */
const STEPS = /^\/letters\/([0-9a-f-]{36})\/(submission|rejection|approval|finalisation|sending)$/;

/**
 * After a step in a letter's review or embargo succeeded, tells whoever something now waits for (when
 * the server sends e-mail). The answer does not wait for the mail, and a mail that fails is only logged:
 * the step itself is done and audited.
 */
export function notifyAfterLetterSteps(apiPath: (c: { req: { path: string } }) => string): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const { clock, notifyWaiting } = c.get('deps');
    const since = clock();
    await next();
    const step = STEPS.exec(apiPath(c));
    if (notifyWaiting && step?.[1] && c.req.method === 'POST' && c.res.status < 300) notifyWaiting(step[1], since);
  };
}
