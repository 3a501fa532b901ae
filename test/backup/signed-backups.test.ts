/**
 * A backup is signed with the key of the audit checkpoints, which it leaves out. A database changed in
 * the file and packed again is refused; a signature made anew with another key pair is refused against
 * the kept audit directory or a public key kept apart; an unsigned backup restores only when asked, and says so.
 */
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openCheckpointStore, writeCheckpoint } from '../../src/audit/checkpoints.ts';
import { recordAuditEvent, systemContext } from '../../src/audit/trail.ts';
import { readArchive, writeArchive } from '../../src/backup/archive.ts';
import { BackupRefusedError, restoreBackup, writeBackup } from '../../src/backup/backup-file.ts';
import { signBackup } from '../../src/backup/backup-signature.ts';
import { openDatabase } from '../../src/db/connection.ts';
import type { Database } from '../../src/db/schema.ts';
import { runCli } from '../support/cli.ts';
import { pgliteTemplate } from '../support/scratch-database.ts';

let folder = '';
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'steunregister-signed-backup-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const record = (db: Kysely<Database>) => recordAuditEvent(db, systemContext('test'), { action: 'session.login', result: 'denied' });
const unbounded = { bytes: Infinity, exceeded: () => new Error('too large') };
const entriesOf = async (file: string) =>
  new Map((await readArchive(file, () => true, () => new Error('refused'), unbounded)).map(({ name, chunks }) => [name, Buffer.concat(chunks)]));
const repack = (file: string, entries: Map<string, Buffer>) => writeArchive(file, [...entries].map(([name, bytes]) => ({ name, bytes })));
const manifestOf = (entries: Map<string, Buffer>) => JSON.parse(entries.get('backup.json')!.toString('utf8')) as Record<string, unknown>;

/** A register in `within` with a checkpoint in a separate audit directory, and its backup. */
async function backedUp(within: string) {
  const auditDirectory = join(within, 'audit');
  const original = await openDatabase({ dataDir: join(within, 'original'), template: await pgliteTemplate() });
  await record(original.db);
  await writeCheckpoint(original.db, await openCheckpointStore(auditDirectory), new Date());
  const file = join(within, 'register.backup');
  await writeBackup(original, auditDirectory, file);
  await original.close();
  return { auditDirectory, file, entries: await entriesOf(file) };
}

/** Made once: the tests change neither the backup nor its audit directory, and write what they make in `folder`. */
let backup: Awaited<ReturnType<typeof backedUp>>;
let backupFolder = '';
beforeAll(async () => {
  backupFolder = mkdtempSync(join(tmpdir(), 'steunregister-signed-backup-'));
  backup = await backedUp(backupFolder);
});
afterAll(() => rmSync(backupFolder, { recursive: true, force: true }));

/** The database with a row's text changed, as someone with the file would, and packed again. */
function changedRow(entries: Map<string, Buffer>): Map<string, Buffer> {
  const database = Buffer.from(entries.get('database.tar')!);
  const at = database.indexOf('"denied"');
  expect(at).toBeGreaterThan(0);
  database.write('"DENIED"', at);
  return new Map([...entries, ['database.tar', database]]);
}

