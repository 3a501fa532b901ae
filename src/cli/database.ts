import { auditDirectoryFromEnvironment } from '../audit/config.ts';
import { databaseConfigFromEnvironment } from '../config.ts';
import { holdsEmbeddedDatabase, openDatabase, type DatabaseHandle } from '../db/connection.ts';
import { migrateOnSignedChain, schemaIsMissing } from '../db/migrate.ts';
import { CommandError } from './command-error.ts';

/**
 * Opens the configured database, brings its schema up to date (unless the work only reads, possibly
 * as a role that may change nothing), runs the work with the migrations it applied and closes it. Work
 * that may write is refused, as the server is, on an audit trail behind its signed checkpoints (an older
 * backup restored and not yet recorded): the events it appends would fork the signed chain. An embedded
 * database is made only by the work that makes a register (`makesRegister`: migrate, seed-demo, the first
 * account): any other in a folder without one would go to an empty register there, under a misspelled DATA_DIR.
 */
export async function withDatabase<T>(
  work: (handle: DatabaseHandle, applied: readonly string[]) => Promise<T>,
  options: { migrate?: boolean; makesRegister?: boolean } = {},
): Promise<T> {
  const config = databaseConfigFromEnvironment();
  const migrating = options.migrate ?? true;
  if (!options.makesRegister && config.dataDir && !holdsEmbeddedDatabase(config.dataDir)) throw new CommandError(noRegister(config.dataDir));
  const handle = await openDatabase(config);
  try {
    let applied: string[] = [];
    if (migrating) {
      applied = await migrateOnSignedChain(handle, auditDirectoryFromEnvironment());
    } else if (await schemaIsMissing(handle)) {
      throw new CommandError(noRegister(config.dataDir ?? 'the database of DATABASE_URL'));
    }
    return await work(handle, applied);
  } finally {
    await handle.close();
  }
}

const noRegister = (where: string) =>
  `${where} holds no register: set DATA_DIR to the data directory the server uses (or DATABASE_URL to its database), or make a register there (start the server once, or run the command migrate).`;
