import { sql } from 'kysely';
import { openDatabase, type DatabaseHandle } from '../src/db/connection.ts';
import { sizeLabel } from './report.ts';
import { postgresServer, postgresSkipReason } from '../test/support/postgres.ts';
import { openScratchPGlite, openScratchPostgres, type ScratchDatabase } from '../test/support/scratch-database.ts';

export interface BenchmarkDatabase {
  name: string;
  /** A migrated, empty database of its own for one benchmark size. */
  open(): Promise<ScratchDatabase>;
}

export type DatabaseAvailability = BenchmarkDatabase | { name: string; skipReason: string };

const PGLITE: BenchmarkDatabase = {
  name: 'PGlite (in memory)',
  open: openScratchPGlite,
};

/**
 * PGlite; PostgreSQL on the server BENCH_DATABASE_URL or TEST_DATABASE_URL names, else on a
 * throwaway cluster (fsync off) that is removed when this process ends. Each size gets a fresh database
 * on that server, dropped afterwards. BENCH_DATABASES=pglite or =postgresql keeps only that one.
 */
export async function benchmarkDatabases(): Promise<DatabaseAvailability[]> {
  const only = process.env.BENCH_DATABASES?.toLowerCase();
  const all: DatabaseAvailability[] = only === 'postgresql' ? [] : [PGLITE];
  if (only !== 'pglite') all.push(await postgres());
  return all;
}

async function postgres(): Promise<DatabaseAvailability> {
  const benchUrl = process.env.BENCH_DATABASE_URL;
  // test/support/postgres.ts takes the server from TEST_DATABASE_URL.
  if (benchUrl) process.env.TEST_DATABASE_URL = benchUrl;
  const where = benchUrl ? 'BENCH_DATABASE_URL' : process.env.TEST_DATABASE_URL ? 'TEST_DATABASE_URL' : 'throwaway cluster, fsync off';
  const name = `PostgreSQL (${where})`;
  try {
    const skipReason = postgresSkipReason();
    if (skipReason) return { name, skipReason };
    const server = await postgresServer();
    if ('skipReason' in server) return { name, skipReason: server.skipReason };
    await (await openDatabase({ databaseUrl: server.url })).close();
  } catch (error) {
    return { name, skipReason: error instanceof Error ? error.message : String(error) };
  }
  return {
    name,
    open: openScratchPostgres,
  };
}

/**
 * Runs `measure` on a fresh database of each kind, one after the other, with its server's version; says
 * which kind was skipped and why. Each database is removed afterwards.
 */
export async function onEachDatabase(measure: (name: string, handle: DatabaseHandle, version: string) => Promise<void>): Promise<void> {
  for (const database of await benchmarkDatabases()) {
    if ('skipReason' in database) {
      console.log(`${database.name}: skipped (${database.skipReason})`);
      continue;
    }
    const opened = await database.open();
    try {
      await measure(database.name, opened.handle, await serverVersion(opened.handle));
    } finally {
      await opened.dispose();
    }
  }
}

export async function serverVersion(handle: DatabaseHandle): Promise<string> {
  const { rows } = await sql<{ serverVersion: string }>`show server_version`.execute(handle.db);
  return rows[0]!.serverVersion;
}

/**
 * Measures each size on an empty, migrated database of its own, one after the other; returns the
 * results and the server's version.
 */
export async function measureEachSize<T>(
  database: BenchmarkDatabase,
  sizes: number[],
  measure: (handle: DatabaseHandle, size: number) => Promise<T>,
): Promise<{ results: T[]; version: string }> {
  const results: T[] = [];
  let version = '';
  for (const size of sizes) {
    process.stderr.write(`${database.name}: ${sizeLabel(size)} deliveries…\n`);
    const opened = await database.open();
    try {
      version = await serverVersion(opened.handle);
      results.push(await measure(opened.handle, size));
    } finally {
      await opened.dispose();
    }
  }
  return { results, version };
}
