/**
 * EPF claims through the API: finance declares, the EU assesses and pays, a veto blocks; every addition is a
 * row of history with its audit event, and bad input is refused naming the field, changing nothing. Work
 * as implementing actor is shown, never counted in a Dutch total, and cannot be claimed.
 */
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { systemContext } from '../../src/audit/trail.ts';
import { realisedTotalsAt } from '../../src/db/repositories/figures.ts';
import { assessClaim } from '../../src/register/epf.ts';
import { NotFoundError } from '../../src/register/errors.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { registerShipped } from '../support/export-control.ts';
import { fittingBasis } from '../support/deliveries.ts';
import { apiClient, type ApiCall } from './client.ts';

const MILLION = 100_000_000; // cents
const claimInput = (fields: Record<string, unknown> = {}) => ({
  reference: `EPF-${crypto.randomUUID()}`,
  batch: 'Leveringen uit voorraad',
  period: '2024',
  declaredCents: 10 * MILLION,
  declaredOn: '2025-01-15',
  ...fields,
});

describeEachDatabase('EPF claims API', (database) => {
  let finance: ApiCall;
  let registrar: ApiCall;
  beforeAll(() => {
    finance = apiClient(database().db, { role: 'finance' });
    registrar = apiClient(database().db, { role: 'registrar' });
  });

  const claimCount = async () => (await finance('GET', '/epf/claims')).body.total as number;
  const events = async (action: string) =>
    (await database().db.selectFrom('auditEvent').select('objectId').where('action', '=', action).execute()).map((row) => row.objectId);

  it('declares a claim, assesses it, receives on it and blocks it, each a row of history with its audit event', async () => {
    const created = await finance('POST', '/epf/claims', claimInput());
    expect(created.status).toBe(201);
    const id = created.body.claim.id;
    expect(created.headers.get('location')).toBe(`/epf/claims/${id}`);
    expect(created.body.state).toMatchObject({ status: 'open', compensatedCents: 0 });

    const assessed = await finance('POST', `/epf/claims/${id}/assessments`, { compensatedCents: 8 * MILLION, assessedOn: '2025-03-01', remainderExpectedBy: 2027 });
    expect(assessed.status).toBe(201);
    expect(assessed.body.state).toMatchObject({ status: 'compensated', compensatedCents: 8 * MILLION, outstandingCents: 8 * MILLION });
    const received = await finance('POST', `/epf/claims/${id}/receipts`, { amountCents: 3 * MILLION, receivedOn: '2025-04-01' });
    expect(received.body.state).toMatchObject({ paidCents: 3 * MILLION, outstandingCents: 5 * MILLION });
    const blocked = await finance('POST', `/epf/claims/${id}/blockages`, { blocked: true, effectiveOn: '2025-05-01', reason: 'Veto van een lidstaat' });
    expect(blocked.body.state).toMatchObject({ status: 'blocked', blockedReason: 'Veto van een lidstaat' });
    expect(blocked.body.assessments).toHaveLength(1);

    // At a date before the blockage, the claim stood as it did then.
    const april = await finance('GET', '/epf/claims?date=2025-04-15');
    expect(april.body.items.find((item: any) => item.id === id)).toMatchObject({ status: 'compensated', paidCents: 3 * MILLION });
    const overview = await finance('GET', '/epf/overview?date=2025-04-15');
    expect(overview.body).toMatchObject({ declaredCents: 10 * MILLION, compensatedCents: 8 * MILLION, outstandingCents: 5 * MILLION, paidByYear: [{ year: 2025, cents: 3 * MILLION }] });

    for (const action of ['epf.claim.create', 'epf.claim.assess', 'epf.claim.receive', 'epf.claim.block']) expect(await events(action)).toContain(id);
    // History is added, never changed: the database refuses.
    await expect(database().db.updateTable('epfClaim').set({ declaredCents: 1 }).where('id', '=', id).execute()).rejects.toThrow(/never changed/);
  });

  it('releases only a blocked claim, on or after the day it was blocked, saying why in Dutch and English', async () => {
    const { claim } = (await finance('POST', '/epf/claims', claimInput())).body;
    const release = (effectiveOn: string, language = 'nl') => finance('POST', `/epf/claims/${claim.id}/blockages`, { blocked: false, effectiveOn }, { 'Accept-Language': language });
    const unblocked = await release('2025-03-01', 'en');
    expect(unblocked.status).toBe(400);
    expect(unblocked.body.invalidParams).toEqual([{ name: 'blocked', code: 'notBlocked', reason: 'This claim is not blocked on that date: there is no blockage to lift.' }]);
    expect((await finance('POST', `/epf/claims/${claim.id}/blockages`, { blocked: true, effectiveOn: '2025-05-01', reason: 'Veto van een lidstaat' })).status).toBe(201);
    const early = await release('2025-04-30');
    expect(early.body.invalidParams).toEqual([
      { name: 'effectiveOn', code: 'beforeBlockage', reason: 'De declaratie is pas vanaf 1 mei 2025 geblokkeerd; een opheffing ligt op of na die datum.' },
    ]);
    expect((await finance('GET', `/epf/claims/${claim.id}`)).body.blockages).toHaveLength(1);
    const released = await release('2025-06-01');
    expect(released.status).toBe(201);
    expect(released.body.state).toMatchObject({ status: 'open', blockedReason: null });
    expect((await release('2025-07-01')).body.invalidParams).toEqual([expect.objectContaining({ name: 'blocked', code: 'notBlocked' })]);
  });

  it('receives nothing on a claim while it is blocked, nor blocks it over money received, saying so in Dutch and English, and stores nothing', async () => {
    const { claim } = (await finance('POST', '/epf/claims', claimInput())).body;
    expect((await finance('POST', `/epf/claims/${claim.id}/assessments`, { compensatedCents: 8 * MILLION, assessedOn: '2025-03-01' })).status).toBe(201);
    expect((await finance('POST', `/epf/claims/${claim.id}/receipts`, { amountCents: MILLION, receivedOn: '2025-04-01' })).status).toBe(201);
    const overReceipt = await finance('POST', `/epf/claims/${claim.id}/blockages`, { blocked: true, effectiveOn: '2025-03-15', reason: 'Veto' }, { 'Accept-Language': 'en' });
    expect(overReceipt.body.invalidParams).toEqual([
      { name: 'effectiveOn', code: 'moneyReceivedSince', reason: 'Money was received on this claim on 1 April 2025, so it was not blocked then; choose a date after that receipt.' },
    ]);
    expect((await finance('POST', `/epf/claims/${claim.id}/blockages`, { blocked: true, effectiveOn: '2025-05-01', reason: 'Veto' })).status).toBe(201);
    const whileBlocked = await finance('POST', `/epf/claims/${claim.id}/receipts`, { amountCents: MILLION, receivedOn: '2025-05-02' });
    expect(whileBlocked.body.invalidParams).toEqual([
      { name: 'receivedOn', code: 'receivedWhileBlocked', reason: 'De declaratie is op die datum geblokkeerd (sinds 1 mei 2025): op een geblokkeerde declaratie wordt niets ontvangen.' },
    ]);
    expect((await finance('GET', `/epf/claims/${claim.id}`)).body).toMatchObject({ receipts: [expect.objectContaining({ receivedOn: '2025-04-01' })], blockages: [expect.objectContaining({ effectiveOn: '2025-05-01' })] });
  });

  it('refuses a claim for neither a delivery nor a batch with the rule, at the batch, in Dutch and English, and stores nothing', async () => {
    const before = await claimCount();
    for (const [batch, language, reason] of [
      ['', 'nl', 'Kies een levering, of beschrijf wat de bundel omvat.'],
      ['   ', 'en', 'Choose a delivery, or describe what the batch covers.'],
    ] as const) {
      const neither = await finance('POST', '/epf/claims', claimInput({ batch }), { 'Accept-Language': language });
      expect(neither.status).toBe(400);
      expect(neither.body.invalidParams).toEqual([{ name: 'batch', code: 'deliveryOrBundle', reason }]);
    }
    expect(await claimCount()).toBe(before);
  });

  it('refuses a claim under the reference of another, whatever its case and spacing, in Dutch and English', async () => {
    const reference = `EPF-NL ${crypto.randomUUID()}`;
    expect((await finance('POST', '/epf/claims', claimInput({ reference }))).status).toBe(201);
    const before = (await finance('GET', '/epf/claims?date=2025-12-31')).body.total;
    for (const [typed, language, reason] of [
      [reference.toLowerCase(), 'nl', 'Er is al een declaratie met dit kenmerk (hoofdletters tellen niet mee, meerdere spaties als één).'],
      [reference.replace(' ', '   '), 'en', 'There is a claim with this reference already (capitals do not count, several spaces count as one).'],
    ] as const) {
      const twice = await finance('POST', '/epf/claims', claimInput({ reference: typed }), { 'Accept-Language': language });
      expect(twice.status).toBe(400);
      expect(twice.body.invalidParams).toEqual([{ name: 'reference', code: 'referenceTaken', reason }]);
    }
    expect((await finance('GET', '/epf/claims?date=2025-12-31')).body.total).toBe(before);
  });

  it('records a tranche of a kind once, whatever the case, accents and spaces of its name, naming the one recorded, and counts it once', async () => {
    const tranche = (name: string, kind = 'windfallProfits') => ({ kind, name, euAmountCents: 1400 * MILLION, decidedOn: '2025-03-01', dutchRole: 'none' });
    expect((await finance('POST', '/epf/tranches', tranche('QA Windfall-tranche 3'))).status).toBe(201);
    const tranchesBefore = (await finance('GET', '/epf/overview?date=2025-08-31')).body.tranches;
    for (const [language, reason] of [
      ['nl', 'Deze tranche staat al in het register: "QA Windfall-tranche 3" van deze soort (hoofdletters, accenten, meerdere spaties, punten in afkortingen en letters die er hetzelfde uitzien tellen niet mee).'],
      ['en', 'This tranche is already in the register: "QA Windfall-tranche 3" of this kind (capitals, accents, several spaces, dots in abbreviations and letters that look the same do not count).'],
    ] as const) {
      for (const name of ['QA Windfall-tranche 3', 'qa windfall-tranche 3', 'QA  Wíndfall-tranche 3 ']) {
        const again = await finance('POST', '/epf/tranches', tranche(name), { 'Accept-Language': language });
        expect(again.status, name).toBe(400);
        expect(again.body.invalidParams).toEqual([{ name: 'name', code: 'trancheNameTaken', reason }]);
      }
    }
    expect((await finance('GET', '/epf/overview?date=2025-08-31')).body.tranches).toEqual(tranchesBefore);
    // A tranche of the other kind may have the name; sent at the same moment, one of a name is recorded.
    expect((await finance('POST', '/epf/tranches', tranche('QA Windfall-tranche 3', 'assistanceMeasure'))).status).toBe(201);
    const answers = await Promise.all(['QA Tranche 4', 'qa tranche 4', 'QA  TRANCHE 4'].map((name) => finance('POST', '/epf/tranches', tranche(name))));
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 400, 400]);
  });

  it('refuses to block a claim that is blocked already, naming since when, and changes nothing', async () => {
    const { claim } = (await finance('POST', '/epf/claims', claimInput())).body;
    const block = (effectiveOn: string, language = 'nl') =>
      finance('POST', `/epf/claims/${claim.id}/blockages`, { blocked: true, effectiveOn, reason: 'Veto van een lidstaat' }, { 'Accept-Language': language });
    expect((await block('2025-05-01')).status).toBe(201);
    for (const [effectiveOn, name] of [['2025-05-01', 'blocked'], ['2025-06-01', 'blocked'], ['2025-04-01', 'effectiveOn']] as const) {
      const again = await block(effectiveOn, 'en');
      expect(again.status).toBe(400);
      expect(again.body.invalidParams).toEqual([
        { name, code: 'alreadyBlocked', reason: 'The claim is blocked from 1 May 2025 until that blockage is released; a claim is not blocked twice.' },
      ]);
    }
    expect((await finance('GET', `/epf/claims/${claim.id}`)).body.blockages).toHaveLength(1);
    expect((await finance('POST', `/epf/claims/${claim.id}/blockages`, { blocked: false, effectiveOn: '2025-06-01' })).status).toBe(201);
    expect((await block('2025-07-01')).status).toBe(201);
  });

  it('lists the claims a page at a time in the order of declaration, from cursors it made, with their count', async () => {
    const declaredOn = ['2016-03-01', '2016-03-02', '2016-03-02'];
    for (const day of declaredOn) expect((await finance('POST', '/epf/claims', claimInput({ declaredOn: day }))).status).toBe(201);
    const first = await finance('GET', '/epf/claims?date=2016-03-02&pageSize=2');
    expect(first.body).toMatchObject({ date: '2016-03-02', pageSize: 2, total: 3, totalIsCapped: false, previous: null });
    expect(first.body.items.map((item: any) => item.declaredOn)).toEqual(['2016-03-01', '2016-03-02']);
    const second = await finance('GET', `/epf/claims?date=2016-03-02&pageSize=2&after=${first.body.next}`);
    expect(second.body.items.map((item: any) => item.declaredOn)).toEqual(['2016-03-02']);
    expect(second.body.next).toBeNull();
    const back = await finance('GET', `/epf/claims?date=2016-03-02&pageSize=2&before=${second.body.previous}`);
    expect(back.body.items).toEqual(first.body.items);
    // A claim declared after the date is not listed, nor counted.
    expect((await finance('GET', '/epf/claims?date=2016-03-01')).body).toMatchObject({ total: 1, next: null });
    for (const cursor of ['nonsense!', Buffer.from(JSON.stringify({ sort: 'title', value: '2016-03-01', id: first.body.items[0].id })).toString('base64url')]) {
      const refused = await finance('GET', `/epf/claims?after=${cursor}`);
      expect(refused.status).toBe(400);
      expect(refused.body.invalidParams).toEqual([expect.objectContaining({ name: 'after', code: 'invalidCursor' })]);
    }
  });

  it('refuses an amount ≤ 0, a date in the future or before 2014, and a missing reason, naming each field, and stores nothing', async () => {
    const before = await claimCount();
    const bad = await finance('POST', '/epf/claims', claimInput({ declaredCents: 0, reference: '' }));
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/problem\+json/);
    expect(bad.body.invalidParams.map((param: any) => param.name).sort()).toEqual(['declaredCents', 'reference']);
    for (const declaredOn of ['2098-01-01', '2013-12-31']) {
      const dated = await finance('POST', '/epf/claims', claimInput({ declaredOn }));
      expect(dated.status).toBe(400);
      expect(dated.body.invalidParams).toEqual([expect.objectContaining({ name: 'declaredOn', code: declaredOn > '2025' ? 'dateInFuture' : 'dateOutOfRange' })]);
    }
    const withNul = await finance('POST', '/epf/claims', claimInput({ period: 'a\u0000b' }));
    expect(withNul.body.invalidParams).toEqual([expect.objectContaining({ name: 'period' })]);
    expect(await claimCount()).toBe(before);

    const { claim } = (await finance('POST', '/epf/claims', claimInput())).body;
    const tooMuch = await finance('POST', `/epf/claims/${claim.id}/assessments`, { compensatedCents: 11 * MILLION, assessedOn: '2025-03-01' });
    expect(tooMuch.body.invalidParams).toEqual([expect.objectContaining({ name: 'compensatedCents', code: 'aboveDeclared' })]);
    const notAssessed = await finance('POST', `/epf/claims/${claim.id}/receipts`, { amountCents: 1, receivedOn: '2025-03-01' });
    expect(notAssessed.body.invalidParams).toEqual([expect.objectContaining({ name: 'receivedOn', code: 'notAssessed' })]);
    const noReason = await finance('POST', `/epf/claims/${claim.id}/blockages`, { blocked: true, effectiveOn: '2025-03-01' });
    expect(noReason.body.invalidParams).toEqual([expect.objectContaining({ name: 'reason', code: 'required' })]);
    expect((await finance('GET', `/epf/claims/${claim.id}`)).body).toMatchObject({ assessments: [], receipts: [], blockages: [] });
    expect((await finance('GET', `/epf/claims/${crypto.randomUUID()}`)).status).toBe(404);
    for (const [path, body] of [
      ['assessments', { compensatedCents: 1, assessedOn: '2025-03-01' }],
      ['receipts', { amountCents: 1, receivedOn: '2025-03-01' }],
      ['blockages', { blocked: true, effectiveOn: '2025-03-01', reason: 'controle' }],
    ] as const) {
      const notAnId = await finance('POST', `/epf/claims/undefined/${path}`, body);
      expect([notAnId.status, notAnId.body.invalidParams]).toEqual([400, [expect.objectContaining({ name: 'id' })]]);
    }
    await expect(assessClaim(database().db, systemContext('finance'), 'undefined', { compensatedCents: 1, assessedOn: '2025-03-01', remainderExpectedBy: null, note: '' })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('names, beside a field the schema refuses (a choice or amount left wrong), the rules the other fields of a tranche, claim, assessment, receipt or blockage break, and stores nothing', async () => {
    const before = await claimCount();
    const tranches = (await finance('GET', '/epf/tranches')).body.items.length;
    const faults = (response: any) => response.body.invalidParams.map((param: any) => `${param.name} ${param.code}`).sort();
    expect(faults(await finance('POST', '/epf/tranches', { kind: '', name: 'QA', euAmountCents: MILLION, decidedOn: '2098-01-01', dutchRole: 'none' }))).toEqual(['decidedOn dateInFuture', 'kind required']);
    expect(faults(await finance('POST', '/epf/claims', claimInput({ declaredCents: 0, declaredOn: '2098-01-01', batch: ' ' })))).toEqual(['batch deliveryOrBundle', 'declaredCents amountNotPositive', 'declaredOn dateInFuture']);
    const { claim } = (await finance('POST', '/epf/claims', claimInput())).body;
    expect(faults(await finance('POST', `/epf/claims/${claim.id}/blockages`, { blocked: true, effectiveOn: '', reason: ' ' }))).toEqual(['effectiveOn required', 'reason required']);
    expect(faults(await finance('POST', `/epf/claims/${claim.id}/assessments`, { compensatedCents: -1, assessedOn: '2025-03-01', remainderExpectedBy: 2024 }))).toEqual(['compensatedCents amountNegative', 'remainderExpectedBy beforeAssessment']);
    expect(faults(await finance('POST', `/epf/claims/${claim.id}/receipts`, { amountCents: 0, receivedOn: '2098-01-01' }))).toEqual(['amountCents amountNotPositive', 'receivedOn dateInFuture']);
    expect(await claimCount()).toBe(before + 1);
    expect((await finance('GET', '/epf/tranches')).body.items.length).toBe(tranches);
    expect((await finance('GET', `/epf/claims/${claim.id}`)).body).toMatchObject({ assessments: [], receipts: [], blockages: [] });
  });

  it('refuses a claim on a tranche where the Netherlands is implementing actor or has no role, at its tranche, and counts nothing of it', async () => {
    const tranche = async (dutchRole: string) =>
      (await finance('POST', '/epf/tranches', { kind: 'windfallProfits', name: `Tranche ${dutchRole}`, euAmountCents: 1000 * MILLION, decidedOn: '2025-01-01', dutchRole })).body.id as string;
    const [before, declaredBefore] = [await claimCount(), (await finance('GET', '/epf/overview?date=2025-08-31')).body.declaredCents];
    const implementing = await finance('POST', '/epf/claims', claimInput({ trancheId: await tranche('implementingActor') }), { 'Accept-Language': 'en' });
    expect(implementing.status).toBe(400);
    expect(implementing.body.invalidParams).toEqual([
      {
        name: 'trancheId',
        code: 'trancheNotClaimable',
        reason: 'In this tranche the Netherlands is implementing actor for the EU: that work cannot be claimed by the Netherlands. Choose a tranche the Netherlands claims on, or no tranche.',
      },
    ]);
    const none = await finance('POST', '/epf/claims', claimInput({ trancheId: await tranche('none') }));
    expect(none.body.invalidParams).toEqual([
      { name: 'trancheId', code: 'trancheNotClaimable', reason: 'Nederland heeft geen rol in deze tranche en declareert er niet op. Kies een tranche waarop Nederland declareert, of geen tranche.' },
    ]);
    expect([await claimCount(), (await finance('GET', '/epf/overview?date=2025-08-31')).body.declaredCents]).toEqual([before, declaredBefore]);
    expect((await finance('POST', '/epf/claims', claimInput({ trancheId: await tranche('claimant') }))).status).toBe(201);
  });

  it('refuses a claim above what was delivered: the delivery\'s value at the claim\'s date, less what was claimed on it before', async () => {
    const delivery = await registerShipped(registrar, database().db, { title: 'Pantserhouwitsers', category: 'largeCalibreArtillery', supportType: 'stock', fundingSource: 'ukraineSupportBudget', realisedAt: '2024-06-01' });
    await registrar('POST', `/deliveries/${delivery.body.id}/valuations`, { amountCents: 20 * MILLION, basis: 'replacementValue', effectiveDate: '2024-06-01' });
    await registrar('POST', `/deliveries/${delivery.body.id}/valuations`, { amountCents: 30 * MILLION, basis: 'replacementValue', effectiveDate: '2025-06-01' });
    const onDelivery = (declaredCents: number, declaredOn: string) => finance('POST', '/epf/claims', claimInput({ batch: '', deliveryId: delivery.body.id, declaredCents, declaredOn }));
    expect((await onDelivery(15 * MILLION, '2025-01-15')).status).toBe(201);
    const above = await onDelivery(6 * MILLION, '2025-01-16');
    expect(above.status).toBe(400);
    expect(above.body.invalidParams).toEqual([expect.objectContaining({ name: 'declaredCents', code: 'aboveDelivered' })]);
    expect(above.body.invalidParams[0].reason).toContain('5.000.000,00');
    // After the revaluation the delivery is worth more, so more may be claimed.
    expect((await onDelivery(6 * MILLION, '2025-07-01')).status).toBe(201);
  });

  it('refuses a revaluation or a withdrawal that would leave the claims on a delivery above its value at a claim\'s date, at the amount or the entry, and changes nothing', async () => {
    const delivery = await registerShipped(registrar, database().db, { title: 'Pantservoertuigen', category: 'largeCalibreArtillery', supportType: 'stock', fundingSource: 'ukraineSupportBudget', realisedAt: '2024-06-01' });
    const id = delivery.body.id;
    const valued = await registrar('POST', `/deliveries/${id}/valuations`, { amountCents: 6 * MILLION, basis: 'replacementValue', effectiveDate: '2024-06-01' });
    const claimed = await finance('POST', '/epf/claims', claimInput({ batch: '', deliveryId: id, declaredCents: 5 * MILLION, declaredOn: '2025-01-15' }));
    expect([claimed.status, claimed.body.invalidParams]).toEqual([201, undefined]);
    const valueOf = async () => (await registrar('GET', `/deliveries/${id}`)).body.valueCents;

    const backdated = await registrar('POST', `/deliveries/${id}/valuations`, { amountCents: 2 * MILLION, basis: 'replacementValue', effectiveDate: '2024-12-01' }, { 'Accept-Language': 'en' });
    expect([backdated.status, backdated.body.invalidParams]).toEqual([
      400,
      [{ name: 'amountCents', code: 'belowClaimedValue', reason: expect.stringMatching(/^EPF claims up to 15 January 2025 declare €5,000,000\.00 for this delivery; its value on that day would become €2,000,000\.00/) }],
    ]);
    const withdrawn = await registrar('POST', `/valuations/${valued.body.id}/withdrawal`, { withdrawnOn: '2025-01-01', reason: 'Dubbel ingevoerd' });
    expect([withdrawn.status, withdrawn.body.invalidParams]).toEqual([400, [expect.objectContaining({ name: 'id', code: 'belowClaimedValue' })]]);
    expect(await valueOf()).toBe(6 * MILLION);
    // After the claim's date the value may go lower: the claim is judged at its date.
    expect((await registrar('POST', `/deliveries/${id}/valuations`, { amountCents: 2 * MILLION, basis: 'replacementValue', effectiveDate: '2025-02-01' })).status).toBe(201);

    // What was paid for a purchase counts: a payment withdrawn before the claim's date is refused as well.
    const purchase = await registrar('POST', '/deliveries', { title: 'Munitie', category: 'ammunition', supportType: 'procurement', fundingSource: 'ukraineSupportBudget', committedAt: '2024-01-01' });
    const paid = await finance('POST', `/deliveries/${purchase.body.id}/payments`, { amountCents: 4 * MILLION, paidOn: '2024-05-01' });
    expect((await finance('POST', '/epf/claims', claimInput({ batch: '', deliveryId: purchase.body.id, declaredCents: 3 * MILLION, declaredOn: '2024-06-01' }))).status).toBe(201);
    const paymentWithdrawn = await finance('POST', `/payments/${paid.body.id}/withdrawal`, { withdrawnOn: '2024-05-15', reason: 'Dubbel geboekt' });
    expect([paymentWithdrawn.status, paymentWithdrawn.body.invalidParams]).toEqual([400, [expect.objectContaining({ name: 'id', code: 'belowClaimedValue' })]]);
  });

  it('lets a claim for a purchase declare what was paid for it by the claim\'s date, also without a valuation or beyond it', async () => {
    const purchase = await registrar('POST', '/deliveries', { title: 'Generatoren', category: 'nonLethal', supportType: 'procurement', fundingSource: 'ukraineSupportBudget', committedAt: '2024-01-01' });
    const onPurchase = (declaredCents: number, declaredOn: string) => finance('POST', '/epf/claims', claimInput({ batch: '', deliveryId: purchase.body.id, declaredCents, declaredOn }));
    await finance('POST', `/deliveries/${purchase.body.id}/payments`, { amountCents: 4 * MILLION, paidOn: '2024-05-01' });
    const beforePayment = await onPurchase(1 * MILLION, '2024-04-30');
    expect(beforePayment.body.invalidParams).toEqual([expect.objectContaining({ name: 'declaredCents', code: 'aboveDelivered' })]);
    const abovePaid = await onPurchase(5 * MILLION, '2024-06-01');
    expect(abovePaid.body.invalidParams).toEqual([expect.objectContaining({ name: 'declaredCents', code: 'aboveDelivered' })]);
    expect(abovePaid.body.invalidParams[0].reason).toContain('4.000.000,00');
    expect((await onPurchase(3 * MILLION, '2024-06-01')).status).toBe(201);

    // Valued at a contract price below what was paid: what was paid counts, less what was claimed before.
    await registrar('POST', `/deliveries/${purchase.body.id}/valuations`, { amountCents: 2 * MILLION, basis: 'contractPrice', effectiveDate: '2024-01-01' });
    const again = await onPurchase(2 * MILLION, '2024-07-01');
    expect(again.body.invalidParams[0].reason).toContain('1.000.000,00');
    expect((await onPurchase(1 * MILLION, '2024-07-01')).status).toBe(201);
  });

  it('never counts work as implementing actor in a Dutch total, shows it as such, and refuses a claim on it', async () => {
    const { db } = database();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 500 * MILLION }), fc.constantFrom('stock', 'procurement', 'natoFund'), async (amountCents, supportType) => {
        const [totalsBefore, overviewBefore] = [await realisedTotalsAt(db, '2025-08-31'), (await finance('GET', '/epf/overview?date=2025-08-31')).body];
        const work = await registerShipped(registrar, database().db, { title: 'Drones als uitvoerder', category: 'drones', supportType, fundingSource: 'epf', ...(supportType === 'stock' ? { realisedAt: '2025-05-01' } : {}) });
        expect(work.status).toBe(supportType === 'stock' ? 200 : 201);
        await registrar('POST', `/deliveries/${work.body.id}/valuations`, { amountCents, basis: fittingBasis(supportType), effectiveDate: '2025-05-01' });
        if (supportType !== 'stock') await finance('POST', `/deliveries/${work.body.id}/payments`, { amountCents, paidOn: '2025-06-01' });

        expect(await realisedTotalsAt(db, '2025-08-31')).toEqual(totalsBefore);
        const overview = (await finance('GET', '/epf/overview?date=2025-08-31')).body;
        expect(overview.implementingActorCents).toBe(overviewBefore.implementingActorCents + amountCents);
        expect({ ...overview, implementingActorCents: 0 }).toEqual({ ...overviewBefore, implementingActorCents: 0 });
        const claim = await finance('POST', '/epf/claims', claimInput({ batch: '', deliveryId: work.body.id, declaredCents: 1, declaredOn: '2025-06-01' }));
        expect(claim.body.invalidParams).toEqual([expect.objectContaining({ name: 'deliveryId', code: 'implementingActorWork' })]);
      }),
      { numRuns: 5 },
    );
  });

  it('values implementing-actor work and a delivery claimed for without a valuation withdrawn by the date', async () => {
    const work = await registerShipped(registrar, database().db, { title: 'Munitie als uitvoerder', category: 'ammunition', supportType: 'stock', fundingSource: 'epf', realisedAt: '2025-05-01' });
    const valued = await registrar('POST', `/deliveries/${work.body.id}/valuations`, { amountCents: 7 * MILLION, basis: 'replacementValue', effectiveDate: '2025-05-01' });
    const workAt = async (date: string) => (await finance('GET', `/epf/overview?date=${date}`)).body.implementingActorCents as number;
    const [beforeWithdrawal, fromWithdrawal] = [await workAt('2025-06-30'), await workAt('2025-07-01')];
    expect((await registrar('POST', `/valuations/${valued.body.id}/withdrawal`, { withdrawnOn: '2025-07-01', reason: 'Dubbel ingevoerd' })).status).toBe(201);
    expect(await workAt('2025-06-30')).toBe(beforeWithdrawal);
    expect(await workAt('2025-07-01')).toBe(fromWithdrawal - 7 * MILLION);

    const delivery = await registerShipped(registrar, database().db, { title: 'Radars', category: 'airDefence', supportType: 'stock', fundingSource: 'ukraineSupportBudget', realisedAt: '2024-03-01' });
    await registrar('POST', `/deliveries/${delivery.body.id}/valuations`, { amountCents: 4 * MILLION, basis: 'replacementValue', effectiveDate: '2024-03-01' });
    const wrong = await registrar('POST', `/deliveries/${delivery.body.id}/valuations`, { amountCents: 40 * MILLION, basis: 'replacementValue', effectiveDate: '2024-04-01' });
    await registrar('POST', `/valuations/${wrong.body.id}/withdrawal`, { withdrawnOn: '2024-05-01', reason: 'Tikfout' });
    const onDelivery = (declaredOn: string) => finance('POST', '/epf/claims', claimInput({ batch: '', deliveryId: delivery.body.id, declaredCents: 5 * MILLION, declaredOn }));
    expect((await onDelivery('2024-06-01')).body.invalidParams).toEqual([expect.objectContaining({ name: 'declaredCents', code: 'aboveDelivered' })]);
    expect((await onDelivery('2024-04-15')).status).toBe(201);
  });
});
