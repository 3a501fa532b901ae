import { readFile } from 'node:fs/promises';
import { afterEach, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { pdfPages } from '../../src/letters/render/pdf-text.test-support.ts';
import type { AuditPage } from '../../web/src/api/audit.ts';
import type { PublicLetter } from '../../web/src/api/public.ts';
import { describeWithBrowser } from '../support/browser.ts';
import { api, apiResponse, demonstrationAccount, openPageAs, tableRows, useServer, visit } from './app.ts';

describeWithBrowser('the confidential annex', (browser) => {
  const server = useServer();
  let letter: PublicLetter;
  let page: Page;
  beforeAll(async () => {
    const { items } = (await (await fetch(`${server().url}/api/v1/public/letters`)).json()) as { items: PublicLetter[] };
    letter = items[0]!;
  });
  afterEach(async () => {
    await page.context().close();
  });

  it('is refused to a registrar: no link to it anywhere, and the API says 403', async () => {
    expect((await apiResponse(server(), `/letters/${letter.id}/annex/pdf`)).status).toBe(403);
    expect((await apiResponse(server(), `/letters/${letter.id}/annex/html`)).status).toBe(403);

    page = await openPageAs(browser(), server(), 'registrar');
    await visit(page, server(), '/');
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Vertrouwelijke bijlagen' }).count()).toBe(0);
    for (const path of ['/bijlagen', `/brieven/${letter.id}`, `/openbaar/brieven/${letter.id}`]) {
      await visit(page, server(), path);
      expect(await page.locator('a[href*="/annex/"]').count()).toBe(0);
    }
    await visit(page, server(), '/bijlagen');
    await page.getByRole('heading', { level: 1, name: 'Geen toegang' }).waitFor();
  });

  it('opens for a parliament reader: marked on every page, watermarked with the reader, and recorded', async () => {
    const reader = demonstrationAccount(server(), 'parliamentReader');
    page = await openPageAs(browser(), server(), 'parliamentReader');
    await visit(page, server(), '/');
    expect(new URL(page.url()).pathname).toBe('/bijlagen');
    await page.getByRole('heading', { level: 1, name: 'Vertrouwelijke bijlagen' }).waitFor();
    await page.getByText('Uw naam, het tijdstip en het kenmerk van die opening staan als watermerk op elke pagina.').waitFor();
    const table = page.getByRole('table', { name: 'Vertrouwelijke bijlagen die u mag openen, de nieuwste eerst' });
    await table.waitFor();
    const [first] = await tableRows(table);
    expect(first?.[0]).toBe('4 feb. 2025');
    expect(first?.[1]?.replace(/\s+/g, ' ')).toBe('Openen als PDF HTML');
    expect(first?.slice(2, 4)).toEqual(['17 feb. 2025', 'Kamerstuk 22 054, nr. 453']);
    expect(first?.[5]).toMatch(/^\d+ leveringen\s+eerste bijlage: niets om mee te vergelijken$/);

    // On a phone the links to open it are on the screen, not behind the table's sideways scroll.
    const wide = page.viewportSize();
    await page.setViewportSize({ width: 390, height: 844 });
    const link = await table.getByRole('link', { name: 'PDF' }).first().boundingBox();
    expect(link!.x + link!.width).toBeLessThanOrEqual(390);
    if (wide) await page.setViewportSize(wide);

    // The HTML annex, and the way back from it.
    await table.getByRole('link', { name: 'HTML' }).first().click();
    await page.getByRole('heading', { level: 2, name: 'Leveringen per soort steun' }).waitFor();
    await page.getByRole('link', { name: '← Terug naar de vertrouwelijke bijlagen' }).click();
    await table.waitFor();

    const [file] = await Promise.all([page.waitForEvent('download'), table.getByRole('link', { name: 'PDF' }).first().click()]);
    const sheets = await pdfPages(new Uint8Array(await readFile(await file.path())));
    expect(sheets.length).toBeGreaterThan(0);

    const { items } = await api<AuditPage>(server(), `/audit-events?action=annex.read&objectId=${letter.id}`, { as: 'auditor' });
    expect(items.map((event) => [event.actor?.username, event.result])).toContainEqual([reader.username, 'success']);
    // The newest opening is the PDF's: its mark, in its event, is what every page prints.
    const opening = items[0]!;
    expect(opening.detail).toMatchObject({ format: 'pdf', openingMark: expect.stringMatching(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/) });
    const { openingMark } = opening.detail as { openingMark: string };
    for (const sheet of sheets) {
      expect(sheet.text).toContain('DEPARTEMENTAAL VERTROUWELIJK');
      // The reader by name and role and the opening's mark, never by the login name that is half of what signs the account in.
      expect(sheet.text).toMatch(/Geopend door Demonstratie Kamerlid \(Kamerlid\) op \d{1,2} \w+ \d{4} om \d\d:\d\d, kenmerk [2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}/);
      expect(sheet.text).toContain(`kenmerk ${openingMark}`);
      expect(sheet.text).not.toContain(reader.username);
    }
  });
});
