/**
 * Many writers at once keep one chain. On PostgreSQL they really run in parallel on a pool of
 * connections; PGlite, being one connection, takes them in turn.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { setImmediate } from 'node:timers/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCheckpointStore, writeCheckpoint } from '../../src/audit/checkpoints.ts';
import { buildAuditEvent } from '../../src/audit/event.ts';
import { recordAuditEvent, systemContext } from '../../src/audit/trail.ts';
import { verifyAuditTrail, type VerificationResult } from '../../src/audit/verify.ts';
import { auditEventRow, lastAuditEvent } from '../../src/db/repositories/audit.ts';
import { unsetDeliveryFields } from '../../src/domain/delivery.ts';
import { createDelivery } from '../../src/register/deliveries.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.ts';
import { describeEachDatabase, type CurrentDatabase } from '../support/databases.ts';

const WRITERS = 200;
const CLIENTS = 10;
const context = systemContext('test');

/** Half register writes (a delivery and its event in one transaction), half events of their own. */
function write(database: CurrentDatabase, number: number): Promise<unknown> {
  const { db } = database();
  if (number % 2 === 0) return recordAuditEvent(db, context, { action: 'session.login', result: 'denied', detail: { number } });
  return createDelivery(db, context, { ...unsetDeliveryFields(), title: `Parallel ${number}`, category: 'drones', supportType: 'stock', fundingSource: 'defenceBudget' });
}

const parallelWrites = (database: CurrentDatabase) => Promise.all(Array.from({ length: WRITERS }, (_, number) => write(database, number)));

describeEachDatabase('parallel writers to the audit trail', (database) => {
  let directory: string;
  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'steunregister-audit-'));
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('keep a single valid chain, numbered 1 to n without gaps', async () => {
    const { db } = database();
    await parallelWrites(database);
    const seqs = (await db.selectFrom('auditEvent').select('seq').orderBy('seq').execute()).map((row) => row.seq);
    expect(seqs).toEqual(Array.from({ length: WRITERS }, (_, index) => index + 1));
    expect(await verifyAuditTrail(db)).toEqual({ ok: true, eventsChecked: WRITERS, checkpointsChecked: 0, lastSeq: WRITERS });
  });

  it('leave a chain that verifies, with its checkpoints, while they write', async () => {
    const { db } = database();
    const store = await openCheckpointStore(directory);
    const before = (await lastAuditEvent(db))?.seq ?? 0;
    // Clients that each write one change after the other, so that checkpoints and verifications come in
    // between. Like requests coming in over the network, they let the event loop turn between writes
    // (in-memory PGlite never waits for I/O, so back-to-back writes would keep the files waiting).
    // The first client waits for a verification after each of its first writes, so that verifications come
    // in between however fast the others write (on a busy machine they could otherwise all be done first).
    let writing = true;
    let verified = Promise.withResolvers<void>();
    const clients = Array.from({ length: CLIENTS }, async (_, client) => {
      for (let number = client; number < WRITERS; number += CLIENTS) {
        await write(database, number);
        if (client === 0 && number < 3 * CLIENTS) await verified.promise;
        await setImmediate();
      }
    });
    const writers = Promise.all(clients).finally(() => (writing = false));
    const verifications: VerificationResult[] = [];
    let checkpointsWritten = 0;
    const checkpointAndVerify = async () => {
      if (await writeCheckpoint(db, store, new Date())) checkpointsWritten++;
      verifications.push(await verifyAuditTrail(db, { checkpointDirectory: directory }));
      verified.resolve();
      verified = Promise.withResolvers<void>();
    };
    while (writing) await checkpointAndVerify();
    await writers;
    await checkpointAndVerify();

    expect(verifications.length).toBeGreaterThan(2);
    expect(verifications.filter((result) => !result.ok)).toEqual([]);
    expect(verifications.at(-1)).toEqual({ ok: true, eventsChecked: before + WRITERS, checkpointsChecked: checkpointsWritten, lastSeq: before + WRITERS });
  });

  describe('an event added to the chain must link to the one before it', () => {
    const event = (link: { seq: number; prevHash: string }) => auditEventRow(buildAuditEvent(context, { action: 'session.login', result: 'denied' }, { ...link, occurredAt: new Date() }));
    /** The next two events, each linked to the one before it, as a batch appended by bulk registration. */
    async function nextTwo(db: Kysely<Database>) {
      const last = (await lastAuditEvent(db))!;
      const first = event({ seq: last.seq + 1, prevHash: last.hash });
      return [first, event({ seq: last.seq + 2, prevHash: first.hash })];
    }
    const unlinked = /audit event \d+ does not link to the event before it/;

    it('takes a batch linked to the end of the chain and within itself', async () => {
      const { db } = database();
      const batch = await nextTwo(db);
      await db.insertInto('auditEvent').values(batch).execute();
      expect(await lastAuditEvent(db)).toEqual({ seq: batch[1]!.seq, hash: batch[1]!.hash });
      expect(await verifyAuditTrail(db)).toMatchObject({ ok: true });
    });

    it('refuses a fork: a second event on the same event', async () => {
      const { db } = database();
      const last = (await lastAuditEvent(db))!;
      const previous = await db.selectFrom('auditEvent').select('hash').where('seq', '=', last.seq - 1).executeTakeFirstOrThrow();
      await expect(db.insertInto('auditEvent').values(event({ seq: last.seq + 1, prevHash: previous.hash })).execute()).rejects.toThrow(unlinked);
    });

    it('refuses a gap: an event past the end of the chain', async () => {
      const { db } = database();
      const last = (await lastAuditEvent(db))!;
      await expect(db.insertInto('auditEvent').values(event({ seq: last.seq + 2, prevHash: last.hash })).execute()).rejects.toThrow(unlinked);
    });

    it('refuses a batch whose events do not link to each other, and adds none of it', async () => {
      const { db } = database();
      const before = (await lastAuditEvent(db))!;
      const [first] = await nextTwo(db);
      const unlinkedSecond = event({ seq: first!.seq + 1, prevHash: before.hash });
      await expect(db.insertInto('auditEvent').values([first!, unlinkedSecond]).execute()).rejects.toThrow(unlinked);
      const skipping = event({ seq: first!.seq + 2, prevHash: first!.hash });
      await expect(db.insertInto('auditEvent').values([first!, skipping]).execute()).rejects.toThrow(unlinked);
      expect(await lastAuditEvent(db)).toEqual(before);
    });
  });
});
