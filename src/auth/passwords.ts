import { hash, verify } from '@node-rs/argon2';

/** Argon2id with the parameters OWASP recommends (19 MiB, 2 passes, 1 lane): the library's defaults, stated. */
const ARGON2ID = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

const MINIMUM_PASSWORD_LENGTH = 12;
const MAXIMUM_PASSWORD_LENGTH = 256;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID);
}

/** A hash of nothing anyone knows: checking against it costs what a real check costs. */
const unknownAccountHash = hashPassword(crypto.randomUUID());

/**
 * Whether the password matches. Without a stored hash (no such account, or one without a password) the
 * check still takes as long, so that timing does not tell which usernames exist.
 */
export async function passwordMatches(storedHash: string | null, password: string): Promise<boolean> {
  if (password.length > MAXIMUM_PASSWORD_LENGTH) return false;
  const matches = await verify(storedHash ?? (await unknownAccountHash), password).catch(() => false);
  return storedHash !== null && matches;
}

/** Length is what makes a password strong (NIST SP 800-63B): at least 12 characters, any characters. */
export function passwordViolation(password: string): 'passwordTooShort' | 'passwordTooLong' | null {
  const length = [...password].length;
  if (length < MINIMUM_PASSWORD_LENGTH) return 'passwordTooShort';
  if (length > MAXIMUM_PASSWORD_LENGTH) return 'passwordTooLong';
  return null;
}
