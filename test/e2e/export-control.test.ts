import { afterEach, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { todayInAmsterdam } from '../../common/dates.ts';
import { formatTableDate } from '../../common/letter-format.ts';
import type { DeliveryDetail } from '../../web/src/api/types.ts';
import { describeWithBrowser } from '../support/browser.ts';
import { api, fieldError, openPageAs, useServer, visit } from './app.ts';
import { positiveAssessment } from '../support/export-control.ts';

const TITLE = 'Pantserhouwitsers voor de uitvoertoets';

describeWithBrowser('export control', (browser) => {
  const server = useServer();
  const pages: Page[] = [];
  afterEach(async () => {
    for (const page of pages.splice(0)) await page.context().close();
  });

  it('walks a delivery from the assessor through the licensing officer to its hand-over, which the gate refuses until it is licensed', async () => {
    const today = todayInAmsterdam();
    const { id } = await api<DeliveryDetail>(server(), '/deliveries', {
      method: 'POST',
      body: JSON.stringify({ title: TITLE, category: 'largeCalibreArtillery', quantity: 4, unit: 'stuks', supportType: 'stock', fundingSource: 'ukraineSupportBudget', committedAt: '2025-06-01' }),
    });

    // The assessor finds it in the queue, confirms the rule with a reason and assesses it on the eight criteria.
    const assessor = await openPageAs(browser(), server(), 'exportControlAssessor');
    pages.push(assessor);
    await visit(assessor, server(), '/exportcontrole');
    await assessor.getByRole('table', { name: 'Wachten op toetsing' }).getByRole('link', { name: TITLE }).click();
    await assessor.getByRole('heading', { level: 1, name: `Exportcontrole: ${TITLE}` }).waitFor();
    await assessor.getByRole('group', { name: 'Heeft deze levering een vergunning nodig?' }).getByLabel('Ja').check();
    await assessor.getByLabel('Reden', { exact: true }).fill('Goederen van de Militaire Lijst, uitgevoerd vanuit Nederland.');
    await assessor.getByRole('button', { name: 'Vergunningplicht vastleggen' }).click();
    await assessor.getByText('Goederen van de Militaire Lijst, uitgevoerd vanuit Nederland.').first().waitFor();
    // It holds from the day the form proposes, today, and says so in the history of the overrides.
    await assessor.getByRole('listitem').filter({ hasText: `Vanaf ${formatTableDate(today)} vergunningplichtig` }).waitFor();
    for (let criterion = 1; criterion <= 8; criterion++) {
      const group = assessor.getByRole('group', { name: new RegExp(`^${criterion}\\. `) });
      await group.getByLabel('Oordeel').selectOption('noObjection');
      await group.getByLabel('Motivering').fill(`Criterium ${criterion}: geen bezwaar.`);
    }
    await assessor.getByLabel('Eindgebruiker', { exact: true }).fill('Ministerie van Defensie van Oekraïne');
    await assessor.getByLabel('Eindgebruikersverklaring', { exact: true }).fill('Verklaring van 1 juni 2025');
    // The outcome is the assessor's own choice: the form chooses none, and asks for one, in the same round as it refuses a date before the register's.
    expect(await assessor.getByLabel('Uitkomst', { exact: true }).inputValue()).toBe('');
    const assessedOn = assessor.getByLabel('Datum van toetsing', { exact: true });
    await assessedOn.fill('2013-06-01');
    await assessor.getByRole('button', { name: 'Toetsing vastleggen' }).click();
    expect(await fieldError(assessor, 'Uitkomst')).toBe('Vul dit veld in.');
    expect(await fieldError(assessor, 'Datum van toetsing')).toContain('2014');
    await assessedOn.fill(today);
    await assessor.getByLabel('Uitkomst', { exact: true }).selectOption({ label: 'Positief' });
    await assessor.getByRole('button', { name: 'Toetsing vastleggen' }).click();
    await assessor.getByRole('heading', { level: 3, name: `Positief · ${formatTableDate(today)}` }).waitFor();
    // Recorded, the form is empty again: saving twice records no second assessment that would take the place of the first.
    expect(await assessor.getByLabel('Eindgebruiker', { exact: true }).inputValue()).toBe('');
    expect(await assessor.getByLabel('Uitkomst', { exact: true }).inputValue()).toBe('');
    expect(await assessor.getByRole('group', { name: /^1\. / }).getByLabel('Oordeel').inputValue()).toBe('');

    // Before the licence, the registrar cannot record the hand-over: the error says what is missing.
    const registrar = await openPageAs(browser(), server(), 'registrar');
    pages.push(registrar);
    await visit(registrar, server(), `/leveringen/${id}/bewerken`);
    await registrar.getByLabel('Gerealiseerd op (optioneel)', { exact: true }).fill(today);
    await registrar.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await registrar.locator('.error-summary', { hasText: 'heeft een exportvergunning nodig' }).waitFor();
    expect((await api<DeliveryDetail>(server(), `/deliveries/${id}`)).realisedAt).toBeNull();

    // The licensing officer finds the positive assessment in the queue and issues the licence.
    const licensing = await openPageAs(browser(), server(), 'licensingOfficer');
    pages.push(licensing);
    await visit(licensing, server(), '/exportcontrole');
    await licensing.getByRole('table', { name: 'Positief getoetst, wachten op vergunning' }).getByRole('link', { name: TITLE }).click();
    await licensing.getByLabel('Vergunningnummer').fill('NL-2026-0042');
    // The list takes the form's width, as the form's other lists do, so that a category's long name shows.
    const formWidth = (await licensing.locator('form[aria-labelledby="new-licence"]').boundingBox())!.width;
    expect((await licensing.getByLabel('Categorie Militaire Lijst').boundingBox())!.width).toBe(formWidth);
    // The category is the licensing officer's own choice: the form chooses none, and asks for one, in the same
    // round as it refuses a date typed in part and the API an importing state that is the exporting one.
    expect(await licensing.getByLabel('Categorie Militaire Lijst').inputValue()).toBe('');
    const validUntil = licensing.getByLabel('Geldig tot en met');
    await validUntil.pressSequentially('0103');
    await licensing.getByLabel('Importerende staat').fill('NL');
    await licensing.getByRole('button', { name: 'Vergunning verlenen' }).click();
    expect(await fieldError(licensing, 'Importerende staat')).toContain('Nederland is het land van uitvoer');
    expect(await fieldError(licensing, 'Categorie Militaire Lijst')).toBe('Vul dit veld in.');
    expect(await fieldError(licensing, 'Geldig tot en met')).toBe('Vul een volledige, bestaande datum in.');
    expect((await api<{ licences: unknown[] }>(server(), `/deliveries/${id}/export-control`, { as: 'licensingOfficer' })).licences).toEqual([]);
    await validUntil.fill(`${Number(today.slice(0, 4)) + 1}${today.slice(4)}`);
    await licensing.getByLabel('Importerende staat').fill('UA');
    await licensing.getByLabel('Categorie Militaire Lijst').selectOption('ML2');
    await licensing.getByLabel('Categorie VN-register').selectOption('III');
    await licensing.getByLabel('Toegestaan aantal (optioneel)').fill('4');
    await licensing.getByLabel('Toegestane waarde (euro)').fill('12.000.000,00');
    // Left out of the Arms Trade Treaty's report, as its article 13.3 allows.
    expect(await licensing.getByLabel('Niet in het ATT-rapport (art. 13.3)').inputValue()).toBe('');
    await licensing.getByLabel('Niet in het ATT-rapport (art. 13.3)').selectOption('nationalSecurity');
    await licensing.getByRole('button', { name: 'Vergunning verlenen' }).click();
    await licensing.getByRole('table', { name: 'Vergunningen' }).getByRole('cell', { name: 'NL-2026-0042' }).waitFor();
    expect((await api<{ licences: { withheldGround: string | null }[] }>(server(), `/deliveries/${id}/export-control`, { as: 'licensingOfficer' })).licences).toEqual([expect.objectContaining({ withheldGround: 'nationalSecurity' })]);
    await licensing.getByText('Vergunning verleend', { exact: true }).waitFor();

    // With the licence the same hand-over is recorded.
    await registrar.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await registrar.getByText('De wijzigingen zijn opgeslagen.').waitFor();
    expect((await api<DeliveryDetail>(server(), `/deliveries/${id}`)).realisedAt).toBe(today);

    // The refusal is in the audit trail, and so is the override of the rule.
    const events = await api<{ items: { action: string; result: string; object: { id: string } }[] }>(server(), `/audit-events?objectId=${id}`, { as: 'auditor' });
    expect(events.items).toContainEqual(expect.objectContaining({ action: 'shipment.refused', result: 'denied', object: expect.objectContaining({ id }) }));
    expect(events.items).toContainEqual(expect.objectContaining({ action: 'exportRequirement.set', result: 'success', object: expect.objectContaining({ id }) }));
  });

  it('refuses a licence on a delivery assessed again since the page loaded, and shows the new assessment, which a negative one leaves no licence to issue on', async () => {
    const { id } = await api<DeliveryDetail>(server(), '/deliveries', {
      method: 'POST',
      body: JSON.stringify({ title: 'Radars voor de uitvoertoets', category: 'airDefence', quantity: 2, unit: 'stuks', supportType: 'stock', fundingSource: 'ukraineSupportBudget', committedAt: '2025-06-01' }),
    });
    const assess = (body: object) => api(server(), `/deliveries/${id}/export-assessments`, { as: 'exportControlAssessor', method: 'POST', body: JSON.stringify(body) });
    await assess(positiveAssessment);

    const licensing = await openPageAs(browser(), server(), 'licensingOfficer');
    pages.push(licensing);
    await visit(licensing, server(), `/leveringen/${id}`);
    await licensing.getByRole('link', { name: 'Exportcontrole van deze levering' }).click();
    await licensing.getByLabel('Vergunningnummer').fill('NL-2026-0043');
    await licensing.getByLabel('Geldig tot en met').fill('2026-12-31');
    await licensing.getByLabel('Categorie Militaire Lijst').selectOption('ML5');
    await licensing.getByLabel('Toegestane waarde (euro)').fill('1.000.000,00');

    // The assessor meanwhile assesses it again, negatively.
    await assess({ ...positiveAssessment, outcome: 'negative', assessedOn: '2025-03-11', criteria: positiveAssessment.criteria.map((entry) => (entry.criterion === 2 ? { ...entry, finding: 'objection' } : entry)) });
    await licensing.getByRole('button', { name: 'Vergunning verlenen' }).click();
    await licensing.getByRole('heading', { level: 3, name: /^Negatief · / }).waitFor();
    await licensing.getByText('De laatste toetsing is negatief: op deze levering kan geen vergunning worden verleend.').waitFor();
    expect(await licensing.getByRole('button', { name: 'Vergunning verlenen' }).count()).toBe(0);
    const control = await api<{ licences: unknown[] }>(server(), `/deliveries/${id}/export-control`, { as: 'licensingOfficer' });
    expect(control.licences).toEqual([]);
  });

  it("says a year the reports are not kept for at the year's field, showing no other year's figures under it", async () => {
    const assessor = await openPageAs(browser(), server(), 'exportControlAssessor', 'en');
    pages.push(assessor);
    await visit(assessor, server(), '/exportcontrole/rapportages');
    await assessor.getByLabel('Year', { exact: true }).fill('2025');
    await assessor.getByRole('button', { name: 'Show' }).click();
    await assessor.getByRole('heading', { name: 'Reconciliation with the register' }).waitFor();
    for (const year of ['1999', 'abc']) {
      await assessor.getByLabel('Year', { exact: true }).fill(year);
      await assessor.getByRole('button', { name: 'Show' }).click();
      expect(await fieldError(assessor, 'Year')).toBe('Enter a whole number from 2014 to 2100.');
      expect(await assessor.getByRole('heading', { name: 'Reconciliation with the register' }).count()).toBe(0);
      expect(await assessor.getByText('The data could not be loaded.').count()).toBe(0);
    }
    // A year to come has nothing to report yet, however few its figures would be.
    const current = Number(todayInAmsterdam().slice(0, 4));
    await assessor.getByLabel('Year', { exact: true }).fill(String(current + 1));
    await assessor.getByRole('button', { name: 'Show' }).click();
    expect(await fieldError(assessor, 'Year')).toBe(`The year ${current + 1} has not begun: there is nothing to report of it yet. Choose ${current} (up to today) or an earlier year.`);
    expect(await assessor.getByRole('heading', { name: 'Reconciliation with the register' }).count()).toBe(0);
  });

  it('says so where an inspection granted meanwhile is granted again from a page that still offers it', async () => {
    const { id } = await api<DeliveryDetail>(server(), '/deliveries', {
      method: 'POST',
      body: JSON.stringify({ title: 'Mortieren ter inzage', category: 'largeCalibreArtillery', quantity: 2, unit: 'stuks', supportType: 'stock', fundingSource: 'ukraineSupportBudget', committedAt: '2025-06-01' }),
    });
    const assessment = await api<{ id: string }>(server(), `/deliveries/${id}/export-assessments`, { as: 'exportControlAssessor', method: 'POST', body: JSON.stringify(positiveAssessment) });
    const assessor = await openPageAs(browser(), server(), 'exportControlAssessor', 'en');
    pages.push(assessor);
    await visit(assessor, server(), `/exportcontrole/leveringen/${id}`);
    await api(server(), `/export-assessments/${assessment.id}/inspection-grants`, { as: 'exportControlAssessor', method: 'POST', body: JSON.stringify({ note: '' }) });
    await assessor.getByRole('button', { name: 'Grant inspection by parliament' }).click();
    await assessor.getByText(/^Parliament may inspect this assessment since .+ already; inspection is granted once\.$/).waitFor();
    // Each assessment's table is of its findings, not captioned as the list of assessments it is one of.
    expect(await assessor.getByRole('table', { name: 'Finding on each criterion' }).count()).toBe(1);
  });
});
