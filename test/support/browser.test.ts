import { readFileSync } from 'node:fs';
import { afterEach, expect, it } from 'vitest';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { checkAccessibility, describeWithBrowser, openPage } from './browser.ts';

const ACCESSIBLE = `<!doctype html>
<html lang="nl"><head><title>Leveringen</title></head>
<body><main><h1>Leveringen</h1><img src="data:," alt="Pantserhouwitser"></main></body></html>`;

/** What the browser's own processes and pages are, as the browser tells over its debugging protocol. */
async function askBrowser<T>(browser: Browser, ask: (session: CDPSession) => Promise<T>): Promise<T> {
  const session = await browser.newBrowserCDPSession();
  try {
    return await ask(session);
  } finally {
    await session.detach();
  }
}

describeWithBrowser('test browser', (browser) => {
  let page: Page | undefined;
  afterEach(async () => {
    await page?.context().close();
    page = undefined;
  });

  it('finds no violations on an accessible page', async () => {
    page = await openPage(browser());
    await page.setContent(ACCESSIBLE);
    await checkAccessibility(page);
  });

  it('names the rule and the element of each violation', async () => {
    page = await openPage(browser());
    await page.setContent(ACCESSIBLE.replace(' alt="Pantserhouwitser"', ' id="zonder-alt"'));
    await expect(checkAccessibility(page)).rejects.toThrow(/- image-alt \(critical\): Images must have alternative text .*\n {4}at #zonder-alt/);
  });

  it('loads no page of its own interface beside the page a test opens', async () => {
    page = await openPage(browser());
    await page.setContent(ACCESSIBLE);
    const { targetInfos } = await askBrowser(browser(), (session) => session.send('Target.getTargets'));
    expect(targetInfos.map((target) => target.url)).toEqual(['about:blank']);
  });

  it('keeps off every feature Playwright turns off, since Chromium honours only the last list of features to turn off', async () => {
    const { processInfo } = await askBrowser(browser(), (session) => session.send('SystemInfo.getProcessInfo'));
    const main = processInfo.find((process) => process.type === 'browser');
    const switches = readFileSync(`/proc/${main?.id}/cmdline`, 'utf8').split('\0');
    const lists = switches.filter((option) => option.startsWith('--disable-features=')).map((option) => option.slice('--disable-features='.length).split(','));
    expect(lists.length).toBeGreaterThan(0);
    for (const list of lists) expect(lists.at(-1)).toEqual(expect.arrayContaining(list));
  });

  it('runs the page of a context and its sandboxed frames in one renderer process, and keeps none in reserve', async () => {
    page = await openPage(browser());
    await page.setContent(`${ACCESSIBLE}<iframe sandbox srcdoc="<p>Voorbeeld</p>" title="Voorbeeld"></iframe>`);
    const renderers = async () => {
      const { processInfo } = await askBrowser(browser(), (session) => session.send('SystemInfo.getProcessInfo'));
      return processInfo.filter((process) => process.type === 'renderer').length;
    };
    // The renderer of a context closed just before may take a moment to end.
    await expect.poll(renderers).toBe(1);
  });
});
