/**
 * The annex compared with the previous letter's: what is new, what has another value, and what the previous
 * annex listed that this one no longer counts (removed from the register, or corrected to be realised or paid
 * only after the reference date), so that a member can follow how the totals moved. And a final letter's annex
 * verified against the register delivery by delivery, not only by its total.
 */
import { beforeAll, expect, it } from 'vitest';
import { annexDocument, type AnnexSnapshot } from '../../src/letters/compose.ts';
import { annexSnapshot } from '../../src/register/annex.ts';
import { verifyLetter } from '../../src/register/letters.ts';
import type { ApiCall } from '../api/client.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { procurement, stockDelivery } from '../support/deliveries.ts';
import { accepted, deliveryRecords, recordingRoles } from '../support/recording-roles.ts';
import { submitAndApprove, SIGNED } from '../support/letters.ts';

const PREVIOUS_DATE = '2025-03-31';
const REFERENCE_DATE = '2025-06-30';
const MILLION = 100_000_000; // cents

describeEachDatabase('the annex since the previous letter', (database) => {
  let registrar: ApiCall;
  let finance: ApiCall;
  let disclosure: ApiCall;
  let author: ApiCall;
  let annex: AnnexSnapshot;
  const { delivery, value, pay } = deliveryRecords(() => ({ registrar, finance, disclosure, author }));
  const withEtag = async (path: string, method: string, body?: unknown) => {
    const current = await registrar('GET', path);
    return registrar(method, path, body, { 'If-Match': current.headers.get('ETag')! });
  };

  beforeAll(async () => {
    ({ registrar, finance, disclosure, author } = recordingRoles(database().db));
    const kept = await delivery({ ...stockDelivery, title: 'Blijft', committedAt: '2025-01-15', realisedAt: '2025-02-01' });
    await value(kept, 10 * MILLION, '2025-02-01');
    const removed = await delivery({ ...stockDelivery, title: 'Verwijderd', committedAt: '2025-01-15', realisedAt: '2025-02-01' });
    await value(removed, 3 * MILLION, '2025-02-01');
    const handedOverLater = await delivery({ ...stockDelivery, title: 'Later overgedragen', committedAt: '2025-01-15', realisedAt: '2025-02-01' });
    await value(handedOverLater, 4 * MILLION, '2025-02-01');
    const paid = await delivery({ ...procurement, title: 'Betaald', committedAt: '2025-01-15' });
    await pay(paid, 5 * MILLION, '2025-02-10');
    await accepted(disclosure('POST', '/disclosure-decisions', { deliveryIds: [kept, removed, handedOverLater, paid], state: 'confidential', ground: 'operationalSecurity' }));
    const previous = await accepted(author('POST', '/letters', { ...SIGNED, referenceDate: PREVIOUS_DATE, letterDate: '2025-04-10' }));
    const approved = await accepted(submitAndApprove({ author, disclosure }, previous.body.id, previous.headers.get('ETag')!), 200);
    await accepted(author('POST', `/letters/${previous.body.id}/finalisation`, {}, { 'If-Match': approved.headers.get('ETag')! }), 200);

    // Since: one removed, one corrected to be handed over after the new reference date, one new.
    expect((await withEtag(`/deliveries/${removed}`, 'DELETE')).status).toBe(204);
    await accepted(withEtag(`/deliveries/${handedOverLater}`, 'PATCH', { realisedAt: '2025-07-15' }), 200);
    const added = await delivery({ ...stockDelivery, title: 'Nieuw', committedAt: '2025-04-01', realisedAt: '2025-05-01' });
    await value(added, 6 * MILLION, '2025-05-01');
    await accepted(disclosure('POST', '/disclosure-decisions', { deliveryIds: [added], state: 'confidential', ground: 'operationalSecurity' }));
    const draft = await accepted(author('POST', '/letters', { ...SIGNED, referenceDate: REFERENCE_DATE, letterDate: '2025-07-10' }));
    annex = await annexSnapshot(database().db, draft.body.id, REFERENCE_DATE, false);
  });

  it('keeps the rows of the previous annex that it no longer counts, at their value then', () => {
    expect(annex.rows.map((row) => [row.title, row.valueCents, row.since])).toEqual([
      ['Blijft', 10 * MILLION, null],
      ['Betaald', 5 * MILLION, null],
      ['Nieuw', 6 * MILLION, 'new'],
    ]);
    expect(annex.noLongerListed!.map((row) => [row.title, row.since, row.previousValueCents])).toEqual([
      ['Later overgedragen', 'left', 4 * MILLION],
      ['Verwijderd', 'left', 3 * MILLION],
    ]);
  });

  it('says in its summary and in a section of its own what left it since the previous letter', () => {
    const document = annexDocument(annex);
    expect(document.summary[0]).toBe(
      'Sinds de vorige brief (peildatum 31 maart 2025): 1 levering nieuw. Deze is gemarkeerd in de kolom “Sinds vorige brief”. ' +
        '2 leveringen uit de vorige bijlage staan er niet meer in; zie “Niet meer in het overzicht sinds de vorige brief”.',
    );
    const left = document.sections.find((section) => section.heading === 'Niet meer in het overzicht sinds de vorige brief')!;
    expect(left.rows.map((row) => ('cells' in row ? [row.cells[0], row.cells[5], row.cells[7]] : row))).toEqual([
      ['Later overgedragen', '€\u00a04.000.000,00', 'telt niet meer mee'],
      ['Verwijderd', '€\u00a03.000.000,00', 'telt niet meer mee'],
    ]);
  });

  it('prints a value under a million to the cent as it prints any other, not as a fraction of a million', () => {
    const small = annexDocument({
      ...annex,
      rows: annex.rows.map((row) => (row.title === 'Blijft' ? { ...row, valueCents: 7_000_00 } : row.title === 'Betaald' ? { ...row, valueCents: 0 } : row)),
    });
    const values = Object.fromEntries(
      small.sections.flatMap((section) => section.rows).flatMap((row) => ('cells' in row && ['Blijft', 'Betaald', 'Nieuw'].includes(row.cells[0]!) ? [[row.cells[0], row.cells[5]]] : [])),
    );
    expect(values).toEqual({ Blijft: '€\u00a07.000,00', Betaald: '€\u00a00,00', Nieuw: '€\u00a06.000.000,00' });
  });
});

