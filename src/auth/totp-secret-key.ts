/**
 * TOTP secrets are stored encrypted (AES-256-GCM) with a key kept outside the database, beside the audit
 * trail's signing key: a copy of the database alone does not give away anyone's second factor. The
 * account's id is the associated data, so a secret moved to another account does not open there. The
 * answers kept for an Idempotency-Key are sealed with it too: a new account's answer holds its secret.
 */
import { createCipheriv, createDecipheriv, createSecretKey, randomBytes } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { createFileOnce } from '../audit/checkpoints.ts';
import {
  accountsWithPlainTotpSecret,
  countAccountsWithSealedTotpSecret,
  lockAccountsWithSealedTotpSecret,
  updateAccount,
  type StoredAccount,
} from '../db/repositories/accounts.ts';
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

/** The key file holds no key of 32 bytes (damaged, or not a key); the message says what to do. */
export class TotpSecretKeyDamagedError extends StartRefusedError {}

/**
 * The key in `directory`, made (readable by its owner only) when there is none and the database holds no
 * secret sealed with a key: a new key would open none of them, and the secrets of accounts enrolled with
 * it would not open once the old key is put back.
 */
export async function openTotpSecretKey(directory: string, db: Kysely<Database>): Promise<TotpSecretKey> {
  await mkdir(directory, { recursive: true, mode: 0o700 });
  const kept = await readTotpSecretKey(directory);
  if (kept) return kept;
  const path = totpSecretKeyFile(directory);
  const sealed = await countSealedTotpSecrets(db);
  if (sealed > 0) throw new TotpSecretKeyMissingError(totpSecretKeyMissing(path, sealed));
  // Another process may make the file first: the key is then the one it wrote.
  return keyIn(path, await createFileOnce(path, newTotpSecretKey().fileText, 0o600));
}

/** The key in `directory`; undefined when its file is missing. */
export async function readTotpSecretKey(directory: string): Promise<TotpSecretKey | undefined> {
  const path = totpSecretKeyFile(directory);
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  return text === undefined ? undefined : keyIn(path, text);
}

export function totpSecretKeyFile(directory: string): string {
  return join(directory, TOTP_SECRET_KEY_FILE);
}

/** A new key, and its file's text. */
export function newTotpSecretKey(): { key: TotpSecretKey; fileText: string } {
  const key = randomBytes(32);
  return { key, fileText: `${key.toString('base64')}\n` };
}

function keyIn(path: string, text: string): TotpSecretKey {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32) {
    throw new TotpSecretKeyDamagedError(
      `${path} does not hold a key of 32 bytes: put the kept key back, or, if it is lost, ` +
        'give every account with a second factor a new one with account new-second-factor --all-sealed.',
    );
  }
  return key;
}

/** Accounts whose second factor is sealed with the key (a restore says when the key is needed). */
export function countSealedTotpSecrets(db: Kysely<Database>): Promise<number> {
  return countAccountsWithSealedTotpSecret(db, SEALED_PREFIX);
}

/** The accounts whose second factor is sealed with a key, locked for a change. */
export function lockSealedTotpSecrets(db: Kysely<Database>): Promise<StoredAccount[]> {
  return lockAccountsWithSealedTotpSecret(db, SEALED_PREFIX);
}

/** What to do when the key file is not there; one line, for the operator. */
export function totpSecretKeyMissing(path: string, accounts: number): string {
  return (
    `${path} is missing and ${accounts} account${accounts === 1 ? ' has its' : 's have their'} second factor sealed with it: ` +
    'put the key back from where you keep it (a backup leaves it out; README, "Backup and restore"), or, if it is lost, ' +
    'give every such account a new second factor with account new-second-factor --all-sealed (each person then enrols again). ' +
    'Without it the server does not start, as second-factor logins cannot be checked.'
  );
}

/**
 * Text sealed with the key (AES-256-GCM), bound to `boundTo` as associated data: it opens only with the
 * same key for the same binding, unchanged. A TOTP secret is bound to its account's id.
 */
export function sealWithKey(key: TotpSecretKey, boundTo: string, text: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', cipherKeyOf(key), iv).setAAD(Buffer.from(boundTo));
  const sealed = Buffer.concat([iv, cipher.update(text, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `${SEALED_PREFIX}${sealed.toString('base64')}`;
}

/** `derive` made once per server key and kept as long as the key is (a key made anew gets its own). */
export function derivedOncePerKey<Derived extends object>(derive: (key: TotpSecretKey) => Derived): (key: TotpSecretKey) => Derived {
  const derived = new WeakMap<TotpSecretKey, Derived>();
  return (key) => {
    let found = derived.get(key);
    if (!found) {
      found = derive(key);
      derived.set(key, found);
    }
    return found;
  };
}

/** A cipher given the key's bytes made a key object of its own: two thirds of sealing an answer. */
const cipherKeyOf = derivedOncePerKey((key) => createSecretKey(key));

/** The text sealWithKey sealed; throws when it was sealed with another key or for another binding, or changed. */
export function openSealed(key: TotpSecretKey, boundTo: string, stored: string): string {
  if (!stored.startsWith(SEALED_PREFIX)) throw new Error(`the text bound to ${boundTo} is not sealed`);
  const sealed = Buffer.from(stored.slice(SEALED_PREFIX.length), 'base64');
  const decipher = createDecipheriv('aes-256-gcm', cipherKeyOf(key), sealed.subarray(0, 12)).setAAD(Buffer.from(boundTo));
  decipher.setAuthTag(sealed.subarray(sealed.length - 16));
  return Buffer.concat([decipher.update(sealed.subarray(12, sealed.length - 16)), decipher.final()]).toString('utf8');
}

/** The account's TOTP secret; undefined when it does not open with the key (sealed with another key, or changed). */
export function openedTotpSecret(key: TotpSecretKey, account: StoredAccount): string | null | undefined {
  if (!account.totpSecret) return null;
  try {
    return openSealed(key, account.id, account.totpSecret);
  } catch {
    return undefined;
  }
}

/** Seals the secrets stored in plain text by earlier versions; returns how many. */
export async function sealPlainTotpSecrets(db: Kysely<Database>, key: TotpSecretKey): Promise<number> {
  const plain = await accountsWithPlainTotpSecret(db, SEALED_PREFIX);
  for (const { id, totpSecret } of plain) await updateAccount(db, id, { totpSecret: sealWithKey(key, id, totpSecret) });
  return plain.length;
}
