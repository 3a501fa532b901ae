/**
 * A backup restored into a new directory is the same register: the audit trail verifies, the figures and
 * the letters' hashes are the same. An older backup restored beside newer checkpoints is refused until an
 * operator records the restore; then it starts, `audit verify` accepts and reports it, and tampering still shows.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql, type Kysely } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuditChainBehindError, CheckpointKeyError, hasValidSignature, openCheckpointStore, readCheckpoints, writeCheckpoint } from '../../src/audit/checkpoints.ts';
import { readRestores, recordRestore, RestoreNotRecordableError, standingAnchors } from '../../src/audit/restores.ts';
import { recordAuditEvent, systemContext } from '../../src/audit/trail.ts';
import { verifyAuditTrail } from '../../src/audit/verify.ts';
import { createAccount } from '../../src/auth/accounts.ts';
import { openSealed, openTotpSecretKey, TotpSecretKeyMissingError } from '../../src/auth/totp-secret-key.ts';
import { readArchive, writeArchive } from '../../src/backup/archive.ts';
import { BackupRefusedError, restoreBackup, writeBackup } from '../../src/backup/backup-file.ts';
import { answerBackupRequests, requestBackup } from '../../src/backup/online-backup.ts';
import { openDatabase, type DatabaseHandle } from '../../src/db/connection.ts';
import type { Database } from '../../src/db/schema.ts';
import { LETTER_COMPARE_DATE, LETTER_REFERENCE_DATE } from '../../src/db/seed/demonstration-data.ts';
import { figuresTable } from '../../src/register/figures.ts';
import { startServer } from '../../src/server.ts';
import { migrate, MigrationNeedsOwnerError } from '../../src/db/migrate.ts';
import { runCli } from '../support/cli.ts';
import { dropDatabase, freshDatabaseUrl, postgresSkipReason } from '../support/postgres.ts';
import { pgliteDemonstrationTemplate, pgliteTemplate } from '../support/scratch-database.ts';

let folder = '';
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'steunregister-backup-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

/** A backup's entries, in order, each whole. */
const entriesOf = async (file: string) =>
  (await readArchive(file, () => true, () => new Error('refused'), { bytes: Infinity, exceeded: () => new Error('too large') })).map(({ name, chunks }) => ({ name, bytes: new Uint8Array(Buffer.concat(chunks)) }));
/** A manifest as a backup of the unsigned format has it. */
const withoutSignature = (manifest: Uint8Array) =>
  new TextEncoder().encode(JSON.stringify({ ...JSON.parse(Buffer.from(manifest).toString('utf8')), format: 'steunregister-backup/2', signature: undefined }));
const record = (db: Kysely<Database>) => recordAuditEvent(db, systemContext('test'), { action: 'session.login', result: 'denied' });
const open = async (dataDir: string) => openDatabase({ dataDir, template: await pgliteTemplate() });
const letterHashes = (db: Kysely<Database>) => db.selectFrom('letter').select(['id', 'approvedSha256', 'publicSha256', 'annexSha256']).orderBy('id').execute();
/** An auditor's account, whose second factor is sealed with the key in `auditDirectory`. */
const auditorWithSecondFactor = async (db: Kysely<Database>, auditDirectory: string) =>
  createAccount(db, systemContext('test'), { username: 'auditor', role: 'auditor', password: 'correct horse battery staple' }, await openTotpSecretKey(auditDirectory, db));
const storedTotpSecret = async (db: Kysely<Database>, id: string) => (await db.selectFrom('account').select('totpSecret').where('id', '=', id).executeTakeFirstOrThrow()).totpSecret!;

