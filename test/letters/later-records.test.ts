/**
 * A letter that follows a final letter, composed at its reference date: the comparison with the previous
 * letter (its table, the restated footnote, the headline and the increase), the work for the EU as
 * implementing actor, the cost of a training, the decisions not to replace stock, and the annex as a
 * whole. Each section gets a record dated on the reference date, which counts, and one dated after it,
 * which does not; records of every domain dated after the reference date, export control included,
 * leave the draft's letter and annex as they were.
 */
import { beforeAll, expect, it } from 'vitest';
import { systemContext } from '../../src/audit/trail.ts';
import type { AnnexSnapshot } from '../../src/letters/compose.ts';
import type { PublicLetterSnapshot } from '../../src/letters/snapshot.ts';
import { annexSnapshot } from '../../src/register/annex.ts';
import { assess } from '../../src/register/export-control.ts';
import type { ApiCall } from '../api/client.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { procurement, stockDelivery } from '../support/deliveries.ts';
import { licenseForShipment, positiveAssessment } from '../support/export-control.ts';
import { accepted, deliveryRecords, recordingRoles } from '../support/recording-roles.ts';
import { submitAndApprove, SIGNED } from '../support/letters.ts';

const PREVIOUS_DATE = '2025-03-31';
const REFERENCE_DATE = '2025-06-30';
const AFTER = '2025-07-01';
const MILLION = 100_000_000; // cents

