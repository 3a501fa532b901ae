import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Role } from '../../src/domain/access.ts';
import { importTemplate } from '../../src/import/template.ts';
import { filledTemplate, THREE_ROWS } from '../support/import-files.ts';
import type { LetterSummary } from '../../web/src/api/letters.ts';
import { checkAccessibility, describeWithBrowser } from '../support/browser.ts';
import { api, apiResponse, findDeliveryId, openPageAs, openPageIn, registerShipped, sendAndPublish, submitAndApprove, useServer, visit, type Language } from './app.ts';

/**
 * A delivery no disclosure officer has decided on yet, for the disclosure pages to show; realised after
 * the reference dates of the letters below, which may only be approved once all before it is decided.
 */
const UNDECIDED = {
  title: 'Radars voor luchtverdediging',
  category: 'airDefence',
  supportType: 'stock' as const,
  fundingSource: 'ukraineSupportBudget',
  committedAt: '2025-06-01',
  realisedAt: '2026-02-02',
};

const LABELS = {
  nl: {
    submitCreate: 'Levering vastleggen',
    delete: 'Verwijderen',
    chartTable: 'Gegevens van de grafiek als tabel',
    logIn: 'Inloggen',
    save: 'Wijzigingen opslaan',
    unit: 'Eenheid',
    createAccount: 'Account aanmaken',
    changeRole: 'Rol wijzigen, demo-finance',
    changePassword: 'Wachtwoord wijzigen',
    resetPassword: 'Nieuw wachtwoord, demo-finance',
    select: `${UNDECIDED.title} selecteren`,
    public: 'Openbaar',
    confidential: 'Vertrouwelijk',
    decide: 'Besluit vastleggen',
    approve: 'Openbare brief goedkeuren',
    finalise: 'Definitief maken',
    checkHash: 'Nu controleren in deze browser',
  },
  en: {
    submitCreate: 'Record delivery',
    delete: 'Delete',
    chartTable: 'Chart data as a table',
    logIn: 'Log in',
    save: 'Save changes',
    unit: 'Unit',
    createAccount: 'Create account',
    changeRole: 'Change role, demo-finance',
    changePassword: 'Change password',
    resetPassword: 'New password, demo-finance',
    select: `Select ${UNDECIDED.title}`,
    public: 'Public',
    confidential: 'Confidential',
    decide: 'Record decision',
    approve: 'Approve the public letter',
    finalise: 'Finalise',
    checkHash: 'Check now in this browser',
  },
} as const;

/**
 * Every page of the application checked with axe in the given languages: a test file per language
 * (accessibility-nl.test.ts, accessibility-en.test.ts) so that Vitest checks the languages side by side,
 * each with its own browser and server.
 */
