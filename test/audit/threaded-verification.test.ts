/**
 * Verification checks the batches after the first on other threads, and must still name exactly the
 * problem it names when it checks everything itself: each tampering is verified in batches of 4 events,
 * checked by two threads and by none, and both reports must be the same.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openCheckpointStore, writeCheckpoint } from '../../src/audit/checkpoints.ts';
import { systemContext } from '../../src/audit/trail.ts';
import { verifyAuditTrail, type VerificationResult } from '../../src/audit/verify.ts';
import type { Database } from '../../src/db/schema.ts';
import { unsetDeliveryFields } from '../../src/domain/delivery.ts';
import { createDelivery } from '../../src/register/deliveries.ts';
import { describeEachDatabase } from '../support/databases.ts';

type Db = Kysely<Database>;

class RolledBack extends Error {}

const update = (seq: number, assignment: string) => async (trx: Db) => {
  await sql.raw(`update audit_event set ${assignment} where seq = ${seq}`).execute(trx);
};

/** Each way of tampering, at events in the first batch, in later batches and at a batch's edge. */
const TAMPERINGS: [name: string, tamper: (trx: Db) => Promise<void>][] = [
  ['nothing', async () => {}],
  ['the text of event 2', update(2, "canonical = replace(canonical, 'Levering', 'Leverin')")],
  ['the text of event 10', update(10, "canonical = replace(canonical, 'Levering', 'Leverin')")],
  ['the action column of event 9', update(9, "action = 'delivery.delete'")],
  ['the hash of event 8, breaking the link to event 9', update(8, `hash = '${'a'.repeat(64)}'`)],
  ['the previous hash of event 5', update(5, `prev_hash = '${'b'.repeat(64)}'`)],
  ['event 6 removed', async (trx) => void (await trx.deleteFrom('auditEvent').where('seq', '=', 6).execute())],
  ['the events after 10 removed', async (trx) => void (await trx.deleteFrom('auditEvent').where('seq', '>', 10).execute())],
  ['event 11 a copy of event 12', update(11, 'canonical = (select canonical from audit_event where seq = 12)')],
];

describeEachDatabase('verifying the audit trail on several threads', (database) => {
  let directory: string;

  // Events 1-13, a checkpoint at 12.
  beforeAll(async () => {
    const { db } = database();
    directory = mkdtempSync(join(tmpdir(), 'steunregister-audit-'));
    const create = (number: number) =>
      createDelivery(db, systemContext('test'), { ...unsetDeliveryFields(), title: `Levering ${number}`, category: 'ammunition', supportType: 'stock', fundingSource: 'ukraineSupportBudget', pledgedAt: '2025-01-01' });
    for (let number = 1; number <= 12; number++) await create(number);
    await writeCheckpoint(db, await openCheckpointStore(directory), new Date());
    await create(13);
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it.each(TAMPERINGS)('reports the same after tampering with %s', async (name, tamper) => {
    const results: VerificationResult[] = [];
    await database()
      .db.transaction()
      .execute(async (trx) => {
        await sql`set local session_replication_role = replica`.execute(trx);
        await tamper(trx);
        for (const checkThreads of [2, 0]) results.push(await verifyAuditTrail(trx, { checkpointDirectory: directory, eventsPerBatch: 4, checkThreads }));
        throw new RolledBack();
      })
      .catch((error: unknown) => {
        if (!(error instanceof RolledBack)) throw error;
      });
    expect(results[0]).toEqual(results[1]);
    expect(results[0]!.ok).toBe(name === 'nothing');
  });
});
