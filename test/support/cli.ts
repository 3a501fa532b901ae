import { spawn } from 'node:child_process';

const ROOT = new URL('../../', import.meta.url).pathname;
const MAIN = new URL('../../src/cli/main.ts', import.meta.url).pathname;

/** Runs the command line as an operator would, on the embedded database in the folder; stdout and stderr together. */
export function runCli(dataDir: string, args: readonly string[]): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [MAIN, ...args], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' } });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  child.stdin.end();
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}
