import type { Kysely } from 'kysely';
import type { AuditObject } from '../audit/event.ts';
import type { AuditReason } from '../audit/reasons.ts';
import { recordAuditEvent, type RequestContext } from '../audit/trail.ts';
import type { AuditAction } from '../../common/vocabulary/codes.ts';
import * as failures from '../db/repositories/login-failures.ts';
import type { Database } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { addressNetwork } from './address-network.ts';
import { LoginThrottledError } from './errors.ts';

type Db = Kysely<Database>;

/**
 * Guessing a password is slowed down per username and address together, so that guesses from elsewhere
 * never keep a person out: after FREE_FAILURES failures in a row, each next attempt from that address
 * waits, 30 seconds after the last failure and twice as long after each further one, up to a quarter of an
 * hour. An address is also held up after MAX_FAILURES_PER_ORIGIN failures, whatever the usernames, within
 * THROTTLE_WINDOW_MS. A right password forgets the failures of its username and address; a password an
 * administrator sets forgets those of its username from every address; any failure is forgotten after a
 * day. A login and the change of one's own password (which asks for the current one) are guesses alike.
 */
export const FREE_FAILURES = 5;
const FIRST_WAIT_MS = 30 * 1000;
const LONGEST_WAIT_MS = 15 * 60 * 1000;
const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ORIGIN = 20;
const FAILURE_MEMORY_MS = 24 * 60 * 60 * 1000;

/** A guess at the password of a username, and how the audit trail records its refusal. */
export interface Guess {
  username: string;
  action: AuditAction;
  object: AuditObject;
}

/**
 * Counts this attempt as a failure before the password is checked, unless the throttling rules make it
 * wait (LoginThrottledError); a right password takes it back (forgetGuesses). Counting and recording are
 * one step per address: guesses sent all at once are held to the same limits as guesses sent one after
 * another. A refusal is recorded too.
 */
export async function claimGuess(db: Db, context: RequestContext, guess: Guess): Promise<void> {
  const now = context.now();
  const network = addressNetwork(context.origin);
  const waitMs = await inTransaction(db, async (trx) => {
    await failures.lockLoginsFrom(trx, network);
    await failures.forgetLoginFailuresBefore(trx, new Date(now.getTime() - FAILURE_MEMORY_MS).toISOString());
    const freeAt = await throttledUntil(trx, guess.username, network, now);
    if (freeAt <= now.getTime()) {
      await failures.recordLoginFailure(trx, guess.username, network, now.toISOString());
      return 0;
    }
    await recordAuditEvent(trx, context, { action: guess.action, object: guess.object, result: 'denied', detail: { reason: 'throttled' satisfies AuditReason } });
    return freeAt - now.getTime();
  });
  if (waitMs > 0) throw new LoginThrottledError(Math.max(1, Math.ceil(waitMs / 1000)));
}

/** The password was right: the failures of the username from this address are forgotten (in the caller's transaction). */
export async function forgetGuesses(db: Db, context: RequestContext, username: string): Promise<void> {
  await failures.clearLoginFailures(db, username, addressNetwork(context.origin));
}

/**
 * An administrator set a new password: the failures of the username from every address are forgotten (in the
 * caller's transaction), so that a holder who locked themselves out logs in with it at once, wherever from.
 * They were guesses at a password that no longer holds; those at other usernames stay counted.
 */
export async function forgetGuessesFromEverywhere(db: Db, username: string): Promise<void> {
  await failures.clearLoginFailuresOfUsername(db, username);
}

/** The moment the next attempt for this username from this address's network may be made (milliseconds). */
async function throttledUntil(db: Db, username: string, origin: string | null, now: Date): Promise<number> {
  const ofUsername = await failures.failuresOfUsernameFrom(db, username, origin, new Date(now.getTime() - FAILURE_MEMORY_MS).toISOString());
  const usernameFreeAt = ofUsername.count >= FREE_FAILURES ? Date.parse(ofUsername.last!) + waitAfter(ofUsername.count) : 0;
  if (origin === null) return usernameFreeAt;
  // A failure counts for the window and no longer: at its end, the moment Retry-After names, it is out.
  // Failures are stored to the millisecond, so the window starts one millisecond after now − window.
  const fromOrigin = await failures.failuresFrom(db, origin, new Date(now.getTime() - THROTTLE_WINDOW_MS + 1).toISOString());
  const originFreeAt = fromOrigin.count >= MAX_FAILURES_PER_ORIGIN ? Date.parse(fromOrigin.oldest!) + THROTTLE_WINDOW_MS : 0;
  return Math.max(usernameFreeAt, originFreeAt);
}

function waitAfter(failureCount: number): number {
  return Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS * 2 ** (failureCount - FREE_FAILURES));
}
