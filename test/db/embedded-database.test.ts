import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connection.ts';
import { DataDirLockedError, DataDirPermissionError } from '../../src/db/data-dir-lock.ts';
import { migrate } from '../../src/db/migrate.ts';
import { unsetDeliveryFields } from '../../src/domain/delivery.ts';
import { createDelivery, getDelivery } from '../../src/register/deliveries.ts';
import { systemContext } from '../../src/audit/trail.ts';
import { createMigratedDataFolder } from '../support/cli.ts';
import { pgliteTemplate } from '../support/scratch-database.ts';

describe('the embedded database in a data directory', () => {
  const folders: string[] = [];
  const newDataDir = () => {
    const folder = mkdtempSync(join(tmpdir(), 'steunregister-data-'));
    folders.push(folder);
    return join(folder, 'data');
  };
  /**
   * A data directory that holds a copy of the run's migrated database: the tests of its lock need a
   * database in it, not PGlite's initdb, which the tests of its permissions and of a restart run.
   */
  const existingDataDir = async () => {
    const dataDir = newDataDir();
    await createMigratedDataFolder(dataDir);
    return dataDir;
  };
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  it('keeps what was written across a restart', async () => {
    const dataDir = newDataDir();
    const first = await openDatabase({ dataDir, template: await pgliteTemplate() });
    const created = await createDelivery(first.db, systemContext('test'), {
      ...unsetDeliveryFields(),
      title: 'Blijft bewaard',
      category: 'other',
      supportType: 'stock',
      fundingSource: 'defenceBudget',
      pledgedAt: '2025-01-01',
    });
    await first.close();

    const second = await openDatabase({ dataDir });
    expect(await migrate(second)).toEqual([]);
    expect((await getDelivery(second.db, created.id)).title).toBe('Blijft bewaard');
    await second.close();
  });

  it('refuses a second opener while the first holds it, and frees it on close', async () => {
    const dataDir = await existingDataDir();
    const first = await openDatabase({ dataDir });
    await expect(openDatabase({ dataDir })).rejects.toThrow(DataDirLockedError);
    await expect(openDatabase({ dataDir })).rejects.toThrow(/in use by another Steunregister process/);
    await first.close();
    const again = await openDatabase({ dataDir });
    await again.close();
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const dataDir = await existingDataDir();
    // No process has pid 2^22 + 1 (above Linux's maximum pid), so this lock is stale.
    writeFileSync(join(dataDir, 'steunregister.lock'), String(4_194_305));
    const reopened = await openDatabase({ dataDir });
    await reopened.close();
  });

  it('restarts after a crash of a server that had the same process id (a container runs it as pid 1)', async () => {
    const dataDir = await existingDataDir();
    // The lock an earlier version left, naming the process id this process has now.
    writeFileSync(join(dataDir, 'steunregister.lock'), String(process.pid));
    const reopened = await openDatabase({ dataDir });
    await reopened.close();
  });

  it('refuses while another process holds the data directory, and takes it when that process is killed', async () => {
    const dataDir = await existingDataDir();
    const holder = await holdInAnotherProcess(dataDir);
    await expect(openDatabase({ dataDir })).rejects.toThrow(/in use by another Steunregister process/);
    holder.kill('SIGKILL');
    await once(holder, 'exit');
    const reopened = await openDatabase({ dataDir });
    await reopened.close();
  });

  it('opens a copy of a data directory made while its server runs', async () => {
    const dataDir = await existingDataDir();
    const holder = await holdInAnotherProcess(dataDir);
    try {
      const copy = `${dataDir}-copy`;
      cpSync(dataDir, copy, { recursive: true });
      const opened = await openDatabase({ dataDir: copy });
      await opened.close();
    } finally {
      holder.kill('SIGKILL');
      await once(holder, 'exit');
    }
  });

  it('keeps the data directory to its owner: folders 0700 and files 0600 whatever the umask, also of an existing one', async () => {
    const dataDir = newDataDir();
    const umask = process.umask(0o022);
    try {
      const first = await openDatabase({ dataDir });
      await first.close();
      expect(loosePermissions(dataDir)).toEqual([]);
      // A data directory an earlier version left readable by everyone is tightened at the next start.
      for (const path of [dataDir, ...walk(dataDir)]) chmodSync(path, statSync(path).isDirectory() ? 0o755 : 0o666);
      const second = await openDatabase({ dataDir });
      expect(loosePermissions(dataDir)).toEqual([]);
      await second.close();
    } finally {
      process.umask(umask);
    }
  });

  it('refuses a data directory that others may write to, saying why', async () => {
    const dataDir = newDataDir();
    mkdirSync(dataDir, { mode: 0o700 });
    chmodSync(dataDir, 0o777);
    await expect(openDatabase({ dataDir })).rejects.toThrow(DataDirPermissionError);
    await expect(openDatabase({ dataDir })).rejects.toThrow(/others can write to it.*chmod 700/);
    chmodSync(dataDir, 0o770);
    await expect(openDatabase({ dataDir })).rejects.toThrow(DataDirPermissionError);
  });
});

/** Opens the embedded database in dataDir in a child process, which keeps it until killed. */
async function holdInAnotherProcess(dataDir: string): Promise<ChildProcess> {
  const connection = new URL('../../src/db/connection.ts', import.meta.url).href;
  const script = `const { openDatabase } = await import(${JSON.stringify(connection)});
await openDatabase({ dataDir: ${JSON.stringify(dataDir)} });
console.log('open');
setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
  expect(chunk.toString()).toContain('open');
  return child;
}

function walk(directory: string): string[] {
  return readdirSync(directory, { recursive: true, encoding: 'utf8' }).map((name) => join(directory, name));
}

/** Every folder that is not 0700 and every file that is not 0600 under (and including) the directory. */
function loosePermissions(directory: string): string[] {
  return [directory, ...walk(directory)].filter((path) => {
    const stat = statSync(path);
    return (stat.mode & 0o777) !== (stat.isDirectory() ? 0o700 : 0o600);
  });
}
