/**
 * Every figure of a letter shown on a public surface is shown as that letter printed it: the comparison,
 * the published figures (open data) and the letter's own page, which carries its full text.
 */
import { beforeAll, expect, it } from 'vitest';
import { createApi } from '../../src/api/app.ts';
import { loadDemonstrationData } from '../../src/register/demonstration.ts';
import type { PublicLetterSnapshot } from '../../src/letters/snapshot.ts';
import { apiClient, type ApiCall } from '../api/client.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { submitAndApprove, ifMatchCurrent } from '../support/letters.ts';

/** The amounts of the letter's own table by row label, as the letter printed them in its own (last) column. */
function printedInTable(letter: PublicLetterSnapshot): Map<string, string> {
  const table = letter.sections.flatMap((section) => section.blocks).find((block) => block.kind === 'table');
  if (table?.kind !== 'table') throw new Error('the letter has no table');
  return new Map(table.table.rows.map((row) => [String(row.cells[0]![0]), String(row.cells.at(-1)![0])]));
}

describeEachDatabase('the figures of published letters on the public surfaces', (database) => {
  let anonymous: ApiCall;
  let february: { id: string; letter: PublicLetterSnapshot };
  let august: { id: string; letter: PublicLetterSnapshot; document: any };

  beforeAll(async () => {
    const { db } = database();
    expect(await loadDemonstrationData(db)).toBeGreaterThan(0);
    const api = createApi({ db, onError: (error) => { throw error; } });
    const author = apiClient(db, { role: 'letterAuthor', api });
    const disclosure = apiClient(db, { role: 'disclosureOfficer', api });
    anonymous = apiClient(db, { api });
    const letters = (await author('GET', '/letters')).body.items;
    const draft = letters.find((item: any) => item.referenceDate === '2025-08-31');
    const approved = await submitAndApprove({ author, disclosure }, draft.id, `"${draft.version}"`);
    expect((await author('POST', `/letters/${draft.id}/finalisation`, {}, { 'If-Match': `"${approved.body.version}"` })).status).toBe(200);
    expect((await author('POST', `/letters/${draft.id}/sending`, undefined, await ifMatchCurrent(author, draft.id))).status).toBe(200);
    expect((await author('POST', `/letters/${draft.id}/publication`, { paperNumber: 'Kamerstuk 22 054, nr. 460', publishedOn: '2025-09-10' }, await ifMatchCurrent(author, draft.id))).status).toBe(200);
    const published = (await anonymous('GET', '/public/letters')).body.items;
    const read = async (referenceDate: string) => (await anonymous('GET', `/public/letters/${published.find((item: any) => item.referenceDate === referenceDate).id}`)).body;
    february = await read('2025-02-04');
    august = await read('2025-08-31');
  });

  it('compares two letters in each letter’s own rounding', async () => {
    const comparison = await anonymous('GET', `/public/letter-comparison?from=${february.id}&to=${august.id}`);
    expect(comparison.status).toBe(200);
    const [before, after] = [printedInTable(february.letter), printedInTable(august.letter)];
    for (const figure of comparison.body.figures) {
      expect(figure.fromText, figure.label).toBe(before.get(figure.label));
      expect(figure.toText, figure.label).toBe(after.get(figure.label));
    }
    // The total as the letter of 10 September prints it, not to the cent's second decimal.
    expect(comparison.body.figures.find((figure: any) => figure.key === 'total').toText).toMatch(/^€ \d+,\d mld\.$/);
  });

  it('publishes each letter’s figures as open data exactly and as printed', async () => {
    const figures = await anonymous('GET', '/public/figures');
    for (const [item, letter] of [[figures.body.items.find((entry: any) => entry.letterId === august.id), august.letter], [figures.body.items.find((entry: any) => entry.letterId === february.id), february.letter]] as const) {
      const printed = printedInTable(letter);
      for (const line of item.lines) expect(line.printed, line.label).toBe(printed.get(line.label));
      expect(item.lines.map((line: any) => line.cents)).toEqual(letter.figures.lines.map((line) => line.currentCents));
    }
  });

  it('gives the letter’s full text as laid out, signature and public overview included', () => {
    const { document } = august;
    expect(document.subject).toBe(august.letter.subject);
    expect(document.paperNumber).toBe('Kamerstuk 22 054, nr. 460');
    expect(document.closing).toEqual(['Hoogachtend,', 'DE MINISTER VAN DEFENSIE', 'Ruben Brekelmans']);
    expect(document.letterhead).toMatchObject({ wordmark: 'Ministerie van Defensie', reference: 'SR-2025-08-31' });
    expect(document.sections.map((section: any) => section.heading)).toEqual(
      august.letter.sections.map((section) => section.heading).filter((heading) => heading !== 'Openbaar overzicht van nieuwe leveringen'));
    expect(document.overview.groups.map((group: any) => group.label)).toEqual(august.letter.overview.map((group) => group.label));
    expect(document.footnotes).toEqual(august.letter.footnotes);
  });
});
