import { existsSync } from 'node:fs';
import { open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PostgresDialect, sql, type Kysely } from 'kysely';
import pg from 'pg';
import { keepToOwner, lockDataDir, prepareDataDir } from './data-dir-lock.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import { preparingPool } from './prepared-statements.ts';
import { camelCaseKysely } from './snake-case-names.ts';
import type { Database } from './schema.ts';
import { typeParsers } from './type-parsers.ts';
import { StartRefusedError } from '../start-refused.ts';

type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseHandle {
  kind: DatabaseKind;
  db: Kysely<Database>;
  /**
   * Runs a script of several SQL statements as one transaction (migrations), then `andThen` in that same
   * transaction: all of it, or none when one fails.
   */
  runScript(script: string, andThen?: (trx: Kysely<Database>) => Promise<void>): Promise<void>;
  /** The embedded database's data folder as a tarball, to be the `template` of others; PostgreSQL has none. */
  dumpDataDir?: () => Promise<Blob>;
  /**
   * Puts every commit so far on disk. PostgreSQL does so at each commit; PGlite cannot (its file system
   * layer has no fsync), so in a data directory this writes a database checkpoint and syncs its files.
   */
  makeDurable(): Promise<void>;
  close(): Promise<void>;
}

/**
 * How long a statement on PostgreSQL may wait for a lock another connection holds, and run (its waits
 * included), before PostgreSQL stops it (lock_timeout, statement_timeout); 0 for no limit. The server sets
 * them for its requests, so that a lock held elsewhere (someone's open transaction in psql) fails a request
 * rather than hold it and its connection without end; bulk work lifts them (inBulkTransaction, runScript).
 */
export interface StatementLimits {
  lockTimeoutMs: number;
  statementTimeoutMs: number;
}

export interface DatabaseConfig {
  /** postgres://… to use PostgreSQL; otherwise the embedded database in dataDir. */
  databaseUrl?: string | undefined;
  /** The limits of every connection to PostgreSQL, which also waits as long for a free connection as for a lock; none when not given. */
  statementLimits?: StatementLimits | undefined;
  /** Folder of the embedded database; undefined keeps it in memory (tests). */
  dataDir?: string | undefined;
  /**
   * A new embedded database starts as a copy of this dump of a data folder (PGlite's dumpDataDir)
   * instead of an empty one; tests copy one migrated template so instead of migrating each database.
   */
  template?: Blob | undefined;
}

export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  return config.databaseUrl ? openPostgres(config.databaseUrl, config.statementLimits) : openPGlite(config.dataDir, config.template);
}

/** Where in a data directory the embedded database keeps its files. */
function embeddedDatabaseFolder(dataDir: string): string {
  return join(dataDir, 'pgdata');
}

/** Whether a data directory holds an embedded database (opening one that does not would make a new, empty one). */
export function holdsEmbeddedDatabase(dataDir: string): boolean {
  return existsSync(join(embeddedDatabaseFolder(dataDir), 'PG_VERSION'));
}

