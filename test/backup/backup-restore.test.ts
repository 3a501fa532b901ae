/**
 * A backup restored into a new directory is the same register: the audit trail verifies, the figures and
 * the letters' hashes are the same. An older backup restored beside newer checkpoints is refused until an
 * operator records the restore; then it starts, `audit verify` accepts and reports it, and tampering still shows.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditChainBehindError, hasValidSignature, openCheckpointStore, readCheckpoints, writeCheckpoint } from '../../src/audit/checkpoints.ts';
import { readRestores, recordRestore, RestoreNotRecordableError, standingAnchors } from '../../src/audit/restores.ts';
import { recordAuditEvent, systemContext } from '../../src/audit/trail.ts';
import { verifyAuditTrail } from '../../src/audit/verify.ts';
import { BackupRefusedError, restoreBackup, writeBackup } from '../../src/backup/backup-file.ts';
import { answerBackupRequests, requestBackup } from '../../src/backup/online-backup.ts';
import { openDatabase } from '../../src/db/connection.ts';
import type { Database } from '../../src/db/schema.ts';
import { LETTER_COMPARE_DATE, LETTER_REFERENCE_DATE } from '../../src/db/seed/demonstration-data.ts';
import { loadDemonstrationData } from '../../src/register/demonstration.ts';
import { figuresTable } from '../../src/register/figures.ts';
import { startServer } from '../../src/server.ts';
import { pgliteTemplate } from '../support/scratch-database.ts';

let folder = '';
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'steunregister-backup-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const record = (db: Kysely<Database>) => recordAuditEvent(db, systemContext('test'), { action: 'session.login', result: 'denied' });
const open = async (dataDir: string) => openDatabase({ dataDir, template: await pgliteTemplate() });
const letterHashes = (db: Kysely<Database>) => db.selectFrom('letter').select(['id', 'approvedSha256', 'publicSha256', 'annexSha256']).orderBy('id').execute();

describe('backup and restore of the embedded register', () => {
  it('restores into a new directory the same register: audit trail intact, same figures and letter hashes, files private', async () => {
    const original = await open(join(folder, 'original'));
    const audit = join(folder, 'original', 'audit');
    await loadDemonstrationData(original.db);
    await writeCheckpoint(original.db, await openCheckpointStore(audit), new Date());
    const figures = await figuresTable(original.db, LETTER_REFERENCE_DATE, LETTER_COMPARE_DATE);
    const hashes = await letterHashes(original.db);
    expect(hashes.some((letter) => /^[0-9a-f]{64}$/.test(letter.publicSha256 ?? ''))).toBe(true);
    const file = join(folder, 'register.backup');
    await writeBackup(original, audit, file);
    await original.close();
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const dataDir = join(folder, 'restored');
    const restoredAudit = join(dataDir, 'audit');
    expect(await restoreBackup(file, dataDir, restoredAudit)).toMatchObject({ auditRestored: true });
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(join(restoredAudit, 'checkpoint-signing-key.pem')).mode & 0o777).toBe(0o600);
    const restored = await openDatabase({ dataDir });
    try {
      expect(await verifyAuditTrail(restored.db, { checkpointDirectory: restoredAudit })).toEqual({ ok: true, eventsChecked: expect.any(Number), checkpointsChecked: 1, lastSeq: expect.any(Number) });
      expect(await figuresTable(restored.db, LETTER_REFERENCE_DATE, LETTER_COMPARE_DATE)).toEqual(figures);
      expect(await letterHashes(restored.db)).toEqual(hashes);
    } finally {
      await restored.close();
    }
    await expect(restoreBackup(file, dataDir, restoredAudit)).rejects.toThrow(BackupRefusedError);
  });

  it('refuses to start on an older backup until an operator records the restore, then accepts and reports it', async () => {
    const auditDirectory = join(folder, 'separate-audit');
    const options = { port: 0, demonstrationData: false, auditCheckpoints: { directory: auditDirectory, intervalMs: 60_000 } };
    const original = await open(join(folder, 'original'));
    const store = await openCheckpointStore(auditDirectory);
    await record(original.db);
    await writeCheckpoint(original.db, store, new Date());
    const file = join(folder, 'older.backup');
    const backup = await writeBackup(original, auditDirectory, file);
    await record(original.db);
    await record(original.db);
    await writeCheckpoint(original.db, store, new Date());
    await original.close();

    const dataDir = join(folder, 'restored');
    expect(await restoreBackup(file, dataDir, auditDirectory)).toMatchObject({ auditRestored: false });
    const server = { ...options, database: { dataDir } };
    const refusal = await startServer(server).then(() => undefined, (error: unknown) => error);
    expect(refusal).toBeInstanceOf(AuditChainBehindError);
    expect((refusal as Error).message).toContain('audit record-restore --operator NAME');

    const anchors = standingAnchors(
      (await readCheckpoints(auditDirectory)).filter((checkpoint) => hasValidSignature(checkpoint, store.publicKey)),
      await readRestores(auditDirectory, store.publicKey),
    );
    const restored = await openDatabase({ dataDir });
    const restore = await recordRestore(restored.db, store, anchors, 'J. Beheerder', new Date());
    expect(restore).toMatchObject({ seq: backup.lastAuditSeq, lostUpTo: backup.lastAuditSeq + 2, operator: 'J. Beheerder' });
    await restored.close();

    const running = await startServer(server);
    await record(running.database.db);
    await running.close();
    const reopened = await openDatabase({ dataDir });
    try {
      const result = await verifyAuditTrail(reopened.db, { checkpointDirectory: auditDirectory });
      expect(result).toMatchObject({ ok: true, lastSeq: backup.lastAuditSeq + 1, restores: [restore] });
      // Once recorded there is nothing more to record; and tampering with the chain is reported as before.
      const standing = standingAnchors(await readCheckpoints(auditDirectory), await readRestores(auditDirectory, store.publicKey));
      await expect(recordRestore(reopened.db, store, standing, 'J. Beheerder', new Date())).rejects.toThrow(RestoreNotRecordableError);
      await reopened.db.transaction().execute(async (trx) => {
        await sql`set local session_replication_role = replica`.execute(trx);
        await sql`update audit_event set canonical = replace(canonical, 'denied', 'success') where seq = ${backup.lastAuditSeq}`.execute(trx);
      });
      expect(await verifyAuditTrail(reopened.db, { checkpointDirectory: auditDirectory })).toMatchObject({
        ok: false,
        firstProblem: { seq: backup.lastAuditSeq, reason: 'its hash does not match its text' },
      });
    } finally {
      await reopened.close();
    }
  });

  it('is taken by the running server when another process asks it', async () => {
    const dataDir = join(folder, 'running');
    const running = await open(dataDir);
    await record(running.db);
    const stop = await answerBackupRequests(dataDir, running, join(dataDir, 'audit'));
    try {
      const file = join(folder, 'online.backup');
      expect(await requestBackup(dataDir, file, 60_000)).toBe(1);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      await expect(requestBackup(dataDir, file, 60_000)).rejects.toThrow(`${file} exists`);
    } finally {
      await stop();
      await running.close();
    }
  });
});
