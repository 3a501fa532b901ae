import { Command, InvalidArgumentError, Option } from 'commander';
import { createAccount, changeRole, disableAccount, giveNewSecondFactor, resetPassword, viewOf } from '../auth/accounts.ts';
import { replaceLostTotpSecretKey, TotpSecretKeyNotLostError } from '../auth/lost-totp-secret-key.ts';
import { totpUri } from '../auth/totp.ts';
import { openTotpSecretKey } from '../auth/totp-secret-key.ts';
import { auditDirectoryFromEnvironment } from '../audit/config.ts';
import { ROLES, isRole, type Role } from '../domain/access.ts';
import { findAccountByUsername, listAccounts } from '../db/repositories/accounts.ts';
import type { Database } from '../db/schema.ts';
import type { Kysely } from 'kysely';
import { CommandError } from './command-error.ts';
import { withDatabase } from './database.ts';
import { explain, operatorContext } from './operator.ts';

function role(value: string): Role {
  if (!isRole(value)) throw new InvalidArgumentError(`expected one of ${ROLES.join(', ')}`);
  return value;
}

async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) {
    throw new CommandError('give the password on standard input, e.g. printf %s "$PASSWORD" | npm run cli -- account add …');
  }
  let input = '';
  for await (const chunk of process.stdin) input += chunk;
  return input.replace(/\r?\n$/, '');
}

function printSecondFactor(username: string, totpSecret: string): void {
  console.log(`Second factor (TOTP) secret, shown only now: ${totpSecret}`);
  console.log(`For an authenticator app: ${totpUri(totpSecret, username)}`);
}

async function accountNamed(db: Kysely<Database>, name: string) {
  const account = await findAccountByUsername(db, name);
  if (!account) throw new CommandError(`there is no account ${name}`);
  return account;
}

/** The account fields the account commands take under another name, or not as an option. */
const ACCOUNT_OPTIONS = { username: '--name', account: '--name', password: 'password (standard input)' };

