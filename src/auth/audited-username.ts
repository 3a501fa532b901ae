import { createHmac, createSecretKey, hkdfSync } from 'node:crypto';
import { derivedOncePerKey, type TotpSecretKey } from './totp-secret-key.ts';

/**
 * How the audit trail names the username a login was tried with: as typed where an account has it, and
 * otherwise by a digest under a key of the server's. A password typed into the username field by mistake
 * would stay readable in a trail that nothing can change or remove; the digest still shows one unknown name
 * tried again and again, and an operator with the key can check whether it was a name they suspect.
 */
export function auditedUsername(key: TotpSecretKey, typed: string, accountExists: boolean): string {
  if (accountExists) return typed;
  return `unknown-${createHmac('sha256', digestKeyOf(key)).update(typed).digest('hex').slice(0, 16)}`;
}

const digestKeyOf = derivedOncePerKey((key) => createSecretKey(Buffer.from(hkdfSync('sha256', key, '', 'steunregister unknown username', 32))));
