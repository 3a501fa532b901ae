import { afterEach, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeWithBrowser } from '../support/browser.ts';
import { api, fieldError, openPageAs, publishLetterOf31August, useServer, visit } from './app.ts';

const plainSpaces = (text: string) => text.replace(/\u00a0/g, ' ').trim();

describeWithBrowser('budget', (browser) => {
  const server = useServer();
  let page: Page;
  afterEach(async () => {
    await page.context().close();
  });

  it('shows the budget as known on 31 August 2025, and records a shift after refusing one larger than its year holds', async () => {
    page = await openPageAs(browser(), server(), 'finance');
    await visit(page, server(), '/begroting?stand=2025-08-31');
    const total = page.locator('table.budget-table tfoot tr');
    expect((await total.getByRole('cell').allInnerTexts()).map(plainSpaces)[0]).toBe('€ 13.600.000.000,00');

    await page.getByRole('link', { name: 'Kasschuif vastleggen' }).click();
    await page.getByLabel('Besloten op').fill('2025-08-01');
    await page.getByLabel('Van begrotingsjaar').fill('2099');
    await page.getByLabel('Naar begrotingsjaar').fill('2025');
    await page.getByLabel('Bedrag in euro').fill('500.000.000');
    // A moment left empty, which the form refuses, and a year outside the register, which the API refuses: both in one round.
    await page.getByRole('button', { name: 'Vastleggen' }).click();
    await page.locator('.error-summary').getByRole('link', { name: 'Moment in de begrotingscyclus: Vul dit veld in.' }).waitFor();
    await page.locator('.error-summary').getByRole('link', { name: 'Van begrotingsjaar: Vul een begrotingsjaar in van 2022 tot en met 2040.' }).waitFor();
    await page.getByLabel('Moment in de begrotingscyclus').fill('Najaarsnota 2025');
    await page.getByLabel('Van begrotingsjaar').fill('2027');
    await page.getByRole('button', { name: 'Vastleggen' }).click();
    await page.locator('.error-summary').getByText('Het jaar 2027 heeft op die datum (of daarna) niet meer dan').waitFor();

    await page.getByLabel('Bedrag in euro').fill('100.000.000');
    await page.getByRole('button', { name: 'Vastleggen' }).click();
    await page.getByText('De kasschuif is vastgelegd.').waitFor();
    await page.getByRole('rowheader', { name: 'Najaarsnota 2025' }).waitFor();
  });

  it('records a decision, a commitment and its next stage, each after refusing an amount that is not above zero', async () => {
    page = await openPageAs(browser(), server(), 'finance');
    await visit(page, server(), '/begroting');
    await page.getByRole('link', { name: 'Begrotingsbesluit vastleggen' }).click();
    await page.getByLabel('Moment in de begrotingscyclus').fill('Suppletoire begroting 2025');
    await page.getByLabel('Besloten op').fill('2025-07-01');
    // A period that ends before it starts, and years outside the register: refused at the year concerned, each summary link leading to its field.
    const summary = page.locator('.error-summary');
    const refusedYears = async () => {
      await summary.waitFor();
      const targets = await summary.getByRole('link').evaluateAll((links) => links.map((link) => document.querySelector(link.getAttribute('href')!)?.id ?? null));
      expect(targets).not.toContain(null);
      return Promise.all(['Eerste begrotingsjaar', 'Laatste begrotingsjaar'].map(async (label) => [await page.getByLabel(label).getAttribute('aria-invalid'), (await page.getByLabel(label).locator('xpath=../..').locator('.utrecht-form-field-error-message').allInnerTexts()).join(' ')]));
    };
    await page.getByLabel('Eerste begrotingsjaar').fill('2026');
    await page.getByLabel('Laatste begrotingsjaar').fill('2025');
    await page.getByRole('button', { name: 'Vastleggen' }).click();
    expect(await refusedYears()).toEqual([[null, ''], ['true', 'Het laatste jaar ligt vóór het eerste jaar.']]);
    await summary.getByRole('link', { name: /Laatste begrotingsjaar/ }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('veld-lastYear');
    await page.getByLabel('Eerste begrotingsjaar').fill('2099');
    await page.getByLabel('Laatste begrotingsjaar').fill('2099');
    await page.getByRole('button', { name: 'Vastleggen' }).click();
    await summary.getByText('Eerste begrotingsjaar').waitFor();
    expect(await refusedYears()).toEqual([['true', 'Vul een begrotingsjaar in van 2022 tot en met 2040.'], ['true', 'Vul een begrotingsjaar in van 2022 tot en met 2040.']]);

    await page.getByLabel('Eerste begrotingsjaar').fill('2025');
    await page.getByLabel('Laatste begrotingsjaar').fill('2026');
    // No amount given, and a decision date after today in the same round: the summary's link leads to the first amount.
    await page.getByLabel('Besloten op').fill('2099-07-01');
    await page.getByRole('button', { name: 'Vastleggen' }).click();
    await summary.getByRole('link', { name: /^Besloten op: / }).waitFor();
    await summary.getByRole('link', { name: 'Bedrag per begrotingsjaar: Vul voor ten minste één begrotingsjaar een bedrag in.' }).click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('amount-2025');
    await page.getByLabel('Besloten op').fill('2025-07-01');
    await page.getByLabel('Bedrag in euro voor 2026').fill('0');
    await page.getByRole('button', { name: 'Vastleggen' }).click();
    await page.locator('.error-summary').getByText('Bedrag in euro voor 2026').waitFor();
    await page.getByLabel('Bedrag in euro voor 2026').fill('50.000.000');
    await page.getByRole('button', { name: 'Vastleggen' }).click();
    await page.getByText('Het begrotingsbesluit is vastgelegd.').waitFor();

    await page.getByRole('link', { name: 'Verplichting of toezegging vastleggen' }).click();
    await page.getByLabel('Titel').fill('   ');
    await page.getByLabel('Begrotingsjaar').fill('2026');
    await page.getByLabel('Bedrag in euro').fill('0');
    // On or after the day PURL was pledged (4 August 2025): money for a delivery does not come before it.
    await page.getByLabel('Met ingang van').fill('2025-08-05');
    // The drones the Netherlands buys as implementing actor for the EU are on no Dutch budget: the search does not offer them.
    await page.getByRole('searchbox', { name: 'Levering: zoeken' }).fill('Drones');
    await expect.poll(async () => page.locator('select[name="deliveryId"] option').allTextContents()).toEqual(['Nog geen levering']);
    // The delivery the money is for, found by a part of its title.
    await page.getByRole('searchbox', { name: 'Levering: zoeken' }).fill('purl');
    const purl = 'Bijdrage aan het Prioritized Ukraine Requirement List-initiatief (PURL)';
    await expect.poll(async () => page.locator('select[name="deliveryId"] option').allTextContents()).toEqual(['Nog geen levering', purl]);
    await page.locator('select[name="deliveryId"]').selectOption({ label: purl });
    await page.getByRole('button', { name: 'Vastleggen' }).click();
    // A title left empty is named by the form with the amount the API refuses, in one round.
    await page.locator('.error-summary').getByRole('link', { name: 'Titel: Vul dit veld in.' }).waitFor();
    await page.locator('.error-summary').getByText('Bedrag in euro').waitFor();
    await page.getByLabel('Titel').fill('Munitie 2026');
    await page.getByLabel('Bedrag in euro').fill('20.000.000');
    // The money for a delivery comes from the fund the delivery is paid from, which choosing the delivery chose.
    await expect.poll(() => page.getByLabel('Begrotingsartikel of fonds').inputValue()).toBe('ukraineSupportBudget');
    await page.getByRole('button', { name: 'Vastleggen' }).click();
    await page.getByText('De verplichting is vastgelegd.').waitFor();

    await page.getByRole('link', { name: 'Volgende stap vastleggen voor Munitie 2026' }).click();
    await page.getByLabel('Stap').selectOption('committed');
    // An amount that is none and a date before the register's: both named in one round.
    await page.getByLabel('Bedrag in euro').fill('veel');
    await page.getByLabel('Met ingang van').fill('2013-07-01');
    await page.getByRole('button', { name: 'Vastleggen' }).click();
    await page.locator('.error-summary').getByRole('link', { name: 'Bedrag in euro: Vul een bedrag in, bijvoorbeeld 1.234.567,89.' }).waitFor();
    await page.locator('.error-summary').getByRole('link', { name: /^Met ingang van: Vul een datum in vanaf/ }).waitFor();
    await page.getByLabel('Bedrag in euro').fill('18.000.000');
    await page.getByLabel('Met ingang van').fill('2025-08-04');
    await page.getByRole('button', { name: 'Vastleggen' }).click();
    await page.locator('.error-summary').getByText('Met ingang van').waitFor();
    await page.getByLabel('Met ingang van').fill('2025-08-06');
    await page.getByRole('button', { name: 'Vastleggen' }).click();
    await page.getByText('De nieuwe stap van de verplichting is vastgelegd.').waitFor();
    await page.getByRole('link', { name: 'Volgende stap vastleggen voor Munitie 2026' }).click();
    expect(await page.getByRole('link', { name: 'Realisatie vastleggen bij de levering' }).getAttribute('href')).toBe('/leveringen/9decc899-e686-494c-be62-6a52efcef57a');
    await page.goBack();
    const row = page.locator('tr', { has: page.getByRole('rowheader', { name: 'Munitie 2026' }) });
    // The list is read again after the message shows.
    await expect.poll(async () => plainSpaces(await row.innerText())).toContain('Juridisch verplicht 6 augustus 2025: € 18.000.000,00');
  });

  it('warns at the date of a decision taken in the period of the letter sent to parliament, naming it, and records it once confirmed', async () => {
    page = await openPageAs(browser(), server(), 'finance');
    await visit(page, server(), '/begroting');
    await page.getByRole('link', { name: 'Begrotingsbesluit vastleggen' }).click();
    await page.getByLabel('Moment in de begrotingscyclus').fill('Aanvullend besluit januari 2025');
    // The demonstration's letter of 4 February 2025 was sent.
    await page.getByLabel('Besloten op').fill('2025-01-20');
    await page.getByLabel('Begrotingsartikel of fonds').selectOption('ukraineSupportBudget');
    await page.getByLabel('Eerste begrotingsjaar').fill('2025');
    await page.getByLabel('Laatste begrotingsjaar').fill('2025');
    await page.getByLabel('Bedrag in euro voor 2025').fill('1.000.000');
    await page.getByRole('button', { name: 'Vastleggen' }).click();
    const confirmation = page.getByLabel('Toch vastleggen: de datum klopt, ook al wijkt het register daarmee af van de verstuurde brief');
    await confirmation.waitFor();
    expect(await fieldError(page, 'Besloten op')).toMatch(/^20 januari 2025 valt in de periode van de brief met peildatum 4 februari 2025 \(Kamerstuk [^)]+\), die al naar de Kamer is gestuurd/);

    await confirmation.check();
    await page.getByRole('button', { name: 'Vastleggen' }).click();
    await page.getByText('Het begrotingsbesluit is vastgelegd.').waitFor();
    const decisions = (await api<{ decisions: { moment: string; decidedOn: string }[] }>(server(), '/budget', { as: 'finance' })).decisions;
    expect(decisions.filter((decision) => decision.moment === 'Aanvullend besluit januari 2025').map((decision) => decision.decidedOn)).toEqual(['2025-01-20']);
  });

  it('refuses a decision of a moment already recorded on the fund, whatever its capitals and spaces, at its moment', async () => {
    page = await openPageAs(browser(), server(), 'finance');
    await visit(page, server(), '/begroting');
    await page.getByRole('link', { name: 'Begrotingsbesluit vastleggen' }).click();
    await page.getByLabel('Moment in de begrotingscyclus').fill('voorjaarsnota  2024');
    await page.getByLabel('Besloten op').fill('2024-04-15');
    await page.getByLabel('Begrotingsartikel of fonds').selectOption('ukraineSupportBudget');
    await page.getByLabel('Eerste begrotingsjaar').fill('2024');
    await page.getByLabel('Laatste begrotingsjaar').fill('2024');
    await page.getByLabel('Bedrag in euro voor 2024').fill('1.000.000');
    await page.getByRole('button', { name: 'Vastleggen' }).click();
    const reason = 'Dit besluit staat al in het register: "Voorjaarsnota 2024" over dit fonds (hoofdletters, accenten, meerdere spaties, punten in afkortingen en letters die er hetzelfde uitzien tellen niet mee); een besluit legt zijn bedragen voor al zijn jaren in één keer vast.';
    await page.locator('.error-summary').getByRole('link', { name: `Moment in de begrotingscyclus: ${reason}` }).waitFor();
    const moment = page.getByLabel('Moment in de begrotingscyclus');
    expect(await moment.getAttribute('aria-invalid')).toBe('true');
    expect(await moment.locator('xpath=../..').locator('.utrecht-form-field-error-message').innerText()).toBe(reason);
  });

  it('refuses a stage on a commitment someone else moved on since the page loaded, shows their stage with what was typed kept, and then records it', async () => {
    const commitment = { title: 'Reservedelen 2025', fund: 'ukraineSupportBudget', budgetYear: 2025, stage: 'pledged', amountCents: 1_000_000_000, effectiveOn: '2025-04-01' };
    const { id } = await api<{ id: string }>(server(), '/budget/commitments', { as: 'finance', method: 'POST', body: JSON.stringify(commitment) });
    page = await openPageAs(browser(), server(), 'finance');
    await visit(page, server(), `/begroting/verplichting/${id}/stap`);
    const stages = page.getByRole('table', { name: 'Stappen tot nu toe' });
    await stages.waitFor();
    await page.getByLabel('Stap').selectOption('committed');
    await page.getByLabel('Bedrag in euro').fill('9.000.000');
    await page.getByLabel('Met ingang van').fill('2025-05-02');

    // A colleague records the commitment meanwhile.
    await api(server(), `/budget/commitments/${id}/stages`, { as: 'finance', method: 'POST', body: JSON.stringify({ stage: 'committed', amountCents: 950_000_000, effectiveOn: '2025-05-01' }) });
    await page.getByRole('button', { name: 'Vastleggen' }).click();
    await page.locator('.error-summary').getByText('Iemand anders heeft intussen iets toegevoegd of gewijzigd', { exact: false }).waitFor();
    await stages.getByText('€ 9.500.000,00').waitFor();
    expect(await page.getByLabel('Bedrag in euro').inputValue()).toBe('9.000.000');

    await page.getByRole('button', { name: 'Vastleggen' }).click();
    await page.getByText('De nieuwe stap van de verplichting is vastgelegd.').waitFor();
    const stored = await api<{ stages: { amountCents: number; effectiveOn: string }[] }>(server(), `/budget/commitments/${id}`, { as: 'finance' });
    expect(stored.stages.map((stage) => [stage.effectiveOn, stage.amountCents])).toEqual([
      ['2025-04-01', 1_000_000_000],
      ['2025-05-01', 950_000_000],
      ['2025-05-02', 900_000_000],
    ]);
  });

  it('finds commitments by a part of their title, their budget year and their fund, kept in the address and the export link', async () => {
    page = await openPageAs(browser(), server(), 'finance');
    await visit(page, server(), '/begroting?stand=2025-08-31');
    const commitments = page.getByRole('region', { name: 'Verplichtingen en toezeggingen' });
    const titles = () => commitments.getByRole('rowheader').allInnerTexts();
    await expect.poll(titles).toContain('Extra bijdrage aan het NAVO UCAP in 2026');

    await page.getByRole('searchbox', { name: 'Zoek op titel of contractkenmerk' }).fill('plannen en projecten 2026');
    await expect.poll(titles).toEqual(['Plannen en projecten 2026 (Steunfonds Oekraïne)', 'Plannen en projecten 2026-2027']);
    await page.getByRole('combobox', { name: 'Begrotingsartikel of fonds' }).selectOption('internationalSecurityBudget');
    await expect.poll(titles).toEqual(['Plannen en projecten 2026-2027']);
    await page.getByRole('combobox', { name: 'Begrotingsjaar' }).selectOption('2025');
    await page.getByText('Geen verplichting of toezegging gevonden.').waitFor();
    expect(new URL(page.url()).search).toBe('?stand=2025-08-31&q=plannen+en+projecten+2026&year=2025&fund=internationalSecurityBudget');

    await page.getByRole('combobox', { name: 'Begrotingsjaar' }).selectOption('2026');
    await expect.poll(titles).toEqual(['Plannen en projecten 2026-2027']);
    const exported = new URL((await commitments.getByRole('link', { name: 'CSV voor Excel (;)' }).getAttribute('href'))!, server().url);
    expect([exported.searchParams.get('q'), exported.searchParams.get('year'), exported.searchParams.get('fund')]).toEqual(['plannen en projecten 2026', '2026', 'internationalSecurityBudget']);
  });

  it('says at the year filter that a year the address asks is none of the register’s, in the language of the page, until another is chosen', async () => {
    page = await openPageAs(browser(), server(), 'finance');
    await visit(page, server(), '/begroting?stand=2025-08-31&year=2050');
    const commitments = page.getByRole('region', { name: 'Verplichtingen en toezeggingen' });
    expect(await fieldError(page, 'Begrotingsjaar')).toBe('Vul een begrotingsjaar in van 2022 tot en met 2040.');
    expect(await page.getByLabel('Begrotingsjaar', { exact: true }).inputValue()).toBe('2050');
    expect(await commitments.getByText('De gegevens konden niet worden geladen.').count()).toBe(0);
    await page.getByRole('combobox', { name: 'Begrotingsjaar' }).selectOption('2026');
    await expect.poll(() => commitments.getByRole('rowheader').allInnerTexts()).toContain('Plannen en projecten 2026-2027');
    expect(await page.getByLabel('Begrotingsjaar', { exact: true }).getAttribute('aria-invalid')).toBeNull();

    await visit(page, server(), '/begroting?year=abc');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => fieldError(page, 'Budget year')).toBe('Enter a budget year from 2022 to 2040.');
  });

  it('keeps the width of a phone: each table wider than it scrolls in a region of its own, named by its caption, that the keyboard reaches', async () => {
    page = await openPageAs(browser(), server(), 'finance');
    await page.setViewportSize({ width: 390, height: 844 });
    await visit(page, server(), '/begroting?stand=2025-08-31');
    await page.locator('table.budget-table').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
    const boxes = () =>
      page.locator('.table-scroll').evaluateAll((all) =>
        all.map((box) => ({
          scrolls: box.scrollWidth > box.clientWidth,
          role: box.getAttribute('role'),
          tabIndex: box.getAttribute('tabindex'),
          namedBy: document.getElementById(box.getAttribute('aria-labelledby') ?? '')?.tagName,
        })),
      );
    const region = { scrolls: true, role: 'region', tabIndex: '0', namedBy: 'CAPTION' };
    await expect.poll(boxes).toEqual([region, region, region, region]);
    const figures = page.getByRole('region', { name: /^Budget, verplichtingen en realisatie per begrotingsjaar/ });
    await figures.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => figures.evaluate((box) => box.scrollLeft)).toBeGreaterThan(0);

    // Where a table fits, its box is no region and no stop for the keyboard.
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect.poll(() => page.getByRole('region', { name: 'Begrotingsbesluiten, nieuwste eerst' }).count()).toBe(0);
  });

  // Last: it sends the letter of 31 August 2025, in whose period the tests before record dates unconfirmed.
  it('warns at the date of a stage in the period of the letter sent to parliament whose text names the commitment’s amount, naming it, and records it once confirmed', async () => {
    // The seed letter names the €25 mln. to be added to the NATO UCAP in 2026.
    const ucap = '43f6ab79-f987-46cf-93da-9deb316d76ff';
    await publishLetterOf31August(server());
    const stages = async () => (await api<{ stages: { stage: string; amountCents: number; effectiveOn: string }[] }>(server(), `/budget/commitments/${ucap}`, { as: 'finance' })).stages.map((stage) => [stage.stage, stage.effectiveOn, stage.amountCents]);
    const pledged = await stages();
    page = await openPageAs(browser(), server(), 'finance');
    await visit(page, server(), `/begroting/verplichting/${ucap}/stap`);
    await page.getByLabel('Stap').selectOption('committed');
    await page.getByLabel('Bedrag in euro').fill('24.000.000');
    await page.getByLabel('Met ingang van').fill('2025-08-20');
    await page.getByRole('button', { name: 'Vastleggen' }).click();

    const confirmation = page.getByLabel('Toch vastleggen: de datum klopt, ook al wijkt het register daarmee af van de verstuurde brief');
    await confirmation.waitFor();
    expect(await fieldError(page, 'Met ingang van')).toMatch(/^20 augustus 2025 valt in de periode van de brief met peildatum 31 augustus 2025 \(Kamerstuk 22 054, nr\. 460\), die al naar de Kamer is gestuurd/);
    expect(await stages()).toEqual(pledged);
    await confirmation.check();
    await page.getByRole('button', { name: 'Vastleggen' }).click();
    await page.getByText('De nieuwe stap van de verplichting is vastgelegd.').waitFor();
    expect(await stages()).toEqual([...pledged, ['committed', '2025-08-20', 2_400_000_000]]);
  });
});
