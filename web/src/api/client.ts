import { parseExactJson } from '../../../common/exact-json.ts';
import { currentLanguage } from '../i18n/index.ts';
import type { Problem } from './types.ts';

const BASE = '/api/v1';

/** A response the API refused, with its problem+json body (RFC 9457). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  readonly headers: Headers;

  constructor(status: number, problem: Problem, headers: Headers = new Headers()) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
    this.headers = headers;
  }
}

export function isApiError(error: unknown, status: number): error is ApiError {
  return error instanceof ApiError && error.status === status;
}

/**
 * Whether the API refused because the record the address names does not exist: not found, or an `id`
 * that cannot be one (a mistyped or cut-off link), which the API refuses as invalid input.
 */
export function namesNothing(error: unknown): boolean {
  if (isApiError(error, 404)) return true;
  const params = isApiError(error, 400) ? (error.problem.invalidParams ?? []) : [];
  return params.length > 0 && params.every((param) => param.name === 'id');
}

export interface ApiResponse<T> {
  data: T;
  etag: string | null;
}

/** The ETag of an object's version, as a list of objects shows only the version of each. */
export function versionTag(version: number): string {
  return `"${version}"`;
}

/** The ETag to send with If-Match; the version stands in when a proxy dropped the header. */
export function etagOf(response: ApiResponse<{ version: number }>): string {
  return response.etag ?? versionTag(response.data.version);
}

interface CommonOptions {
  body?: unknown;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

/**
 * A change to something that exists names the version it is based on: the API refuses it otherwise (428).
 * An action on an existing thing (finalising a letter) may name it too.
 */
type RequestOptions = CommonOptions &
  ({ method?: 'GET'; ifMatch?: undefined } | { method: 'POST'; ifMatch?: string } | { method: 'PUT' | 'PATCH' | 'DELETE'; ifMatch: string });

type Listener = () => void;
const sessionEndedListeners = new Set<Listener>();

/**
 * Called whenever the API answers 401 to anything but the session itself: the session ended (it
 * expired, or was ended elsewhere) and the user has to log in again.
 */
export function onSessionEnded(listener: Listener): () => void {
  sessionEndedListeners.add(listener);
  return () => sessionEndedListeners.delete(listener);
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const response = await send(path, options, 'application/json, application/problem+json');
  return { data: parseJson(await response.text()) as T, etag: response.headers.get('ETag') };
}

/** A request whose answer is a document (HTML) rather than JSON; a refusal is still problem+json. */
export async function requestText(path: string, options: RequestOptions = {}): Promise<string> {
  return (await send(path, options, 'text/html, application/problem+json')).text();
}

/** A request whose answer is a file to save (a spreadsheet): its bytes and the name the API gives it. */
export async function requestFile(path: string, options: RequestOptions = {}): Promise<{ blob: Blob; fileName: string | null }> {
  const response = await send(path, options, '*/*');
  const fileName = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? null;
  return { blob: await response.blob(), fileName };
}

async function send(path: string, options: RequestOptions, accept: string): Promise<Response> {
  const headers: Record<string, string> = {
    Accept: accept,
    'Accept-Language': currentLanguage(),
    ...options.headers,
  };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.ifMatch !== undefined) headers['If-Match'] = options.ifMatch;

  const response = await fetch(BASE + path, {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: options.signal,
    credentials: 'same-origin',
  });
  if (!response.ok) {
    if (response.status === 401 && path !== '/session') sessionEndedListeners.forEach((listener) => listener());
    throw new ApiError(response.status, (parseJson(await response.text()) ?? {}) as Problem, response.headers);
  }
  return response;
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return parseExactJson(text);
  } catch {
    return undefined;
  }
}
