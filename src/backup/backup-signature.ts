/**
 * The signature of a backup: the Ed25519 key of the audit checkpoints signs a text naming the backup's
 * moment, the SHA-256 of its database and of each audit file, so that a row changed in `database.tar`
 * and packed again no longer restores. The private key stays out of the backup: whoever has the file
 * could otherwise sign a changed copy. Checked against a public key kept apart from the file, the
 * signature shows the content is the register's; against the key the file itself carries, only that it is whole.
 */
import { createHash, sign, verify, type KeyObject } from 'node:crypto';
import type { ReadableStream } from 'node:stream/web';

const SIGNATURE_FORMAT = 'steunregister-backup-signature/1';

export interface SignedContent {
  createdAt: string;
  lastAuditSeq: number;
  database: Blob;
  audit: Record<string, Uint8Array>;
}

/** The exact text that is signed: fixed lines, the first naming the format, the audit files by name. */
async function backupText(content: SignedContent): Promise<string> {
  const database = createHash('sha256');
  for await (const chunk of content.database.stream() as ReadableStream<Uint8Array>) database.update(chunk);
  const audit = Object.entries(content.audit)
    .toSorted(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, bytes]) => `audit ${name} sha256 ${createHash('sha256').update(bytes).digest('hex')}\n`);
  return `${SIGNATURE_FORMAT}\ncreated ${content.createdAt}\nlast audit event ${content.lastAuditSeq}\ndatabase sha256 ${database.digest('hex')}\n${audit.join('')}`;
}

/** The signature, base64. */
export async function signBackup(content: SignedContent, privateKey: KeyObject): Promise<string> {
  return sign(null, Buffer.from(await backupText(content), 'utf8'), privateKey).toString('base64');
}

export async function hasValidBackupSignature(content: SignedContent, signature: string, publicKey: KeyObject): Promise<boolean> {
  return verify(null, Buffer.from(await backupText(content), 'utf8'), publicKey, Buffer.from(signature, 'base64'));
}
