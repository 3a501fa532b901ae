import { afterEach, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { todayInAmsterdam } from '../../common/dates.ts';
import { describeWithBrowser } from '../support/browser.ts';
import { stockDelivery } from '../support/deliveries.ts';
import { api, openPageIn, useServer, visit } from './app.ts';

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

  it('marks what the letters print of a delivery (its title, quantity and explanation) as Dutch on the English page, so that it is read aloud as Dutch', async () => {
    page = await openPageIn(browser(), 'en');
    await visit(page, server(), '/openbaar/leveringen');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: UCAP, exact: true }) });
    const cells = row.locator('th, td');
    const languageOf = (index: number) => cells.nth(index).evaluate((cell) => cell.querySelector('[lang]')?.getAttribute('lang') ?? cell.closest('[lang]')?.getAttribute('lang'));
    // Delivery, Category, Type of support, Quantity, Explanation, Public since: the labels are the page's words, the rest the letter's.
    expect(await row.locator('th, td').allInnerTexts()).toEqual([UCAP, 'Non-lethal goods', 'NATO fund', '—', 'Uit het UCAP levert NAVO niet-letale steun.', '17 Feb 2025']);
    expect(await Promise.all([0, 1, 2, 4, 5].map(languageOf))).toEqual(['nl', 'en', 'en', 'nl', 'en']);
  });

  it('lists the deliveries by the day of the open-data file, the latest to become public first, and within a day by title as people read its numbers', async () => {
    // Made public today, in the order of their titles: the one that became visible last is not the first of that day.
    for (const publicTitle of ['Aggregaten', 'Zandzakken', 'Generatoren nr. 11', 'Generatoren nr. 3']) {
      const { id } = await api<{ id: string }>(server(), '/deliveries', { method: 'POST', body: JSON.stringify({ ...stockDelivery, title: `${publicTitle} (intern)` }) });
      const decision = { deliveryIds: [id], state: 'public', publicTitle, publicCategory: 'nonLethal', publicFrom: todayInAmsterdam() };
      await api(server(), '/disclosure-decisions', { as: 'disclosureOfficer', method: 'POST', body: JSON.stringify(decision) });
    }
    const file = await (await fetch(`${server().url}/api/v1/public/deliveries`)).json();
    const titles = file.items.map((item: { title: string }) => item.title);
    expect(titles).toEqual(['Aggregaten', 'Generatoren nr. 11', 'Generatoren nr. 3', 'Zandzakken', UCAP]);
    page = await openPageIn(browser(), 'nl');
    await visit(page, server(), '/openbaar/leveringen');
    expect(await page.getByRole('rowheader').allInnerTexts()).toEqual(['Aggregaten', 'Generatoren nr. 3', 'Generatoren nr. 11', 'Zandzakken', UCAP]);
  });
});
