import { spawn } from 'node:child_process';
import { Readable } from 'node:stream';
import { format } from 'node:util';
import { vi } from 'vitest';
import { runCommandLine } from '../../src/cli/main.ts';
import { openDatabase } from '../../src/db/connection.ts';
import { pgliteTemplate } from './scratch-database.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const MAIN = new URL('../../src/cli/main.ts', import.meta.url).pathname;

type CliResult = { code: number | null; output: string };

/**
 * Runs the command line as an operator would, on the embedded database in the folder, with the given
 * standard input; stdout and stderr together. In this process: what a command prints and its exit code
 * are those of `runCommandLine`, which main.ts runs; `runCliProcess` is for what only the real process shows.
 */
export async function runCli(dataDir: string, args: readonly string[], input = ''): Promise<CliResult> {
  let output = '';
  const print = (...values: unknown[]) => void (output += `${format(...values)}\n`);
  const write = (chunk: string | Uint8Array) => ((output += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString()), true);
  vi.stubEnv('DATA_DIR', dataDir);
  vi.stubEnv('DATABASE_URL', '');
  const spies = [
    vi.spyOn(console, 'log').mockImplementation(print),
    vi.spyOn(console, 'error').mockImplementation(print),
    vi.spyOn(process.stdout, 'write').mockImplementation(write),
    vi.spyOn(process.stderr, 'write').mockImplementation(write),
    vi.spyOn(process, 'stdin', 'get').mockReturnValue(Readable.from([input]) as typeof process.stdin),
  ];
  try {
    return { code: await runCommandLine(args), output };
  } finally {
    for (const spy of spies) spy.mockRestore();
    vi.unstubAllEnvs();
    // A command that failed sets the exit code of the process it runs in: here that is the test's.
    process.exitCode = undefined;
  }
}

/** Runs the command line in a process of its own (`node src/cli/main.ts …`), as runCli does in this one. */
export function runCliProcess(dataDir: string, args: readonly string[], input = ''): Promise<CliResult> {
  const child = spawn(process.execPath, [MAIN, ...args], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' } });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  child.stdin.end(input);
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

/**
 * Puts a copy of the run's migrated (empty) database in a new data folder, for tests of commands on a
 * register that exists: making and migrating it is the first command's work in a new folder, which
 * account-commands.test.ts and serve.test.ts check, and takes several times as long.
 */
export async function createMigratedDataFolder(dataDir: string): Promise<void> {
  const handle = await openDatabase({ dataDir, template: await pgliteTemplate() });
  await handle.close();
}
