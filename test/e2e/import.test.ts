/**
 * The import in the browser, as a registrar does it: the template downloaded from the page, three rows
 * filled in (one with a fault), a dry run that names the fault by row and column, an import of the two
 * valid rows that changes the figures by exactly their cents, the import in the audit trail, and the
 * same file again changing nothing.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, expect, it } from 'vitest';
import { todayInAmsterdam } from '../../common/dates.ts';
import { describeWithBrowser } from '../support/browser.ts';
import { asUpload, filledTemplate, THREE_ROWS, THREE_ROWS_CENTS, workbookWithOverview } from '../support/import-files.ts';
import { api, apiResponse, openPageAs, tableRows, useServer, visit } from './app.ts';

const plain = (text: string) => text.replace(/\u00a0/g, ' ').trim();

describeWithBrowser('import', (browser) => {
  const server = useServer();
  const folder = mkdtempSync(join(tmpdir(), 'steunregister-import-page-'));
  const pages: Page[] = [];
  afterEach(async () => {
    for (const page of pages.splice(0)) await page.context().close();
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  /** Chooses the file on the import page and asks for its dry run. */
  const checkFile = async (page: Page, file: Parameters<Page['setInputFiles']>[1]) => {
    await page.getByLabel('Bestand').setInputFiles(file);
    await page.getByRole('button', { name: 'Controleren' }).click();
  };
  const realisedStock = async () => {
    const figures = await api<{ rows: { supportType: string; reference: { cents: number } }[] }>(server(), `/figures?referenceDate=${todayInAmsterdam()}&compareDate=2022-01-01`);
    return Number(figures.rows.find((row) => row.supportType === 'stock')!.reference.cents);
  };

  it('downloads the template, shows the fault by row and column, imports the two valid rows exactly, and the same file again changes nothing', async () => {
    const page = await openPageAs(browser(), server(), 'registrar');
    pages.push(page);
    await visit(page, server(), '/importeren');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Sjabloon downloaden (XLSX)' }).click()]);
    const file = join(folder, 'leveringen.xlsx');
    writeFileSync(file, await filledTemplate(readFileSync((await download.path())!), THREE_ROWS));
    const before = await realisedStock();

    const check = async () => {
      await checkFile(page, file);
      const heading = page.getByRole('heading', { name: 'Resultaat van de controle: leveringen.xlsx' });
      await heading.waitFor();
      expect(await heading.evaluate((element) => element === document.activeElement)).toBe(true);
    };
    const counts = async () => (await page.locator('.import-counts').innerText()).replace(/\s+/g, ' ').trim();

    await check();
    // The mortar grenades were handed over before the register was used: no licence of the register covers them.
    await page.getByLabel('Toch importeren: de regels met een waarschuwing kloppen').check();
    await page.getByRole('heading', { name: '3 fouten, per regel en kolom' }).waitFor();
    expect(await counts()).toBe('Nieuw aan te maken 2 Staat al in het register (verandert niets) 0 Met een fout 1 Voorbeeldregels (overgeslagen) 11 Regels met aanwijzingen bij de kolommen (overgeslagen) 0');
    expect(await tableRows(page.getByRole('table', { name: 'Fouten in het bestand: blad, regel, kolom en wat er mis is' }))).toEqual([
      ['Betalingen (Payments), regel 3', 'het hele blad', 'IMP-1-B', 'Met de rol Registrator mag u geen regels van het blad Betalingen (Payments) vastleggen; dat doet Financiën. Laat deze regels door die rol importeren, of haal ze uit het bestand.'],
      ['Betalingen (Payments), regel 3', 'B · Kenmerk levering / Delivery reference', 'IMP-1-B', 'Een levering uit eigen voorraad wordt niet betaald maar gewaardeerd; voeg een waardering toe.'],
      ['Betalingen (Payments), regel 3', 'C · Bedrag (€) / Amount (€)', 'IMP-1-B', 'Vul een bedrag in van meer dan € 0,00.'],
    ]);
    const valuationRow = page.getByRole('row', { name: /Waarderingen \(Valuations\), regel 3/ });
    expect(plain(await valuationRow.getByRole('cell').last().innerText())).toBe('Kenmerk levering: IMP-1 · Bedrag in euro: € 1.234,56 · Grondslag: Vervangingswaarde · Ingangsdatum: 1 jun. 2025');
    expect(await realisedStock()).toBe(before);

    await page.getByLabel(/Alleen de goede regels/).check();
    await page.getByRole('button', { name: 'Importeren', exact: true }).click();
    await page.getByRole('heading', { name: 'De import is voltooid' }).waitFor();
    await page.getByText('2 regels zijn in het register gezet').waitFor();
    const importId = (await page.locator('code').innerText()).trim();
    expect(importId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await realisedStock()).toBe(before + THREE_ROWS_CENTS);

    const auditor = await openPageAs(browser(), server(), 'auditor');
    pages.push(auditor);
    await visit(auditor, server(), `/audit?importId=${importId}`);
    await auditor.getByRole('cell', { name: 'Import vastgelegd' }).waitFor();
    expect(await auditor.getByLabel('Kenmerk van een import').inputValue()).toBe(importId);
    expect(await auditor.locator('tr.audit-table__event').count()).toBe(3);
    // The events say in words what the import recorded (its file, its mode, what it created) and of each record its row in the file.
    const details = auditor.locator('details.audit-details');
    const detailList = async (index: number) => {
      await details.nth(index).locator('summary').click();
      const items = await details.nth(index).locator('.audit-details__item').all();
      return Object.fromEntries(await Promise.all(items.map(async (item) => [plain(await item.locator('dt').innerText()), plain(await item.locator('dd').innerText())])));
    };
    expect(await detailList(0)).toMatchObject({ Bestandsnaam: 'leveringen.xlsx', 'Wijze van importeren': 'Alleen de goede regels', Aangemaakt: 'Levering: 1, Waardering: 1', 'Regels met een fout (overgeslagen)': '1' });
    expect(await detailList(2)).toMatchObject({ 'Kenmerk van een import': importId, Blad: 'Levering', Regel: '3', 'Eigen kenmerk': 'IMP-1' });
    const created = (await tableRows(details.nth(2).getByRole('table'))).map((cells) => cells.map(plain));
    expect(created).toEqual(expect.arrayContaining([['Openbaarheid', '—', 'Nog niet besloten'], ['Huidige waarde', '—', '€ 1.234,56']]));
    expect(created.map(([field]) => field).filter((field) => /^[a-z]+[A-Z]/.test(field!))).toEqual([]);
    // An id typed wrong is refused in the form, not dropped to show the whole trail.
    await auditor.getByLabel('Kenmerk van een import').fill('nr 460 ???');
    await auditor.getByRole('button', { name: 'Filteren' }).click();
    await auditor.getByText('Vul het kenmerk van een import in').waitFor();
    expect(new URL(auditor.url()).searchParams.get('importId')).toBe(importId);
    expect(await auditor.locator('tr.audit-table__event').count()).toBe(3);
    // With no filter in force, clearing the filters clears what was typed and its refusal too.
    await visit(auditor, server(), '/audit');
    await auditor.getByLabel('Kenmerk van een import').fill('xyz');
    await auditor.getByRole('button', { name: 'Filteren' }).click();
    await auditor.getByText('Vul het kenmerk van een import in').waitFor();
    await auditor.getByRole('button', { name: 'Filters wissen' }).click();
    await auditor.getByText('Vul het kenmerk van een import in').waitFor({ state: 'detached' });
    expect(await auditor.getByLabel('Kenmerk van een import').inputValue()).toBe('');
    // What the server would refuse of a filter is said by its field, not as a trail that cannot be loaded.
    await auditor.getByLabel('Gebruikersnaam').fill('x'.repeat(101));
    await auditor.getByLabel('Vanaf').fill('2026-12-05');
    await auditor.getByLabel('Tot en met').fill('2026-01-01');
    await auditor.getByRole('button', { name: 'Filteren' }).click();
    await auditor.getByText('Gebruik hoogstens 100 tekens.').waitFor();
    await auditor.getByText('Deze datum ligt vóór die bij Vanaf.').waitFor();
    const events = await api<{ items: { action: string; detail: { importId?: string } | null }[] }>(server(), `/audit-events?importId=${importId}`, { as: 'auditor' });
    expect(events.items.map((event) => event.action)).toEqual(['import.commit', 'valuation.create', 'delivery.create']);

    await page.getByRole('button', { name: 'Nog een bestand importeren' }).click();
    await check();
    expect(await counts()).toBe('Nieuw aan te maken 0 Staat al in het register (verandert niets) 2 Met een fout 1 Voorbeeldregels (overgeslagen) 11 Regels met aanwijzingen bij de kolommen (overgeslagen) 0');
    await page.getByText('Er is niets te importeren').waitFor();
    expect(await realisedStock()).toBe(before + THREE_ROWS_CENTS);
  });

  it('shows in a dry run all a row records, a training count with its ceiling and estimate as the training page shows them', async () => {
    const template = new Uint8Array(await (await apiResponse(server(), '/imports/template')).arrayBuffer());
    const file = join(folder, 'tellingen.xlsx');
    writeFileSync(file, await filledTemplate(template, {
      'Trainingstellingen (Counts)': [['TT-E2E', 'stc', '2025-03-01', '2025-06-30', '2025-08-31', 20, 'Ja', 250, 'ja', 3, null, null, '€ 1.500.000', 'Steunfonds Oekraïne', 'Telling van juni']],
    }));
    const page = await openPageAs(browser(), server(), 'registrar');
    pages.push(page);
    await visit(page, server(), '/importeren');
    await checkFile(page, file);
    await page.getByRole('heading', { name: 'Resultaat van de controle: tellingen.xlsx' }).waitFor();
    const count = page.getByRole('row', { name: /Trainingstellingen \(Counts\), regel 3/ });
    expect(plain(await count.getByRole('cell').last().innerText()).replace(/\u00a0/g, ' ')).toBe(
      'Trainingsprogramma: stc · Periode vanaf: 1 mrt. 2025 · Periode tot en met: 30 jun. 2025 · Geteld tot en met: 31 aug. 2025 · Aantal trainers: max. 20 · ' +
        'Aantal getrainde militairen: circa 250 · Aantal trainingen: 3 · Geraamde kosten: € 1.500.000,00 · Financieringsbron van de kosten: Steunfonds Oekraïne · Toelichting: Telling van juni',
    );
  });

  it('warns of a payment far above its valuation at its row and amount, and imports it once confirmed', async () => {
    const template = new Uint8Array(await (await apiResponse(server(), '/imports/template')).arrayBuffer());
    const purchase = await filledTemplate(template, {
      'Leveringen (Deliveries)': [['WAARSCH-1', 'Munitie met een contractprijs (import)', 'Commerciële verwerving', 'Munitie', 'Defensiebegroting', 1000, 'stuks', null, null, null, null]],
      'Waarderingen (Valuations)': [['WAARSCH-1-W', 'WAARSCH-1', '€ 125.000,00', 'Contractprijs', '2025-06-01']],
    });
    await api(server(), '/imports', { method: 'POST', body: JSON.stringify({ ...asUpload(purchase), mode: 'allOrNothing' }) });
    const file = join(folder, 'betalingen.xlsx');
    writeFileSync(file, await filledTemplate(template, { 'Betalingen (Payments)': [['WAARSCH-1-B1', 'WAARSCH-1', '€ 12.500.000,00', '2025-07-01'], ['WAARSCH-1-B2', 'WAARSCH-1', '€ 1.000,00', '2025-07-02']] }));
    const page = await openPageAs(browser(), server(), 'finance');
    pages.push(page);
    await visit(page, server(), '/importeren');
    await checkFile(page, file);
    const faults = page.getByRole('table', { name: 'Fouten in het bestand: blad, regel, kolom en wat er mis is' });
    await faults.waitFor();
    const [fault] = await tableRows(faults);
    expect(fault!.slice(0, 3)).toEqual(['Betalingen (Payments), regel 3', 'C · Bedrag (€) / Amount (€)', 'WAARSCH-1-B1']);
    expect(plain(fault!.at(-1)!)).toContain('is 100 keer de waardering van deze levering (€ 125.000,00)');

    await page.getByLabel('Toch importeren: de regels met een waarschuwing kloppen').check();
    await faults.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Importeren', exact: true }).click();
    await page.getByText('2 regels zijn in het register gezet').waitFor();
  });

  it('warns of goods that need a licence, handed over without one in the register, at their dates, and imports them once confirmed', async () => {
    const template = new Uint8Array(await (await apiResponse(server(), '/imports/template')).arrayBuffer());
    const file = join(folder, 'geschiedenis.xlsx');
    writeFileSync(
      file,
      await filledTemplate(template, {
        'Leveringen (Deliveries)': [['HIST-1', 'Pantserhouwitsers, overgedragen (import)', 'Directe levering uit voorraad', 'Artillerie', 'Defensiebegroting', 4, 'stuks', null, null, '2024-02-01', '2024-02-10']],
        'Waarderingen (Valuations)': [['HIST-1-W', 'HIST-1', '€ 4.000.000,00', 'Vervangingswaarde', '2024-02-01']],
      }),
    );
    const page = await openPageAs(browser(), server(), 'registrar');
    pages.push(page);
    await visit(page, server(), '/importeren');
    await checkFile(page, file);
    const faults = page.getByRole('table', { name: 'Fouten in het bestand: blad, regel, kolom en wat er mis is' });
    await faults.waitFor();
    const rows = await tableRows(faults);
    expect(rows.map((cells) => cells.slice(0, 3))).toEqual([
      ['Leveringen (Deliveries), regel 3', 'J · Gerealiseerd op / Realised on', 'HIST-1'],
      // History from before the register lies in the period of the letter the demonstration register sent.
      ['Leveringen (Deliveries), regel 3', 'J · Gerealiseerd op / Realised on', 'HIST-1'],
      ['Leveringen (Deliveries), regel 3', 'K · Geleverd op / Delivered on', 'HIST-1'],
      ['Waarderingen (Valuations), regel 3', 'B · Kenmerk levering / Delivery reference', 'HIST-1-W'],
      ['Waarderingen (Valuations), regel 3', 'E · Ingangsdatum / Effective date', 'HIST-1-W'],
    ]);
    expect(plain(rows[0]!.at(-1)!)).toContain('als op 1 februari 2024 al overgedragen of geleverd. Is zij verscheept voordat het register in gebruik was');
    expect(plain(rows[1]!.at(-1)!)).toContain('1 februari 2024 valt in de periode van de brief met peildatum 4 februari 2025 (Kamerstuk 22 054, nr. 453), die al naar de Kamer is gestuurd.');
    expect(plain(rows[4]!.at(-1)!)).toContain('1 februari 2024 valt in de periode van de brief met peildatum 4 februari 2025 (Kamerstuk 22 054, nr. 453), die al naar de Kamer is gestuurd.');
    await page.getByText('goederen die een exportvergunning nodig hebben, zonder vergunning in het register als overgedragen of geleverd vastgelegd').waitFor();

    await page.getByLabel('Toch importeren: de regels met een waarschuwing kloppen').check();
    await faults.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Importeren', exact: true }).click();
    await page.getByText('2 regels zijn in het register gezet').waitFor();
  });

  it('counts the rows of data alone, and a sheet whose header row lacks a column apart from them', async () => {
    const page = await openPageAs(browser(), server(), 'registrar');
    pages.push(page);
    await visit(page, server(), '/importeren');
    /** Has the CSV file of these lines checked, and gives the counts of its dry run. */
    const countsOfDryRun = async (fileName: string, lines: string[]) => {
      const file = join(folder, fileName);
      writeFileSync(file, lines.join('\r\n'));
      await checkFile(page, file);
      await page.getByRole('heading', { name: `Resultaat van de controle: ${fileName}` }).waitFor();
      return (await page.locator('.import-counts').innerText()).replace(/\s+/g, ' ').trim();
    };
    // One row of data, with a fault: its header row is no second one.
    expect(await countsOfDryRun('leveringen.csv', ['Eigen kenmerk;Titel;Soort steun;Categorie', 'KOP-E2E-1;Helmen;Directe levering uit voorraad;Niet-letale goederen'])).toBe(
      'Nieuw aan te maken 0 Staat al in het register (verandert niets) 0 Met een fout 1 Voorbeeldregels (overgeslagen) 0 Regels met aanwijzingen bij de kolommen (overgeslagen) 0 Bladen met een fout in de kopregel 1',
    );
    expect((await tableRows(page.getByRole('table', { name: 'Fouten in het bestand: blad, regel, kolom en wat er mis is' }))).map((row) => row.slice(0, 3))).toEqual([
      ['leveringen.csv, regel 1', 'Financieringsbron / Funding source (ontbreekt in het bestand)', '—'],
      ['leveringen.csv, regel 2', 'Financieringsbron / Funding source (ontbreekt in het bestand)', 'KOP-E2E-1'],
    ]);
    expect((await tableRows(page.getByRole('table', { name: 'Regels 1 tot en met 1 van 1' }))).map((row) => row.slice(0, 4))).toEqual([['leveringen.csv, regel 2', 'Levering', 'KOP-E2E-1', 'Heeft een fout (1)']]);

    // A column the template does not have leaves the row without a fault, and all or nothing still imports nothing.
    expect(
      await countsOfDryRun('met-paraaf.csv', [
        'Eigen kenmerk;Titel;Soort steun;Categorie;Financieringsbron;Paraaf',
        'KOP-E2E-2;Helmen;Directe levering uit voorraad;Niet-letale goederen;Defensiebegroting;JdV',
      ]),
    ).toBe(
      'Nieuw aan te maken 1 Staat al in het register (verandert niets) 0 Met een fout 0 Voorbeeldregels (overgeslagen) 0 Regels met aanwijzingen bij de kolommen (overgeslagen) 0 Bladen met een fout in de kopregel 1',
    );
    await page.getByLabel('Alles of niets: alleen importeren als geen enkele regel een fout heeft, de kopregels meegerekend').check();
    await page.getByRole('button', { name: 'Importeren', exact: true }).click();
    await page.getByRole('heading', { name: 'Er is niets geïmporteerd' }).waitFor();
    await page.getByText('Het bestand heeft fouten en u koos “alles of niets”: er is niets veranderd.').waitFor();
    // The faults it was refused for stay in view, with their download, and no count says a row was to be made.
    expect((await tableRows(page.getByRole('table', { name: 'Fouten in het bestand: blad, regel, kolom en wat er mis is' }))).map((row) => row[0])).toEqual(['met-paraaf.csv, regel 1']);
    await page.getByRole('list', { name: 'Alle fouten downloaden:' }).waitFor();
    expect(await page.getByText('Nieuw aan te maken').count()).toBe(0);
  });

  it('lists the first 200 faults of a file and downloads every one of them as a spreadsheet', async () => {
    const page = await openPageAs(browser(), server(), 'registrar');
    pages.push(page);
    await visit(page, server(), '/importeren');
    const file = join(folder, 'veel-fouten.csv');
    const rows = Array.from({ length: 250 }, (_, index) => `VEEL-${index};Helmen ${index};Directe levering uit voorraad;Geen categorie;Defensiebegroting`);
    writeFileSync(file, ['Eigen kenmerk;Titel;Soort steun;Categorie;Financieringsbron', ...rows].join('\r\n'));
    await checkFile(page, file);
    await page.getByText('De eerste 200 van 250 fouten staan hieronder.', { exact: false }).waitFor();
    expect(await tableRows(page.getByRole('table', { name: 'Fouten in het bestand: blad, regel, kolom en wat er mis is' }))).toHaveLength(200);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('list', { name: 'Alle fouten downloaden:' }).getByRole('button', { name: 'CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^importfouten-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = readFileSync((await download.path())!, 'utf8').split('\r\n').filter((line) => line !== '');
    // The headings, then every fault: the last one on the last row of the file.
    expect(lines).toHaveLength(251);
    expect(lines.at(-1)).toMatch(/^veel-fouten\.csv;251;D;Categorie;VEEL-249;/);
  });

  it('checks a sheet saved by Excel as Unicode text (UTF-16, tab-separated, .txt), saying which row it skips as notes on the columns', async () => {
    const page = await openPageAs(browser(), server(), 'registrar');
    pages.push(page);
    await visit(page, server(), '/importeren');
    const file = join(folder, 'leveringen.txt');
    const text = [
      'Eigen kenmerk *\tTitel *\tSoort steun *\tCategorie *\tFinancieringsbron *\tToegezegd op',
      '(verplicht)\t(verplicht)\tkies uit de lijst\tkies uit de lijst\tkies uit de lijst\tDD-MM-JJJJ',
      'TXT-1\tHelmen\tstock\tnonLethal\tukraineSupportBudget\t01-02-2025',
    ].join('\r\n');
    writeFileSync(file, Buffer.from(`\uFEFF${text}\r\n`, 'utf16le'));
    await checkFile(page, file);
    await page.getByRole('heading', { name: 'Resultaat van de controle: leveringen.txt' }).waitFor();
    expect((await page.locator('.import-counts').innerText()).replace(/\s+/g, ' ').trim()).toBe(
      'Nieuw aan te maken 1 Staat al in het register (verandert niets) 0 Met een fout 0 Voorbeeldregels (overgeslagen) 0 Regels met aanwijzingen bij de kolommen (overgeslagen) 1',
    );
    expect((await tableRows(page.getByRole('table', { name: 'Regels 1 tot en met 2 van 2' }))).map((row) => row.slice(0, 4))).toEqual([
      ['leveringen.txt, regel 2', 'Levering', '—', 'Aanwijzingen bij de kolommen (zoals “verplicht” of “JJJJ-MM-DD”), geen gegevens; wordt overgeslagen'],
      ['leveringen.txt, regel 3', 'Levering', 'TXT-1', 'Wordt aangemaakt'],
    ]);
    // How a typed date was read shows with the row, for every date of the delivery.
    expect(await page.getByRole('table', { name: 'Regels 1 tot en met 2 van 2' }).getByText(/Toegezegd op: 1 feb\. 2025/).count()).toBe(1);
  });

  it('says of a date in a file written month first that it cannot tell, by row and column, and of the date that showed it', async () => {
    const page = await openPageAs(browser(), server(), 'registrar');
    pages.push(page);
    await visit(page, server(), '/importeren');
    const file = join(folder, 'leveringen-us.csv');
    // As LibreOffice set to English (US) exports dates: month first.
    writeFileSync(file, ['Eigen kenmerk,Titel,Soort steun,Categorie,Financieringsbron,Toegezegd op', 'US-E2E-1,Helmen,Directe levering uit voorraad,Niet-letale goederen,Defensiebegroting,9/10/2025', 'US-E2E-2,Vesten,Directe levering uit voorraad,Niet-letale goederen,Defensiebegroting,08/13/2025'].join('\r\n'));
    await checkFile(page, file);
    await page.getByRole('heading', { name: 'Resultaat van de controle: leveringen-us.csv' }).waitFor();
    expect((await tableRows(page.getByRole('table', { name: 'Fouten in het bestand: blad, regel, kolom en wat er mis is' }))).map((cells) => cells.map(plain))).toEqual([
      [
        'leveringen-us.csv, regel 2',
        'F · Toegezegd op',
        'US-E2E-1',
        '9/10/2025 kan met de maand eerst geschreven zijn, zoals in de Verenigde Staten: dit bestand heeft ook 08/13/2025 (regel 3), dat alleen zo te lezen is. Schrijf 2025-09-10 of 10 september 2025 als de maand eerst staat, 2025-10-09 of 9 oktober 2025 als de dag eerst staat.',
      ],
      [
        'leveringen-us.csv, regel 3',
        'F · Toegezegd op',
        'US-E2E-2',
        '08/13/2025 is alleen te lezen met de maand eerst, zoals in de Verenigde Staten (13 augustus 2025); het register leest een datum in cijfers met de dag eerst. Is die dag bedoeld, schrijf dan 2025-08-13 of 13 augustus 2025.',
      ],
    ]);
  });

  it('names a sheet of the workbook that nothing is taken from, and why', async () => {
    const page = await openPageAs(browser(), server(), 'registrar');
    pages.push(page);
    await visit(page, server(), '/importeren');
    const file = join(folder, 'met-overzicht.xlsx');
    writeFileSync(file, await workbookWithOverview('BLAD-E2E-1'));
    await checkFile(page, file);
    await page.getByRole('heading', { name: 'Van 1 blad wordt niets geïmporteerd' }).waitFor();
    expect(plain(await page.locator('.import-sheets-not-taken li').innerText())).toBe(
      'Van het blad Overzicht wordt niets geïmporteerd: geen van zijn eerste 10 regels heeft de kolomkoppen van het sjabloon. Heeft het regels voor het register, zet dan de kolomkoppen van het sjabloon erboven.',
    );

    // Without a sheet that is taken the file is refused, and the refusal says why the sheet was not.
    const refusedFile = join(folder, 'alleen-overzicht.xlsx');
    writeFileSync(refusedFile, await workbookWithOverview('BLAD-E2E-1', { overviewOnly: true }));
    await checkFile(page, refusedFile);
    const error = page.locator('#veld-content-error');
    await error.waitFor();
    expect(plain(await error.innerText())).toContain('Geen blad van dit bestand heeft de kolomkoppen van het sjabloon');
    expect(plain(await error.innerText())).toContain('Van het blad Overzicht wordt niets geïmporteerd: geen van zijn eerste 10 regels heeft de kolomkoppen van het sjabloon.');

    // A zipped CSV file named as a workbook is said to be a ZIP archive, as any file the import cannot read is said to be what it is.
    const zipped = join(folder, 'gezipt.xlsx');
    writeFileSync(zipped, zipSync({ 'waarderingen.csv': new TextEncoder().encode('Eigen kenmerk;Kenmerk levering;Bedrag (€);Grondslag;Ingangsdatum\r\n') }));
    await checkFile(page, zipped);
    await error.getByText('ZIP-archief').waitFor();
    expect(plain(await error.innerText())).toBe('Dit bestand is een ZIP-archief (gecomprimeerde map), geen Excel-werkmap; pak het uit en kies het ingevulde sjabloon dat erin zit, als Excel-werkmap (.xlsx), CSV- of tekstbestand.');
  });

  it('checks an export of the deliveries list as the register holding every row of it, unchanged, and a value typed in a column the register computes as a fault at its cell', async () => {
    const page = await openPageAs(browser(), server(), 'registrar');
    pages.push(page);
    await visit(page, server(), '/leveringen?supportType=natoFund');
    await page.getByText('2 leveringen gevonden').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Excel (.xlsx)' }).click()]);
    const file = join(folder, download.suggestedFilename());
    await download.saveAs(file);
    await visit(page, server(), '/importeren');
    await checkFile(page, file);
    await page.getByRole('heading', { name: `Resultaat van de controle: ${download.suggestedFilename()}` }).waitFor();
    expect((await page.locator('.import-counts').innerText()).replace(/\s+/g, ' ').trim()).toBe(
      'Nieuw aan te maken 0 Staat al in het register (verandert niets) 2 Met een fout 0 Voorbeeldregels (overgeslagen) 0 Regels met aanwijzingen bij de kolommen (overgeslagen) 0',
    );
    await page.getByText('Er is niets te importeren').waitFor();

    // A value typed over the register's in the column it computes is said at that cell, not read past.
    const workbook = new ExcelJS.Workbook();
    // A copy: a small file's Buffer may lie at an offset in a shared pool, which .buffer alone would hand over whole.
    await workbook.xlsx.load(new Uint8Array(readFileSync(file)).buffer);
    const sheet = workbook.worksheets[0]!;
    const valueColumn = (sheet.getRow(1).values as unknown[]).indexOf('Waarde (EUR)');
    sheet.getRow(2).getCell(valueColumn).value = 1;
    const changed = join(folder, 'gewijzigd.xlsx');
    writeFileSync(changed, new Uint8Array(await workbook.xlsx.writeBuffer()));
    await checkFile(page, changed);
    await page.getByRole('heading', { name: 'Resultaat van de controle: gewijzigd.xlsx' }).waitFor();
    const [fault] = await tableRows(page.getByRole('table', { name: 'Fouten in het bestand: blad, regel, kolom en wat er mis is' }));
    expect(fault!.slice(0, 2)).toEqual([`${sheet.name}, regel 2`, `${sheet.getRow(1).getCell(valueColumn).address.replace(/\d+$/, '')} · Waarde (EUR)`]);
    expect(plain(fault!.at(-1)!)).toMatch(/^Deze kolom berekent het register zelf \(de waarde is de som van de betalingen van de levering\), en een import wijzigt haar niet: het register heeft hier € [\d.]+,\d\d, dit bestand € 1,00\. Leg een betaling vast op het blad Betalingen/);
  });
});
