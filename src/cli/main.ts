import { Command, CommanderError } from 'commander';
import { withExactIntegers } from '../../common/exact-json.ts';
import { databaseConfigFromEnvironment, portFromEnvironment, siteAddressFromEnvironment, statementLimitsFromEnvironment, trustProxyFromEnvironment } from '../config.ts';
import { loadDemonstrationData } from '../register/demonstration.ts';
import { figuresTable } from '../register/figures.ts';
import { LETTER_REFERENCE_DATE, LETTER_COMPARE_DATE } from '../db/seed/demonstration-data.ts';
import { auditDirectoryFromEnvironment, checkpointIntervalFromEnvironment } from '../audit/config.ts';
import { oidcConfigFromEnvironment } from '../auth/oidc.ts';
import { mailConfigFromEnvironment } from '../notifications/mail.ts';
import { auditCommands } from './audit-commands.ts';
import { letterCommands } from './letter-commands.ts';
import { createLogger } from '../logging.ts';
import { startServer } from '../server.ts';
import { publicationCheckIntervalFromEnvironment } from '../register/publication-timer.ts';
import { CommandError } from './command-error.ts';
import { MoneyError } from '../../common/money.ts';
import { reason } from '../api/messages.ts';
import { StartRefusedError } from '../start-refused.ts';
import { withDatabase } from './database.ts';
import { announceDemonstrationAccounts } from './demonstration-accounts.ts';
import { printFiguresTable } from './print-figures.ts';
import { accountCommands } from './account-commands.ts';
import { budgetCommands } from './budget-commands.ts';
import { exportControlCommands } from './export-control-commands.ts';
import { epfCommands } from './epf-commands.ts';
import { importCommand } from './import-command.ts';
import { backupCommands } from './backup-commands.ts';
import { isoDateOption } from './operator.ts';
import { answerBackupRequests } from '../backup/online-backup.ts';

const program = new Command('steunregister')
  .description('The register of military support deliveries and the letter to parliament.')
  .addHelpText(
    'after',
    '\nEnvironment: DATABASE_URL=postgres://… uses PostgreSQL; otherwise the embedded database in DATA_DIR (default ./data). AUDIT_DIR (default DATA_DIR/audit) holds the audit checkpoints and the keys. PORT and HOST set where serve listens (default localhost:3000). README.md, "Settings", lists every setting.',
  )
  .showHelpAfterError();

program
  .command('serve')
  .description('serve the web application and the API')
  .option('--demonstration-data', 'load the demonstration register (default on the embedded database)')
  .option('--no-demonstration-data', 'do not load the demonstration register')
  .action(async (options: { demonstrationData?: boolean }) => {
    const database = databaseConfigFromEnvironment();
    const server = await startServer({
      port: portFromEnvironment(),
      hostname: process.env.HOST ?? 'localhost',
      // The command line's own work (an import, `audit verify`, a migration) runs without them: an operator waits for it, or stops it.
      database: { ...database, statementLimits: statementLimitsFromEnvironment() },
      demonstrationData: options.demonstrationData ?? !database.databaseUrl,
      logger: createLogger(),
      trustProxy: trustProxyFromEnvironment(),
      oidc: oidcConfigFromEnvironment(process.env),
      mail: mailConfigFromEnvironment(process.env),
      siteAddress: siteAddressFromEnvironment(process.env),
      auditCheckpoints: { directory: auditDirectoryFromEnvironment(), intervalMs: checkpointIntervalFromEnvironment() },
      publicationCheckMs: publicationCheckIntervalFromEnvironment(),
    });
    if (database.dataDir && server.database.kind === 'pglite') announceDemonstrationAccounts(server.demonstrationAccounts, database.dataDir);
    // `backup` asks the running server, which holds the data directory's lock, to take the backup itself.
    const stopAnsweringBackups =
      database.dataDir && server.database.kind === 'pglite' ? await answerBackupRequests(database.dataDir, server.database, auditDirectoryFromEnvironment()) : async () => {};
    console.log(`Steunregister runs at ${server.url} (${server.database.kind === 'pglite' ? `embedded database in ${database.dataDir}` : 'PostgreSQL'}). Stop it with Ctrl-C.`);
    // Ctrl-C in a terminal reaches npm and the server both, and npm passes it on: the server may get the
    // signal twice and must not let the second one cut its shutdown short.
    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      console.log(`${signal} received, stopping.`);
      await stopAnsweringBackups();
      await server.close();
      process.exit(0);
    };
    process.on('SIGINT', () => void stop('SIGINT'));
    process.on('SIGTERM', () => void stop('SIGTERM'));
  });

