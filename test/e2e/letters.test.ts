import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeAll, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { pdfPages } from '../../src/letters/render/pdf-text.test-support.ts';
import type { Letter, LetterSummary } from '../../web/src/api/letters.ts';
import { describeWithBrowser } from '../support/browser.ts';
import { api, apiResponse, fieldError, logIn, openPageAs, openPageIn, tableRows, useServer, visit } from './app.ts';

const TABLE = [
  ['Directe levering (vervangingswaarde)', '€ 2,05 mld.', '€ 2,4 mld.'],
  ['Commerciële verwervingen', '€ 3,73 mld.', '€ 6,1 mld.'],
  ['NAVO-fonds', '€ 0,1 mld.', '€ 0,18 mld.'],
  ['Totaal', '€ 5,88 mld.', '€ 8,7 mld.'],
];
const ADDED_SENTENCE = 'In totaal is {{total}} aan militaire steun gerealiseerd.';
const RESTORED = 'De tekst die u nog niet had opgeslagen, staat weer in het formulier. Sla hem op om hem te bewaren.';

/** Follows a link whose answer the browser saves as a file, and returns the file. */
async function download(page: Page, link: Locator): Promise<Uint8Array> {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return new Uint8Array(await readFile(await file.path()));
}

describeWithBrowser('letters', (browser) => {
  const server = useServer();
  let draftId: string;
  let page: Page;
  beforeAll(async () => {
    const { items } = await api<{ items: LetterSummary[] }>(server(), '/letters', { as: 'letterAuthor' });
    draftId = items.find((report) => report.status === 'draft' && report.referenceDate === '2025-08-31')!.id;
  });
  afterEach(async () => {
    await page.context().close();
  });

  // The preview is the server's own HTML rendering of the letter, in a frame.
  const preview = () => page.frameLocator('iframe[title="De brief"]');

  it('says so when someone else saved the draft first, and keeps what the author typed', async () => {
    page = await openPageAs(browser(), server(), 'letterAuthor');
    await visit(page, server(), `/brieven/${draftId}`);
    const training = page.getByLabel('Training', { exact: true });
    await training.fill(`${await training.inputValue()}\n\nEen zin die niet wordt opgeslagen.`);

    const current = await apiResponse(server(), `/letters/${draftId}`, { as: 'letterAuthor' });
    await api(server(), `/letters/${draftId}`, {
      as: 'letterAuthor',
      method: 'PATCH',
      headers: { 'If-Match': current.headers.get('ETag') ?? '' },
      body: JSON.stringify({ letterDate: '2025-09-10' }),
    });
    await page.getByRole('button', { name: 'Tekst opslaan' }).click();
    await page.locator('.error-summary', { hasText: 'Iemand anders heeft de brief gewijzigd nadat u die opende.' }).waitFor();
    expect(await training.inputValue()).toContain('Een zin die niet wordt opgeslagen.');

    await page.getByRole('button', { name: 'Nieuwste versie laden' }).click();
    await page.locator('.error-summary').waitFor({ state: 'detached' });
    expect(await page.getByText('Er zijn wijzigingen die nog niet zijn opgeslagen.').count()).toBe(0);
    expect(await training.inputValue()).not.toContain('Een zin die niet wordt opgeslagen.');
  });

  it('says why the preview shows the earlier text when saving would refuse the change', async () => {
    page = await openPageAs(browser(), server(), 'letterAuthor');
    await visit(page, server(), `/brieven/${draftId}`);
    const previewed = page.waitForResponse((response) => new URL(response.url()).pathname === `/api/v1/letters/${draftId}/preview`);
    await page.getByLabel('Briefdatum').fill('2025-08-01');
    expect((await previewed).status()).toBe(400);
    await page.getByRole('status').filter({ hasText: 'Het voorbeeld toont de vorige tekst: opslaan zou deze wijziging weigeren. Briefdatum: ' }).waitFor();
  });

  it('asks before logging out while the text is not saved, and stays with it when the author says no', async () => {
    page = await openPageAs(browser(), server(), 'letterAuthor');
    await visit(page, server(), `/brieven/${draftId}`);
    const training = page.getByLabel('Training', { exact: true });
    const typed = `${await training.inputValue()}\n\nEen zin die blijft staan.`;
    await training.fill(typed);
    const questions: string[] = [];
    page.once('dialog', (dialog) => {
      questions.push(dialog.message());
      void dialog.dismiss();
    });
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    expect(questions).toEqual(['U heeft wijzigingen in de tekst die nog niet zijn opgeslagen. Deze pagina toch verlaten?']);
    expect(new URL(page.url()).pathname).toBe(`/brieven/${draftId}`);
    expect(await training.inputValue()).toBe(typed);
  });

  it('puts back the text the author had not saved when the session ended, once logged in again, and forgets what the tab kept once they log out', async () => {
    // A session of its own, not the one the other tests share.
    page = await openPageIn(browser(), 'nl');
    await logIn(page, server(), 'letterAuthor');
    await visit(page, server(), `/brieven/${draftId}`);
    const training = page.getByLabel('Training', { exact: true });
    const typed = `${await training.inputValue()}\n\nEen zin die de sessie overleeft.`;
    // The live preview of the typed text is asked for once typing pauses: answered while the session lasts, so
    // that the save below is what finds it ended, however slowly the machine runs.
    const previewed = page.waitForResponse((response) => new URL(response.url()).pathname === `/api/v1/letters/${draftId}/preview`);
    await training.fill(typed);
    expect((await previewed).status()).toBe(200);
    // The session ends (idle too long, or ended elsewhere); the next request of the editor finds it gone.
    expect(await page.evaluate(async () => (await fetch('/api/v1/session', { method: 'DELETE' })).status)).toBe(204);
    await page.getByRole('button', { name: 'Tekst opslaan' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/inloggen'));

    await logIn(page, server(), 'letterAuthor');
    expect(new URL(page.url()).pathname).toBe(`/brieven/${draftId}`);
    await page.getByText(RESTORED).waitFor();
    expect(await training.inputValue()).toBe(typed);

    // Put back once: a later visit shows the letter as saved.
    await visit(page, server(), `/brieven/${draftId}`);
    expect(await training.inputValue()).not.toContain('Een zin die de sessie overleeft.');

    // Kept again when the author goes back, and forgotten when they log out: nothing is left for whoever uses the browser next.
    await visit(page, server(), '/brieven');
    await page.getByRole('link', { name: 'Brief met peildatum 31 aug. 2025' }).click();
    await training.fill(`${await training.inputValue()}\n\nEen zin die het uitloggen niet overleeft.`);
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Brieven' }).waitFor();
    const keptInTab = () => page.evaluate(() => Object.keys(sessionStorage).filter((key) => key.startsWith('steunregister.unsavedLetter.')).length);
    expect(await keptInTab()).toBe(1);
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/inloggen'));
    expect(await keptInTab()).toBe(0);
  });

  it("keeps the text typed when the author goes back, puts it back going forward or opening the letter again, and saves it; not once they agreed to leave it", async () => {
    page = await openPageAs(browser(), server(), 'letterAuthor');
    await visit(page, server(), '/brieven');
    const open = async () => {
      await page.getByRole('link', { name: 'Brief met peildatum 31 aug. 2025' }).click();
      await page.getByRole('heading', { level: 1, name: 'Leveringenbrief, peildatum 31 augustus 2025' }).waitFor();
    };
    const backToList = async () => {
      await page.goBack();
      await page.getByRole('heading', { level: 1, name: 'Brieven' }).waitFor();
    };
    await open();
    const training = page.getByLabel('Training', { exact: true });
    const savedText = await training.inputValue();
    const typed = `${savedText}\n\nEen zin die de terugknop overleeft.`;
    await training.fill(typed);

    await backToList();
    await page.goForward();
    await page.getByText(RESTORED).waitFor();
    expect(await training.inputValue()).toBe(typed);

    await backToList();
    await open();
    await page.getByText(RESTORED).waitFor();
    expect(await training.inputValue()).toBe(typed);
    await page.getByRole('button', { name: 'Tekst opslaan' }).click();
    await page.getByText('De tekst is opgeslagen; het voorbeeld toont de nieuwe tekst.').waitFor();
    const saved = await api<Letter>(server(), `/letters/${draftId}`, { as: 'letterAuthor' });
    expect(saved.blocks.find((block) => block.key === 'training')?.text).toBe(typed);

    // Leaving by a link, once the author said yes to losing the text, keeps nothing to put back.
    await training.fill(`${typed}\n\nEen zin die de auteur laat varen.`);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('link', { name: 'Terug naar de brieven' }).click();
    await page.getByRole('heading', { level: 1, name: 'Brieven' }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Leveringenbrief, peildatum 31 augustus 2025' }).waitFor();
    expect(await training.inputValue()).toBe(typed);
    expect(await page.getByText(RESTORED).count()).toBe(0);
  });

  it('lists a placeholder that is not whole once, naming its block, in the language the page shows, and offers no submission while it stands', async () => {
    const current = await apiResponse(server(), `/letters/${draftId}`, { as: 'letterAuthor' });
    const { blocks } = (await current.json()) as Letter;
    const withFault = blocks.map((block) => (block.key === 'training' ? { ...block, text: `${block.text} Totaal {{total` } : block));
    const place = blocks.findIndex((block) => block.key === 'training') + 1;
    const edited = await apiResponse(server(), `/letters/${draftId}`, { as: 'letterAuthor', method: 'PATCH', headers: { 'If-Match': current.headers.get('ETag') ?? '' }, body: JSON.stringify({ blocks: withFault }) });
    try {
      page = await openPageAs(browser(), server(), 'letterAuthor');
      await visit(page, server(), `/brieven/${draftId}`);
      const dutch = `In tekstblok ${place} (Training) wordt "{{" niet gesloten met "}}" (bij "{{total"): schrijf een cijfer als {{naam}}.`;
      const english = `In text block ${place} (Training), "{{" is not closed with "}}" (at "{{total"): write a figure as {{name}}.`;
      await page.getByText(dutch, { exact: true }).waitFor();
      expect(await page.getByText(dutch, { exact: true }).count()).toBe(1);
      expect(await page.getByRole('button', { name: 'Ter goedkeuring aanbieden' }).count()).toBe(0);

      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: 'Letter on deliveries, reference date 31 August 2025' }).waitFor();
      expect(await page.getByText(english, { exact: true }).count()).toBe(1);
      expect(await page.getByText(dutch, { exact: true }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Submit for approval' }).count()).toBe(0);
    } finally {
      await api(server(), `/letters/${draftId}`, { as: 'letterAuthor', method: 'PATCH', headers: { 'If-Match': edited.headers.get('ETag') ?? '' }, body: JSON.stringify({ blocks }) });
    }
  });

  it('says why of each figure the draft may not print, in the language the page shows', async () => {
    const current = await apiResponse(server(), `/letters/${draftId}`, { as: 'letterAuthor' });
    const { blocks } = (await current.json()) as Letter;
    const withLaterYear = blocks.map((block) => (block.key === 'training' ? { ...block, text: `${block.text} Ontvangen in 2026: {{epfPaid:2026}}.` } : block));
    const edited = await apiResponse(server(), `/letters/${draftId}`, { as: 'letterAuthor', method: 'PATCH', headers: { 'If-Match': current.headers.get('ETag') ?? '' }, body: JSON.stringify({ blocks: withLaterYear }) });
    try {
      page = await openPageAs(browser(), server(), 'letterAuthor');
      await visit(page, server(), `/brieven/${draftId}`);
      const dutch = 'De tekst noemt {{epfPaid:2026}}, maar dat jaar ligt na de peildatum: dat cijfer is op de peildatum nog niet bekend.';
      await page.getByText(dutch, { exact: true }).waitFor();

      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: 'Letter on deliveries, reference date 31 August 2025' }).waitFor();
      expect(await page.getByText('The text names {{epfPaid:2026}}, but that year lies after the reference date: that figure is not known yet at the reference date.', { exact: true }).count()).toBe(1);
    } finally {
      await api(server(), `/letters/${draftId}`, { as: 'letterAuthor', method: 'PATCH', headers: { 'If-Match': edited.headers.get('ETag') ?? '' }, body: JSON.stringify({ blocks }) });
    }
  });

  it('asks before deleting a draft, naming its reference date as the page writes dates, and deletes it once confirmed', async () => {
    const created = await api<LetterSummary>(server(), '/letters', { as: 'letterAuthor', method: 'POST', body: JSON.stringify({ referenceDate: '2026-03-31' }) });
    page = await openPageAs(browser(), server(), 'letterAuthor');
    await visit(page, server(), `/brieven/${created.id}`);
    await page.getByRole('button', { name: 'Concept verwijderen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Concept verwijderen?' });
    await dialog.getByText('Het concept met peildatum 31 maart 2026 wordt verwijderd.').waitFor();
    await dialog.getByRole('button', { name: 'Ja, verwijderen' }).click();
    await page.waitForURL((url) => url.pathname === '/brieven');
    expect((await apiResponse(server(), `/letters/${created.id}`, { as: 'letterAuthor' })).status).toBe(404);
  });

  it('the letter author renames a section; a heading left empty is refused', async () => {
    page = await openPageAs(browser(), server(), 'letterAuthor');
    await visit(page, server(), `/brieven/${draftId}`);
    const heading = page.getByLabel('Kop van „Training”');
    await heading.fill(' ');
    await page.getByRole('button', { name: 'Tekst opslaan' }).click();
    await page.locator('.error-summary', { hasText: 'Kop van „Training”: Vul dit veld in.' }).waitFor();

    await heading.fill('Training van Oekraïense militairen');
    await preview().getByRole('heading', { name: 'Training van Oekraïense militairen' }).waitFor();
    // Far down the text, the preview is still beside it, in view.
    await heading.scrollIntoViewIfNeeded();
    const shown = await page.locator('iframe[title="De brief"]').boundingBox();
    const viewport = page.viewportSize()!;
    expect(shown!.y).toBeGreaterThanOrEqual(0);
    expect(shown!.y + shown!.height).toBeLessThanOrEqual(viewport.height);

    // On a phone the preview fits its frame: the letter reads down, without scrolling sideways past the text.
    await page.setViewportSize({ width: 390, height: 844 });
    const fits = () => preview().locator('html').evaluate((html) => html.scrollWidth <= html.clientWidth);
    await expect.poll(fits).toBe(true);
    await page.setViewportSize(viewport);
    await page.getByRole('button', { name: 'Tekst opslaan' }).click();
    await page.getByText('De tekst is opgeslagen; het voorbeeld toont de nieuwe tekst.').waitFor();
    const saved = await api<Letter>(server(), `/letters/${draftId}`, { as: 'letterAuthor' });
    expect(saved.blocks.find((block) => block.key === 'training')?.heading).toBe('Training van Oekraïense militairen');
    await page.getByLabel('Training van Oekraïense militairen', { exact: true }).waitFor();
    // The notice is said in the language the page shows, also after switching.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('The text has been saved; the preview shows the new text.').waitFor();
    // The letter stays Dutch on the English page: its fields are spell-checked and read aloud as Dutch.
    expect(await page.getByLabel('Heading of “Training van Oekraïense militairen”').getAttribute('lang')).toBe('nl');
    expect(await page.getByLabel('Training van Oekraïense militairen', { exact: true }).getAttribute('lang')).toBe('nl');
  });

  it('the letter author edits the draft of 31 August 2025; once a disclosure officer approved it, the author finalises it, downloads it and records its paper number; the public page lists it', async () => {
    page = await openPageAs(browser(), server(), 'letterAuthor');
    await visit(page, server(), '/brieven');
    // The list tells how far each letter is: the one of February was sent and published, the new one is a draft.
    const listed = await tableRows(page.getByRole('table', { name: 'Brieven, de nieuwste peildatum eerst' }));
    expect(listed.map((row) => [row[0], row[2]?.replace(/\s+/g, ' ')])).toEqual([
      ['Brief met peildatum 31 aug. 2025', 'Concept'],
      ['Brief met peildatum 4 feb. 2025', 'Definitief gepubliceerd'],
    ]);
    await page.getByRole('link', { name: 'Brief met peildatum 31 aug. 2025' }).click();
    await page.getByRole('heading', { level: 1, name: 'Leveringenbrief, peildatum 31 augustus 2025' }).waitFor();

    // The preview: the letter as it will look, figures computed from the register, each kept on one line by no-break spaces.
    expect((await tableRows(preview().locator('table.figures'))).map((row) => row.map((cell) => cell.replaceAll('\u00a0', ' ')))).toEqual(TABLE);
    await preview().getByText('De totale waarde van de gerealiseerde militaire steun aan Oekraïne bedroeg op 31 augustus 2025 €8,7 mld.').waitFor();
    await preview().getByText('CONCEPT – niet verzonden').waitFor();
    // Laid out by the letter's own stylesheet, which the frame may load though it may run no script.
    expect(await preview().locator('.draft-notice').evaluate((notice) => getComputedStyle(notice).fontWeight)).toBe('700');

    // A sentence with a computed figure chosen from the picker, shown in the preview while typing, then saved.
    const opening = page.getByLabel('Opening (zonder kop)');
    const [before, after] = ADDED_SENTENCE.split('{{total}}') as [string, string];
    await opening.fill(`${await opening.inputValue()}\n\n${before}`);
    await page.getByLabel('Berekend cijfer (op de peildatum)').selectOption({ label: 'totale gerealiseerde steun: €8,7 mld.' });
    await page.getByRole('button', { name: 'Invoegen', exact: true }).click();
    await expect.poll(() => opening.evaluate((area: HTMLTextAreaElement) => area === document.activeElement)).toBe(true);
    await page.keyboard.type(after);
    await page.getByText('Er zijn wijzigingen die nog niet zijn opgeslagen.').waitFor();
    await page.getByText('Voorbeeld met de tekst die nog niet is opgeslagen.').waitFor();
    await preview().getByText('In totaal is €8,7 mld. aan militaire steun gerealiseerd.').waitFor();
    // The unsaved text is written into the frame (srcdoc), which takes the page's policy: the letter's stylesheet in it applies there too.
    expect(await preview().locator('.draft-notice').evaluate((notice) => getComputedStyle(notice).fontWeight)).toBe('700');
    await page.getByRole('button', { name: 'Tekst opslaan' }).click();
    await page.getByText('De tekst is opgeslagen; het voorbeeld toont de nieuwe tekst.').waitFor();
    await preview().getByText('In totaal is €8,7 mld. aan militaire steun gerealiseerd.').waitFor();
    const saved = await api<Letter>(server(), `/letters/${draftId}`, { as: 'letterAuthor' });
    expect(saved.blocks[0]?.text.endsWith(`\n\n${ADDED_SENTENCE}`)).toBe(true);

    // Its figures disclose aggregates too: only once a disclosure officer approved this very text can it be finalised.
    await page.getByText('Een openbaarmakingsfunctionaris heeft de openbare brief nog niet goedgekeurd.').waitFor();
    expect(await page.getByRole('button', { name: 'Definitief maken' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Ter goedkeuring aanbieden' }).click();
    await page.getByRole('dialog', { name: 'Ter goedkeuring aanbieden?' }).getByRole('button', { name: 'Ja, aanbieden' }).click();
    await page.getByText('De brief is ter goedkeuring aangeboden.').waitFor();
    const officer = await openPageAs(browser(), server(), 'disclosureOfficer');
    try {
      await visit(officer, server(), `/brieven/${draftId}`);
      await officer.frameLocator('iframe[title="De brief"]').getByText('In totaal is €8,7 mld. aan militaire steun gerealiseerd.').waitFor();
      expect(await officer.getByRole('button', { name: 'Tekst opslaan' }).count()).toBe(0);
      await officer.getByRole('button', { name: 'Openbare brief goedkeuren' }).click();
      await officer.getByRole('dialog', { name: 'Openbare brief goedkeuren?' }).getByRole('button', { name: 'Ja, goedkeuren' }).click();
      await officer.getByText('De openbare brief is goedgekeurd.').waitFor();
      await officer.getByText('Goedgekeurd voor openbaarmaking door demo-disclosure-officer').waitFor();
    } finally {
      await officer.context().close();
    }
    await visit(page, server(), `/brieven/${draftId}`);
    await page.getByText('de brief luidt nog precies zoals goedgekeurd.').waitFor();

    // Finalising asks first, and says it cannot be undone.
    await page.getByRole('button', { name: 'Definitief maken' }).click();
    const dialog = page.getByRole('dialog', { name: 'Brief definitief maken?' });
    await dialog.getByText('Dit kan niet ongedaan worden gemaakt.').waitFor();
    await dialog.getByRole('button', { name: 'Ja, definitief maken' }).click();
    await page.getByText('De brief is definitief.').waitFor();
    await page.locator('.page-subject .status-tag', { hasText: 'Definitief' }).waitFor();
    expect(await page.getByRole('button', { name: 'Tekst opslaan' }).count()).toBe(0);
    const final = await api<Letter>(server(), `/letters/${draftId}`, { as: 'letterAuthor' });
    expect(final.status).toBe('final');
    await page.locator('code.hash', { hasText: final.publicSha256! }).waitFor();
    await preview().getByText('In totaal is €8,7 mld. aan militaire steun gerealiseerd.').waitFor();
    expect(await preview().getByText('CONCEPT – niet verzonden').count()).toBe(0);
    await page.getByText('De hashes kloppen: de brief en de bijlage zijn onveranderd.').waitFor();

    // The downloads: Word with the table, PDF with the figures and the public overview.
    const downloads = page.getByRole('list', { name: 'Brief downloaden:' });
    const docx = unzipSync(await download(page, downloads.getByRole('link', { name: 'Word (DOCX)' })));
    // Amounts are kept on one line by no-break spaces, which read as spaces here.
    const documentXml = strFromU8(docx['word/document.xml']!).replaceAll('\u00a0', ' ');
    expect(documentXml).toContain('<w:tbl>');
    for (const text of ['Directe levering (vervangingswaarde)', 'Commerciële verwervingen', 'NAVO-fonds', '€ 8,7 mld.', '€ 5,88 mld.']) {
      expect(documentXml).toContain(text);
    }
    const pdf = (await pdfPages(await download(page, downloads.getByRole('link', { name: 'PDF' })))).map((sheet) => sheet.text).join('\n');
    expect(pdf).toContain('8,7 mld.');
    expect(pdf).toContain('Openbaar overzicht');
    expect(pdf).not.toContain('CONCEPT');

    // Sent to parliament, under embargo; then what parliament assigned, checked and confirmed, publishes it.
    await page.getByText('De brief is definitief maar nog niet aan de Kamer verzonden.').waitFor();
    await page.getByRole('button', { name: 'Verzending aan de Kamer vastleggen' }).click();
    await page.getByRole('dialog', { name: 'Verzending vastleggen?' }).getByRole('button', { name: 'Ja, verzonden' }).click();
    await page.getByText('De verzending is vastgelegd; de brief staat onder embargo.').waitFor();
    // A number not in its form and a date before the letter's are refused at their fields, together, before they are quoted for confirmation.
    await page.getByLabel('Kamerstuknummer').fill('nr 460 ???');
    await page.getByLabel('Gepubliceerd op').fill('2025-09-01');
    await page.getByRole('button', { name: 'Publicatie vastleggen' }).click();
    await page.getByText('Vul het Kamerstuknummer in zoals de Kamer het schrijft, bijvoorbeeld "Kamerstuk 22 054, nr. 460".').first().waitFor();
    expect(await fieldError(page, 'Gepubliceerd op')).toBe('De publicatiedatum ligt vóór de datum van de brief. Vul de datum van de brief in of een latere.');
    expect(await page.getByRole('dialog', { name: 'Publicatie vastleggen?' }).count()).toBe(0);
    expect(await page.getByLabel('Kamerstuknummer').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Kamerstuknummer').fill('Kamerstuk 22 054, nr. 460');
    await page.getByRole('button', { name: 'Publicatie vastleggen' }).click();
    await page.getByText('De publicatiedatum ligt vóór de datum van de brief. Vul de datum van de brief in of een latere.').first().waitFor();
    expect(await page.getByRole('dialog', { name: 'Publicatie vastleggen?' }).count()).toBe(0);
    await page.getByLabel('Gepubliceerd op').fill('2025-09-10');
    // A moment that has passed is refused at its field, not confirmed as that moment: publishing now is leaving it empty.
    const publishAt = page.getByLabel('Publiceren op (moment)');
    await publishAt.fill('2025-01-01T10:00');
    await page.getByRole('button', { name: 'Publicatie vastleggen' }).click();
    await page.getByText('Dit moment is al voorbij. Laat het veld leeg om de brief nu te publiceren, of kies een later moment.').first().waitFor();
    expect(await page.getByRole('dialog', { name: 'Publicatie vastleggen?' }).count()).toBe(0);
    // A later moment is Dutch time, as the field's hint says, whatever the browser's own time zone.
    await publishAt.fill('2030-06-01T10:00');
    await page.getByRole('button', { name: 'Publicatie vastleggen' }).click();
    const scheduled = page.getByRole('dialog', { name: 'Publicatie vastleggen?' });
    await scheduled.getByText(/^De brief wordt op 1 juni 2030 om 10:00 openbaar/).waitFor();
    await scheduled.getByRole('button', { name: 'Annuleren' }).click();
    await publishAt.fill('');
    await page.getByLabel('Kamerstuknummer').fill('Kamerstuk 22 054, nr. 460');
    await page.getByLabel('Gepubliceerd op').fill('2025-09-10');
    await page.getByRole('button', { name: 'Publicatie vastleggen' }).click();
    const confirmation = page.getByRole('dialog', { name: 'Publicatie vastleggen?' });
    await confirmation.getByText('Kamerstuk 22 054, nr. 460, gepubliceerd op 10 september 2025.').waitFor();
    await confirmation.getByRole('button', { name: 'Ja, vastleggen' }).click();
    await page.getByText('De publicatie is vastgelegd.', { exact: true }).waitFor();
    await preview().getByText('Kamerstuk 22 054, nr. 460').waitFor();
    expect(await page.getByRole('button', { name: 'Publicatie vastleggen' }).count()).toBe(0);

    // Anyone, without logging in, finds it among the letters sent, and can check its hash.
    const visitor = await openPageIn(browser(), 'nl');
    try {
      await visit(visitor, server(), '/openbaar');
      expect(new URL(visitor.url()).pathname).toBe('/openbaar');
      const letters = await tableRows(visitor.getByRole('table', { name: 'Verzonden brieven, de nieuwste eerst' }));
      expect(letters[0]?.slice(0, 4)).toEqual(['Brief met peildatum 31 aug. 2025', '10 sep. 2025', 'Kamerstuk 22 054, nr. 460', final.publicSha256]);
      expect(letters[1]?.[0]).toBe('Brief met peildatum 4 feb. 2025');

      await visitor.getByRole('link', { name: 'Brief met peildatum 31 aug. 2025' }).click();
      await visitor.getByRole('heading', { level: 1, name: 'Leveringenbrief van 10 september 2025' }).waitFor();
      const figures = visitor.getByRole('table', { name: 'Gerealiseerde militaire steun per type, zoals de brief die meldde' });
      expect(await tableRows(figures)).toEqual(TABLE.slice(0, -1));
      expect((await figures.locator('tfoot tr > *').allInnerTexts()).map((text) => text.trim())).toEqual(TABLE.at(-1));
      // The change of the total in the letter's words: a rise an increase, as the letter states it.
      await visitor.getByText('Een toename van €2,82 mld. of 48 procent ten opzichte van 4 feb. 2025.', { exact: true }).waitFor();
      await visitor.getByRole('heading', { level: 4, name: 'Luchtverdediging' }).waitFor();
      await visitor.getByText('Bijdrage aan het Prioritized Ukraine Requirement List-initiatief (PURL)').waitFor();
      await visitor.getByText(`| sha256sum`).waitFor();
      await visitor.getByRole('button', { name: 'Nu controleren in deze browser' }).click();
      await visitor.getByText('Klopt: de snapshot heeft precies deze hash.').waitFor();
    } finally {
      await visitor.context().close();
    }
  }, 60_000);

  it('compares the two letters sent, for anyone: the figures moved and what became public', async () => {
    page = await openPageIn(browser(), 'nl');
    await visit(page, server(), '/openbaar/vergelijken');
    expect(await page.getByLabel('Van de brief').locator('option:checked').innerText()).toBe('4 feb. 2025, Kamerstuk 22 054, nr. 453');
    expect(await page.getByLabel('Naar de brief').locator('option:checked').innerText()).toBe('31 aug. 2025, Kamerstuk 22 054, nr. 460');
    const figuresTable = page.getByRole('table', { name: 'Gerealiseerde militaire steun volgens de brieven met peildatum 4 feb. 2025 en 31 aug. 2025' });
    await figuresTable.waitFor();
    const figures = await tableRows(figuresTable);
    // Each letter's figure as that letter printed it in its own column, and the difference of the two as printed.
    expect(figures.at(-1)).toEqual(['Totaal', '€ 5,9 mld.', '€ 8,7 mld.', '€ 2,8 mld.']);
    // Which the page says under them.
    await page.getByText('De bedragen zijn zoals elke brief ze in zijn eigen kolom drukte, afgerond; het verschil is berekend uit die bedragen zoals de brieven ze drukten, dus een verandering kleiner dan de afronding is er niet in te zien.').waitFor();
    const becamePublic = await tableRows(page.getByRole('table', { name: /openbaar geworden$/ }));
    expect(becamePublic.map((row) => row[0])).toEqual(
      expect.arrayContaining(['Bijdrage aan het Prioritized Ukraine Requirement List-initiatief (PURL)', 'Drones van de Oekraïense defensie-industrie']),
    );
  });
});
