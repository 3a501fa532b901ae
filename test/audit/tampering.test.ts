/**
 * Tampering with the audit trail directly in the database, the way its owner could: verification must
 * fail each time and name the first bad event. Each case tampers inside a transaction (with the
 * append-only triggers switched off, as a superuser can), verifies in it and rolls it back.
 */
import { generateKeyPairSync } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { openCheckpointStore, publicKeyFromPem, signCheckpoint, writeCheckpoint, type Checkpoint } from '../../src/audit/checkpoints.ts';
import type { AuditEvent } from '../../src/audit/event.ts';
import { systemContext } from '../../src/audit/trail.ts';
import { verifyAuditTrail, type VerificationOptions, type VerificationResult } from '../../src/audit/verify.ts';
import { auditCommands } from '../../src/cli/audit-commands.ts';
import { CommandError } from '../../src/cli/command-error.ts';
import { openDatabase } from '../../src/db/connection.ts';
import { auditEventRow } from '../../src/db/repositories/audit.ts';
import type { Database } from '../../src/db/schema.ts';
import { unsetDeliveryFields, type DeliveryInput } from '../../src/domain/delivery.ts';
import { createDelivery, updateDelivery } from '../../src/register/deliveries.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { pgliteTemplate } from '../support/scratch-database.ts';

type Db = Kysely<Database>;

const context = systemContext('test');

const delivery = (number: number): DeliveryInput => ({
  ...unsetDeliveryFields(),
  title: `Levering ${number}`,
  category: 'ammunition',
  supportType: 'stock',
  fundingSource: 'ukraineSupportBudget',
  pledgedAt: '2025-01-01',
});

class RolledBack extends Error {}

/** Tampers in a transaction, verifies what it made, and undoes it. */
async function verifyTampered(db: Db, tamper: (trx: Db) => Promise<void>, options: VerificationOptions): Promise<VerificationResult> {
  let result: VerificationResult | undefined;
  await db
    .transaction()
    .execute(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx);
      await tamper(trx);
      result = await verifyAuditTrail(trx, options);
      throw new RolledBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RolledBack)) throw error;
    });
  return result!;
}

/** Changes an event's text and rebuilds every later link so that the chain in the database is consistent. */
async function recomputeFrom(trx: Db, seq: number, change: (event: AuditEvent) => AuditEvent): Promise<void> {
  const rows = await trx.selectFrom('auditEvent').selectAll().orderBy('seq').execute();
  let prevHash = rows.find((row) => row.seq === seq - 1)?.hash;
  for (const row of rows.filter((row) => row.seq >= seq)) {
    const event = JSON.parse(row.canonical) as AuditEvent;
    const rebuilt = auditEventRow({ ...(row.seq === seq ? change(event) : event), prevHash: prevHash! });
    await trx.updateTable('auditEvent').set(rebuilt).where('seq', '=', row.seq).execute();
    prevHash = rebuilt.hash;
  }
}

const retitled = (event: AuditEvent): AuditEvent => ({ ...event, after: { ...(event.after as object), title: 'Iets anders' } });

