import type { Kysely } from 'kysely';
import { parseExactJson } from '../../common/exact-json.ts';
import { createApi, type ApiOptions } from '../../src/api/app.ts';
import type { Role } from '../../src/domain/access.ts';
import type { Database } from '../../src/db/schema.ts';
import { sessionCookieFor } from '../support/sessions.ts';

export interface ApiResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON (an integer beyond 2^53 as a BigInt, as the browser reads it), or the text of any other body (renderings, CSV, CSS). */
  body: any;
}

export type ApiCall = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<ApiResponse>;

/**
 * Calls the API in-process, the way an HTTP client would: anonymously, or, with a role, in a session of
 * a fresh account with that role (opened with the second factor unless told otherwise).
 */
export function apiClient(
  db: Kysely<Database>,
  options: { role?: Role; secondFactor?: boolean; api?: ReturnType<typeof createApi> } & Partial<ApiOptions> = {},
): ApiCall {
  const api = options.api ?? createApi({ db, onError: (error) => { throw error; }, ...(options.clock ? { clock: options.clock } : {}) });
  let cookie: Promise<string> | undefined;
  return async (method, path, body, headers = {}) => {
    // Opened at the clock's time, so that a clock ahead of the machine's finds the session still open.
    if (options.role) cookie ??= sessionCookieFor(db, options.role, { secondFactor: options.secondFactor ?? true, ...(options.clock ? { now: options.clock() } : {}) });
    const response = await api.request(path, {
      method,
      headers: {
        ...(options.role ? { Cookie: await cookie! } : {}),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: typeof body === 'string' || body instanceof Uint8Array ? (body as BodyInit) : JSON.stringify(body) }),
    });
    const text = await response.text();
    const isJson = /json/.test(response.headers.get('content-type') ?? '');
    return { status: response.status, headers: response.headers, body: !text ? undefined : isJson ? parseExactJson(text) : text };
  };
}
