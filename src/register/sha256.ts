/** The SHA-256 digest of bytes, in hex: what an import names its file and the rows of other domains by. */
import { createHash } from 'node:crypto';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