describeEachDatabase('verifying a tampered audit trail', (database) => {
  let directory: string;
  const checkpoints = () => ({ checkpointDirectory: directory });

  // Events 1-5 create deliveries, 6-10 change them; checkpoints at 5 and 10; 11 and 12 come after.
  beforeAll(async () => {
    const { db } = database();
    directory = mkdtempSync(join(tmpdir(), 'steunregister-audit-'));
    const store = await openCheckpointStore(directory);
    const created = [];
    for (let number = 1; number <= 5; number++) created.push(await createDelivery(db, context, delivery(number)));
    await writeCheckpoint(db, store, new Date());
    for (const item of created) await updateDelivery(db, context, item.id, { committedAt: '2025-02-01' }, item.version);
    await writeCheckpoint(db, store, new Date());
    for (let number = 6; number <= 7; number++) await createDelivery(db, context, delivery(number));
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('passes when nobody tampered', async () => {
    expect(await verifyAuditTrail(database().db, checkpoints())).toEqual({ ok: true, eventsChecked: 12, checkpointsChecked: 2, lastSeq: 12 });
  });

  it('fails at an event whose text was edited', async () => {
    const result = await verifyTampered(
      database().db,
      (trx) => trx.updateTable('auditEvent').set({ canonical: sql`replace(canonical, 'Levering 4', 'Levering 40')` }).where('seq', '=', 4).execute().then(() => {}),
      checkpoints(),
    );
    expect(result).toMatchObject({ ok: false, eventsChecked: 3, lastSeq: 3, firstProblem: { seq: 4, reason: 'its hash does not match its text' } });
  });

  it('fails at an event whose searchable column was edited', async () => {
    const result = await verifyTampered(
      database().db,
      (trx) => trx.updateTable('auditEvent').set({ actorName: 'iemand-anders' }).where('seq', '=', 6).execute().then(() => {}),
      checkpoints(),
    );
    expect(result.firstProblem).toEqual({ seq: 6, reason: 'its actor name column ("iemand-anders") differs from its text ("test")' });
  });

  it('fails at an event removed from the middle', async () => {
    const result = await verifyTampered(database().db, (trx) => trx.deleteFrom('auditEvent').where('seq', '=', 4).execute().then(() => {}), checkpoints());
    expect(result.firstProblem).toEqual({ seq: 4, reason: 'it is missing (the next event stored is #5)' });
  });

  it('fails at the first event of a tail removed after a checkpoint', async () => {
    const result = await verifyTampered(database().db, (trx) => trx.deleteFrom('auditEvent').where('seq', '>=', 9).execute().then(() => {}), checkpoints());
    expect(result).toMatchObject({ ok: false, eventsChecked: 8, lastSeq: 8, firstProblem: { seq: 9 } });
    expect(result.firstProblem?.reason).toMatch(/^it is missing: the checkpoint of \S+ covers the chain up to event #10 \(.*audit record-restore --operator NAME.*\)$/);
  });

  it('fails at the first of two events whose places were swapped', async () => {
    const swap = async (trx: Db) => {
      await trx.updateTable('auditEvent').set({ seq: 1_000 }).where('seq', '=', 3).execute();
      await trx.updateTable('auditEvent').set({ seq: 3 }).where('seq', '=', 7).execute();
      await trx.updateTable('auditEvent').set({ seq: 7 }).where('seq', '=', 1_000).execute();
    };
    expect((await verifyTampered(database().db, swap, checkpoints())).firstProblem).toEqual({ seq: 3, reason: 'its text says it is event #7' });
  });

  it('fails only against the checkpoints when the whole chain was recomputed after an edit', async () => {
    const { db } = database();
    const recomputed = (seq: number) => (trx: Db) => recomputeFrom(trx, seq, retitled);
    expect(await verifyTampered(db, recomputed(7), {})).toMatchObject({ ok: true, eventsChecked: 12 });
    const late = await verifyTampered(db, recomputed(7), checkpoints());
    expect(late).toMatchObject({ ok: false, checkpointsChecked: 1, lastSeq: 9, firstProblem: { seq: 10 } });
    expect(late.firstProblem?.reason).toMatch(/^its hash is not the one signed in the checkpoint of \S+: the chain was rewritten at or before this event$/);
    expect((await verifyTampered(db, recomputed(2), checkpoints())).firstProblem).toMatchObject({ seq: 5 });
  });

  describe('with forged checkpoints', () => {
    // A copy of the checkpoint directory for each test to forge.
    let forgery: string;
    beforeEach(() => {
      forgery = mkdtempSync(join(tmpdir(), 'steunregister-audit-forged-'));
      cpSync(directory, forgery, { recursive: true });
    });
    afterEach(() => rmSync(forgery, { recursive: true, force: true }));

    const checkpointsIn = (folder: string) =>
      readFileSync(join(folder, 'checkpoints.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Checkpoint);
    const writeCheckpoints = (folder: string, lines: Checkpoint[]) =>
      writeFileSync(join(folder, 'checkpoints.jsonl'), lines.map((line) => `${JSON.stringify(line)}\n`).join(''));

    /** The hashes a recomputed chain has at the checkpoints' events. */
    async function recomputedHashes(db: Db): Promise<Map<number, string>> {
      let hashes = new Map<number, string>();
      await db
        .transaction()
        .execute(async (trx) => {
          await sql`set local session_replication_role = replica`.execute(trx);
          await recomputeFrom(trx, 2, retitled);
          hashes = new Map((await trx.selectFrom('auditEvent').select(['seq', 'hash']).execute()).map((row) => [row.seq, row.hash]));
          throw new RolledBack();
        })
        .catch((error: unknown) => {
          if (!(error instanceof RolledBack)) throw error;
        });
      return hashes;
    }

    it('fails when a checkpoint was changed to match a recomputed chain', async () => {
      const { db } = database();
      const hashes = await recomputedHashes(db);
      writeCheckpoints(forgery, checkpointsIn(forgery).map((checkpoint) => ({ ...checkpoint, hash: hashes.get(checkpoint.seq)! })));
      const result = await verifyTampered(db, (trx) => recomputeFrom(trx, 2, retitled), { checkpointDirectory: forgery });
      expect(result).toMatchObject({ ok: false, firstProblem: { seq: null } });
      expect(result.firstProblem?.reason).toMatch(/^the checkpoint of event #5 of \S+ does not carry a valid signature$/);
    });

    it('fails against the known public key when the key pair was replaced and every checkpoint signed anew', async () => {
      const { db } = database();
      const knownKey = publicKeyFromPem(readFileSync(join(directory, 'checkpoint-signing-key.pub.pem'), 'utf8'));
      const hashes = await recomputedHashes(db);
      const { privateKey, publicKey } = generateKeyPairSync('ed25519');
      writeFileSync(join(forgery, 'checkpoint-signing-key.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }));
      writeFileSync(join(forgery, 'checkpoint-signing-key.pub.pem'), publicKey.export({ type: 'spki', format: 'pem' }));
      writeCheckpoints(
        forgery,
        checkpointsIn(forgery).map((checkpoint) => signCheckpoint({ seq: checkpoint.seq, hash: hashes.get(checkpoint.seq)! }, new Date(checkpoint.at), privateKey)),
      );
      const recomputed = (trx: Db) => recomputeFrom(trx, 2, retitled);
      // The directory's own key vouches for the forgery; the auditor's copy of the key does not.
      expect(await verifyTampered(db, recomputed, { checkpointDirectory: forgery })).toMatchObject({ ok: true });
      const result = await verifyTampered(db, recomputed, { checkpointDirectory: forgery, publicKey: knownKey });
      expect(result).toMatchObject({ ok: false, firstProblem: { seq: null } });
    });

    it('fails on a line that is not a checkpoint', async () => {
      writeFileSync(join(forgery, 'checkpoints.jsonl'), `${readFileSync(join(forgery, 'checkpoints.jsonl'), 'utf8')}{"seq":12}\n`);
      expect((await verifyAuditTrail(database().db, { checkpointDirectory: forgery })).firstProblem).toEqual({
        seq: null,
        reason: 'line 3 of checkpoints.jsonl is not a checkpoint: it was changed after it was written; put checkpoints.jsonl back as it was signed, from a copy of the audit directory',
      });
    });
  });
});

describe('the audit verify and audit checkpoint commands', () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'steunregister-audit-cli-'));
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  async function run(...args: string[]): Promise<{ lines: string[]; exitCode: typeof process.exitCode }> {
    vi.stubEnv('DATABASE_URL', '');
    vi.stubEnv('DATA_DIR', join(folder, 'data'));
    vi.stubEnv('AUDIT_DIR', join(folder, 'audit'));
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
    await auditCommands().parseAsync(args, { from: 'user' });
    const exitCode = process.exitCode;
    process.exitCode = undefined;
    return { lines, exitCode };
  }

  it('sign a checkpoint, then find the trail intact, and broken at the first bad event after tampering', async () => {
    const handle = await openDatabase({ dataDir: join(folder, 'data'), template: await pgliteTemplate() });
    for (let number = 1; number <= 3; number++) await createDelivery(handle.db, context, delivery(number));
    await handle.close();

    expect((await run('verify')).lines).toEqual([
      'Audit trail intact: 3 events, 0 checkpoints, last #3',
      `No signed checkpoints in ${join(folder, 'audit')}: a chain rewritten as a whole would go unnoticed.`,
    ]);
    expect((await run('checkpoint')).lines).toEqual([expect.stringMatching(/^Checkpoint signed in .*: event #3, hash [0-9a-f]{64}$/)]);
    expect((await run('checkpoint')).lines).toEqual(['No checkpoint needed: no events since the last one.']);
    expect(await run('verify')).toEqual({ lines: ['Audit trail intact: 3 events, 1 checkpoint, last #3'], exitCode: undefined });
    const publicKey = join(folder, 'audit', 'checkpoint-signing-key.pub.pem');
    expect((await run('verify', '--public-key', publicKey)).lines).toEqual(['Audit trail intact: 3 events, 1 checkpoint, last #3']);
    await expect(run('verify', '--public-key', join(folder, 'elders.pem'))).rejects.toThrow(CommandError);

    const tampered = await openDatabase({ dataDir: join(folder, 'data') });
    await sql`set session_replication_role = replica`.execute(tampered.db);
    await tampered.db.updateTable('auditEvent').set({ canonical: sql`replace(canonical, 'Levering 2', 'Levering 20')` }).where('seq', '=', 2).execute();
    await tampered.close();
    expect(await run('verify')).toEqual({ lines: ['Audit trail BROKEN at event #2: its hash does not match its text'], exitCode: 1 });
  });
});
