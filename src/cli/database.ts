import { databaseConfigFromEnvironment } from '../config.ts';
import { openDatabase, type DatabaseHandle } from '../db/connection.ts';
import { migrate } from '../db/migrate.ts';

/**
 * Opens the configured database, brings its schema up to date (unless the work only reads, possibly
 * as a role that may change nothing), runs the work and closes it.
 */
export async function withDatabase<T>(work: (handle: DatabaseHandle) => Promise<T>, options: { migrate?: boolean } = {}): Promise<T> {
  const handle = await openDatabase(databaseConfigFromEnvironment());
  try {
    if (options.migrate ?? true) await migrate(handle);
    return await work(handle);
  } finally {
    await handle.close();
  }
}
