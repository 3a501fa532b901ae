/**
 * A linked event is removed from the pending table by its key, also on a connection that planned the link after a
 * vacuum had left that table empty, when reading the whole table was the cheaper plan (migration 085).
 */
import { sql, type Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { systemContext } from '../../src/audit/trail.ts';
import type { Database } from '../../src/db/schema.ts';
import { unsetDeliveryFields } from '../../src/domain/delivery.ts';
import { createDelivery } from '../../src/register/deliveries.ts';
import { describeOnPostgres } from '../support/databases.ts';

const context = systemContext('tester');

/** The scans of the pending table PostgreSQL counted, this connection's counted too. */
async function pendingScans(connection: Kysely<Database>): Promise<{ seqScan: number; idxScan: number }> {
  await sql`select pg_stat_force_next_flush()`.execute(connection);
  await sql`select pg_stat_clear_snapshot()`.execute(connection);
  const { rows } = await sql<{ seqScan: string; idxScan: string }>`select seq_scan, idx_scan from pg_stat_user_tables where relname = 'audit_event_pending'`.execute(connection);
  return { seqScan: Number(rows[0]!.seqScan), idxScan: Number(rows[0]!.idxScan) };
}

describeOnPostgres('linking pending events on a long-lived connection', (database) => {
  it('removes each linked event by its key after a vacuum emptied the pending table', async () => {
    await database().db.connection().execute(async (connection) => {
      await sql`vacuum audit_event_pending`.execute(connection);
      const before = await pendingScans(connection);
      // More than the five executions after which a connection keeps one plan for all.
      for (let number = 0; number < 8; number++) {
        await createDelivery(connection, context, { ...unsetDeliveryFields(), title: `Partij ${number}`, category: 'drones', supportType: 'stock', fundingSource: 'defenceBudget' });
      }
      const after = await pendingScans(connection);
      expect(after.seqScan - before.seqScan).toBe(0);
      expect(after.idxScan - before.idxScan).toBeGreaterThanOrEqual(8);
    });
  });
});
