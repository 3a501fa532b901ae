/**
 * The disclosure officer approving a draft is told beside the approval what the figures its text names give away,
 * in Dutch and in English: the Industrie section naming the contracts of the demonstration's one confidential
 * company, and the EPF section naming money that only a claim on a confidential delivery was compensated and paid.
 */
import { afterEach, beforeAll, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Letter, LetterSummary } from '../../web/src/api/letters.ts';
import { describeWithBrowser } from '../support/browser.ts';
import { api, apiResponse, openPageAs, useServer, visit } from './app.ts';

const TEXTS: Record<string, string> = {
  industry: 'Defensie sloot {{industry.contracts}} {{industry.contracts|contract|contracten}} met {{industry.companies}} bedrijven, ter waarde van {{industry.contractValue}}.',
  europeanPeaceFacility: 'Nederland kreeg {{epfCompensated}} gecompenseerd. Hiervan is {{epfPaid:2024}} in 2024 en {{epfPaid:2025}} in 2025 uitbetaald.',
};
const MILLION = 100_000_000; // cents

describeWithBrowser('disclosure cautions beside the approval', (browser) => {
  const server = useServer();
  let page: Page;
  let draftId: string;
  beforeAll(async () => {
    const post = (path: string, as: 'registrar' | 'finance' | 'disclosureOfficer', body: Record<string, unknown>) =>
      api<{ id?: string; claim?: { id: string } }>(server(), path, { as, method: 'POST', body: JSON.stringify(body) });
    // Bought, not yet paid for: no Dutch total counts it, but a claim on it counts in the EPF's figures.
    const { id } = await post('/deliveries', 'registrar', { title: 'Vertrouwelijke generatoren', category: 'nonLethal', supportType: 'procurement', fundingSource: 'ukraineSupportBudget', committedAt: '2025-03-01' });
    await post(`/deliveries/${id}/valuations`, 'registrar', { amountCents: 12 * MILLION, basis: 'contractPrice', effectiveDate: '2025-03-01' });
    await post('/disclosure-decisions', 'disclosureOfficer', { deliveryIds: [id], state: 'confidential', ground: 'operationalSecurity' });
    const { claim } = await post('/epf/claims', 'finance', { reference: 'EPF-VERTROUWELIJK', deliveryId: id, batch: '', period: '2025', declaredCents: 12 * MILLION, declaredOn: '2025-04-01' });
    await post(`/epf/claims/${claim!.id}/assessments`, 'finance', { compensatedCents: 12 * MILLION, assessedOn: '2025-05-01' });
    await post(`/epf/claims/${claim!.id}/receipts`, 'finance', { amountCents: 12 * MILLION, receivedOn: '2025-06-01' });

    const { items } = await api<{ items: LetterSummary[] }>(server(), '/letters', { as: 'letterAuthor' });
    draftId = items.find((report) => report.status === 'draft')!.id;
    const current = await apiResponse(server(), `/letters/${draftId}`, { as: 'letterAuthor' });
    const draft = (await current.json()) as Letter;
    const blocks = draft.blocks.map((block) => (block.key in TEXTS ? { ...block, text: TEXTS[block.key]! } : block));
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

  it('tells what the industry figures give away of the confidential company, and what the EPF figures give away of a confidential delivery, in both languages', async () => {
    page = await openPageAs(browser(), server(), 'disclosureOfficer');
    await visit(page, server(), `/brieven/${draftId}`);
    const cautions = page.locator('.letter-approval__cautions');
    await cautions.getByText('Let op: uit de industriecijfers die de tekst noemt is af te leiden wat een bedrijf waarvan de contracten vertrouwelijk zijn daaraan bijdraagt.', { exact: false }).waitFor();
    await cautions
      .getByText('De waarde van de contracten ({{industry.contractValue}}) telt naast die van openbare bedrijven alleen € 100.000.000,00 van het vertrouwelijke bedrijf: Demonstratie: Oekraïense dronefabrikant', { exact: false })
      .waitFor();
    await cautions.getByText('Het aantal contracten ({{industry.contracts}}) telt naast die van openbare bedrijven alleen 1 contract van het vertrouwelijke bedrijf', { exact: false }).waitFor();
    await cautions.getByText('Let op: uit de EPF-cijfers die de tekst noemt is af te leiden wat een levering waarvan het bedrag niet openbaar is daaraan bijdraagt.', { exact: false }).waitFor();
    await cautions.getByText('Het in 2025 ontvangen bedrag ({{epfPaid:2025}}) telt naast wat openbaar is alleen € 12.000.000,00 aan declaraties voor: Vertrouwelijke generatoren').waitFor();
    await cautions
      .getByText('Het gecompenseerde bedrag ({{epfCompensated}}) veranderde sinds de vorige brief (peildatum 4 februari 2025) met € 12.000.000,00, alleen door declaraties voor: Vertrouwelijke generatoren')
      .waitFor();
    await cautions.getByRole('link', { name: 'Vertrouwelijke generatoren' }).first().waitFor();
    await page.getByRole('button', { name: 'Openbare brief goedkeuren' }).waitFor();
    await cautions.scrollIntoViewIfNeeded();
    await page.getByRole('button', { name: 'English' }).click();
    await cautions.getByText('The number of companies ({{industry.companies}}) counts, beside the public ones, only the confidential company: Demonstratie: Oekraïense dronefabrikant').waitFor();
    await cautions.getByText('The amount received in 2025 ({{epfPaid:2025}}) counts, beside what is public, only €12,000,000.00 of claims for: Vertrouwelijke generatoren').waitFor();
    await cautions
      .getByText('The amount compensated ({{epfCompensated}}) changed by €12,000,000.00 since the previous letter (reference date 4 February 2025), through claims for one delivery alone: Vertrouwelijke generatoren')
      .waitFor();
  });
});
