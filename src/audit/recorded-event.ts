/**
 * An audit event as its stored text says, checked when it is read back: the schema of what the audit trail's reader
 * and the API give. Apart from the event's making (event.ts), so that what checks the chain loads no schema library.
 */
import { z } from '@hono/zod-openapi';
import { AUDIT_RESULTS } from '../../common/vocabulary/codes.ts';

/** Any JSON value: what the before, after and detail of an event hold (any record's fields). */
export const JsonValueSchema = z.json();

/**
 * An event as its stored text says, checked when it is read back. The action and object type are
 * plain text: an event recorded by an earlier version keeps the name it had then.
 */
export const RecordedAuditEventSchema = z.object({
  seq: z.number().int(),
  prevHash: z.string(),
  occurredAt: z.string(),
  actor: z.object({ id: z.string().nullable(), username: z.string(), role: z.string().nullable() }).nullable(),
  action: z.string(),
  object: z.object({ type: z.string(), id: z.string() }).nullable(),
  result: z.enum(AUDIT_RESULTS),
  origin: z.string().nullable(),
  requestId: z.string().nullable(),
  before: JsonValueSchema,
  after: JsonValueSchema,
  detail: JsonValueSchema,
});
export type RecordedAuditEvent = z.infer<typeof RecordedAuditEventSchema>;
