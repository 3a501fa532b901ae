import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

/** Argon2id with the parameters OWASP recommends (19 MiB, 2 passes, 1 lane): the library's defaults, stated. */
const ARGON2ID = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** NIST SP 800-63B-4: at least 15 characters for a password that may be the only factor; at least 64 allowed. */
export const MINIMUM_PASSWORD_LENGTH = 15;
export const MAXIMUM_PASSWORD_LENGTH = 256;

/** The most used and most leaked passwords (about 49,000, from the zxcvbn project's lists), in lower case. */
const COMMON_PASSWORDS = new Set(dictionary['passwords-common']);
/** Runs of characters people type as a "password": counting, the alphabet, keyboard rows, either way. */
const SEQUENCES = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiopasdfghjklzxcvbnm', 'azertyuiopqsdfghjklmwxcvbn'].flatMap((run) => {
  const long = run.repeat(Math.ceil(MAXIMUM_PASSWORD_LENGTH / run.length) + 1);
  return [long, [...long].reverse().join('')];
});
const SYSTEM_NAME = 'steunregister';

/**
 * The one form a password is hashed, checked and judged in (NFKC, as NIST SP 800-63B asks): "é" typed as
 * one character or as "e" and an accent, as one keyboard or another sends it, is one password.
 */
function normalised(password: string): string {
  return password.normalize('NFKC');
}

export function hashPassword(password: string): Promise<string> {
  return hash(normalised(password), ARGON2ID);
}

/** A hash of nothing anyone knows: checking against it costs what a real check costs. */
const unknownAccountHash = hashPassword(crypto.randomUUID());

/**
 * Whether the password matches. Without a stored hash (no such account, or one without a password) the
 * check still takes as long, so that timing does not tell which usernames exist. A password hashed before
 * passwords were normalised matches also as it was typed then; whether that second check runs depends
 * only on the text sent, never on the account.
 */
export async function passwordMatches(storedHash: string | null, password: string): Promise<boolean> {
  const form = normalised(password);
  if (codePoints(form) > MAXIMUM_PASSWORD_LENGTH) return false;
  const checked = storedHash ?? (await unknownAccountHash);
  const matches = async (text: string) => verify(checked, text).catch(() => false);
  const either = (await matches(form)) || (form !== password && (await matches(password)));
  return storedHash !== null && either;
}

/** Whether two passwords are one, as they are hashed and checked. */
export function isSamePassword(one: string, other: string): boolean {
  return normalised(one) === normalised(other);
}

function codePoints(text: string): number {
  return [...text].length;
}

/**
 * What is wrong with a new password, after NIST SP 800-63B: too short or too long (any characters,
 * counted as code points; no rules of composition), or easy to guess: a common or leaked password
 * (also with digits or signs around it), one repeated piece, a run such as 12345… or qwerty…, or one
 * that holds the username or the system's name.
 */
export function passwordViolation(password: string, username: string): 'passwordTooShort' | 'passwordTooLong' | 'passwordCommon' | null {
  const form = normalised(password);
  const length = codePoints(form);
  if (length < MINIMUM_PASSWORD_LENGTH) return 'passwordTooShort';
  if (length > MAXIMUM_PASSWORD_LENGTH) return 'passwordTooLong';
  return isEasyToGuess(form.toLowerCase(), username.toLowerCase()) ? 'passwordCommon' : null;
}

function isEasyToGuess(password: string, username: string): boolean {
  const core = password.replace(/^[\d\W_]+|[\d\W_]+$/g, '');
  return (
    COMMON_PASSWORDS.has(password) ||
    COMMON_PASSWORDS.has(core) ||
    /^(.+)\1+$/su.test(password) ||
    SEQUENCES.some((run) => run.includes(password)) ||
    (username !== '' && password.includes(username)) ||
    password.includes(SYSTEM_NAME)
  );
}
