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
import { sql } from 'kysely';
import { openDatabase, type DatabaseHandle, type StatementLimits } from '../../src/db/connection.ts';
import { migrate } from '../../src/db/migrate.ts';
import { loadDemonstrationData } from '../../src/register/demonstration.ts';
import { databaseName, dropDatabase, freshDatabaseUrl, postgresSkipReason } from './postgres.ts';

export interface ScratchDatabase {
  handle: DatabaseHandle;
  dispose(): Promise<void>;
}

/**
 * Where the workers of a test run find its templates: files with dumps of a migrated PGlite, empty and
 * with the demonstration register, and a PostgreSQL database.
 */
const PGLITE_TEMPLATE_FILE = 'TEST_PGLITE_TEMPLATE';
const PGLITE_DEMONSTRATION_TEMPLATE_FILE = 'TEST_PGLITE_DEMONSTRATION_TEMPLATE';
const POSTGRES_TEMPLATE_DATABASE = 'TEST_POSTGRES_TEMPLATE';

const templatesRead = new Map<string, Promise<Blob | undefined>>();

/**
 * A dump held in memory, handed to PGlite as a copy of its bytes at once: Node's own Blob takes about
 * 0.3 s to read a 44 MB template back, at every database opened from it.
 */
class DumpInMemory extends Blob {
  readonly #bytes: Uint8Array;
  constructor(bytes: Uint8Array) {
    super();
    this.#bytes = bytes;
  }
  override get size(): number {
    return this.#bytes.byteLength;
  }
  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.resolve(this.#bytes.slice().buffer);
  }
}

/** The dump in the file the environment variable names, read once per process; undefined outside a test run. */
function templateNamedBy(variable: string): Promise<Blob | undefined> {
  const file = process.env[variable];
  let read = templatesRead.get(variable);
  if (!read) {
    read = file ? readFile(file).then((bytes) => new DumpInMemory(bytes)) : Promise.resolve(undefined);
    templatesRead.set(variable, read);
  }
  return read;
}

/** The dump of the run's migrated PGlite, the `template` of an in-memory database; undefined outside a test run. */
export function pgliteTemplate(): Promise<Blob | undefined> {
  return templateNamedBy(PGLITE_TEMPLATE_FILE);
}

/**
 * The dump of the run's migrated PGlite with the demonstration register loaded, but no accounts: the
 * `template` of a server with demonstration data, which then finds the register loaded and makes its own
 * accounts. Loading the register took half of such a server's start. Undefined outside a test run.
 */
export function pgliteDemonstrationTemplate(): Promise<Blob | undefined> {
  return templateNamedBy(PGLITE_DEMONSTRATION_TEMPLATE_FILE);
}

/** `demonstration`: with the demonstration register loaded (in a test run, a copy of the template that has it). */
export async function openScratchPGlite({ demonstration = false } = {}): Promise<ScratchDatabase> {
  const template = await (demonstration ? pgliteDemonstrationTemplate() : pgliteTemplate());
  const handle = await openDatabase({ template });
  const scratch = await migrated({ handle, dispose: () => handle.close() });
  if (demonstration && !template) await loadDemonstrationData(handle.db);
  return scratch;
}

export async function openScratchPostgres(statementLimits?: StatementLimits): Promise<ScratchDatabase> {
  const databaseUrl = await freshDatabaseUrl(process.env[POSTGRES_TEMPLATE_DATABASE]);
  const handle = await openDatabase({ databaseUrl, statementLimits });
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
  const migrated = await preparedPGliteDump(undefined, async (handle) => {
    await migrate(handle);
    // PGlite's default of 128 MB takes about 0.4 s to set up at every start; a test's database is small.
    await sql`alter system set shared_buffers = '16MB'`.execute(handle.db);
  });
  const file = join(folder, 'pglite.tar');
  await writeFile(file, migrated);
  process.env[PGLITE_TEMPLATE_FILE] = file;
  const demonstrationFile = join(folder, 'pglite-demonstration.tar');
  await writeFile(demonstrationFile, await preparedPGliteDump(new DumpInMemory(migrated), (handle) => loadDemonstrationData(handle.db)));
  process.env[PGLITE_DEMONSTRATION_TEMPLATE_FILE] = demonstrationFile;
  const postgresTemplateUrl = postgresSkipReason() ? undefined : await migratedPostgresDatabase();
  if (postgresTemplateUrl) process.env[POSTGRES_TEMPLATE_DATABASE] = databaseName(postgresTemplateUrl);
  return async () => {
    await rm(folder, { recursive: true, force: true });
    if (postgresTemplateUrl) await dropDatabase(postgresTemplateUrl);
  };
}

/** A new in-memory PGlite, a copy of `template` or else empty, dumped after `prepare`. */
async function preparedPGliteDump(template: Blob | undefined, prepare: (handle: DatabaseHandle) => Promise<unknown>): Promise<Uint8Array<ArrayBuffer>> {
  const handle = await openDatabase({ template });
  try {
    await prepare(handle);
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