describe('backup and restore of the embedded register', () => {
  /**
   * A register with one audit event in a data directory of its own, and its backup: made once, as the
   * tests that only read them change neither and write what they make in `folder`.
   */
  const good = { folder: '', audit: '', file: '' };
  beforeAll(async () => {
    good.folder = mkdtempSync(join(tmpdir(), 'steunregister-backup-'));
    good.audit = join(good.folder, 'original', 'audit');
    good.file = join(good.folder, 'good.backup');
    const original = await open(join(good.folder, 'original'));
    await record(original.db);
    await writeBackup(original, good.audit, good.file);
    await original.close();
  });
  afterAll(() => rmSync(good.folder, { recursive: true, force: true }));

  it('restores into a new directory the same register: audit trail intact, same figures and letter hashes, files private', async () => {
    const original = await openDatabase({ dataDir: join(folder, 'original'), template: await pgliteDemonstrationTemplate() });
    const audit = join(folder, 'original', 'audit');
    const { account: auditor, totpSecret } = await auditorWithSecondFactor(original.db, audit);
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
    expect(await restoreBackup(file, dataDir, restoredAudit)).toMatchObject({
      auditRestored: true,
      signatureCheck: 'backupKey',
      signingKeyMissing: expect.stringContaining('checkpoint-signing-key.pem is missing'),
      totpSecretKeyMissing: expect.stringContaining('totp-secret-key is missing'),
    });
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(join(restoredAudit, 'checkpoints.jsonl')).mode & 0o777).toBe(0o600);
    // The operator puts the keys back from where they are kept apart from the backups.
    for (const key of ['totp-secret-key', 'checkpoint-signing-key.pem']) copyFileSync(join(audit, key), join(restoredAudit, key));
    const restored = await openDatabase({ dataDir });
    try {
      expect(openSealed(await openTotpSecretKey(restoredAudit, restored.db), auditor.id, await storedTotpSecret(restored.db, auditor.id))).toBe(totpSecret);
      expect(await verifyAuditTrail(restored.db, { checkpointDirectory: restoredAudit })).toEqual({ ok: true, eventsChecked: expect.any(Number), checkpointsChecked: 1, lastSeq: expect.any(Number) });
      expect(await figuresTable(restored.db, LETTER_REFERENCE_DATE, LETTER_COMPARE_DATE)).toEqual(figures);
      expect(await letterHashes(restored.db)).toEqual(hashes);
    } finally {
      await restored.close();
    }
    await expect(restoreBackup(file, dataDir, restoredAudit)).rejects.toThrow(BackupRefusedError);
  });

  it('leaves the TOTP key and the private checkpoint key out of the backup; restored without them, says to put them back, and the server refuses to start until they are', async () => {
    const original = await open(join(folder, 'original'));
    const audit = join(folder, 'original', 'audit');
    await openCheckpointStore(audit);
    const { account: auditor } = await auditorWithSecondFactor(original.db, audit);
    const sealed = await storedTotpSecret(original.db, auditor.id);
    const file = join(folder, 'register.backup');
    await writeBackup(original, audit, file);
    await original.close();
    const key = readFileSync(join(audit, 'totp-secret-key'));
    const signingKey = readFileSync(join(audit, 'checkpoint-signing-key.pem'), 'utf8');
    // A gzipped tar, as `tar` itself lists it.
    const entries = execFileSync('tar', ['-tzf', file], { encoding: 'utf8' }).trim().split('\n');
    expect(entries.slice(0, 2)).toEqual(['backup.json', 'database.tar']);
    expect(entries).toContain('audit/checkpoint-signing-key.pub.pem');
    expect(entries).not.toContain('audit/checkpoint-signing-key.pem');
    expect(entries).not.toContain('audit/totp-secret-key');
    const content = gunzipSync(readFileSync(file)).toString('latin1');
    for (const form of [key.toString('utf8').trim(), key.toString('base64'), signingKey.split('\n')[1]!]) expect(content).not.toContain(form);

    const dataDir = join(folder, 'restored');
    const { code, output } = await runCli(dataDir, ['restore', file]);
    expect(code).toBe(0);
    const keyFile = join(dataDir, 'audit', 'totp-secret-key');
    const signingKeyFile = join(dataDir, 'audit', 'checkpoint-signing-key.pem');
    expect(output).toContain(`The audit directory ${join(dataDir, 'audit')} was restored from the backup: its checkpoints end where the backup does`);
    expect(output).toContain('Its signature was checked only against the public key the backup carries itself: that shows the file is whole, not that the register made it');
    expect(output).toContain(`${signingKeyFile} is missing: a backup leaves out the private key of the checkpoints, which signs it. Put the key back from where you keep it`);
    expect(output).toContain(
      `${keyFile} is missing and 1 account has its second factor sealed with it: put the key back from where you keep it (a backup leaves it out; README, "Backup and restore"), ` +
        'or, if it is lost, give every such account a new second factor with account new-second-factor --all-sealed (each person then enrols again). ' +
        'Without it the server does not start, as second-factor logins cannot be checked.\n',
    );
    expect(existsSync(keyFile)).toBe(false);

    const server = { port: 0, demonstrationData: false, database: { dataDir }, auditCheckpoints: { directory: join(dataDir, 'audit'), intervalMs: 60_000 } };
    const refusal = () => startServer(server).then(() => undefined, (error: unknown) => error);
    expect(await refusal()).toBeInstanceOf(TotpSecretKeyMissingError);
    // No new key was made in its place: the kept one can still be put back.
    expect(existsSync(keyFile)).toBe(false);
    copyFileSync(join(audit, 'totp-secret-key'), keyFile);
    expect(await refusal()).toBeInstanceOf(CheckpointKeyError);
    expect(existsSync(signingKeyFile)).toBe(false);
    copyFileSync(join(audit, 'checkpoint-signing-key.pem'), signingKeyFile);
    const running = await startServer(server);
    try {
      expect(await storedTotpSecret(running.database.db, auditor.id)).toBe(sealed);
    } finally {
      await running.close();
    }
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
      // The server's start put the restore into the chain, before the event recorded after it.
      expect(result).toMatchObject({ ok: true, lastSeq: backup.lastAuditSeq + 2, restores: [restore] });
      expect(await reopened.db.selectFrom('auditEvent').select(['action', 'objectId']).where('seq', '=', backup.lastAuditSeq + 1).executeTakeFirst()).toEqual({
        action: 'audit.restore',
        objectId: restore.signature,
      });
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

  it('is taken by the running server when another process asks it, consistent while requests keep writing', async () => {
    const dataDir = join(folder, 'running');
    const running = await open(dataDir);
    await record(running.db);
    const stop = await answerBackupRequests(dataDir, running, join(dataDir, 'audit'));
    const file = join(folder, 'online.backup');
    try {
      let writing = true;
      // Each write a request of its own, as the server's are (PGlite answers in microtasks: without a turn
      // of the event loop between them, nothing else would run).
      const writes = (async () => {
        while (writing) await new Promise(setImmediate).then(() => record(running.db));
      })();
      const lastSeq = await requestBackup(dataDir, file, 60_000).finally(() => (writing = false));
      await writes;
      expect(lastSeq).toBeGreaterThanOrEqual(1);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      await expect(requestBackup(dataDir, file, 60_000)).rejects.toThrow(`${file} exists`);
    } finally {
      await stop();
      await running.close();
    }
    const restoredDir = join(folder, 'restored');
    const { lastAuditSeq } = await restoreBackup(file, restoredDir, join(restoredDir, 'audit'));
    const restored = await openDatabase({ dataDir: restoredDir });
    try {
      expect(await verifyAuditTrail(restored.db, { checkpointDirectory: join(restoredDir, 'audit') })).toMatchObject({ ok: true, lastSeq: expect.any(Number) });
      expect((await restored.db.selectFrom('auditEvent').select('seq').orderBy('seq', 'desc').executeTakeFirstOrThrow()).seq).toBeGreaterThanOrEqual(lastAuditSeq);
    } finally {
      await restored.close();
    }
  });

  it('refuses a truncated or damaged backup, saying so, and leaves nothing behind: the good one restores next', async () => {
    const bytes = readFileSync(good.file);
    const truncated = join(folder, 'truncated.backup');
    writeFileSync(truncated, bytes.subarray(0, bytes.length >> 1));
    // Whole in length, one byte of gzip's check of the content changed.
    const changed = join(folder, 'changed.backup');
    writeFileSync(changed, Buffer.from(bytes).map((byte, index) => (index === bytes.length - 8 ? byte ^ 0xff : byte)));
    // Whole as a file, but its database cut in half: what a faulty copy or disk inside the archive leaves.
    const damaged = join(folder, 'damaged.backup');
    await writeArchive(damaged, (await entriesOf(good.file)).map(({ name, bytes }) => ({ name, bytes: name === 'database.tar' ? bytes.subarray(0, bytes.length >> 1) : bytes })));

    const dataDir = join(folder, 'restored');
    const before = [...readdirSync(folder), 'damaged-unsigned.backup'].sort();
    await expect(restoreBackup(truncated, dataDir, join(dataDir, 'audit'))).rejects.toThrow(
      new BackupRefusedError(`${truncated} is damaged: it is cut short, the file ends before the backup does. Nothing was restored; try an older backup.`),
    );
    await expect(restoreBackup(changed, dataDir, join(dataDir, 'audit'))).rejects.toThrow(
      new BackupRefusedError(`${changed} is damaged: some of its bytes were changed, what it holds does not unpack (incorrect data check). Nothing was restored; try an older backup.`),
    );
    await expect(restoreBackup(damaged, dataDir, join(dataDir, 'audit'))).rejects.toThrow(
      new BackupRefusedError(`${damaged} does not carry a valid signature of the public key it carries: its database or audit files were changed after it was made, or another register made it. Nothing was restored.`),
    );
    // Unsigned, it gets as far as opening the database.
    const unsigned = join(folder, 'damaged-unsigned.backup');
    await writeArchive(unsigned, (await entriesOf(damaged)).map(({ name, bytes }) => ({ name, bytes: name === 'backup.json' ? withoutSignature(bytes) : bytes })));
    await expect(restoreBackup(unsigned, dataDir, join(dataDir, 'audit'), { acceptUnsigned: true })).rejects.toThrow(
      new BackupRefusedError(`${unsigned} is damaged: its database does not open (PGlite failed to initialize properly). Nothing was restored; try an older backup.`),
    );
    expect(readdirSync(folder).sort()).toEqual(before);
    expect(await restoreBackup(good.file, dataDir, join(dataDir, 'audit'))).toMatchObject({ lastAuditSeq: 1, auditRestored: true });
  });

  it('refuses a file of another kind, saying so, whatever JSON or archive it holds', async () => {
    const entries = await entriesOf(good.file);
    const manifest = JSON.parse(Buffer.from(entries[0]!.bytes).toString('utf8'));
    const dataDir = join(folder, 'restored');
    const refusal = (file: string) => new BackupRefusedError(`${file} is not a Steunregister backup (steunregister-backup/3).`);
    const text = join(folder, 'text-ungzipped.backup');
    writeFileSync(text, 'a backup');
    await expect(restoreBackup(text, dataDir, join(dataDir, 'audit'))).rejects.toThrow(refusal(text));
    for (const [name, json] of [['null', 'null'], ['text', '"a backup"'], ['earlier-negative', JSON.stringify({ format: 'steunregister-backup/1', createdAt: manifest.createdAt, lastAuditSeq: -5, database: '', audit: {} })]] as const) {
      const file = join(folder, `${name}.backup`);
      writeFileSync(file, gzipSync(json));
      await expect(restoreBackup(file, dataDir, join(dataDir, 'audit'))).rejects.toThrow(refusal(file));
    }
    const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
    const archives = {
      // A path out of the audit directory, a file the backup does not make, a second database or manifest, the manifest saying otherwise.
      escaping: [...entries, { name: 'audit/../../elsewhere', bytes: json('x') }],
      unknown: [...entries, { name: 'notes.txt', bytes: json('x') }],
      twice: [...entries, entries[1]!],
      twoManifests: [...entries, entries[0]!],
      negative: [{ name: 'backup.json', bytes: json({ ...manifest, lastAuditSeq: -5 }) }, ...entries.slice(1)],
      withoutDatabase: entries.filter((entry) => entry.name !== 'database.tar'),
    };
    for (const [name, archive] of Object.entries(archives)) {
      const file = join(folder, `${name}.backup`);
      await writeArchive(file, archive);
      await expect(restoreBackup(file, dataDir, join(dataDir, 'audit')), name).rejects.toThrow(refusal(file));
    }
    // What a gzipped file of another kind holds is said in one line, its control characters written out, never sent to a terminal.
    const escapes = join(folder, 'escapes.gz');
    writeFileSync(escapes, gzipSync('\u001b[2J\u001b]0;PWNED\u0007x\ny'));
    const said = await restoreBackup(escapes, dataDir, join(dataDir, 'audit')).catch((error: Error) => error.message);
    expect(said).toMatch(/^\S+ is not a Steunregister backup: .*\\u001b\[2J.*\\u000a/);
    expect(said).not.toMatch(/[\u0000-\u001f]/);
    expect(existsSync(dataDir)).toBe(false);
    // Packed again in another order (as `tar` packs a folder), it is the same backup.
    const unordered = join(folder, 'unordered.backup');
    await writeArchive(unordered, [entries[1]!, ...entries.slice(2), entries[0]!]);
    expect(await restoreBackup(unordered, dataDir, join(dataDir, 'audit'))).toMatchObject({ auditRestored: true });
  });

  it('restores a backup of the earlier format, gzipped JSON', async () => {
    // The database as the backup of the same register dumped it, the audit directory with its private key.
    const database = (await entriesOf(good.file)).find((entry) => entry.name === 'database.tar')!.bytes;
    const earlier = join(folder, 'earlier.backup');
    const auditFiles = Object.fromEntries(readdirSync(good.audit).filter((name) => name !== 'totp-secret-key').map((name) => [name, readFileSync(join(good.audit, name)).toString('base64')]));
    writeFileSync(earlier, gzipSync(JSON.stringify({ format: 'steunregister-backup/1', createdAt: '2026-01-02T03:04:05.000Z', lastAuditSeq: 1, database: Buffer.from(database).toString('base64'), audit: auditFiles })));
    const dataDir = join(folder, 'restored');
    await expect(restoreBackup(earlier, dataDir, join(dataDir, 'audit'))).rejects.toThrow(`${earlier} is not signed`);
    expect(existsSync(dataDir)).toBe(false);
    expect(await restoreBackup(earlier, dataDir, join(dataDir, 'audit'), { acceptUnsigned: true })).toMatchObject({
      createdAt: '2026-01-02T03:04:05.000Z',
      lastAuditSeq: 1,
      auditRestored: true,
      signatureCheck: 'unsigned',
    });
    expect(readFileSync(join(dataDir, 'audit', 'checkpoint-signing-key.pem'))).toEqual(readFileSync(join(good.audit, 'checkpoint-signing-key.pem')));
    const restored = await openDatabase({ dataDir });
    try {
      expect((await verifyAuditTrail(restored.db)).ok).toBe(true);
    } finally {
      await restored.close();
    }
  });

  it('restores a data directory that lies inside the audit directory, the audit files beside it', async () => {
    const auditDirectory = join(folder, 'kept');
    const dataDir = join(auditDirectory, 'data');
    expect(await restoreBackup(good.file, dataDir, auditDirectory)).toMatchObject({ lastAuditSeq: 1, auditRestored: true });
    expect(readdirSync(auditDirectory).sort()).toEqual(['checkpoint-signing-key.pub.pem', 'data']);
    expect(readdirSync(folder)).toEqual(['kept']);
    const restored = await openDatabase({ dataDir });
    try {
      expect((await verifyAuditTrail(restored.db, { checkpointDirectory: auditDirectory })).ok).toBe(true);
    } finally {
      await restored.close();
    }
  });

  it('restores its audit files beside the keys put back before the restore, keeping those keys', async () => {
    const audit = join(folder, 'original', 'audit');
    const original = await open(join(folder, 'original'));
    await record(original.db);
    await writeCheckpoint(original.db, await openCheckpointStore(audit), new Date());
    const file = join(folder, 'register.backup');
    await writeBackup(original, audit, file);
    await original.close();
    const keys = join(folder, 'keys-put-back');
    mkdirSync(keys, { mode: 0o700 });
    copyFileSync(join(audit, 'checkpoint-signing-key.pem'), join(keys, 'checkpoint-signing-key.pem'));

    const dataDir = join(folder, 'restored');
    expect(await restoreBackup(file, dataDir, keys)).toMatchObject({ auditRestored: true, signatureCheck: 'backupKey' });
    expect(readdirSync(keys).sort()).toEqual(['checkpoint-signing-key.pem', 'checkpoint-signing-key.pub.pem', 'checkpoints.jsonl']);
    expect(readFileSync(join(keys, 'checkpoints.jsonl'))).toEqual(readFileSync(join(audit, 'checkpoints.jsonl')));
    const running = await startServer({ port: 0, demonstrationData: false, database: { dataDir }, auditCheckpoints: { directory: keys, intervalMs: 60_000 } });
    try {
      expect(await verifyAuditTrail(running.database.db, { checkpointDirectory: keys })).toMatchObject({ ok: true, checkpointsChecked: 1 });
    } finally {
      await running.close();
    }
  });

  it('restores into a data directory that holds nothing but its audit directory, which it keeps: an older backup is then refused at the start', async () => {
    const dataDir = join(folder, 'register');
    const audit = join(dataDir, 'audit');
    const original = await open(dataDir);
    const store = await openCheckpointStore(audit);
    await record(original.db);
    const file = join(folder, 'older.backup');
    const backup = await writeBackup(original, audit, file);
    await record(original.db);
    const newer = await writeCheckpoint(original.db, store, new Date());
    await original.close();
    const checkpoints = readFileSync(join(audit, 'checkpoints.jsonl'));
    // The database is lost; the audit directory survives in its place.
    for (const name of readdirSync(dataDir)) if (name !== 'audit') rmSync(join(dataDir, name), { recursive: true, force: true });
    writeFileSync(join(dataDir, 'stray'), '');
    await expect(restoreBackup(file, dataDir, audit)).rejects.toThrow(`${dataDir} is not empty: a backup is restored into an empty data directory only (but for the audit directory ${audit} inside it).`);
    rmSync(join(dataDir, 'stray'));

    // The restore knows the kept checkpoints are newer than the backup, and says so outright with what to do.
    const restored = await runCli(dataDir, ['restore', file]);
    expect(restored.code).toBe(0);
    expect(restored.output).toContain(`Its signature was checked against the checkpoint key in ${audit}`);
    expect(restored.output).toContain(
      `The audit directory ${audit} holds the chain's records already and was kept. Its checkpoints are newer than this backup: they cover the audit trail up to event #${newer!.seq} ` +
        `(signed ${newer!.at}), the backup only up to event #${backup.lastAuditSeq}, so the server refuses to start on it. Restore a newer backup if there is one; if this is the backup ` +
        `to go on with and the events after #${backup.lastAuditSeq} are lost for good, record that first, with the same DATA_DIR and AUDIT_DIR: npm run cli -- audit record-restore --operator NAME`,
    );
    expect(restored.output).not.toContain('if its checkpoints are newer');
    expect(readFileSync(join(audit, 'checkpoints.jsonl'))).toEqual(checkpoints);
    const refusal = await startServer({ port: 0, demonstrationData: false, database: { dataDir }, auditCheckpoints: { directory: audit, intervalMs: 60_000 } }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(AuditChainBehindError);
  });

  it('says on restoring beside kept checkpoints that go no further than the backup that the server starts on it', async () => {
    const dataDir = join(folder, 'register');
    const audit = join(dataDir, 'audit');
    const original = await open(dataDir);
    await record(original.db);
    await writeCheckpoint(original.db, await openCheckpointStore(audit), new Date());
    const file = join(folder, 'newest.backup');
    await writeBackup(original, audit, file);
    await original.close();
    for (const name of readdirSync(dataDir)) if (name !== 'audit') rmSync(join(dataDir, name), { recursive: true, force: true });
    const restored = await runCli(dataDir, ['restore', file]);
    expect(restored.code).toBe(0);
    expect(restored.output).toContain(`The audit directory ${audit} holds the chain's records already and was kept: its checkpoints go no further than this backup, so the server starts on it.`);
    const running = await startServer({ port: 0, demonstrationData: false, database: { dataDir }, auditCheckpoints: { directory: audit, intervalMs: 60_000 } });
    await running.close();
  });

  it('backs up only a data directory that holds a database, and makes none where there is none', async () => {
    const mistyped = join(folder, 'no-such-data');
    const { code, output } = await runCli(mistyped, ['backup', join(folder, 'x.backup')]);
    expect(code).not.toBe(0);
    expect(output).toContain(`${mistyped} holds no register`);
    expect(existsSync(mistyped) || existsSync(join(folder, 'x.backup'))).toBe(false);
  });
});

const postgresSkipped = postgresSkipReason();
describe.skipIf(postgresSkipped !== undefined)(`the server's own role on PostgreSQL${postgresSkipped ? ` (skipped: ${postgresSkipped})` : ''}`, () => {
  /**
   * A fresh database migrated by its owner, and a role that may only select, insert, update and delete its tables
   * (README, "Using PostgreSQL"): `prepare` changes it as the owner, `run` gets a connection as that role.
   */
  async function asServerRole(prepare: (owner: DatabaseHandle) => Promise<void>, run: (app: DatabaseHandle, owner: DatabaseHandle) => Promise<void>) {
    const databaseUrl = await freshDatabaseUrl();
    const role = `app_${randomUUID().slice(0, 8)}`;
    const owner = await openDatabase({ databaseUrl });
    try {
      await migrate(owner);
      await sql`create role ${sql.id(role)}`.execute(owner.db);
      await sql`grant select, insert, update, delete on all tables in schema public to ${sql.id(role)}`.execute(owner.db);
      await prepare(owner);
      const asApp = new URL(databaseUrl);
      asApp.searchParams.set('options', `-c role=${role}`);
      const app = await openDatabase({ databaseUrl: asApp.href });
      try {
        await run(app, owner);
      } finally {
        await app.close();
      }
    } finally {
      await sql`drop owned by ${sql.id(role)}`.execute(owner.db).catch(() => {});
      await sql`drop role if exists ${sql.id(role)}`.execute(owner.db);
      await owner.close();
      await dropDatabase(databaseUrl);
    }
  }

  it('starts on a migrated database as a role that may only select, insert, update and delete (README, "Using PostgreSQL")', async () => {
    await asServerRole(
      async (owner) => void (await sql`revoke create on schema public from public`.execute(owner.db)),
      async (app) => expect(await migrate(app)).toEqual([]),
    );
  });

  it('refuses in one line to migrate as that role a database that lacks a migration, naming it and the owner who applies it', async () => {
    let last = '';
    await asServerRole(
      async (owner) => {
        // As a newer version brings a migration: the register lacks its last one. PostgreSQL refuses its first statement as
        // the owner's (a table's) or the schema's (a new function in it).
        last = (await owner.db.selectFrom('schemaMigration').select('name').orderBy('name', 'desc').limit(1).executeTakeFirstOrThrow()).name;
        await owner.db.deleteFrom('schemaMigration').where('name', '=', last).execute();
      },
      async (app, owner) => {
        const refusal = await migrate(app).catch((error: unknown) => error);
        expect(refusal).toBeInstanceOf(MigrationNeedsOwnerError);
        expect((refusal as Error).message).toMatch(new RegExp(`^The database lacks migration ${last}, and the role DATABASE_URL names may not make it \\((must be owner of|permission denied for) .+\\): run \`npm run cli -- migrate\` with DATABASE_URL naming the owner of the schema, grant the server's role its tables, then start again\\.$`));
        expect(await owner.db.selectFrom('schemaMigration').select('name').where('name', '=', last).execute()).toEqual([]);
      },
    );
  });
});
