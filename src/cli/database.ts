import { refuseChainBehindCheckpoints } from '../audit/checkpoints.ts';
import { auditDirectoryFromEnvironment } from '../audit/config.ts';
import { databaseConfigFromEnvironment } from '../config.ts';
import { openDatabase, type DatabaseHandle } from '../db/connection.ts';
import { migrate } from '../db/migrate.ts';

/**
 * Opens the configured database, brings its schema up to date (unless the work only reads, possibly
 * as a role that may change nothing), runs the work with the migrations it applied and closes it. Work
 * that may write is refused, as the server is, on an audit trail behind its signed checkpoints (an older
 * backup restored and not yet recorded): the events it appends would fork the signed chain.
 */
export async function withDatabase<T>(work: (handle: DatabaseHandle, applied: readonly string[]) => Promise<T>, options: { migrate?: boolean } = {}): Promise<T> {
  const handle = await openDatabase(databaseConfigFromEnvironment());
  try {
    let applied: string[] = [];
    if (options.migrate ?? true) {
      applied = await migrate(handle);
      await refuseChainBehindCheckpoints(handle.db, auditDirectoryFromEnvironment());
    }
    return await work(handle, applied);
  } finally {
    await handle.close();
  }
}
