import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { ValidationError, type ExpectedVersion } from '../register/errors.ts';
import type { ApiEnv } from './context.ts';
import { createIdempotently } from './idempotency.ts';
import { idempotencyKey } from './openapi-common.ts';

/** The request header of a change to a versioned object. */
export const ifMatchHeader = z.object({
  'if-match': z.string().optional().openapi({
    description:
      'Required: the ETag of the version the change is based on (428 without it, 412 when stale); `*` for whatever version the ' +
      'object has, or a list of ETags of which one must be current. A weak ETag never matches',
  }),
});

/**
 * The request headers of an entry added to an object's history. If-Match is optional there: the entry
 * replaces nothing and is checked against the latest one anyway, but a client that read the history can
 * send its ETag (the history's `version`: how many entries it had) to be refused (412) when someone added
 * to it since.
 */
export const historyEntryHeaders = idempotencyKey.extend({
  'if-match': z.string().optional().openapi({
    description:
      'Optional: the ETag of the history the entry is added to (its `version`); 412 when someone added to it since. ' +
      '`*` or a list of ETags as for other changes; a weak ETag never matches',
  }),
});

/** The version of an object's history, as the object shows it: how many entries the history has. */
export const historyVersion = z
  .number()
  .int()
  .openapi({ description: 'The version of its history (how many entries it has): its ETag, to send as If-Match with the next entry' });

/** The ETag of a version of an object. */
export const etag = (version: number) => `"${version}"`;

const MEMBER = /^(W\/)?"(\d+)"$/;

/**
 * What an If-Match header asks (RFC 9110 §13.1.1): `*`, whatever version the object has, or the versions its
 * strong tags name; undefined when there is none (a change that needs one answers 428). A weak tag never
 * matches under the strong comparison If-Match uses, so it names no version: only weak tags get 412.
 */
export function versionsInIfMatch(header: string | undefined): ExpectedVersion | undefined {
  if (header === undefined) return undefined;
  if (header.trim() === '*') return '*';
  // A list may hold empty members (RFC 9110 §5.6.1), but not only those.
  const members = header.split(',').map((member) => member.trim()).filter((member) => member !== '');
  const tags = members.map((member) => MEMBER.exec(member));
  if (tags.length === 0 || tags.some((tag) => tag === null)) throw new ValidationError([{ field: 'If-Match', code: 'invalidIfMatch' }]);
  return tags.flatMap((tag) => (tag![1] ? [] : [Number(tag![2])]));
}

/**
 * Adds an entry to an object's history, once per Idempotency-Key; with If-Match only while the history is at a
 * version it names. Answers 201 with the history's new version as ETag.
 */
export function addToHistory<Schema extends z.ZodType<object>>(
  c: Context<ApiEnv>,
  schemas: { request: unknown; response: Schema },
  add: (trx: Kysely<Database>, expected: ExpectedVersion | undefined) => Promise<{ version: number; body: z.input<Schema> }>,
) {
  const expected = versionsInIfMatch(c.req.header('if-match'));
  return createIdempotently(c, schemas, async (trx) => {
    const { version, body } = await add(trx, expected);
    return { headers: { ETag: etag(version) }, body };
  });
}
