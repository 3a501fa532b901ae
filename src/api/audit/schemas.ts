import { createRoute, z } from '@hono/zod-openapi';
import { JsonValueSchema, RecordedAuditEventSchema } from '../../audit/recorded-event.ts';
import { MAX_AUDIT_ACTOR, MAX_AUDIT_OBJECT_ID } from '../../../common/audit-filter-limits.ts';
import { isIsoDate, startOfDayInTheHague } from '../../../common/dates.ts';
import { AUDIT_ACTIONS, AUDIT_OBJECT_TYPES } from '../../../common/vocabulary/codes.ts';
import { permitted } from '../access.ts';
import { isoMoment, jsonContent as json, problemResponses, safeText, wholeNumberParameter } from '../openapi-common.ts';

const AuditActionSchema = z.enum(AUDIT_ACTIONS).openapi('AuditAction', { description: 'An action the audit trail records' });

const AuditObjectTypeSchema = z.enum(AUDIT_OBJECT_TYPES).openapi('AuditObjectType', { description: 'What an audit event is about' });

/** Events keep the names they were recorded with; an earlier version may have used a name no longer in the list. */
const asRecorded = <T extends z.ZodType>(known: T) =>
  z.union([known, z.string()]).openapi({ description: 'As recorded: one of the known names, or a name an earlier version used' });

const JsonValue = JsonValueSchema.openapi('JsonValue', { description: 'Any JSON value' });

const AuditEventSchema = RecordedAuditEventSchema.extend({
  actor: RecordedAuditEventSchema.shape.actor.openapi({ description: 'Null when nobody was logged in (a failed login, a request without a session)' }),
  action: asRecorded(AuditActionSchema),
  object: z.object({ type: asRecorded(AuditObjectTypeSchema), id: z.string() }).nullable(),
  before: JsonValue,
  after: JsonValue,
  detail: JsonValue,
  hash: z.string().openapi({ description: 'SHA-256 of the canonical JSON (RFC 8785) of the event' }),
}).openapi('AuditEvent', {
  description:
    'One event of the hash chain. before and after are the object before and after a change (null when it did not exist); ' +
    'detail is anything else recorded, such as the reason of a denial or the filter of a read.',
});

/** A moment, or a date for the moment its day begins in the Netherlands: what someone looking for a day's events types. */
const momentOrDay = z.preprocess((value) => (typeof value === 'string' && isIsoDate(value) ? startOfDayInTheHague(value) : value), isoMoment);

export const AuditQuerySchema = z.object({
  objectType: AuditObjectTypeSchema.optional(),
  objectId: safeText(MAX_AUDIT_OBJECT_ID).optional(),
  actor: safeText(MAX_AUDIT_ACTOR).optional().openapi({ description: 'Username of the actor' }),
  action: AuditActionSchema.optional(),
  from: momentOrDay.optional().openapi({ description: 'Events at or after this moment; a date alone (2025-01-01) is the start of that day in the Netherlands' }),
  until: momentOrDay.optional().openapi({ description: 'Events before this moment; a date alone (2025-01-02) is the start of that day in the Netherlands' }),
  importId: z.uuid().optional().openapi({ description: "Only the events of one import: each record it created and the import's own event" }),
  before: z.coerce.number().int().positive().optional().openapi({ description: 'Events before this sequence number (the next page)' }),
  limit: wholeNumberParameter(1, 500).optional(),
});

const AuditPageSchema = z
  .object({
    items: z.array(AuditEventSchema),
    nextBefore: z.number().int().nullable().openapi({ description: 'Where the next, older page starts; null on the last page' }),
  })
  .openapi('AuditPage');

export const listRoute = createRoute(
  permitted('audit.read', {
    method: 'get',
    path: '/audit-events',
    tags: ['audit'],
    summary: 'The audit trail, newest first, filtered by object, actor, action and time',
    request: { query: AuditQuerySchema },
    responses: { 200: json(AuditPageSchema, 'A page of events; nextBefore continues the list'), ...problemResponses(400, 401, 403) },
  }),
);
