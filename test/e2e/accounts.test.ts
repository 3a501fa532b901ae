import { afterEach, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Account } from '../../web/src/api/accounts.ts';
import { totpCode } from '../../src/auth/totp.ts';
import { describeWithBrowser } from '../support/browser.ts';
import { api, openPageAs, openPageIn, tableRows, useServer, visit } from './app.ts';

describeWithBrowser('accounts', (browser) => {
  const server = useServer();
  let pages: Page[] = [];
  afterEach(async () => {
    await Promise.all(pages.map((page) => page.context().close()));
    pages = [];
  });
  const accountsTable = (page: Page) => page.getByRole('table', { name: 'Accounts, op gebruikersnaam' });
  /** The account's row once the list shows it: the list reloads after a change, later on a busy machine. */
  const rowOf = async (page: Page, username: string) => {
    await accountsTable(page).getByRole('row').filter({ hasText: username }).first().waitFor();
    return (await tableRows(accountsTable(page))).find(([account]) => account?.startsWith(username));
  };

  it('creates an account and shows its second factor once, which then works for logging in', async () => {
    const admin = await openPageAs(browser(), server(), 'administrator');
    pages.push(admin);
    await visit(admin, server(), '/accounts');
    await admin.getByLabel('Gebruikersnaam').fill('k.devries');
    await admin.getByLabel('Naam (optioneel)').fill('Karin de Vries');
    await admin.getByLabel('Rol', { exact: true }).selectOption('auditor');
    await admin.getByText('Met deze rol heeft een account altijd een tweede factor.').waitFor();
    await admin.getByLabel('Wachtwoord (optioneel)').fill('kort');
    await admin.getByRole('button', { name: 'Account aanmaken' }).click();
    await admin.locator('.error-summary', { hasText: 'Gebruik een wachtwoord van minstens 15 tekens.' }).waitFor();

    await admin.getByLabel('Wachtwoord (optioneel)').fill('correct-paard-batterij');
    await admin.getByRole('button', { name: 'Account aanmaken' }).click();
    await admin.getByRole('heading', { name: 'Account k.devries is aangemaakt' }).waitFor();
    await admin.getByText('Dit geheim wordt maar één keer getoond.').waitFor();
    const secret = (await admin.locator('.created-account__secret').innerText()).trim();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(await admin.locator('.created-account__uri').innerText()).toContain(`secret=${secret}`);
    const row = await rowOf(admin, 'k.devries');
    expect(row?.[0]).toContain('Karin de Vries');
    expect(row?.slice(1, 4)).toEqual(['Auditor', 'Wachtwoord, eenmalige code', 'Actief']);

    await admin.getByRole('button', { name: 'Het geheim is overgedragen' }).click();
    expect(await admin.locator('.created-account').count()).toBe(0);
    expect(await admin.getByText(secret).count()).toBe(0);

    const newcomer = await openPageIn(browser(), 'nl');
    pages.push(newcomer);
    await visit(newcomer, server(), '/audit');
    await newcomer.getByLabel('Gebruikersnaam').fill('k.devries');
    await newcomer.getByLabel('Wachtwoord').fill('correct-paard-batterij');
    await newcomer.getByLabel('Eenmalige code (optioneel)').fill(totpCode(secret, new Date()));
    await newcomer.getByRole('button', { name: 'Inloggen' }).click();
    await newcomer.getByRole('heading', { level: 1, name: 'Audittrail' }).waitFor();
    await newcomer.getByText('Ingelogd als Karin de Vries (Auditor)').waitFor();
  });

  it("changes an account's role, and disables an account only after confirmation", async () => {
    const { account } = await api<{ account: Account }>(server(), '/accounts', {
      as: 'administrator',
      method: 'POST',
      body: JSON.stringify({ username: 'p.bakker', role: 'registrar', password: 'een-heel-lang-wachtwoord' }),
    });
    const admin = await openPageAs(browser(), server(), 'administrator');
    pages.push(admin);
    await visit(admin, server(), '/accounts');

    // The administrator's own account is changed by another administrator: the server refuses it from its owner.
    const ownRow = accountsTable(admin).getByRole('row').filter({ hasText: 'demo-administrator' });
    await ownRow.getByText('Uw eigen account: een andere beheerder wijzigt of schakelt het uit').waitFor();
    expect(await ownRow.getByRole('button').count()).toBe(0);

    await admin.getByRole('button', { name: 'Rol wijzigen, p.bakker' }).click();
    const roleDialog = admin.getByRole('dialog', { name: 'Rol van p.bakker wijzigen' });
    await roleDialog.getByLabel('Nieuwe rol').selectOption('finance');
    await roleDialog.getByRole('button', { name: 'Rol wijzigen' }).click();
    await admin.getByText('De rol van p.bakker is nu Financiën.').waitFor();
    // The list is read again after the change is said.
    await expect.poll(async () => (await rowOf(admin, 'p.bakker'))?.[1]).toBe('Financiën');

    await admin.getByRole('button', { name: 'Rol wijzigen, p.bakker' }).click();
    await roleDialog.getByLabel('Nieuwe rol').selectOption('auditor');
    await roleDialog.getByRole('button', { name: 'Rol wijzigen' }).click();
    await roleDialog.getByText('Deze rol vereist een tweede factor; dit account heeft er geen.').waitFor();
    await roleDialog.getByRole('button', { name: 'Annuleren' }).click();

    await admin.getByRole('button', { name: 'Uitschakelen, p.bakker' }).click();
    const disableDialog = admin.getByRole('dialog', { name: 'Account p.bakker uitschakelen?' });
    await disableDialog.getByRole('button', { name: 'Annuleren' }).click();
    expect(await disableDialog.isVisible()).toBe(false);
    const stillActive = await api<{ items: Account[] }>(server(), '/accounts', { as: 'administrator' });
    expect(stillActive.items.find((candidate) => candidate.id === account.id)?.disabledAt).toBeNull();

    await admin.getByRole('button', { name: 'Uitschakelen, p.bakker' }).click();
    await disableDialog.getByRole('button', { name: 'Ja, uitschakelen' }).click();
    await admin.getByText('Account p.bakker is uitgeschakeld.').waitFor();
    await expect.poll(async () => (await rowOf(admin, 'p.bakker'))?.[3]).toMatch(/^Uitgeschakeld op /);
    expect(await admin.getByRole('button', { name: 'Uitschakelen, p.bakker' }).count()).toBe(0);
    const disabled = await api<{ items: Account[] }>(server(), '/accounts', { as: 'administrator' });
    expect(disabled.items.find((candidate) => candidate.id === account.id)?.disabledAt).not.toBeNull();
  });

  it('sets a new password for an account, whose holder then chooses their own before anything else', async () => {
    await api(server(), '/accounts', {
      as: 'administrator',
      method: 'POST',
      body: JSON.stringify({ username: 'm.visser', role: 'registrar', password: 'het wachtwoord dat uitlekte' }),
    });
    const admin = await openPageAs(browser(), server(), 'administrator');
    pages.push(admin);
    await visit(admin, server(), '/accounts');
    await admin.getByRole('button', { name: 'Nieuw wachtwoord, m.visser' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Nieuw wachtwoord voor m.visser' });
    await dialog.getByLabel('Nieuw wachtwoord').fill('tijdelijk wachtwoord van beheer');
    await dialog.getByRole('button', { name: 'Wachtwoord instellen' }).click();
    await admin.getByText('Het nieuwe wachtwoord van m.visser is ingesteld.', { exact: false }).waitFor();
    await expect.poll(async () => (await rowOf(admin, 'm.visser'))?.[3]).toBe('Actief; kiest bij de volgende keer inloggen een eigen wachtwoord');

    const holder = await openPageIn(browser(), 'nl');
    pages.push(holder);
    await visit(holder, server(), '/leveringen');
    await holder.getByLabel('Gebruikersnaam').fill('m.visser');
    await holder.getByLabel('Wachtwoord').fill('tijdelijk wachtwoord van beheer');
    await holder.getByRole('button', { name: 'Inloggen' }).click();
    await holder.getByRole('heading', { level: 1, name: 'Wachtwoord wijzigen' }).waitFor();
    await holder.getByText('Een beheerder heeft een nieuw wachtwoord voor u ingesteld.', { exact: false }).waitFor();
    expect(await holder.getByRole('navigation', { name: 'Hoofdmenu' }).count()).toBe(0);

    await holder.getByLabel('Huidig wachtwoord').fill('tijdelijk wachtwoord van beheer');
    await holder.getByLabel('Nieuw wachtwoord', { exact: true }).fill('mijn eigen zin van woorden');
    await holder.getByLabel('Nieuw wachtwoord nogmaals').fill('mijn eigen zin van woorden');
    await holder.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
    await holder.getByText('Uw wachtwoord is gewijzigd.').waitFor();
    await holder.getByRole('link', { name: 'Naar het overzicht' }).click();
    await holder.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor();
    await visit(admin, server(), '/accounts');
    expect((await rowOf(admin, 'm.visser'))?.[3]).toBe('Actief');
  });
});