async function openPGlite(dataDir: string | undefined, template: Blob | undefined): Promise<DatabaseHandle> {
  if (dataDir) {
    // PGlite creates files as long as it runs: only the process's umask makes those private. The files
    // its first start unpacks are readable by everyone whatever the umask; keepToOwner corrects them.
    process.umask(0o077);
    prepareDataDir(dataDir);
  }
  const unlock = dataDir ? lockDataDir(dataDir) : () => {};
  try {
    // Loaded only here: a server on PostgreSQL does not hold the embedded database's code in memory.
    const [{ PGlite }, { pg_trgm }] = await Promise.all([import('@electric-sql/pglite'), import('@electric-sql/pglite/contrib/pg_trgm')]);
    const pglite = await PGlite.create(dataDir ? `file://${embeddedDatabaseFolder(dataDir)}` : undefined, {
      parsers: typeParsers,
      extensions: { pg_trgm },
      loadDataDir: template,
    });
    if (dataDir) keepToOwner(dataDir);
    const db = camelCaseKysely<Database>(new PGliteDialect(pglite));
    return {
      kind: 'pglite',
      db,
      // Kysely's transaction holds the one connection, so the script runs inside it: only PGlite's exec
      // runs several statements in one text.
      runScript: scriptRunner(db, (script) => pglite.exec(script)),
      dumpDataDir: () => pglite.dumpDataDir('none'),
      makeDurable: async () => {
        if (!dataDir) return;
        // Through Kysely, which waits for the transaction in progress to end.
        await sql`checkpoint`.execute(db);
        await syncTree(embeddedDatabaseFolder(dataDir));
      },
      close: async () => {
        await pglite.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}

async function openPostgres(url: string, limits: StatementLimits | undefined): Promise<DatabaseHandle> {
  const types = { getTypeParser: (oid: number, format?: string) => typeParsers[oid] ?? pg.types.getTypeParser(oid, format as 'text') };
  const pool = new pg.Pool({
    connectionString: url,
    types,
    max: 10,
    // A request that waits for a connection while all are taken (each by a statement waiting for a lock) waits no longer than for a lock.
    connectionTimeoutMillis: limits?.lockTimeoutMs ?? 0,
    // Set by statements rather than as parameters of the connection, which a pooler such as PgBouncer refuses;
    // the pool hands a new connection out once they ran.
    onConnect: limits && ((client) => client.query(`set lock_timeout = ${limits.lockTimeoutMs}; set statement_timeout = ${limits.statementTimeoutMs}`)),
  });
  // An idle connection that the server closes (restart, failover) must not take the process down;
  // the pool replaces it on the next query.
  pool.on('error', (error) => console.warn(`PostgreSQL closed an idle connection: ${error.message}`));
  // Nor one that a transaction holds between two statements: pg then has no statement to fail and raises
  // the error on the connection itself. The transaction's next statement fails, and the pool, given the
  // connection back, drops it.
  pool.on('connect', (client) => client.on('error', () => {}));
  await pool.query('select 1').catch(async (error: unknown) => {
    await pool.end();
    throw new StartRefusedError(`PostgreSQL at ${whereFrom(url)} (DATABASE_URL) cannot be used: ${(error as Error).message}`);
  });
  const db = camelCaseKysely<Database>(new PostgresDialect({ pool: preparingPool(pool) }));
  return {
    kind: 'postgres',
    db,
    // A text without parameters goes by the simple protocol, which runs several statements.
    runScript: scriptRunner(db, (script, trx) => sql.raw(script).execute(trx)),
    makeDurable: async () => {},
    close: async () => {
      await pool.end();
    },
  };
}

/**
 * Runs a script and what follows it in one Kysely transaction: a failed statement rolls back both. Without
 * the statement limits: a migration may rewrite a large table, and wait for the locks of requests under way.
 */
function scriptRunner(db: Kysely<Database>, execute: (script: string, trx: Kysely<Database>) => Promise<unknown>): DatabaseHandle['runScript'] {
  return (script, andThen) =>
    db.transaction().execute(async (trx) => {
      await execute(`set local lock_timeout = 0;\nset local statement_timeout = 0;\n${script}`, trx);
      await andThen?.(trx);
    });
}

/**
 * How many files syncTree syncs at once. The file system commits syncs that wait together in one
 * journal commit (on ext4 ten times as fast as one after the other); a data folder's thousands of files
 * all at once would use up the process's file descriptors.
 */
const SIMULTANEOUS_SYNCS = 16;

/** fsync of every file and folder under `path`, the folders after what they hold. */
async function syncTree(path: string): Promise<void> {
  const { files, folders } = await listTree(path);
  await forEachAtOnce(files, SIMULTANEOUS_SYNCS, syncFile);
  for (const folder of folders) await syncFile(folder);
}

interface FolderTree {
  files: string[];
  /** Each after the folders it holds. */
  folders: string[];
}

/** The files and folders under `path`, and `path` itself as its last folder. */
async function listTree(path: string, tree: FolderTree = { files: [], folders: [] }): Promise<FolderTree> {
  for (const entry of await readdir(path, { withFileTypes: true })) {
    if (entry.isDirectory()) await listTree(join(path, entry.name), tree);
    else if (entry.isFile()) tree.files.push(join(path, entry.name));
  }
  tree.folders.push(path);
  return tree;
}

/** Runs `task` for every item, `limit` of them at a time. */
async function forEachAtOnce<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

async function syncFile(path: string): Promise<void> {
  const file = await open(path, 'r');
  try {
    await file.sync();
  } finally {
    await file.close();
  }
}

/** Which server and database a connection string names, without its user and password. */
function whereFrom(url: string): string {
  if (!URL.canParse(url)) return 'the address given';
  const { hostname, port, pathname } = new URL(url);
  return `${hostname || 'localhost'}:${port || 5432}${pathname}`;
}
