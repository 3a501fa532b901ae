import type { MiddlewareHandler } from 'hono';
import type { AuditReason } from '../audit/reasons.ts';
import { recordAuditEvent } from '../audit/trail.ts';
import { escapeUnsafeCharacters } from '../../common/text.ts';
import { auditedPath } from './access.ts';
import { requestContext, type ApiEnv } from './context.ts';

/** The refusals of what a request sent, by status, as the audit trail names them. */
const REFUSAL_REASONS: Record<number, AuditReason> = {
  400: 'invalidInput',
  412: 'versionConflict',
  413: 'bodyTooLarge',
  415: 'notJson',
  422: 'idempotencyKeyReused',
  428: 'ifMatchRequired',
};

/**
 * Records every request refused for what it sent as a failed request in the audit trail, with the fields
 * that were wrong. Refusals for who sent it (401, 403) are denials, recorded where they are decided
 * (access.ts, csrf.ts).
 */
export function recordRefusals(): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    await next();
    const reason = REFUSAL_REASONS[c.res.status];
    if (!reason) return;
    const answer: { code?: string; invalidParams?: { name: string }[] } = await c.res.clone().json().catch(() => ({}));
    const path = auditedPath(c);
    await recordAuditEvent(c.get('deps').db, requestContext(c), {
      action: 'access',
      object: { type: 'path', id: path },
      result: 'failure',
      detail: {
        // 422 answers a reused Idempotency-Key or a warning not confirmed: its code says which.
        reason: c.res.status === 422 && answer.code ? answer.code : reason,
        status: c.res.status,
        method: c.req.method,
        path,
        ...(answer.code ? { code: answer.code } : {}),
        ...(answer.invalidParams ? { fields: answer.invalidParams.map((param) => escapeUnsafeCharacters(param.name)) } : {}),
      },
    });
  };
}
