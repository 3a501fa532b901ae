import { afterEach, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeWithBrowser } from '../support/browser.ts';
import { api, fieldError, openPageAs, useServer, visit } from './app.ts';

const plain = (text: string) => text.replace(/\u00a0/g, ' ').trim();
/** The box at a date in the period of the letter sent to parliament, and the warning at that date naming the demonstration's letter of 4 February 2025. */
const RECORD_ANYWAY = 'Toch vastleggen: de datum klopt, ook al wijkt het register daarmee af van de verstuurde brief';
const IN_PERIOD_OF_SENT_LETTER = (date: string) => new RegExp(`^${date} valt in de periode van de brief met peildatum 4 februari 2025 \\(Kamerstuk [^)]+\\), die al naar de Kamer is gestuurd`);

describeWithBrowser('EPF claims', (browser) => {
  const server = useServer();
  let page: Page;
  afterEach(async () => {
    await page.context().close();
  });

  it('shows the figures of the letter at 31 August 2025, refuses a claim above the rules with clear errors, and records a good one with its history', async () => {
    page = await openPageAs(browser(), server(), 'finance');
    await visit(page, server(), '/epf?date=2025-08-31');
    const figure = async (label: string) => plain(await page.locator('tr', { has: page.getByRole('rowheader', { name: label, exact: true }) }).getByRole('cell').innerText());
    expect(await figure('Gedeclareerd')).toBe('€ 3.305.000.000,00');
    expect(await figure('Gecompenseerd')).toBe('€ 440.000.000,00');
    expect(await figure('Ontvangen in 2024')).toBe('€ 52.800.000,00');
    expect(await figure('Werk als uitvoerder voor de EU (telt niet mee in Nederlandse totalen)')).toBe('€ 100.000.000,00');
    // The column holds a date and a year beside the amounts, and is named for all three.
    expect(await figure('Laatste declaratie')).toBe('20 jul. 2025');
    expect(await figure('Rest verwacht tot en met')).toBe('2027');
    expect(await page.getByRole('table', { name: 'EPF-declaraties van Nederland op 31 aug. 2025' }).getByRole('columnheader').allInnerTexts()).toEqual(['Cijfer', 'Stand']);

    await page.getByLabel('Kenmerk').fill('EPF-NL-2025-09');
    await page.getByLabel(/Wat de declaratie omvat/).fill('Leveringen juli 2025');
    await page.getByLabel('Periode').fill('jul. 2025');
    await page.getByLabel('Gedeclareerd bedrag').fill('0');
    await page.getByLabel('Datum van declaratie').fill('2099-01-01');
    await page.getByRole('button', { name: 'Declaratie vastleggen' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toMatch(/Gedeclareerd bedrag/);

    await page.getByLabel('Gedeclareerd bedrag').fill('1.000.000');
    await page.getByLabel('Datum van declaratie').fill('2025-08-15');
    await page.locator('form', { has: page.getByRole('button', { name: 'Declaratie vastleggen' }) }).getByLabel('Toelichting').fill('Ingediend via het EPF-portaal');
    await page.getByRole('button', { name: 'Declaratie vastleggen' }).click();
    await page.getByRole('heading', { name: 'Declaratie EPF-NL-2025-09' }).waitFor();
    await page.getByText('De declaratie is vastgelegd.').waitFor();
    // The claim's page shows the note it was declared with.
    expect(await page.locator('.utrecht-data-list__item', { has: page.getByText('Toelichting', { exact: true }) }).locator('dd').innerText()).toBe('Ingediend via het EPF-portaal');

    // A blockage needs its reason (the API refuses one without), as its label says: not optional.
    await page.getByLabel('Met ingang van').fill('2025-08-20');
    await page.getByRole('button', { name: 'Blokkeren' }).click();
    await page.getByLabel('Reden', { exact: true }).and(page.locator('[aria-invalid="true"]')).waitFor();
    await page.getByLabel('Reden', { exact: true }).fill('Veto van een lidstaat');
    await page.getByRole('button', { name: 'Blokkeren' }).click();
    await page.getByRole('table', { name: 'Blokkades en vrijgaven' }).getByText('Veto van een lidstaat').waitFor();
  });

  it('says at the batch, of a claim for neither a delivery nor a batch, that it is for one or the other', async () => {
    page = await openPageAs(browser(), server(), 'finance');
    await visit(page, server(), '/epf?date=2025-08-31');
    await page.getByRole('button', { name: 'Declaratie vastleggen' }).click();
    await page.locator('.error-summary').waitFor();
    const batch = page.getByLabel(/Wat de declaratie omvat/);
    expect(await batch.getAttribute('aria-invalid')).toBe('true');
    const errorId = (await batch.getAttribute('aria-describedby'))!.split(' ').find((id) => id.endsWith('-error'));
    expect(await page.locator(`#${errorId}`).innerText()).toBe('Kies een levering, of beschrijf wat de bundel omvat.');

    // A date before the register's years is said at the field, as the API refuses it, rather than as figures that could not be loaded.
    await page.getByLabel('Peildatum', { exact: true }).fill('1900-01-01');
    await page.locator('form.date-form').getByRole('button', { name: 'Tonen' }).click();
    await page.getByText('Vul een datum in vanaf').waitFor();
    expect(await fieldError(page, 'Peildatum')).toMatch(/^Vul een datum in vanaf /);
    expect(await page.getByText('De gegevens konden niet worden geladen.').count()).toBe(0);
  });

  it('names in the claims a claim on one delivery covers by that delivery, its title a link to it', async () => {
    const { items } = await api<{ items: { id: string; title: string; realisedAt: string | null }[] }>(server(), '/deliveries?supportType=stock&sort=realisedAt');
    const delivery = items.find((item) => item.realisedAt !== null)!;
    await api(server(), '/epf/claims', { as: 'finance', method: 'POST', body: JSON.stringify({ reference: 'EPF-NL-LEVERING', deliveryId: delivery.id, batch: '', period: 'jul. 2025', declaredCents: 100, declaredOn: '2025-08-01', note: '' }) });
    page = await openPageAs(browser(), server(), 'finance');
    await visit(page, server(), '/epf?date=2025-08-31');
    const claim = page.getByRole('row', { name: /EPF-NL-LEVERING/ });
    expect(await claim.getByRole('link', { name: delivery.title, exact: true }).getAttribute('href')).toBe(`/leveringen/${delivery.id}`);
    expect(await claim.getByText('Levering', { exact: true }).count()).toBe(0);
  });

  it('declares a claim on a tranche the Netherlands claims on, offering those tranches alone and no delivery of work for the EU as implementing actor', async () => {
    const { items: tranches } = await api<{ items: { id: string; name: string; dutchRole: string }[] }>(server(), '/epf/tranches', { as: 'finance' });
    const claimable = tranches.filter((tranche) => tranche.dutchRole === 'claimant');
    const notClaimable = tranches.filter((tranche) => tranche.dutchRole !== 'claimant');
    expect(claimable.length).toBeGreaterThan(0);
    expect(notClaimable.map((tranche) => tranche.dutchRole)).toEqual(expect.arrayContaining(['implementingActor', 'none']));
    page = await openPageAs(browser(), server(), 'finance');
    await visit(page, server(), '/epf?date=2025-08-31');
    const form = page.locator('form', { has: page.getByRole('button', { name: 'Declaratie vastleggen' }) });
    const tranche = form.locator('select[name="trancheId"]');
    await expect.poll(async () => (await tranche.locator('option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value))).sort()).toEqual(['', ...claimable.map(({ id }) => id)].sort());

    // The drones the Netherlands buys as implementing actor for the EU cannot be claimed: the search does not offer them.
    const offered = () => form.locator('select[name="deliveryId"] option').allTextContents();
    await expect.poll(async () => (await offered()).length).toBeGreaterThan(1);
    await form.getByRole('searchbox', { name: 'Levering: zoeken' }).fill('Drones');
    await expect.poll(offered).toEqual(['Geen levering: een bundel']);

    const aggregated = claimable.find((item) => item.name.startsWith('Demonstratie: EPF-bijstandsmaatregelen'))!;
    await form.getByLabel('Kenmerk').fill('EPF-NL-TRANCHE');
    await form.getByLabel(/Wat de declaratie omvat/).fill('Leveringen augustus 2025');
    await form.getByLabel('Periode').fill('aug. 2025');
    await form.getByLabel('Gedeclareerd bedrag').fill('2.500.000');
    await form.getByLabel('Datum van declaratie').fill('2025-08-20');
    await tranche.selectOption(aggregated.id);
    await form.getByRole('button', { name: 'Declaratie vastleggen' }).click();
    await page.getByRole('heading', { name: 'Declaratie EPF-NL-TRANCHE' }).waitFor();
    await page.locator('.utrecht-data-list__item', { has: page.getByText('Tranche', { exact: true }) }).getByText(aggregated.name, { exact: true }).waitFor();
    const id = page.url().split('/').pop()!;
    expect((await api<{ claim: { trancheId: string | null } }>(server(), `/epf/claims/${id}`, { as: 'finance' })).claim.trancheId).toBe(aggregated.id);
  });

  it('records a tranche the EU decided, after refusing an amount that is not one', async () => {
    page = await openPageAs(browser(), server(), 'finance');
    await visit(page, server(), '/epf?date=2025-08-31');
    const tranche = page.locator('form', { has: page.getByRole('button', { name: 'Tranche vastleggen' }) });
    await tranche.getByLabel('Tranche', { exact: true }).fill('Windfall profits, tranche 3');
    await tranche.getByLabel('Soort', { exact: true }).selectOption({ index: 2 });
    await tranche.getByLabel('Bedrag (EU-breed)').fill('veel');
    await tranche.getByLabel('Besloten op').fill('2025-07-01');
    await tranche.getByLabel('Rol van Nederland').selectOption({ index: 1 });
    await tranche.getByRole('button', { name: 'Tranche vastleggen' }).click();
    await tranche.locator('.error-summary').getByRole('link', { name: 'Bedrag (EU-breed)' }).waitFor();
    await tranche.getByLabel('Bedrag (EU-breed)').fill('1.400.000.000');
    await tranche.getByRole('button', { name: 'Tranche vastleggen' }).click();
    await tranche.getByText('De tranche is vastgelegd.').waitFor();
    const row = page.locator('tr', { has: page.getByRole('rowheader', { name: 'Windfall profits, tranche 3' }) });
    await expect.poll(async () => plain(await row.innerText().catch(() => ''))).toContain('€ 1.400.000.000,00');
  });

  it('refuses an entry on a claim someone else added to since the page loaded, shows the latest with what was typed still there, and then adds it and the next one', async () => {
    const { items } = await api<{ items: { id: string }[] }>(server(), '/epf/claims?date=2025-08-31', { as: 'finance' });
    const id = items[0]!.id;
    page = await openPageAs(browser(), server(), 'finance');
    await visit(page, server(), `/epf/declaraties/${id}`);
    const receipts = page.locator('form', { has: page.getByRole('button', { name: 'Ontvangst vastleggen' }) });
    const receiptsTable = page.getByRole('table', { name: 'Ontvangen bedragen' });
    await receipts.getByLabel('Bedrag in euro').fill('1.111,11');
    await receipts.getByLabel('Datum van ontvangst').fill('2025-08-11');

    // A colleague records money received meanwhile.
    await api(server(), `/epf/claims/${id}/receipts`, { as: 'finance', method: 'POST', body: JSON.stringify({ amountCents: 222_222, receivedOn: '2025-08-12' }) });
    await receipts.getByRole('button', { name: 'Ontvangst vastleggen' }).click();
    const summary = receipts.locator('.error-summary');
    await summary.getByText('Iemand anders heeft intussen iets toegevoegd of gewijzigd, dus er is niets vastgelegd.', { exact: false }).waitFor();
    await receiptsTable.getByText('2.222,22', { exact: false }).waitFor();
    expect(await receiptsTable.getByText('1.111,11', { exact: false }).count()).toBe(0);
    expect(await receipts.getByLabel('Bedrag in euro').inputValue()).toBe('1.111,11');

    // Seen the latest: sending again adds it, and a second entry from the same page goes too.
    await receipts.getByRole('button', { name: 'Ontvangst vastleggen' }).click();
    await receiptsTable.getByText('1.111,11', { exact: false }).waitFor();
    expect(await receipts.locator('.error-summary').count()).toBe(0);
    await receipts.getByLabel('Bedrag in euro').fill('333,33');
    await receipts.getByLabel('Datum van ontvangst').fill('2025-08-13');
    await receipts.getByRole('button', { name: 'Ontvangst vastleggen' }).click();
    await receiptsTable.getByText('333,33', { exact: false }).waitFor();
    expect(await receipts.locator('.error-summary').count()).toBe(0);
    const claim = await api<{ receipts: { amountCents: number }[] }>(server(), `/epf/claims/${id}`, { as: 'finance' });
    expect(claim.receipts.map((receipt) => receipt.amountCents).filter((cents) => [111_111, 222_222, 33_333].includes(cents))).toEqual(expect.arrayContaining([111_111, 222_222, 33_333]));
    expect(claim.receipts.filter((receipt) => receipt.amountCents === 111_111)).toHaveLength(1);
  });

  it('warns at the date of money received in the period of the letter sent to parliament, naming it, and records it once confirmed', async () => {
    const declared = await api<{ claim: { id: string } }>(server(), '/epf/claims', {
      as: 'finance',
      method: 'POST',
      // Declared and assessed in that period too, which is confirmed as meant.
      body: JSON.stringify({ reference: 'EPF-NL-VOOR-DE-PEILDATUM', batch: 'Leveringen 2024', period: '2024', declaredCents: 5_000_000_00, declaredOn: '2024-12-01', confirm: ['datedInSentLetterPeriod'] }),
    });
    const id = declared.claim.id;
    await api(server(), `/epf/claims/${id}/assessments`, { as: 'finance', method: 'POST', body: JSON.stringify({ compensatedCents: 5_000_000_00, assessedOn: '2025-01-10', confirm: ['datedInSentLetterPeriod'] }) });
    const receivedOn = async () => (await api<{ receipts: { receivedOn: string }[] }>(server(), `/epf/claims/${id}`, { as: 'finance' })).receipts.map((receipt) => receipt.receivedOn);
    page = await openPageAs(browser(), server(), 'finance');
    await visit(page, server(), `/epf/declaraties/${id}`);
    const receipts = page.locator('form', { has: page.getByRole('button', { name: 'Ontvangst vastleggen' }) });
    await receipts.getByLabel('Bedrag in euro').fill('1.000.000');
    // The demonstration's letter of 4 February 2025 was sent.
    await receipts.getByLabel('Datum van ontvangst').fill('2025-02-01');
    await receipts.getByRole('button', { name: 'Ontvangst vastleggen' }).click();

    const confirmation = receipts.getByLabel(RECORD_ANYWAY);
    await confirmation.waitFor();
    expect(await fieldError(page, 'Datum van ontvangst')).toMatch(IN_PERIOD_OF_SENT_LETTER('1 februari 2025'));
    expect(await receivedOn()).toEqual([]);

    await confirmation.check();
    await receipts.getByRole('button', { name: 'Ontvangst vastleggen' }).click();
    await page.getByRole('table', { name: 'Ontvangen bedragen' }).getByText('1.000.000,00', { exact: false }).waitFor();
    expect(await receivedOn()).toEqual(['2025-02-01']);

    // The confirmation was of that money: the next, at the same date, is warned of anew.
    await receipts.getByLabel('Bedrag in euro').fill('250.000');
    await receipts.getByLabel('Datum van ontvangst').fill('2025-02-01');
    await receipts.getByRole('button', { name: 'Ontvangst vastleggen' }).click();
    await confirmation.waitFor();
    expect(await confirmation.isChecked()).toBe(false);
    expect(await receivedOn()).toEqual(['2025-02-01']);
  });

  it('warns at the date of a claim declared and of an assessment in the period of the letter sent to parliament, naming it, and records each once confirmed', async () => {
    const inPeriod = IN_PERIOD_OF_SENT_LETTER('15 januari 2025');
    page = await openPageAs(browser(), server(), 'finance');
    await visit(page, server(), '/epf');
    const claimForm = page.locator('form', { has: page.getByRole('button', { name: 'Declaratie vastleggen' }) });
    await claimForm.getByLabel('Kenmerk').fill('EPF-NL-IN-DE-PERIODE');
    await claimForm.getByLabel(/Wat de declaratie omvat/).fill('Leveringen december 2024');
    await claimForm.getByLabel('Periode').fill('dec. 2024');
    await claimForm.getByLabel('Gedeclareerd bedrag').fill('2.000.000');
    // The demonstration's letter of 4 February 2025 was sent.
    await claimForm.getByLabel('Datum van declaratie').fill('2025-01-15');
    await claimForm.getByRole('button', { name: 'Declaratie vastleggen' }).click();
    const claimBox = claimForm.getByLabel(RECORD_ANYWAY);
    await claimBox.waitFor();
    expect(await fieldError(page, 'Datum van declaratie')).toMatch(inPeriod);
    await claimBox.check();
    await claimForm.getByRole('button', { name: 'Declaratie vastleggen' }).click();
    await page.getByRole('heading', { name: 'Declaratie EPF-NL-IN-DE-PERIODE' }).waitFor();

    const assessment = page.locator('form', { has: page.getByRole('button', { name: 'Beoordeling vastleggen' }) });
    await assessment.getByLabel('Gecompenseerd bedrag').fill('1.500.000');
    await assessment.getByLabel('Datum van beoordeling').fill('2025-01-15');
    await assessment.getByRole('button', { name: 'Beoordeling vastleggen' }).click();
    const assessmentBox = assessment.getByLabel(RECORD_ANYWAY);
    await assessmentBox.waitFor();
    expect(await fieldError(page, 'Datum van beoordeling')).toMatch(inPeriod);
    await assessmentBox.check();
    await assessment.getByRole('button', { name: 'Beoordeling vastleggen' }).click();
    await page.getByRole('table', { name: 'Beoordelingen van de declaratie' }).getByText('1.500.000,00', { exact: false }).waitFor();
    expect(await assessment.getByLabel(RECORD_ANYWAY).count()).toBe(0);
  });

  it('warns at the date of a tranche decided in the period of the letter sent to parliament, naming it, and records it once confirmed', async () => {
    const decidedOn = async () => (await api<{ items: { name: string; decidedOn: string }[] }>(server(), '/epf/tranches', { as: 'finance' })).items.filter((tranche) => tranche.name === 'Tranche in de periode').map((tranche) => tranche.decidedOn);
    page = await openPageAs(browser(), server(), 'finance');
    await visit(page, server(), '/epf');
    const tranche = page.locator('form', { has: page.getByRole('button', { name: 'Tranche vastleggen' }) });
    await tranche.getByLabel('Tranche', { exact: true }).fill('Tranche in de periode');
    await tranche.getByLabel('Soort', { exact: true }).selectOption({ index: 1 });
    await tranche.getByLabel('Bedrag (EU-breed)').fill('500.000.000');
    // The demonstration's letter of 4 February 2025 was sent.
    await tranche.getByLabel('Besloten op').fill('2025-01-15');
    await tranche.getByLabel('Rol van Nederland').selectOption({ index: 1 });
    await tranche.getByRole('button', { name: 'Tranche vastleggen' }).click();

    const confirmation = tranche.getByLabel(RECORD_ANYWAY);
    await confirmation.waitFor();
    expect(await fieldError(page, 'Besloten op')).toMatch(IN_PERIOD_OF_SENT_LETTER('15 januari 2025'));
    expect(await decidedOn()).toEqual([]);
    await confirmation.check();
    await tranche.getByRole('button', { name: 'Tranche vastleggen' }).click();
    await tranche.getByText('De tranche is vastgelegd.').waitFor();
    expect(await decidedOn()).toEqual(['2025-01-15']);
  });

  it('warns at the date of a blockage and of a release in the period of the letter sent to parliament, naming it, and records each once confirmed', async () => {
    const declared = await api<{ claim: { id: string } }>(server(), '/epf/claims', {
      as: 'finance',
      method: 'POST',
      body: JSON.stringify({ reference: 'EPF-NL-GEBLOKKEERD', batch: 'Leveringen 2024', period: '2024', declaredCents: 3_000_000_00, declaredOn: '2024-12-01', confirm: ['datedInSentLetterPeriod'] }),
    });
    const id = declared.claim.id;
    const entries = async () => (await api<{ blockages: { blocked: boolean; effectiveOn: string }[] }>(server(), `/epf/claims/${id}`, { as: 'finance' })).blockages.map((entry) => [entry.blocked, entry.effectiveOn]);
    page = await openPageAs(browser(), server(), 'finance');
    await visit(page, server(), `/epf/declaraties/${id}`);
    const form = page.locator('form', { has: page.getByRole('button', { name: 'Blokkeren' }) });
    const confirmation = form.getByLabel(RECORD_ANYWAY);
    const entriesTable = page.getByRole('table', { name: 'Blokkades en vrijgaven' });

    // Blocked before the letter's reference date, the claim counted as blocked in the letter's figures.
    await form.getByLabel('Met ingang van').fill('2025-01-20');
    await form.getByLabel('Reden', { exact: true }).fill('Veto van een lidstaat');
    await form.getByRole('button', { name: 'Blokkeren' }).click();
    await confirmation.waitFor();
    expect(await fieldError(page, 'Met ingang van')).toMatch(IN_PERIOD_OF_SENT_LETTER('20 januari 2025'));
    expect(await entries()).toEqual([]);
    await confirmation.check();
    await form.getByRole('button', { name: 'Blokkeren' }).click();
    await entriesTable.getByText('Veto van een lidstaat').waitFor();
    expect(await entries()).toEqual([[true, '2025-01-20']]);

    // Released before it too: warned of anew, the box unticked, and recorded once ticked.
    await form.getByLabel('Met ingang van').fill('2025-02-01');
    await form.getByRole('button', { name: 'Vrijgeven' }).click();
    await confirmation.waitFor();
    expect(await confirmation.isChecked()).toBe(false);
    expect(await entries()).toEqual([[true, '2025-01-20']]);
    await confirmation.check();
    await form.getByRole('button', { name: 'Vrijgeven' }).click();
    await entriesTable.getByText('Vrijgegeven').waitFor();
    expect(await entries()).toEqual([
      [true, '2025-01-20'],
      [false, '2025-02-01'],
    ]);
  });

  it('records an assessment and money received with their notes, and tells two receipts of one day and amount apart by them', async () => {
    const declared = await api<{ claim: { id: string } }>(server(), '/epf/claims', {
      as: 'finance',
      method: 'POST',
      body: JSON.stringify({ reference: 'EPF-NL-TOELICHTING', batch: 'Leveringen juni 2025', period: 'jun. 2025', declaredCents: 10_000_000_00, declaredOn: '2025-07-01' }),
    });
    page = await openPageAs(browser(), server(), 'finance');
    await visit(page, server(), `/epf/declaraties/${declared.claim.id}`);
    const assessment = page.locator('form', { has: page.getByRole('button', { name: 'Beoordeling vastleggen' }) });
    await assessment.getByLabel('Gecompenseerd bedrag').fill('8.000.000');
    await assessment.getByLabel('Datum van beoordeling').fill('2025-07-15');
    await assessment.getByLabel('Toelichting (optioneel)').fill('Besluit van de EU van 15 juli 2025');
    await assessment.getByRole('button', { name: 'Beoordeling vastleggen' }).click();
    const assessments = page.getByRole('table', { name: 'Beoordelingen van de declaratie' });
    await assessments.getByText('Besluit van de EU van 15 juli 2025').waitFor();

    const receipts = page.locator('form', { has: page.getByRole('button', { name: 'Ontvangst vastleggen' }) });
    const receive = async (note: string) => {
      await receipts.getByLabel('Bedrag in euro').fill('1.000.000');
      await receipts.getByLabel('Datum van ontvangst').fill('2025-08-01');
      await receipts.getByLabel('Toelichting (optioneel)').fill(note);
      await receipts.getByRole('button', { name: 'Ontvangst vastleggen' }).click();
    };
    const receiptsTable = page.getByRole('table', { name: 'Ontvangen bedragen' });
    await receive('Eerste betaling');
    await receiptsTable.getByText('Eerste betaling').waitFor();
    await receive('Tweede betaling');
    await receiptsTable.getByText('Tweede betaling').waitFor();
    expect(await receipts.locator('.error-summary').count()).toBe(0);
    const claim = await api<{ assessments: { note: string }[]; receipts: { note: string }[] }>(server(), `/epf/claims/${declared.claim.id}`, { as: 'finance' });
    expect(claim.assessments.map((row) => row.note)).toEqual(['Besluit van de EU van 15 juli 2025']);
    expect(claim.receipts.map((row) => row.note).toSorted()).toEqual(['Eerste betaling', 'Tweede betaling']);
  });

  it('says of an address that names no claim that the claim does not exist, under the page heading and without offering to load it again', async () => {
    page = await openPageAs(browser(), server(), 'finance');
    for (const id of ['00000000-0000-4000-8000-000000000000', '5c0e8f3a-6b1d']) {
      await visit(page, server(), `/epf/declaraties/${id}`);
      expect(await page.locator('main h1').innerText()).toBe('EPF-declaratie');
      await page.locator('main').getByText('Deze declaratie bestaat niet (meer).').waitFor();
      expect(await page.getByRole('button', { name: 'Opnieuw proberen' }).count()).toBe(0);
      await page.getByRole('link', { name: 'Terug naar de EPF-declaraties' }).waitFor();
    }
  });

  it('names an amount it cannot read beside a reference another claim has, and a date before the claim, in one round, and records nothing', async () => {
    const declared = await api<{ claim: { id: string } }>(server(), '/epf/claims', { as: 'finance', method: 'POST', body: JSON.stringify({ reference: 'EPF-EEN-RONDE', batch: 'Leveringen augustus 2025', period: 'aug. 2025', declaredCents: 100_00, declaredOn: '2025-08-15' }) });
    page = await openPageAs(browser(), server(), 'finance');
    await visit(page, server(), '/epf?date=2025-08-31');
    await page.getByLabel('Kenmerk').fill('epf-een-ronde');
    await page.getByLabel(/Wat de declaratie omvat/).fill('Leveringen augustus 2025');
    await page.getByLabel('Periode').fill('aug. 2025');
    await page.getByLabel('Gedeclareerd bedrag').fill('tien');
    await page.getByLabel('Datum van declaratie').fill('2025-08-16');
    await page.getByRole('button', { name: 'Declaratie vastleggen' }).click();
    expect(await fieldError(page, 'Kenmerk')).toMatch(/^Er is al een declaratie met dit kenmerk/);
    expect(await fieldError(page, 'Gedeclareerd bedrag')).toBe('Vul een bedrag in, bijvoorbeeld 1.234.567,89.');

    await visit(page, server(), `/epf/declaraties/${declared.claim.id}`);
    const assessment = page.locator('form', { has: page.getByRole('button', { name: 'Beoordeling vastleggen' }) });
    await assessment.getByLabel('Gecompenseerd bedrag').fill('tien');
    await assessment.getByLabel('Datum van beoordeling').fill('2025-08-01');
    await assessment.getByRole('button', { name: 'Beoordeling vastleggen' }).click();
    expect(await fieldError(page, 'Datum van beoordeling')).toMatch(/^Deze datum ligt vóór de declaratie/);
    expect(await fieldError(page, 'Gecompenseerd bedrag')).toBe('Vul een bedrag in, bijvoorbeeld 1.234.567,89.');

    const { items } = await api<{ items: { reference: string }[] }>(server(), '/epf/claims?date=2025-12-31&pageSize=100', { as: 'finance' });
    expect(items.filter((claim) => claim.reference.toLowerCase() === 'epf-een-ronde')).toHaveLength(1);
    expect((await api<{ assessments: unknown[] }>(server(), `/epf/claims/${declared.claim.id}`, { as: 'finance' })).assessments).toEqual([]);
  });
});
