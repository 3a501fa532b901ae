import { afterEach, beforeAll, describe, it } from 'vitest';
import type { Page } from 'playwright-core';
import { checkAccessibility, describeWithBrowser } from '../support/browser.ts';
import { findDeliveryId, openPageIn, useServer, visit, type Language } from './app.ts';

const LABELS = {
  nl: { submitCreate: 'Levering vastleggen', delete: 'Verwijderen', chartTable: 'Gegevens van de grafiek als tabel' },
  en: { submitCreate: 'Record delivery', delete: 'Delete', chartTable: 'Chart data as a table' },
} as const;

describeWithBrowser('accessibility (axe, WCAG 2.2 A and AA)', (browser) => {
  const server = useServer();
  let stockId: string;
  let procurementId: string;
  let page: Page;
  beforeAll(async () => {
    stockId = await findDeliveryId(server(), 'overige directe leveringen uit voorraad t/m 4 feb');
    procurementId = await findDeliveryId(server(), 'PURL');
  });
  afterEach(async () => {
    await page.context().close();
  });

  for (const language of ['nl', 'en'] as const satisfies Language[]) {
    describe(language, () => {
      const check = async (path: () => string, prepare?: (page: Page) => Promise<void>) => {
        page = await openPageIn(browser(), language);
        await visit(page, server(), path());
        await prepare?.(page);
        await checkAccessibility(page);
      };

      it('dashboard, with the chart data opened', () =>
        check(
          () => '/',
          (page) => page.getByText(LABELS[language].chartTable).click(),
        ));
      it('deliveries list', () => check(() => '/leveringen'));
      it('delivery page of a stock delivery', () => check(() => `/leveringen/${stockId}`));
      it('delivery page of a procurement, with payments', () => check(() => `/leveringen/${procurementId}`));
      it('delete confirmation', () =>
        check(
          () => `/leveringen/${stockId}`,
          (page) => page.getByRole('button', { name: LABELS[language].delete }).click(),
        ));
      it('form for a new delivery', () => check(() => '/leveringen/nieuw'));
      it('form for a new delivery, refused with errors', () =>
        check(
          () => '/leveringen/nieuw',
          async (page) => {
            await page.getByRole('button', { name: LABELS[language].submitCreate }).click();
            await page.locator('.error-summary').waitFor();
          },
        ));
      it('form to edit a delivery', () => check(() => `/leveringen/${procurementId}/bewerken`));
      it('form to add a revaluation', () => check(() => `/leveringen/${stockId}/herwaardering`));
      it('form to add a payment', () => check(() => `/leveringen/${procurementId}/betaling`));
      it('page that does not exist', () => check(() => '/bestaat-niet'));
      it('accessibility statement', () => check(() => '/toegankelijkheid'));
    });
  }
});