/** `only`: the names of the pages to check (all when left out); a name that is no page's is refused. */
export const describeAccessibility = (languages: readonly Language[], only?: ReadonlySet<string>) => describeWithBrowser(`accessibility in ${languages.join(', ')} (axe, WCAG 2.2 A and AA)`, (browser) => {
  const server = useServer();
  let stockId: string;
  let procurementId: string;
  let undecidedId: string;
  let draftId: string;
  let finalId: string;
  let approvedId: string;
  let publishedId: string;
  beforeAll(async () => {
    undecidedId = await registerShipped(server(), UNDECIDED);
    const { items } = await api<{ items: LetterSummary[] }>(server(), '/letters', { as: 'letterAuthor' });
    draftId = items.find((report) => report.status === 'draft')!.id;
    publishedId = items.find((report) => report.status === 'final')!.id;
    // A second published letter, so the public comparison has two letters to compare: only published letters are public.
    const second = await apiResponse(server(), '/letters', {
      as: 'letterAuthor',
      method: 'POST',
      body: JSON.stringify({ referenceDate: '2025-04-30', letterDate: '2025-05-12' }),
    });
    const secondId = ((await second.json()) as LetterSummary).id;
    const secondApproved = await submitAndApprove(server(), secondId, second.headers.get('ETag'));
    const secondFinal = await api<{ version: number }>(server(), `/letters/${secondId}/finalisation`, {
      as: 'letterAuthor',
      method: 'POST',
      headers: { 'If-Match': secondApproved.headers.get('ETag') ?? '' },
      body: '{}',
    });
    await sendAndPublish(server(), secondId, `"${secondFinal.version}"`, { paperNumber: 'Kamerstuk 22 054, nr. 455', publishedOn: '2025-05-12' });
    // A final letter without its paper number yet, so its page offers to record it.
    const created = await apiResponse(server(), '/letters', {
      as: 'letterAuthor',
      method: 'POST',
      body: JSON.stringify({ referenceDate: '2025-06-30', letterDate: '2025-07-07' }),
    });
    finalId = ((await created.json()) as LetterSummary).id;
    const approved = await submitAndApprove(server(), finalId, created.headers.get('ETag'));
    await api(server(), `/letters/${finalId}/finalisation`, {
      as: 'letterAuthor',
      method: 'POST',
      headers: { 'If-Match': approved.headers.get('ETag') ?? '' },
      body: '{}',
    });
    // A later draft, approved, so its page offers to finalise it.
    const later = await apiResponse(server(), '/letters', {
      as: 'letterAuthor',
      method: 'POST',
      body: JSON.stringify({ referenceDate: '2025-12-31', letterDate: '2026-01-12' }),
    });
    approvedId = ((await later.json()) as LetterSummary).id;
    await submitAndApprove(server(), approvedId, later.headers.get('ETag'));
    stockId = await findDeliveryId(server(), 'overige directe leveringen uit voorraad t/m 4 feb');
    procurementId = await findDeliveryId(server(), 'PURL');
    // A change for the audit trail to show.
    const current = await apiResponse(server(), `/deliveries/${procurementId}`);
    await api(server(), `/deliveries/${procurementId}`, {
      method: 'PATCH',
      headers: { 'If-Match': current.headers.get('ETag') ?? '' },
      body: JSON.stringify({ company: 'NATO Support and Procurement Agency' }),
    });
  });
  /**
   * A page per language and role (or none), opened by the first check and used again by the next, each
   * check loading its address anew: the checks share nothing but the browser's cache, since a role's
   * session is the same one in each context anyway and the language is all the application keeps in the
   * browser.
   */
  const pages = new Map<string, Page>();
  const openPageFor = async (role: Role | null, language: Language): Promise<Page> => {
    const key = `${language} ${role ?? 'not logged in'}`;
    let page = pages.get(key);
    if (!page) {
      page = role ? await openPageAs(browser(), server(), role, language) : await openPageIn(browser(), language);
      pages.set(key, page);
    }
    return page;
  };
  afterAll(async () => {
    for (const page of pages.values()) await page.context().close();
  });

  for (const language of languages) {
    describe(language, () => {
      const labels = LABELS[language];
      const named = new Set<string>();
      const pageCheck = (name: string, run: () => Promise<void>) => {
        named.add(name);
        if (!only || only.has(name)) it(name, run);
      };
      /** Opens the path as the role (or not logged in), lets `prepare` bring the page in the state to check, and checks it. */
      const check = async (role: Role | null, path: () => string, prepare?: (page: Page) => Promise<void>) => {
        const page = await openPageFor(role, language);
        await visit(page, server(), path());
        await prepare?.(page);
        await checkAccessibility(page);
      };

      pageCheck('login page', () => check(null, () => '/inloggen'));
      pageCheck('industry page', () => check('registrar', () => '/industrie'));
      pageCheck('login page, refused with errors', () =>
        check(
          null,
          () => '/inloggen',
          async (page) => {
            await page.locator('input[name="username"]').fill('demo-registrar');
            await page.locator('input[name="password"]').fill('niet-het-wachtwoord');
            await page.getByRole('button', { name: labels.logIn }).click();
            await page.locator('.error-summary').waitFor();
          },
        ));
      pageCheck('EPF claims, as finance, with the new claim and the new tranche refused', () =>
        check('finance', () => '/epf?date=2025-08-31', async (page) => {
          for (const button of await page.locator('form.record-form button[type="submit"]').all()) await button.click();
          await page.locator('.error-summary').nth(1).waitFor();
        }));
      pageCheck('an EPF claim with its history', () =>
        check('finance', () => '/epf?date=2025-08-31', async (page) => {
          await page.getByRole('link', { name: 'Demo EPF-NL-2023-01' }).click();
          await page.locator('form.record-form').first().waitFor();
        }));
      pageCheck('dashboard, with the chart data opened', () =>
        check(
          'registrar',
          () => '/',
          (page) => page.getByText(labels.chartTable).click(),
        ));
      pageCheck('deliveries list', () => check('registrar', () => '/leveringen'));
      pageCheck("change of one's own password, refused with errors", () =>
        check('registrar', () => '/wachtwoord', async (page) => {
          await page.getByRole('button', { name: labels.changePassword }).click();
          await page.locator('.error-summary').waitFor();
        }));
      pageCheck('delivery page of a stock delivery', () => check('registrar', () => `/leveringen/${stockId}`));
      pageCheck('delivery page of a procurement, with payments, as finance sees it', () => check('finance', () => `/leveringen/${procurementId}`));
      pageCheck('delete confirmation', () =>
        check(
          'registrar',
          () => `/leveringen/${stockId}`,
          (page) => page.getByRole('button', { name: labels.delete }).click(),
        ));
      pageCheck('form for a new delivery', () => check('registrar', () => '/leveringen/nieuw'));
      pageCheck('form for a new delivery, refused with errors', () =>
        check(
          'registrar',
          () => '/leveringen/nieuw',
          async (page) => {
            await page.getByRole('button', { name: labels.submitCreate }).click();
            await page.locator('.error-summary').waitFor();
          },
        ));
      pageCheck('form to edit a delivery', () => check('registrar', () => `/leveringen/${procurementId}/bewerken`));
      pageCheck('form to edit a delivery, refused because someone else changed it', () =>
        check(
          'registrar',
          () => `/leveringen/${stockId}/bewerken`,
          async (page) => {
            await page.getByLabel(labels.unit).fill('stuks');
            const current = await apiResponse(server(), `/deliveries/${stockId}`);
            const { description } = (await current.json()) as { description: string };
            await api(server(), `/deliveries/${stockId}`, {
              method: 'PATCH',
              headers: { 'If-Match': current.headers.get('ETag') ?? '' },
              body: JSON.stringify({ description: `${description} (${language})` }),
            });
            await page.getByRole('button', { name: labels.save }).click();
            await page.locator('.error-summary .field-changes table').waitFor();
          },
        ));
      pageCheck('form to add a revaluation', () => check('registrar', () => `/leveringen/${stockId}/herwaardering`));
      pageCheck('form to add a payment', () => check('finance', () => `/leveringen/${procurementId}/betaling`));
      pageCheck('audit trail, with a change opened', () =>
        check(
          'auditor',
          () => `/audit?objectType=delivery&objectId=${procurementId}`,
          (page) => page.locator('details.audit-details summary').first().click(),
        ));
      pageCheck('audit trail, unfiltered', () => check('auditor', () => '/audit'));
      pageCheck('import, with the dry run of a file with a fault', () =>
        check('registrar', () => '/importeren', async (page) => {
          const buffer = Buffer.from(await filledTemplate(await importTemplate(), THREE_ROWS));
          await page.locator('input[type="file"]').setInputFiles({ name: 'leveringen.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
          await page.locator('form.record-form button[type="submit"]').click();
          await page.locator('.import-dry-run').waitFor();
        }));
      pageCheck('budget', () => check('finance', () => '/begroting?stand=2025-08-31'));
      pageCheck('form for a budget decision, with the years of its period', async () =>
        check('finance', () => '/begroting/besluit', async (page) => {
          await page.locator('input[name="firstYear"]').fill('2025');
          await page.locator('input[name="lastYear"]').fill('2027');
          await page.locator('input[name="amount-2027"]').waitFor();
        }));
      pageCheck('form for a commitment, with the deliveries a search found to choose from', () =>
        check('finance', () => '/begroting/verplichting', async (page) => {
          await page.locator('input[name="deliveryId-search"]').fill('bijdrage');
          await page.locator('select[name="deliveryId"] option').nth(1).waitFor({ state: 'attached' });
        }));
      pageCheck("form for a commitment's next stage, with a refusal", () =>
        check('finance', () => '/begroting/verplichting/b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e/stap', async (page) => {
          await page.locator('button[type="submit"]').click();
          await page.locator('.error-summary').waitFor();
        }));
      pageCheck('training programmes with the forms for a count and a new programme', () =>
        check('registrar', () => '/training', async (page) => {
          await page.locator('input[name$="trainees"]').fill('120');
          await page.locator('input[name$="costEstimateCents"]').fill('1.000');
        }));
      pageCheck('form changing a training programme, refused with errors', () =>
        check('registrar', () => '/training/5f0b2a52-5b53-4b8e-9a57-0c7c2a3c1f01/bewerken', async (page) => {
          await page.locator('input[name$="name"]').fill('');
          await page.locator('button[type="submit"]').click();
          await page.locator('.error-summary').waitFor();
        }));
      pageCheck('readiness and replenishment: the stock deliveries, the projects and the form for a project', () => check('registrar', () => '/gereedheid'));
      pageCheck("a stock delivery's readiness with the forms to judge it and to decide on its replacement", () =>
        check('registrar', () => '/gereedheid/leveringen/eb51ab98-09d6-4275-b358-644a2cc992ed'));
      pageCheck('accounts', () => check('administrator', () => '/accounts'));
      pageCheck('accounts, with the secret of a new account shown', () =>
        check(
          'administrator',
          () => '/accounts',
          async (page) => {
            await page.locator('input[name="username"]').fill(`a11y.${language}`);
            await page.locator('select[name="role"]').selectOption('letterAuthor');
            await page.locator('input[name="password"]').fill('een-lang-genoeg-wachtwoord');
            await page.getByRole('button', { name: labels.createAccount }).click();
            await page.locator('.created-account__secret').waitFor();
          },
        ));
      pageCheck('accounts, changing a role', () =>
        check(
          'administrator',
          () => '/accounts',
          (page) => page.getByRole('button', { name: labels.changeRole }).click(),
        ));
      pageCheck('accounts, setting a new password', () =>
        check(
          'administrator',
          () => '/accounts',
          (page) => page.getByRole('button', { name: labels.resetPassword }).click(),
        ));
      pageCheck('disclosure queue, a delivery selected to decide public', () =>
        check(
          'disclosureOfficer',
          () => '/openbaarmaking',
          async (page) => {
            await page.getByLabel(labels.select).check();
            await page.getByLabel(labels.public, { exact: true }).check();
          },
        ));
      pageCheck('disclosure decision, refused with errors', () =>
        check(
          'disclosureOfficer',
          () => '/openbaarmaking',
          async (page) => {
            await page.getByLabel(labels.select).check();
            await page.getByRole('button', { name: labels.decide }).click();
            await page.locator('.error-summary').waitFor();
          },
        ));
      pageCheck('disclosure decision on one delivery, confidential', () =>
        check(
          'disclosureOfficer',
          () => `/leveringen/${undecidedId}/openbaarmaking`,
          (page) => page.getByLabel(labels.confidential, { exact: true }).check(),
        ));
      pageCheck('delivery page with its disclosure decisions, as the disclosure officer sees it', () =>
        check('disclosureOfficer', () => `/leveringen/${procurementId}`, (page) => page.locator('.details-list').first().waitFor()));
      pageCheck('letters', () => check('letterAuthor', () => '/brieven'));
      pageCheck('draft letter: its text beside the preview', () => check('letterAuthor', () => `/brieven/${draftId}`));
      pageCheck("draft letter's preview: the server's HTML rendering, which the page shows in a frame", async () => {
        const page = await openPageFor('letterAuthor', language);
        await page.goto(`${server().url}/api/v1/letters/${draftId}/renderings/html`);
        await checkAccessibility(page);
      });
      pageCheck('draft letter, as the disclosure officer is asked to approve it', async () => {
        // The officer is asked once the author submitted the draft (in the first language checked).
        const { version } = await api<{ version: number }>(server(), `/letters/${draftId}`, { as: 'letterAuthor' });
        await apiResponse(server(), `/letters/${draftId}/submission`, { as: 'letterAuthor', method: 'POST', headers: { 'If-Match': `"${version}"` } });
        await check(
          'disclosureOfficer',
          () => `/brieven/${draftId}`,
          (page) => page.getByRole('button', { name: labels.approve }).click(),
        );
      });
      pageCheck('approved draft letter, asking to finalise', () =>
        check(
          'letterAuthor',
          () => `/brieven/${approvedId}`,
          (page) => page.getByRole('button', { name: labels.finalise }).click(),
        ));
      pageCheck('final letter, its publication still to record', () =>
        check('letterAuthor', () => `/brieven/${finalId}`, (page) => page.locator('.utrecht-alert--ok').first().waitFor()));
      pageCheck('published letter, as the auditor reads it', () => check('auditor', () => `/brieven/${publishedId}`));
      pageCheck('letters compared', () => check('letterAuthor', () => '/brieven/vergelijken'));
      pageCheck('confidential annexes, as a parliament reader sees them', () => check('parliamentReader', () => '/bijlagen'));
      pageCheck('public letters, without logging in', () => check(null, () => '/openbaar'));
      pageCheck('public letter, its hash checked', () =>
        check(
          null,
          () => `/openbaar/brieven/${publishedId}`,
          async (page) => {
            await page.getByRole('button', { name: labels.checkHash }).click();
            await page.locator('.site-notice .utrecht-alert').waitFor();
          },
        ));
      pageCheck('open data', () => check(null, () => '/openbaar/leveringen'));
      pageCheck('public letters compared', () => check(null, () => '/openbaar/vergelijken', (page) => page.locator('main table').first().waitFor()));
      // Export control
      pageCheck('export control queues', () => check('exportControlAssessor', () => '/exportcontrole'));
      pageCheck('export control of a delivery, as the licensing officer sees it', () => check('licensingOfficer', () => '/exportcontrole/leveringen/9a774c91-f7d0-4a37-ae6f-e3b05f65139d', (page) => page.locator('main table').first().waitFor()));
      pageCheck('export control of a delivery, as the assessor sees it with its forms', () => check('exportControlAssessor', () => '/exportcontrole/leveringen/9a774c91-f7d0-4a37-ae6f-e3b05f65139d', (page) => page.locator('main form').first().waitFor()));
      pageCheck('arms-transfer reports', () => check('exportControlAssessor', () => '/exportcontrole/rapportages', (page) => page.locator('main dl').first().waitFor()));
      pageCheck('assessments for inspection, as a parliament reader sees them', () => check('parliamentReader', () => '/exportcontrole/inzage', (page) => page.locator('main li').first().waitFor()));
      pageCheck('page the role may not use', () => check('registrar', () => '/audit'));
      pageCheck('page that does not exist', () => check('registrar', () => '/bestaat-niet'));
      pageCheck('accessibility statement', () => check(null, () => '/toegankelijkheid'));
      const unknown = [...(only ?? [])].filter((name) => !named.has(name));
      if (unknown.length > 0) throw new Error(`no such page to check: ${unknown.join(', ')}`);
    });
  }
});
