import { afterEach, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeWithBrowser } from '../support/browser.ts';
import type { Figures } from '../../web/src/api/types.ts';
import type { ReplenishmentSummary } from '../../web/src/api/readiness.ts';
import { formatEuro } from '../../web/src/format/money.ts';
import { api, fieldError, openPageAs, useServer, visit } from './app.ts';

/** Intl separates the euro sign with a no-break space; the letter's texts use a plain one. */
function plainSpaces(text: string): string {
  return text.replace(/\u00a0/g, ' ').trim();
}

/** The cells of a row of the letter's table: compare date, reference date, increase, increase in percent. */
async function figureRow(page: Page, label: string): Promise<string[]> {
  const row = page.locator('table.figures-table tr', { has: page.getByRole('rowheader', { name: label, exact: true }) });
  return (await row.getByRole('cell').allInnerTexts()).map(plainSpaces);
}

describeWithBrowser('dashboard', (browser) => {
  const server = useServer();
  let page: Page;
  afterEach(async () => {
    await page.context().close();
  });

  it("shows the letter's figures for 31 August 2025 compared with 4 February 2025", async () => {
    page = await openPageAs(browser(), server(), 'registrar');
    await visit(page, server(), '/');

    expect(await figureRow(page, 'Directe levering (vervangingswaarde)')).toEqual(expect.arrayContaining(['€ 2,05 mld.', '€ 2,4 mld.']));
    expect(await figureRow(page, 'Commerciële verwervingen')).toEqual(expect.arrayContaining(['€ 3,73 mld.', '€ 6,1 mld.']));
    expect(await figureRow(page, 'NAVO-fonds')).toEqual(expect.arrayContaining(['€ 0,1 mld.', '€ 0,18 mld.']));
    expect(await figureRow(page, 'Totaal')).toEqual(['€ 5,88 mld.', '€ 8,7 mld.', '€ 2,82 mld.', '48 procent']);
    expect(await page.getByRole('columnheader').allInnerTexts()).toEqual(expect.arrayContaining(['4 feb. 2025', '31 aug. 2025']));
    await page.getByText('De totale waarde van de gerealiseerde militaire steun aan Oekraïne bedroeg op 31 augustus 2025 €8,7 mld.').waitFor();
    await page.getByText('Dit register bevat demonstratiegegevens').waitFor();
  });

  it('labels the demonstration data on every page, also one opened directly', async () => {
    page = await openPageAs(browser(), server(), 'registrar');
    for (const path of ['/leveringen/nieuw', '/bestaat-niet']) {
      await visit(page, server(), path);
      await page.getByText('Dit register bevat demonstratiegegevens').waitFor();
    }
  });

  it('compares any two reference dates and keeps them in the address; a date emptied is the next letter’s again', async () => {
    page = await openPageAs(browser(), server(), 'registrar');
    await visit(page, server(), '/');
    const referenceDate = page.getByLabel('Peildatum', { exact: true });
    await referenceDate.fill('');
    await page.getByRole('button', { name: 'Cijfers tonen' }).click();
    await expect.poll(() => referenceDate.inputValue()).toBe('2025-08-31');
    expect(new URL(page.url()).searchParams.has('referenceDate')).toBe(false);

    await referenceDate.fill('2025-02-04');
    await page.getByLabel('Vergelijken met', { exact: true }).fill('2023-12-31');
    await page.getByRole('button', { name: 'Cijfers tonen' }).click();

    await page.getByRole('columnheader', { name: '31 dec. 2023' }).waitFor();
    expect(new URL(page.url()).searchParams.get('referenceDate')).toBe('2025-02-04');
    const { total } = await api<Figures>(server(), '/figures?referenceDate=2025-02-04&compareDate=2023-12-31');
    expect(await figureRow(page, 'Totaal')).toEqual([total.compare.text, total.reference.text, total.difference.text, total.increasePercentText]);
  });

  it('shows replenishment as it stood at the reference date', async () => {
    const then = await api<ReplenishmentSummary>(server(), '/readiness/replenishment?date=2025-02-04');
    const today = await api<ReplenishmentSummary>(server(), '/readiness/replenishment');
    // What the check tells apart.
    expect(then.deliveredCents).not.toBe(today.deliveredCents);
    page = await openPageAs(browser(), server(), 'registrar');
    await visit(page, server(), '/?referenceDate=2025-02-04&compareDate=2023-12-31');
    const label = `Stand op 4 feb. 2025: geleverd uit voorraad ${formatEuro(then.deliveredCents, 'nl')}, daarvan vervangen door projecten ${formatEuro(then.replacedCents, 'nl')}.`;
    await page.getByRole('img', { name: label, exact: true }).waitFor();
  });

  it('names a date typed in part with what the API finds wrong with the other date, in one round, and keeps the figures in force', async () => {
    page = await openPageAs(browser(), server(), 'registrar');
    await visit(page, server(), '/?referenceDate=2025-02-04&compareDate=2023-12-31');
    await page.getByRole('columnheader', { name: '31 dec. 2023' }).waitFor();
    const referenceDate = page.getByLabel('Peildatum', { exact: true });
    await referenceDate.fill('');
    await referenceDate.pressSequentially('0103');
    await page.getByLabel('Vergelijken met', { exact: true }).fill('2013-06-01');
    await page.getByRole('button', { name: 'Cijfers tonen' }).click();
    expect(await fieldError(page, 'Vergelijken met')).toBe('Vul een datum in vanaf 1 januari 2014.');
    expect(await fieldError(page, 'Peildatum')).toBe('Vul een volledige, bestaande datum in.');
    expect(new URL(page.url()).searchParams.get('compareDate')).toBe('2023-12-31');
    expect(await page.getByRole('columnheader', { name: '31 dec. 2023' }).count()).toBe(1);
  });

  it('says at its field that a date the address names is none, rather than show the figures at another date', async () => {
    page = await openPageAs(browser(), server(), 'registrar');
    // A year of five digits, which the date control lets through.
    await visit(page, server(), '/?referenceDate=22025-03-10&compareDate=2024-12-31');
    await page.locator('[aria-invalid="true"]').waitFor();
    expect(await fieldError(page, 'Peildatum')).toBe('Vul een bestaande datum in als JJJJ-MM-DD.');
    expect(await page.getByRole('columnheader', { name: '31 aug. 2025' }).count()).toBe(0);
    expect(await page.getByRole('table').count()).toBe(0);
  });

  it('offers the chart data as a table', async () => {
    page = await openPageAs(browser(), server(), 'registrar');
    await visit(page, server(), '/');
    await page.getByText('Gegevens van de grafiek als tabel').click();
    const table = page.getByRole('table', { name: 'Gerealiseerde steun per type aan het eind van elke maand, in euro' });
    const lastRow = table.getByRole('row').last();
    expect(await lastRow.getByRole('rowheader').innerText()).toBe('augustus 2025');
    expect(plainSpaces(await lastRow.getByRole('cell').last().innerText())).toBe('€ 8.700.000.000,00');
    await page.getByRole('img', { name: /Vlakdiagram van de gerealiseerde steun/ }).waitFor();
  });

  it('switches to English with one click, remembers it and sets the page language', async () => {
    page = await openPageAs(browser(), server(), 'registrar');
    await visit(page, server(), '/');
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await figureRow(page, 'Direct delivery (replacement value)')).toEqual(expect.arrayContaining(['€ 2,4 mld.']));

    await page.reload();
    await page.getByRole('link', { name: 'Deliveries' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
  });

  it('opens at the dates the next letter compares: the draft being written against the last final letter', async () => {
    await api(server(), '/letters', { as: 'letterAuthor', method: 'POST', body: JSON.stringify({ referenceDate: '2025-10-31' }) });
    page = await openPageAs(browser(), server(), 'registrar');
    await visit(page, server(), '/');
    await page.getByRole('columnheader', { name: '31 okt. 2025' }).waitFor();
    expect(await page.getByLabel('Peildatum', { exact: true }).inputValue()).toBe('2025-10-31');
    expect(await page.getByLabel('Vergelijken met', { exact: true }).inputValue()).toBe('2025-02-04');
    await page.getByText('De totale waarde van de gerealiseerde militaire steun aan Oekraïne bedroeg op 31 oktober 2025').waitFor();
  });
});
