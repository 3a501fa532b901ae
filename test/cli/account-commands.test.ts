import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connection.ts';
import { listAuditEvents } from '../../src/db/repositories/audit.ts';
import { createMigratedDataFolder, runCli, runCliProcess } from '../support/cli.ts';

describe('the account commands', () => {
  const folder = mkdtempSync(join(tmpdir(), 'steunregister-accounts-'));
  const dataDir = join(folder, 'data');
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('add, list, set-role and disable accounts, each recorded in the audit trail', async () => {
    // In a process of its own: the password piped to the real program's standard input. The folder holds the
    // migrated register (migrate-command.test.ts makes one from nothing).
    await createMigratedDataFolder(dataDir);
    const added = await runCliProcess(dataDir, ['account', 'add', '--name', 'k.jansen', '--role', 'registrar'], 'een lang genoeg wachtwoord\n');
    expect(added.output).toContain('Created account k.jansen (registrar).');
    expect(added.output).not.toContain('TOTP');
    expect(added.code).toBe(0);

    const administrator = await runCli(dataDir, ['account', 'add', '--name', 'beheer', '--role', 'administrator'], 'nog een lang wachtwoord');
    expect(administrator.output).toMatch(/TOTP\) secret, shown only now: [A-Z2-7]{32}/);
    expect(administrator.output).toMatch(/otpauth:\/\/totp\/Steunregister:beheer\?/);

    const tooShort = await runCli(dataDir, ['account', 'add', '--name', 'kort', '--role', 'finance'], 'kort');
    expect(tooShort.code).toBe(1);
    expect(tooShort.output.trim()).toBe('password (standard input): Use a password of at least 15 characters.');

    const unknownRole = await runCli(dataDir, ['account', 'add', '--name', 'x1', '--role', 'general'], 'een lang genoeg wachtwoord');
    expect(unknownRole.code).not.toBe(0);

    const toAuditor = await runCli(dataDir, ['account', 'set-role', '--name', 'k.jansen', '--role', 'auditor']);
    expect(toAuditor.code).toBe(1);
    expect(toAuditor.output.trim()).toBe('--role: This role needs a second factor; this account has none.');
    expect((await runCli(dataDir, ['account', 'set-role', '--name', 'k.jansen', '--role', 'finance'])).code).toBe(0);
    const sameRole = await runCli(dataDir, ['account', 'set-role', '--name', 'k.jansen', '--role', 'finance']);
    expect([sameRole.code, sameRole.output.trim()]).toEqual([1, '--role: This account has this role already.']);
    // Its holder locked themselves out from two addresses; someone guessed at another username.
    const before = await openDatabase({ dataDir });
    const failedAt = new Date().toISOString();
    await before.db.insertInto('loginFailure').values([
      { username: 'k.jansen', origin: '198.51.100.41', failedAt },
      { username: 'k.jansen', origin: '203.0.113.42', failedAt },
      { username: 'beheer', origin: '198.51.100.41', failedAt },
    ]).execute();
    await before.close();
    const newPassword = await runCli(dataDir, ['account', 'set-password', '--name', 'k.jansen'], 'een ander lang wachtwoord');
    expect(newPassword).toEqual({ code: 0, output: 'Account k.jansen has a new password; its sessions ended, and it chooses its own at the next login.\n' });
    const weakPassword = await runCli(dataDir, ['account', 'set-password', '--name', 'k.jansen'], 'kort');
    expect(weakPassword).toEqual({ code: 1, output: 'password (standard input): Use a password of at least 15 characters.\n' });
    expect((await runCli(dataDir, ['account', 'disable', '--name', 'k.jansen'])).code).toBe(0);
    const twice = await runCli(dataDir, ['account', 'disable', '--name', 'k.jansen']);
    expect([twice.code, twice.output.trim()]).toEqual([1, '--name: This account is disabled already.']);
    const missing = await runCli(dataDir, ['account', 'disable', '--name', 'niemand']);
    expect(missing).toEqual({ code: 1, output: 'there is no account niemand\n' });

    const listed = await runCli(dataDir, ['account', 'list', '--json']);
    const accounts = JSON.parse(listed.output) as { username: string; role: string; hasSecondFactor: boolean; disabledAt: string | null }[];
    expect(accounts.map(({ username, role, hasSecondFactor }) => ({ username, role, hasSecondFactor }))).toEqual([
      { username: 'beheer', role: 'administrator', hasSecondFactor: true },
      { username: 'k.jansen', role: 'finance', hasSecondFactor: false },
    ]);
    expect(accounts[1]!.disabledAt).not.toBeNull();
    expect(accounts[1]).toMatchObject({ passwordChangeRequired: true });
    expect(listed.output).not.toMatch(/argon2|passwordHash|totpSecret/);

    const handle = await openDatabase({ dataDir });
    try {
      // The new password forgot the failed guesses at k.jansen, from every address.
      expect(await handle.db.selectFrom('loginFailure').select(['username', 'origin']).execute()).toEqual([{ username: 'beheer', origin: '198.51.100.41' }]);
      const events = await listAuditEvents(handle.db, { objectType: 'account', limit: 10 });
      expect(events.map((event) => event.action).reverse()).toEqual(['account.create', 'account.create', 'account.changeRole', 'account.resetPassword', 'account.disable']);
      expect(new Set(events.map((event) => event.actor?.username))).toEqual(new Set([`cli:${(await import('node:os')).userInfo().username}`]));
      for (const event of events) expect(JSON.stringify(event)).not.toContain('wachtwoord');
    } finally {
      await handle.close();
    }
  }, 120_000);

  it('refuse an e-mail address another account has, whatever its case, at --email', async () => {
    const password = 'een lang genoeg wachtwoord';
    expect((await runCli(dataDir, ['account', 'add', '--name', 'qa.een', '--role', 'registrar', '--email', 'qa@example.nl'], password)).code).toBe(0);
    const taken = await runCli(dataDir, ['account', 'add', '--name', 'qa.twee', '--role', 'registrar', '--email', 'QA@Example.nl'], password);
    expect(taken).toEqual({ code: 1, output: '--email: The account "qa.een" has this e-mail address already (capitals do not count); an e-mail address belongs to one account.\n' });
    const listed = JSON.parse((await runCli(dataDir, ['account', 'list', '--json'])).output) as { username: string }[];
    expect(listed.map((account) => account.username)).not.toContain('qa.twee');
  }, 120_000);
});
