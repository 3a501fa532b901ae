import type { Kysely } from 'kysely';
import { createApi } from '../../src/api/app.ts';
import type { Database } from '../../src/db/schema.ts';

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: any;
}

/** Calls the API in-process, the way an HTTP client would. */
export function apiClient(db: Kysely<Database>) {
  const api = createApi({ db, onError: (error) => { throw error; } });
  return async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse> => {
    const response = await api.request(path, {
      method,
      headers: body === undefined ? headers : { 'Content-Type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  };
}
