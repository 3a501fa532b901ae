import { Command, InvalidArgumentError, Option } from 'commander';
import { createAccount, changeRole, disableAccount, viewOf } from '../auth/accounts.ts';
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

async function accountNamed(db: Kysely<Database>, name: string) {
  const account = await findAccountByUsername(db, name);
  if (!account) throw new CommandError(`there is no account ${name}`);
  return account;
}

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
        }, await openTotpSecretKey(auditDirectoryFromEnvironment(), handle.db)).catch(explain),
      );
      console.log(`Created account ${account.username} (${account.role}).`);
      if (totpSecret) {
        console.log(`Second factor (TOTP) secret, shown only now: ${totpSecret}`);
        console.log(`For an authenticator app: ${totpUri(totpSecret, account.username)}`);
      }
    });

  accountCommand
    .command('list')
    .description('list the accounts')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const accounts = (await withDatabase((handle) => listAccounts(handle.db))).map(viewOf);
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
      await withDatabase(async (handle) => disableAccount(handle.db, operatorContext(), (await accountNamed(handle.db, options.name)).id));
      console.log(`Disabled account ${options.name}.`);
    });

  accountCommand
    .command('set-role')
    .description("change an account's role; its sessions end")
    .requiredOption('--name <username>', 'the username')
    .addOption(new Option('--role <role>', 'the new role').choices(ROLES).makeOptionMandatory().argParser(role))
    .action(async (options: { name: string; role: Role }) => {
      await withDatabase(async (handle) =>
        changeRole(handle.db, operatorContext(), (await accountNamed(handle.db, options.name)).id, options.role).catch(explain),
      );
      console.log(`Account ${options.name} now has role ${options.role}.`);
    });

  return accountCommand;
}
