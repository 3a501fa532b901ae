/**
 * Money dated on or before the reference date of the latest letter sent to parliament changes what the register
 * says held at that date, which the letter printed: a payment, a valuation or a withdrawal so dated, the
 * revaluation of a decision not to replace stock, money received on an EPF claim, a delivery realised by then
 * registered, changed to count otherwise or removed, a training count counted up to such a date, a judgement of
 * readiness or a replenishment project's state that the annex showed then, or an industry record the letter counted
 * then, is a warning to confirm, naming the letter, and recorded only when confirmed, its audit event keeping the
 * confirmation.
 */
import { beforeAll, expect, it } from 'vitest';
import { systemContext } from '../../src/audit/trail.ts';
import { recordPublication, sendLetter } from '../../src/register/letter-publication.ts';
import { submitAndApprove } from '../../src/register/letter-review.ts';
import { createDraft, finalise } from '../../src/register/letters.ts';
import { procurement, stockDelivery } from '../support/deliveries.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { SIGNED } from '../support/letters.ts';
import { apiClient, type ApiCall } from './client.ts';

const context = systemContext('test');
const IN_PERIOD = '2025-08-31';
const AFTER_PERIOD = '2025-09-01';

describeEachDatabase('money dated in the period of a letter sent to parliament', (database) => {
  let registrar: ApiCall;
  let finance: ApiCall;
  let auditor: ApiCall;
  let letterId: string;

  beforeAll(async () => {
    const { db } = database();
    registrar = apiClient(db, { role: 'registrar' });
    finance = apiClient(db, { role: 'finance' });
    auditor = apiClient(db, { role: 'auditor' });
    // Final before anything is realised by its reference date, so that no delivery waits for a disclosure decision.
    const draft = await createDraft(db, context, { ...SIGNED, referenceDate: '2025-08-31', letterDate: '2025-09-10' });
    const approved = await submitAndApprove(db, context, draft.id, draft.version);
    letterId = (await finalise(db, context, draft.id, approved.version)).id;
  });

  let purchases = 0;
  /** A purchase valued and paid before the letter's reference date, as the register held it when the letter was sent or not. */
  const purchase = async () => {
    const { body } = await registrar('POST', '/deliveries', { ...procurement, title: `Aankoop ${++purchases}` });
    return body.id as string;
  };
  const detailOf = async (id: string) => (await registrar('GET', `/deliveries/${id}`)).body;
  const eventsOf = async (id: string) => (await auditor('GET', `/audit-events?objectId=${id}`)).body.items as any[];
  const letterVersion = async () => (await registrar('GET', `/letters/${letterId}`)).body.version as number;

  it('is no warning while the letter is final but not sent', async () => {
    const id = await purchase();
    expect((await registrar('POST', `/deliveries/${id}/valuations`, { amountCents: 100_000_00, basis: 'contractPrice', effectiveDate: '2025-04-01' })).status).toBe(201);
    const paid = await finance('POST', `/deliveries/${id}/payments`, { amountCents: 100_000_00, paidOn: '2025-04-01' });
    expect(paid.status).toBe(201);
    expect((await finance('POST', `/payments/${paid.body.id}/withdrawal`, { withdrawnOn: IN_PERIOD, reason: 'Dubbel ingevoerd' })).status).toBe(201);
  });

  it('refuses a payment, a valuation and a withdrawal dated on or before the sent letter’s reference date, naming the letter, and changes nothing', async () => {
    const id = await purchase();
    const paid = await finance('POST', `/deliveries/${id}/payments`, { amountCents: 100_000_00, paidOn: '2025-04-01' });
    await sendLetter(database().db, context, letterId, await letterVersion());
    const before = await detailOf(id);
    const eventsBefore = (await eventsOf(id)).length;

    const payment = await finance('POST', `/deliveries/${id}/payments`, { amountCents: 50_000_00, paidOn: IN_PERIOD }, { 'Accept-Language': 'en' });
    expect(payment.status).toBe(422);
    expect(payment.body).toMatchObject({ code: 'confirmationRequired', title: 'Confirm the warning first' });
    expect(payment.body.invalidParams).toEqual([
      {
        name: 'paidOn',
        code: 'datedInSentLetterPeriod',
        reason: expect.stringContaining('31 August 2025 falls in the period of the letter with reference date 31 August 2025, which was sent to parliament already'),
      },
    ]);
    expect(payment.body.invalidParams[0].reason).toContain('the figures the letter printed will no longer match the register at that date');
    expect(payment.body.reasonsByLanguage.nl[0]).toContain('valt in de periode van de brief met peildatum 31 augustus 2025, die al naar de Kamer is gestuurd');

    const valuation = await registrar('POST', `/deliveries/${id}/valuations`, { amountCents: 90_000_00, basis: 'contractPrice', effectiveDate: '2025-05-01' });
    expect([valuation.status, valuation.body.invalidParams.map((param: any) => [param.name, param.code])]).toEqual([422, [['effectiveDate', 'datedInSentLetterPeriod']]]);
    const withdrawal = await finance('POST', `/payments/${paid.body.id}/withdrawal`, { withdrawnOn: '2025-04-01', reason: 'Verkeerd bedrag' });
    expect([withdrawal.status, withdrawal.body.invalidParams.map((param: any) => [param.name, param.code])]).toEqual([422, [['withdrawnOn', 'datedInSentLetterPeriod']]]);

    expect(await detailOf(id)).toEqual(before);
    expect(await eventsOf(id)).toHaveLength(eventsBefore);
  });

  it('names the letter by its paper number once it has one, and records what is confirmed, the audit event keeping the confirmation', async () => {
    await recordPublication(database().db, context, letterId, await letterVersion(), { paperNumber: 'Kamerstuk 22 054, nr. 453', publishedOn: '2025-09-10' });
    const id = await purchase();
    const warned = await finance('POST', `/deliveries/${id}/payments`, { amountCents: 100_000_00, paidOn: '2025-04-01' }, { 'Accept-Language': 'en' });
    expect(warned.body.invalidParams[0].reason).toContain('the letter with reference date 31 August 2025 (Kamerstuk 22 054, nr. 453)');

    const confirmation = { confirm: ['datedInSentLetterPeriod'] };
    const paid = await finance('POST', `/deliveries/${id}/payments`, { amountCents: 100_000_00, paidOn: '2025-04-01', ...confirmation });
    expect(paid.status).toBe(201);
    expect(paid.body).not.toHaveProperty('confirm');
    const valued = await registrar('POST', `/deliveries/${id}/valuations`, { amountCents: 100_000_00, basis: 'contractPrice', effectiveDate: '2025-04-01', ...confirmation });
    expect(valued.status).toBe(201);
    expect((await finance('POST', `/payments/${paid.body.id}/withdrawal`, { withdrawnOn: IN_PERIOD, reason: 'Dubbel ingevoerd', ...confirmation })).status).toBe(201);
    expect(await detailOf(id)).toMatchObject({ realisedAt: '2025-04-01', payments: [{ id: paid.body.id }], valuations: [{ id: valued.body.id }], withdrawals: [{ entryId: paid.body.id }] });

    const confirmed = (date: string, field: string) => ({
      confirmedWarnings: [{ field, code: 'datedInSentLetterPeriod', params: { date, referenceDate: '2025-08-31', paperNumber: 'Kamerstuk 22 054, nr. 453' } }],
    });
    const detailsByAction = Object.fromEntries((await eventsOf(id)).map((event) => [event.action, event.detail]));
    expect(detailsByAction).toMatchObject({
      'payment.create': confirmed('2025-04-01', 'paidOn'),
      'valuation.create': confirmed('2025-04-01', 'effectiveDate'),
      'payment.withdraw': confirmed(IN_PERIOD, 'withdrawnOn'),
    });
  });

  it('refuses a decision not to replace whose revaluation holds from the sent letter’s period until it is confirmed, the audit event keeping the confirmation', async () => {
    const { body: stock } = await registrar('POST', '/deliveries', { ...stockDelivery, title: 'Voorraad die niet wordt vervangen', confirm: ['datedInSentLetterPeriod'] });
    const decisions = `/deliveries/${stock.id}/non-replacement-decisions`;
    const decision = { decidedOn: '2025-06-01', reason: 'Verouderd; wordt niet vervangen.', revaluation: { amountCents: 40_000_00, basis: 'bookValue', effectiveDate: IN_PERIOD } };
    const before = await detailOf(stock.id);
    const eventsBefore = (await eventsOf(stock.id)).length;

    const warned = await registrar('POST', decisions, decision, { 'Accept-Language': 'en' });
    expect([warned.status, warned.body.code, warned.body.invalidParams.map((param: any) => [param.name, param.code])]).toEqual([
      422,
      'confirmationRequired',
      [['revaluation.effectiveDate', 'datedInSentLetterPeriod']],
    ]);
    expect(warned.body.invalidParams[0].reason).toContain('31 August 2025 falls in the period of the letter with reference date 31 August 2025 (Kamerstuk 22 054, nr. 453)');
    expect(await detailOf(stock.id)).toEqual(before);
    expect(await eventsOf(stock.id)).toHaveLength(eventsBefore);

    const decided = await registrar('POST', decisions, { ...decision, confirm: ['datedInSentLetterPeriod'] });
    expect(decided.status).toBe(201);
    expect(decided.body).toMatchObject({ valuation: { amountCents: 40_000_00, effectiveDate: IN_PERIOD } });
    const event = (await eventsOf(stock.id)).find((candidate) => candidate.action === 'readiness.decideNotToReplace');
    expect(event.detail).toEqual({
      confirmedWarnings: [{ field: 'revaluation.effectiveDate', code: 'datedInSentLetterPeriod', params: { date: IN_PERIOD, referenceDate: '2025-08-31', paperNumber: 'Kamerstuk 22 054, nr. 453' } }],
    });
  });

  it('is no warning for a decision not to replace whose revaluation holds from after the sent letter’s reference date, nor for one without a revaluation', async () => {
    const { body: stock } = await registrar('POST', '/deliveries', { ...stockDelivery, title: 'Voorraad die later wordt afgewaardeerd', confirm: ['datedInSentLetterPeriod'] });
    const decisions = `/deliveries/${stock.id}/non-replacement-decisions`;
    expect((await registrar('POST', decisions, { decidedOn: '2025-06-01', reason: 'Deels niet vervangen.' })).status).toBe(201);
    expect((await registrar('POST', decisions, { decidedOn: '2025-06-02', reason: 'Tegen boekwaarde.', revaluation: { amountCents: 40_000_00, basis: 'bookValue', effectiveDate: AFTER_PERIOD } })).status).toBe(201);
    expect((await eventsOf(stock.id)).filter((event) => event.action !== 'delivery.create' && event.detail?.confirmedWarnings)).toEqual([]);
  });

  it('refuses money received on an EPF claim dated on or before the sent letter’s reference date until it is confirmed, the audit event keeping the confirmation; after it is no warning', async () => {
    // Declared and assessed in the period too, which is confirmed as meant.
    const confirm = ['datedInSentLetterPeriod'];
    const declared = await finance('POST', '/epf/claims', { reference: 'EPF-PERIODE', batch: 'Leveringen', period: '2025', declaredCents: 100_000_00, declaredOn: '2025-05-01', confirm });
    const claimId = declared.body.claim.id as string;
    expect((await finance('POST', `/epf/claims/${claimId}/assessments`, { compensatedCents: 100_000_00, assessedOn: '2025-06-01', confirm })).status).toBe(201);
    const receipts = `/epf/claims/${claimId}/receipts`;
    const receivedOf = async () => (await finance('GET', `/epf/claims/${claimId}`)).body.receipts.map((receipt: any) => receipt.receivedOn);
    const eventsBefore = (await eventsOf(claimId)).length;

    const warned = await finance('POST', receipts, { amountCents: 50_000_00, receivedOn: IN_PERIOD }, { 'Accept-Language': 'en' });
    expect([warned.status, warned.body.code, warned.body.invalidParams.map((param: any) => [param.name, param.code])]).toEqual([422, 'confirmationRequired', [['receivedOn', 'datedInSentLetterPeriod']]]);
    expect(warned.body.invalidParams[0].reason).toContain('31 August 2025 falls in the period of the letter with reference date 31 August 2025 (Kamerstuk 22 054, nr. 453)');
    expect(await receivedOf()).toEqual([]);
    expect(await eventsOf(claimId)).toHaveLength(eventsBefore);

    expect((await finance('POST', receipts, { amountCents: 50_000_00, receivedOn: IN_PERIOD, confirm: ['datedInSentLetterPeriod'] })).status).toBe(201);
    expect((await finance('POST', receipts, { amountCents: 10_000_00, receivedOn: AFTER_PERIOD })).status).toBe(201);
    expect(await receivedOf()).toEqual([IN_PERIOD, AFTER_PERIOD]);
    const detailsByDate = Object.fromEntries((await eventsOf(claimId)).filter((event) => event.action === 'epf.claim.receive').map((event) => [event.after.receivedOn, event.detail ?? null]));
    expect(detailsByDate).toEqual({
      [IN_PERIOD]: { confirmedWarnings: [{ field: 'receivedOn', code: 'datedInSentLetterPeriod', params: { date: IN_PERIOD, referenceDate: '2025-08-31', paperNumber: 'Kamerstuk 22 054, nr. 453' } }] },
      [AFTER_PERIOD]: null,
    });
  });

  it('refuses a training contribution counted up to a date on or before the sent letter’s reference date until it is confirmed, the audit event keeping the confirmation; counted later it is no warning', async () => {
    const { body: programme } = await registrar('POST', '/training-programmes', { key: 'periode', name: 'Opleiding in de periode', hostCountry: 'DE', framework: 'bilateral', systemTrainedOn: null, description: '', deliveryIds: [] });
    const contributions = `/training-programmes/${programme.id}/contributions`;
    const countedUpTo = async () => (await registrar('GET', `/training-programmes/${programme.id}`)).body.contributions.map((contribution: any) => contribution.countsUpTo);
    const counted = (countsUpTo: string) => ({ periodFrom: '2025-03-01', countsUpTo, trainers: 20, trainees: 250 });
    const eventsBefore = (await eventsOf(programme.id)).length;

    const warned = await registrar('POST', contributions, counted(IN_PERIOD), { 'Accept-Language': 'en' });
    expect([warned.status, warned.body.code, warned.body.invalidParams.map((param: any) => [param.name, param.code])]).toEqual([422, 'confirmationRequired', [['countsUpTo', 'datedInSentLetterPeriod']]]);
    expect(warned.body.invalidParams[0].reason).toContain('31 August 2025 falls in the period of the letter with reference date 31 August 2025 (Kamerstuk 22 054, nr. 453)');
    expect(await countedUpTo()).toEqual([]);
    expect(await eventsOf(programme.id)).toHaveLength(eventsBefore);

    const confirmed = await registrar('POST', contributions, { ...counted(IN_PERIOD), confirm: ['datedInSentLetterPeriod'] });
    expect(confirmed.status).toBe(201);
    expect(confirmed.body).not.toHaveProperty('confirm');
    expect((await registrar('POST', contributions, counted(AFTER_PERIOD))).status).toBe(201);
    expect(await countedUpTo()).toEqual([IN_PERIOD, AFTER_PERIOD]);
    const detailsByDate = Object.fromEntries((await eventsOf(programme.id)).filter((event) => event.action === 'training.addContribution').map((event) => [event.after.countsUpTo, event.detail ?? null]));
    expect(detailsByDate).toEqual({
      [IN_PERIOD]: { confirmedWarnings: [{ field: 'countsUpTo', code: 'datedInSentLetterPeriod', params: { date: IN_PERIOD, referenceDate: '2025-08-31', paperNumber: 'Kamerstuk 22 054, nr. 453' } }] },
      [AFTER_PERIOD]: null,
    });
  });

  it('is no warning for a training contribution that a later count up to the sent letter’s reference date supersedes, of each measure it counts, where the letter takes them', async () => {
    const { body: programme } = await registrar('POST', '/training-programmes', { key: 'eerder', name: 'Opleiding eerder geteld', hostCountry: 'PL', framework: 'bilateral', systemTrainedOn: null, description: '', deliveryIds: [] });
    const add = (counts: object, extra: object = {}) => registrar('POST', `/training-programmes/${programme.id}/contributions`, { periodFrom: '2025-03-01', ...counts, ...extra });
    expect((await add({ countsUpTo: '2025-08-15', trainers: 20, trainees: 250 }, { confirm: ['datedInSentLetterPeriod'] })).status).toBe(201);

    // The letter printed the count up to 15 August: one up to 30 June, of the same measures, it never showed.
    expect((await add({ countsUpTo: '2025-06-30', trainers: 12, trainees: 100 })).status).toBe(201);
    // Courses that no later count holds, the letter shows from then on.
    const courses = await add({ countsUpTo: '2025-07-31', courses: 4 });
    expect([courses.status, courses.body.invalidParams?.map((param: any) => [param.name, param.code])]).toEqual([422, [['countsUpTo', 'datedInSentLetterPeriod']]]);
    const added = (await eventsOf(programme.id)).filter((event) => event.action === 'training.addContribution');
    expect(added.map((event) => [event.after.countsUpTo, event.detail?.confirmedWarnings?.[0].field ?? null])).toEqual([
      ['2025-06-30', null],
      ['2025-08-15', 'countsUpTo'],
    ]);
  });

  /** A stock delivery realised on the day given, valued then (confirmed where that is in the sent letter's period). */
  const stockRealisedOn = async (title: string, realisedAt: string) => {
    // Realised in the period, it is registered as confirmed (the warning of a new delivery realised then is tested below).
    const { body } = await registrar('POST', '/deliveries', { ...stockDelivery, title, realisedAt, confirm: ['datedInSentLetterPeriod'] });
    const valued = await registrar('POST', `/deliveries/${body.id}/valuations`, { amountCents: 1_000_00, basis: 'replacementValue', effectiveDate: realisedAt, confirm: ['datedInSentLetterPeriod'] });
    expect(valued.status).toBe(201);
    return body.id as string;
  };
  const confirmedAt = (field: string, date: string) => ({
    confirmedWarnings: [{ field, code: 'datedInSentLetterPeriod', params: { date, referenceDate: '2025-08-31', paperNumber: 'Kamerstuk 22 054, nr. 453' } }],
  });

  it('refuses a judgement of readiness on or before the sent letter’s reference date of a delivery realised by then until it is confirmed, the audit event keeping the confirmation; of one realised later, or judged later, it is no warning', async () => {
    const realised = await stockRealisedOn('Voorraad beoordeeld in de periode', '2025-04-15');
    const judge = (id: string, judgedOn: string, extra: object = {}) => registrar('POST', `/deliveries/${id}/readiness-judgements`, { effect: 'acceptable', reasoning: 'Vervanging is besteld.', judgedOn, ...extra }, { 'Accept-Language': 'en' });
    const before = (await registrar('GET', `/readiness/deliveries/${realised}`)).body;
    const eventsBefore = (await eventsOf(realised)).length;

    const warned = await judge(realised, IN_PERIOD);
    expect([warned.status, warned.body.code, warned.body.invalidParams.map((param: any) => [param.name, param.code])]).toEqual([422, 'confirmationRequired', [['judgedOn', 'datedInSentLetterPeriod']]]);
    expect(warned.body.invalidParams[0].reason).toContain('31 August 2025 falls in the period of the letter with reference date 31 August 2025 (Kamerstuk 22 054, nr. 453)');
    expect((await registrar('GET', `/readiness/deliveries/${realised}`)).body).toEqual(before);
    expect(await eventsOf(realised)).toHaveLength(eventsBefore);

    expect((await judge(realised, IN_PERIOD, { confirm: ['datedInSentLetterPeriod'] })).status).toBe(201);
    expect((await judge(realised, AFTER_PERIOD)).status).toBe(201);
    const later = await stockRealisedOn('Voorraad na de periode overgedragen', AFTER_PERIOD);
    expect((await judge(later, '2025-06-01')).status).toBe(201);
    const judgements = [...(await eventsOf(realised)), ...(await eventsOf(later))].filter((event) => event.action === 'readiness.judge');
    expect(judgements.map((event) => [event.after.deliveryId, event.after.judgedOn, event.detail ?? null])).toEqual([
      [realised, AFTER_PERIOD, null],
      [realised, IN_PERIOD, confirmedAt('judgedOn', IN_PERIOD)],
      [later, '2025-06-01', null],
    ]);
  });

  it('is no warning for a judgement of readiness that a later judgement on or before the sent letter’s reference date supersedes; one of the day of that later one is', async () => {
    const realised = await stockRealisedOn('Voorraad eerder beoordeeld', '2025-04-15');
    const judge = (judgedOn: string, extra: object = {}) => registrar('POST', `/deliveries/${realised}/readiness-judgements`, { effect: 'significantButAcceptable', reasoning: 'Eerder oordeel.', judgedOn, ...extra });
    expect((await judge('2025-07-01', { confirm: ['datedInSentLetterPeriod'] })).status).toBe(201);

    // The letter printed the judgement of 1 July, which holds at its reference date whatever was judged before it.
    expect((await judge('2025-06-01')).status).toBe(201);
    const sameDay = await judge('2025-07-01');
    expect([sameDay.status, sameDay.body.invalidParams?.map((param: any) => [param.name, param.code])]).toEqual([422, [['judgedOn', 'datedInSentLetterPeriod']]]);
    const judgements = (await eventsOf(realised)).filter((event) => event.action === 'readiness.judge');
    expect(judgements.map((event) => [event.after.judgedOn, event.detail ?? null])).toEqual([
      ['2025-06-01', null],
      ['2025-07-01', confirmedAt('judgedOn', '2025-07-01')],
    ]);
  });

  it('refuses a replenishment project’s state from on or before the sent letter’s reference date that replaces a delivery realised by then, or no longer does, until it is confirmed; a change without a new state, a later one, or one of deliveries realised later is no warning', async () => {
    const realised = await stockRealisedOn('Voorraad vervangen in de periode', '2025-04-15');
    const later = await stockRealisedOn('Voorraad later vervangen', AFTER_PERIOD);
    const replacing = (...ids: string[]) => ids.map((deliveryId) => ({ deliveryId, replacedValueCents: 100_00, replacedQuantity: null }));
    const project = { name: 'Vervanging in de periode', stage: 'identified', asOf: '2025-06-01', replaces: replacing(realised) };

    const warned = await registrar('POST', '/replenishment-projects', project, { 'Accept-Language': 'en' });
    expect([warned.status, warned.body.code, warned.body.invalidParams.map((param: any) => [param.name, param.code])]).toEqual([422, 'confirmationRequired', [['asOf', 'datedInSentLetterPeriod']]]);
    expect((await registrar('GET', '/readiness')).body.projects.map((candidate: any) => candidate.name)).not.toContain(project.name);
    const created = await registrar('POST', '/replenishment-projects', { ...project, confirm: ['datedInSentLetterPeriod'] });
    expect(created.status).toBe(201);
    const put = (id: string, version: number, change: object) => registrar('PUT', `/replenishment-projects/${id}`, change, { 'If-Match': `"${version}"` });
    expect((await put(created.body.id, 1, { ...project, budgetCents: 500_00 })).status).toBe(200);
    expect((await put(created.body.id, 2, { ...project, budgetCents: 500_00, stage: 'contracted', asOf: AFTER_PERIOD })).status).toBe(200);

    const other = { name: 'Vervanging van later', stage: 'identified', asOf: '2025-06-01', replaces: replacing(later) };
    const otherCreated = await registrar('POST', '/replenishment-projects', other);
    expect(otherCreated.status).toBe(201);
    const widened = { ...other, asOf: '2025-07-01', replaces: replacing(later, realised) };
    const refused = await put(otherCreated.body.id, 1, widened);
    expect([refused.status, refused.body.invalidParams?.map((param: any) => [param.name, param.code])]).toEqual([422, [['asOf', 'datedInSentLetterPeriod']]]);
    expect((await put(otherCreated.body.id, 1, { ...widened, confirm: ['datedInSentLetterPeriod'] })).status).toBe(200);
    const narrowed = await put(otherCreated.body.id, 2, { ...other, asOf: '2025-08-01', replaces: replacing(later) });
    expect([narrowed.status, narrowed.body.invalidParams?.map((param: any) => [param.name, param.code])]).toEqual([422, [['asOf', 'datedInSentLetterPeriod']]]);

    // Each project's, the earliest first.
    const changes = [...(await eventsOf(created.body.id)).reverse(), ...(await eventsOf(otherCreated.body.id)).reverse()].filter((event) => event.action.endsWith('Project'));
    expect(changes.map((event) => [event.action, event.after.name, event.detail ?? null])).toEqual([
      ['readiness.createProject', project.name, confirmedAt('asOf', '2025-06-01')],
      ['readiness.updateProject', project.name, null],
      ['readiness.updateProject', project.name, null],
      ['readiness.createProject', other.name, null],
      ['readiness.updateProject', other.name, confirmedAt('asOf', '2025-07-01')],
    ]);
  });

  it('refuses an industry record the sent letter counted at its reference date until it is confirmed, the audit event keeping the confirmation: a contract signed, corrected or withdrawn by then, a milestone completed then, a co-production project begun then, a shared need identified then', async () => {
    const { body: company } = await registrar('POST', '/companies', { name: 'Bedrijf in de periode', country: 'UA' });
    const contract = { companyId: company.id, reference: 'G2B-PERIODE', subject: 'Munitie', amountCents: 1_000_000_00, signedOn: '2025-06-01', milestones: [{ title: 'Eerste levering', dueOn: '2025-12-01' }] };
    const warnedAt = async (response: Promise<{ status: number; body: any }>) => {
      const { status, body } = await response;
      return [status, body.invalidParams?.map((param: any) => [param.name, param.code])];
    };
    const confirm = ['datedInSentLetterPeriod'];

    expect(await warnedAt(registrar('POST', '/industry-contracts', contract))).toEqual([422, [['signedOn', 'datedInSentLetterPeriod']]]);
    expect((await registrar('GET', `/industry?date=${IN_PERIOD}`)).body.companies.find((candidate: any) => candidate.id === company.id)?.contracts ?? []).toEqual([]);
    const { body: created } = await registrar('POST', '/industry-contracts', { ...contract, confirm });
    const { milestones: _, ...correction } = contract;
    expect(await warnedAt(registrar('PUT', `/industry-contracts/${created.id}`, { ...correction, amountCents: 2_000_000_00 }, { 'If-Match': '"1"' }))).toEqual([422, [['signedOn', 'datedInSentLetterPeriod']]]);
    expect((await registrar('PUT', `/industry-contracts/${created.id}`, { ...correction, amountCents: 2_000_000_00, confirm }, { 'If-Match': '"1"' })).status).toBe(200);
    // Moved out of the period, it left what the letter counted: the earlier of the two days is warned of.
    expect(await warnedAt(registrar('PUT', `/industry-contracts/${created.id}`, { ...correction, amountCents: 2_000_000_00, signedOn: AFTER_PERIOD }, { 'If-Match': '"2"' }))).toEqual([422, [['signedOn', 'datedInSentLetterPeriod']]]);

    const [milestone] = await database().db.selectFrom('contractMilestone').select('id').where('contractId', '=', created.id).execute();
    const progress = `/contract-milestones/${milestone!.id}/progress`;
    expect((await registrar('POST', progress, { percent: 50, reportedOn: '2025-07-01' })).status).toBe(201);
    expect(await warnedAt(registrar('POST', progress, { percent: 100, reportedOn: IN_PERIOD }))).toEqual([422, [['reportedOn', 'datedInSentLetterPeriod']]]);
    expect((await registrar('POST', progress, { percent: 100, reportedOn: IN_PERIOD, confirm })).status).toBe(201);
    expect(await warnedAt(registrar('POST', `/industry-contracts/${created.id}/withdrawal`, { withdrawnOn: IN_PERIOD, reason: 'Ontbonden' }))).toEqual([422, [['withdrawnOn', 'datedInSentLetterPeriod']]]);
    expect((await registrar('POST', `/industry-contracts/${created.id}/withdrawal`, { withdrawnOn: AFTER_PERIOD, reason: 'Ontbonden' })).status).toBe(201);

    const project = { title: 'Coproductie in de periode', partner: 'Oekraïense partner', stage: 'intention', reachedOn: IN_PERIOD };
    expect(await warnedAt(registrar('POST', '/coproduction-projects', project))).toEqual([422, [['reachedOn', 'datedInSentLetterPeriod']]]);
    const { body: coproduction } = await registrar('POST', '/coproduction-projects', { ...project, confirm });
    const bundle = { need: 'Drones in de periode', category: 'drones', dutchQuantity: 10, ukrainianQuantity: 100, identifiedOn: IN_PERIOD };
    expect(await warnedAt(registrar('POST', '/demand-bundles', bundle))).toEqual([422, [['identifiedOn', 'datedInSentLetterPeriod']]]);
    const { body: demand } = await registrar('POST', '/demand-bundles', { ...bundle, confirm });
    expect((await registrar('POST', '/demand-bundles', { ...bundle, need: 'Drones na de periode', identifiedOn: AFTER_PERIOD })).status).toBe(201);

    const events = [...(await eventsOf(created.id)), ...(await eventsOf(milestone!.id)), ...(await eventsOf(coproduction.id)), ...(await eventsOf(demand.id))];
    expect(events.map((event) => [event.action, event.detail?.confirmedWarnings?.[0].field ?? null]).toSorted()).toEqual(
      [
        ['industryContract.create', 'signedOn'],
        ['industryContract.correct', 'signedOn'],
        ['industryContract.withdraw', null],
        ['milestone.progress', null],
        ['milestone.progress', 'reportedOn'],
        ['coproduction.create', 'reachedOn'],
        ['demandBundle.create', 'identifiedOn'],
      ].toSorted(),
    );
    expect(events.find((event) => event.action === 'industryContract.create').detail).toEqual(confirmedAt('signedOn', '2025-06-01'));
  });

  it('is no warning for a correction of a contract withdrawn on or before the sent letter’s reference date, which the letter did not count; one withdrawn after it still is', async () => {
    const { body: company } = await registrar('POST', '/companies', { name: 'Bedrijf met ingetrokken contract', country: 'PL' });
    const confirm = ['datedInSentLetterPeriod'];
    const correction = (reference: string) => ({ companyId: company.id, reference, subject: 'Granaten', amountCents: 500_000_00, signedOn: '2025-05-01' });
    const withdrawnOn = async (reference: string, date: string) => {
      const { body: created } = await registrar('POST', '/industry-contracts', { ...correction(reference), milestones: [], confirm });
      expect((await registrar('POST', `/industry-contracts/${created.id}/withdrawal`, { withdrawnOn: date, reason: 'Ontbonden', ...(date <= IN_PERIOD && { confirm }) })).status).toBe(201);
      return created.id as string;
    };
    const corrected = (id: string, reference: string) => registrar('PUT', `/industry-contracts/${id}`, { ...correction(reference), amountCents: 600_000_00 }, { 'If-Match': '"2"' });

    const withdrawn = await withdrawnOn('G2B-INGETROKKEN', '2025-07-01');
    expect((await corrected(withdrawn, 'G2B-INGETROKKEN')).status).toBe(200);
    const [event] = await eventsOf(withdrawn);
    expect(event).toMatchObject({ action: 'industryContract.correct', after: { amountCents: 600_000_00 }, detail: null });

    const later = await withdrawnOn('G2B-LATER-INGETROKKEN', AFTER_PERIOD);
    const warned = await corrected(later, 'G2B-LATER-INGETROKKEN');
    expect([warned.status, warned.body.invalidParams?.map((param: any) => [param.name, param.code])]).toEqual([422, [['signedOn', 'datedInSentLetterPeriod']]]);
  });

  it('refuses a correction of a shared need that moves its date into or out of the sent letter’s period until it is confirmed, the audit event keeping the confirmation; one that keeps its date is no warning', async () => {
    const bundle = { need: 'Munitie, later gevonden', category: 'ammunition', dutchQuantity: 5, ukrainianQuantity: 50, identifiedOn: AFTER_PERIOD };
    const { body: created } = await registrar('POST', '/demand-bundles', bundle);
    const path = `/demand-bundles/${created.id}`;
    const moved = await registrar('PUT', path, { ...bundle, identifiedOn: IN_PERIOD }, { 'If-Match': '"1"' });
    expect([moved.status, moved.body.invalidParams?.map((param: any) => [param.name, param.code])]).toEqual([422, [['identifiedOn', 'datedInSentLetterPeriod']]]);
    expect((await registrar('PUT', path, { ...bundle, note: 'Alleen een toelichting' }, { 'If-Match': '"1"' })).status).toBe(200);
    expect((await registrar('PUT', path, { ...bundle, note: 'Alleen een toelichting', identifiedOn: IN_PERIOD, confirm: ['datedInSentLetterPeriod'] }, { 'If-Match': '"2"' })).status).toBe(200);
    const corrections = (await eventsOf(created.id)).filter((event) => event.action === 'demandBundle.correct');
    expect(corrections.map((event) => event.detail ?? null)).toEqual(expect.arrayContaining([null, confirmedAt('identifiedOn', IN_PERIOD)]));
  });

  it('refuses a change of a delivery that moves its realisation into the sent letter’s period until it is confirmed, the audit event keeping the confirmation', async () => {
    const { body: stock, headers } = await registrar('POST', '/deliveries', { ...stockDelivery, title: 'Later gerealiseerde voorraad', realisedAt: AFTER_PERIOD });
    const before = await detailOf(stock.id);
    const eventsBefore = (await eventsOf(stock.id)).length;

    const moved = await registrar('PUT', `/deliveries/${stock.id}`, { ...stockDelivery, title: 'Later gerealiseerde voorraad', realisedAt: IN_PERIOD }, { 'If-Match': headers.get('etag')!, 'Accept-Language': 'en' });
    expect([moved.status, moved.body.code, moved.body.invalidParams?.map((param: any) => [param.name, param.code])]).toEqual([422, 'confirmationRequired', [['realisedAt', 'datedInSentLetterPeriod']]]);
    expect(moved.body.invalidParams[0].reason).toContain('31 August 2025 falls in the period of the letter with reference date 31 August 2025 (Kamerstuk 22 054, nr. 453)');
    expect(await detailOf(stock.id)).toEqual(before);
    expect(await eventsOf(stock.id)).toHaveLength(eventsBefore);
    const patched = await registrar('PATCH', `/deliveries/${stock.id}`, { realisedAt: null }, { 'If-Match': headers.get('etag')! });
    expect(patched.status).toBe(200);
    expect(await detailOf(stock.id)).toMatchObject({ realisedAt: null });

    const etag = (await registrar('GET', `/deliveries/${stock.id}`)).headers.get('etag')!;
    const set = await registrar('PATCH', `/deliveries/${stock.id}`, { realisedAt: IN_PERIOD }, { 'If-Match': etag });
    expect([set.status, set.body.invalidParams?.map((param: any) => [param.name, param.code])]).toEqual([422, [['realisedAt', 'datedInSentLetterPeriod']]]);
    expect((await detailOf(stock.id)).realisedAt).toBeNull();
    expect(await eventsOf(stock.id)).toHaveLength(eventsBefore + 1);

    const confirmed = await registrar('PATCH', `/deliveries/${stock.id}`, { realisedAt: IN_PERIOD, confirm: ['datedInSentLetterPeriod'] }, { 'If-Match': etag });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ realisedAt: IN_PERIOD, version: before.version + 2 });
    expect(confirmed.body).not.toHaveProperty('confirm');
    // The latest first.
    const [latest] = (await eventsOf(stock.id)).filter((event) => event.action === 'delivery.update');
    expect(latest).toMatchObject({ before: { realisedAt: null }, after: { realisedAt: IN_PERIOD } });
    expect(latest.detail).toEqual({
      confirmedWarnings: [{ field: 'realisedAt', code: 'datedInSentLetterPeriod', params: { date: IN_PERIOD, referenceDate: '2025-08-31', paperNumber: 'Kamerstuk 22 054, nr. 453' } }],
    });
  });

  it('refuses a change that moves a realisation out of the sent letter’s period until it is confirmed; a move on either side of the reference date is no warning', async () => {
    const { body: stock } = await registrar('POST', '/deliveries', { ...stockDelivery, title: 'Verschoven voorraad', confirm: ['datedInSentLetterPeriod'] });
    const patch = async (change: object) => registrar('PATCH', `/deliveries/${stock.id}`, change, { 'If-Match': (await registrar('GET', `/deliveries/${stock.id}`)).headers.get('etag')! });

    const out = await patch({ realisedAt: AFTER_PERIOD });
    expect([out.status, out.body.invalidParams?.map((param: any) => [param.name, param.code, param.reason.includes('15 april 2025')])]).toEqual([422, [['realisedAt', 'datedInSentLetterPeriod', true]]]);
    expect((await patch({ realisedAt: IN_PERIOD })).status).toBe(200);
    expect((await patch({ realisedAt: AFTER_PERIOD, confirm: ['datedInSentLetterPeriod'] })).status).toBe(200);
    expect((await patch({ realisedAt: '2025-09-15' })).status).toBe(200);
    expect((await patch({ realisedAt: null })).status).toBe(200);
    const updates = (await eventsOf(stock.id)).filter((event) => event.action === 'delivery.update').reverse();
    expect(updates.map((event) => [event.after.realisedAt, event.detail?.confirmedWarnings?.[0].params.date ?? null])).toEqual([
      [IN_PERIOD, null],
      [AFTER_PERIOD, IN_PERIOD],
      ['2025-09-15', null],
      [null, null],
    ]);
  });

  it('refuses a new delivery realised on or before the sent letter’s reference date until it is confirmed, the audit event keeping the confirmation; one realised after it, or not yet, is no warning', async () => {
    const titled = { ...stockDelivery, title: 'Alsnog geregistreerde voorraad' };
    const listed = async () => (await registrar('GET', `/deliveries?q=${encodeURIComponent(titled.title)}`)).body.total;

    const warned = await registrar('POST', '/deliveries', titled, { 'Accept-Language': 'en' });
    expect([warned.status, warned.body.code, warned.body.invalidParams?.map((param: any) => [param.name, param.code])]).toEqual([422, 'confirmationRequired', [['realisedAt', 'datedInSentLetterPeriod']]]);
    expect(warned.body.invalidParams[0].reason).toContain('15 April 2025 falls in the period of the letter with reference date 31 August 2025 (Kamerstuk 22 054, nr. 453)');
    expect(await listed()).toBe(0);

    const created = await registrar('POST', '/deliveries', { ...titled, confirm: ['datedInSentLetterPeriod'] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ realisedAt: '2025-04-15' });
    expect(created.body).not.toHaveProperty('confirm');
    const [event] = await eventsOf(created.body.id);
    expect(event).toMatchObject({ action: 'delivery.create', after: { realisedAt: '2025-04-15' } });
    expect(event.detail).toEqual({
      confirmedWarnings: [{ field: 'realisedAt', code: 'datedInSentLetterPeriod', params: { date: '2025-04-15', referenceDate: '2025-08-31', paperNumber: 'Kamerstuk 22 054, nr. 453' } }],
    });

    for (const realisedAt of [AFTER_PERIOD, null]) {
      const later = await registrar('POST', '/deliveries', { ...stockDelivery, title: `Voorraad gerealiseerd op ${realisedAt}`, realisedAt });
      expect(later.status).toBe(201);
      expect((await eventsOf(later.body.id))[0].detail).toBeNull();
    }
  });

  it('refuses a change of the support type or the EPF funding of a delivery realised in the sent letter’s period until it is confirmed; another Dutch budget, or a delivery realised after it, is no warning', async () => {
    const id = await purchase();
    expect((await finance('POST', `/deliveries/${id}/payments`, { amountCents: 100_000_00, paidOn: '2025-04-01', confirm: ['datedInSentLetterPeriod'] })).status).toBe(201);
    const patch = async (change: object) => registrar('PATCH', `/deliveries/${id}`, change, { 'If-Match': (await registrar('GET', `/deliveries/${id}`)).headers.get('etag')!, 'Accept-Language': 'en' });
    const before = await detailOf(id);
    const eventsBefore = (await eventsOf(id)).length;

    const retyped = await patch({ supportType: 'natoFund' });
    expect([retyped.status, retyped.body.code, retyped.body.invalidParams?.map((param: any) => [param.name, param.code])]).toEqual([422, 'confirmationRequired', [['supportType', 'datedInSentLetterPeriod']]]);
    expect(retyped.body.invalidParams[0].reason).toContain('This delivery was realised on 1 April 2025, in the period of the letter with reference date 31 August 2025 (Kamerstuk 22 054, nr. 453)');
    expect(retyped.body.invalidParams[0].reason).toContain('to another type of support');
    const refunded = await patch({ fundingSource: 'epf' });
    expect([refunded.status, refunded.body.invalidParams?.map((param: any) => [param.name, param.code])]).toEqual([422, [['fundingSource', 'datedInSentLetterPeriod']]]);
    expect(refunded.body.invalidParams[0].reason).toContain('between Dutch support and the work as implementing actor for the EU (EPF)');
    expect(refunded.body.reasonsByLanguage.nl[0]).toContain('Deze levering is gerealiseerd op 1 april 2025');
    expect(await detailOf(id)).toEqual(before);
    expect(await eventsOf(id)).toHaveLength(eventsBefore);

    expect((await patch({ fundingSource: 'defenceBudget' })).status).toBe(200);
    expect((await patch({ supportType: 'natoFund', fundingSource: 'epf', confirm: ['datedInSentLetterPeriod'] })).status).toBe(200);
    const updates = (await eventsOf(id)).filter((event) => event.action === 'delivery.update').reverse();
    const warning = { date: '2025-04-01', referenceDate: '2025-08-31', paperNumber: 'Kamerstuk 22 054, nr. 453', counted: 'supportType' };
    expect(updates.map((event) => [event.after.supportType, event.after.fundingSource, event.detail?.confirmedWarnings ?? null])).toEqual([
      ['procurement', 'defenceBudget', null],
      ['natoFund', 'epf', [{ field: 'supportType', code: 'datedInSentLetterPeriod', params: warning }]],
    ]);

    const { body: later } = await registrar('POST', '/deliveries', { ...stockDelivery, title: 'Na de peildatum gerealiseerd', realisedAt: AFTER_PERIOD });
    const laterEtag = (await registrar('GET', `/deliveries/${later.id}`)).headers.get('etag')!;
    expect((await registrar('PATCH', `/deliveries/${later.id}`, { fundingSource: 'epf' }, { 'If-Match': laterEtag })).status).toBe(200);
  });

  it('refuses to remove a delivery realised in the sent letter’s period until it is confirmed, the audit event keeping the confirmation; one realised after it, or not yet, is no warning', async () => {
    const { body: stock } = await registrar('POST', '/deliveries', { ...stockDelivery, title: 'Ten onrechte geregistreerde voorraad', confirm: ['datedInSentLetterPeriod'] });
    const remove = async (id: string, query = '') => registrar('DELETE', `/deliveries/${id}${query}`, undefined, { 'If-Match': (await registrar('GET', `/deliveries/${id}`)).headers.get('etag')!, 'Accept-Language': 'en' });
    const before = await detailOf(stock.id);
    const eventsBefore = (await eventsOf(stock.id)).length;

    const warned = await remove(stock.id);
    expect([warned.status, warned.body.code, warned.body.invalidParams?.map((param: any) => [param.name, param.code])]).toEqual([422, 'confirmationRequired', [['realisedAt', 'datedInSentLetterPeriod']]]);
    expect(warned.body.invalidParams[0].reason).toContain('This delivery was realised on 15 April 2025, in the period of the letter with reference date 31 August 2025 (Kamerstuk 22 054, nr. 453)');
    expect(warned.body.invalidParams[0].reason).toContain('Removed, it drops out of the figures at that reference date');
    expect(warned.body.reasonsByLanguage.nl[0]).toContain('Verwijderd valt zij weg uit de cijfers op die peildatum');
    expect((await remove(stock.id, '?confirm=paymentFarAboveValuation')).status).toBe(400);
    expect(await detailOf(stock.id)).toEqual(before);
    expect(await eventsOf(stock.id)).toHaveLength(eventsBefore);

    expect((await remove(stock.id, '?confirm=datedInSentLetterPeriod')).status).toBe(204);
    expect((await registrar('GET', `/deliveries/${stock.id}`)).status).toBe(404);
    const [removal] = await eventsOf(stock.id);
    expect(removal).toMatchObject({ action: 'delivery.delete', before: { realisedAt: '2025-04-15' } });
    expect(removal.detail).toEqual({
      confirmedWarnings: [{ field: 'realisedAt', code: 'datedInSentLetterPeriod', params: { date: '2025-04-15', referenceDate: '2025-08-31', paperNumber: 'Kamerstuk 22 054, nr. 453', counted: 'removed' } }],
    });

    for (const realisedAt of [AFTER_PERIOD, null]) {
      const { body: later } = await registrar('POST', '/deliveries', { ...stockDelivery, title: `Verwijderde voorraad gerealiseerd op ${realisedAt}`, realisedAt });
      expect((await remove(later.id)).status).toBe(204);
      expect((await eventsOf(later.id))[0]).toMatchObject({ action: 'delivery.delete', detail: null });
    }
  });

  it('is no warning for a date after the sent letter’s reference date', async () => {
    const id = await purchase();
    expect((await registrar('POST', `/deliveries/${id}/valuations`, { amountCents: 100_000_00, basis: 'contractPrice', effectiveDate: AFTER_PERIOD })).status).toBe(201);
    const paid = await finance('POST', `/deliveries/${id}/payments`, { amountCents: 100_000_00, paidOn: AFTER_PERIOD });
    expect(paid.status).toBe(201);
    expect((await finance('POST', `/payments/${paid.body.id}/withdrawal`, { withdrawnOn: AFTER_PERIOD, reason: 'Dubbel ingevoerd' })).status).toBe(201);
    expect((await eventsOf(id)).filter((event) => event.detail?.confirmedWarnings)).toEqual([]);
  });
});
