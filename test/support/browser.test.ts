import { afterEach, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { checkAccessibility, describeWithBrowser, openPage } from './browser.ts';

const ACCESSIBLE = `<!doctype html>
<html lang="nl"><head><title>Leveringen</title></head>
<body><main><h1>Leveringen</h1><img src="data:," alt="Pantserhouwitser"></main></body></html>`;

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
});