describeEachDatabase('a letter after a final letter, at its reference date in every section', (database) => {
  let registrar: ApiCall;
  let finance: ApiCall;
  let disclosure: ApiCall;
  let author: ApiCall;
  let letterId: string;
  const id = {} as Record<'spares' | 'tents' | 'stoves' | 'ammunition' | 'forTheEu' | 'programme', string>;

  const { delivery, value, pay } = deliveryRecords(() => ({ registrar, finance, disclosure, author }));
  const decideNotToReplace = (deliveryId: string, decidedOn: string, revaluation: { amountCents: number; effectiveDate: string } | null) =>
    accepted(registrar('POST', `/deliveries/${deliveryId}/non-replacement-decisions`, {
      decidedOn,
      reason: `Niet vervangen (${decidedOn})`,
      revaluation: revaluation && { ...revaluation, basis: 'bookValue' },
    }));
  const cost = (countsUpTo: string, costEstimateCents: number) =>
    accepted(registrar('POST', `/training-programmes/${id.programme}/contributions`, { periodFrom: '2026-01-01', countsUpTo, costEstimateCents, fundingSource: 'internationalSecurityBudget' }));
  const confidential = (deliveryIds: string[]) =>
    accepted(disclosure('POST', '/disclosure-decisions', { deliveryIds, state: 'confidential', ground: 'operationalSecurity' }));
  const text = (names: string[]) => names.map((name) => `${name}={{${name}}}`).join('; ');
  const FIGURES = ['headline', 'increase', 'increasePercent', 'previousReferenceDate', 'stock', 'procurement', 'total', 'epfImplementingActor', 'training:proef.costEstimate'];

  const readDraft = async () => (await author('GET', `/letters/${letterId}`)).body;
  const draftAnnex = () => annexSnapshot(database().db, letterId, REFERENCE_DATE, false);
  const figureTable = (letter: PublicLetterSnapshot) => {
    const table = letter.sections.flatMap((section) => section.blocks).find((block) => block.kind === 'table');
    return table?.kind === 'table' ? table.table.rows.map((row) => row.cells.map((cell) => cell.map((part) => (typeof part === 'string' ? part : `[^${part.footnote}]`)).join(''))) : [];
  };

  beforeAll(async () => {
    ({ registrar, finance, disclosure, author } = recordingRoles(database().db));

    // The previous letter, at 31 March: one stock delivery at € 10 mln.
    id.spares = await delivery({ ...stockDelivery, title: 'Reservedelen', committedAt: '2025-01-15', realisedAt: '2025-02-01' });
    await value(id.spares, 10 * MILLION, '2025-02-01');
    await confidential([id.spares]);
    const previous = await accepted(author('POST', '/letters', { ...SIGNED, referenceDate: PREVIOUS_DATE, letterDate: '2025-04-10' }));
    const approved = await accepted(submitAndApprove({ author, disclosure }, previous.body.id, previous.headers.get('ETag')!), 200);
    await accepted(author('POST', `/letters/${previous.body.id}/finalisation`, {}, { 'If-Match': approved.headers.get('ETag')! }), 200);

    // Entered since: the spares were worth 30 on 15 March (the previous letter's figure restated, by more than the
    // table's € 0,01 mld. tells apart), 12 from May, 20 after the date.
    await value(id.spares, 30 * MILLION, '2025-03-15');
    await value(id.spares, 12 * MILLION, '2025-05-01');
    await value(id.spares, 20 * MILLION, AFTER);
    id.tents = await delivery({ ...stockDelivery, title: 'Tenten', realisedAt: REFERENCE_DATE });
    await value(id.tents, 6 * MILLION, REFERENCE_DATE);
    id.ammunition = await delivery({ ...procurement, title: 'Munitie' });
    await pay(id.ammunition, 3 * MILLION, REFERENCE_DATE);
    await pay(id.ammunition, 4 * MILLION, AFTER);
    // Work for the EU: valued on the date, revalued after it; more work valued only after it.
    id.forTheEu = await delivery({ ...stockDelivery, title: 'Drones voor de EU', fundingSource: 'epf', realisedAt: '2025-05-01' });
    await value(id.forTheEu, 100 * MILLION, REFERENCE_DATE);
    await value(id.forTheEu, 150 * MILLION, AFTER);
    const laterWork = await delivery({ ...stockDelivery, title: 'Later werk voor de EU', fundingSource: 'epf', realisedAt: '2025-05-01' });
    await value(laterWork, 40 * MILLION, AFTER);
    // Work for the EU valued on the date but realised only after it: handed over after it, paid after it, or not paid at all.
    const handedOverLater = await delivery({ ...stockDelivery, title: 'Later overgedragen werk voor de EU', fundingSource: 'epf', realisedAt: AFTER });
    await value(handedOverLater, 50 * MILLION, REFERENCE_DATE);
    const paidLater = await delivery({ ...procurement, title: 'Later betaald werk voor de EU', fundingSource: 'epf' });
    await value(paidLater, 60 * MILLION, REFERENCE_DATE);
    await pay(paidLater, 60 * MILLION, AFTER);
    const unpaid = await delivery({ ...procurement, title: 'Onbetaald werk voor de EU', fundingSource: 'epf' });
    await value(unpaid, 70 * MILLION, REFERENCE_DATE);
    // Not replacing, decided on the date: the spares without a revaluation, the stoves revalued (from 2 to 1) on
    // it, the tents revalued only from after it.
    id.stoves = await delivery({ ...stockDelivery, title: 'Kachels', realisedAt: '2025-05-01' });
    await value(id.stoves, 2 * MILLION, '2025-05-01');
    await decideNotToReplace(id.spares, REFERENCE_DATE, null);
    await decideNotToReplace(id.stoves, REFERENCE_DATE, { amountCents: 1 * MILLION, effectiveDate: REFERENCE_DATE });
    await decideNotToReplace(id.tents, REFERENCE_DATE, { amountCents: 1 * MILLION, effectiveDate: AFTER });
    // The cost of a training estimated on the date, and again after it.
    id.programme = (await accepted(registrar('POST', '/training-programmes', { key: 'proef', name: 'Proeftraining', hostCountry: 'GB', framework: 'coalition' }))).body.id;
    await cost(REFERENCE_DATE, 5 * MILLION);
    await cost(AFTER, 9 * MILLION);
    await confidential([id.tents, id.stoves, id.ammunition, id.forTheEu, laterWork]);

    const draft = await accepted(author('POST', '/letters', { ...SIGNED, referenceDate: REFERENCE_DATE, letterDate: '2025-07-10' }));
    letterId = draft.body.id;
    await accepted(author('PATCH', `/letters/${letterId}`, { blocks: [{ key: 'cijfers', heading: 'Cijfers', text: `${text(FIGURES)}\n\n{{figuresTable}}` }] }, { 'If-Match': draft.headers.get('ETag')! }), 200);
  });

  it('gives the dashboard the sentence a letter at the reference date prints: compared with the total the letter it follows printed, whatever date its table compares with', async () => {
    const { letter } = await readDraft();
    const figures = (await author('GET', `/figures?referenceDate=${REFERENCE_DATE}&compareDate=${PREVIOUS_DATE}`)).body;
    expect(figures.headline).toBe(letter.namedFigures.headline);
    expect([figures.total.compare.cents, figures.total.reference.cents]).toEqual([30 * MILLION, 22 * MILLION]);
    expect(figures.headlineComparedWith).toEqual({ referenceDate: PREVIOUS_DATE, printedTotalCents: 10 * MILLION });
    // The table compared with another date, the sentence still compares as the letter does, with the letter it follows.
    const otherDate = (await author('GET', `/figures?referenceDate=${REFERENCE_DATE}&compareDate=2025-03-30`)).body;
    expect([otherDate.headline, otherDate.headlineComparedWith]).toEqual([letter.namedFigures.headline, figures.headlineComparedWith]);
    // Before the first final letter, a letter compares with none, and so does the sentence.
    const beforeAnyLetter = (await author('GET', `/figures?referenceDate=${PREVIOUS_DATE}&compareDate=2025-01-01`)).body;
    expect(beforeAnyLetter.headlineComparedWith).toBeNull();
    expect(beforeAnyLetter.headline).toBe('De totale waarde van de gerealiseerde militaire steun aan Oekraïne bedroeg op 31 maart 2025 €30 mln.');
  });

  it('compares with the previous letter as it printed its figures, restated as they stood on its own reference date', async () => {
    const { letter, problems } = await readDraft();
    expect(problems).toEqual([]);
    // Spares 12 (not the 20 after the date), stoves 1 and tents 6; ammunition paid 3 on the date (not the 4 after it).
    expect(Object.fromEntries(letter.figures.lines.map((line: any) => [line.key, [line.reportedPreviousCents, line.restatedPreviousCents, line.currentCents]]))).toEqual({
      stock: [10 * MILLION, 30 * MILLION, 19 * MILLION],
      // Restated only where the letter prints a restatement.
      procurement: [0, null, 3 * MILLION],
      natoFund: [0, null, 0],
      total: [10 * MILLION, 30 * MILLION, 22 * MILLION],
    });
    expect(letter.namedFigures).toMatchObject({
      increase: '€12 mln.',
      increasePercent: '120 procent',
      previousReferenceDate: '31 maart 2025',
      stock: '€19 mln.',
      procurement: '€3 mln.',
      total: '€22 mln.',
    });
    expect(letter.namedFigures.headline).toBe(
      'De totale waarde van de gerealiseerde militaire steun aan Oekraïne bedroeg op 30 juni 2025 €22 mln. Dit is een toename van €12 mln. of 120 procent ten opzichte van de vorige leveringenbrief.',
    );
    // The previous column as that letter printed it; where it was restated since, a footnote.
    expect(figureTable(letter)).toEqual([
      ['Directe levering (vervangingswaarde)[^1]', '€ 0,01 mld.', '€ 0,019 mld.'],
      ['Commerciële verwervingen', '€ 0 mld.', '€ 0,003 mld.'],
      ['NAVO-fonds', '€ 0 mld.', '€ 0 mld.'],
      ['Totaal[^2]', '€ 0,01 mld.', '€ 0,022 mld.'],
    ]);
    expect(letter.footnotes.map((note: any) => note.text)).toEqual([
      'Herzien: volgens de huidige gegevens bedroeg dit op 31 maart 2025 €0,03 mld., niet €0,01 mld. zoals in de vorige brief.',
      'Herzien: volgens de huidige gegevens bedroeg dit op 31 maart 2025 €0,03 mld., niet €0,01 mld. zoals in de vorige brief.',
    ]);
  });

  it('prints the work for the EU and the cost of a training as they stood on the reference date', async () => {
    const { letter } = await readDraft();
    expect(letter.namedFigures).toMatchObject({ epfImplementingActor: '€100 miljoen', 'training:proef.costEstimate': '€5 mln.' });
    const annex = await draftAnnex();
    // Only a cost was estimated by then: no training given was counted, so the annex has no row of it.
    expect(annex.trainingByProgramme).toEqual([]);
    expect(annex.rows.filter((row) => row.implementingActorCents != null).map((row) => [row.title, row.implementingActorCents])).toEqual([['Drones voor de EU', 100 * MILLION]]);
    expect(annex.totalCents).toBe(22 * MILLION);
  });

  it('lists in the annex the decisions not to replace taken by the reference date, and the value of what was not replaced then', async () => {
    const annex = await draftAnnex();
    const readiness = Object.fromEntries(annex.readinessByDelivery!.map((row) => [row.delivery, row.nonReplacements]));
    expect(readiness).toEqual({
      'Drones voor de EU': [],
      Kachels: [{ decidedOn: REFERENCE_DATE, reason: `Niet vervangen (${REFERENCE_DATE})`, revalued: true }],
      'Later werk voor de EU': [],
      Reservedelen: [{ decidedOn: REFERENCE_DATE, reason: `Niet vervangen (${REFERENCE_DATE})`, revalued: false }],
      // Decided by then, but its revaluation holds only from after it: not yet revalued at the date.
      Tenten: [{ decidedOn: REFERENCE_DATE, reason: `Niet vervangen (${REFERENCE_DATE})`, revalued: false }],
    });
    expect(Object.fromEntries(annex.rows.filter((row) => row.implementingActorCents == null).map((row) => [row.title, row.valueCents]))).toEqual({
      Kachels: 1 * MILLION,
      Reservedelen: 12 * MILLION,
      Tenten: 6 * MILLION,
      Munitie: 3 * MILLION,
    });
  });

  it('prints the same letter and annex when read again after records of every domain dated after the reference date', async () => {
    const { db } = database();
    const before = (await readDraft()).letter as PublicLetterSnapshot;
    const annexBefore = await draftAnnex();

    await value(id.tents, 30 * MILLION, '2025-07-02');
    await pay(id.ammunition, 2 * MILLION, '2025-07-02');
    await value(id.forTheEu, 300 * MILLION, '2025-07-02');
    await decideNotToReplace(id.spares, '2025-07-02', { amountCents: 2 * MILLION, effectiveDate: '2025-07-02' });
    await accepted(registrar('POST', `/deliveries/${id.spares}/readiness-judgements`, { effect: 'unacceptable', reasoning: 'Later beoordeeld.', judgedOn: '2025-07-02' }));
    await accepted(registrar('POST', '/replenishment-projects', { name: 'Later aangevuld', stage: 'approved', replaces: [{ deliveryId: id.tents, replacedValueCents: 1 * MILLION }], asOf: '2025-07-02' }));
    await cost('2025-07-02', 7 * MILLION);
    await accepted(registrar('POST', `/training-programmes/${id.programme}/contributions`, { periodFrom: '2025-07-01', countsUpTo: '2025-07-02', trainers: 30, trainees: 300 }));
    const laterProgramme = (await accepted(registrar('POST', '/training-programmes', { key: 'later', name: 'Latere training', hostCountry: 'DE', framework: 'bilateral' }))).body.id;
    await accepted(registrar('POST', `/training-programmes/${laterProgramme}/contributions`, { periodFrom: '2025-07-01', countsUpTo: '2025-07-02', trainers: 5 }));
    await accepted(finance('POST', '/budget/decisions', { moment: 'Later', decidedOn: '2025-07-02', fund: 'internationalSecurityBudget', firstYear: 2025, lastYear: 2025, amounts: [{ budgetYear: 2025, amountCents: 1000 * MILLION }], description: '' }));
    await accepted(finance('POST', '/budget/commitments', { title: 'Latere toezegging', fund: 'internationalSecurityBudget', budgetYear: 2025, stage: 'pledged', amountCents: 10 * MILLION, effectiveOn: '2025-07-02' }));
    await accepted(finance('POST', '/epf/tranches', { kind: 'windfallProfits', name: 'Latere tranche', euAmountCents: 1000 * MILLION, decidedOn: '2025-07-02', dutchRole: 'implementingActor' }));
    const claim = (await accepted(finance('POST', '/epf/claims', { reference: 'EPF-LATER', batch: 'Later', period: '2025', declaredCents: 1 * MILLION, declaredOn: '2025-07-02' }))).body.claim.id;
    await accepted(finance('POST', `/epf/claims/${claim}/assessments`, { compensatedCents: 1 * MILLION, assessedOn: '2025-07-03', remainderExpectedBy: 2027 }));
    await accepted(finance('POST', `/epf/claims/${claim}/receipts`, { amountCents: 1 * MILLION, receivedOn: '2025-07-04' }));
    const company = (await accepted(registrar('POST', '/companies', { name: 'Later B.V.', country: 'NL', registrationNumber: null }))).body.id;
    await accepted(registrar('POST', '/industry-contracts', { companyId: company, reference: 'G2B-LATER', subject: 'Drones', amountCents: 70 * MILLION, signedOn: '2025-07-02', milestones: [{ title: 'Levering', dueOn: '2025-12-31' }] }));
    await accepted(registrar('POST', '/coproduction-projects', { title: 'Later samen', partner: 'Oekraïense partner', stage: 'intention', reachedOn: '2025-07-02' }));
    // Export control: an assessment and a licence after the date, of a delivery realised before it and one realised after it.
    await assess(db, systemContext('test-assessor'), id.spares, { ...positiveAssessment, assessedOn: '2025-07-02' });
    const shippedLater = await delivery({ ...stockDelivery, title: 'Later geleverd', realisedAt: null });
    await licenseForShipment(db, shippedLater, { issuedOn: '2025-07-02', validUntil: '2026-07-01' });
    const current = await registrar('GET', `/deliveries/${shippedLater}`);
    await accepted(registrar('PATCH', `/deliveries/${shippedLater}`, { realisedAt: '2025-07-03' }, { 'If-Match': current.headers.get('ETag')! }), 200);
    await value(shippedLater, 8 * MILLION, '2025-07-03');
    await confidential([shippedLater]);

    const after = (await readDraft()).letter as PublicLetterSnapshot;
    expect({ figures: after.figures, namedFigures: after.namedFigures, sections: after.sections, footnotes: after.footnotes, overview: after.overview }).toEqual({
      figures: before.figures,
      namedFigures: before.namedFigures,
      sections: before.sections,
      footnotes: before.footnotes,
      overview: before.overview,
    });
    expect(await draftAnnex()).toEqual<AnnexSnapshot>(annexBefore);
  });
});
