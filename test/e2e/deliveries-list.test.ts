import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { afterEach, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeWithBrowser } from '../support/browser.ts';
import { deliveryCount, fieldError, openPageAs, registerShipped, useServer, visit } from './app.ts';

const EXTRA_DELIVERIES = 30;

function query(page: Page): URLSearchParams {
  return new URL(page.url()).searchParams;
}

async function rowTitles(page: Page): Promise<string[]> {
  return page.locator('table.delivery-table tbody').getByRole('rowheader').allInnerTexts();
}

describeWithBrowser('deliveries list', (browser) => {
  const server = useServer();
  let total: number;
  let page: Page;
  beforeAll(async () => {
    for (let number = 1; number <= EXTRA_DELIVERIES; number += 1) {
      await registerShipped(server(), {
        title: `Munitiepartij ${String(number).padStart(2, '0')}`,
        category: 'ammunition',
        supportType: 'stock',
        fundingSource: 'defenceBudget',
        committedAt: '2024-01-10',
        realisedAt: `2024-03-${String(number).padStart(2, '0')}`,
      });
    }
    total = await deliveryCount(server());
  });
  afterEach(async () => {
    await page.context().close();
  });

  it('filters on the server and keeps the filters in the address, so the back button undoes them', async () => {
    page = await openPageAs(browser(), server(), 'registrar');
    await visit(page, server(), '/leveringen');
    await page.getByText(`${total} leveringen gevonden`).waitFor();

    await page.getByLabel('Type steun').selectOption('natoFund');
    await page.getByText('2 leveringen gevonden').waitFor();
    expect(query(page).get('supportType')).toBe('natoFund');

    await page.getByLabel('Fase').selectOption('pledged');
    await page.getByText('1 levering gevonden').waitFor();
    expect(await rowTitles(page)).toEqual(['Extra bijdrage aan het NAVO UCAP in 2026']);

    await page.goBack();
    await page.getByText('2 leveringen gevonden').waitFor();
    expect(await page.getByLabel('Fase').inputValue()).toBe('');
    await page.goBack();
    await page.getByText(`${total} leveringen gevonden`).waitFor();
    expect(await page.getByLabel('Type steun').inputValue()).toBe('');
  });

  it('exports the filtered list as the spreadsheet it downloads', async () => {
    page = await openPageAs(browser(), server(), 'registrar');
    await visit(page, server(), '/leveringen?supportType=natoFund');
    await page.getByText('2 leveringen gevonden').waitFor();
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Excel (.xlsx)' }).click()]);
    expect(file.suggestedFilename()).toMatch(/^leveringen-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await readFile(await file.path())).buffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(1).getCell(1).value).toBe('Titel');
  });

  it('exports the filtered list as CSV for Dutch Excel or by RFC 4180, as the reader chooses', async () => {
    page = await openPageAs(browser(), server(), 'registrar');
    await visit(page, server(), '/leveringen?supportType=natoFund');
    await page.getByText('2 leveringen gevonden').waitFor();
    const downloaded = async (name: string) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
      return readFile(await file.path(), 'utf8');
    };
    const excel = await downloaded('CSV voor Excel (;)');
    expect(excel.startsWith('\uFEFFTitel;')).toBe(true);
    const standard = await downloaded('CSV (RFC 4180, komma’s)');
    expect(standard.startsWith('Titel,')).toBe(true);
    // The heading and the two deliveries the filter finds, in each.
    for (const text of [excel, standard]) expect(text.trimEnd().split('\r\n')).toHaveLength(3);
  });

  it('searches once typing pauses', async () => {
    page = await openPageAs(browser(), server(), 'registrar');
    await visit(page, server(), '/leveringen');
    await page.getByRole('searchbox', { name: 'Zoeken' }).pressSequentially('PURL', { delay: 30 });
    await page.getByText('1 levering gevonden').waitFor();
    expect(query(page).get('q')).toBe('PURL');
    expect(await rowTitles(page)).toEqual(['Bijdrage aan het Prioritized Ukraine Requirement List-initiatief (PURL)']);
  });

  it('refuses a date typed only in part at its field and keeps the list on the filter in force', async () => {
    page = await openPageAs(browser(), server(), 'registrar');
    await visit(page, server(), '/leveringen?category=ammunition&realisedFrom=2024-03-01&realisedTo=2024-03-03');
    await page.getByText('3 leveringen gevonden').waitFor();

    // The year taken out: the control's value is empty while it holds the day and the month.
    await page.getByLabel('Gerealiseerd tot en met').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Tab');

    await page.getByText('Vul een volledige, bestaande datum in.').waitFor();
    expect(await fieldError(page, 'Gerealiseerd tot en met')).toBe('Vul een volledige, bestaande datum in.');
    expect(query(page).get('realisedTo')).toBe('2024-03-03');
    expect(await page.getByRole('status').filter({ hasText: 'gevonden' }).innerText()).toBe('3 leveringen gevonden');
    expect(await rowTitles(page)).toHaveLength(3);
  });

  it('says at its field that the period ends before it starts, over the list as it was', async () => {
    page = await openPageAs(browser(), server(), 'registrar');
    await visit(page, server(), '/leveringen?category=ammunition&realisedFrom=2024-03-01&realisedTo=2024-03-03');
    await page.getByText('3 leveringen gevonden').waitFor();

    await page.getByLabel('Gerealiseerd vanaf').fill('2024-03-05');

    await page.getByText('De einddatum ligt vóór de begindatum.').waitFor();
    expect(await fieldError(page, 'Gerealiseerd tot en met')).toBe('De einddatum ligt vóór de begindatum.');
    expect(await rowTitles(page)).toHaveLength(3);
  });

  it('sorts by a column, and reverses on a second press', async () => {
    page = await openPageAs(browser(), server(), 'registrar');
    await visit(page, server(), '/leveringen?category=ammunition&realisedFrom=2024-03-01&realisedTo=2024-03-03');
    await page.getByText('3 leveringen gevonden').waitFor();
    expect(await rowTitles(page)).toEqual(['Munitiepartij 03', 'Munitiepartij 02', 'Munitiepartij 01']);

    await page.getByRole('button', { name: 'Titel' }).click();
    await page.getByRole('columnheader', { name: 'Titel' }).and(page.locator('[aria-sort="ascending"]')).waitFor();
    expect(query(page).get('sort')).toBe('title');
    // The header shows the order chosen at once; the rows follow when the list comes back.
    await expect.poll(() => rowTitles(page)).toEqual(['Munitiepartij 01', 'Munitiepartij 02', 'Munitiepartij 03']);

    await page.getByRole('button', { name: 'Titel' }).click();
    await page.getByRole('columnheader', { name: 'Titel' }).and(page.locator('[aria-sort="descending"]')).waitFor();
    expect(query(page).get('sort')).toBe('-title');
  });

  it('pages through the results with a choice of page size', async () => {
    page = await openPageAs(browser(), server(), 'registrar');
    await visit(page, server(), '/leveringen');
    const firstPage = await rowTitles(page);
    expect(firstPage).toHaveLength(25);
    const pagination = page.getByRole('navigation', { name: 'Paginering' });
    expect(await pagination.getByRole('link', { name: 'Vorige' }).count()).toBe(0);
    await pagination.getByRole('link', { name: 'Volgende' }).click();
    await pagination.getByRole('link', { name: 'Vorige' }).waitFor();
    expect(query(page).get('after')).not.toBeNull();
    const secondPage = await rowTitles(page);
    expect(secondPage).toHaveLength(total - 25);
    expect(secondPage.filter((title) => firstPage.includes(title))).toEqual([]);
    expect(await pagination.getByRole('link', { name: 'Volgende' }).count()).toBe(0);

    await pagination.getByRole('link', { name: 'Vorige' }).click();
    await page.waitForURL((url) => url.searchParams.has('before'));
    await expect.poll(() => rowTitles(page)).toEqual(firstPage);

    await page.getByLabel('Leveringen per pagina').selectOption('50');
    await page.waitForURL((url) => url.searchParams.get('pageSize') === '50');
    await page.getByText(`${total} leveringen gevonden`).waitFor();
    expect(query(page).get('before')).toBeNull();
    await expect.poll(() => rowTitles(page)).toHaveLength(total);
    expect(await page.getByRole('navigation', { name: 'Paginering' }).count()).toBe(0);
  });

  it('opens a shared address with its filters, sorting and page', async () => {
    page = await openPageAs(browser(), server(), 'registrar');
    await visit(page, server(), '/leveringen?category=ammunition&sort=title&pageSize=25');
    await page.getByRole('navigation', { name: 'Paginering' }).getByRole('link', { name: 'Volgende' }).click();
    await page.waitForURL((url) => url.searchParams.has('after'));
    const shared = page.url();
    await page.context().close();

    page = await openPageAs(browser(), server(), 'registrar');
    await visit(page, server(), shared.slice(new URL(shared).origin.length));
    await page.getByRole('navigation', { name: 'Paginering' }).getByRole('link', { name: 'Vorige' }).waitFor();
    expect(await page.getByLabel('Categorie').inputValue()).toBe('ammunition');
    expect(await rowTitles(page)).toEqual(['Munitiepartij 26', 'Munitiepartij 27', 'Munitiepartij 28', 'Munitiepartij 29', 'Munitiepartij 30']);
  });
});