program
  .command('migrate')
  .description('bring the database schema up to date')
  .action(async () => {
    const applied = await withDatabase(async (_handle, applied) => applied, { makesRegister: true });
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
  });

program
  .command('seed-demo')
  .description('load the demonstration register (running it again changes nothing)')
  .action(async () => {
    const inserted = await withDatabase((handle) => loadDemonstrationData(handle.db), { makesRegister: true });
    console.log(inserted ? `Loaded ${inserted} demonstration deliveries.` : 'The demonstration register was already loaded.');
  });

program
  .command('figures')
  .description("print the letter's table of realised military support for two reference dates")
  .option('--reference-date <date>', 'the reference date (peildatum)', isoDateOption, LETTER_REFERENCE_DATE)
  .option('--compare-date <date>', 'the date to compare with (previous letter)', isoDateOption, LETTER_COMPARE_DATE)
  .option('--json', 'print the figures as JSON')
  .action(async (options: { referenceDate: string; compareDate: string; json?: boolean }) => {
    const table = await withDatabase((handle) => figuresTable(handle.db, options.referenceDate, options.compareDate), { migrate: false });
    console.log(options.json ? JSON.stringify(withExactIntegers(table), null, 2) : printFiguresTable(table));
  });

program.addCommand(accountCommands());
program.addCommand(auditCommands());
program.addCommand(letterCommands());
program.addCommand(budgetCommands());
program.addCommand(exportControlCommands());
program.addCommand(epfCommands());
program.addCommand(importCommand());
for (const command of backupCommands()) program.addCommand(command);

// Commander's own refusals (an unknown option, a value it rejects) end the run through runCommandLine, not process.exit.
for (const command of withSubcommands(program)) command.exitOverride();

function withSubcommands(command: Command): Command[] {
  return [command, ...command.commands.flatMap(withSubcommands)];
}

/** What a file system error means to an operator who gave a path (a file to write, DATA_DIR, AUDIT_DIR). */
const FILE_PROBLEMS: Readonly<Record<string, string>> = {
  ENOENT: 'it, or the folder it is in, does not exist',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder, not a file',
  EEXIST: 'it exists already',
  EACCES: 'no permission',
  EPERM: 'no permission',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the disk',
  ENAMETOOLONG: 'a name in it is longer than the file system allows (255 bytes)',
};

/**
 * Runs the command line on its arguments (those after the script) and resolves with the exit code; a
 * refusal is one line on standard error. main.ts runs it on the process's arguments; tests call it in
 * their own process.
 */
export async function runCommandLine(args: readonly string[]): Promise<number> {
  try {
    await program.parseAsync(args, { from: 'user' });
    return Number(process.exitCode ?? 0);
  } catch (error) {
    // Commander has written what was wrong (or the help that was asked for) already.
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof CommandError || error instanceof StartRefusedError) {
      console.error(error.message);
      return 1;
    }
    if (error instanceof MoneyError) {
      console.error(reason('en', 'totalBeyondExactNumbers'));
      return 1;
    }
    const { code, syscall, hostname, path } = error as NodeJS.ErrnoException & { hostname?: string };
    const why = code === undefined ? undefined : FILE_PROBLEMS[code];
    if (why && path) {
      console.error(`Cannot ${syscall ?? 'use'} ${path}: ${why}.`);
      return 1;
    }
    if (code === 'EADDRINUSE') {
      console.error(`Port ${portFromEnvironment()} is in use by another program. Choose another with PORT, e.g. PORT=3001 npm start.`);
      return 1;
    }
    if ((code === 'EADDRNOTAVAIL' && syscall === 'listen') || (code === 'ENOTFOUND' && hostname === process.env.HOST)) {
      console.error(`HOST ${process.env.HOST} is no address of this machine to listen on. Leave HOST out to listen on localhost, or give one of this machine's addresses (0.0.0.0 for all of them).`);
      return 1;
    }
    throw error;
  }
}

if (import.meta.main) {
  const code = await runCommandLine(process.argv.slice(2));
  if (code !== 0) process.exit(code);
}
