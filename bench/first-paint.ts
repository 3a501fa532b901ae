/**
 * How fast the dashboard shows in Chromium on localhost: the built application (npm run build:web) served by
 * the real server with the demonstration register, loaded logged in as the registrar, each load in a fresh
 * browser context (cold cache) and again in a context that loaded it once (warm cache). Per load: first paint,
 * first contentful paint, largest contentful paint, when the dashboard's heading is there and the bytes
 * transferred. The peer in the same run: an empty static page from a bare Node HTTP server.
 *
 *   npm run bench:first-paint            (20 loads of each kind)
 *   npm run bench:first-paint -- 50
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism, loadavg } from 'node:os';
import type { Browser, BrowserContext } from 'playwright-core';
import { SESSION_COOKIE } from '../src/api/access.ts';
import { startServer } from '../src/server.ts';
import { launchChromium } from '../test/support/chromium.ts';
import { sessionCookieFor } from '../test/support/sessions.ts';
import { timingOf } from './timing.ts';

const BUILT_PAGE = new URL('../dist/web/index.html', import.meta.url);
const LOADS = Number(process.argv[2] ?? 20);

/** What one load measured, in ms from the start of the navigation, and bytes over the wire. */
interface Load {
  firstPaint: number;
  firstContentfulPaint: number;
  largestContentfulPaint: number;
  /** The page's own h1 in main (for the dashboard: its heading, after the session check). */
  heading: number;
  staticBytes: number;
  apiBytes: number;
}

/** Records when the first h1 inside main appears and the largest contentful paint, from the first byte on. */
function observePage() {
  const seen = window as unknown as { headingAt?: number; lcpAt?: number };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) seen.lcpAt = entry.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  const look = () => {
    if (document.querySelector('main h1, body > h1')) seen.headingAt = performance.now();
    else requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}

async function measuredLoad(context: BrowserContext, url: string): Promise<Load> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.waitForFunction(() => 'headingAt' in window);
  const load = await page.evaluate(() => {
    const seen = window as unknown as { headingAt: number; lcpAt?: number };
    const paint = (name: string) => performance.getEntriesByName(name, 'paint')[0]?.startTime ?? Number.NaN;
    const navigation = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const bytes = (entries: PerformanceResourceTiming[]) => entries.reduce((sum, entry) => sum + entry.transferSize, 0);
    return {
      firstPaint: paint('first-paint'),
      firstContentfulPaint: paint('first-contentful-paint'),
      largestContentfulPaint: seen.lcpAt ?? Number.NaN,
      heading: seen.headingAt,
      staticBytes: bytes([...navigation, ...resources.filter((entry) => !new URL(entry.name).pathname.startsWith('/api/'))]),
      apiBytes: bytes(resources.filter((entry) => new URL(entry.name).pathname.startsWith('/api/'))),
    };
  });
  await page.close();
  return load;
}

async function newContext(browser: Browser, cookie: { name: string; value: string; url: string } | undefined): Promise<BrowserContext> {
  const context = await browser.newContext();
  await context.addInitScript(observePage);
  if (cookie) await context.addCookies([{ ...cookie, httpOnly: true, secure: true, sameSite: 'Strict' }]);
  return context;
}

/** LOADS cold loads (a new context each) and LOADS warm ones (one context that loaded the page before). */
async function measure(browser: Browser, url: string, cookie?: { name: string; value: string; url: string }): Promise<{ cold: Load[]; warm: Load[] }> {
  const cold: Load[] = [];
  for (let run = 0; run < LOADS; run++) {
    const context = await newContext(browser, cookie);
    cold.push(await measuredLoad(context, url));
    await context.close();
  }
  const context = await newContext(browser, cookie);
  await measuredLoad(context, url); // fills the cache, unmeasured
  const warm: Load[] = [];
  for (let run = 0; run < LOADS; run++) warm.push(await measuredLoad(context, url));
  await context.close();
  return { cold, warm };
}

function startPeer(): Promise<{ server: Server; url: string }> {
  const page = '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Leeg</title></head><body><main><h1>Leeg</h1></main></body></html>';
  const server = createServer((_request, response) => response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page));
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` })));
}

const ms = (value: number) => (Number.isNaN(value) ? '–' : value.toFixed(0));
const kilobytes = (value: number) => (value / 1024).toFixed(1);

function rows(name: string, cache: string, loads: Load[]): string {
  const metric = (pick: (load: Load) => number) => {
    const { medianMs, p95Ms } = timingOf(loads.map(pick));
    return `${ms(medianMs)} / ${ms(p95Ms)}`;
  };
  const median = (pick: (load: Load) => number) => timingOf(loads.map(pick)).medianMs;
  return `| ${name} | ${cache} | ${metric((load) => load.firstPaint)} | ${metric((load) => load.firstContentfulPaint)} | ${metric((load) => load.largestContentfulPaint)} | ${metric((load) => load.heading)} | ${kilobytes(median((load) => load.staticBytes))} | ${kilobytes(median((load) => load.apiBytes))} |`;
}

async function main(): Promise<void> {
  if (!existsSync(BUILT_PAGE)) throw new Error('the browser application is not built: run `npm run build:web` first');
  const server = await startServer({ port: 0, database: {}, demonstrationData: true });
  const peer = await startPeer();
  const browser = await launchChromium();
  try {
    const token = (await sessionCookieFor(server.database.db, 'registrar')).slice(SESSION_COOKIE.length + 1);
    const cookie = { name: SESSION_COOKIE, value: token, url: server.url };
    console.log(`Node ${process.version}, Chromium ${browser.version()}, ${availableParallelism()} cores (load average ${loadavg()[0]!.toFixed(1)}); ${LOADS} loads of each kind`);
    const peerLoads = await measure(browser, peer.url);
    const dashboard = await measure(browser, `${server.url}/`, cookie);
    console.log('\n| page | cache | first paint ms (median / p95) | first contentful paint | largest contentful paint | heading shown | static kB transferred (median) | API kB |');
    console.log('|---|---|---|---|---|---|---|---|');
    console.log(rows('empty static page (peer)', 'cold', peerLoads.cold));
    console.log(rows('empty static page (peer)', 'warm', peerLoads.warm));
    console.log(rows('dashboard, as the registrar', 'cold', dashboard.cold));
    console.log(rows('dashboard, as the registrar', 'warm', dashboard.warm));
  } finally {
    await browser.close();
    peer.server.close();
    await server.close();
  }
}

await main();
