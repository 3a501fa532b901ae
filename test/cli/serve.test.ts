import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DemonstrationAccount } from '../../src/auth/demonstration-accounts.ts';
import { totpCode } from '../../src/auth/totp.ts';
import { ROLES, isAllowed, permissionsOf, type Action } from '../../src/domain/access.ts';
import { runCli } from '../support/cli.ts';

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

/** Logs in through the API as a script would; returns the Cookie header of the session. */
async function logIn(url: string, account: DemonstrationAccount): Promise<{ cookie: string; session: { role: string; permissions: string[] } }> {
  const totp = account.totpSecret ? totpCode(account.totpSecret, new Date()) : undefined;
  const response = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: account.username, password: account.password, totp }),
  });
  expect(response.status, account.username).toBe(200);
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
  return { cookie, session: (await response.json()) as { role: string; permissions: string[] } };
}

/** Reads that need no object, with the action each takes. */
const READS: [string, Action][] = [
  ['/deliveries', 'delivery.read'],
  ['/figures?referenceDate=2025-08-31&compareDate=2025-02-04', 'figures.read'],
  ['/accounts', 'account.read'],
  ['/audit-events', 'audit.read'],
];

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
    const accountsFile = join(dataDir, 'demo-accounts.json');
    expect(statSync(accountsFile).mode & 0o777).toBe(0o600);
    const accounts = JSON.parse(readFileSync(accountsFile, 'utf8')) as DemonstrationAccount[];
    expect(accounts.map((account) => account.role).sort()).toEqual([...ROLES].sort());
    for (const account of accounts) expect(first.output()).toContain(`${account.username}`);
    for (const account of accounts) expect(first.output()).toContain(account.password);
    const registrar = accounts.find((account) => account.role === 'registrar')!;
    const { cookie } = await logIn(first.url, registrar);

    const created = await fetch(`${first.url}/api/v1/deliveries`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie },
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
    expect(restarted.output()).toContain(accountsFile);
    expect(restarted.output()).not.toContain(registrar.password);
    const again = await logIn(restarted.url, registrar);
    const read = await fetch(`${restarted.url}/api/v1/deliveries/${id}`, { headers: { Cookie: again.cookie } });
    expect(read.status).toBe(200);
    expect(((await read.json()) as { title: string }).title).toBe('Blijft na herstart');
    const figures = (await (await fetch(`${restarted.url}/api/v1/figures?referenceDate=2025-08-31&compareDate=2025-02-04`, { headers: { Cookie: again.cookie } })).json()) as {
      total: { reference: { text: string } };
    };
    expect(figures.total.reference.text).toBe('€ 8,7 mld.');
    restarted.process.kill('SIGTERM');
    expect(await exitOf(restarted.process)).toBe(0);

    // Everything above left its trace: the chain verifies against the checkpoints the server signed.
    expect(readFileSync(join(dataDir, 'audit', 'checkpoints.jsonl'), 'utf8').trim().split('\n').length).toBeGreaterThanOrEqual(2);
    const verify = await runCli(dataDir, ['audit', 'verify']);
    expect(verify.code).toBe(0);
    expect(verify.output).toMatch(/^Audit trail intact: \d+ events, [2-9]\d* checkpoints/);
  });

  it('gives every demonstration account exactly what its role allows', async () => {
    const server = await serve(dataDir);
    const accounts = JSON.parse(readFileSync(join(dataDir, 'demo-accounts.json'), 'utf8')) as DemonstrationAccount[];
    for (const account of accounts) {
      const { cookie, session } = await logIn(server.url, account);
      expect(session).toMatchObject({ role: account.role, permissions: permissionsOf(account.role) });
      for (const [path, action] of READS) {
        const response = await fetch(`${server.url}/api/v1${path}`, { headers: { Cookie: cookie } });
        expect(response.status, `${account.username} GET ${path}`).toBe(isAllowed(account.role, action) ? 200 : 403);
      }
      const anonymous = await fetch(`${server.url}/api/v1/deliveries`);
      expect(anonymous.status).toBe(401);
    }
    server.process.kill('SIGTERM');
    expect(await exitOf(server.process)).toBe(0);
  });
});
