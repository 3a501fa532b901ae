/**
 * Debian's Chromium driven by playwright-core, for end-to-end tests and accessibility checks.
 *
 *   describeWithBrowser('public list', (browser) => {
 *     it('is accessible', async () => {
 *       const page = await openPage(browser());
 *       await page.goto(url);
 *       await checkAccessibility(page);
 *     });
 *   });
 */
import { existsSync } from 'node:fs';
import axe, { type Result, type RunOptions } from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe } from 'vitest';
import { CHROMIUM, launchChromium } from './chromium.ts';
import { skipUnlessCi } from './unavailable.ts';

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA, as axe-core tags its rules (2.2 adds only AA rules). */
const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The running browser of the current suite; call it inside tests and hooks, not while collecting. */
export type CurrentBrowser = () => Browser;

declare global {
  interface Window {
    axe: typeof axe;
  }
}

/** Why browser tests cannot run on this machine, or undefined when they can; under CI=true it throws. */
function browserSkipReason(): string | undefined {
  return existsSync(CHROMIUM) ? undefined : skipUnlessCi(`Chromium is not installed at ${CHROMIUM} (apt-get install chromium)`);
}

/**
 * The process's browser: launched by the first suite that needs one and kept for the suites of the test
 * files after it, which a worker runs in the same process (isolate: false); a launch took one to three
 * seconds of every browser test file. Launched anew if it went away. Playwright ends it when the process exits.
 */
let launched: Promise<Browser> | undefined;

async function sharedBrowser(): Promise<Browser> {
  const browser = await (launched ??= launchChromium().catch((error: unknown) => {
    launched = undefined;
    throw error;
  }));
  if (browser.isConnected()) return browser;
  launched = undefined;
  return sharedBrowser();
}

/** A describe block with the browser for its tests, skipped visibly when Chromium is missing. */
export function describeWithBrowser(name: string, suite: (browser: CurrentBrowser) => void): void {
  const skipReason = browserSkipReason();
  if (skipReason) describe.skip(`${name} (skipped: ${skipReason})`, () => withBrowser(suite));
  else describe(name, () => withBrowser(suite));
}

/** A page in a context of its own, the kind axe can analyse (it refuses pages from browser.newPage()). */
export async function openPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

/**
 * Fails with every WCAG 2.2 A and AA violation axe finds on the page: rule, impact, help and where. Axe
 * cannot run inside a frame that may run no script (a sandbox): check what such a frame shows as a page
 * of its own.
 *
 * Axe's own source is evaluated once in each frame, then one axe.run in the page reaches the same-origin
 * frames itself (the application has no frames of other origins). @axe-core/playwright evaluated the
 * source twice per frame, and the half-megabyte script's parse was a third of the check's time.
 *
 * Axe lists every element of every violation, and of the other results (passes, incomplete checks) only
 * one each: writing a selector for each element that passes took up to half of the check's time.
 */
export async function checkAccessibility(page: Page): Promise<void> {
  // Evaluating fails in a frame that may run no script; the run leaves such frames out.
  for (const frame of page.frames()) await frame.evaluate(axe.source).catch(() => undefined);
  const violations = await page.evaluate(
    (options) => window.axe.run({ exclude: [['iframe[sandbox]']] }, options).then((results) => results.violations),
    { runOnly: { type: 'tag', values: WCAG_AA_TAGS }, resultTypes: ['violations'] } satisfies RunOptions,
  );
  if (violations.length > 0) throw new Error(formatViolations(page.url(), violations));
}

function formatViolations(url: string, violations: Result[]): string {
  const lines = violations.flatMap((violation) => [
    `- ${violation.id} (${violation.impact ?? 'unknown impact'}): ${violation.help} ${violation.helpUrl}`,
    ...violation.nodes.map((node) => `    at ${node.target.flat().join(' >> ')}`),
  ]);
  return [`${violations.length} accessibility violation(s) on ${url}:`, ...lines].join('\n');
}

function withBrowser(suite: (browser: CurrentBrowser) => void): void {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await sharedBrowser();
  });
  afterAll(async () => {
    // What the suite opened goes with it (its cookies, storage and pages): the next suite finds the browser as if new.
    await Promise.all(browser?.contexts().map((context) => context.close()) ?? []);
    browser = undefined;
  });
  suite(() => {
    if (!browser) throw new Error('the browser runs only while the tests and hooks run');
    return browser;
  });
}
