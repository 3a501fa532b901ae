import { afterEach, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { todayInAmsterdam } from '../../common/dates.ts';
import type { DisclosureDecision } from '../../web/src/api/disclosure.ts';
import type { PublicDelivery } from '../../web/src/api/public.ts';
import { describeWithBrowser } from '../support/browser.ts';
import { api, apiResponse, fieldError, logIn, openPageAs, openPageIn, publishLetterOf31August, registerShipped, tableRows, useServer, visit } from './app.ts';

const HOWITZERS = {
  title: 'Pantserhouwitsers 2000, tweede tranche',
  publicTitle: 'Pantserhouwitsers',
  category: 'largeCalibreArtillery',
  quantity: 4,
  unit: 'stuks',
  supportType: 'stock' as const,
  fundingSource: 'ukraineSupportBudget',
  committedAt: '2025-06-01',
  realisedAt: '2025-07-20',
};
const RADARS = { ...HOWITZERS, title: 'Radars voor luchtverdediging', publicTitle: null, category: 'airDefence', quantity: 2, realisedAt: '2025-08-01' };
const MINES = { ...HOWITZERS, title: 'Mijnenveegsystemen', publicTitle: null, category: 'vehicles', quantity: null, unit: null, realisedAt: '2025-08-20' };
/** A review date lies after the day of the decision. */
const reviewYear = Number(todayInAmsterdam().slice(0, 4)) + 1;

async function publicDeliveries(url: string): Promise<PublicDelivery[]> {
  const response = await fetch(`${url}/api/v1/public/deliveries`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { items: PublicDelivery[] }).items;
}

async function navigationLinks(page: Page): Promise<string[]> {
  return page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link').allInnerTexts();
}

describeWithBrowser('disclosure', (browser) => {
  const server = useServer();
  const ids: Record<'howitzers' | 'radars' | 'mines', string> = { howitzers: '', radars: '', mines: '' };
  let page: Page;
  beforeAll(async () => {
    for (const [key, delivery] of [
      ['howitzers', HOWITZERS],
      ['radars', RADARS],
      ['mines', MINES],
    ] as const) {
      ids[key] = await registerShipped(server(), delivery);
    }
  });
  afterEach(async () => {
    await page.context().close();
  });

  it('the disclosure officer decides one delivery public and a selection confidential; the public list shows exactly the public one', async () => {
    const publicBefore = await publicDeliveries(server().url);
    page = await openPageIn(browser(), 'nl');
    await logIn(page, server(), 'disclosureOfficer');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Openbaarmaking' }).click();
    await page.getByRole('heading', { level: 1, name: 'Openbaarmaking' }).waitFor();

    // The queue counts for the next letter: the draft of 31 August 2025.
    expect(await page.getByLabel('Peildatum van de brief').inputValue()).toBe('2025-08-31');
    await page.getByText('leveringen, gerealiseerd of op de EPF gedeclareerd tot en met 31 augustus 2025, wachten nog op een besluit.').waitFor();
    expect(await page.locator('.needed-for-letter__count').innerText()).toBe('3');
    const queue = page.getByRole('table', { name: 'Leveringen zonder besluit over openbaarmaking, de eerst gerealiseerde eerst' });
    expect((await tableRows(queue)).map((row) => row[1])).toEqual([HOWITZERS.title, RADARS.title, MINES.title]);

    // A date before the register's years is said at its field, as the API refuses it; emptied, the queue is for the next letter again.
    const referenceDate = page.getByLabel('Peildatum van de brief');
    const show = page.locator('form.date-form').getByRole('button', { name: 'Tonen' });
    await referenceDate.fill('1900-01-01');
    await show.click();
    await page.getByText('Vul een datum in vanaf').waitFor();
    expect(await fieldError(page, 'Peildatum van de brief')).toMatch(/^Vul een datum in vanaf /);
    expect(await page.getByText('De gegevens konden niet worden geladen.').count()).toBe(0);
    await referenceDate.fill('');
    await show.click();
    await expect.poll(() => referenceDate.inputValue()).toBe('2025-08-31');
    expect(new URL(page.url()).searchParams.has('referenceDate')).toBe(false);
    expect((await tableRows(queue)).map((row) => row[1])).toEqual([HOWITZERS.title, RADARS.title, MINES.title]);

    // One delivery public, with what the public may read of it: proposed from the register, then adjusted.
    await page.getByLabel(`${HOWITZERS.title} selecteren`).check();
    await page.getByRole('heading', { level: 2, name: 'Besluit over de geselecteerde levering' }).waitFor();
    await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await page.locator('.error-summary', { hasText: 'Besluit: Vul dit veld in.' }).waitFor();
    await page.getByLabel('Openbaar', { exact: true }).check();
    expect(await page.getByLabel('Titel in het openbare overzicht').inputValue()).toBe('Pantserhouwitsers');
    expect(await page.getByLabel('Categorie in het openbare overzicht').inputValue()).toBe('largeCalibreArtillery');
    expect(await page.getByLabel('Aantal in het openbare overzicht (optioneel)').inputValue()).toBe('4 stuks');
    await page.getByLabel('Aantal in het openbare overzicht (optioneel)').fill('vier');
    await page.getByLabel('Toelichting in het openbare overzicht (optioneel)').fill('Uit de voorraad van de landmacht.');
    await page.getByLabel('Toelichting (optioneel)', { exact: true }).fill('Afgestemd met de landmacht.');
    await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await page.getByText('Het besluit is vastgelegd voor 1 levering.').waitFor();
    await queue.getByRole('rowheader', { name: HOWITZERS.title }).waitFor({ state: 'detached' });

    // A selection confidential at once, with the ground and a date to look at it again.
    await page.getByLabel(`${RADARS.title} selecteren`).check();
    await page.getByLabel(`${MINES.title} selecteren`).check();
    await page.getByRole('heading', { level: 2, name: 'Besluit over 2 geselecteerde leveringen' }).waitFor();
    await page.getByLabel('Vertrouwelijk', { exact: true }).check();
    await page.getByLabel('Grond').selectOption('operationalSecurity');
    await page.getByLabel('Opnieuw bekijken op (optioneel)').fill(`${reviewYear}-03-01`);
    await page.getByRole('button', { name: 'Besluit vastleggen voor 2 leveringen' }).click();
    await page.getByText('Het besluit is vastgelegd voor 2 leveringen.').waitFor();
    await page.getByText('Er zijn geen leveringen zonder besluit.').waitFor();
    expect(await page.locator('.needed-for-letter__count').innerText()).toBe('0');

    // Under the embargo, nothing new is public until the letter that first lists the public one is published.
    const publicDecided = await publicDeliveries(server().url);
    expect(publicDecided.filter((item) => !publicBefore.some((before) => before.publicId === item.publicId))).toEqual([]);
    await publishLetterOf31August(server());

    // Then open data gains exactly the public one, as decided; nothing of the confidential ones. (The letter's
    // publication also makes public the demonstration deliveries it first lists.)
    const publicAfter = await publicDeliveries(server().url);
    const added = publicAfter.filter((item) => !item.isDemonstration && !publicBefore.some((before) => before.publicId === item.publicId));
    expect(added).toEqual([
      expect.objectContaining({
        title: 'Pantserhouwitsers',
        detail: 'Uit de voorraad van de landmacht.',
        category: 'largeCalibreArtillery',
        supportType: 'stock',
        quantity: 'vier',
      }),
    ]);
    const published = JSON.stringify(publicAfter);
    for (const hidden of [HOWITZERS.title, RADARS.title, MINES.title, 'Afgestemd met de landmacht']) expect(published).not.toContain(hidden);

    // The delivery page shows the state and the decision.
    await visit(page, server(), `/leveringen/${ids.radars}`);
    const disclosure = page.getByRole('region', { name: 'Openbaarmaking' });
    await disclosure.locator('.status-tag', { hasText: 'Vertrouwelijk' }).waitFor();
    const historyTable = disclosure.getByRole('table', { name: 'Besluiten over openbaarmaking, het nieuwste eerst' });
    await historyTable.waitFor();
    const history = await tableRows(historyTable);
    expect(history).toHaveLength(1);
    expect(history[0]).toEqual([expect.any(String), 'Vertrouwelijk', `Operationele veiligheid · opnieuw bekijken op 1 mrt. ${reviewYear}`, '—', 'demo-disclosure-officer']);
    const stored = await api<{ items: DisclosureDecision[] }>(server(), `/deliveries/${ids.radars}/disclosure-decisions`, { as: 'disclosureOfficer' });
    expect(stored.items.map((decision) => [decision.state, decision.ground, decision.reviewOn])).toEqual([['confidential', 'operationalSecurity', `${reviewYear}-03-01`]]);
  });

  it('the disclosure officer decides again from the delivery page', async () => {
    page = await openPageAs(browser(), server(), 'disclosureOfficer');
    await visit(page, server(), `/leveringen/${ids.mines}`);
    await page.getByRole('link', { name: 'Besluiten over openbaarmaking' }).click();
    await page.getByRole('heading', { level: 1, name: 'Besluiten over openbaarmaking' }).waitFor();
    await page.getByLabel('Openbaar', { exact: true }).check();
    expect(await page.getByLabel('Titel in het openbare overzicht').inputValue()).toBe(MINES.title);
    await page.getByLabel('Titel in het openbare overzicht').fill('Mijnenveegsystemen voor de landmacht van Oekraïne');
    await page.getByRole('button', { name: 'Besluit vastleggen' }).click();

    await page.getByText('Het besluit over openbaarmaking is vastgelegd.').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/leveringen/${ids.mines}`);
    const disclosure = page.getByRole('region', { name: 'Openbaarmaking' });
    await disclosure.locator('.status-tag', { hasText: 'Openbaar' }).waitFor();
    const historyTable = disclosure.getByRole('table', { name: 'Besluiten over openbaarmaking, het nieuwste eerst' });
    await historyTable.waitFor();
    expect((await tableRows(historyTable)).map((row) => row[1])).toEqual(['Openbaar', 'Vertrouwelijk']);
  });

  it('a public decision names the date from which the delivery is public, and a date out of range is refused at its field', async () => {
    const id = await registerShipped(server(), { ...MINES, title: 'Veldhospitalen' });
    page = await openPageAs(browser(), server(), 'disclosureOfficer');
    await visit(page, server(), `/leveringen/${id}/openbaarmaking`);
    // Only a public decision has the date.
    await page.getByLabel('Vertrouwelijk', { exact: true }).check();
    expect(await page.getByLabel('Openbaar vanaf (optioneel)', { exact: true }).count()).toBe(0);
    await page.getByLabel('Openbaar', { exact: true }).check();
    await page.getByText('De levering staat pas vanaf die datum op de openbare pagina’s').waitFor();
    // A date typed in part is named in the same round as a title the API refuses, and nothing is decided.
    const title = page.getByLabel('Titel in het openbare overzicht');
    await title.fill('???');
    await page.getByLabel('Openbaar vanaf (optioneel)', { exact: true }).pressSequentially('0103');
    await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
    expect(await fieldError(page, 'Titel in het openbare overzicht')).toBe('Gebruik minstens één letter of cijfer.');
    expect(await fieldError(page, 'Openbaar vanaf (optioneel)')).toBe('Vul een volledige, bestaande datum in.');
    expect((await api<{ items: DisclosureDecision[] }>(server(), `/deliveries/${id}/disclosure-decisions`, { as: 'disclosureOfficer' })).items).toEqual([]);
    await title.fill('Veldhospitalen');
    await page.getByLabel('Openbaar vanaf (optioneel)', { exact: true }).fill('1900-01-01');
    await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await page.locator('.error-summary').getByRole('link', { name: 'Openbaar vanaf' }).waitFor();
    expect(await fieldError(page, 'Openbaar vanaf (optioneel)')).toMatch(/^Vul een datum in vanaf /);
    const from = `${reviewYear}-03-01`;
    await page.getByLabel('Openbaar vanaf (optioneel)', { exact: true }).fill(from);
    await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await page.getByText('Het besluit over openbaarmaking is vastgelegd.').waitFor();
    const { items } = await api<{ items: DisclosureDecision[] }>(server(), `/deliveries/${id}/disclosure-decisions`, { as: 'disclosureOfficer' });
    expect(items[0]).toMatchObject({ state: 'public', publicFrom: from });
  });

  it('lists the decisions so far above the form, and refuses one on a delivery someone else decided on meanwhile, showing theirs with the choice kept', async () => {
    const id = await registerShipped(server(), { ...MINES, title: 'Veldkeukens' });
    page = await openPageAs(browser(), server(), 'disclosureOfficer');
    await visit(page, server(), `/leveringen/${id}/openbaarmaking`);
    await page.getByText('Er is nog geen besluit over deze levering.').waitFor();
    await page.getByLabel('Openbaar', { exact: true }).check();
    await page.getByLabel('Titel in het openbare overzicht').fill('Veldkeukens voor de grondstrijdkrachten');

    // A colleague keeps it confidential meanwhile.
    const theirs = { deliveryIds: [id], state: 'confidential', ground: 'operationalSecurity', reviewOn: `${reviewYear}-03-01` };
    await api(server(), '/disclosure-decisions', { as: 'disclosureOfficer', method: 'POST', body: JSON.stringify(theirs) });
    await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await page.locator('.error-summary').getByText('Iemand anders heeft intussen iets toegevoegd of gewijzigd', { exact: false }).waitFor();
    const decisions = page.getByRole('table', { name: 'Besluiten over openbaarmaking, het nieuwste eerst' });
    await decisions.waitFor();
    expect((await tableRows(decisions)).map((row) => row[1])).toEqual(['Vertrouwelijk']);
    expect(await page.getByLabel('Titel in het openbare overzicht').inputValue()).toBe('Veldkeukens voor de grondstrijdkrachten');
    const stored = () => api<{ items: DisclosureDecision[] }>(server(), `/deliveries/${id}/disclosure-decisions`, { as: 'disclosureOfficer' });
    expect((await stored()).items.map((decision) => decision.state)).toEqual(['confidential']);

    await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await page.getByText('Het besluit over openbaarmaking is vastgelegd.').waitFor();
    expect((await stored()).items.map((decision) => [decision.state, decision.publicTitle])).toEqual([
      ['public', 'Veldkeukens voor de grondstrijdkrachten'],
      ['confidential', null],
    ]);
  });

  it('says on a delivery’s page and its decision page that it waits for a new decision once another left the item whose value they gave together, or once money its public value counted was withdrawn', async () => {
    const together: string[] = [];
    for (const [title, amountCents] of [['Generatoren, eerste lot', 30_000_000], ['Generatoren, tweede lot', 32_000_000]] as const) {
      const id = await registerShipped(server(), { ...MINES, title, category: 'nonLethal' });
      await api(server(), `/deliveries/${id}/valuations`, { method: 'POST', body: JSON.stringify({ amountCents, basis: 'replacementValue', effectiveDate: MINES.realisedAt, confirm: ['datedInSentLetterPeriod'] }) });
      together.push(id);
    }
    const decide = (body: Record<string, unknown>) => api(server(), '/disclosure-decisions', { as: 'disclosureOfficer', method: 'POST', body: JSON.stringify(body) });
    await decide({ deliveryIds: together, state: 'public', publicTitle: 'Generatoren', publicCategory: 'nonLethal', publicValue: true, publicFrom: '2025-09-01' });
    await decide({ deliveryIds: [together[1]], state: 'confidential', ground: 'operationalSecurity' });

    page = await openPageAs(browser(), server(), 'disclosureOfficer');
    await visit(page, server(), `/leveringen/${together[0]}/openbaarmaking`);
    await page.locator('.utrecht-alert--warning').getByText('Deze levering wacht op een nieuw besluit.', { exact: false }).waitFor();
    // So does the delivery's own page, above its decisions.
    await visit(page, server(), `/leveringen/${together[0]}`);
    await page.locator('.utrecht-alert--warning').getByText('Deze levering wacht op een nieuw besluit.', { exact: false }).waitFor();
    // The one that left waits for nothing.
    await visit(page, server(), `/leveringen/${together[1]}/openbaarmaking`);
    expect(await page.getByText('Deze levering wacht op een nieuw besluit.', { exact: false }).count()).toBe(0);

    // One whose value made public counted a valuation withdrawn since waits too, and is told so.
    const alone = await registerShipped(server(), { ...MINES, title: 'Aggregaten', category: 'nonLethal' });
    const valuation = await api<{ id: string }>(server(), `/deliveries/${alone}/valuations`, { method: 'POST', body: JSON.stringify({ amountCents: 40_000_000, basis: 'replacementValue', effectiveDate: MINES.realisedAt, confirm: ['datedInSentLetterPeriod'] }) });
    await decide({ deliveryIds: [alone], state: 'public', publicTitle: 'Aggregaten', publicCategory: 'nonLethal', publicValue: true, publicFrom: '2025-09-01' });
    await api(server(), `/valuations/${valuation.id}/withdrawal`, { method: 'POST', body: JSON.stringify({ withdrawnOn: MINES.realisedAt, reason: 'Bedrag tien keer te hoog ingevoerd', confirm: ['datedInSentLetterPeriod'] }) });
    await visit(page, server(), `/leveringen/${alone}/openbaarmaking`);
    const withheld = page.locator('.utrecht-alert--warning');
    await withheld.getByText('telde een betaling of waardering mee die sindsdien is ingetrokken', { exact: false }).waitFor();
    expect(await withheld.getByText('apart besloten of verwijderd', { exact: false }).count()).toBe(0);
  });

  it('a registrar is not offered the disclosure pages, and the server refuses them', async () => {
    page = await openPageAs(browser(), server(), 'registrar');
    await visit(page, server(), '/');
    expect(await navigationLinks(page)).not.toContain('Openbaarmaking');

    const refusal = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/v1/disclosure-queue');
    await page.goto(`${server().url}/openbaarmaking`);
    expect((await refusal).status()).toBe(403);
    await page.getByRole('heading', { level: 1, name: 'Geen toegang' }).waitFor();

    await visit(page, server(), `/leveringen/${ids.howitzers}/openbaarmaking`);
    await page.getByRole('heading', { level: 1, name: 'Geen toegang' }).waitFor();
    expect(await page.getByRole('radio').count()).toBe(0);

    await visit(page, server(), `/leveringen/${ids.howitzers}`);
    const disclosure = page.getByRole('region', { name: 'Openbaarmaking' });
    await disclosure.locator('.status-tag', { hasText: 'Openbaar' }).waitFor();
    expect(await page.getByRole('link', { name: 'Besluiten over openbaarmaking' }).count()).toBe(0);
    expect(await disclosure.getByRole('table').count()).toBe(0);

    const decision = { deliveryIds: [ids.howitzers], state: 'confidential', ground: 'operationalSecurity' };
    expect((await apiResponse(server(), '/disclosure-queue')).status).toBe(403);
    expect((await apiResponse(server(), `/deliveries/${ids.howitzers}/disclosure-decisions`)).status).toBe(403);
    expect((await apiResponse(server(), '/disclosure-decisions', { method: 'POST', body: JSON.stringify(decision) })).status).toBe(403);
  });
});
