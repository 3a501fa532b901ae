/**
 * The disclosure officer approving a draft whose Industrie section names the contracts of the demonstration's one
 * confidential company is told so beside the approval, in Dutch and in English.
 */
import { afterEach, beforeAll, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Letter, LetterSummary } from '../../web/src/api/letters.ts';
import { describeWithBrowser } from '../support/browser.ts';
import { api, apiResponse, openPageAs, useServer, visit } from './app.ts';

const INDUSTRY_TEXT = 'Defensie sloot {{industry.contracts}} {{industry.contracts|contract|contracten}} met {{industry.companies}} bedrijven, ter waarde van {{industry.contractValue}}.';

describeWithBrowser('industry cautions', (browser) => {
  const server = useServer();
  let page: Page;
  let draftId: string;
  beforeAll(async () => {
    const { items } = await api<{ items: LetterSummary[] }>(server(), '/letters', { as: 'letterAuthor' });
    draftId = items.find((report) => report.status === 'draft')!.id;
    const current = await apiResponse(server(), `/letters/${draftId}`, { as: 'letterAuthor' });
    const draft = (await current.json()) as Letter;
    const blocks = draft.blocks.map((block) => (block.key === 'industry' ? { ...block, text: INDUSTRY_TEXT } : block));
    const edited = await apiResponse(server(), `/letters/${draftId}`, {
      as: 'letterAuthor',
      method: 'PATCH',
      headers: { 'If-Match': current.headers.get('ETag') ?? '' },
      body: JSON.stringify({ blocks, letterDate: '2025-09-10' }),
    });
    await api(server(), `/letters/${draftId}/submission`, { as: 'letterAuthor', method: 'POST', headers: { 'If-Match': edited.headers.get('ETag') ?? '' } });
  });
  afterEach(async () => {
    await page.context().close();
  });

  it('tells the disclosure officer beside the approval what the industry figures give away of the confidential company, in both languages', async () => {
    page = await openPageAs(browser(), server(), 'disclosureOfficer');
    await visit(page, server(), `/brieven/${draftId}`);
    const cautions = page.locator('.letter-approval__cautions');
    await cautions.getByText('Let op: uit de industriecijfers die de tekst noemt is af te leiden wat een bedrijf waarvan de contracten vertrouwelijk zijn daaraan bijdraagt.', { exact: false }).waitFor();
    await cautions
      .getByText('De waarde van de contracten ({{industry.contractValue}}) telt naast die van openbare bedrijven alleen € 100.000.000,00 van het vertrouwelijke bedrijf: Demonstratie: Oekraïense dronefabrikant', { exact: false })
      .waitFor();
    await cautions.getByText('Het aantal contracten ({{industry.contracts}}) telt naast die van openbare bedrijven alleen 1 contract van het vertrouwelijke bedrijf', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Openbare brief goedkeuren' }).waitFor();
    await cautions.scrollIntoViewIfNeeded();
    await page.getByRole('button', { name: 'English' }).click();
    await cautions.getByText('The number of companies ({{industry.companies}}) counts, beside the public ones, only the confidential company: Demonstratie: Oekraïense dronefabrikant').waitFor();
  });
});
