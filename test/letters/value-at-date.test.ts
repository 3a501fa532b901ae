/**
 * Every named figure is the register's at the letter's reference date: a delivery revalued after it
 * prints as it stood then, consistent with the letter's own table, and `letter verify` recomputes the
 * named figures a final letter printed.
 */
import { beforeAll, expect, it } from 'vitest';
import { createApi } from '../../src/api/app.ts';
import { loadDemonstrationData } from '../../src/register/demonstration.ts';
import type { PublicLetterSnapshot } from '../../src/letters/snapshot.ts';
import { COMPARISON_PRECISION, comparedFigureCents, printedCents } from '../../common/letter-format.ts';
import { apiClient, type ApiCall } from '../api/client.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { submitAndApprove } from '../support/letters.ts';

const PURL = '9decc899-e686-494c-be62-6a52efcef57a';
const MILLION = 100_000_000; // cents

const text = (letter: PublicLetterSnapshot) => JSON.stringify(letter.sections);

describeEachDatabase('a named figure at the letter\'s reference date', (database) => {
  let author: ApiCall;
  let registrar: ApiCall;
  let disclosure: ApiCall;
  let augustId: string;

  beforeAll(async () => {
    const { db } = database();
    await loadDemonstrationData(db);
    const api = createApi({ db, onError: (error) => { throw error; } });
    author = apiClient(db, { role: 'letterAuthor', api });
    registrar = apiClient(db, { role: 'registrar', api });
    disclosure = apiClient(db, { role: 'disclosureOfficer', api });
    augustId = (await author('GET', '/letters')).body.items.find((item: any) => item.referenceDate === '2025-08-31').id;
  });

  it('prints a contribution raised after the reference date at its value on the reference date', async () => {
    const raised = await registrar('POST', `/deliveries/${PURL}/valuations`, { amountCents: 600 * MILLION, basis: 'contractPrice', effectiveDate: '2025-09-05' });
    expect(raised.status).toBe(201);
    const view = await author('GET', `/letters/${augustId}`);
    expect(view.body.problems).toEqual([]);
    expect(text(view.body.letter)).toContain('recente aangekondigde bijdrage van €500 mln. aan het Prioritized Ukraine Requirement List');
    expect(text(view.body.letter)).not.toContain('€600 mln.');
  });

  it('verifies the named figures of a final letter: a change effective before its reference date shows', async () => {
    const current = await author('GET', `/letters/${augustId}`);
    const approved = await submitAndApprove({ author, disclosure }, augustId, current.headers.get('ETag')!);
    const final = await author('POST', `/letters/${augustId}/finalisation`, {}, { 'If-Match': approved.headers.get('ETag')! });
    expect(final.status).toBe(200);
    expect((await author('GET', `/letters/${augustId}/verification`)).body).toEqual({ ok: true, hashesMatch: true, differences: [], figureDifferences: [], annexDifferences: [] });

    // The contribution's value is restated as of before the reference date; its payment, and so the table, stay.
    await registrar('POST', `/deliveries/${PURL}/valuations`, { amountCents: 550 * MILLION, basis: 'contractPrice', effectiveDate: '2025-08-20' });
    const verification = await author('GET', `/letters/${augustId}/verification`);
    expect(verification.body).toMatchObject({ ok: false, hashesMatch: true, differences: [] });
    // Named by its public id: the internal id never reaches a public surface.
    const { publicId } = await database().db.selectFrom('delivery').select('publicId').where('id', '=', PURL).executeTakeFirstOrThrow();
    expect(verification.body.figureDifferences).toEqual([{ figure: `delivery:${publicId}`, published: '€500 mln.', recomputed: '€550 mln.' }]);
  });

  it('shows a payment the final letter counted, withdrawn on its own date, as a difference; one withdrawn after the reference date not', async () => {
    const { db } = database();
    const finance = apiClient(db, { role: 'finance' });
    const paid = await db
      .selectFrom('payment')
      .innerJoin('delivery', 'delivery.id', 'payment.deliveryId')
      .select(['payment.id', 'payment.amountCents', 'payment.paidOn'])
      .where('delivery.supportType', '=', 'procurement')
      .where('delivery.fundingSource', '<>', 'epf')
      .where('payment.paidOn', '<=', '2025-08-31')
      .orderBy('payment.paidOn', 'desc')
      .limit(2)
      .execute();
    const published = (await author('GET', `/letters/${augustId}/verification`)).body.differences;
    const [later, wrong] = paid;
    expect((await finance('POST', `/payments/${later!.id}/withdrawal`, { withdrawnOn: '2025-09-01', reason: 'Na de peildatum teruggeboekt' })).status).toBe(201);
    expect((await author('GET', `/letters/${augustId}/verification`)).body.differences).toEqual(published);

    expect((await finance('POST', `/payments/${wrong!.id}/withdrawal`, { withdrawnOn: wrong!.paidOn, reason: 'Dubbel geboekt' })).status).toBe(201);
    const { differences } = (await author('GET', `/letters/${augustId}/verification`)).body;
    const line = (key: string) => differences.find((difference: any) => difference.figure === key);
    expect(line('procurement').published - line('procurement').recomputed).toBe(wrong!.amountCents);
    expect(line('total').published - line('total').recomputed).toBe(wrong!.amountCents);

    // The next letter restates the previous procurement figure without the withdrawn payment, in a footnote.
    const next = await author('POST', '/letters', { referenceDate: '2025-12-31', letterDate: '2026-01-20' });
    expect(next.status).toBe(201);
    const snapshot: PublicLetterSnapshot = next.body.letter;
    expect(snapshot.previousLetter).toMatchObject({ id: augustId });
    const procurement = snapshot.figures.lines.find((figure) => figure.key === 'procurement')!;
    // As the letter prints them: the previous letter's figure in its column, the restated one in the footnote.
    expect(procurement.reportedPreviousCents).toBe(comparedFigureCents(line('procurement').published));
    expect(procurement.restatedPreviousCents).toBe(printedCents(line('procurement').recomputed, COMPARISON_PRECISION));
    expect(snapshot.footnotes.map((note) => note.text)).toContainEqual(
      expect.stringMatching(/^Herzien: volgens de huidige gegevens bedroeg dit op 31 augustus 2025 €[\d,]+ (mld|mln)\., niet €[\d,]+ (mld|mln)\. zoals in de vorige brief\.$/),
    );
  });
});
