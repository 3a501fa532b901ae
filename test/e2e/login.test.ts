import { afterEach, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeWithBrowser } from '../support/browser.ts';
import { demonstrationAccount, freshCode, logIn, openPageIn, useServer, visit } from './app.ts';

/** The status of the browser's own session, as the API sees its cookie. */
async function sessionStatus(page: Page): Promise<number> {
  return page.evaluate(async () => (await fetch('/api/v1/session')).status);
}

async function submitLogin(page: Page, fields: { username: string; password: string; totp?: string }): Promise<void> {
  await page.getByLabel('Gebruikersnaam').fill(fields.username);
  await page.getByLabel('Wachtwoord').fill(fields.password);
  await page.getByLabel('Eenmalige code (optioneel)').fill(fields.totp ?? '');
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

describeWithBrowser('logging in and out', (browser) => {
  const server = useServer();
  let page: Page;
  afterEach(async () => {
    await page.context().close();
  });

  it('sends a visitor without a session to the login page, and back to where they were after logging in', async () => {
    page = await openPageIn(browser(), 'nl');
    await visit(page, server(), '/leveringen?supportType=natoFund');
    expect(new URL(page.url()).pathname).toBe('/inloggen');
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).count()).toBe(0);

    await logIn(page, server(), 'registrar');
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/leveringen?supportType=natoFund');
    await page.getByText('2 leveringen gevonden').waitFor();
    await page.getByText('Ingelogd als Demonstratie registrateur (Registrator)').waitFor();
    expect(await sessionStatus(page)).toBe(200);
  });

  it('offers a visitor of the public pages the way to log in, and a logged-in user not', async () => {
    page = await openPageIn(browser(), 'nl');
    await visit(page, server(), '/openbaar');
    await page.locator('footer').getByRole('link', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    expect(await page.locator('footer').getByRole('link', { name: 'Inloggen' }).count()).toBe(0);

    await logIn(page, server(), 'registrar');
    await visit(page, server(), '/openbaar');
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.locator('footer').getByRole('link', { name: 'Inloggen' }).count()).toBe(0);
  });

  it('asks the one-time code of an account with a second factor: refused without it, let in with it', async () => {
    const officer = demonstrationAccount(server(), 'disclosureOfficer');
    page = await openPageIn(browser(), 'nl');
    await visit(page, server(), '/inloggen');

    await submitLogin(page, { username: officer.username, password: officer.password });
    await page.locator('.error-summary', { hasText: 'De gebruikersnaam, het wachtwoord of de eenmalige code klopt niet.' }).waitFor();
    expect(await sessionStatus(page)).toBe(401);

    await submitLogin(page, { username: officer.username, password: officer.password, totp: await freshCode(server(), officer) });
    await page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();
    await page.getByText('(Openbaarmakingsfunctionaris)').waitFor();
    expect(await sessionStatus(page)).toBe(200);
  });

  it("offers the organisation's login only where the server has one", async () => {
    page = await openPageIn(browser(), 'nl');
    await visit(page, server(), '/inloggen');
    expect(await page.getByRole('link', { name: 'Inloggen met het account van uw organisatie' }).count()).toBe(0);

    await page.route('**/api/v1/session/methods', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ password: true, oidc: true }) }),
    );
    await visit(page, server(), '/inloggen');
    const link = page.getByRole('link', { name: 'Inloggen met het account van uw organisatie' });
    expect(await link.getAttribute('href')).toBe('/api/v1/session/oidc');
    await page.getByText('Of log in met uw gebruikersnaam en wachtwoord:').waitFor();
  });

  it('says a wrong password is wrong, moves focus to the message, and logs no one in', async () => {
    page = await openPageIn(browser(), 'nl');
    await visit(page, server(), '/inloggen');
    await submitLogin(page, { username: 'demo-registrar', password: 'niet-het-wachtwoord' });

    const summary = page.locator('.error-summary');
    await summary.getByText('klopt niet').waitFor();
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/inloggen');
    expect(await sessionStatus(page)).toBe(401);
  });

  it('says what is missing before asking the server', async () => {
    page = await openPageIn(browser(), 'en');
    await visit(page, server(), '/inloggen');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.locator('.error-summary').getByRole('link', { name: 'Username: Fill in this field.' }).waitFor();
    await page.locator('.error-summary').getByRole('link', { name: 'Password: Fill in this field.' }).waitFor();
  });

  it('tells when to try again after too many failed logins', async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const response = await fetch(`${server().url}/api/v1/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'niemand', password: 'geraden' }),
      });
      expect(response.status).toBe(401);
    }
    page = await openPageIn(browser(), 'nl');
    await visit(page, server(), '/inloggen');
    // After five free failures the next attempt waits 30 seconds (then 60, 120, …), which the page rounds up to a minute.
    // The attempt (POST), not the page's own check of the session (GET) at the same address.
    const refusal = page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/api/v1/session');
    await submitLogin(page, { username: 'niemand', password: 'nog-eens-geraden' });
    const response = await refusal;
    expect(response.status()).toBe(429);
    expect(Number(await response.headerValue('Retry-After'))).toBeLessThanOrEqual(30);
    await page.locator('.error-summary', { hasText: 'Er is te vaak verkeerd ingelogd. Probeer het over 1 minuut opnieuw.' }).waitFor();
  });

  it('logs out: the session ends on the server and the pages ask for a login again', async () => {
    page = await openPageIn(browser(), 'nl');
    await logIn(page, server(), 'finance');
    await page.getByRole('button', { name: 'Uitloggen' }).click();

    await page.getByText('U bent uitgelogd.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/inloggen');
    expect(await sessionStatus(page)).toBe(401);
    await visit(page, server(), '/leveringen');
    expect(new URL(page.url()).pathname).toBe('/inloggen');
  });

  it('sends the user to log in again when the session ends while working, and back afterwards', async () => {
    page = await openPageIn(browser(), 'nl');
    await logIn(page, server(), 'registrar');
    // The session ends once the overview has all it asked for: a request of its own would end in the login page before the click.
    await visit(page, server(), '/');
    await page.context().clearCookies();

    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Leveringen' }).click();
    await page.getByText('Uw sessie is verlopen.').waitFor();
    expect(new URL(page.url()).searchParams.get('terug')).toBe('/leveringen');

    await logIn(page, server(), 'registrar');
    expect(new URL(page.url()).pathname).toBe('/leveringen');
    await page.getByRole('heading', { level: 1, name: 'Leveringen' }).waitFor();
  });
});