export function accountCommands(): Command {
  const accountCommand = new Command('account').description('manage accounts (changes are recorded in the audit trail)');

  accountCommand
    .command('add')
    .description('create an account; the password is read from standard input')
    .requiredOption('--name <username>', 'the username (lower case)')
    .addOption(new Option('--role <role>', 'the role').choices(ROLES).makeOptionMandatory().argParser(role))
    .option('--display-name <name>', 'the name shown in the application')
    .option('--oidc-subject <sub>', "the identity provider's subject of this person (login through OpenID Connect)")
    .option('--no-password', 'no password: the account logs in only through the identity provider')
    .option('--second-factor', 'a second factor also where the role does not require one')
    .option('--email <address>', 'where notifications go (when the server sends e-mail)')
    .action(async (options: { name: string; role: Role; displayName?: string; oidcSubject?: string; email?: string; password: boolean; secondFactor?: boolean }) => {
      const password = options.password ? await readPassword() : null;
      const { account, totpSecret } = await withDatabase(async (handle) =>
        createAccount(handle.db, operatorContext(), {
          username: options.name,
          displayName: options.displayName,
          role: options.role,
          password,
          oidcSubject: options.oidcSubject ?? null,
          email: options.email ?? null,
          secondFactor: options.secondFactor,
        }, await openTotpSecretKey(auditDirectoryFromEnvironment(), handle.db)).catch(explain(ACCOUNT_OPTIONS)),
        // The first administrator of a register without demonstration accounts is made before the server first starts.
        { makesRegister: true },
      );
      console.log(`Created account ${account.username} (${account.role}).`);
      if (totpSecret) printSecondFactor(account.username, totpSecret);
    });

  accountCommand
    .command('list')
    .description('list the accounts')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const accounts = (await withDatabase((handle) => listAccounts(handle.db), { migrate: false })).map(viewOf);
      if (options.json) return console.log(JSON.stringify(accounts, null, 2));
      for (const account of accounts) {
        const flags = [account.hasSecondFactor ? 'second factor' : null, account.oidcSubject ? 'OpenID Connect' : null, account.disabledAt ? `disabled ${account.disabledAt}` : null];
        console.log(`${account.username.padEnd(32)} ${account.role.padEnd(22)} ${flags.filter(Boolean).join(', ')}`);
      }
    });

  accountCommand
    .command('disable')
    .description('disable an account; its sessions end at once')
    .requiredOption('--name <username>', 'the username')
    .action(async (options: { name: string }) => {
      await withDatabase(async (handle) => disableAccount(handle.db, operatorContext(), (await accountNamed(handle.db, options.name)).id).catch(explain(ACCOUNT_OPTIONS)));
      console.log(`Disabled account ${options.name}.`);
    });

  accountCommand
    .command('set-role')
    .description("change an account's role; its sessions end")
    .requiredOption('--name <username>', 'the username')
    .addOption(new Option('--role <role>', 'the new role').choices(ROLES).makeOptionMandatory().argParser(role))
    .action(async (options: { name: string; role: Role }) => {
      await withDatabase(async (handle) =>
        changeRole(handle.db, operatorContext(), (await accountNamed(handle.db, options.name)).id, options.role).catch(explain(ACCOUNT_OPTIONS)),
      );
      console.log(`Account ${options.name} now has role ${options.role}.`);
    });

  accountCommand
    .command('set-password')
    .description('set a new password for an account (a forgotten one), read from standard input; its sessions end, and its holder chooses their own at the next login')
    .requiredOption('--name <username>', 'the username')
    .action(async (options: { name: string }) => {
      const password = await readPassword();
      await withDatabase(async (handle) => resetPassword(handle.db, operatorContext(), (await accountNamed(handle.db, options.name)).id, password).catch(explain(ACCOUNT_OPTIONS)));
      console.log(`Account ${options.name} has a new password; its sessions ended, and it chooses its own at the next login.`);
    });

  accountCommand
    .command('new-second-factor')
    .description('give an account a new second factor (TOTP), shown once; its sessions end')
    .option('--name <username>', 'the username (a lost phone)')
    .addOption(
      new Option('--all-sealed', 'the key the second factors are sealed with is lost: a new key, and a new second factor for every account that has one').conflicts('name'),
    )
    .action(async (options: { name?: string; allSealed?: boolean }) => {
      if (options.allSealed) return newSecondFactorsUnderNewKey();
      const { name } = options;
      if (!name) throw new CommandError('give --name <username>, or --all-sealed when the key the second factors are sealed with is lost');
      const { account, totpSecret } = await withDatabase(async (handle) => {
        const { id } = await accountNamed(handle.db, name);
        return giveNewSecondFactor(handle.db, operatorContext(), id, await openTotpSecretKey(auditDirectoryFromEnvironment(), handle.db)).catch(explain(ACCOUNT_OPTIONS));
      });
      console.log(`Account ${account.username} has a new second factor; its sessions ended.`);
      printSecondFactor(account.username, totpSecret);
    });

  return accountCommand;
}

async function newSecondFactorsUnderNewKey(): Promise<void> {
  const { keyFile, renewed } = await withDatabase((handle) =>
    replaceLostTotpSecretKey(handle.db, operatorContext(), auditDirectoryFromEnvironment()).catch((error: unknown) => {
      throw error instanceof TotpSecretKeyNotLostError ? new CommandError(error.message) : error;
    }),
  );
  console.log(
    `Made a new key, ${keyFile}, and gave ${renewed.length} account${renewed.length === 1 ? '' : 's'} a new second factor; their sessions ended. ` +
      'Each person enrols again with the secret below, shown only now (or scans its address):',
  );
  // A disabled account never logs in again: its new secret is sealed under the new key and shown to no one.
  const disabled = renewed.filter(({ account }) => account.disabledAt !== null).map(({ account }) => account.username);
  for (const { account, totpSecret } of renewed) {
    if (account.disabledAt !== null) continue;
    console.log(`${account.username}: ${totpSecret}`);
    console.log(`  ${totpUri(totpSecret, account.username)}`);
  }
  if (disabled.length > 0) console.log(`Not shown, as ${disabled.length === 1 ? 'its account is' : 'their accounts are'} disabled: ${disabled.join(', ')}.`);
}
