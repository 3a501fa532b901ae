/**
 * Empty databases of their own for one suite or one benchmark, and how to get rid of them: PGlite in
 * memory, or a fresh database on the test PostgreSQL server (see postgres.ts).
 */
import { openDatabase, type DatabaseHandle } from '../../src/db/connection.ts';
import { dropDatabase, freshDatabaseUrl } from './postgres.ts';

export interface ScratchDatabase {
  handle: DatabaseHandle;
  dispose(): Promise<void>;
}

export async function openScratchPGlite(): Promise<ScratchDatabase> {
  const handle = await openDatabase({});
  return { handle, dispose: () => handle.close() };
}

export async function openScratchPostgres(): Promise<ScratchDatabase> {
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
