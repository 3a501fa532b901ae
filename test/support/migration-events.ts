import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import { verifyAuditTrail } from '../../src/audit/verify.ts';
import { listAuditEvents } from '../../src/db/repositories/audit.ts';
import { migrationActor } from '../../src/db/migration-changes.ts';
import type { Database } from '../../src/db/schema.ts';

/**
 * The changes a migration recorded in the audit trail, in the order written, each event's object with its
 * before and after; each must be a change by the system in the migration's name, and the chain verify.
 */
export async function changesRecordedBy(db: Kysely<Database>, migration: string): Promise<{ object: unknown; before: unknown; after: unknown }[]> {
  expect(await verifyAuditTrail(db)).toMatchObject({ ok: true });
  const events = (await listAuditEvents(db, { actor: migrationActor(migration), limit: 1000 })).reverse();
  for (const event of events) {
    expect(event).toMatchObject({ action: 'migration.change', result: 'success', actor: { id: null, username: migrationActor(migration), role: null } });
  }
  return events.map(({ object, before, after }) => ({ object, before, after }));
}