describeEachDatabase('a final letter’s annex verified per delivery', (database) => {
  it('names each delivery whose value at the reference date changed since, also when the changes make up for each other in the total', async () => {
    const roles = recordingRoles(database().db);
    const { delivery, value } = deliveryRecords(() => roles);
    const tents = await delivery({ ...stockDelivery, title: 'Tenten', committedAt: '2025-01-15', realisedAt: '2025-02-01' });
    await value(tents, 10 * MILLION, '2025-02-01');
    const stoves = await delivery({ ...stockDelivery, title: 'Kachels', committedAt: '2025-01-15', realisedAt: '2025-02-01' });
    await value(stoves, 5 * MILLION, '2025-02-01');
    await accepted(roles.disclosure('POST', '/disclosure-decisions', { deliveryIds: [tents, stoves], state: 'confidential', ground: 'operationalSecurity' }));
    const draft = await accepted(roles.author('POST', '/letters', { ...SIGNED, referenceDate: PREVIOUS_DATE, letterDate: '2025-04-10' }));
    const approved = await accepted(submitAndApprove(roles, draft.body.id, draft.headers.get('ETag')!), 200);
    await accepted(roles.author('POST', `/letters/${draft.body.id}/finalisation`, {}, { 'If-Match': approved.headers.get('ETag')! }), 200);
    expect(await verifyLetter(database().db, draft.body.id)).toMatchObject({ ok: true, differences: [] });

    // Learnt since, effective before the date: the one worth 2 more, the other 2 less.
    await value(tents, 12 * MILLION, '2025-03-01');
    await value(stoves, 3 * MILLION, '2025-03-01');
    expect(await verifyLetter(database().db, draft.body.id)).toMatchObject({
      ok: false,
      differences: [
        // In the annex's order: by date, then title.
        { figure: `annexRow:${stoves}`, published: 5 * MILLION, recomputed: 3 * MILLION },
        { figure: `annexRow:${tents}`, published: 10 * MILLION, recomputed: 12 * MILLION },
      ],
    });
  });
});
