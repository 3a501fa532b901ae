/**
 * A file that shows it writes dates in figures month first, as a spreadsheet set to English (US) exports them
 * (08/13/2025 has no 13th month), has none of its dates in figures that read as two days guessed at: each is a
 * fault of its cell, by row and column, in a CSV file and in a workbook's text cells alike. A file without such
 * a date reads them day first, as before.
 */
import { beforeAll, expect, it } from 'vitest';
import { asUpload, downloadedTemplate, filledTemplate } from '../support/import-files.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { apiClient, type ApiCall } from './client.ts';

const DELIVERY_HEADERS = ['Eigen kenmerk', 'Titel', 'Soort steun', 'Categorie', 'Financieringsbron', 'Toegezegd op', 'Juridisch verplicht op'];
const delivery = (reference: string, pledgedAt: string, committedAt: string) => [reference, `Helmen ${reference}`, 'Directe levering uit voorraad', 'Niet-letale goederen', 'Defensiebegroting', pledgedAt, committedAt];

/** Deliveries as a spreadsheet in English (US) exports them: dates month first, without leading zeros unless typed. */
const US_ROWS = [delivery('US-1', '9/10/2025', ''), delivery('US-2', '10/3/2025', '10/10/2025'), delivery('US-3', '08/13/2025', '08/20/2025'), delivery('US-4', '13/08/2025', '10/10/2025')];

const MONTH_FIRST = {
  nl: (shown: string, written: string, iso: string) =>
    `${shown} is alleen te lezen met de maand eerst, zoals in de Verenigde Staten (${written}); het register leest een datum in cijfers met de dag eerst. Is die dag bedoeld, schrijf dan ${iso} of ${written}.`,
};
const AMBIGUOUS = {
  nl: (shown: string, sign: string, monthFirst: string, dayFirst: string) =>
    `${shown} kan met de maand eerst geschreven zijn, zoals in de Verenigde Staten: dit bestand heeft ook 08/13/2025 (${sign}), dat alleen zo te lezen is. Schrijf ${monthFirst} als de maand eerst staat, ${dayFirst} als de dag eerst staat.`,
  en: (shown: string, sign: string, monthFirst: string, dayFirst: string) =>
    `${shown} may be written month first, as in the United States: this file also has 08/13/2025 (${sign}), which only reads so. Write ${monthFirst} if the month comes first, ${dayFirst} if the day does.`,
};

describeEachDatabase('an import of a file that writes dates month first', (database) => {
  let registrar: ApiCall;
  let template: Uint8Array;

  beforeAll(async () => {
    const { db } = database();
    registrar = apiClient(db, { role: 'registrar' });
    template = await downloadedTemplate(db);
  });

  const dryRun = async (upload: { fileName: string; content: string }, language = 'nl') => {
    const response = await registrar('POST', '/imports/dry-run', upload, { 'Accept-Language': language });
    expect(response.status).toBe(200);
    return response.body;
  };
  const faultsByCell = (body: any) => body.rows.flatMap((read: any) => read.faults.map((fault: any) => `${fault.columnLetter}${read.rowNumber} ${fault.code}: ${fault.reason}`));
  const csv = (separator: string, rows: string[][]) => asUpload(new TextEncoder().encode([DELIVERY_HEADERS, ...rows].map((cells) => cells.join(separator)).join('\r\n')), 'leveringen-us.csv');

  it.each([
    ['commas', ','],
    ['semicolons', ';'],
  ])('refuses in a CSV file with %s each date that reads as two days, and says of the one that reads only month first that it does', async (_separators, separator) => {
    const body = await dryRun(csv(separator, US_ROWS));
    expect(faultsByCell(body)).toEqual([
      `F2 ambiguousDate: ${AMBIGUOUS.nl('9/10/2025', 'regel 4', '2025-09-10 of 10 september 2025', '2025-10-09 of 9 oktober 2025')}`,
      `F3 ambiguousDate: ${AMBIGUOUS.nl('10/3/2025', 'regel 4', '2025-10-03 of 3 oktober 2025', '2025-03-10 of 10 maart 2025')}`,
      `F4 monthFirstDate: ${MONTH_FIRST.nl('08/13/2025', '13 augustus 2025', '2025-08-13')}`,
      `G4 monthFirstDate: ${MONTH_FIRST.nl('08/20/2025', '20 augustus 2025', '2025-08-20')}`,
    ]);
    // A date whose readings are one day (10/10/2025), or whose month-first reading is none (13/08/2025), is read.
    expect(body.counts).toMatchObject({ create: 1, invalid: 3 });
    expect(body.rows.find((read: any) => read.reference === 'US-4').values).toMatchObject({ pledgedAt: '2025-08-13', committedAt: '2025-10-10' });
    expect(faultsByCell(await dryRun(csv(separator, US_ROWS), 'en'))[0]).toBe(`F2 ambiguousDate: ${AMBIGUOUS.en('9/10/2025', 'row 4', '2025-09-10 or 10 September 2025', '2025-10-09 or 9 October 2025')}`);
  });

  it('reads the dates of a file without one that reads only month first day first, as the Netherlands writes them', async () => {
    const body = await dryRun(csv(';', [US_ROWS[0]!, US_ROWS[1]!, US_ROWS[3]!]));
    expect([body.counts, faultsByCell(body)]).toEqual([expect.objectContaining({ create: 3, invalid: 0 }), []]);
    expect(body.rows.map((read: any) => [read.reference, read.values.pledgedAt])).toEqual([
      ['US-1', '2025-10-09'],
      ['US-2', '2025-03-10'],
      ['US-4', '2025-08-13'],
    ]);
  });

  it("refuses a workbook's text cells that read as two days once one of its sheets has a date that reads only month first, naming that sheet, and reads its date cells", async () => {
    const workbook = await filledTemplate(template, {
      'Leveringen (Deliveries)': [
        ['WB-1', 'Helmen', 'Directe levering uit voorraad', 'Niet-letale goederen', 'Defensiebegroting', null, null, '08/13/2025', null, null, null],
        ['WB-2', 'Vesten', 'Directe levering uit voorraad', 'Niet-letale goederen', 'Defensiebegroting', null, null, '2025-03-01', null, null, null],
      ],
      'Waarderingen (Valuations)': [
        ['WB-2-W1', 'WB-2', 100, 'Vervangingswaarde', '9/10/2025'],
        // A date cell holds its day, however the cell shows it: no reading to choose.
        ['WB-2-W2', 'WB-2', 100, 'Vervangingswaarde', new Date('2025-09-10T00:00:00Z')],
        ['WB-2-W3', 'WB-2', 100, 'Vervangingswaarde', '10/10/2025'],
      ],
    });
    const body = await dryRun(asUpload(workbook, 'werkmap-us.xlsx'));
    const rowOf = (reference: string) => body.rows.find((read: any) => read.reference === reference);
    const sign = rowOf('WB-1').rowNumber;
    expect(faultsByCell(body)).toEqual([
      `H${sign} monthFirstDate: ${MONTH_FIRST.nl('08/13/2025', '13 augustus 2025', '2025-08-13')}`,
      `E${rowOf('WB-2-W1').rowNumber} ambiguousDate: ${AMBIGUOUS.nl('9/10/2025', `regel ${sign} van het blad Leveringen (Deliveries)`, '2025-09-10 of 10 september 2025', '2025-10-09 of 9 oktober 2025')}`,
    ]);
    expect([rowOf('WB-2-W2').values.effectiveDate, rowOf('WB-2-W3').values.effectiveDate]).toEqual(['2025-09-10', '2025-10-10']);
  });
});
