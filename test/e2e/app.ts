/**
 * The real server for end-to-end tests: in-memory PGlite with the demonstration register, serving the
 * built browser application (npm run build:web), one per test file.
 */
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startServer, type RunningServer } from '../../src/server.ts';

const BUILT_PAGE = new URL('../../dist/web/index.html', import.meta.url);

export type Language = 'nl' | 'en';

/** Starts the server before the suite's tests and stops it after them. */
export function useServer(): () => RunningServer {
  let server: RunningServer | undefined;
  beforeAll(async () => {
    if (!existsSync(BUILT_PAGE)) throw new Error('the browser application is not built: run `npm run build:web` first');
    server = await startServer({ port: 0, database: {}, demonstrationData: true });
  });
  afterAll(async () => {
    await server?.close();
  });
  return () => {
    if (!server) throw new Error('the server runs only while the tests and hooks run');
    return server;
  };
}

/** Calls the API directly, to set up or check what the browser did. */
export async function api<T>(server: RunningServer, path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`${server.url}/api/v1${path}`, {
    ...init,
    headers: { 'Content-Type': 'application/json', ...init.headers },
  });
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${await response.text()}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

export async function deliveryCount(server: RunningServer): Promise<number> {
  return (await api<{ total: number }>(server, '/deliveries?pageSize=1')).total;
}

export async function findDeliveryId(server: RunningServer, q: string): Promise<string> {
  const { items } = await api<{ items: { id: string }[] }>(server, `/deliveries?q=${encodeURIComponent(q)}`);
  if (!items[0]) throw new Error(`no delivery matches ${q}`);
  return items[0].id;
}

/** A page whose application starts in the given language, as if the user had chosen it before. */
export async function openPageIn(browser: Browser, language: Language): Promise<Page> {
  const context = await browser.newContext();
  await context.addInitScript((chosen) => {
    if (!localStorage.getItem('steunregister.language')) localStorage.setItem('steunregister.language', chosen);
  }, language);
  return context.newPage();
}

/** Opens a path and waits until the page has loaded what it asked the API for. */
export async function visit(page: Page, server: RunningServer, path: string): Promise<void> {
  await page.goto(server.url + path, { waitUntil: 'networkidle' });
  await page.locator('main h1').waitFor();
}
