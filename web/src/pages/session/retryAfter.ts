import type { ApiError } from '../../api/client.ts';

/** The whole minutes to wait after too many wrong passwords, as the answer's Retry-After says (a quarter of an hour, the longest wait, where it does not). */
export function minutesToWait(error: ApiError): number {
  const seconds = Number(error.headers.get('Retry-After'));
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds / 60) : 15;
}
