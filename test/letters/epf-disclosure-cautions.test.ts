/**
 * The letter's EPF figures add up the Dutch claims whatever the delivery claimed for, and the work as implementing
 * actor whatever the delivery: as the table of realised support counts every delivery. Where an EPF figure the
 * text names is, once what the public knows already is set aside, the claims on one delivery not decided public
 * alone (or that delivery's worth as implementing actor), the letter gives it away; the disclosure officer reading
 * the draft is told so, without being kept from approving. A delivery claimed on needs its disclosure decision before
 * the letter is approved, as one realised does, realised or not.
 */
import { beforeAll, expect, it } from 'vitest';
import type { ApiCall } from '../api/client.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { procurement, stockDelivery } from '../support/deliveries.ts';
import { ifMatchCurrent, submitAndApprove, SIGNED } from '../support/letters.ts';
import { accepted, deliveryRecords, recordingRoles, type RecordingRoles } from '../support/recording-roles.ts';

const REFERENCE_DATE = '2025-06-30';
const LATER_DATE = '2025-09-30';
const MILLION = 100_000_000; // cents

/** A delivery valued at its realisation, decisions on it and Dutch claims on the EPF, as the people recording them do. */
function epfRecords(roles: () => RecordingRoles) {
  const { delivery, value } = deliveryRecords(roles);
  return {
    stock: async (title: string, millions: number, fundingSource = 'ukraineSupportBudget') => {
      const id = await delivery({ ...stockDelivery, title, fundingSource });
      await value(id, millions * MILLION, stockDelivery.realisedAt);
      return id;
    },
    makePublic: (deliveryId: string, publicTitle: string) =>
      accepted(roles().disclosure('POST', '/disclosure-decisions', { deliveryIds: [deliveryId], state: 'public', publicTitle, publicCategory: 'nonLethal', publicValue: true })),
    makeConfidential: (deliveryId: string) =>
      accepted(roles().disclosure('POST', '/disclosure-decisions', { deliveryIds: [deliveryId], state: 'confidential', ground: 'operationalSecurity' })),
    claim: async (fields: { deliveryId?: string; declared: number; declaredOn: string }) =>
      (
        await accepted(
          roles().finance('POST', '/epf/claims', {
            reference: `EPF-${crypto.randomUUID()}`,
            ...(fields.deliveryId ? { deliveryId: fields.deliveryId, batch: '' } : { batch: 'Munitie-initiatief' }),
            period: '2025',
            declaredCents: fields.declared * MILLION,
            declaredOn: fields.declaredOn,
          }),
        )
      ).body.claim.id as string,
  };
}

/** The letter's one text block, its EPF section, replaced by the author. */
async function writeEpfSection(author: ApiCall, letterId: string, text: string) {
  await accepted(author('PATCH', `/letters/${letterId}`, { blocks: [{ key: 'epf', heading: 'Europese Vredesfaciliteit', text }] }, await ifMatchCurrent(author, letterId)), 200);
}

