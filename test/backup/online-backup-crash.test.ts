/**
 * A backup taken by the running server survives either side ending abruptly: an asker killed before the
 * server took its request leaves no request that blocks the next backup, a server that stopped is named
 * at once instead of being waited for, and its half-written file is removed.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordAuditEvent, systemContext } from '../../src/audit/trail.ts';
import { partialBackupFile } from '../../src/backup/backup-file.ts';
import { answerBackupRequests, requestBackup } from '../../src/backup/online-backup.ts';
import { openDatabase } from '../../src/db/connection.ts';
import type { Database } from '../../src/db/schema.ts';
import { pgliteTemplate } from '../support/scratch-database.ts';

let folder = '';
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'steunregister-online-backup-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const record = (db: Kysely<Database>) => recordAuditEvent(db, systemContext('test'), { action: 'session.login', result: 'denied' });

/** The id of a process that has ended. */
async function endedProcessId(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await once(child, 'exit');
  return child.pid!;
}

const LOCK_MODULE = new URL('../../src/db/data-dir-lock.ts', import.meta.url).pathname;

/**
 * A process that ends when it gets SIGUSR2, without answering: standing in for a server when it holds the
 * lock of `dataDir`, for whatever process got a dead server's id when it does not.
 */
async function processThatDiesWhenSignalled(lockedDataDir?: string): Promise<{ pid: number; ended: Promise<unknown> }> {
  const lock = lockedDataDir ? `(await import(${JSON.stringify(LOCK_MODULE)})).lockDataDir(${JSON.stringify(lockedDataDir)});` : '';
  const script = `${lock} process.on('SIGUSR2', () => process.exit(9)); console.log('ready'); setInterval(() => {}, 1000)`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script]);
  await once(child.stdout!, 'data');
  return { pid: child.pid!, ended: once(child, 'exit') };
}

describe('a backup asked of the running server', () => {
  it('is taken although an asker that was killed left its request behind', async () => {
    const dataDir = join(folder, 'running');
    const running = await openDatabase({ dataDir, template: await pgliteTemplate() });
    await record(running.db);
    const stop = await answerBackupRequests(dataDir, running, join(dataDir, 'audit'));
    try {
      writeFileSync(join(dataDir, 'backup-request.json'), JSON.stringify({ file: join(folder, 'never.backup'), asker: await endedProcessId() }), { mode: 0o600 });
      expect(await requestBackup(dataDir, join(folder, 'next.backup'), 60_000)).toBe(1);
      expect(existsSync(join(folder, 'next.backup'))).toBe(true);
      expect(readdirSync(dataDir).filter((name) => name.startsWith('backup-'))).toEqual([]);
    } finally {
      await stop();
      await running.close();
    }
  });

  it('is refused at once, saying why, when the server named in server.pid no longer runs, and leaves no request behind', async () => {
    const dataDir = join(folder, 'stopped');
    const pid = await endedProcessId();
    mkdirSync(dataDir, { mode: 0o700 });
    writeFileSync(join(dataDir, 'server.pid'), `${pid}\n`);
    await expect(requestBackup(dataDir, join(folder, 'x.backup'), 60_000)).rejects.toThrow(`No server runs as process ${pid}`);
    expect(existsSync(join(dataDir, 'backup-request.json'))).toBe(false);
  });

  it('signals no other process that got the id in a stale server.pid: says the server is not running', async () => {
    const dataDir = join(folder, 'reused');
    // A command holds the data directory; the server that wrote server.pid was killed with -9 and its id went elsewhere.
    const holder = await openDatabase({ dataDir, template: await pgliteTemplate() });
    const other = await processThatDiesWhenSignalled();
    try {
      writeFileSync(join(dataDir, 'server.pid'), `${other.pid}\n`);
      await expect(requestBackup(dataDir, join(folder, 'x.backup'), 60_000)).rejects.toThrow(
        `No server runs as process ${other.pid} (server.pid is left from one that stopped; process ${other.pid} is now another one, which does not hold the data directory's lock and was not signalled)`,
      );
      expect(process.kill(other.pid, 0)).toBe(true);
      expect(existsSync(join(dataDir, 'backup-request.json'))).toBe(false);
    } finally {
      process.kill(other.pid, 'SIGTERM');
      await other.ended;
      await holder.close();
    }
  });

  it('is refused as soon as the server stops before it answers, and its half-written file is removed', async () => {
    const dataDir = join(folder, 'dying');
    mkdirSync(dataDir, { mode: 0o700 });
    const server = await processThatDiesWhenSignalled(dataDir);
    writeFileSync(join(dataDir, 'server.pid'), `${server.pid}\n`);
    const file = join(folder, 'cut-short.backup');
    writeFileSync(partialBackupFile(file, server.pid), 'half a backup');
    const started = Date.now();
    await expect(requestBackup(dataDir, file, 60_000)).rejects.toThrow(`The server (process ${server.pid}) stopped before it answered the backup request: no backup was written`);
    await server.ended;
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(readdirSync(folder).toSorted()).toEqual(['dying']);
    expect(existsSync(join(dataDir, 'backup-request.json'))).toBe(false);
  });
});
