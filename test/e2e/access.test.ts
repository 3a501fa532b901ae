import { afterEach, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { recordAuditEvent, systemContext } from '../../src/audit/trail.ts';
import { ROLES } from '../../src/domain/access.ts';
import { describeWithBrowser } from '../support/browser.ts';
import { apiResponse, findDeliveryId, logIn, openPageAs, openPageIn, tableRows, useServer, useSessionOf, visit } from './app.ts';

async function navigationLinks(page: Page): Promise<string[]> {
  return page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link').allInnerTexts();
}

describeWithBrowser('what each role is offered and allowed', (browser) => {
  const server = useServer();
  let pages: Page[] = [];
  const open = async (role: Parameters<typeof openPageAs>[2]) => {
    const page = await openPageAs(browser(), server(), role);
    pages.push(page);
    return page;
  };
  afterEach(async () => {
    await Promise.all(pages.map((page) => page.context().close()));
    pages = [];
  });

  it('a registrar is not offered the audit trail or the accounts, and the server refuses them', async () => {
    const page = await open('registrar');
    await visit(page, server(), '/');
    // What the registrar may read (src/domain/access.ts): deliveries (and import them), the budget, industry,
    // EPF claims, training and readiness; not the audit trail, the accounts, disclosure, letters or export control.
    expect(await navigationLinks(page)).toEqual([
      'Overzicht',
      'Leveringen',
      'Nieuwe levering',
      'Importeren',
      'Begroting',
      'Industrie',
      'EPF-declaraties',
      'Training',
      'Gereedheid',
    ]);

    for (const [path, apiPath] of [
      ['/audit', '/api/v1/audit-events'],
      ['/accounts', '/api/v1/accounts'],
    ] as const) {
      const refusal = page.waitForResponse((response) => new URL(response.url()).pathname === apiPath);
      await page.goto(server().url + path);
      expect((await refusal).status()).toBe(403);
      await page.getByRole('heading', { level: 1, name: 'Geen toegang' }).waitFor();
      await page.getByText('Met uw rol (Registrator) kunt u deze pagina niet gebruiken.').waitFor();
    }
  });

  it('shows the forms to register and to change a delivery only to the roles that may', async () => {
    const id = await findDeliveryId(server(), 'Build with Ukraine');
    const page = await open('finance');
    for (const path of ['/leveringen/nieuw', `/leveringen/${id}/bewerken`]) {
      await visit(page, server(), path);
      await page.getByRole('heading', { level: 1, name: 'Geen toegang' }).waitFor();
      await page.getByText('Met uw rol (Financiën) kunt u deze pagina niet gebruiken.').waitFor();
      expect(await page.locator('form').count(), path).toBe(0);
    }
  });

  it('shows the forms to value a delivery and to record its payment only to the roles that may record them', async () => {
    const id = await findDeliveryId(server(), 'Build with Ukraine');
    for (const [role, path, roleName, heading] of [
      ['finance', 'herwaardering', 'Financiën', 'Betaling toevoegen'],
      ['registrar', 'betaling', 'Registrator', 'Herwaardering toevoegen'],
    ] as const) {
      const page = await open(role);
      await visit(page, server(), `/leveringen/${id}/${path}`);
      await page.getByRole('heading', { level: 1, name: 'Geen toegang' }).waitFor();
      await page.getByText(`Met uw rol (${roleName}) kunt u deze pagina niet gebruiken.`).waitFor();
      expect(await page.locator('form').count()).toBe(0);
      await visit(page, server(), `/leveringen/${id}/${path === 'betaling' ? 'herwaardering' : 'betaling'}`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    }
  });

  it("an auditor finds the registrar's change in the trail, with the value before and after", async () => {
    const id = await findDeliveryId(server(), 'Build with Ukraine');
    const registrar = await open('registrar');
    await visit(registrar, server(), `/leveringen/${id}/bewerken`);
    await registrar.getByLabel('Eenheid').fill('co-productieprojecten');
    await registrar.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await registrar.getByText('De wijzigingen zijn opgeslagen.').waitFor();
    expect(await registrar.getByRole('link', { name: 'Audittrail van deze levering' }).count()).toBe(0);

    const auditor = await open('auditor');
    await visit(auditor, server(), `/leveringen/${id}`);
    expect(await navigationLinks(auditor)).toContain('Audittrail');
    await auditor.getByRole('link', { name: 'Audittrail van deze levering' }).click();
    await auditor.getByRole('heading', { level: 1, name: 'Audittrail' }).waitFor();
    expect(await auditor.getByLabel('Kenmerk van het object').inputValue()).toBe(id);

    const trail = auditor.getByRole('table', { name: 'Gebeurtenissen in de audittrail, de nieuwste eerst' });
    const change = trail.locator('tr.audit-table__event').filter({ hasText: 'Levering wijzigen' });
    await change.waitFor();
    const [time, actor, role, action, object, result] = (await change.locator('th, td').allInnerTexts()).map((text) => text.trim());
    expect({ actor, role, action, result }).toEqual({ actor: 'demo-registrar', role: 'Registrator', action: 'Levering wijzigen', result: 'Gelukt' });
    expect(object).toContain(id);
    const seq = /nr\. (\d+)/.exec(time ?? '')?.[1];

    const details = trail.locator('details', { has: auditor.getByText(`Wijziging bij nr. ${seq} bekijken`) });
    expect(await details.evaluate((element) => (element as HTMLDetailsElement).open)).toBe(false);
    await details.locator('summary').click();
    const fields = auditor.getByRole('table', { name: `Wijziging bij nr. ${seq}, per veld` });
    await fields.waitFor();
    expect(await tableRows(fields)).toContainEqual(['Eenheid', '—', 'co-productieprojecten']);

    // The demonstration data was loaded by the system, which the trail names in the page's words.
    await visit(auditor, server(), '/audit?action=demonstration.load');
    const load = trail.locator('tr.audit-table__event').filter({ hasText: 'Demonstratiegegevens laden' }).first();
    expect((await load.locator('td').first().innerText()).trim()).toBe('het systeem');

    // Reading the trail is in the trail too, about the whole trail rather than one record: it says so in words.
    await visit(auditor, server(), '/audit?action=audit.read');
    const read = trail.locator('tr.audit-table__event').filter({ hasText: 'Audittrail inzien' }).first();
    expect((await read.locator('td').nth(3).innerText()).replace(/\s+/g, ' ').trim()).toBe('Audittrail (alle)');

    // The disclosure queue is read as at a reference date, which names it in the trail: written as people write a date.
    await visit(auditor, server(), '/openbaarmaking?referenceDate=2025-08-31');
    await visit(auditor, server(), '/audit?action=disclosure.read');
    const queue = trail.locator('tr.audit-table__event').filter({ hasText: 'Openbaarmakingslijst' }).first();
    expect((await queue.locator('td').nth(3).innerText()).replace(/\s+/g, ' ').trim()).toBe('Openbaarmakingslijst 31 augustus 2025');
  });

  /** The auditor's trail at the path with its first event opened: what its details show under a label. */
  async function firstEventOpened(path: string): Promise<(label: string) => Promise<string>> {
    const auditor = await open('auditor');
    await visit(auditor, server(), path);
    const event = auditor.locator('details.audit-details').first();
    await event.locator('summary').click();
    return async (label) => (await event.locator('.audit-details__item', { has: auditor.getByText(label, { exact: true }) }).locator('dd').innerText()).trim();
  }

  it("numbers the events a restore names in its details as the trail numbers its events, without a thousands separator", async () => {
    const detail = { operator: 'beheerder', restoredTo: 1234, restoredToHash: 'a'.repeat(64), lostFrom: 1235, lostUpTo: 20_480, signature: 'c2lnbmF0dXJl' };
    await recordAuditEvent(server().database.db, systemContext('test'), { action: 'audit.restore', object: { type: 'auditTrail', id: 'c2lnbmF0dXJl' }, result: 'success', detail });
    const shown = await firstEventOpened('/audit?action=audit.restore');
    expect(await shown('Hersteld tot gebeurtenis')).toBe('nr. 1234');
    expect(await shown('Verloren vanaf gebeurtenis')).toBe('nr. 1235');
    expect(await shown('Verloren tot en met gebeurtenis')).toBe('nr. 20480');
  });

  it("names the fields a refused request had wrong by their labels, not by the API's names", async () => {
    const refused = await apiResponse(server(), '/deliveries', { method: 'POST', body: JSON.stringify({ title: 'Geweigerd', category: 'drones', supportType: 'stock', fundingSource: 'ukraineSupportBudget', quantity: 0 }) });
    expect(refused.status).toBe(400);
    const shown = await firstEventOpened('/audit?action=access');
    expect(await shown('Velden')).toBe('Aantal');
    expect(await shown('Reden')).toBe('Invoer niet geldig');
  });

  it('asks to log in again with the one-time code when the server wants the second factor', async () => {
    // Demonstration auditors always log in with their code; the refusal comes from a session opened without it.
    const page = await openPageIn(browser(), 'nl');
    pages.push(page);
    await logIn(page, server(), 'auditor');
    await page.route('**/api/v1/audit-events*', (route) =>
      route.fulfill({ status: 403, contentType: 'application/problem+json', body: JSON.stringify({ status: 403, code: 'secondFactorRequired' }) }),
    );
    await visit(page, server(), '/audit');
    await page.getByRole('heading', { level: 1, name: 'Geen toegang' }).waitFor();
    await page.getByText('alleen te zien als u bent ingelogd met uw eenmalige code').waitFor();

    await page.getByRole('button', { name: 'Opnieuw inloggen met uw code' }).click();
    await page.getByText('Log opnieuw in, nu met uw eenmalige code').waitFor();
    expect(new URL(page.url()).searchParams.get('terug')).toBe('/audit');
    expect(await page.evaluate(async () => (await fetch('/api/v1/session')).status)).toBe(401);
  });

  it('a role that may not read the deliveries starts on a page it may use', async () => {
    const page = await open('administrator');
    await visit(page, server(), '/');
    expect(new URL(page.url()).pathname).toBe('/accounts');
    await page.getByRole('heading', { level: 1, name: 'Accounts' }).waitFor();
    expect(await navigationLinks(page)).toEqual(['Accounts']);
  });

  it('folds the menu and the session behind a button on a phone, and leaves them open on a wide screen', async () => {
    const page = await open('registrar');
    await page.setViewportSize({ width: 390, height: 844 });
    await visit(page, server(), '/');
    const button = page.getByRole('button', { name: 'Menu' });
    const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    const controlled = page.locator(`#${await button.getAttribute('aria-controls')}`);
    expect(await menu.isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Uitloggen' }).isVisible()).toBe(false);
    // The page's heading shows in the first screen, under the header and the demonstration banner.
    expect((await page.locator('main h1').boundingBox())!.y).toBeLessThan(400);

    await button.focus();
    await page.keyboard.press('Enter');
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    expect(await controlled.isVisible()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Overzicht');
    await page.keyboard.press('Escape');
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await menu.isVisible()).toBe(false);
    expect(await button.evaluate((element) => element === document.activeElement)).toBe(true);

    // Choosing a page folds the menu again.
    await button.click();
    await menu.getByRole('link', { name: 'Leveringen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Leveringen' }).waitFor();
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await menu.isVisible()).toBe(false);

    await page.setViewportSize({ width: 1366, height: 900 });
    expect(await button.isVisible()).toBe(false);
    expect(await menu.isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Uitloggen' }).isVisible()).toBe(true);
  });

  it('tells every role, and the public, that the register holds demonstration data', async () => {
    // One page, with the session of each role in turn: every visit loads the application anew.
    const page = await open(ROLES[0]);
    for (const role of ROLES) {
      await useSessionOf(page.context(), server(), role);
      await visit(page, server(), '/');
      expect(await page.getByText('Dit register bevat demonstratiegegevens, geen echte registraties.').count(), role).toBe(1);
    }
    await useSessionOf(page.context(), server(), 'parliamentReader');
    await visit(page, server(), '/bijlagen');
    expect(await page.getByText('Dit register bevat demonstratiegegevens, geen echte registraties.').count()).toBe(1);

    await page.context().clearCookies();
    for (const path of ['/openbaar', '/openbaar/leveringen', '/openbaar/vergelijken']) {
      await visit(page, server(), path);
      expect(await page.getByText('Deze omgeving bevat demonstratiegegevens: de brieven en leveringen zijn niet echt.').count(), path).toBe(1);
    }
  });
});
