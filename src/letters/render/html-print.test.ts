import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { checkAccessibility, describeWithBrowser, openPage } from '../../../test/support/browser.ts';
import { ANNEX_WATERMARK, annexFixture, letterFixture } from './fixture.test-support.ts';
import { inlineStyleSource, renderAnnexHtml, renderLetterHtml } from './html.ts';
import { pdfPages, type PdfPage } from './pdf-text.test-support.ts';

const ORIGIN = 'http://steunregister.test';

/** Errors the page reports (a style or resource the policy refused, one not found), and every request it makes. */
function watch(page: Page): { refused: string[]; requested: string[] } {
  const seen = { refused: [] as string[], requested: [] as string[] };
  page.on('console', (message) => {
    if (message.type() === 'error') seen.refused.push(message.text());
  });
  page.on('request', (request) => seen.requested.push(request.url()));
  return seen;
}

/** Opens the HTML as the server serves it: a strict policy that allows only its own stylesheet, by its hash. */
async function serve(page: Page, html: string): Promise<string[]> {
  const seen = watch(page);
  const csp = `default-src 'none'; style-src 'self' ${inlineStyleSource(html)}; img-src 'self'`;
  await page.route(`${ORIGIN}/**`, (route) => route.fulfill({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp }, body: html }));
  await page.goto(`${ORIGIN}/brief`);
  // Self-contained: the page asks for nothing more.
  expect(seen.requested).toEqual([`${ORIGIN}/brief`]);
  return seen.refused;
}

function printedAt(page: PdfPage, text: string, where: 'top' | 'bottom'): boolean {
  return page.items.some((item) =>
    item.text.includes(text) && (where === 'top' ? item.y > page.height * 0.85 : item.y < page.height * 0.15));
}

/** The lowest line of text on the page, the watermark across it aside. */
function lowestText(page: PdfPage): string {
  const printed = page.items.filter((item) => item.text.trim() !== '' && !ANNEX_WATERMARK.includes(item.text.trim()));
  const lowest = Math.min(...printed.map((item) => item.y));
  return printed.filter((item) => item.y === lowest).map((item) => item.text).join(' ');
}

describeWithBrowser('the letter and annex pages in Chromium', (browser) => {
  it('style the letter under a strict Content-Security-Policy, pass axe, and print the draft notice on every page', async () => {
    const page = await openPage(browser());
    const letter = letterFixture({ draftNotice: 'CONCEPT — niet verzenden', isDemonstration: true });
    const refused = await serve(page, renderLetterHtml(letter));
    expect(await page.locator('h2').first().evaluate((h2) => getComputedStyle(h2).fontWeight)).toBe('700');
    expect(await page.locator('.figures td').first().evaluate((td) => getComputedStyle(td).textAlign)).toBe('right');
    expect(refused).toEqual([]);
    await checkAccessibility(page);

    const pages = await pdfPages(await page.pdf({ preferCSSPageSize: true }));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const printed of pages) expect(printedAt(printed, 'CONCEPT — niet verzenden', 'top')).toBe(true);
    await page.context().close();
  });

  it('print the annex with its marking at the top and bottom of every page and its watermark on each', async () => {
    const page = await openPage(browser());
    const annex = annexFixture(90);
    const refused = await serve(page, renderAnnexHtml(annex, { watermark: ANNEX_WATERMARK, backHref: '/bijlagen' }));
    expect(refused).toEqual([]);
    await checkAccessibility(page);

    const pages = await pdfPages(await page.pdf({ preferCSSPageSize: true }));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((printed, index) => {
      const where = `page ${index + 1}`;
      expect(printedAt(printed, 'DEPARTEMENTAAL VERTROUWELIJK', 'top'), where).toBe(true);
      // The marking repeats as the page frame's footer: at the foot of every full page, and on the last
      // page right under the content, the lowest text of that page.
      if (index < pages.length - 1) expect(printedAt(printed, 'DEPARTEMENTAAL VERTROUWELIJK', 'bottom'), where).toBe(true);
      else expect(lowestText(printed), where).toContain('DEPARTEMENTAAL VERTROUWELIJK');
      expect(printed.items.some((item) => item.text.includes('Gerealiseerd')), where).toBe(true);
      expect(printed.text.replace(/\s+/g, '')).toContain(ANNEX_WATERMARK.replace(/\s+/g, ''));
    });
    await page.context().close();
  });

  it('keep their style and watermark when saved: the annex opened from a file, with no server', async () => {
    const page = await openPage(browser());
    const seen = watch(page);
    const folder = await mkdtemp(join(tmpdir(), 'bijlage-'));
    const saved = join(folder, 'bijlage.html');
    await writeFile(saved, renderAnnexHtml(annexFixture(5), { watermark: ANNEX_WATERMARK, backHref: '/bijlagen' }));
    try {
      await page.goto(pathToFileURL(saved).href);
      expect(seen.refused).toEqual([]);
      expect(await page.locator('.marking').first().evaluate((marking) => getComputedStyle(marking).color)).toBe('rgb(169, 0, 17)');
      expect(await page.locator('.annex-table td.numeric').first().evaluate((td) => getComputedStyle(td).textAlign)).toBe('right');
      const watermark = page.locator('.watermark');
      expect(await watermark.evaluate((element) => getComputedStyle(element).position)).toBe('fixed');
      expect(await watermark.locator('span').first().textContent()).toBe(ANNEX_WATERMARK);
    } finally {
      await page.context().close();
      await rm(folder, { recursive: true });
    }
  });
});
