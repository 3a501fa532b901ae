import { afterEach, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeWithBrowser } from '../support/browser.ts';
import { openPageIn, useServer, visit } from './app.ts';

const UCAP = 'Bijdragen aan het NAVO Ukraine Comprehensive Assistance Package (UCAP)';

describeWithBrowser('the public deliveries page', (browser) => {
  const server = useServer();
  let page: Page;
  afterEach(async () => {
    await page.context().close();
  });

  it('says since when each delivery is public: the publication of the letter that first listed it, not the day of its decision', async () => {
    page = await openPageIn(browser(), 'nl');
    await visit(page, server(), '/openbaar/leveringen');
    const headers = await page.getByRole('columnheader').allInnerTexts();
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: UCAP, exact: true }) });
    // The row's heading is its first column; its cells are the others.
    const cells = [await row.getByRole('rowheader').innerText(), ...(await row.getByRole('cell').allInnerTexts())];
    expect(cells[headers.indexOf('Openbaar sinds')]).toBe('17 feb. 2025');
  });
});
