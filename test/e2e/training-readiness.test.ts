import { afterEach, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { todayInAmsterdam } from '../../common/dates.ts';
import { describeWithBrowser } from '../support/browser.ts';
import { api, apiResponse, fieldError, findDeliveryId, openPageAs, registerShipped, tableRows, useServer, visit } from './app.ts';

describeWithBrowser('training and readiness', (browser) => {
  const server = useServer();
  let page: Page;
  afterEach(async () => {
    await page.context().close();
  });

  it('the registrar records a count for a programme: a wrong one is explained per field, a right one shows in the list', async () => {
    page = await openPageAs(browser(), server(), 'registrar');
    await visit(page, server(), '/training');
    await page.getByRole('heading', { level: 1, name: 'Training' }).waitFor();
    const table = page.getByRole('table', { name: 'Trainingsprogramma’s met de laatste telling' });
    expect((await tableRows(table)).find((row) => row[0]?.startsWith('EUMAM'))).toEqual(expect.arrayContaining(['71', 'circa 250']));

    await page.getByLabel('Trainingsprogramma').selectOption({ label: 'Medische training Interbow' });
    await page.getByLabel('Periode vanaf').fill('2025-01-01');
    await page.getByLabel('Geteld tot en met').fill('2099-01-01');
    await page.getByLabel('Aantal trainers').fill('-2');
    await page.getByLabel('Aantal getrainde militairen').fill('1,000');
    await page.getByRole('button', { name: 'Telling vastleggen' }).click();
    // What the form refuses itself and what only the register does are named in one round.
    await page.getByText('Vul een getal in van minstens 0.').first().waitFor();
    expect(await fieldError(page, 'Aantal getrainde militairen (optioneel)')).toContain('Dit getal is op twee manieren te lezen');
    expect(await fieldError(page, 'Geteld tot en met')).toBe('Deze datum ligt na vandaag; leg alleen vast wat al gebeurd is.');

    await page.getByLabel('Geteld tot en met').fill('2025-09-30');
    await page.getByLabel('Aantal trainers').fill('3');
    await page.getByLabel('Aantal getrainde militairen').fill('');
    await page.getByRole('button', { name: 'Telling vastleggen' }).click();
    await page.getByText('De telling is vastgelegd.').waitFor();
    // The list is read again after the message shows.
    await expect.poll(async () => (await tableRows(table)).find((row) => row[0] === 'Medische training Interbow')).toEqual(expect.arrayContaining(['3', '30 sep. 2025']));
  });

  it('warns at the date a count is counted up to in the period of the letter sent to parliament, naming it, and records it once confirmed', async () => {
    const countedUpTo = async () =>
      (await api<{ items: { name: string; contributions: { countsUpTo: string }[] }[] }>(server(), '/training-programmes')).items.find((item) => item.name === 'Medische training Interbow')!.contributions.map((contribution) => contribution.countsUpTo);
    const before = await countedUpTo();
    page = await openPageAs(browser(), server(), 'registrar');
    await visit(page, server(), '/training');
    const count = page.locator('form', { has: page.getByRole('button', { name: 'Telling vastleggen' }) });
    await count.getByLabel('Trainingsprogramma').selectOption({ label: 'Medische training Interbow' });
    await count.getByLabel('Periode vanaf').fill('2025-01-01');
    // The demonstration's letter of 4 February 2025 was sent.
    await count.getByLabel('Geteld tot en met').fill('2025-02-01');
    await count.getByLabel('Aantal trainers').fill('4');
    await count.getByRole('button', { name: 'Telling vastleggen' }).click();

    const confirmation = count.getByLabel('Toch vastleggen: de datum klopt, ook al wijkt het register daarmee af van de verstuurde brief');
    await confirmation.waitFor();
    expect(await fieldError(page, 'Geteld tot en met')).toMatch(/^1 februari 2025 valt in de periode van de brief met peildatum 4 februari 2025 \(Kamerstuk [^)]+\), die al naar de Kamer is gestuurd/);
    expect(await countedUpTo()).toEqual(before);

    await confirmation.check();
    await count.getByRole('button', { name: 'Telling vastleggen' }).click();
    await count.getByText('De telling is vastgelegd.').waitFor();
    // In the order they were counted.
    expect(await countedUpTo()).toEqual(['2025-02-01', ...before]);
  });

  it('a count for a programme someone else counted since the page loaded is refused, their count shown and what was typed kept; sent again it is added', async () => {
    const { items } = await api<{ items: { id: string; name: string }[] }>(server(), '/training-programmes');
    const programme = items.find((candidate) => candidate.name === 'Medische training Interbow')!;
    page = await openPageAs(browser(), server(), 'registrar');
    await visit(page, server(), '/training');
    const table = page.getByRole('table', { name: 'Trainingsprogramma’s met de laatste telling' });
    await table.waitFor();
    await page.getByLabel('Trainingsprogramma').selectOption({ label: programme.name });
    await page.getByLabel('Periode vanaf').fill('2025-01-01');
    await page.getByLabel('Geteld tot en met').fill('2025-10-31');
    await page.getByLabel('Aantal trainers').fill('5');

    // A colleague records a count meanwhile.
    const theirs = { periodFrom: '2025-01-01', countsUpTo: '2025-10-15', trainers: 4 };
    await api(server(), `/training-programmes/${programme.id}/contributions`, { method: 'POST', body: JSON.stringify(theirs) });
    await page.getByRole('button', { name: 'Telling vastleggen' }).click();
    await page.locator('.error-summary').getByText('Iemand anders heeft intussen iets toegevoegd of gewijzigd', { exact: false }).waitFor();
    await expect.poll(async () => (await tableRows(table)).find((row) => row[0] === programme.name)).toEqual(expect.arrayContaining(['4', '15 okt. 2025']));
    expect(await page.getByLabel('Aantal trainers').inputValue()).toBe('5');

    await page.getByRole('button', { name: 'Telling vastleggen' }).click();
    await page.getByText('De telling is vastgelegd.').waitFor();
    await expect.poll(async () => (await tableRows(table)).find((row) => row[0] === programme.name)).toEqual(expect.arrayContaining(['5', '31 okt. 2025']));
  });

  it('the registrar records a new programme for two deliveries in one save, then a count of it that reads "circa"', async () => {
    page = await openPageAs(browser(), server(), 'registrar');
    await visit(page, server(), '/training');
    const programme = page.locator('form', { has: page.getByRole('button', { name: 'Programma vastleggen' }) });
    await programme.getByLabel('Naam van het programma').fill('medische training  INTERBOW');
    await programme.getByLabel('Korte naam').fill('Leopard 2');
    await programme.getByLabel('Gastland').fill('pl');
    await programme.getByLabel('Kader', { exact: true }).selectOption({ label: 'Bilateraal' });
    // One field for a delivery; once it is chosen, a field for another.
    const second = programme.getByLabel('Traint voor levering 2 (optioneel)', { exact: true });
    expect(await second.count()).toBe(0);
    await programme.getByRole('searchbox', { name: 'Traint voor levering 1: zoeken' }).fill('voorraad 5 feb');
    const stock = 'Demonstratie: overige directe leveringen uit voorraad 5 feb. t/m 31 aug. 2025 (geaggregeerd)';
    await programme.getByLabel('Traint voor levering 1 (optioneel)', { exact: true }).selectOption({ label: stock });
    await programme.getByRole('searchbox', { name: 'Traint voor levering 2: zoeken' }).fill('verwervingen 5 feb');
    const procurement = 'Demonstratie: overige commerciële verwervingen 5 feb. t/m 31 aug. 2025 (geaggregeerd)';
    await second.selectOption({ label: procurement });
    await programme.getByLabel('Traint voor levering 3 (optioneel)', { exact: true }).waitFor();
    await programme.getByRole('button', { name: 'Programma vastleggen' }).click();
    // The short name is refused by the server, named at its field; nothing is recorded.
    await programme.locator('.error-summary').getByRole('link', { name: 'Korte naam' }).waitFor();
    await programme.getByLabel('Korte naam').fill('leopard-2');
    await programme.getByRole('button', { name: 'Programma vastleggen' }).click();
    // So is a name another programme has in other capitals and spaces, naming that programme.
    await programme.locator('.error-summary').getByRole('link', { name: 'Naam van het programma' }).waitFor();
    expect(await fieldError(page, 'Naam van het programma')).toBe('Dit trainingsprogramma staat al in het register: "Medische training Interbow" (hoofdletters, accenten, meerdere spaties, punten in afkortingen en letters die er hetzelfde uitzien tellen niet mee).');
    await programme.getByLabel('Naam van het programma').fill('Training op de Leopard 2');
    await programme.getByRole('button', { name: 'Programma vastleggen' }).click();
    await programme.getByText('Het programma is vastgelegd.').waitFor();
    const table = page.getByRole('table', { name: 'Trainingsprogramma’s met de laatste telling' });
    await expect.poll(async () => (await tableRows(table)).find((row) => row[0] === 'Training op de Leopard 2')).toEqual(expect.arrayContaining(['leopard-2', 'PL · Bilateraal']));
    const recorded = ((await (await page.request.get(`${server().url}/api/v1/training-programmes`)).json()) as { items: { key: string; deliveryIds: string[] }[] }).items;
    const linked = recorded.find((item) => item.key === 'leopard-2')?.deliveryIds;
    expect(linked?.toSorted()).toEqual(['9a774c91-f7d0-4a37-ae6f-e3b05f65139d', await findDeliveryId(server(), procurement)].toSorted());

    const count = page.locator('form', { has: page.getByRole('button', { name: 'Telling vastleggen' }) });
    await count.getByLabel('Trainingsprogramma').selectOption({ label: 'Training op de Leopard 2' });
    await count.getByLabel('Periode vanaf').fill('2025-03-01');
    await count.getByLabel('Geteld tot en met').fill('2025-08-31');
    await count.getByLabel('Aantal getrainde militairen').fill('120');
    await count.getByLabel('Getrainde militairen geteld als').selectOption({ label: 'een schatting (circa)' });
    await count.getByLabel('Geraamde kosten').fill('1.500.000');
    await count.getByRole('button', { name: 'Telling vastleggen' }).click();
    // Estimated costs need their funding source.
    await count.locator('.error-summary').getByRole('link', { name: 'Financieringsbron van de kosten' }).waitFor();
    await count.getByLabel('Financieringsbron van de kosten').selectOption({ label: 'Steunfonds Oekraïne' });
    await count.getByRole('button', { name: 'Telling vastleggen' }).click();
    await count.getByText('De telling is vastgelegd.').waitFor();
    await expect.poll(async () => (await tableRows(table)).find((row) => row[0] === 'Training op de Leopard 2')).toEqual(expect.arrayContaining(['circa 120', '31 aug. 2025']));
  });

  it('the registrar sees the programmes as they stood at a date: a count up to a later date is not shown, the forms are at today’s; a date before the register’s is refused at the field', async () => {
    const { id } = await api<{ id: string }>(server(), '/training-programmes', { method: 'POST', body: JSON.stringify({ key: 'op-een-datum', name: 'Training op een datum', hostCountry: 'PL', framework: 'bilateral' }) });
    for (const [countsUpTo, trainers] of [['2025-06-30', 5], ['2025-09-30', 9]] as const) {
      await api(server(), `/training-programmes/${id}/contributions`, { method: 'POST', body: JSON.stringify({ periodFrom: '2025-01-01', countsUpTo, trainers }) });
    }
    page = await openPageAs(browser(), server(), 'registrar');
    await visit(page, server(), '/training');
    await page.getByLabel('Stand op', { exact: true }).fill('2025-07-31');
    await page.getByRole('button', { name: 'Tonen' }).click();
    const table = page.getByRole('table', { name: 'Trainingsprogramma’s met de laatste telling tot en met 31 jul. 2025' });
    await expect.poll(async () => (await tableRows(table)).find((row) => row[0] === 'Training op een datum')).toEqual(expect.arrayContaining(['5', '30 jun. 2025']));
    expect(await page.getByRole('button', { name: 'Telling vastleggen' }).count()).toBe(0);

    await page.getByLabel('Stand op', { exact: true }).fill('2013-12-31');
    await page.getByRole('button', { name: 'Tonen' }).click();
    expect(await fieldError(page, 'Stand op')).toMatch(/^Vul een datum in vanaf /);

    await page.getByRole('link', { name: 'Naar de stand van vandaag' }).click();
    await expect.poll(async () => (await tableRows(page.getByRole('table', { name: 'Trainingsprogramma’s met de laatste telling' }))).find((row) => row[0] === 'Training op een datum')).toEqual(expect.arrayContaining(['9', '30 sep. 2025']));
    await page.getByRole('button', { name: 'Telling vastleggen' }).waitFor();
  });

  it('the registrar changes a programme, its name and the delivery it trains for, and sees a change someone made meanwhile first; the trail has both', async () => {
    const stock = { id: '9a774c91-f7d0-4a37-ae6f-e3b05f65139d', title: 'Demonstratie: overige directe leveringen uit voorraad 5 feb. t/m 31 aug. 2025 (geaggregeerd)' };
    const procurement = 'Demonstratie: overige commerciële verwervingen 5 feb. t/m 31 aug. 2025 (geaggregeerd)';
    const programme = { key: 'f16-vliegers', name: 'Vliegeropleiding F-16', hostCountry: 'RO', framework: 'coalition', systemTrainedOn: 'F-16', description: '', deliveryIds: [stock.id] };
    const { id } = await api<{ id: string }>(server(), '/training-programmes', { method: 'POST', body: JSON.stringify(programme) });
    page = await openPageAs(browser(), server(), 'registrar');
    await visit(page, server(), '/training');
    await page.getByRole('link', { name: 'Wijzigen, Vliegeropleiding F-16' }).click();
    await page.getByRole('heading', { level: 1, name: 'Trainingsprogramma wijzigen: Vliegeropleiding F-16' }).waitFor();

    // The form holds the programme as it is: its delivery named by its title, and a field to add another.
    const name = page.getByLabel('Naam van het programma');
    expect(await name.inputValue()).toBe('Vliegeropleiding F-16');
    expect(await page.getByLabel('Gastland').inputValue()).toBe('RO');
    const first = page.getByLabel('Traint voor levering 1 (optioneel)', { exact: true });
    await expect.poll(() => first.locator('option:checked').textContent()).toBe(stock.title);
    expect(await page.getByLabel('Traint voor levering 2 (optioneel)', { exact: true }).inputValue()).toBe('');
    // A search that does not find it keeps it chosen, by its title.
    await page.getByRole('searchbox', { name: 'Traint voor levering 1: zoeken' }).fill('UCAP');
    await expect.poll(() => first.locator('option').allTextContents()).toEqual(['Geen levering', stock.title, 'Bijdragen aan het NAVO Ukraine Comprehensive Assistance Package (UCAP)', 'Extra bijdrage aan het NAVO UCAP in 2026']);
    expect(await first.inputValue()).toBe(stock.id);

    // Someone else changes the programme meanwhile: saving is refused, and the latest version is a click away.
    await api(server(), `/training-programmes/${id}`, { method: 'PUT', headers: { 'If-Match': '"1"' }, body: JSON.stringify({ ...programme, description: 'Opleiding van piloten en technici.' }) });
    await name.fill('Vliegeropleiding F-16 in Roemenië');
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await page.locator('.error-summary').getByText('Iemand anders heeft het programma gewijzigd nadat u het opende.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Nieuwste versie laden' }).click();
    await expect.poll(() => page.getByLabel('Omschrijving').inputValue()).toBe('Opleiding van piloten en technici.');
    expect(await name.inputValue()).toBe('Vliegeropleiding F-16');

    // An empty name is refused at its field, as for a new programme.
    await name.fill('');
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await page.locator('.error-summary').getByRole('link', { name: 'Naam van het programma' }).waitFor();

    await name.fill('Vliegeropleiding F-16 in Roemenië');
    await first.selectOption({ label: 'Geen levering' });
    await page.getByRole('searchbox', { name: 'Traint voor levering 2: zoeken' }).fill('verwervingen 5 feb');
    await page.getByLabel('Traint voor levering 2 (optioneel)', { exact: true }).selectOption({ label: procurement });
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await page.getByText('De wijzigingen zijn opgeslagen.').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Training' }).waitFor();
    const table = page.getByRole('table', { name: 'Trainingsprogramma’s met de laatste telling' });
    // The list is read after the page's heading shows.
    await expect.poll(async () => (await tableRows(table)).map((row) => row[0])).toContain('Vliegeropleiding F-16 in Roemenië');

    const changed = await apiResponse(server(), `/training-programmes/${id}`);
    expect(changed.headers.get('ETag')).toBe('"3"');
    const procurementId = await findDeliveryId(server(), procurement);
    expect(await changed.json()).toMatchObject({ name: 'Vliegeropleiding F-16 in Roemenië', description: 'Opleiding van piloten en technici.', deliveryIds: [procurementId] });
    const trail = await api<{ items: { before: { name: string; deliveryIds: string[] }; after: { name: string; deliveryIds: string[] } }[] }>(
      server(),
      `/audit-events?action=training.updateProgramme&objectId=${id}`,
      { as: 'auditor' },
    );
    expect(trail.items.map(({ before, after }) => [before.name, after.name, after.deliveryIds])).toEqual([
      ['Vliegeropleiding F-16', 'Vliegeropleiding F-16 in Roemenië', [procurementId]],
      ['Vliegeropleiding F-16', 'Vliegeropleiding F-16', [stock.id]],
    ]);

    // Who only reads training is not offered the change.
    const auditor = await openPageAs(browser(), server(), 'auditor');
    await visit(auditor, server(), '/training');
    expect(await tableRows(auditor.getByRole('table', { name: 'Trainingsprogramma’s met de laatste telling' }))).toContainEqual(expect.arrayContaining(['Vliegeropleiding F-16 in Roemenië']));
    expect(await auditor.getByRole('link', { name: /^Wijzigen/ }).count()).toBe(0);
    await auditor.context().close();
  });

  it('the registrar finds a stock delivery by its title and judges it on its own page; the history grows and the list shows the latest judgement', async () => {
    page = await openPageAs(browser(), server(), 'registrar');
    await visit(page, server(), '/gereedheid');
    await page.getByRole('heading', { level: 1, name: 'Gereedheid en aanvulling' }).waitFor();
    const title = 'Demonstratie: overige directe leveringen uit voorraad 5 feb. t/m 31 aug. 2025 (geaggregeerd)';
    const list = page.getByRole('table', { name: /^Effect op de gereedheid en vervanging per levering/ });
    await page.getByRole('searchbox', { name: 'Zoek op titel' }).fill('voorraad 5 FEB. t/m');
    await expect.poll(async () => (await tableRows(list)).map((cells) => cells[0])).toEqual([title]);
    await list.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();

    const judgement = page.locator('form', { has: page.getByRole('button', { name: 'Oordeel vastleggen' }) });
    await judgement.getByRole('button', { name: 'Oordeel vastleggen' }).click();
    await judgement.getByText('Controleer het formulier').waitFor();
    await judgement.getByLabel('Effect op de gereedheid', { exact: true }).selectOption({ label: 'acceptabel' });
    await judgement.getByLabel('Onderbouwing').fill('Vervangend materieel is inmiddels besteld.');
    await judgement.getByLabel('Beoordeeld op').fill('2025-09-15');
    await judgement.getByRole('button', { name: 'Oordeel vastleggen' }).click();
    await page.getByText('Het oordeel is vastgelegd; eerdere oordelen blijven in de geschiedenis.').waitFor();
    const history = page.getByRole('table', { name: 'Oordelen over het effect op de gereedheid, het nieuwste eerst' });
    await expect.poll(async () => (await tableRows(history)).length).toBe(2);
    expect((await tableRows(history))[0]).toEqual(['15 sep. 2025', 'acceptabel', 'Vervangend materieel is inmiddels besteld.', expect.any(String)]);

    // A decision not to replace that revalues the delivery: a value that is no amount and a date before the register's years are refused
    // in one round, a date before the decision at the field; one from the decision on is recorded and listed.
    const decision = page.locator('form', { has: page.getByRole('button', { name: 'Besluit vastleggen' }) });
    await decision.getByLabel('Besloten op').fill('2025-09-10');
    await decision.getByLabel('Reden').fill('Dit materieel wordt niet vervangen; gewaardeerd tegen boekwaarde.');
    await decision.getByLabel(/^Nieuwe waarde van de levering/).fill('een miljoen');
    await decision.getByLabel(/^Nieuwe waarde geldt vanaf/).fill('2013-12-31');
    await decision.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await decision.locator('.error-summary').getByRole('link', { name: /^Nieuwe waarde van de levering.*: Vul een bedrag in/ }).waitFor();
    await decision.locator('.error-summary').getByRole('link', { name: /^Nieuwe waarde geldt vanaf.*: Vul een datum in vanaf/ }).waitFor();
    await decision.getByLabel(/^Nieuwe waarde van de levering/).fill('1.000.000');
    await decision.getByLabel(/^Nieuwe waarde geldt vanaf/).fill('2025-08-31');
    await decision.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await decision.locator('.error-summary').getByRole('link', { name: /^Nieuwe waarde geldt vanaf: Deze datum \(31 augustus 2025\) ligt vóór het besluit/ }).waitFor();
    expect(await fieldError(page, 'Nieuwe waarde geldt vanaf (optioneel)')).toBe(
      'Deze datum (31 augustus 2025) ligt vóór het besluit (10 september 2025); wat uit een besluit volgt, geldt vanaf die dag of later.',
    );
    await decision.getByLabel(/^Nieuwe waarde geldt vanaf/).fill('2025-09-10');
    await decision.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await decision.getByText('Het besluit is vastgelegd.').waitFor();
    const ownDecisions = page.getByRole('table', { name: 'Besluiten deze levering niet te vervangen' });
    await expect.poll(async () => (await tableRows(ownDecisions))[0]).toEqual(expect.arrayContaining(['10 sep. 2025', 'Ja: de waarde van de levering is herzien']));
    await page.getByRole('definition').filter({ hasText: '€ 1.000.000,00' }).waitFor();

    await page.getByRole('link', { name: 'Alle leveringen uit voorraad' }).click();
    await page.getByRole('searchbox', { name: 'Zoek op titel' }).fill('voorraad 5 feb');
    await expect.poll(async () => (await tableRows(list)).find((cells) => cells[0] === title)?.slice(2, 4)).toEqual([expect.stringMatching(/^acceptabel \(15 sep\. 2025, /), '2']);
    const decisions = page.getByRole('table', { name: 'Besluiten niet te vervangen, met de herwaardering die ze maakten' });
    await expect.poll(async () => (await tableRows(decisions))[0]).toEqual(expect.arrayContaining(['10 sep. 2025', title, 'Ja: de waarde van de levering is herzien']));
  });

  it('warns at the date a decision not to replace revalues from in the period of the letter sent to parliament, naming it, and records it once confirmed', async () => {
    const title = 'Veldkeukens die niet worden vervangen';
    const id = await registerShipped(server(), { title, category: 'nonLethal', quantity: 4, unit: 'stuks', supportType: 'stock', fundingSource: 'ukraineSupportBudget', committedAt: '2025-01-10', realisedAt: '2025-01-20' });
    const decisionsOf = async () => (await api<{ nonReplacements: { decidedOn: string; valuationId: string | null }[] }>(server(), `/readiness/deliveries/${id}`)).nonReplacements;
    page = await openPageAs(browser(), server(), 'registrar');
    await visit(page, server(), `/gereedheid/leveringen/${id}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();

    const decision = page.locator('form', { has: page.getByRole('button', { name: 'Besluit vastleggen' }) });
    await decision.getByLabel('Besloten op').fill('2025-02-01');
    await decision.getByLabel('Reden').fill('Deze veldkeukens worden niet vervangen; gewaardeerd tegen boekwaarde.');
    await decision.getByLabel(/^Nieuwe waarde van de levering/).fill('1.000.000');
    // The demonstration's letter of 4 February 2025 was sent.
    await decision.getByLabel(/^Nieuwe waarde geldt vanaf/).fill('2025-02-01');
    await decision.getByRole('button', { name: 'Besluit vastleggen' }).click();

    const confirmation = decision.getByLabel('Toch vastleggen: de datum klopt, ook al wijkt het register daarmee af van de verstuurde brief');
    await confirmation.waitFor();
    expect(await fieldError(page, 'Nieuwe waarde geldt vanaf (optioneel)')).toMatch(/^1 februari 2025 valt in de periode van de brief met peildatum 4 februari 2025 \(Kamerstuk [^)]+\), die al naar de Kamer is gestuurd/);
    expect(await decisionsOf()).toEqual([]);

    await confirmation.check();
    await decision.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await decision.getByText('Het besluit is vastgelegd.').waitFor();
    expect(await decisionsOf()).toEqual([expect.objectContaining({ decidedOn: '2025-02-01', valuationId: expect.any(String) })]);

    // The confirmation was of that decision: the next one, at the same date, is warned of anew.
    await decision.getByLabel('Besloten op').fill('2025-02-01');
    await decision.getByLabel('Reden').fill('Ook de rest wordt niet vervangen.');
    await decision.getByLabel(/^Nieuwe waarde van de levering/).fill('500.000');
    await decision.getByLabel(/^Nieuwe waarde geldt vanaf/).fill('2025-02-01');
    await decision.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await confirmation.waitFor();
    expect(await confirmation.isChecked()).toBe(false);
    expect(await decisionsOf()).toHaveLength(1);
  });

  it('warns at the date of a judgement and of a project’s state that the letter sent to parliament showed, naming it, and records each once confirmed', async () => {
    const title = 'Aggregaten beoordeeld vóór de brief';
    const id = await registerShipped(server(), { title, category: 'nonLethal', quantity: 4, unit: 'stuks', supportType: 'stock', fundingSource: 'ukraineSupportBudget', committedAt: '2025-01-10', realisedAt: '2025-01-20' });
    await api(server(), `/deliveries/${id}/valuations`, { method: 'POST', body: JSON.stringify({ amountCents: 1_000_000_00, basis: 'replacementValue', effectiveDate: '2025-01-20', confirm: ['datedInSentLetterPeriod'] }) });
    const readiness = async () => api<{ judgements: { judgedOn: string }[]; replacements: { project: string }[] }>(server(), `/readiness/deliveries/${id}`);
    const confirmText = 'Toch vastleggen: de datum klopt, ook al wijkt het register daarmee af van de verstuurde brief';
    // The demonstration's letter of 4 February 2025 was sent.
    const warning = /^1 februari 2025 valt in de periode van de brief met peildatum 4 februari 2025 \(Kamerstuk [^)]+\), die al naar de Kamer is gestuurd/;
    page = await openPageAs(browser(), server(), 'registrar');
    await visit(page, server(), `/gereedheid/leveringen/${id}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();

    const judgement = page.locator('form', { has: page.getByRole('button', { name: 'Oordeel vastleggen' }) });
    await judgement.getByLabel('Effect op de gereedheid', { exact: true }).selectOption({ label: 'acceptabel' });
    await judgement.getByLabel('Onderbouwing').fill('Vervanging was al besteld.');
    await judgement.getByLabel('Beoordeeld op').fill('2025-02-01');
    await judgement.getByRole('button', { name: 'Oordeel vastleggen' }).click();
    await judgement.getByLabel(confirmText).waitFor();
    expect(await fieldError(page, 'Beoordeeld op')).toMatch(warning);
    expect((await readiness()).judgements).toEqual([]);
    await judgement.getByLabel(confirmText).check();
    await judgement.getByRole('button', { name: 'Oordeel vastleggen' }).click();
    await page.getByText('Het oordeel is vastgelegd; eerdere oordelen blijven in de geschiedenis.').waitFor();
    expect((await readiness()).judgements).toEqual([expect.objectContaining({ judgedOn: '2025-02-01' })]);

    const project = page.locator('form', { has: page.getByRole('button', { name: 'Project vastleggen' }) });
    await project.getByLabel('Naam van het project').fill('Vervanging van de aggregaten');
    await project.getByLabel(/^Stand per/).fill('2025-02-01');
    await project.getByLabel(/^Vervangen waarde/).fill('100.000');
    await project.getByRole('button', { name: 'Project vastleggen' }).click();
    await project.getByLabel(confirmText).waitFor();
    expect((await readiness()).replacements).toEqual([]);
    await project.getByLabel(confirmText).check();
    await project.getByRole('button', { name: 'Project vastleggen' }).click();
    await project.getByText('Het project is vastgelegd.').waitFor();
    expect((await readiness()).replacements).toEqual([expect.objectContaining({ project: 'Vervanging van de aggregaten' })]);

    await visit(page, server(), '/gereedheid');
    const stage = page.locator('form', { has: page.getByRole('button', { name: 'Stand vastleggen' }) });
    await stage.getByLabel('Project').selectOption({ label: 'Vervanging van de aggregaten (Geïdentificeerd)' });
    await stage.getByLabel('Stand', { exact: true }).selectOption({ label: 'Goedgekeurd' });
    await stage.getByLabel(/^Stand per/).fill('2025-02-03');
    await stage.getByRole('button', { name: 'Stand vastleggen' }).click();
    await stage.getByLabel(confirmText).waitFor();
    await stage.getByLabel(confirmText).check();
    await stage.getByRole('button', { name: 'Stand vastleggen' }).click();
    await stage.getByText('De stand van het project is bijgewerkt.').waitFor();
  });

  it('the registrar sees readiness as it stood at a date: the value and judgement that held then, the search kept, the projects without what has no history, the forms at today’s', async () => {
    const title = 'Aggregaten op een datum';
    const id = await registerShipped(server(), { title, category: 'other', quantity: 2, unit: 'stuks', supportType: 'stock', fundingSource: 'ukraineSupportBudget', committedAt: '2025-06-01', realisedAt: '2025-07-20' });
    for (const [effectiveDate, amountCents] of [['2025-07-20', 1_000_00], ['2025-10-01', 800_00]] as const) {
      await api(server(), `/deliveries/${id}/valuations`, { method: 'POST', body: JSON.stringify({ amountCents, basis: 'replacementValue', effectiveDate }) });
    }
    for (const [judgedOn, effect] of [['2025-08-01', 'acceptable'], ['2025-10-01', 'unacceptable']] as const) {
      await api(server(), `/deliveries/${id}/readiness-judgements`, { method: 'POST', body: JSON.stringify({ effect, reasoning: `Beoordeeld op ${judgedOn}.`, judgedOn }) });
    }
    page = await openPageAs(browser(), server(), 'registrar');
    await visit(page, server(), '/gereedheid');
    await page.getByRole('searchbox', { name: 'Zoek op titel' }).fill('aggregaten op een');
    const list = page.getByRole('table', { name: /^Effect op de gereedheid en vervanging per levering/ });
    await expect.poll(async () => (await tableRows(list)).map((cells) => cells.slice(0, 4))).toEqual([[title, '€\u00a0800,00', expect.stringMatching(/^onacceptabel \(1 okt\. 2025, /), '2']]);
    const budget = page.getByRole('table', { name: /^Projecten die geleverd materieel vervangen/ }).getByRole('columnheader', { name: 'Budget' });
    expect(await budget.count()).toBe(1);
    // Before the demonstration's projects held.
    await page.getByLabel('Stand op', { exact: true }).fill('2025-08-15');
    await page.getByRole('button', { name: 'Tonen' }).click();
    const then = page.getByRole('table', { name: /^Effect op de gereedheid en vervanging per levering, stand op 15 aug\. 2025/ });
    await expect.poll(async () => (await tableRows(then)).map((cells) => cells.slice(0, 4))).toEqual([[title, '€\u00a01.000,00', expect.stringMatching(/^acceptabel \(1 aug\. 2025, /), '1']]);
    // A project's budget and expected date have no history: not shown at another date than today, and the page says so, also where no project held then.
    await page.getByText('Budget en verwachte datum van een project hebben geen geschiedenis').waitFor();
    expect(await budget.count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Stand vastleggen' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Naar de stand van vandaag' }).waitFor();
  });

  it('a judgement on a readiness history someone else added to since the page loaded is refused, the latest shown and what was typed kept; sent again it is added, and the next one too', async () => {
    // A delivery of its own: the demonstration's stock deliveries are judged and read in the other tests.
    const id = await registerShipped(server(), {
      title: 'Generatoren uit voorraad',
      category: 'other',
      quantity: 4,
      unit: 'stuks',
      supportType: 'stock',
      fundingSource: 'ukraineSupportBudget',
      committedAt: '2025-06-01',
      realisedAt: '2025-07-20',
    });
    page = await openPageAs(browser(), server(), 'registrar');
    await visit(page, server(), `/gereedheid/leveringen/${id}`);
    const judgement = page.locator('form', { has: page.getByRole('button', { name: 'Oordeel vastleggen' }) });
    const history = page.getByRole('table', { name: 'Oordelen over het effect op de gereedheid, het nieuwste eerst' });
    await judgement.getByLabel('Effect op de gereedheid', { exact: true }).selectOption({ label: 'acceptabel' });
    await judgement.getByLabel('Onderbouwing').fill('Mijn eigen onderbouwing.');
    await judgement.getByLabel('Beoordeeld op').fill('2025-09-16');

    // A colleague judges it meanwhile.
    await api(server(), `/deliveries/${id}/readiness-judgements`, { method: 'POST', body: JSON.stringify({ effect: 'acceptable', reasoning: 'Onderbouwing van een collega.', judgedOn: '2025-09-15' }) });
    await judgement.getByRole('button', { name: 'Oordeel vastleggen' }).click();
    await judgement.locator('.error-summary').getByText(/^Iemand anders heeft intussen iets toegevoegd of gewijzigd/).waitFor();
    await history.getByText('Onderbouwing van een collega.').waitFor();
    expect(await history.getByText('Mijn eigen onderbouwing.').count()).toBe(0);
    expect(await judgement.getByLabel('Onderbouwing').inputValue()).toBe('Mijn eigen onderbouwing.');

    await judgement.getByRole('button', { name: 'Oordeel vastleggen' }).click();
    await history.getByText('Mijn eigen onderbouwing.').waitFor();
    await judgement.getByLabel('Effect op de gereedheid', { exact: true }).selectOption({ label: 'acceptabel' });
    await judgement.getByLabel('Onderbouwing').fill('Een tweede oordeel van dezelfde pagina.');
    await judgement.getByLabel('Beoordeeld op').fill('2025-09-17');
    await judgement.getByRole('button', { name: 'Oordeel vastleggen' }).click();
    await history.getByText('Een tweede oordeel van dezelfde pagina.').waitFor();
    expect(await judgement.locator('.error-summary').count()).toBe(0);
    const readiness = await api<{ judgements: { reasoning: string }[] }>(server(), `/readiness/deliveries/${id}`);
    expect(readiness.judgements.map((row) => row.reasoning).slice(-3)).toEqual(['Onderbouwing van een collega.', 'Mijn eigen onderbouwing.', 'Een tweede oordeel van dezelfde pagina.']);
  });

  it('the registrar moves a project to its next stage as of a day: one before its current state is refused at the field, a later one is listed', async () => {
    page = await openPageAs(browser(), server(), 'registrar');
    await visit(page, server(), '/gereedheid');
    const stage = page.locator('form', { has: page.getByRole('button', { name: 'Stand vastleggen' }) });
    const asOf = stage.getByLabel(/^Stand per/);
    // The day the new stage holds from is today unless said otherwise.
    expect(await asOf.inputValue()).toBe(todayInAmsterdam());
    await stage.getByLabel('Project').selectOption({ label: 'Demonstratie: versnelde aankoop van vervangend materieel (Goedgekeurd)' });
    await stage.getByLabel('Stand', { exact: true }).selectOption({ label: 'Gecontracteerd' });
    await asOf.fill('2025-08-01');
    await stage.getByRole('button', { name: 'Stand vastleggen' }).click();
    await stage.locator('.error-summary').getByRole('link', { name: 'Stand per: De huidige stand van dit project geldt al sinds 31 augustus 2025; een wijziging geldt vanaf die dag of later.' }).waitFor();
    await asOf.fill('2025-09-15');
    // An expected date typed in part is refused at its field, where the change was recorded with the date the project had.
    const expectedOn = stage.getByLabel(/^Verwacht op/);
    await expectedOn.pressSequentially('0103');
    await stage.getByRole('button', { name: 'Stand vastleggen' }).click();
    await stage.locator('.error-summary').getByRole('link', { name: /^Verwacht op.*: Vul een volledige, bestaande datum in\.$/ }).waitFor();
    await expectedOn.fill('');
    await stage.getByRole('button', { name: 'Stand vastleggen' }).click();
    await stage.getByText('De stand van het project is bijgewerkt.').waitFor();
    const projects = page.getByRole('table', { name: 'Projecten die geleverd materieel vervangen' });
    await expect.poll(async () => (await tableRows(projects))[0]?.slice(0, 3)).toEqual(['Demonstratie: versnelde aankoop van vervangend materieel', 'Gecontracteerd', '15 sep. 2025']);
    // Back to an earlier stage only with the reason, which the project's history keeps with that change.
    await stage.getByLabel('Project').selectOption({ label: 'Demonstratie: versnelde aankoop van vervangend materieel (Gecontracteerd)' });
    await stage.getByLabel('Stand', { exact: true }).selectOption({ label: 'Goedgekeurd' });
    await asOf.fill('2025-09-20');
    await stage.getByRole('button', { name: 'Stand vastleggen' }).click();
    await stage.locator('.error-summary').getByRole('link', { name: 'Reden: Het project was al in de fase "Gecontracteerd"; geef de reden dat het naar een eerdere fase teruggaat.' }).waitFor();
    await stage.getByLabel(/^Reden/).fill('Het contract is ontbonden.');
    await stage.getByRole('button', { name: 'Stand vastleggen' }).click();
    await stage.getByText('De stand van het project is bijgewerkt.').waitFor();
    await expect.poll(async () => (await tableRows(projects))[0]?.at(-1)).toContain('20 sep. 2025: Goedgekeurd (Het contract is ontbonden.)');
  });

  it('in English the amount fields show an amount as English writes it, and take it typed so', async () => {
    page = await openPageAs(browser(), server(), 'registrar', 'en');
    const hint = 'For example 1,234,567.89 or 1234567.89';
    for (const [path, form] of [['/industrie', 'Record contract'], ['/gereedheid', 'Record project'], ['/training', 'Record count']] as const) {
      await visit(page, server(), path);
      const shown = await page.locator('form').filter({ has: page.getByRole('button', { name: form }) }).locator('.utrecht-form-field-description').allInnerTexts();
      expect(shown.filter((text) => text.includes(hint)).length, path).toBeGreaterThan(0);
      expect(shown.join(' '), path).not.toMatch(/\d\.\d{3}/);
    }
    const count = page.locator('form', { has: page.getByRole('button', { name: 'Record count' }) });
    await count.getByText(`An estimate. ${hint}`).waitFor();
    await count.getByRole('textbox', { name: /^Estimated cost/ }).fill('1,500,000.00');
    await count.getByRole('button', { name: 'Record count' }).click();
    await count.locator('.error-summary').waitFor();
    expect(await count.locator('.error-summary').innerText()).not.toContain('Estimated cost');
  });

  it('shows what the system recorded itself as the system, in the page\'s language', async () => {
    const letters = await api<{ items: { id: string; status: string; finalisedByName: string | null }[] }>(server(), '/letters', { as: 'letterAuthor' });
    const byTheSystem = letters.items.find((letter) => letter.finalisedByName === 'system');
    expect(byTheSystem).toBeDefined();
    page = await openPageAs(browser(), server(), 'letterAuthor');
    await visit(page, server(), `/brieven/${byTheSystem!.id}`);
    await page.getByText(/door het systeem$/).first().waitFor();
    expect(await page.locator('main').innerText()).not.toMatch(/\bsystem\b/);
    await page.context().close();

    page = await openPageAs(browser(), server(), 'registrar', 'en');
    await visit(page, server(), '/gereedheid');
    const main = await page.locator('main').innerText();
    expect(main).toMatch(/, the system\)/);
    expect(main).not.toMatch(/, system\)/);
  });
});
