import { z } from '@hono/zod-openapi';
import { ValidationError, type ExpectedVersion } from '../register/errors.ts';

/** The request header of a change to a versioned object. */
export const ifMatchHeader = z.object({
  'if-match': z.string().optional().openapi({
    description:
      'Required: the ETag of the version the change is based on (428 without it, 412 when stale); `*` for whatever version the ' +
      'object has, or a list of ETags of which one must be current. A weak ETag never matches',
  }),
});

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
