import { afterEach, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Letter, LetterSummary } from '../../web/src/api/letters.ts';
import { checkAccessibility, describeWithBrowser } from '../support/browser.ts';
import { api, apiResponse, openPageAs, submitAndApprove, tableRows, useServer, visit } from './app.ts';

const REASON = 'Per vergissing gedateerd; de brief gaat opnieuw.';

describeWithBrowser('withdrawing a final letter', (browser) => {
  const server = useServer();
  let letterId: string;
  let page: Page;
  /** The demonstration's draft of 31 August 2025, approved and finalised through the API, not sent. */
  beforeAll(async () => {
    const { items } = await api<{ items: LetterSummary[] }>(server(), '/letters', { as: 'letterAuthor' });
    letterId = items.find((letter) => letter.status === 'draft' && letter.referenceDate === '2025-08-31')!.id;
    const draft = await apiResponse(server(), `/letters/${letterId}`, { as: 'letterAuthor' });
    const approved = await submitAndApprove(server(), letterId, draft.headers.get('ETag'));
    await api(server(), `/letters/${letterId}/finalisation`, { as: 'letterAuthor', method: 'POST', headers: { 'If-Match': approved.headers.get('ETag') ?? '' }, body: '{}' });
  });
  afterEach(async () => {
    await page.context().close();
  });

  it('the letter author withdraws the final letter not sent, saying why; its page and the list say so, and it can no longer be sent', async () => {
    page = await openPageAs(browser(), server(), 'letterAuthor');
    await visit(page, server(), `/brieven/${letterId}`);
    await page.getByText('De brief is definitief maar nog niet aan de Kamer verzonden.').waitFor();
    await page.getByRole('button', { name: 'Brief intrekken' }).click();
    const dialog = page.getByRole('dialog', { name: 'Definitieve brief intrekken?' });
    await dialog.getByText('Dit kan niet ongedaan worden gemaakt.').waitFor();
    await checkAccessibility(page);

    // Without a reason the server refuses it, said at the field; nothing is withdrawn.
    await dialog.getByRole('button', { name: 'Ja, intrekken' }).click();
    await dialog.locator('.error-summary', { hasText: 'Reden van intrekking' }).waitFor();
    expect((await api<Letter>(server(), `/letters/${letterId}`, { as: 'letterAuthor' })).status).toBe('final');

    await dialog.getByLabel('Reden van intrekking').fill(REASON);
    await dialog.getByRole('button', { name: 'Ja, intrekken' }).click();
    await page.getByText('De brief is ingetrokken.').waitFor();
    await page.locator('.page-subject .status-tag', { hasText: 'Ingetrokken' }).waitFor();
    await page.getByText(/Ingetrokken op .* door demo-letter-author\. Deze brief wordt niet verzonden of gepubliceerd\./).waitFor();
    await page.locator('blockquote', { hasText: REASON }).waitFor();
    await page.getByText('De brief is ingetrokken: hij wordt niet aan de Kamer verzonden en niet gepubliceerd.').waitFor();
    expect(await page.getByRole('button', { name: 'Verzending aan de Kamer vastleggen' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Brief intrekken' }).count()).toBe(0);
    await page.frameLocator('iframe[title="De brief"]').getByText('INGETROKKEN – niet verzonden en niet openbaar').waitFor();
    await checkAccessibility(page);

    await visit(page, server(), '/brieven');
    const listed = await tableRows(page.getByRole('table', { name: 'Brieven, de nieuwste peildatum eerst' }));
    const row = listed.find((cells) => cells[0] === 'Brief met peildatum 31 aug. 2025')!;
    expect(row[2]).toMatch(new RegExp(`^Ingetrokken\\s+op .* door demo-letter-author: ${REASON}$`));
  });
});
