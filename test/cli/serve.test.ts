import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const CLI = new URL('../../src/cli/main.ts', import.meta.url).pathname;

/** Starts `serve` on a free port in its own process; resolves with its address once it listens. */
async function serve(dataDir: string): Promise<{ process: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [CLI, 'serve'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: '0', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', () => {
      const match = /runs at (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`serve ended with ${code}:\n${output}`)));
  });
  return { process: child, url, output: () => output };
}

async function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const [code] = await once(child, 'exit');
  return code as number | null;
}

describe('serve on the embedded database', () => {
  const folder = mkdtempSync(join(tmpdir(), 'steunregister-serve-'));
  const dataDir = join(folder, 'data');
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('refuses a second process, stops cleanly on Ctrl-C and keeps every change across a restart', async () => {
    const first = await serve(dataDir);
    const created = await fetch(`${first.url}/api/v1/deliveries`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'Blijft na herstart', category: 'other', supportType: 'stock', fundingSource: 'defenceBudget' }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };

    const second = spawn(process.execPath, [CLI, 'serve'], { env: { ...process.env, DATA_DIR: dataDir, PORT: '0', DATABASE_URL: '' } });
    let refusal = '';
    second.stderr.on('data', (chunk) => (refusal += chunk));
    expect(await exitOf(second)).toBe(1);
    expect(refusal).toMatch(/in use by another Steunregister process/);

    first.process.kill('SIGINT');
    expect(await exitOf(first.process)).toBe(0);
    expect(first.output()).toMatch(/SIGINT received, stopping/);
    expect(existsSync(join(dataDir, 'steunregister.lock'))).toBe(false);

    const restarted = await serve(dataDir);
    const read = await fetch(`${restarted.url}/api/v1/deliveries/${id}`);
    expect(read.status).toBe(200);
    expect(((await read.json()) as { title: string }).title).toBe('Blijft na herstart');
    const figures = (await (await fetch(`${restarted.url}/api/v1/figures?referenceDate=2025-08-31&compareDate=2025-02-04`)).json()) as {
      total: { reference: { text: string } };
    };
    expect(figures.total.reference.text).toBe('€ 8,7 mld.');
    restarted.process.kill('SIGTERM');
    expect(await exitOf(restarted.process)).toBe(0);
  }, 90_000);
});