describeEachDatabase('what a draft discloses of a single delivery through the EPF figures', (database) => {
  let registrar: ApiCall;
  let finance: ApiCall;
  let disclosure: ApiCall;
  let author: ApiCall;
  const { delivery, value } = deliveryRecords(() => ({ registrar, finance, disclosure, author }));
  const { stock, makePublic, makeConfidential, claim } = epfRecords(() => ({ registrar, finance, disclosure, author }));
  let letterId: string;
  const ids: Record<'known' | 'secret' | 'undecided' | 'knownWork' | 'secretWork', string> = { known: '', secret: '', undecided: '', knownWork: '', secretWork: '' };

  const compensateAndPay = async (claimId: string, millions: number, paidOn: string) => {
    await accepted(finance('POST', `/epf/claims/${claimId}/assessments`, { compensatedCents: millions * MILLION, assessedOn: '2025-05-10' }));
    await accepted(finance('POST', `/epf/claims/${claimId}/receipts`, { amountCents: millions * MILLION, receivedOn: paidOn }));
  };
  const letter = () => disclosure('GET', `/letters/${letterId}`);
  const figure = (body: any, name: string) => body.figures.find((named: any) => named.name === name)?.value;
  const epfCautions = async () =>
    (await letter()).body.disclosureCautions
      .filter((caution: any) => caution.kind === 'epfFigure')
      .map((caution: any) => [caution.figure, caution.year, caution.deliveryId, caution.cents]);

  beforeAll(async () => {
    ({ registrar, finance, disclosure, author } = recordingRoles(database().db));
    ids.known = await stock('Openbare generatoren', 10);
    await makePublic(ids.known, 'Generatoren');
    ids.secret = await stock('Geheime generatoren', 37);
    await makeConfidential(ids.secret);
    // Bought, not paid for: not realised, but a claim on it counts.
    ids.undecided = await delivery({ ...procurement, title: 'Onbesliste munitie' });
    await value(ids.undecided, 8 * MILLION, '2025-04-01');
    ids.knownWork = await stock('Openbare tenten als uitvoerder', 25, 'epf');
    await makePublic(ids.knownWork, 'Tenten voor de EU');
    ids.secretWork = await stock('Geheime tenten als uitvoerder', 60, 'epf');
    await makeConfidential(ids.secretWork);

    // Declared: the public delivery's claim is its public value; the confidential one's and a batch's are not known.
    await claim({ deliveryId: ids.known, declared: 10, declaredOn: '2025-05-01' });
    const secretClaim = await claim({ deliveryId: ids.secret, declared: 37, declaredOn: '2025-05-02' });
    await accepted(finance('POST', `/epf/claims/${secretClaim}/blockages`, { blocked: true, effectiveOn: '2025-06-01', reason: 'Veto van een lidstaat' }));
    const batch = await claim({ declared: 5, declaredOn: '2024-03-01' });
    await accepted(finance('POST', `/epf/claims/${batch}/assessments`, { compensatedCents: 5 * MILLION, assessedOn: '2024-04-01' }));
    await accepted(finance('POST', `/epf/claims/${batch}/receipts`, { amountCents: 5 * MILLION, receivedOn: '2024-05-01' }));
    const undecidedClaim = await claim({ deliveryId: ids.undecided, declared: 8, declaredOn: '2025-05-03' });
    await compensateAndPay(undecidedClaim, 8, '2025-06-15');

    letterId = (await accepted(author('POST', '/letters', { ...SIGNED, referenceDate: REFERENCE_DATE, letterDate: '2025-07-10' }))).body.id;
    const text =
      'Nederland verwerft als uitvoerder {{epfImplementingActor}} aan tenten. Nederland kreeg {{epfCompensated}} gecompenseerd, waarvan {{epfPaid:2024}} ' +
      'in 2024 en {{epfPaid:2025}} in 2025 is uitbetaald. Voor {{epfBlocked}} ligt de besluitvorming stil. In totaal heeft Nederland tot en met ' +
      '{{epfDeclaredUntil}} {{epfDeclared}} gedeclareerd.';
    await writeEpfSection(author, letterId, text);
  });

  it('tells the disclosure officer each EPF figure the text names that is one undisclosed delivery’s part alone', async () => {
    const { body } = await letter();
    // Every claim and all work as implementing actor count, whatever was decided of the delivery.
    expect(['epfImplementingActor', 'epfCompensated', 'epfPaid:2024', 'epfPaid:2025', 'epfBlocked', 'epfDeclared'].map((name) => figure(body, name))).toEqual([
      '€85 miljoen',
      '€13 mln.',
      '€5 mln.',
      '€8 mln.',
      '€37 mln.',
      '€60 mln.',
    ]);
    expect(await epfCautions()).toEqual([
      ['epfBlocked', null, ids.secret, 37 * MILLION],
      ['epfPaid', 2025, ids.undecided, 8 * MILLION],
      ['epfImplementingActor', null, ids.secretWork, 60 * MILLION],
    ]);
    expect(body.disclosureCautions.find((caution: any) => caution.kind === 'epfFigure')).toMatchObject({ title: 'Geheime generatoren' });
    // Only the disclosure officer is told.
    expect((await author('GET', `/letters/${letterId}`)).body.disclosureCautions).toBeNull();
  });

  it('approves the letter only once the delivery claimed on is decided, though not realised, and then all the same', async () => {
    const approve = async () => submitAndApprove({ author, disclosure }, letterId, (await author('GET', `/letters/${letterId}`)).headers.get('ETag')!);
    const refused = await accepted(approve(), 400);
    expect(refused.body.invalidParams).toEqual([{ name: 'referenceDate', code: 'undecidedDeliveries', reason: expect.stringMatching(/^Er is nog 1 tot de peildatum gerealiseerde of op de EPF gedeclareerde levering zonder besluit/) }]);
    expect((await accepted(disclosure('GET', `/disclosure-queue?referenceDate=${REFERENCE_DATE}`), 200)).body.neededForLetter).toBe(1);
    await makeConfidential(ids.undecided);
    expect(await epfCautions()).toContainEqual(['epfPaid', 2025, ids.undecided, 8 * MILLION]);
    await accepted(approve(), 200);
  });

  it('tells of no figure the text does not name', async () => {
    const text = 'Voor {{epfBlocked}} ligt de besluitvorming stil.';
    await writeEpfSection(author, letterId, text);
    expect(await epfCautions()).toEqual([['epfBlocked', null, ids.secret, 37 * MILLION]]);
  });

  it('tells of no more a delivery decided public with the value its claims declared', async () => {
    const text = 'Voor {{epfBlocked}} ligt de besluitvorming stil; in 2025 is {{epfPaid:2025}} uitbetaald.';
    await writeEpfSection(author, letterId, text);
    await makePublic(ids.secret, 'Generatoren (tweede levering)');
    expect(await epfCautions()).toEqual([['epfPaid', 2025, ids.undecided, 8 * MILLION]]);
  });
});

