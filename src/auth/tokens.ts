import { hash, randomBytes } from 'node:crypto';

/** A session token: 128 random bits, URL-safe. */
export function newSessionToken(): string {
  return randomBytes(16).toString('base64url');
}

/** What the database keeps of a token. */
export function tokenHash(token: string): string {
  return hash('sha256', token, 'hex');
}
