/**
 * What a backup or a restore refuses before it changes anything: a backup file whose folder is missing
 * or is a file, and a backup made by a newer version (a migration this one does not know), which the
 * server and `migrate` refuse as well.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
});
