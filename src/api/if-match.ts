import { z } from '@hono/zod-openapi';
import { ValidationError } from '../register/errors.ts';

/** The request header of a change to a versioned object. */
export const ifMatchHeader = z.object({
  'if-match': z.string().optional().openapi({
    description: 'Required: the ETag of the version the change is based on (428 without it, 412 when stale)',
  }),
});

/** The ETag of a version of an object. */
export const etag = (version: number) => `"${version}"`;

/** A version no object ever has: what a weak tag names under the strong comparison If-Match uses (RFC 9110). */
const NO_VERSION = -1;

/**
 * The version named by an If-Match header, e.g. `"3"`; undefined when there is none (the caller answers
 * 428). A weak tag never matches, so it names no version and the change gets 412.
 */
export function versionInIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const match = /^\s*(W\/)?"(\d+)"\s*$/.exec(header);
  if (!match) throw new ValidationError([{ field: 'If-Match', code: 'invalidIfMatch' }]);
  return match[1] ? NO_VERSION : Number(match[2]);
}
