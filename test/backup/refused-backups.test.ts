/**
 * What a backup or a restore refuses before it changes anything: a backup file whose folder is missing
 * or is a file, a backup made by a newer version (a migration this one does not know), which the
 * server and `migrate` refuse as well, and a file that unpacks to more than the restore may hold.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readArchive, writeArchive } from '../../src/backup/archive.ts';
import { BackupRefusedError, restoreBackup, writeBackup } from '../../src/backup/backup-file.ts';
import { openDatabase } from '../../src/db/connection.ts';
import { migrate, NewerSchemaError } from '../../src/db/migrate.ts';
import { pgliteTemplate } from '../support/scratch-database.ts';

let folder = '';
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'steunregister-refused-backup-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const open = async (dataDir: string) => openDatabase({ dataDir, template: await pgliteTemplate() });

describe('refused backups and restores', () => {
  it('refuses a backup file whose folder does not exist or is a file, before dumping, and leaves no file', async () => {
    const original = await open(join(folder, 'original'));
    const audit = join(folder, 'original', 'audit');
    writeFileSync(join(folder, 'a-file'), '');
    try {
      const missing = join(folder, 'no-such-folder', 'register.backup');
      await expect(writeBackup(original, audit, missing)).rejects.toThrow(
        new BackupRefusedError(`${missing} cannot be written: its folder ${join(folder, 'no-such-folder')} does not exist. No backup was made.`),
      );
      const underFile = join(folder, 'a-file', 'register.backup');
      await expect(writeBackup(original, audit, underFile)).rejects.toThrow(/its folder .*a-file is not a folder\. No backup was made\./);
    } finally {
      await original.close();
    }
    expect(readdirSync(folder).sort()).toEqual(['a-file', 'original']);
  });

  it('backs up to and restores into names up to the 255 bytes a file system allows, and refuses longer ones before writing', async () => {
    const original = await open(join(folder, 'original'));
    const audit = join(folder, 'original', 'audit');
    // 248 bytes: the name fits, the name with the suffix of the file written aside would not.
    const longName = `${'ë'.repeat(120)}.backup`;
    const tooLong = `${'ë'.repeat(125)}.backup`;
    try {
      await expect(writeBackup(original, audit, join(folder, tooLong))).rejects.toThrow(
        new BackupRefusedError(`${join(folder, tooLong)} cannot be written: its name is longer than the 255 bytes a file system allows. No backup was made.`),
      );
      await writeBackup(original, audit, join(folder, longName));
    } finally {
      await original.close();
    }
    const longDirectory = join(folder, 'd'.repeat(250));
    await expect(restoreBackup(join(folder, longName), join(folder, 'r'.repeat(256)), join(folder, 'audit'))).rejects.toThrow(
      new BackupRefusedError(`${join(folder, 'r'.repeat(256))} cannot be made: its name is longer than the 255 bytes a file system allows. Nothing was restored.`),
    );
    expect(readdirSync(folder).sort()).toEqual([longName, 'original'].sort());
    await restoreBackup(join(folder, longName), longDirectory, join(longDirectory, 'audit'));
    const restored = await openDatabase({ dataDir: longDirectory });
    await restored.close();
    expect(readdirSync(folder).sort()).toEqual([longName, 'd'.repeat(250), 'original'].sort());
  });

  it('refuses to restore a backup made by a newer version, naming its unknown migration, and leaves nothing behind; migrate refuses such a database', async () => {
    const newer = await open(join(folder, 'newer'));
    await newer.runScript(`insert into schema_migration (name) values ('999_from_a_newer_version.sql');`);
    const file = join(folder, 'newer.backup');
    await writeBackup(newer, join(folder, 'newer', 'audit'), file);
    try {
      await expect(migrate(newer)).rejects.toThrow(NewerSchemaError);
      await expect(migrate(newer)).rejects.toThrow(/999_from_a_newer_version\.sql, unknown to this one/);
    } finally {
      await newer.close();
    }

    const dataDir = join(folder, 'restored');
    await expect(restoreBackup(file, dataDir, join(folder, 'audit'))).rejects.toThrow(
      new BackupRefusedError(
        `${file} was made by a newer version of Steunregister: its database has 999_from_a_newer_version.sql, which this version does not know. ` +
          'Nothing was restored; restore it with that version or a newer one.',
      ),
    );
    expect(existsSync(dataDir)).toBe(false);
    expect(existsSync(join(folder, 'audit'))).toBe(false);
    expect(readdirSync(folder).sort()).toEqual(['newer', 'newer.backup']);
  });

  it('refuses a backup that unpacks beyond the limit, outer archive or database within, naming the limit, and leaves nothing behind', async () => {
    const original = await open(join(folder, 'original'));
    const good = join(folder, 'good.backup');
    await writeBackup(original, join(folder, 'original', 'audit'), good);
    await original.close();
    const unbounded = { bytes: Infinity, exceeded: () => new Error('too large') };
    const [signed, , ...audit] = (await readArchive(good, () => true, () => new Error('refused'), unbounded)).map(({ name, chunks }) => ({ name, bytes: Buffer.concat(chunks) }));
    // Unsigned, as only a backup of the earlier format can be restored with a database its key did not sign.
    const manifest = { name: 'backup.json', bytes: Buffer.from(JSON.stringify({ ...JSON.parse(signed!.bytes.toString('utf8')), format: 'steunregister-backup/2', signature: undefined })) };
    const megabytes = 40;
    const zeros = () => Readable.from((function* () {
      for (let each = 0; each < megabytes; each += 1) yield Buffer.alloc(1_000_000);
    })());
    const bombs = {
      // A database entry of zeros, which gzip makes a thousand times smaller; the same gzipped inside database.tar; gzipped zeros alone.
      outer: async (file: string) => writeArchive(file, [manifest, { name: 'database.tar', size: megabytes * 1_000_000, stream: zeros() }, ...audit]),
      inner: async (file: string) => writeArchive(file, [manifest, { name: 'database.tar', bytes: gzipSync(Buffer.alloc(megabytes * 1_000_000)) }, ...audit]),
      plain: async (file: string) => writeFileSync(file, gzipSync(Buffer.alloc(megabytes * 1_000_000))),
    };
    const dataDir = join(folder, 'restored');
    for (const [name, make] of Object.entries(bombs)) {
      const file = join(folder, `${name}.backup`);
      await make(file);
      await expect(restoreBackup(file, dataDir, join(dataDir, 'audit'), { unpackLimit: 10_000_000, acceptUnsigned: true }), name).rejects.toThrow(
        new BackupRefusedError(
          `${file} unpacks to more than 10 MB, the most a restore takes on this machine (a quarter of its memory): ` +
            'Nothing was restored. Restore it on a machine with more memory if the register is that large; a small file that unpacks this far was made to exhaust memory.',
        ),
      );
    }
    expect(readdirSync(folder).sort()).toEqual(['good.backup', 'inner.backup', 'original', 'outer.backup', 'plain.backup']);
    expect(await restoreBackup(good, dataDir, join(dataDir, 'audit'), { unpackLimit: 10_000_000 * 10 })).toMatchObject({ auditRestored: true });
  });
});
