/**
 * The audit events of a migration that changes records a register already holds: the migration says
 * what it changed in `migration_change`, a table of its transaction only, and each row becomes one
 * event, appended in that same transaction, so that the migration and its events commit together or not
 * at all.
 */
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { AUDIT_OBJECT_TYPES } from '../../common/vocabulary/codes.ts';
import { JsonValueSchema } from '../audit/recorded-event.ts';
import { systemContext } from '../audit/trail.ts';
import { appendPreparedAuditEvents, prepareAuditEvent } from './repositories/audit.ts';
import type { Database } from './schema.ts';

/**
 * Made before each migration's script. A row per changed record, in the order changed: the record's
 * object as the audit trail names it (a licence or payment is its delivery's, and names its own id in
 * before and after) and the fields that changed, before and after, by their names in the API.
 */
export const MIGRATION_CHANGE_TABLE = `create temporary table migration_change (
  position integer generated always as identity,
  object_type text not null,
  object_id text not null,
  before jsonb not null,
  after jsonb not null
) on commit drop;`;

const MigrationChangeSchema = z.object({
  objectType: z.enum(AUDIT_OBJECT_TYPES),
  objectId: z.string(),
  before: JsonValueSchema,
  after: JsonValueSchema,
});

/** The actor of a migration's events: the system, by the migration's name. */
export function migrationActor(migration: string): string {
  return `migration:${migration}`;
}

/** Appends an event for each record the migration changed, in its transaction; nothing when it changed none. */
export async function appendMigrationChangeEvents(trx: Kysely<Database>, migration: string): Promise<void> {
  const { rows } = await sql`select object_type, object_id, before, after from migration_change order by position`.execute(trx);
  if (rows.length === 0) return;
  const context = systemContext(migrationActor(migration));
  const now = context.now();
  const events = rows.map((row) => {
    const { objectType, objectId, before, after } = MigrationChangeSchema.parse(row);
    return prepareAuditEvent(context, { action: 'migration.change', object: { type: objectType, id: objectId }, result: 'success', before, after }, now);
  });
  await appendPreparedAuditEvents(trx, events);
}