/**
 * Laid beside the previous final letter, an EPF figure gives away its change since: where only the claims on one
 * delivery not decided public changed it, the difference is that delivery's new claims.
 */
describeEachDatabase('what a draft discloses of a single delivery through the change of an EPF figure since the previous letter', (database) => {
  let registrar: ApiCall;
  let finance: ApiCall;
  let disclosure: ApiCall;
  let author: ApiCall;
  const { stock, makeConfidential, claim } = epfRecords(() => ({ registrar, finance, disclosure, author }));
  const TEXT = 'In totaal heeft Nederland tot en met {{epfDeclaredUntil}} {{epfDeclared}} gedeclareerd.';
  let secret: string;
  let other: string;
  let otherClaim: string;
  let draftId: string;
  const changeCautions = async () =>
    (await disclosure('GET', `/letters/${draftId}`)).body.disclosureCautions
      .filter((caution: any) => caution.kind === 'epfChange')
      .map((caution: any) => [caution.figure, caution.year, caution.since, caution.deliveryId, caution.cents]);

  beforeAll(async () => {
    ({ registrar, finance, disclosure, author } = recordingRoles(database().db));
    secret = await stock('Geheime generatoren', 37);
    other = await stock('Geheime tenten', 20);
    await makeConfidential(secret);
    await makeConfidential(other);
    // Two parts in the figure: no one delivery makes it.
    await claim({ deliveryId: secret, declared: 10, declaredOn: '2025-05-01' });
    await claim({ declared: 5, declaredOn: '2025-03-01' });
    const previousId = (await accepted(author('POST', '/letters', { ...SIGNED, referenceDate: REFERENCE_DATE, letterDate: '2025-07-10' }))).body.id;
    await writeEpfSection(author, previousId, TEXT);
    const approved = await accepted(submitAndApprove({ author, disclosure }, previousId, (await ifMatchCurrent(author, previousId))['If-Match']), 200);
    await accepted(author('POST', `/letters/${previousId}/finalisation`, {}, { 'If-Match': approved.headers.get('ETag')! }), 200);
  });

  it('tells the disclosure officer an EPF figure the text names whose change since the previous letter is one delivery’s new claims alone', async () => {
    await claim({ deliveryId: secret, declared: 7, declaredOn: '2025-08-01' });
    draftId = (await accepted(author('POST', '/letters', { ...SIGNED, referenceDate: LATER_DATE, letterDate: '2025-10-10' }))).body.id;
    await writeEpfSection(author, draftId, TEXT);
    // The figure itself is two parts, the secret delivery's and the batch's: only its change gives one away.
    const cautions = (await disclosure('GET', `/letters/${draftId}`)).body.disclosureCautions;
    expect(cautions.filter((caution: any) => caution.kind === 'epfFigure')).toEqual([]);
    expect(await changeCautions()).toEqual([['epfDeclared', null, REFERENCE_DATE, secret, 7 * MILLION]]);
    expect(cautions.find((caution: any) => caution.kind === 'epfChange')).toMatchObject({ title: 'Geheime generatoren' });
  });

  it('tells of no change that the new claims on two deliveries make', async () => {
    otherClaim = await claim({ deliveryId: other, declared: 3, declaredOn: '2025-08-15' });
    expect(await changeCautions()).toEqual([]);
  });

  it('tells of a change that is all of a figure’s one undisclosed part only as that part', async () => {
    await accepted(finance('POST', `/epf/claims/${otherClaim}/assessments`, { compensatedCents: 3 * MILLION, assessedOn: '2025-08-20' }));
    await accepted(finance('POST', `/epf/claims/${otherClaim}/receipts`, { amountCents: 3 * MILLION, receivedOn: '2025-09-01' }));
    await writeEpfSection(author, draftId, 'In 2025 is {{epfPaid:2025}} uitbetaald.');
    const cautions = (await disclosure('GET', `/letters/${draftId}`)).body.disclosureCautions;
    expect(cautions.map((caution: any) => [caution.kind, caution.figure, caution.year, caution.deliveryId, caution.cents])).toEqual([['epfFigure', 'epfPaid', 2025, other, 3 * MILLION]]);
  });
});
