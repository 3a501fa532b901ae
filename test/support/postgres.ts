/**
 * A real PostgreSQL for tests. TEST_DATABASE_URL names a server to use (CI starts one); without it,
 * when PostgreSQL is installed, this process starts a throwaway cluster of its own (trust auth, a free
 * port on 127.0.0.1, a temporary folder) that is stopped and removed when the process ends, however it
 * ends. Each test file takes its own database on that server with freshDatabaseUrl().
 */
import { execFile, spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { constants, tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { skipUnlessCi } from './unavailable.ts';

export type PostgresServer = { url: string } | { skipReason: string };

const DEBIAN_POSTGRES = '/usr/lib/postgresql';
const TEST_DATABASE_NAME = /^t_[0-9a-f]{32}$/;

type Located = { url: string } | { binDir: string } | { skipReason: string };

let located: Located | undefined;
let server: Promise<PostgresServer> | undefined;

/**
 * Why PostgreSQL tests cannot run on this machine, or undefined when they can. Decided without
 * starting anything, so a describe block can be skipped up front. Under CI=true a reason is thrown.
 */
export function postgresSkipReason(): string | undefined {
  const found = locatePostgres();
  return 'skipReason' in found ? found.skipReason : undefined;
}

/** The server for this test process: TEST_DATABASE_URL, or a throwaway cluster started on first use. */
export function postgresServer(): Promise<PostgresServer> {
  server ??= connectOrStart();
  return server;
}

/**
 * A new database on the test server, for one test file: empty, or a copy of `template`, another
 * database made here that no one is connected to; its URL.
 */
export async function freshDatabaseUrl(template?: string): Promise<string> {
  const serverUrl = await requiredServerUrl();
  const name = `t_${randomUUID().replaceAll('-', '')}`;
  await runOnServer(serverUrl, template ? `create database ${name} template ${testDatabaseName(template)}` : `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.href;
}

/** The name of a database made by freshDatabaseUrl(), the last part of its URL. */
export function databaseName(databaseUrl: string): string {
  return new URL(databaseUrl).pathname.slice(1);
}

/** Drops a database made by freshDatabaseUrl(); refuses any other name. */
export async function dropDatabase(databaseUrl: string): Promise<void> {
  await runOnServer(await requiredServerUrl(), `drop database if exists ${testDatabaseName(databaseName(databaseUrl))} with (force)`);
}

function testDatabaseName(name: string): string {
  if (!TEST_DATABASE_NAME.test(name)) throw new Error(`not a test database: ${name}`);
  return name;
}

function locatePostgres(): Located {
  located ??= findPostgres();
  return located;
}

function findPostgres(): Located {
  const url = process.env.TEST_DATABASE_URL;
  if (url) return { url };
  const binDir = findPostgresBinDir();
  if (binDir) return { binDir };
  return {
    skipReason: skipUnlessCi(
      'PostgreSQL not found: TEST_DATABASE_URL is not set and initdb is neither in /usr/lib/postgresql/*/bin nor on the PATH',
    ),
  };
}

/** The newest PostgreSQL in Debian's layout, else the one on the PATH. */
function findPostgresBinDir(): string | undefined {
  const debian = existsSync(DEBIAN_POSTGRES)
    ? readdirSync(DEBIAN_POSTGRES)
        .sort((a, b) => Number(b) - Number(a))
        .map((version) => join(DEBIAN_POSTGRES, version, 'bin'))
    : [];
  const onPath = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  return [...debian, ...onPath].find((dir) => existsSync(join(dir, 'initdb')));
}

async function connectOrStart(): Promise<PostgresServer> {
  const found = locatePostgres();
  return 'binDir' in found ? { url: await startThrowawayCluster(found.binDir) } : found;
}

async function requiredServerUrl(): Promise<string> {
  const found = await postgresServer();
  if ('skipReason' in found) throw new Error(`no PostgreSQL for tests: ${found.skipReason}`);
  return found.url;
}

async function runOnServer(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

const execFileAsync = promisify(execFile);

/** initdb refuses to run as root, so root runs the PostgreSQL tools as the `postgres` user. */
function asPostgresUser(command: string[]): string[] {
  return process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--', ...command] : command;
}

async function runAsPostgresUser(command: string[]): Promise<string> {
  const [file = '', ...args] = asPostgresUser(command);
  const { stdout } = await execFileAsync(file, args, { cwd: tmpdir() });
  return stdout.trim();
}

async function startThrowawayCluster(binDir: string): Promise<string> {
  const folder = await runAsPostgresUser(['mktemp', '-d', join(tmpdir(), 'steunregister-pg-XXXXXX')]);
  const data = join(folder, 'data');
  const stop = asPostgresUser([join(binDir, 'pg_ctl'), 'stop', '-D', data, '-m', 'immediate']);
  removeWhenProcessEnds(folder, stop);
  const port = await freePort();
  await runAsPostgresUser([join(binDir, 'initdb'), '-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  const options = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const log = join(folder, 'server.log');
  await runAsPostgresUser([join(binDir, 'pg_ctl'), 'start', '-D', data, '-l', log, '-w', '-o', options]).catch(async (error: unknown) => {
    throw new Error(`the test PostgreSQL did not start:\n${await readFile(log, 'utf8').catch(() => '')}`, { cause: error });
  });
  return `postgres://postgres@127.0.0.1:${port}/postgres`;
}

/**
 * Stops the cluster and removes its folder when this process ends. Normal exits and the signals that
 * end test workers (Vitest sends SIGTERM) clean up before the process is gone; a watchdog outside the
 * process covers the rest (SIGKILL, a crash).
 */
function removeWhenProcessEnds(folder: string, stop: string[]): void {
  startWatchdog(folder, stop);
  process.once('exit', () => {
    const [file = '', ...args] = stop;
    spawnSync(file, args, { cwd: tmpdir(), stdio: 'ignore' });
    rmSync(folder, { recursive: true, force: true });
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => process.exit(128 + constants.signals[signal]));
  }
}

/** A detached shell that waits for the end of a pipe only this process holds, then stops and removes. */
function startWatchdog(folder: string, stop: string[]): void {
  const watchdog = spawn('sh', ['-c', 'cat >/dev/null; "$@" >/dev/null 2>&1; rm -rf "$CLUSTER_FOLDER"', 'watchdog', ...stop], {
    cwd: tmpdir(),
    detached: true,
    env: { ...process.env, CLUSTER_FOLDER: folder },
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  watchdog.unref();
  (watchdog.stdin as Socket).unref();
}

async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  probe.close();
  await once(probe, 'close');
  return port;
}
