/**
 * The report of an import (its dry run, its commit) is one JSON answer written a batch of rows at a time, so
 * that a large file's report does not hold the server from its other requests while it is made.
 */
import { expect, it } from 'vitest';
import { createApi } from '../../src/api/app.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { asUpload } from '../support/import-files.ts';
import { sessionCookieFor } from '../support/sessions.ts';
import { turnsOfOthersDuring } from '../support/turns.ts';

const ROWS = 2500;

describeEachDatabase('an import report written in batches', (database) => {
  it('answers the dry run of a file of 2,500 rows as one JSON report with every row and its faults in order, letting other work run between its batches', async () => {
    const { db } = database();
    const api = createApi({ db, onError: (error) => { throw error; } });
    const references = Array.from({ length: ROWS }, (_, index) => `W-${index}`);
    const csv = ['Eigen kenmerk;Kenmerk levering;Bedrag (€);Grondslag;Ingangsdatum', ...references.map((reference) => `${reference};ONBEKEND;10;Vervangingswaarde;1-6-2025`)].join('\r\n');
    const response = await api.request('/imports/dry-run', {
      method: 'POST',
      headers: { Cookie: await sessionCookieFor(db, 'registrar'), 'Content-Type': 'application/json', 'Accept-Language': 'en' },
      body: JSON.stringify(asUpload(new TextEncoder().encode(csv), 'waarderingen.csv')),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');

    const read = await turnsOfOthersDuring(() => response.text());
    const report = JSON.parse(read.value) as { counts: Record<string, number>; rows: { reference: string; outcome: string; faults: { field: string; code: string; reason: string }[] }[] };
    expect(report.counts.invalid).toBe(ROWS);
    expect(report.rows.map((row) => row.reference)).toEqual(references);
    for (const row of report.rows) {
      expect(row.outcome).toBe('invalid');
      expect(row.faults).toContainEqual(expect.objectContaining({ field: 'deliveryReference', code: 'unknownDeliveryReference', reason: expect.stringMatching(/^There is no delivery with this reference/) }));
    }
    // Three batches of at most 1,000 rows: a turn for other work before the second and before the third.
    expect(read.turns).toBeGreaterThanOrEqual(2);
  });
});
