import { afterEach, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeWithBrowser } from '../support/browser.ts';
import { api, fieldError, openPageAs, tableRows, useServer, visit } from './app.ts';

describeWithBrowser('industry', (browser) => {
  const server = useServer();
  let page: Page;
  afterEach(async () => {
    await page.context().close();
  });

  it('shows the contracts by country and lets the registrar report progress, refusing a setback without a reason', async () => {
    page = await openPageAs(browser(), server(), 'registrar');
    await visit(page, server(), '/industrie');
    await page.getByRole('heading', { name: 'Contracten per land' }).waitFor();
    await page.getByRole('rowheader', { name: 'Oekraïne (UA)' }).waitFor();
    await page.getByText(/^Demonstratie: G2B-drones-2025, 15 mei 2025: Drones van de Oekraïense defensie-industrie/).first().waitFor();

    // The milestone is the registrar's own choice: the form chooses none, and asks for one.
    const milestone = page.getByLabel('Mijlpaal', { exact: true });
    expect(await milestone.inputValue()).toBe('');
    expect(await milestone.locator('option:checked').innerText()).toBe('Maak een keuze');
    await page.getByLabel('Voortgang in procenten').fill('30');
    await page.getByLabel('Datum van de melding').fill('2025-09-15');
    await page.getByRole('button', { name: 'Voortgang vastleggen' }).click();
    await page.locator('.error-summary').getByRole('link', { name: 'Mijlpaal' }).waitFor();

    // A percent that is no number and a date before the register's are named in one round, the one by the form, the other by the register.
    await milestone.selectOption({ label: 'Demonstratie: Oekraïense dronefabrikant · Demonstratie: G2B-drones-2025 · Laatste partij geleverd (40 %)' });
    await page.getByLabel('Voortgang in procenten').fill('dertig');
    await page.getByLabel('Datum van de melding').fill('2013-09-15');
    await page.getByRole('button', { name: 'Voortgang vastleggen' }).click();
    await page.locator('.error-summary').getByRole('link', { name: 'Voortgang in procenten: Vul een geheel getal in.' }).waitFor();
    await page.locator('.error-summary').getByRole('link', { name: /^Datum van de melding: Vul een datum in vanaf/ }).waitFor();
    await page.getByLabel('Voortgang in procenten').fill('30');
    await page.getByLabel('Datum van de melding').fill('2025-09-15');

    // The last batch stood at 40 %: 30 % without a reason is refused, naming the field.
    await page.getByRole('button', { name: 'Voortgang vastleggen' }).click();
    await page.locator('.error-summary').getByText('De voortgang is lager dan de laatste melding (40 %); geef de reden.').waitFor();

    // The reason is optional but for a setback, which its hint says rather than a label that is both.
    const reason = page.getByLabel('Reden (optioneel)', { exact: true });
    expect(await reason.getAttribute('aria-describedby')).toBeTruthy();
    await page.getByText('Verplicht als de voortgang lager is dan bij de vorige melding.').waitFor();
    await reason.fill('Een partij is afgekeurd en wordt opnieuw gemaakt.');
    await page.getByRole('button', { name: 'Voortgang vastleggen' }).click();
    await page.getByText('De voortgang is vastgelegd.').waitFor();
    await page.getByRole('cell', { name: '30 %' }).waitFor();

    // A contract: a wrong amount and a milestone due before the signing are each explained; a right one is listed.
    const contract = page.locator('form', { has: page.getByRole('button', { name: 'Contract vastleggen' }) });
    await contract.getByLabel('Bedrijf', { exact: true }).selectOption({ label: 'Demonstratie: Nederlands bedrijf voor onbemande systemen (NL)' });
    await contract.getByLabel('Kenmerk').fill('G2B-2025-NL-1');
    await contract.getByLabel('Onderwerp').fill('Onbemande systemen');
    await contract.getByLabel('Bedrag').fill('veel');
    await contract.getByLabel('Getekend op').fill('2025-07-01');
    await contract.getByRole('button', { name: 'Contract vastleggen' }).click();
    await contract.locator('.error-summary').getByText('Vul een bedrag in, bijvoorbeeld 1.234.567,89.').waitFor();
    await contract.getByLabel('Bedrag').fill('2.500.000');
    // A milestone without a title, due before the signing: both named in one round.
    await contract.getByLabel(/^Eerste mijlpaal/).fill('   ');
    await contract.getByLabel(/^Mijlpaal uiterlijk op/).fill('2025-05-01');
    await contract.getByRole('button', { name: 'Contract vastleggen' }).click();
    await contract.locator('.error-summary').getByRole('link', { name: /^Eerste mijlpaal.*: Vul dit veld in\.$/ }).waitFor();
    await contract.locator('.error-summary').getByRole('link', { name: /^Mijlpaal uiterlijk op.*: Deze datum ligt vóór de ondertekening/ }).waitFor();
    await contract.getByLabel(/^Eerste mijlpaal/).fill('Eerste levering');
    await contract.getByLabel(/^Mijlpaal uiterlijk op/).fill('2025-12-01');
    // The procurement it fulfils is found by a part of its title; only procurements are offered.
    const fulfils = contract.getByLabel('Vervult verwerving 1 (optioneel)', { exact: true });
    await contract.getByRole('searchbox', { name: 'Vervult verwerving 1: zoeken' }).fill('BUILD WITH');
    await expect.poll(async () => fulfils.locator('option').allTextContents()).toEqual(['Nog geen verwerving', 'Bijdrage aan het Build with Ukraine co-productieproject']);
    await fulfils.selectOption({ label: 'Bijdrage aan het Build with Ukraine co-productieproject' });
    await contract.getByRole('searchbox', { name: 'Vervult verwerving 1: zoeken' }).fill('voorraad');
    await expect.poll(async () => fulfils.locator('option').allTextContents()).toEqual(['Nog geen verwerving', 'Bijdrage aan het Build with Ukraine co-productieproject']);
    // Once one is chosen, another may be: only procurements again.
    await contract.getByRole('searchbox', { name: 'Vervult verwerving 2: zoeken' }).fill('voorraad');
    await expect.poll(async () => contract.getByLabel('Vervult verwerving 2 (optioneel)', { exact: true }).locator('option').allTextContents()).toEqual(['Nog geen verwerving']);
    await contract.getByRole('button', { name: 'Contract vastleggen' }).click();
    await contract.getByText('Het contract is vastgelegd.').waitFor();
    await page.getByText(/^G2B-2025-NL-1, 1 juli 2025: Onbemande systemen\. Vervult leveringen: Bijdrage aan het Build with Ukraine co-productieproject/).first().waitFor();

    // The dashboard shows the same contracts by country.
    await visit(page, server(), '/');
    await page.getByRole('heading', { name: 'Contracten per land' }).waitFor();
    expect(await page.getByRole('rowheader', { name: 'Oekraïne (UA)' }).count()).toBe(1);
  });

  it('warns at the day a contract was signed in the period of the letter sent to parliament, naming it, and records it once confirmed', async () => {
    const references = async () => (await api<{ companies: { contracts: { reference: string }[] }[] }>(server(), '/industry')).companies.flatMap((company) => company.contracts.map((contract) => contract.reference));
    page = await openPageAs(browser(), server(), 'registrar');
    await visit(page, server(), '/industrie');
    const contract = page.locator('form', { has: page.getByRole('button', { name: 'Contract vastleggen' }) });
    await contract.getByLabel('Bedrijf', { exact: true }).selectOption({ label: 'Demonstratie: Nederlands bedrijf voor onbemande systemen (NL)' });
    await contract.getByLabel('Kenmerk').fill('G2B-2025-NL-PERIODE');
    await contract.getByLabel('Onderwerp').fill('Onbemande systemen');
    await contract.getByLabel('Bedrag').fill('1.000.000');
    // The demonstration's letter of 4 February 2025 was sent.
    await contract.getByLabel('Getekend op').fill('2025-02-01');
    await contract.getByRole('button', { name: 'Contract vastleggen' }).click();

    const confirmation = contract.getByLabel('Toch vastleggen: de datum klopt, ook al wijkt het register daarmee af van de verstuurde brief');
    await confirmation.waitFor();
    expect(await fieldError(page, 'Getekend op')).toMatch(/^1 februari 2025 valt in de periode van de brief met peildatum 4 februari 2025 \(Kamerstuk [^)]+\), die al naar de Kamer is gestuurd/);
    expect(await references()).not.toContain('G2B-2025-NL-PERIODE');

    await confirmation.check();
    await contract.getByRole('button', { name: 'Contract vastleggen' }).click();
    await contract.getByText('Het contract is vastgelegd.').waitFor();
    expect(await references()).toContain('G2B-2025-NL-PERIODE');
  });

  it('shows the register as it stood at a date, without the forms, which are at today’s; a date after the register’s is refused at the field', async () => {
    page = await openPageAs(browser(), server(), 'registrar');
    await visit(page, server(), '/industrie');
    await page.getByRole('rowheader', { name: 'Oekraïne (UA)' }).waitFor();
    await page.getByLabel('Stand op', { exact: true }).fill('2025-01-31');
    await page.getByRole('button', { name: 'Tonen' }).click();
    // None was signed by then.
    await page.getByText('Er zijn tot deze datum geen contracten getekend.').waitFor();
    expect(await page.getByRole('rowheader', { name: 'Oekraïne (UA)' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Contract vastleggen' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Naar de stand van vandaag' }).waitFor();

    await page.getByLabel('Stand op', { exact: true }).fill('2100-01-01');
    await page.getByRole('button', { name: 'Tonen' }).click();
    expect(await fieldError(page, 'Stand op')).toMatch(/^Vul een datum in tot en met /);
  });

  it('refuses a decision on a company someone else decided on since the page loaded, shows theirs in the choice of company with the decision kept, and then records it', async () => {
    const company = await api<{ id: string }>(server(), '/companies', { method: 'POST', body: JSON.stringify({ name: 'Veldkeuken Industrie B.V.', country: 'NL' }) });
    page = await openPageAs(browser(), server(), 'disclosureOfficer');
    await visit(page, server(), '/industrie');
    const form = page.locator('form', { has: page.getByRole('group', { name: 'Openbaarmaking van een bedrijf' }) });
    await form.getByLabel('Bedrijf').selectOption({ label: 'Veldkeuken Industrie B.V. (nog niet besloten)' });
    await form.getByLabel('Besluit').selectOption({ label: 'Openbaar' });
    await form.getByLabel('Naam die openbaar mag').fill('Veldkeuken Industrie');

    // A colleague keeps the company confidential meanwhile.
    await api(server(), `/companies/${company.id}/disclosure-decisions`, { as: 'disclosureOfficer', method: 'POST', body: JSON.stringify({ state: 'confidential', ground: 'companyInterests', reviewOn: null, note: '' }) });
    await form.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await form.locator('.error-summary').getByText('Iemand anders heeft intussen iets toegevoegd of gewijzigd', { exact: false }).waitFor();
    await form.getByRole('option', { name: 'Veldkeuken Industrie B.V. (vertrouwelijk)' }).waitFor({ state: 'attached' });
    expect(await form.getByLabel('Naam die openbaar mag').inputValue()).toBe('Veldkeuken Industrie');

    await form.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await form.getByText('Het besluit is vastgelegd.').waitFor();
    const { companies } = await api<{ companies: { id: string; disclosureState: string; version: number }[] }>(server(), '/industry', { as: 'disclosureOfficer' });
    expect(companies.find((candidate) => candidate.id === company.id)).toMatchObject({ disclosureState: 'public', version: 2 });
  });

  it('puts a company corrected through the form after its disclosure decision in the disclosure officer’s queue, until a new decision on it', async () => {
    const company = await api<{ id: string }>(server(), '/companies', { method: 'POST', body: JSON.stringify({ name: 'Veldradio Techniek B.V.', country: 'NL' }) });
    await api(server(), `/companies/${company.id}/disclosure-decisions`, { as: 'disclosureOfficer', method: 'POST', body: JSON.stringify({ state: 'public', publicName: 'Veldradio Techniek', note: '' }) });

    page = await openPageAs(browser(), server(), 'registrar');
    await visit(page, server(), '/industrie');
    const correction = page.getByRole('group', { name: 'Bedrijf corrigeren' });
    await correction.getByLabel('Bedrijf', { exact: true }).selectOption({ label: 'Veldradio Techniek B.V. (NL)' });
    await correction.getByLabel('Naam', { exact: true }).fill('Veldradio Techniek Nederland B.V.');
    await correction.getByRole('button', { name: 'Correctie opslaan' }).click();
    await correction.getByText('De correctie is opgeslagen.').waitFor();
    await page.context().close();

    page = await openPageAs(browser(), server(), 'disclosureOfficer');
    await visit(page, server(), '/openbaarmaking');
    const corrected = page.getByRole('region', { name: /^Gecorrigeerd na het besluit/ });
    const rows = await tableRows(corrected.getByRole('table'));
    expect(rows.map((row) => row.slice(0, 3))).toEqual([['Veldradio Techniek Nederland B.V. (NL)', 'Openbaar', 'Veldradio Techniek (NL)']]);

    // The link leads to the company's decision, which takes it off the queue.
    await corrected.getByRole('link', { name: 'Besluit opnieuw op de pagina Industrie.' }).click();
    const decision = page.locator('form', { has: page.getByRole('group', { name: 'Openbaarmaking van een bedrijf' }) });
    await decision.getByLabel('Bedrijf').selectOption({ label: 'Veldradio Techniek Nederland B.V. (openbaar)' });
    await decision.getByLabel('Besluit').selectOption({ label: 'Openbaar' });
    await decision.getByLabel('Naam die openbaar mag').fill('Veldradio Techniek Nederland');
    await decision.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await decision.getByText('Het besluit is vastgelegd.').waitFor();
    await visit(page, server(), '/openbaarmaking');
    expect(await page.getByRole('heading', { name: /^Gecorrigeerd na het besluit/ }).count()).toBe(0);
  });

  it('withdraws a company through the button of its correction once its contract is withdrawn, refusing it before with the contract named, and lists it among the withdrawn companies', async () => {
    const company = await api<{ id: string }>(server(), '/companies', { method: 'POST', body: JSON.stringify({ name: 'Dubbel Vastgelegd B.V.', country: 'NL' }) });
    const contract = await api<{ id: string }>(server(), '/industry-contracts', {
      method: 'POST',
      body: JSON.stringify({ companyId: company.id, reference: 'G2B-2025-DUBBEL', subject: 'Onderdelen', amountCents: 100_000, signedOn: '2025-08-01', deliveryIds: [], milestones: [] }),
    });

    page = await openPageAs(browser(), server(), 'registrar');
    await visit(page, server(), '/industrie');
    const correction = page.getByRole('group', { name: 'Bedrijf corrigeren' });
    await correction.getByLabel('Bedrijf', { exact: true }).selectOption({ label: 'Dubbel Vastgelegd B.V. (NL)' });
    await correction.getByRole('button', { name: 'Bedrijf intrekken' }).click();
    const dialog = page.getByRole('dialog', { name: 'Bedrijf intrekken?' });
    await dialog.getByLabel('Reden').fill('Dubbel vastgelegd');
    await dialog.getByRole('button', { name: 'Ja, intrekken' }).click();
    await dialog.locator('.error-summary').getByText(/G2B-2025-DUBBEL/).waitFor();

    await api(server(), `/industry-contracts/${contract.id}/withdrawal`, { method: 'POST', body: JSON.stringify({ withdrawnOn: '2025-08-01', reason: 'Dubbel vastgelegd' }) });
    await dialog.getByRole('button', { name: 'Ja, intrekken' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const withdrawn = async () => tableRows(page.getByRole('table', { name: /^Bedrijven ingetrokken tot en met/ }));
    await expect.poll(async () => (await withdrawn()).map((row) => [row[0], row[2]])).toEqual([['Dubbel Vastgelegd B.V. (NL)', 'Dubbel vastgelegd']]);
    expect(await correction.getByLabel('Bedrijf', { exact: true }).locator('option', { hasText: 'Dubbel Vastgelegd' }).count()).toBe(0);
  });

  it('corrects a co-production project’s title through the form, keeping its stages, and records its next stage at the version the correction gave it', async () => {
    await api(server(), '/coproduction-projects', { method: 'POST', body: JSON.stringify({ title: 'Munitei uit Oekraïne', partner: 'Ukroboronprom', stage: 'intention', reachedOn: '2025-03-01' }) });

    page = await openPageAs(browser(), server(), 'registrar');
    await visit(page, server(), '/industrie');
    const correction = page.getByRole('group', { name: 'Coproductieproject corrigeren' });
    await correction.getByLabel('Project', { exact: true }).selectOption({ label: 'Munitei uit Oekraïne (Ukroboronprom)' });
    await correction.getByLabel('Titel', { exact: true }).fill('Munitie uit Oekraïne');
    await correction.getByRole('button', { name: 'Correctie opslaan' }).click();
    await correction.getByText('De correctie is opgeslagen.').waitFor();
    const projects = async () => (await tableRows(page.getByRole('table', { name: 'Coproductieprojecten en hun fase' }))).filter((row) => row[1] === 'Ukroboronprom');
    await expect.poll(projects).toEqual([['Munitie uit Oekraïne', 'Ukroboronprom', 'Intentie', '1 maart 2025']]);

    const stage = page.locator('form', { has: page.getByRole('group', { name: 'Coproductie', exact: true }) });
    await stage.getByLabel('Project').selectOption({ label: 'Munitie uit Oekraïne' });
    await stage.getByLabel('Stap').selectOption({ label: 'Memorandum of Understanding' });
    await stage.getByLabel('Bereikt op').fill('2025-04-01');
    await stage.getByRole('button', { name: 'Coproductie vastleggen' }).click();
    await stage.getByText('De coproductie is vastgelegd.').waitFor();
    await expect.poll(projects).toEqual([['Munitie uit Oekraïne', 'Ukroboronprom', 'Memorandum of Understanding', '1 april 2025']]);
  });

  it('corrects a shared need through the form, which the page then lists as corrected', async () => {
    await api(server(), '/demand-bundles', { method: 'POST', body: JSON.stringify({ need: 'Mortiergranaten', category: 'ammunition', dutchQuantity: 100, ukrainianQuantity: 500, identifiedOn: '2025-06-01' }) });

    page = await openPageAs(browser(), server(), 'registrar');
    await visit(page, server(), '/industrie');
    const correction = page.getByRole('group', { name: 'Gedeelde behoefte corrigeren' });
    await correction.getByLabel('Behoefte', { exact: true }).first().selectOption({ label: 'Mortiergranaten (Munitie)' });
    const form = correction.locator('form');
    expect(await form.getByLabel('Aantal voor Nederland').inputValue()).toBe('100');
    await form.getByLabel('Behoefte', { exact: true }).fill('Mortiergranaten 120mm');
    await form.getByLabel('Aantal voor Nederland').fill('1.000');
    await form.getByRole('button', { name: 'Correctie opslaan' }).click();
    await correction.getByText('De correctie is opgeslagen.').waitFor();
    const needs = async () => (await tableRows(page.getByRole('table', { name: 'Behoeften die de Nederlandse en Oekraïense krijgsmacht delen' }))).filter((row) => row[0]!.startsWith('Mortiergranaten'));
    await expect.poll(needs).toEqual([['Mortiergranaten 120mm (Munitie)', '1000', '500', '1 juni 2025']]);

    // Dated into the period of the letter sent to parliament, the correction is saved once that is confirmed at the date.
    await correction.getByLabel('Behoefte', { exact: true }).first().selectOption({ label: 'Mortiergranaten 120mm (Munitie)' });
    await form.getByLabel('Vastgesteld op').fill('2025-01-15');
    await form.getByRole('button', { name: 'Correctie opslaan' }).click();
    const confirmation = form.getByLabel('Toch vastleggen: de datum klopt, ook al wijkt het register daarmee af van de verstuurde brief');
    await confirmation.check();
    await form.getByRole('button', { name: 'Correctie opslaan' }).click();
    await correction.getByText('De correctie is opgeslagen.').waitFor();
    await expect.poll(needs).toEqual([['Mortiergranaten 120mm (Munitie)', '1000', '500', '15 januari 2025']]);
  });

  it('names a public name without a letter beside a note the API refuses, in one round, and records no decision', async () => {
    const company = await api<{ id: string }>(server(), '/companies', { method: 'POST', body: JSON.stringify({ name: 'Stuurteken Techniek B.V.', country: 'NL' }) });
    page = await openPageAs(browser(), server(), 'disclosureOfficer');
    await visit(page, server(), '/industrie');
    const form = page.locator('form', { has: page.getByRole('group', { name: 'Openbaarmaking van een bedrijf' }) });
    await form.getByLabel('Bedrijf').selectOption({ label: 'Stuurteken Techniek B.V. (nog niet besloten)' });
    await form.getByLabel('Besluit').selectOption({ label: 'Openbaar' });
    await form.getByLabel('Naam die openbaar mag').fill('???');
    await form.getByLabel(/^Afweging/).fill('bel\u0007teken');
    await form.getByRole('button', { name: 'Besluit vastleggen' }).click();
    expect(await fieldError(page, 'Afweging (optioneel)')).toContain('stuurteken');
    expect(await fieldError(page, 'Naam die openbaar mag')).toContain('letter');
    const { companies } = await api<{ companies: { id: string; version: number }[] }>(server(), '/industry', { as: 'disclosureOfficer' });
    expect(companies.find((candidate) => candidate.id === company.id)).toMatchObject({ version: 0 });
  });

  it('tells a role that may not read the industry register so, without asking the server for it', async () => {
    page = await openPageAs(browser(), server(), 'exportControlAssessor');
    const asked: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/v1/industry')) asked.push(request.url());
    });
    await visit(page, server(), '/industrie');
    await page.getByRole('heading', { level: 1, name: 'Geen toegang' }).waitFor();
    expect(asked).toEqual([]);
  });
});
