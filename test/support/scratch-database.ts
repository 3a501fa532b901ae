/**
 * Migrated databases of their own for one suite or one benchmark, and how to get rid of them: PGlite in
 * memory, or a database on the test PostgreSQL server (see postgres.ts). In a test run each is a copy
 * of the run's migrated templates (made once by migrated-templates.ts), which saves running PGlite's
 * initdb and the migrations for every suite; elsewhere each is migrated when opened.
 */
import { rmSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type DatabaseHandle } from '../../src/db/connection.ts';
import { migrate } from '../../src/db/migrate.ts';
import { databaseName, dropDatabase, freshDatabaseUrl, postgresSkipReason } from './postgres.ts';

export interface ScratchDatabase {
  handle: DatabaseHandle;
  dispose(): Promise<void>;
}

/** Where the workers of a test run find its templates: a file with a dump of a migrated PGlite, and a PostgreSQL database. */
const PGLITE_TEMPLATE_FILE = 'TEST_PGLITE_TEMPLATE';
const POSTGRES_TEMPLATE_DATABASE = 'TEST_POSTGRES_TEMPLATE';

let pgliteTemplateRead: Promise<Blob | undefined> | undefined;

/** The dump of the run's migrated PGlite, the `template` of an in-memory database; undefined outside a test run. */
export function pgliteTemplate(): Promise<Blob | undefined> {
  const file = process.env[PGLITE_TEMPLATE_FILE];
  pgliteTemplateRead ??= file ? readFile(file).then((bytes) => new Blob([bytes])) : Promise.resolve(undefined);
  return pgliteTemplateRead;
}

export async function openScratchPGlite(): Promise<ScratchDatabase> {
  const handle = await openDatabase({ template: await pgliteTemplate() });
  return migrated({ handle, dispose: () => handle.close() });
}

export async function openScratchPostgres(): Promise<ScratchDatabase> {
  const databaseUrl = await freshDatabaseUrl(process.env[POSTGRES_TEMPLATE_DATABASE]);
  const handle = await openDatabase({ databaseUrl });
  return migrated({
    handle,
    dispose: async () => {
      await handle.close();
      await dropDatabase(databaseUrl);
    },
  });
}

/** Migrates the database (in a copy of a template, migrate() finds nothing to do); disposes of it when that fails. */
async function migrated(scratch: ScratchDatabase): Promise<ScratchDatabase> {
  try {
    await migrate(scratch.handle);
    return scratch;
  } catch (error) {
    await scratch.dispose();
    throw error;
  }
}

/**
 * Makes the migrated templates of a test run and names them in the environment, which the run's workers
 * inherit; returns what removes them again.
 */
export async function createMigratedTemplates(): Promise<() => Promise<void>> {
  const folder = await mkdtemp(join(tmpdir(), 'steunregister-template-'));
  // Also when the run is interrupted, which skips the removal returned below.
  process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
  const file = join(folder, 'pglite.tar');
  await writeFile(file, await migratedPGliteDump());
  process.env[PGLITE_TEMPLATE_FILE] = file;
  const postgresTemplateUrl = postgresSkipReason() ? undefined : await migratedPostgresDatabase();
  if (postgresTemplateUrl) process.env[POSTGRES_TEMPLATE_DATABASE] = databaseName(postgresTemplateUrl);
  return async () => {
    await rm(folder, { recursive: true, force: true });
    if (postgresTemplateUrl) await dropDatabase(postgresTemplateUrl);
  };
}

async function migratedPGliteDump(): Promise<Uint8Array> {
  const handle = await openDatabase({});
  try {
    await migrate(handle);
    const dump = await handle.dumpDataDir?.();
    if (!dump) throw new Error('PGlite did not dump its data folder');
    return new Uint8Array(await dump.arrayBuffer());
  } finally {
    await handle.close();
  }
}

/** A migrated database on the test server, closed again: a template must have no connections. */
async function migratedPostgresDatabase(): Promise<string> {
  const databaseUrl = await freshDatabaseUrl();
  const handle = await openDatabase({ databaseUrl });
  try {
    await migrate(handle);
  } finally {
    await handle.close();
  }
  return databaseUrl;
}
