/**
 * TOTP secrets are stored encrypted (AES-256-GCM) with a key kept outside the database, beside the audit
 * trail's signing key: a copy of the database alone does not give away anyone's second factor. The
 * account's id is the associated data, so a secret moved to another account does not open there.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { createFileOnce } from '../audit/checkpoints.ts';
import { accountsWithPlainTotpSecret, countAccountsWithSealedTotpSecret, updateAccount } from '../db/repositories/accounts.ts';
import type { Database } from '../db/schema.ts';
import { StartRefusedError } from '../start-refused.ts';

/** The key's file in the audit directory; a backup leaves it out, so that a backup alone opens no secret. */
export const TOTP_SECRET_KEY_FILE = 'totp-secret-key';
const SEALED_PREFIX = 'aes-256-gcm:';

/** The key TOTP secrets are sealed with: 32 random bytes. */
export type TotpSecretKey = Buffer;

/** A key for this process only, for a register whose secrets need not outlive it (tests, demonstrations in memory). */
export function temporaryTotpSecretKey(): TotpSecretKey {
  return randomBytes(32);
}

/** The key file is missing while the database holds secrets sealed with it; the message says what to do. */
export class TotpSecretKeyMissingError extends StartRefusedError {}

/**
 * The key in `directory`, made (readable by its owner only) when there is none and the database holds no
 * secret sealed with a key: a new key would open none of them, and the secrets of accounts enrolled with
 * it would not open once the old key is put back.
 */
export async function openTotpSecretKey(directory: string, db: Kysely<Database>): Promise<TotpSecretKey> {
  await mkdir(directory, { recursive: true, mode: 0o700 });
  const path = join(directory, TOTP_SECRET_KEY_FILE);
  const text = await readFile(path, 'utf8').catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
    const sealed = await countAccountsWithSealedTotpSecret(db, SEALED_PREFIX);
    if (sealed > 0) throw new TotpSecretKeyMissingError(totpSecretKeyMissing(path, sealed));
    return createFileOnce(path, `${randomBytes(32).toString('base64')}\n`, 0o600);
  });
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32) throw new Error(`${path} does not hold a key of 32 bytes`);
  return key;
}

/** Accounts whose second factor is sealed with the key (a restore says when the key is needed). */
export function countSealedTotpSecrets(db: Kysely<Database>): Promise<number> {
  return countAccountsWithSealedTotpSecret(db, SEALED_PREFIX);
}

/** What to do when the key file is not there; one line, for the operator. */
export function totpSecretKeyMissing(path: string, accounts: number): string {
  return (
    `${path} is missing and ${accounts} account${accounts === 1 ? ' has its' : 's have their'} second factor sealed with it: ` +
    'put the key back from where you keep it (a backup leaves it out; README, "Backup and restore"). ' +
    'Without it the server does not start, as second-factor logins cannot be checked.'
  );
}

export function sealTotpSecret(key: TotpSecretKey, accountId: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(accountId));
  const sealed = Buffer.concat([iv, cipher.update(secret, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `${SEALED_PREFIX}${sealed.toString('base64')}`;
}

/** The secret; throws when it was sealed with another key or for another account, or changed. */
export function openTotpSecret(key: TotpSecretKey, accountId: string, stored: string): string {
  if (!stored.startsWith(SEALED_PREFIX)) throw new Error(`the TOTP secret of account ${accountId} is not sealed`);
  const sealed = Buffer.from(stored.slice(SEALED_PREFIX.length), 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12)).setAAD(Buffer.from(accountId));
  decipher.setAuthTag(sealed.subarray(sealed.length - 16));
  return Buffer.concat([decipher.update(sealed.subarray(12, sealed.length - 16)), decipher.final()]).toString('utf8');
}

/** Seals the secrets stored in plain text by earlier versions; returns how many. */
export async function sealPlainTotpSecrets(db: Kysely<Database>, key: TotpSecretKey): Promise<number> {
  const plain = await accountsWithPlainTotpSecret(db, SEALED_PREFIX);
  for (const { id, totpSecret } of plain) await updateAccount(db, id, { totpSecret: sealTotpSecret(key, id, totpSecret) });
  return plain.length;
}
