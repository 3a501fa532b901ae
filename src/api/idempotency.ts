import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import { createHmac, createSecretKey, hkdfSync } from 'node:crypto';
import { derivedOncePerKey, openSealed, sealWithKey, type TotpSecretKey } from '../auth/totp-secret-key.ts';
import { canonicalJson } from '../canonical-json.ts';
import { typedDatabaseError, UniqueViolationError } from '../db/errors.ts';
import * as requests from '../db/repositories/idempotency.ts';
import type { KeyToStore } from '../db/repositories/idempotency.ts';
import type { Database } from '../db/schema.ts';
import type { ApiEnv } from './context.ts';
import { answerLanguage } from './language.ts';
import { reason } from './messages.ts';
import { problem } from './problem.ts';

/** What a create answers with 201: its body, as the response schema takes it, and headers such as Location. */
interface Created<Body> {
  headers?: Record<string, string>;
  body: Body;
}

/**
 * A create whose answer is known before it writes and which writes in one statement (a delivery with its
 * audit event): `write` writes it with the key's record, if given, committed together. One statement is
 * atomic without a transaction, so the create and its key take one round trip, where BEGIN, the create,
 * the key and COMMIT took four.
 */
interface WrittenInOneStatement<Body> extends Created<Body> {
  write: (key: KeyToStore | undefined) => Promise<void>;
}

/** A create: one statement (WrittenInOneStatement), or any work in the transaction it is given, returning its answer. */
type Create<Body> = WrittenInOneStatement<Body> | ((trx: Kysely<Database>) => Promise<Created<Body>>);

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
/**
 * How long a key is remembered: long enough for any retry, short enough that stored answers (an account's
 * one-time TOTP secret among them) do not stay in the database.
 */
const KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;

/**
 * How often a create also removes the keys that expired: the removal reads every key stored (a day's), and
 * with every create it made each one as slow as the day was busy. A key expired and not yet removed is
 * removed when it is used again (findLiveIdempotentRequest).
 */
const EXPIRED_KEYS_REMOVED_EVERY_MS = 60 * 1000;
const expiredKeysLastRemoved = new WeakMap<Kysely<Database>, number>();

/** The moment before which keys expired, when it is time for a create to remove them; otherwise undefined. */
function expiredKeysToRemove(db: Kysely<Database>, now: Date): string | undefined {
  const last = expiredKeysLastRemoved.get(db);
  if (last !== undefined && Math.abs(now.getTime() - last) < EXPIRED_KEYS_REMOVED_EVERY_MS) return undefined;
  expiredKeysLastRemoved.set(db, now.getTime());
  return expiredBeforeAt(now);
}

const expiredBeforeAt = (now: Date) => new Date(now.getTime() - KEY_LIFETIME_MS).toISOString();

/**
 * Runs a create at most once per Idempotency-Key (per account): the answer is stored with the key in
 * the create's own transaction or statement, a replay of the same request gets the first answer and
 * creates nothing, the same key with another request gets 422. Without the header the create just runs. The
 * answer is checked against the response schema both times: what is stored is exactly the contract,
 * and what is read back from the database is checked before it is sent. Neither the request nor the
 * answer is kept readable: a new account's request holds its password and its answer its TOTP secret, so
 * the request is kept as an HMAC and the answer sealed, both with the server's key, which a copy of the
 * database (a backup) leaves out.
 */
export async function createIdempotently<Schema extends z.ZodType<object>>(
  c: Context<ApiEnv>,
  schemas: { request: unknown; response: Schema },
  create: Create<z.input<Schema>>,
) {
  const { db, totpKey } = c.get('deps');
  const checked = (created: Created<z.input<Schema>>) => ({ headers: created.headers ?? {}, body: schemas.response.parse(created.body) });
  type Answer = ReturnType<typeof checked>;
  /**
   * Runs the create and, given `stored`, stores the record it makes of the answer with it: both commit or
   * neither. Keys that expired before `expiredBefore`, if given, are removed with them.
   */
  const run = async (stored?: (answer: Answer) => KeyToStore): Promise<Answer> => {
    if (typeof create === 'function') {
      return db.transaction().execute(async (trx) => {
        const answer = checked(await create(trx));
        if (stored) {
          const { request, expiredBefore } = stored(answer);
          await requests.insertIdempotentRequest(trx, request, expiredBefore);
        }
        return answer;
      });
    }
    const answer = checked(create);
    await create.write(stored?.(answer));
    return answer;
  };

  const key = c.req.header('idempotency-key');
  if (key === undefined) {
    const created = await run();
    return c.json(created.body, 201, created.headers);
  }
  if (!KEY_PATTERN.test(key)) return problem(c, 400, { code: 'invalidIdempotencyKey', detail: reason(answerLanguage(c), 'invalidIdempotencyKey') });
  const accountId = c.get('principal')!.accountId;
  const fingerprint = fingerprintOf(totpKey, `${c.req.method} ${c.req.path}\n${canonicalJson(schemas.request) ?? ''}`);
  // The answer opens only for this account and key.
  const boundTo = `idempotent ${accountId} ${key}`;

  // A new key is the common case: the first attempt creates at once, and the key's unique index refuses a
  // key stored before (a replay, or two requests with the same key at once), rolling the create back. The
  // second attempt then reads what is stored under the key first.
  for (let attempt = 0; ; attempt += 1) {
    try {
      const now = c.get('deps').clock();
      const earlier = attempt === 0 ? undefined : await requests.findLiveIdempotentRequest(db, accountId, key, expiredBeforeAt(now));
      if (!earlier) {
        const created = await run((answer) => ({
          request: { accountId, key, fingerprint, status: 201, headers: answer.headers, body: sealWithKey(totpKey, boundTo, JSON.stringify(answer.body)), createdAt: now.toISOString() },
          expiredBefore: expiredKeysToRemove(db, now),
        }));
        return c.json(created.body, 201, created.headers);
      }
      if (earlier.fingerprint !== fingerprint) return problem(c, 422, { code: 'idempotencyKeyReused' });
      c.header('Idempotent-Replayed', 'true');
      return c.json(schemas.response.parse(JSON.parse(openSealed(totpKey, boundTo, earlier.body))), 201, earlier.headers);
    } catch (error) {
      // The create fails on the key itself (a unique violation), or, where the key was stored before, on what
      // that request created: its own checks (a username taken, a version moved on) see those rows, and with
      // them the key.
      if (attempt === 0 && (typedDatabaseError(error) instanceof UniqueViolationError || (await requests.findIdempotentRequest(db, accountId, key)))) {
        continue;
      }
      throw error;
    }
  }
}

/**
 * The fingerprint of a request: an HMAC (SHA-256) under a key derived from the server's, so that a copy
 * of the database cannot guess a password in it at the speed of a plain hash. A key made anew (a lost one)
 * fingerprints every request differently: a retry with a key kept before it gets 422, never a second create.
 */
function fingerprintOf(key: TotpSecretKey, request: string): string {
  return createHmac('sha256', fingerprintKeyOf(key)).update(request).digest('hex');
}

/** Derived once per server key: a derivation per request cost about a twentieth of a create's time in the server. */
const fingerprintKeyOf = derivedOncePerKey((key) => createSecretKey(Buffer.from(hkdfSync('sha256', key, '', 'steunregister idempotency fingerprint', 32))));
