/**
 * The list's text search is read from the trigram index over the five searched texts (migration 031):
 * the search writes the index's expression exactly so, or the planner would read every delivery.
 */
import { CompiledQuery, sql, type Kysely, type RootOperationNode } from 'kysely';
import { expect, it } from 'vitest';
import { countDeliveries, insertDelivery } from '../../src/db/repositories/deliveries.ts';
import type { Database } from '../../src/db/schema.ts';
import { inTransaction } from '../../src/db/transaction.ts';
import { unsetDeliveryFields } from '../../src/domain/delivery.ts';
import { describeEachDatabase } from '../support/databases.ts';

/** The plan of the statement `run` makes, as the database's EXPLAIN gives it. */
async function planOf(db: Kysely<Database>, run: (db: Kysely<Database>) => Promise<unknown>): Promise<string> {
  const statements: RootOperationNode[] = [];
  const capturing = db.withPlugin({ transformQuery: ({ node }) => (statements.push(node), node), transformResult: async ({ result }) => result });
  await run(capturing);
  const counted = statements.find((node) => node.kind === 'SelectQueryNode')!;
  const { sql: text, parameters } = capturing.getExecutor().compileQuery(counted, { queryId: 'plan' });
  return inTransaction(db, async (trx) => {
    // On a few thousand rows reading the table is cheapest; the question is whether the index can serve.
    await sql`set local enable_seqscan = off`.execute(trx);
    const { rows } = await trx.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain ${text}`, [...parameters]));
    return rows.map((row) => row['QUERY PLAN']).join('\n');
  });
}

describeEachDatabase('the text search', (database) => {
  it('finds its candidates on the trigram index delivery_search_text', async () => {
    const { db } = database();
    await insertDelivery(db, crypto.randomUUID(), { ...unsetDeliveryFields(), title: 'Radarsysteem', category: 'airDefence', supportType: 'stock', fundingSource: 'defenceBudget', isDemonstration: false });
    await sql`insert into delivery (id, title, category, support_type, funding_source)
              select gen_random_uuid(), 'Levering ' || n, 'ammunition', 'procurement', 'ukraineSupportBudget' from generate_series(1, 2000) n`.execute(db);
    // As autovacuum does soon after: the statistics, and the GIN index's pending list merged (which the planner costs as read per search).
    await sql`vacuum analyze delivery`.execute(db);
    const plan = await planOf(db, (capturing) => countDeliveries(capturing, { text: 'radar' }));
    expect(plan).toContain("delivery_search_text");
    expect((await countDeliveries(db, { text: 'radar' })).count).toBe(1);
  });
});
