import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connection.ts';
import { listAuditEvents } from '../../src/db/repositories/audit.ts';

const CLI = new URL('../../src/cli/main.ts', import.meta.url).pathname;

/** Runs the command line on the data folder, with the given standard input. */
function cli(dataDir: string, args: string[], input = ''): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' } });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  child.stdin.end(input);
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

/** Ten processes that each open the embedded database: a hang limit, not a speed requirement. */
const TEN_PROCESSES_TIMEOUT_MS = 300_000;

describe('the account commands', { timeout: TEN_PROCESSES_TIMEOUT_MS }, () => {
  const folder = mkdtempSync(join(tmpdir(), 'steunregister-accounts-'));
  const dataDir = join(folder, 'data');
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('add, list, set-role and disable accounts, each recorded in the audit trail', async () => {
    const added = await cli(dataDir, ['account', 'add', '--name', 'k.jansen', '--role', 'registrar'], 'een lang genoeg wachtwoord\n');
    expect(added.output).toContain('Created account k.jansen (registrar).');
    expect(added.output).not.toContain('TOTP');
    expect(added.code).toBe(0);

    const administrator = await cli(dataDir, ['account', 'add', '--name', 'beheer', '--role', 'administrator'], 'nog een lang wachtwoord');
    expect(administrator.output).toMatch(/TOTP\) secret, shown only now: [A-Z2-7]{32}/);
    expect(administrator.output).toMatch(/otpauth:\/\/totp\/Steunregister:beheer\?/);

    const tooShort = await cli(dataDir, ['account', 'add', '--name', 'kort', '--role', 'finance'], 'kort');
    expect(tooShort.code).toBe(1);
    expect(tooShort.output.trim()).toBe('password: Use a password of at least 15 characters.');

    const unknownRole = await cli(dataDir, ['account', 'add', '--name', 'x1', '--role', 'general'], 'een lang genoeg wachtwoord');
    expect(unknownRole.code).not.toBe(0);

    const toAuditor = await cli(dataDir, ['account', 'set-role', '--name', 'k.jansen', '--role', 'auditor']);
    expect(toAuditor.code).toBe(1);
    expect(toAuditor.output.trim()).toBe('role: This role needs a second factor; this account has none.');
    expect((await cli(dataDir, ['account', 'set-role', '--name', 'k.jansen', '--role', 'finance'])).code).toBe(0);
    expect((await cli(dataDir, ['account', 'disable', '--name', 'k.jansen'])).code).toBe(0);
    const missing = await cli(dataDir, ['account', 'disable', '--name', 'niemand']);
    expect(missing).toEqual({ code: 1, output: 'there is no account niemand\n' });

    const listed = await cli(dataDir, ['account', 'list', '--json']);
    const accounts = JSON.parse(listed.output) as { username: string; role: string; hasSecondFactor: boolean; disabledAt: string | null }[];
    expect(accounts.map(({ username, role, hasSecondFactor }) => ({ username, role, hasSecondFactor }))).toEqual([
      { username: 'beheer', role: 'administrator', hasSecondFactor: true },
      { username: 'k.jansen', role: 'finance', hasSecondFactor: false },
    ]);
    expect(accounts[1]!.disabledAt).not.toBeNull();
    expect(listed.output).not.toMatch(/argon2|passwordHash|totpSecret/);

    const handle = await openDatabase({ dataDir });
    try {
      const events = await listAuditEvents(handle.db, { objectType: 'account', limit: 10 });
      expect(events.map((event) => event.action).reverse()).toEqual(['account.create', 'account.create', 'account.changeRole', 'account.disable']);
      expect(new Set(events.map((event) => event.actor?.username))).toEqual(new Set([`cli:${(await import('node:os')).userInfo().username}`]));
      for (const event of events) expect(JSON.stringify(event)).not.toContain('wachtwoord');
    } finally {
      await handle.close();
    }
  }, 120_000);
});
