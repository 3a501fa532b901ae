/**
 * `account new-second-factor`: a new TOTP secret for one account (a lost phone), and for every account at
 * once when the key the secrets are sealed with is lost, after which the server starts again.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode, totpUri } from '../../src/auth/totp.ts';
import { TotpSecretKeyMissingError } from '../../src/auth/totp-secret-key.ts';
import { openDatabase } from '../../src/db/connection.ts';
import { listAuditEvents } from '../../src/db/repositories/audit.ts';
import { startServer, type RunningServer } from '../../src/server.ts';
import { createMigratedDataFolder, runCli } from '../support/cli.ts';

const PASSWORD = 'een lang genoeg wachtwoord';

describe('a new second factor from the command line', () => {
  const folder = mkdtempSync(join(tmpdir(), 'steunregister-second-factor-'));
  const dataDir = join(folder, 'data');
  const keyFile = join(dataDir, 'audit', 'totp-secret-key');
  const server = () => startServer({ port: 0, demonstrationData: false, database: { dataDir }, auditCheckpoints: { directory: join(dataDir, 'audit'), intervalMs: 60_000 } });
  /** The secret each account was last given, as the command printed it. */
  const secrets = new Map<string, string>();
  const shownSecret = (output: string) => /secret, shown only now: ([A-Z2-7]{32})$/m.exec(output)?.[1];

  async function logIn(running: RunningServer, username: string, secret: string): Promise<{ status: number; cookie?: string }> {
    const response = await fetch(`${running.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password: PASSWORD, totp: totpCode(secret, new Date()) }),
    });
    return { status: response.status, cookie: response.headers.get('set-cookie')?.split(';')[0] };
  }

  beforeAll(async () => {
    await createMigratedDataFolder(dataDir);
    for (const [username, role] of [['beheer', 'administrator'], ['controle', 'auditor'], ['k.jansen', 'registrar']] as const) {
      const added = await runCli(dataDir, ['account', 'add', '--name', username, '--role', role], PASSWORD);
      expect(added.code, added.output).toBe(0);
      const secret = shownSecret(added.output);
      if (secret) secrets.set(username, secret);
    }
    expect([...secrets.keys()]).toEqual(['beheer', 'controle']);
  }, 60_000);
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('gives one account a new secret: logins take codes from it, not from the old one, and its sessions end', async () => {
    const old = secrets.get('controle')!;
    const before = await server();
    let session: string | undefined;
    try {
      const login = await logIn(before, 'controle', old);
      expect(login.status).toBe(200);
      session = login.cookie;
    } finally {
      await before.close();
    }

    const renewed = await runCli(dataDir, ['account', 'new-second-factor', '--name', 'controle']);
    expect(renewed.code, renewed.output).toBe(0);
    expect(renewed.output).toContain('Account controle has a new second factor; its sessions ended.');
    const secret = shownSecret(renewed.output)!;
    expect(secret).toBeDefined();
    expect(secret).not.toBe(old);
    expect(renewed.output).toContain(totpUri(secret, 'controle'));
    secrets.set('controle', secret);

    const after = await server();
    try {
      expect((await fetch(`${after.url}/api/v1/session`, { headers: { Cookie: session! } })).status).toBe(401);
      expect((await logIn(after, 'controle', old)).status).toBe(401);
      expect((await logIn(after, 'controle', secret)).status).toBe(200);
    } finally {
      await after.close();
    }
  }, 60_000);

  it('refuses an account that does not exist or is disabled, and asks for --name or --all-sealed, in one line', async () => {
    expect(await runCli(dataDir, ['account', 'new-second-factor', '--name', 'niemand'])).toEqual({ code: 1, output: 'there is no account niemand\n' });
    expect((await runCli(dataDir, ['account', 'disable', '--name', 'k.jansen'])).code).toBe(0);
    expect(await runCli(dataDir, ['account', 'new-second-factor', '--name', 'k.jansen'])).toEqual({
      code: 1,
      output: '--name: This account is disabled: it gets no new second factor.\n',
    });
    const neither = await runCli(dataDir, ['account', 'new-second-factor']);
    expect(neither).toEqual({ code: 1, output: 'give --name <username>, or --all-sealed when the key the second factors are sealed with is lost\n' });
    expect((await runCli(dataDir, ['account', 'new-second-factor', '--name', 'beheer', '--all-sealed'])).code).not.toBe(0);
  }, 60_000);

  it('refuses --all-sealed while the key opens the secrets: one account at a time, with --name', async () => {
    const refused = await runCli(dataDir, ['account', 'new-second-factor', '--all-sealed']);
    expect(refused).toEqual({
      code: 1,
      output:
        `${keyFile} opens the second factor of every account that has one: it is not lost. ` +
        'Give one account a new second factor with account new-second-factor --name <username>.\n',
    });
  });

  it('with the key lost, gives every account with a sealed secret a new one under a new key, after which the server starts; a disabled account\'s is shown to no one', async () => {
    const leaver = await runCli(dataDir, ['account', 'add', '--name', 'vertrokken', '--role', 'auditor'], PASSWORD);
    expect(shownSecret(leaver.output)).toBeDefined();
    expect((await runCli(dataDir, ['account', 'disable', '--name', 'vertrokken'])).code).toBe(0);
    rmSync(keyFile);
    const refusal = await server().then(() => undefined, (error: unknown) => error);
    expect(refusal).toBeInstanceOf(TotpSecretKeyMissingError);
    expect((refusal as Error).message).toBe(
      `${keyFile} is missing and 3 accounts have their second factor sealed with it: put the key back from where you keep it ` +
        '(a backup leaves it out; README, "Backup and restore"), or, if it is lost, give every such account a new second factor ' +
        'with account new-second-factor --all-sealed (each person then enrols again). ' +
        'Without it the server does not start, as second-factor logins cannot be checked.',
    );

    const renewed = await runCli(dataDir, ['account', 'new-second-factor', '--all-sealed']);
    expect(renewed.code, renewed.output).toBe(0);
    expect(renewed.output).toContain(`Made a new key, ${keyFile}, and gave 3 accounts a new second factor; their sessions ended.`);
    const given = new Map([...renewed.output.matchAll(/^(\S+): ([A-Z2-7]{32})$/gm)].map((match) => [match[1]!, match[2]!]));
    expect([...given.keys()].sort()).toEqual(['beheer', 'controle']);
    expect(renewed.output).toContain('Not shown, as its account is disabled: vertrokken.\n');
    expect(renewed.output).not.toMatch(/vertrokken: |otpauth:.*vertrokken/);
    for (const [username, secret] of given) {
      expect(secret).not.toBe(secrets.get(username));
      expect(renewed.output).toContain(`  ${totpUri(secret, username)}\n`);
    }
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(existsSync(`${keyFile}.${process.pid}.tmp`)).toBe(false);

    const running = await server();
    try {
      for (const [username, secret] of given) {
        expect((await logIn(running, username, secrets.get(username)!)).status, username).toBe(401);
        expect((await logIn(running, username, secret)).status, username).toBe(200);
      }
    } finally {
      await running.close();
    }
    expect((await runCli(dataDir, ['account', 'new-second-factor', '--all-sealed'])).code).toBe(1);
    // Another register's key put back opens none of the secrets, nor does a damaged key file: the key is lost as well.
    for (const text of [`${randomBytes(32).toString('base64')}\n`, 'damaged\n']) {
      writeFileSync(keyFile, text, { mode: 0o600 });
      const underAnother = await runCli(dataDir, ['account', 'new-second-factor', '--all-sealed']);
      expect(underAnother.code, underAnother.output).toBe(0);
      expect(underAnother.output).toContain('gave 3 accounts a new second factor');
    }

    const handle = await openDatabase({ dataDir });
    try {
      const events = (await listAuditEvents(handle.db, { objectType: 'account', limit: 20 })).filter((event) => event.action === 'account.newSecondFactor');
      expect(events.map((event) => event.detail)).toEqual([...Array.from({ length: 9 }, () => ({ keyLost: true })), null]);
      for (const event of events) expect(event.after).toMatchObject({ hasSecondFactor: true });
      const recorded = JSON.stringify(events);
      for (const secret of [...secrets.values(), ...given.values()]) expect(recorded).not.toContain(secret);
    } finally {
      await handle.close();
    }
  }, 90_000);
});
