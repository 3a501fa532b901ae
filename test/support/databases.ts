/**
 * Runs one suite on both databases the register supports: embedded PGlite (in memory) and PostgreSQL
 * (an empty database of its own on the test server). Each run gets a freshly migrated database,
 * opened before the suite's own beforeAll hooks and closed (PostgreSQL: dropped) after its afterAll.
 * The tests of one run share that database.
 *
 *   describeEachDatabase('delivery repository', (database) => {
 *     it('stores a delivery', async () => {
 *       const { db } = database();
 *       …
 *     });
 *   });
 */
import { afterAll, beforeAll, describe } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/connection.ts';
import { migrate } from '../../src/db/migrate.ts';
import { dropDatabase, freshDatabaseUrl, postgresSkipReason } from './postgres.ts';

/** The open database of the current run; call it inside tests and hooks, not while collecting. */
export type CurrentDatabase = () => DatabaseHandle;

interface OpenedDatabase {
  handle: DatabaseHandle;
  dispose(): Promise<void>;
}

export function describeEachDatabase(name: string, suite: (database: CurrentDatabase) => void): void {
  describe(`${name} [pglite]`, () => withDatabase(openPGlite, suite));
  const skipReason = postgresSkipReason();
  if (skipReason) describe.skip(`${name} [postgres] (skipped: ${skipReason})`, () => withDatabase(openPostgres, suite));
  else describe(`${name} [postgres]`, () => withDatabase(openPostgres, suite));
}

async function openPGlite(): Promise<OpenedDatabase> {
  const handle = await openDatabase({});
  return { handle, dispose: () => handle.close() };
}

async function openPostgres(): Promise<OpenedDatabase> {
  const databaseUrl = await freshDatabaseUrl();
  const handle = await openDatabase({ databaseUrl });
  return {
    handle,
    dispose: async () => {
      await handle.close();
      await dropDatabase(databaseUrl);
    },
  };
}

function withDatabase(open: () => Promise<OpenedDatabase>, suite: (database: CurrentDatabase) => void): void {
  let opened: OpenedDatabase | undefined;
  beforeAll(async () => {
    opened = await open();
    await migrate(opened.handle);
  });
  afterAll(async () => {
    await opened?.dispose();
    opened = undefined;
  });
  suite(() => {
    if (!opened) throw new Error('the database is open only while the tests and hooks run');
    return opened.handle;
  });
}