describe('signed backups', () => {
  it('refuses a backup whose database was changed and packed again, against the kept audit directory and the key the backup carries, and leaves nothing behind', async () => {
    const { auditDirectory, file, entries } = backup;
    expect(manifestOf(entries)).toMatchObject({ format: 'steunregister-backup/3', signature: expect.any(String) });
    const changed = join(folder, 'changed.backup');
    await repack(changed, changedRow(entries));
    const before = readdirSync(folder).sort();
    const dataDir = join(folder, 'restored');
    const refusal = (whose: string) =>
      new BackupRefusedError(`${changed} does not carry a valid signature of ${whose}: its database or audit files were changed after it was made, or another register made it. Nothing was restored.`);
    await expect(restoreBackup(changed, dataDir, auditDirectory)).rejects.toThrow(refusal(`the checkpoint key in ${auditDirectory}`));
    await expect(restoreBackup(changed, dataDir, join(dataDir, 'audit'))).rejects.toThrow(refusal('the public key it carries'));
    expect(readdirSync(folder).sort()).toEqual(before);
    expect(readdirSync(auditDirectory).sort()).toEqual(['checkpoint-signing-key.pem', 'checkpoint-signing-key.pub.pem', 'checkpoints.jsonl']);

    const { code, output } = await runCli(dataDir, ['restore', file]);
    expect(code).toBe(0);
    expect(output).toContain('Its signature was checked only against the public key the backup carries itself');
    rmSync(dataDir, { recursive: true });
    expect(await restoreBackup(file, dataDir, auditDirectory)).toMatchObject({ signatureCheck: 'auditDirectory', auditRestored: false });
  });

  it('reads a backup unpacked and packed again with tar itself, folders and "./" names and all: changed, it is refused for its signature; unchanged, it restores', async () => {
    const { auditDirectory, file, entries } = backup;
    const unpacked = join(folder, 'unpacked');
    mkdirSync(unpacked);
    execFileSync('tar', ['-xzf', file, '-C', unpacked]);
    const unchanged = join(folder, 'unchanged.backup');
    execFileSync('tar', ['-czf', unchanged, '-C', unpacked, '.']);
    writeFileSync(join(unpacked, 'database.tar'), changedRow(entries).get('database.tar')!);
    const dataDir = join(folder, 'restored');
    for (const [name, members] of [['named', ['backup.json', 'database.tar', 'audit']], ['whole', ['.']]] as const) {
      const changed = join(folder, `${name}.backup`);
      execFileSync('tar', ['-czf', changed, '-C', unpacked, ...members]);
      expect(execFileSync('tar', ['-tzf', changed], { encoding: 'utf8' })).toContain('audit/\n');
      await expect(restoreBackup(changed, dataDir, auditDirectory)).rejects.toThrow(`${changed} does not carry a valid signature of the checkpoint key in ${auditDirectory}`);
    }
    expect(existsSync(dataDir)).toBe(false);
    expect(await restoreBackup(unchanged, dataDir, auditDirectory)).toMatchObject({ signatureCheck: 'auditDirectory' });
  });

  it('refuses a backup signed anew with another key pair against the kept audit directory or a public key kept apart, and one that carries a private key', async () => {
    const { auditDirectory, entries } = backup;
    const forger = generateKeyPairSync('ed25519');
    const changed = changedRow(entries);
    changed.set('audit/checkpoint-signing-key.pub.pem', Buffer.from(forger.publicKey.export({ type: 'spki', format: 'pem' }) as string));
    const manifest = manifestOf(changed);
    const audit = Object.fromEntries([...changed].filter(([name]) => name.startsWith('audit/')).map(([name, bytes]) => [name.slice('audit/'.length), bytes]));
    const signature = await signBackup(
      { createdAt: manifest.createdAt as string, lastAuditSeq: manifest.lastAuditSeq as number, database: new Blob([new Uint8Array(changed.get('database.tar')!)]), audit },
      forger.privateKey,
    );
    changed.set('backup.json', Buffer.from(JSON.stringify({ ...manifest, signature })));
    const forged = join(folder, 'forged.backup');
    await repack(forged, changed);
    const dataDir = join(folder, 'restored');
    await expect(restoreBackup(forged, dataDir, auditDirectory)).rejects.toThrow(`${forged} does not carry a valid signature of the checkpoint key in ${auditDirectory}`);

    const publicKeyFile = join(auditDirectory, 'checkpoint-signing-key.pub.pem');
    const { code, output } = await runCli(dataDir, ['restore', '--public-key', publicKeyFile, forged]);
    expect(code).not.toBe(0);
    expect(output).toContain(`${forged} does not carry a valid signature of the public key given`);
    expect(existsSync(dataDir)).toBe(false);

    // With its own private key inside, a forged backup would restore a key pair of the forger's choosing.
    changed.set('audit/checkpoint-signing-key.pem', Buffer.from(forger.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string));
    const withKey = join(folder, 'with-key.backup');
    await repack(withKey, changed);
    await expect(restoreBackup(withKey, dataDir, join(dataDir, 'audit'))).rejects.toThrow(`${withKey} is not a Steunregister backup (steunregister-backup/3).`);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('refuses an unsigned backup unless asked; asked, restores it and warns that nothing could be checked', async () => {
    const { auditDirectory, entries } = backup;
    const unsigned = new Map(entries);
    unsigned.set('backup.json', Buffer.from(JSON.stringify({ ...manifestOf(entries), format: 'steunregister-backup/2', signature: undefined })));
    const file = join(folder, 'unsigned.backup');
    await repack(file, unsigned);
    const dataDir = join(folder, 'restored');
    const refused = await runCli(dataDir, ['restore', file]);
    expect(refused.code).not.toBe(0);
    expect(refused.output).toContain(
      `${file} is not signed (made before backups were signed): nothing shows that its database is the one backed up. ` +
        'Nothing was restored; if you know where the file comes from, restore it with --unsigned.',
    );
    expect(existsSync(dataDir)).toBe(false);
    // A backup of the signed format whose signature was removed is refused as unsigned, not as no backup.
    const stripped = new Map(entries);
    stripped.set('backup.json', Buffer.from(JSON.stringify({ ...manifestOf(entries), signature: undefined })));
    const strippedFile = join(folder, 'stripped.backup');
    await repack(strippedFile, stripped);
    expect((await runCli(dataDir, ['restore', strippedFile])).output).toContain(`${strippedFile} is of the signed format, but its signature was removed: nothing shows`);
    expect(existsSync(dataDir)).toBe(false);
    // Asked, it restores, and the warning says the signature was removed, not that the backup is of an earlier format.
    const strippedRestored = await runCli(join(folder, 'restored-stripped'), ['restore', '--unsigned', strippedFile]);
    expect(strippedRestored.code).toBe(0);
    expect(strippedRestored.output).toContain('WARNING: the backup is of the signed format, but its signature was removed after it was made');
    expect(strippedRestored.output).not.toContain('an earlier format');
    // A folder given as the backup is one that cannot be read.
    expect(await runCli(dataDir, ['restore', folder])).toEqual({ code: 1, output: `Cannot read ${folder} (EISDIR): nothing was restored.\n` });

    const { code, output } = await runCli(dataDir, ['restore', '--unsigned', file]);
    expect(code).toBe(0);
    expect(output).toContain('WARNING: the backup is not signed (an earlier format): nothing shows that its database and audit files are the ones backed up.');
    expect(readFileSync(join(auditDirectory, 'checkpoints.jsonl'), 'utf8')).not.toBe('');
  });
});
