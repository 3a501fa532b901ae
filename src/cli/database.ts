import { databaseConfigFromEnvironment } from '../config.ts';
import { openDatabase, type DatabaseHandle } from '../db/connection.ts';
import { migrate } from '../db/migrate.ts';

/** Opens the configured database, brings its schema up to date, runs the work and closes it. */
export async function withDatabase<T>(work: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = await openDatabase(databaseConfigFromEnvironment());
  try {
    await migrate(handle);
    return await work(handle);
  } finally {
    await handle.close();
  }
}
