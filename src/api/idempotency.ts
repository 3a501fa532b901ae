import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import canonicalize from 'canonicalize';
import { sha256Hex } from '../audit/event.ts';
import { typedDatabaseError, UniqueViolationError } from '../db/errors.ts';
import * as requests from '../db/repositories/idempotency.ts';
import type { Database } from '../db/schema.ts';
import type { ApiEnv } from './context.ts';
import { problem } from './problem.ts';

export interface CreatedResponse<T> {
  status: 201;
  headers: Record<string, string>;
  body: T;
}

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
/**
 * How long a key is remembered: long enough for any retry, short enough that stored answers (an account's
 * one-time TOTP secret among them) do not stay in the database.
 */
const KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;

/**
 * Runs a create at most once per Idempotency-Key (per account): the result is stored with the key in
 * the create's own transaction, a replay of the same request gets the first answer and creates
 * nothing, the same key with another request gets 422. Without the header the create just runs.
 */
export async function createOnce<T>(
  c: Context<ApiEnv>,
  db: Kysely<Database>,
  body: unknown,
  create: (trx: Kysely<Database>) => Promise<CreatedResponse<T>>,
) {
  const key = c.req.header('idempotency-key');
  if (key === undefined) return respond(c, await db.transaction().execute(create));
  if (!KEY_PATTERN.test(key)) return problem(c, 400, { code: 'invalidIdempotencyKey' });
  const accountId = c.get('principal')!.accountId;
  const fingerprint = sha256Hex(`${c.req.method} ${c.req.path}\n${canonicalize(body) ?? ''}`);

  for (let attempt = 0; ; attempt += 1) {
    try {
      const now = c.get('deps').clock();
      const outcome = await db.transaction().execute(async (trx) => {
        await requests.deleteIdempotentRequestsBefore(trx, new Date(now.getTime() - KEY_LIFETIME_MS).toISOString());
        const earlier = await requests.findIdempotentRequest(trx, accountId, key);
        if (earlier) return { earlier };
        const created = await create(trx);
        const stored = { status: created.status, headers: created.headers, body: JSON.stringify(created.body) };
        await requests.insertIdempotentRequest(trx, { accountId, key, fingerprint, ...stored, createdAt: now.toISOString() });
        return { created };
      });
      if (outcome.created) return respond(c, outcome.created);
      const earlier = outcome.earlier!;
      if (earlier.fingerprint !== fingerprint) return problem(c, 422, { code: 'idempotencyKeyReused' });
      c.header('Idempotent-Replayed', 'true');
      return replay<T>(c, earlier);
    } catch (error) {
      // Two requests with the same key at once: the one that lost the race answers as a replay. It loses
      // either on the key itself (a unique violation) or on what the winner created: its own checks (a
      // username taken) see the winner's rows once they are committed, and with them the winner's key.
      if (attempt === 0 && (typedDatabaseError(error) instanceof UniqueViolationError || (await requests.findIdempotentRequest(db, accountId, key)))) {
        continue;
      }
      throw error;
    }
  }
}

function respond<T>(c: Context, created: CreatedResponse<T>) {
  return c.json(created.body, created.status, created.headers);
}

/**
 * The first answer again, byte for byte as it was sent (stored with the key). It was the create's own
 * answer, so it is typed as one; only its type is asserted, the bytes are the ones already sent once.
 */
function replay<T>(c: Context, earlier: { headers: Record<string, string>; body: string }) {
  const response: Response = c.body(earlier.body, 201, { ...earlier.headers, 'Content-Type': 'application/json' });
  return response as Response & ReturnType<typeof respond<T>>;
}
