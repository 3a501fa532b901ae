/**
 * The way out when the key the TOTP secrets are sealed with is lost: a new key, and a new secret under it
 * for every account that has a sealed one, after which each person enrols again and the server starts.
 */
import { mkdir, unlink, writeFile } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import { moveIntoPlace } from '../audit/checkpoints.ts';
import type { RequestContext } from '../audit/trail.ts';
import type { StoredAccount } from '../db/repositories/accounts.ts';
import type { Database } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { renewSecondFactor, type NewSecondFactor } from './accounts.ts';
import { lockSealedTotpSecrets, newTotpSecretKey, openedTotpSecret, readTotpSecretKey, totpSecretKeyFile, TotpSecretKeyDamagedError, type TotpSecretKey } from './totp-secret-key.ts';

/** The key is not lost (or there is nothing sealed with one): the message says what to do instead. */
export class TotpSecretKeyNotLostError extends Error {}

const ONE_ACCOUNT = 'account new-second-factor --name <username>';

/**
 * Only when the key file in `directory` is missing, damaged, or holds a key that opens none of the sealed secrets:
 * a new key, and for every account with a sealed secret a new one sealed with it, in one transaction. The
 * key is written aside first and moved into place once the secrets sealed with it are committed, so that
 * a refusal or a failure leaves the key file and the secrets as they were.
 */
export async function replaceLostTotpSecretKey(db: Kysely<Database>, context: RequestContext, directory: string): Promise<{ keyFile: string; renewed: NewSecondFactor[] }> {
  const keyFile = totpSecretKeyFile(directory);
  // A damaged key file opens no secret either.
  const current = await readTotpSecretKey(directory).catch((error: unknown) => {
    if (error instanceof TotpSecretKeyDamagedError) return undefined;
    throw error;
  });
  await mkdir(directory, { recursive: true, mode: 0o700 });
  const aside = `${keyFile}.${process.pid}.tmp`;
  const { key, fileText } = newTotpSecretKey();
  await writeFile(aside, fileText, { mode: 0o600, flush: true });
  let renewed: NewSecondFactor[];
  try {
    renewed = await inTransaction(db, async (trx) => {
      const sealed = await lockSealedTotpSecrets(trx);
      refuseUnlessLost(keyFile, current, sealed);
      const given: NewSecondFactor[] = [];
      for (const account of sealed) given.push(await renewSecondFactor(trx, context, account, key, { keyLost: true }));
      return given;
    });
  } catch (error) {
    await unlink(aside);
    throw error;
  }
  await moveIntoPlace(aside, keyFile);
  return { keyFile, renewed };
}

function refuseUnlessLost(keyFile: string, key: TotpSecretKey | undefined, sealed: readonly StoredAccount[]): void {
  if (sealed.length === 0) throw new TotpSecretKeyNotLostError('No account has a second factor sealed with a key: there is nothing to give anew.');
  if (key === undefined) return;
  const unreadable = sealed.filter((account) => openedTotpSecret(key, account) === undefined);
  if (unreadable.length === sealed.length) return;
  if (unreadable.length === 0) {
    throw new TotpSecretKeyNotLostError(
      `${keyFile} opens the second factor of every account that has one: it is not lost. Give one account a new second factor with ${ONE_ACCOUNT}.`,
    );
  }
  throw new TotpSecretKeyNotLostError(
    `${keyFile} opens the second factor of ${sealed.length - unreadable.length} of ${sealed.length} accounts: it is not lost. ` +
      `Give those whose it does not open (${unreadable.map((account) => account.username).join(', ')}) a new second factor with ${ONE_ACCOUNT}.`,
  );
}
