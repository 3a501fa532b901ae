import { afterEach, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { DeliveryDetail } from '../../web/src/api/types.ts';
import { describeWithBrowser } from '../support/browser.ts';
import { api, apiResponse, deliveryCount, fieldError, findDeliveryId, openPageAs, tableRows, useServer, visit } from './app.ts';

async function errorSummaryHasFocus(page: Page): Promise<boolean> {
  return page.evaluate(() => document.activeElement?.classList.contains('error-summary') ?? false);
}

describeWithBrowser('delivery forms', (browser) => {
  const server = useServer();
  let page: Page;
  afterEach(async () => {
    await page.context().close();
  });

  it('records a stock delivery and its valuation, and the dashboard counts it', async () => {
    page = await openPageAs(browser(), server(), 'registrar');
    await visit(page, server(), '/leveringen/nieuw');
    await page.getByLabel('Titel', { exact: true }).fill('Generatoren uit voorraad');
    await page.getByLabel('Categorie').selectOption('nonLethal');
    await page.getByLabel('Type steun').selectOption('stock');
    await page.getByLabel('Financieringsbron').selectOption('ukraineSupportBudget');
    await page.getByLabel('Aantal').fill('8');
    await page.getByLabel('Eenheid').fill('stuks');
    await page.getByLabel('Juridisch verplicht op').fill('2025-05-01');
    await page.getByLabel('Gerealiseerd op').fill('2025-06-01');
    await page.getByRole('button', { name: 'Bron toevoegen' }).click();
    await page.getByLabel('Omschrijving van de bron').fill('Overdrachtsverklaring');
    await page.getByRole('button', { name: 'Levering vastleggen' }).click();

    await page.getByRole('heading', { level: 1, name: 'Generatoren uit voorraad' }).waitFor();
    await page.getByText('De levering is vastgelegd.').waitFor();
    await page.getByRole('link', { name: 'Herwaardering toevoegen' }).click();
    await page.getByLabel('Bedrag in euro').fill('1.000.000.000,00');
    expect(await page.getByLabel('Grondslag').inputValue()).toBe('replacementValue');
    await page.getByLabel('Ingangsdatum').fill('2025-06-01');
    await page.getByRole('button', { name: 'Waardering toevoegen' }).click();

    await page.getByText('De waardering is toegevoegd.').waitFor();
    await page.locator('.current-value__amount', { hasText: '1.000.000.000,00' }).waitFor();
    const id = new URL(page.url()).pathname.split('/').at(-1) ?? '';
    const stored = await api<DeliveryDetail>(server(), `/deliveries/${id}`);
    expect(stored.valuations.map((valuation) => valuation.amountCents)).toEqual([100_000_000_000]);

    await page.getByRole('link', { name: 'Overzicht' }).click();
    const stock = page.locator('table.figures-table tr', { has: page.getByRole('rowheader', { name: 'Directe levering (vervangingswaarde)' }) });
    await stock.getByRole('cell', { name: '€ 3,4 mld.' }).waitFor();
    const total = page.locator('table.figures-table tr', { has: page.getByRole('rowheader', { name: 'Totaal' }) });
    await total.getByRole('cell', { name: '€ 9,7 mld.' }).waitFor();
  });

  it('shows what is wrong at the fields, in the chosen language, and stores nothing', async () => {
    const before = await deliveryCount(server());
    page = await openPageAs(browser(), server(), 'registrar');
    await visit(page, server(), '/leveringen/nieuw');
    await page.getByLabel('Categorie').selectOption('vehicles');
    await page.getByLabel('Type steun').selectOption('stock');
    await page.getByLabel('Financieringsbron').selectOption('defenceBudget');
    await page.getByLabel('Juridisch verplicht op').fill('2025-06-01');
    await page.getByLabel('Gerealiseerd op').fill('2025-05-01');
    await page.getByRole('button', { name: 'Levering vastleggen' }).click();

    expect(await fieldError(page, 'Titel')).toBe('Vul dit veld in.');
    expect(await errorSummaryHasFocus(page)).toBe(true);
    await page.locator('.error-summary').getByRole('link', { name: 'Titel: Vul dit veld in.' }).waitFor();
    // What the form itself found wrong is worded anew in the language switched to, as its labels are.
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('.error-summary').getByRole('link', { name: 'Title: Fill in this field.' }).waitFor();
    expect(await fieldError(page, 'Title')).toBe('Fill in this field.');
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.locator('.error-summary').getByRole('link', { name: 'Titel: Vul dit veld in.' }).waitFor();

    await page.getByLabel('Titel', { exact: true }).fill('Vrachtwagens');
    await page.getByRole('button', { name: 'Levering vastleggen' }).click();
    await page.getByLabel('Gerealiseerd op (optioneel)', { exact: true }).and(page.locator('[aria-invalid="true"]')).waitFor();
    expect(await fieldError(page, 'Gerealiseerd op (optioneel)')).toMatch(/ligt vóór/);
    expect(await page.getByLabel('Titel', { exact: true }).getAttribute('aria-invalid')).toBeNull();
    expect(await errorSummaryHasFocus(page)).toBe(true);

    // So is what the server found wrong: its answer gave the reason in each language.
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('.error-summary', { hasText: 'lies before' }).waitFor();
    expect(await fieldError(page, 'Realised on (optional)')).toMatch(/lies before/);
    expect(await page.locator('.error-summary').innerText()).not.toMatch(/ligt vóór/);
    await page.getByRole('button', { name: 'Record delivery' }).click();
    await page.locator('.error-summary', { hasText: 'lies before' }).waitFor();

    expect(await deliveryCount(server())).toBe(before);
  });

  it('lists the errors in its summary in the order of the fields on the form', async () => {
    page = await openPageAs(browser(), server(), 'registrar');
    await visit(page, server(), '/leveringen/nieuw');
    await page.getByLabel('Aantal').fill('acht');
    await page.getByRole('button', { name: 'Bron toevoegen' }).click();
    await page.getByRole('button', { name: 'Levering vastleggen' }).click();

    await page.locator('.error-summary').waitFor();
    const items = await page.locator('.error-summary li').allInnerTexts();
    expect(items.map((item) => item.split(':')[0])).toEqual(['Titel', 'Aantal', 'Categorie', 'Type steun', 'Financieringsbron', 'Bron 1, omschrijving van de bron']);
  });

  it('refuses a date typed only in part at its field rather than recording the delivery without it', async () => {
    const before = await deliveryCount(server());
    page = await openPageAs(browser(), server(), 'registrar');
    await visit(page, server(), '/leveringen/nieuw');
    await page.getByLabel('Titel', { exact: true }).fill('Half getypte datum');
    await page.getByLabel('Categorie').selectOption('nonLethal');
    await page.getByLabel('Type steun').selectOption('stock');
    await page.getByLabel('Financieringsbron').selectOption('ukraineSupportBudget');
    // Day and month, no year: the control's value stays empty while it holds what was typed.
    await page.getByLabel('Toegezegd op (optioneel)', { exact: true }).pressSequentially('0103');
    expect(await page.getByLabel('Toegezegd op (optioneel)', { exact: true }).evaluate((control: HTMLInputElement) => control.value === '' && control.validity.badInput)).toBe(true);
    await page.getByRole('button', { name: 'Levering vastleggen' }).click();

    await page.locator('.error-summary').getByRole('link', { name: 'Toegezegd op: Vul een volledige, bestaande datum in.' }).waitFor();
    expect(await fieldError(page, 'Toegezegd op (optioneel)')).toBe('Vul een volledige, bestaande datum in.');
    expect(await deliveryCount(server())).toBe(before);
  });

  it('shows what someone else changed meanwhile, and saves only on the latest version', async () => {
    const id = await findDeliveryId(server(), 'Build with Ukraine');
    page = await openPageAs(browser(), server(), 'registrar');
    await visit(page, server(), `/leveringen/${id}/bewerken`);
    await page.getByLabel('Eenheid').fill('projecten');

    const current = await apiResponse(server(), `/deliveries/${id}`);
    const started = (await current.json()) as DeliveryDetail;
    await api(server(), `/deliveries/${id}`, {
      method: 'PATCH',
      headers: { 'If-Match': current.headers.get('ETag') ?? '' },
      body: JSON.stringify({ company: 'Oekraïense industrie', quantity: 3 }),
    });

    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await page.getByText('Iemand anders heeft deze levering gewijzigd').waitFor();
    expect(await errorSummaryHasFocus(page)).toBe(true);
    const changes = page.getByRole('table', { name: 'Wat er intussen is gewijzigd' });
    await changes.waitFor();
    expect(await tableRows(changes)).toEqual([
      ['Aantal', started.quantity === null ? '—' : String(started.quantity), '3'],
      ['Bedrijf', started.company ?? '—', 'Oekraïense industrie'],
    ]);

    await page.getByRole('button', { name: 'Nieuwste versie laden' }).click();
    await page.getByLabel('Bedrijf').and(page.locator('[value="Oekraïense industrie"]')).waitFor();
    expect(await page.getByLabel('Eenheid').inputValue()).toBe('');

    await page.getByLabel('Eenheid').fill('projecten');
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await page.getByText('De wijzigingen zijn opgeslagen.').waitFor();
    expect(await api<DeliveryDetail>(server(), `/deliveries/${id}`)).toMatchObject({ unit: 'projecten', company: 'Oekraïense industrie' });
  });

  it('records a payment on a procurement, which realises it, and withdraws it as entered in error', async () => {
    const id = await findDeliveryId(server(), 'Build with Ukraine');
    page = await openPageAs(browser(), server(), 'finance');
    await visit(page, server(), `/leveringen/${id}`);
    // Nothing paid yet: its value is nothing, which the page explains beside the amount agreed.
    await page.locator('.current-value__amount', { hasText: /^€\s0,00$/ }).waitFor();
    await page.locator('.current-value').getByText('Een verwerving of fondsbijdrage is waard wat ervan betaald is').waitFor();
    await page.getByRole('link', { name: 'Betaling toevoegen' }).click();
    await page.getByLabel('Bedrag in euro').fill('25000000');
    await page.getByLabel('Betaald op').fill('2025-07-15');
    await page.getByRole('button', { name: 'Betaling vastleggen' }).click();

    await page.getByText('De betaling is vastgelegd.').waitFor();
    const stored = await api<DeliveryDetail>(server(), `/deliveries/${id}`);
    expect(stored.payments.map((payment) => payment.amountCents)).toEqual([2_500_000_000]);
    expect(stored.realisedAt).toBe('2025-07-15');
    await page.getByRole('listitem').filter({ hasText: 'Gerealiseerd' }).filter({ hasText: '15 jul. 2025' }).waitFor();

    // Withdrawn on its own date: struck through with its reason, no longer counted, the realisation date kept.
    await page.getByRole('button', { name: 'Intrekken' }).click();
    const dialog = page.getByRole('dialog');
    // A reason of spaces and a date to come: both refused at their fields in one round, the summary taking focus.
    const refusal = async (label: string) => {
      await dialog.getByLabel(label).and(page.locator('[aria-invalid="true"]')).waitFor();
      expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
      return dialog.getByLabel(label).evaluate((control) => document.getElementById(control.getAttribute('aria-describedby')!.split(' ')[0]!)?.textContent);
    };
    await dialog.getByLabel('Reden').fill('   ');
    await dialog.getByLabel('Telt niet meer mee vanaf').fill('2099-01-01');
    await dialog.getByRole('button', { name: 'Ja, intrekken' }).click();
    expect(await refusal('Reden')).toBe('Vul dit veld in.');
    expect(await refusal('Telt niet meer mee vanaf')).toBe('Deze datum ligt na vandaag; leg alleen vast wat al gebeurd is.');
    await dialog.getByLabel('Reden').fill('Dubbel geboekt');
    await dialog.getByLabel('Telt niet meer mee vanaf').fill('2025-07-15');
    await dialog.getByRole('button', { name: 'Ja, intrekken' }).click();
    await page.getByText('Ingetrokken per 15 jul. 2025: Dubbel geboekt').waitFor();
    await page.locator('s', { hasText: '€ 25.000.000,00' }).waitFor();
    const withdrawn = await api<DeliveryDetail>(server(), `/deliveries/${id}`);
    expect([withdrawn.valueCents, withdrawn.withdrawals.map((withdrawal) => withdrawal.reason)]).toEqual([0, ['Dubbel geboekt']]);
  });

  it('lists the payments so far above the form, and refuses one on a delivery someone else paid meanwhile, showing theirs with what was typed kept', async () => {
    const id = await findDeliveryId(server(), 'overige commerciële verwervingen 5 feb');
    page = await openPageAs(browser(), server(), 'finance');
    await visit(page, server(), `/leveringen/${id}`);
    await page.getByRole('link', { name: 'Betaling toevoegen' }).click();
    const payments = page.getByRole('table', { name: 'Betalingen, van oud naar nieuw' });
    const before = await api<DeliveryDetail>(server(), `/deliveries/${id}`);
    await payments.waitFor();
    expect(await tableRows(payments)).toHaveLength(before.payments.length);
    await page.getByLabel('Bedrag in euro').fill('1.111,11');
    await page.getByLabel('Betaald op').fill('2025-08-11');

    // A colleague records a payment meanwhile.
    await api(server(), `/deliveries/${id}/payments`, { as: 'finance', method: 'POST', body: JSON.stringify({ amountCents: 222_222, paidOn: '2025-08-12' }) });
    await page.getByRole('button', { name: 'Betaling vastleggen' }).click();
    await page.locator('.error-summary').getByText('Iemand anders heeft intussen iets toegevoegd of gewijzigd', { exact: false }).waitFor();
    await payments.getByRole('cell', { name: '€ 2.222,22' }).waitFor();
    expect(await page.getByLabel('Bedrag in euro').inputValue()).toBe('1.111,11');
    expect((await api<DeliveryDetail>(server(), `/deliveries/${id}`)).payments.filter((payment) => payment.amountCents === 111_111)).toHaveLength(0);

    await page.getByRole('button', { name: 'Betaling vastleggen' }).click();
    await page.getByText('De betaling is vastgelegd.').waitFor();
    const stored = await api<DeliveryDetail>(server(), `/deliveries/${id}`);
    expect(stored.payments.slice(before.payments.length).map((payment) => [payment.paidOn, payment.amountCents])).toEqual([
      ['2025-08-11', 111_111],
      ['2025-08-12', 222_222],
    ]);
  });

  it('warns at the amount of a payment far above the valuation, and records it once confirmed', async () => {
    const id = await findDeliveryId(server(), 'Extra bijdrage aan het NAVO UCAP in 2026');
    page = await openPageAs(browser(), server(), 'finance');
    await visit(page, server(), `/leveringen/${id}/betaling`);
    await page.getByLabel('Bedrag in euro').fill('250.000.000,00');
    await page.getByLabel('Betaald op').fill('2025-08-11');
    await page.getByRole('button', { name: 'Betaling vastleggen' }).click();

    const confirmation = page.getByLabel('Toch vastleggen: het bedrag klopt');
    await confirmation.waitFor();
    expect(await fieldError(page, 'Bedrag in euro')).toMatch(/is 10 keer de waardering van deze levering \(€\s25\.000\.000,00\)/);
    expect(await confirmation.isChecked()).toBe(false);
    expect((await api<DeliveryDetail>(server(), `/deliveries/${id}`)).payments).toEqual([]);

    // Confirmed for the amount typed: typed anew, it is warned of anew.
    await confirmation.check();
    await page.getByLabel('Bedrag in euro').fill('260.000.000,00');
    expect(await confirmation.isChecked()).toBe(false);
    await page.getByLabel('Bedrag in euro').fill('250.000.000,00');
    await confirmation.check();
    await page.getByRole('button', { name: 'Betaling vastleggen' }).click();
    await page.getByText('De betaling is vastgelegd.').waitFor();
    expect((await api<DeliveryDetail>(server(), `/deliveries/${id}`)).payments.map((payment) => payment.amountCents)).toEqual([250_000_000_00]);
  });

  it('warns at the date of a payment in the period of the letter sent to parliament, naming it, and records it once confirmed', async () => {
    const purchase = await api<DeliveryDetail>(server(), '/deliveries', {
      method: 'POST',
      body: JSON.stringify({ title: 'Reserveonderdelen (betaald vóór de peildatum)', category: 'other', supportType: 'procurement', fundingSource: 'ukraineSupportBudget', committedAt: '2025-01-10' }),
    });
    page = await openPageAs(browser(), server(), 'finance');
    await visit(page, server(), `/leveringen/${purchase.id}/betaling`);
    await page.getByLabel('Bedrag in euro').fill('1.000,00');
    // The demonstration's letter of 4 February 2025 was sent.
    await page.getByLabel('Betaald op').fill('2025-02-01');
    await page.getByRole('button', { name: 'Betaling vastleggen' }).click();

    const confirmation = page.getByLabel('Toch vastleggen: de datum klopt, ook al wijkt het register daarmee af van de verstuurde brief');
    await confirmation.waitFor();
    expect(await fieldError(page, 'Betaald op')).toMatch(/^1 februari 2025 valt in de periode van de brief met peildatum 4 februari 2025 \(Kamerstuk [^)]+\), die al naar de Kamer is gestuurd/);
    expect((await api<DeliveryDetail>(server(), `/deliveries/${purchase.id}`)).payments).toEqual([]);

    await confirmation.check();
    await page.getByRole('button', { name: 'Betaling vastleggen' }).click();
    await page.getByText('De betaling is vastgelegd.').waitFor();
    expect((await api<DeliveryDetail>(server(), `/deliveries/${purchase.id}`)).payments.map((payment) => payment.paidOn)).toEqual(['2025-02-01']);
  });

  it('warns at the realisation date of a delivery moved into the period of the letter sent to parliament, naming it, and saves it once confirmed', async () => {
    const stock = await api<DeliveryDetail>(server(), '/deliveries', {
      method: 'POST',
      body: JSON.stringify({ title: 'Helmen (gerealiseerd na de peildatum)', category: 'nonLethal', supportType: 'stock', fundingSource: 'defenceBudget', committedAt: '2025-01-10', realisedAt: '2025-03-01' }),
    });
    page = await openPageAs(browser(), server(), 'registrar');
    await visit(page, server(), `/leveringen/${stock.id}/bewerken`);
    // The demonstration's letter of 4 February 2025 was sent.
    await page.getByLabel('Gerealiseerd op (optioneel)', { exact: true }).fill('2025-02-01');
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();

    const confirmation = page.getByLabel('Toch vastleggen: de datum klopt, ook al wijkt het register daarmee af van de verstuurde brief');
    await confirmation.waitFor();
    expect(await fieldError(page, 'Gerealiseerd op (optioneel)')).toMatch(/^1 februari 2025 valt in de periode van de brief met peildatum 4 februari 2025 \(Kamerstuk [^)]+\), die al naar de Kamer is gestuurd/);
    expect((await api<DeliveryDetail>(server(), `/deliveries/${stock.id}`)).realisedAt).toBe('2025-03-01');

    await confirmation.check();
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await page.getByText('De wijzigingen zijn opgeslagen.').waitFor();
    expect((await api<DeliveryDetail>(server(), `/deliveries/${stock.id}`)).realisedAt).toBe('2025-02-01');
  });

  it('warns at the realisation date of a new delivery realised in the period of the letter sent to parliament and records it once confirmed; a change of its funding to the EPF is warned of at that field', async () => {
    page = await openPageAs(browser(), server(), 'registrar');
    await visit(page, server(), '/leveringen/nieuw');
    await page.getByLabel('Titel', { exact: true }).fill('Helmen (alsnog geregistreerd)');
    await page.getByLabel('Categorie').selectOption('nonLethal');
    await page.getByLabel('Type steun').selectOption('stock');
    await page.getByLabel('Financieringsbron').selectOption('defenceBudget');
    // The demonstration's letter of 4 February 2025 was sent.
    await page.getByLabel('Gerealiseerd op').fill('2025-01-20');
    await page.getByRole('button', { name: 'Levering vastleggen' }).click();

    const dateConfirmation = page.getByLabel('Toch vastleggen: de datum klopt, ook al wijkt het register daarmee af van de verstuurde brief');
    await dateConfirmation.waitFor();
    expect(await fieldError(page, 'Gerealiseerd op (optioneel)')).toMatch(/^20 januari 2025 valt in de periode van de brief met peildatum 4 februari 2025/);
    await dateConfirmation.check();
    await page.getByRole('button', { name: 'Levering vastleggen' }).click();
    await page.getByText('De levering is vastgelegd.').waitFor();
    const id = new URL(page.url()).pathname.split('/').at(-1) ?? '';
    expect((await api<DeliveryDetail>(server(), `/deliveries/${id}`)).realisedAt).toBe('2025-01-20');

    await visit(page, server(), `/leveringen/${id}/bewerken`);
    await page.getByLabel('Financieringsbron').selectOption('epf');
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    const changeConfirmation = page.getByLabel('Toch vastleggen: de wijziging klopt, ook al wijkt het register daarmee af van de verstuurde brief');
    await changeConfirmation.waitFor();
    expect(await fieldError(page, 'Financieringsbron')).toMatch(/^Deze levering is gerealiseerd op 20 januari 2025, .* tussen de Nederlandse steun en het werk als uitvoerder voor de EU \(EPF\)/);
    expect((await api<DeliveryDetail>(server(), `/deliveries/${id}`)).fundingSource).toBe('defenceBudget');
    await changeConfirmation.check();
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await page.getByText('De wijzigingen zijn opgeslagen.').waitFor();
    expect((await api<DeliveryDetail>(server(), `/deliveries/${id}`)).fundingSource).toBe('epf');
  });

  it('refuses a withdrawal on a delivery someone else changed since the page loaded, shows the latest behind the dialog, and withdraws when confirmed again, in the period of the letter sent once that is confirmed too', async () => {
    const id = await findDeliveryId(server(), 'overige commerciële verwervingen t/m 4 feb');
    page = await openPageAs(browser(), server(), 'finance');
    await visit(page, server(), `/leveringen/${id}`);
    const payments = page.getByRole('table', { name: 'Betalingen, van oud naar nieuw' });
    await payments.getByRole('button', { name: 'Intrekken' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Reden').fill('Dubbel geboekt');

    // A colleague records a payment meanwhile.
    await api(server(), `/deliveries/${id}/payments`, { as: 'finance', method: 'POST', body: JSON.stringify({ amountCents: 33_333, paidOn: '2025-01-15', confirm: ['datedInSentLetterPeriod'] }) });
    await dialog.getByRole('button', { name: 'Ja, intrekken' }).click();
    await dialog.getByText('iemand anders heeft de levering intussen gewijzigd, dus er is niets ingetrokken', { exact: false }).waitFor();
    await payments.getByRole('cell', { name: '€ 333,33' }).waitFor();
    expect((await api<DeliveryDetail>(server(), `/deliveries/${id}`)).withdrawals).toEqual([]);
    expect(await dialog.getByLabel('Reden').inputValue()).toBe('Dubbel geboekt');

    // Withdrawn from its own date, before the reference date of the demonstration's letter sent (4 February 2025).
    await dialog.getByRole('button', { name: 'Ja, intrekken' }).click();
    const confirmation = dialog.getByLabel('Toch vastleggen: de datum klopt, ook al wijkt het register daarmee af van de verstuurde brief');
    await confirmation.waitFor();
    await dialog.getByText('valt in de periode van de brief met peildatum 4 februari 2025', { exact: false }).first().waitFor();
    expect((await api<DeliveryDetail>(server(), `/deliveries/${id}`)).withdrawals).toEqual([]);
    await confirmation.check();
    await dialog.getByRole('button', { name: 'Ja, intrekken' }).click();
    await page.getByText(/^Ingetrokken per .*: Dubbel geboekt$/).waitFor();
    expect((await api<DeliveryDetail>(server(), `/deliveries/${id}`)).withdrawals.map((withdrawal) => withdrawal.reason)).toEqual(['Dubbel geboekt']);
  });

  it('values a delivery in a foreign currency, checked against its exchange rate by the server', async () => {
    const id = await findDeliveryId(server(), 'PURL');
    page = await openPageAs(browser(), server(), 'registrar');
    await visit(page, server(), `/leveringen/${id}/herwaardering`);
    // A purchase is valued at its contract price only: the form offers no basis the server refuses for it.
    expect(await page.getByLabel('Grondslag').locator('option').allTextContents()).toEqual(['Contractprijs']);
    await page.getByLabel('Bedrag in euro').fill('900.000,00');
    await page.getByLabel('Ingangsdatum').fill('2025-08-04');
    await page.getByLabel('Oorspronkelijke valuta').fill('usd');
    await page.getByLabel('Bedrag in die valuta').fill('1.000.000,00');
    await page.getByLabel('Wisselkoers naar euro').fill('0,92');
    await page.getByRole('button', { name: 'Waardering toevoegen' }).click();

    await page.locator('.error-summary').waitFor();
    expect(await fieldError(page, 'Bedrag in euro')).toMatch(/Het bedrag klopt niet met de wisselkoers: tegen deze koers is het €\s920\.000,00\./);

    await page.getByLabel('Bedrag in euro').fill('920.000,00');
    await page.getByRole('button', { name: 'Waardering toevoegen' }).click();
    await page.getByText('De waardering is toegevoegd.').waitFor();
    await page.getByRole('cell', { name: /1\.000\.000,00 \(0,92\)$/ }).waitFor();
    const stored = await api<DeliveryDetail>(server(), `/deliveries/${id}`);
    expect(stored.valuations.at(-1)).toMatchObject({ amountCents: 92_000_000, currency: 'USD', originalAmountMinor: 100_000_000 });
  });

  it('deletes a delivery after confirmation', async () => {
    const created = await api<DeliveryDetail>(server(), '/deliveries', {
      method: 'POST',
      body: JSON.stringify({ title: 'Te verwijderen', category: 'other', supportType: 'stock', fundingSource: 'defenceBudget' }),
    });
    const before = await deliveryCount(server());
    page = await openPageAs(browser(), server(), 'registrar');
    await visit(page, server(), `/leveringen/${created.id}`);
    await page.getByRole('button', { name: 'Verwijderen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Levering verwijderen?' });
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    expect(await deliveryCount(server())).toBe(before);

    await page.getByRole('button', { name: 'Verwijderen' }).click();
    await dialog.getByRole('button', { name: 'Ja, verwijderen' }).click();
    await page.getByText('De levering is verwijderd.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/leveringen');
    expect(await deliveryCount(server())).toBe(before - 1);
  });

  it('warns in the dialog of deleting a delivery realised in the period of the letter sent to parliament, naming it, and deletes it once confirmed', async () => {
    // The demonstration's letter of 4 February 2025 was sent.
    const stock = await api<DeliveryDetail>(server(), '/deliveries', {
      method: 'POST',
      body: JSON.stringify({ title: 'Helmen (ten onrechte geregistreerd)', category: 'nonLethal', supportType: 'stock', fundingSource: 'defenceBudget', realisedAt: '2025-01-20', confirm: ['datedInSentLetterPeriod'] }),
    });
    page = await openPageAs(browser(), server(), 'registrar');
    await visit(page, server(), `/leveringen/${stock.id}`);
    await page.getByRole('button', { name: 'Verwijderen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Levering verwijderen?' });
    await dialog.getByRole('button', { name: 'Ja, verwijderen' }).click();

    const confirmation = dialog.getByLabel('Toch verwijderen: de verwijdering klopt, ook al wijkt het register daarmee af van de verstuurde brief');
    await confirmation.waitFor();
    await dialog.getByText(/^Deze levering is gerealiseerd op 20 januari 2025, in de periode van de brief met peildatum 4 februari 2025 \(Kamerstuk [^)]+\), die al naar de Kamer is gestuurd\. Verwijderd valt zij weg uit de cijfers op die peildatum/).waitFor();
    expect((await apiResponse(server(), `/deliveries/${stock.id}`)).status).toBe(200);

    await confirmation.check();
    await dialog.getByRole('button', { name: 'Ja, verwijderen' }).click();
    await page.getByText('De levering is verwijderd.').waitFor();
    expect((await apiResponse(server(), `/deliveries/${stock.id}`)).status).toBe(404);
  });

  it('names an amount it cannot read beside the rules of the delivery in one round, on each of its forms, and records nothing', async () => {
    const stock = await api<DeliveryDetail>(server(), '/deliveries', { method: 'POST', body: JSON.stringify({ title: 'Aggregaten voor één ronde', category: 'nonLethal', quantity: 4, supportType: 'stock', fundingSource: 'defenceBudget', pledgedAt: '2025-02-01' }) });
    page = await openPageAs(browser(), server(), 'registrar');
    await visit(page, server(), `/leveringen/${stock.id}/herwaardering`);
    await page.getByLabel('Bedrag in euro').fill('tien');
    await page.getByLabel('Ingangsdatum').fill('2025-01-15');
    await page.getByRole('button', { name: 'Waardering toevoegen' }).click();
    expect(await fieldError(page, 'Ingangsdatum')).toMatch(/^De datum van waardering \(15 januari 2025\) ligt vóór/);
    expect(await fieldError(page, 'Bedrag in euro')).toBe('Vul een bedrag in, bijvoorbeeld 1.234.567,89.');

    await api(server(), `/deliveries/${stock.id}/valuations`, { method: 'POST', body: JSON.stringify({ amountCents: 100_00, basis: 'replacementValue', effectiveDate: '2025-02-10' }) });
    await visit(page, server(), `/leveringen/${stock.id}/bewerken`);
    await page.getByLabel('Aantal').fill('vier');
    await page.getByLabel('Toegezegd op (optioneel)', { exact: true }).fill('2025-02-20');
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    expect(await fieldError(page, 'Toegezegd op (optioneel)')).toMatch(/ligt vóór/);
    expect(await fieldError(page, 'Aantal (optioneel)')).toMatch(/geheel getal/);

    const purchase = await api<DeliveryDetail>(server(), '/deliveries', { method: 'POST', body: JSON.stringify({ title: 'Munitie voor één ronde', category: 'ammunition', supportType: 'procurement', fundingSource: 'defenceBudget', committedAt: '2025-03-01' }) });
    await api(server(), `/deliveries/${purchase.id}/payments`, { as: 'finance', method: 'POST', body: JSON.stringify({ amountCents: 50_00, paidOn: '2025-04-01', reference: 'F-2025-001' }) });
    await page.context().close();
    page = await openPageAs(browser(), server(), 'finance');
    await visit(page, server(), `/leveringen/${purchase.id}/betaling`);
    await page.getByLabel('Bedrag in euro').fill('tien');
    await page.getByLabel('Betaald op').fill('2025-05-01');
    await page.getByLabel('Kenmerk (optioneel)').fill('f-2025-001');
    await page.getByRole('button', { name: 'Betaling vastleggen' }).click();
    expect(await fieldError(page, 'Kenmerk (optioneel)')).toMatch(/heeft al een betaling met dit kenmerk/);
    expect(await fieldError(page, 'Bedrag in euro')).toBe('Vul een bedrag in, bijvoorbeeld 1.234.567,89.');

    const [stored, paid] = await Promise.all([api<DeliveryDetail>(server(), `/deliveries/${stock.id}`), api<DeliveryDetail>(server(), `/deliveries/${purchase.id}`)]);
    expect([stored.valuations.length, stored.quantity, stored.pledgedAt, paid.payments.length]).toEqual([1, 4, '2025-02-01', 1]);
  });
});
