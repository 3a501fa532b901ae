/**
 * Migration 064 keeps in the index of public ids only the deliveries that have one, and a lookup by a public id
 * still finds its deliveries through it.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';

describeEachDatabase('the index of public ids', (database) => {
  it('holds only the deliveries with a public id', async () => {
    const { rows } = await sql<{ predicate: string | null }>`select pg_get_expr(indpred, indrelid) as predicate from pg_index where indexrelid = 'delivery_public_id'::regclass`.execute(database().db);
    expect(rows[0]!.predicate).toBe('(public_id IS NOT NULL)');
  });

  it('serves a lookup of the deliveries of one public id', async () => {
    const plan = await database()
      .db.transaction()
      .execute(async (trx) => {
        // The table is near empty: read whole, it would tell nothing of whether the index serves.
        await sql`set local enable_seqscan = off`.execute(trx);
        const { rows } = await sql<Record<string, string>>`explain select id from delivery where public_id = ${randomUUID()}::uuid`.execute(trx);
        return rows.flatMap((row) => Object.values(row)).join('\n');
      });
    expect(plan).toContain('delivery_public_id');
  });
});
