/**
 * The annex lists what the letter's figures count as realised at its reference date, at what each counts for
 * then: not a purchase whose payments were all withdrawn by then (the figures and the public overview leave it
 * out too), a purchase partly withdrawn at what is left of it, one withdrawn after the date at what was paid.
 * A final letter whose annex was frozen listing such a purchase at €0 still verifies as it was frozen.
 * Nor does the letter wait for a disclosure decision on a purchase it counts nowhere.
 * And after a final letter, a withdrawal dated after its reference date leaves its table, annex, overview and
 * named figures as they were, while a hand-over corrected to after that date takes the delivery out of all of them.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { realisedTotalsAt } from '../../src/db/repositories/figures.ts';
import { findFrozenAnnex, newPublicDeliveriesBy } from '../../src/db/repositories/letters.ts';
import { AnnexSnapshotSchema, annexDocument, type AnnexSnapshot } from '../../src/letters/compose.ts';
import { sealed } from '../../src/letters/snapshot.ts';
import { annexSnapshot } from '../../src/register/annex.ts';
import { verifyLetter } from '../../src/register/letters.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { procurement, stockDelivery } from '../support/deliveries.ts';
import { submitAndApprove, SIGNED } from '../support/letters.ts';
import { accepted, deliveryRecords, recordingRoles, type RecordingRoles } from '../support/recording-roles.ts';

const REFERENCE_DATE = '2025-06-30';
const MILLION = 100_000_000; // cents

describeEachDatabase('the annex at its reference date, as the figures count what is realised', (database) => {
  let roles: RecordingRoles;
  const id = {} as Record<'stock' | 'withdrawn' | 'partly' | 'withdrawnAfter', string>;
  const payment = {} as Record<'withdrawn' | 'partly', string>;
  const { delivery, value, pay } = deliveryRecords(() => roles);
  const withdraw = (paymentId: string, withdrawnOn: string) =>
    accepted(roles.finance('POST', `/payments/${paymentId}/withdrawal`, { withdrawnOn, reason: 'Teruggeboekt' }));
  const annexAt = (referenceDate: string) => annexSnapshot(database().db, randomUUID(), referenceDate, false);
  const rows = (annex: AnnexSnapshot) => annex.rows.map((row) => [row.title, row.realisedAt, row.valueCents]);

  beforeAll(async () => {
    roles = recordingRoles(database().db);
    id.stock = await delivery({ ...stockDelivery, title: 'Generatoren', realisedAt: '2025-04-15' });
    await value(id.stock, 7 * MILLION, '2025-04-15');
    // Paid on 1 May; its only payment withdrawn on 1 June.
    id.withdrawn = await delivery({ ...procurement, title: 'Drones' });
    payment.withdrawn = await pay(id.withdrawn, 17 * MILLION, '2025-05-01');
    await withdraw(payment.withdrawn, '2025-06-01');
    // Paid twice; the first payment withdrawn on 1 June.
    id.partly = await delivery({ ...procurement, title: 'Munitie' });
    payment.partly = await pay(id.partly, 5 * MILLION, '2025-05-02');
    await pay(id.partly, 3 * MILLION, '2025-05-20');
    await withdraw(payment.partly, '2025-06-01');
    // Paid before the date, withdrawn after it.
    id.withdrawnAfter = await delivery({ ...procurement, title: 'Radars' });
    await withdraw(await pay(id.withdrawnAfter, 11 * MILLION, '2025-05-03'), '2025-07-15');
    await accepted(roles.disclosure('POST', '/disclosure-decisions', { deliveryIds: Object.values(id), state: 'confidential', ground: 'operationalSecurity' }));
  });

  it('leaves out a purchase whose only payment was withdrawn by the date, and counts the others at what they count for in the figures', async () => {
    const annex = await annexAt(REFERENCE_DATE);
    expect(rows(annex)).toEqual([
      ['Generatoren', '2025-04-15', 7 * MILLION],
      // Realised on its first payment, withdrawn or not; it counts for what is left.
      ['Munitie', '2025-05-02', 3 * MILLION],
      ['Radars', '2025-05-03', 11 * MILLION],
    ]);
    const totals = await realisedTotalsAt(database().db, REFERENCE_DATE);
    expect(annex.totalCents).toBe(Number(totals.stock + totals.procurement + totals.natoFund));
    const groups = annexDocument(annex).sections[0]!.rows.flatMap((row) => ('kind' in row && row.kind === 'group' ? [row.cells[0]] : []));
    expect(groups).toEqual([expect.stringMatching(/: 1 levering$/), expect.stringMatching(/: 2 leveringen$/), expect.stringMatching(/: 0 leveringen$/)]);
  });

  it('lists the purchase at a date while its payment stood', async () => {
    expect(rows(await annexAt('2025-05-31'))).toEqual([
      ['Generatoren', '2025-04-15', 7 * MILLION],
      ['Drones', '2025-05-01', 17 * MILLION],
      ['Munitie', '2025-05-02', 8 * MILLION],
      ['Radars', '2025-05-03', 11 * MILLION],
    ]);
  });

  it('verifies a final letter whose annex was frozen listing the withdrawn purchase at €0', async () => {
    const { db } = database();
    const draft = await accepted(roles.author('POST', '/letters', { ...SIGNED, referenceDate: REFERENCE_DATE, letterDate: '2025-07-10' }));
    const approved = await accepted(submitAndApprove(roles, draft.body.id, draft.headers.get('ETag')!), 200);
    await accepted(roles.author('POST', `/letters/${draft.body.id}/finalisation`, {}, { 'If-Match': approved.headers.get('ETag')! }), 200);
    // The annex as it was frozen before it followed the figures: the purchase among the rows, at €0.
    const stored = await db.selectFrom('letter').select('annexSnapshot').where('id', '=', draft.body.id).executeTakeFirstOrThrow();
    const frozen = AnnexSnapshotSchema.parse(JSON.parse(stored.annexSnapshot!));
    const listedAtZero = { ...frozen.rows[0]!, deliveryId: id.withdrawn, title: 'Drones', supportType: 'procurement' as const, realisedAt: '2025-05-01', valueCents: 0 };
    const old = sealed({ ...frozen, rows: [...frozen.rows, listedAtZero] });
    await sql`alter table letter disable trigger letter_final_is_frozen`.execute(db);
    try {
      await db.updateTable('letter').set({ annexSnapshot: old.text, annexSha256: old.sha256 }).where('id', '=', draft.body.id).execute();
    } finally {
      await sql`alter table letter enable trigger letter_final_is_frozen`.execute(db);
    }
    expect(await verifyLetter(db, draft.body.id)).toEqual({ ok: true, hashesMatch: true, differences: [], figureDifferences: [], annexDifferences: [] });
  });

  it('needs no disclosure decision for a purchase whose only payment was withdrawn by the date: the letter counts it nowhere', async () => {
    const neededAt = async (referenceDate: string) => (await accepted(roles.disclosure('GET', `/disclosure-queue?referenceDate=${referenceDate}`), 200)).body.neededForLetter;
    expect([await neededAt('2025-05-31'), await neededAt(REFERENCE_DATE)]).toEqual([0, 0]);
    const undecided = await delivery({ ...procurement, title: 'Helmen' });
    await withdraw(await pay(undecided, 2 * MILLION, '2025-05-04'), '2025-06-01');
    expect([await neededAt('2025-05-31'), await neededAt(REFERENCE_DATE)]).toEqual([1, 0]);
  });

  it('lists in the public overview no delivery from stock decided public that was not handed over, whatever the date', async () => {
    const { realisedAt, ...notHandedOver } = stockDelivery;
    const pending = await delivery({ ...notHandedOver, title: 'Tenten' });
    await accepted(roles.disclosure('POST', '/disclosure-decisions', { deliveryIds: [pending], state: 'public', publicTitle: 'Tenten', publicCategory: 'nonLethal' }));
    for (const date of [REFERENCE_DATE, '2099-12-31']) expect((await newPublicDeliveriesBy(database().db, date)).map((item) => item.title)).not.toContain('Tenten');
    expect((await annexAt(REFERENCE_DATE)).rows.map((row) => row.title)).not.toContain('Tenten');
  });
});

describeEachDatabase('a final letter’s figures, annex, overview and named figures after corrections dated after its reference date', (database) => {
  it('keeps counting a valuation or payment withdrawn after the date, and names in every one of them a realisation corrected to after it', async () => {
    const roles = recordingRoles(database().db);
    const { delivery, value, pay } = deliveryRecords(() => roles);
    const { db } = database();
    const decidePublic = (deliveryId: string, publicTitle: string) =>
      accepted(roles.disclosure('POST', '/disclosure-decisions', { deliveryIds: [deliveryId], state: 'public', publicTitle, publicCategory: 'other', publicValue: true }));
    const revalued = await delivery({ ...stockDelivery, title: 'Generatoren', realisedAt: '2025-05-01' });
    await value(revalued, 10 * MILLION, '2025-05-01');
    const revaluation = await value(revalued, 12 * MILLION, '2025-06-01');
    const corrected = await delivery({ ...stockDelivery, title: 'Tenten', realisedAt: '2025-05-01' });
    await value(corrected, 7 * MILLION, '2025-05-01');
    const paid = await delivery({ ...procurement, title: 'Munitie' });
    await value(paid, 9 * MILLION, '2025-05-02');
    const payment = await pay(paid, 9 * MILLION, '2025-05-02');
    for (const [deliveryId, title] of [[revalued, 'Generatoren'], [corrected, 'Tenten'], [paid, 'Munitie']] as const) await decidePublic(deliveryId, title);
    const draft = await accepted(roles.author('POST', '/letters', { ...SIGNED, referenceDate: REFERENCE_DATE, letterDate: '2025-07-10' }));
    const named = await accepted(roles.author('PATCH', `/letters/${draft.body.id}`, { blocks: [{ key: 'genoemd', heading: 'Genoemd', text: [revalued, corrected, paid].map((deliveryId) => `{{delivery:${deliveryId}}}`).join(' ') }] }, { 'If-Match': draft.headers.get('ETag')! }), 200);
    const approved = await accepted(submitAndApprove(roles, draft.body.id, named.headers.get('ETag')!), 200);
    const final = await accepted(roles.author('POST', `/letters/${draft.body.id}/finalisation`, {}, { 'If-Match': approved.headers.get('ETag')! }), 200);
    expect(Object.values(final.body.letter.namedFigures).sort()).toEqual(['€12 mln.', '€7 mln.', '€9 mln.']);
    const frozen = (await findFrozenAnnex(db, draft.body.id))!;
    expect(frozen.rows.map((row) => [row.title, row.valueCents])).toEqual([['Generatoren', 12 * MILLION], ['Tenten', 7 * MILLION], ['Munitie', 9 * MILLION]]);

    // Withdrawn after the reference date: the letter's every figure at that date stays.
    await accepted(roles.registrar('POST', `/valuations/${revaluation}/withdrawal`, { withdrawnOn: '2025-07-15', reason: 'Te hoog' }));
    await accepted(roles.finance('POST', `/payments/${payment}/withdrawal`, { withdrawnOn: '2025-07-15', reason: 'Teruggeboekt' }));
    expect(await verifyLetter(db, draft.body.id)).toEqual({ ok: true, hashesMatch: true, differences: [], figureDifferences: [], annexDifferences: [] });
    expect((await newPublicDeliveriesBy(db, REFERENCE_DATE)).map((item) => item.title).sort()).toEqual(['Generatoren', 'Munitie', 'Tenten']);

    // Handed over after the reference date after all: no longer in the table, the annex, the overview or the named figures at that date.
    const current = await roles.registrar('GET', `/deliveries/${corrected}`);
    await accepted(roles.registrar('PATCH', `/deliveries/${corrected}`, { realisedAt: '2025-07-15' }, { 'If-Match': current.headers.get('ETag')! }), 200);
    const { publicId } = await db.selectFrom('delivery').select('publicId').where('id', '=', corrected).executeTakeFirstOrThrow();
    const verification = await verifyLetter(db, draft.body.id);
    const difference = (figure: string) => verification.differences.find((line) => line.figure === figure);
    expect([difference('stock'), difference('total')].map((line) => line && line.published - line.recomputed)).toEqual([7 * MILLION, 7 * MILLION]);
    expect(difference(`annexRow:${corrected}`)).toEqual({ figure: `annexRow:${corrected}`, published: 7 * MILLION, recomputed: 0 });
    expect(verification.figureDifferences).toEqual([{ figure: `delivery:${publicId}`, published: '€7 mln.', recomputed: '' }]);
    expect((await newPublicDeliveriesBy(db, REFERENCE_DATE)).map((item) => item.title).sort()).toEqual(['Generatoren', 'Munitie']);
  });
});
