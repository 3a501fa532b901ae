/**
 * The budget and EPF records dated on or before the reference date of the latest letter sent to parliament that
 * change a figure the letter printed at that date (a budget decision, a new amount of a commitment its text names, an
 * EPF tranche, claim, or an assessment or blockage that moves what a claim adds up to then) are a warning to confirm,
 * naming the letter, recorded only when confirmed, their audit events keeping the confirmation; those that move no
 * printed figure are none.
 */
import { beforeAll, expect, it } from 'vitest';
import { systemContext } from '../../src/audit/trail.ts';
import { sendLetter } from '../../src/register/letter-publication.ts';
import { submitAndApprove } from '../../src/register/letter-review.ts';
import { createCommitment } from '../../src/register/budget.ts';
import { createDraft, finalise } from '../../src/register/letters.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { SIGNED } from '../support/letters.ts';
import { apiClient, type ApiCall } from './client.ts';

const context = systemContext('test');
const IN_PERIOD = '2025-08-31';
const AFTER_PERIOD = '2025-09-01';
const CONFIRM = { confirm: ['datedInSentLetterPeriod'] };
const warningAt = (field: string, date: string) => ({ field, code: 'datedInSentLetterPeriod', params: { date, referenceDate: '2025-08-31' } });

describeEachDatabase('budget and EPF records dated in the period of a letter sent to parliament', (database) => {
  let finance: ApiCall;
  let auditor: ApiCall;
  /** Commitments pledged before the letter, which its text names by their amount, by their budget year only, or not. */
  const commitments = { named: '', yearNamed: '', unnamed: '' };

  beforeAll(async () => {
    const { db } = database();
    finance = apiClient(db, { role: 'finance' });
    auditor = apiClient(db, { role: 'auditor' });
    for (const key of Object.keys(commitments) as (keyof typeof commitments)[]) {
      const fields = { title: `Munitie ${key}`, fund: 'ukraineSupportBudget', budgetYear: 2025, deliveryId: null, contractReference: null } as const;
      commitments[key] = (await createCommitment(db, context, fields, { stage: 'pledged', amountCents: 10_000_000_00, effectiveOn: '2025-03-01', note: '' })).id;
    }
    const text = `Toegezegd is {{budgetCommitment:${commitments.named}}} en iets voor {{budgetCommitment:${commitments.yearNamed}.year}}.`;
    const draft = await createDraft(db, context, { ...SIGNED, referenceDate: '2025-08-31', letterDate: '2025-09-10', blocks: [{ key: 'begroting', heading: 'Begroting', text }] });
    const approved = await submitAndApprove(db, context, draft.id, draft.version);
    const final = await finalise(db, context, draft.id, approved.version);
    await sendLetter(db, context, draft.id, final.version);
  });

  const eventsOf = async (id: string) => (await auditor('GET', `/audit-events?objectId=${id}`)).body.items as any[];
  const warnedAt = (response: { status: number; body: any }) => [response.status, response.body.code, response.body.invalidParams?.map((param: any) => [param.name, param.code])];
  const refusedAt = (field: string) => [422, 'confirmationRequired', [[field, 'datedInSentLetterPeriod']]];

  it('refuses a budget decision taken in the period until it is confirmed, its audit event keeping the confirmation; a shift or one after is none', async () => {
    const decision = { moment: 'Suppletoire begroting augustus', decidedOn: IN_PERIOD, fund: 'ukraineSupportBudget', firstYear: 2025, lastYear: 2025, amounts: [{ budgetYear: 2025, amountCents: 50_000_000_00 }] };
    const budgetBefore = (await finance('GET', '/budget')).body;
    const warned = await finance('POST', '/budget/decisions', decision, { 'Accept-Language': 'en' });
    expect(warnedAt(warned)).toEqual(refusedAt('decidedOn'));
    expect(warned.body.invalidParams[0].reason).toContain('31 August 2025 falls in the period of the letter with reference date 31 August 2025');
    expect((await finance('GET', '/budget')).body).toEqual(budgetBefore);

    const decided = await finance('POST', '/budget/decisions', { ...decision, ...CONFIRM });
    expect(decided.status).toBe(201);
    expect((await eventsOf(decided.body.id))[0].detail).toMatchObject({ confirmedWarnings: [warningAt('decidedOn', IN_PERIOD)] });
    // A shift between years leaves the budget the letter printed as it was.
    expect((await finance('POST', '/budget/shifts', { moment: 'Schuif augustus', decidedOn: IN_PERIOD, fund: 'ukraineSupportBudget', fromYear: 2025, toYear: 2026, amountCents: 1_000_00 })).status).toBe(201);
    const later = await finance('POST', '/budget/decisions', { ...decision, moment: 'Najaarsnota', decidedOn: AFTER_PERIOD });
    expect(later.status).toBe(201);
    expect((await eventsOf(later.body.id))[0].detail ?? null).toBeNull();
  });

  it('refuses a new amount of a commitment whose amount the letter names in the period until it is confirmed; a stage that keeps it, or of a commitment it names by its year or not at all, is none', async () => {
    const stages = (id: string) => `/budget/commitments/${id}/stages`;
    const stagesOf = async (id: string) => (await finance('GET', `/budget/commitments/${id}`)).body.stages.length;
    const lower = { stage: 'committed', amountCents: 9_000_000_00, effectiveOn: '2025-06-01' };
    expect(warnedAt(await finance('POST', stages(commitments.named), lower))).toEqual(refusedAt('effectiveOn'));
    expect(await stagesOf(commitments.named)).toBe(1);
    expect((await finance('POST', stages(commitments.named), { ...lower, ...CONFIRM })).status).toBe(201);
    const confirmedOf = async (id: string) => (await eventsOf(id)).filter((event) => event.action === 'budgetCommitment.stage').map((event) => event.detail?.confirmedWarnings ?? null);
    expect(await confirmedOf(commitments.named)).toEqual([[warningAt('effectiveOn', '2025-06-01')]]);

    // The same amount at the next stage, a new amount of commitments whose amount the letter does not print, and one after the reference date.
    expect((await finance('POST', stages(commitments.named), { stage: 'committed', amountCents: 9_000_000_00, effectiveOn: '2025-07-01' })).status).toBe(201);
    expect((await finance('POST', stages(commitments.yearNamed), lower)).status).toBe(201);
    expect((await finance('POST', stages(commitments.unnamed), lower)).status).toBe(201);
    expect((await finance('POST', stages(commitments.named), { stage: 'committed', amountCents: 8_000_000_00, effectiveOn: AFTER_PERIOD })).status).toBe(201);
    expect(await confirmedOf(commitments.named)).toHaveLength(3);
    expect((await confirmedOf(commitments.named)).filter((confirmed) => confirmed !== null)).toHaveLength(1);
  });

  it('refuses an EPF tranche decided in the period until it is confirmed, its audit event keeping the confirmation', async () => {
    const tranche = { kind: 'windfallProfits', name: 'Windfall profits, tranche augustus', euAmountCents: 1_000_000_000_00, decidedOn: IN_PERIOD, dutchRole: 'none' };
    expect(warnedAt(await finance('POST', '/epf/tranches', tranche))).toEqual(refusedAt('decidedOn'));
    expect((await finance('GET', '/epf/tranches')).body.items).toEqual([]);
    const decided = await finance('POST', '/epf/tranches', { ...tranche, ...CONFIRM });
    expect(decided.status).toBe(201);
    expect((await eventsOf(decided.body.id))[0].detail).toMatchObject({ confirmedWarnings: [warningAt('decidedOn', IN_PERIOD)] });
    expect((await finance('POST', '/epf/tranches', { ...tranche, name: 'Windfall profits, tranche september', decidedOn: AFTER_PERIOD })).status).toBe(201);
  });

  it('refuses an EPF claim declared in the period until it is confirmed, and so an assessment or blockage that moves what it adds up to at the reference date', async () => {
    const claim = { reference: 'EPF-PERIODE-1', batch: 'Leveringen', period: '2025', declaredCents: 100_000_00, declaredOn: '2025-05-01' };
    expect(warnedAt(await finance('POST', '/epf/claims', claim))).toEqual(refusedAt('declaredOn'));
    expect((await finance('GET', '/epf/claims')).body.items).toEqual([]);
    const declared = await finance('POST', '/epf/claims', { ...claim, ...CONFIRM });
    expect(declared.status).toBe(201);
    const id = declared.body.claim.id as string;
    const historyOf = async () => (await finance('GET', `/epf/claims/${id}`)).body;

    const assessment = { compensatedCents: 80_000_00, assessedOn: '2025-06-01' };
    expect(warnedAt(await finance('POST', `/epf/claims/${id}/assessments`, assessment))).toEqual(refusedAt('assessedOn'));
    expect((await historyOf()).assessments).toEqual([]);
    expect((await finance('POST', `/epf/claims/${id}/assessments`, { ...assessment, ...CONFIRM })).status).toBe(201);

    const blockage = { blocked: true, effectiveOn: '2025-07-01', reason: 'Veto' };
    expect(warnedAt(await finance('POST', `/epf/claims/${id}/blockages`, blockage))).toEqual(refusedAt('effectiveOn'));
    expect((await historyOf()).blockages).toEqual([]);
    expect((await finance('POST', `/epf/claims/${id}/blockages`, { ...blockage, ...CONFIRM })).status).toBe(201);
    // Released after the reference date: the claim was blocked then, as the letter said.
    expect((await finance('POST', `/epf/claims/${id}/blockages`, { blocked: false, effectiveOn: AFTER_PERIOD, reason: '' })).status).toBe(201);

    const confirmedOf = (await eventsOf(id)).map((event) => [event.action, event.detail?.confirmedWarnings?.map((warning: any) => [warning.field, warning.params.date]) ?? null]);
    expect(confirmedOf).toHaveLength(4);
    expect(confirmedOf).toEqual(
      expect.arrayContaining([
        ['epf.claim.create', [['declaredOn', '2025-05-01']]],
        ['epf.claim.assess', [['assessedOn', '2025-06-01']]],
        ['epf.claim.block', [['effectiveOn', '2025-07-01']]],
        ['epf.claim.block', null],
      ]),
    );
  });

  it('is no warning for an assessment or blockage in the period that moves nothing the claim adds up to at the reference date', async () => {
    const declared = await finance('POST', '/epf/claims', { reference: 'EPF-PERIODE-2', batch: 'Leveringen', period: '2025', declaredCents: 100_000_00, declaredOn: '2025-03-01', ...CONFIRM });
    const id = declared.body.claim.id as string;
    expect((await finance('POST', `/epf/claims/${id}/assessments`, { compensatedCents: 60_000_00, assessedOn: '2025-06-01', ...CONFIRM })).status).toBe(201);
    expect((await finance('POST', `/epf/claims/${id}/blockages`, { blocked: true, effectiveOn: '2025-04-01', reason: 'Veto', ...CONFIRM })).status).toBe(201);
    expect((await finance('POST', `/epf/claims/${id}/blockages`, { blocked: false, effectiveOn: '2025-05-15', reason: '', ...CONFIRM })).status).toBe(201);
    // The same compensation assessed again, and a release before the one in force at the reference date: the letter's figures stay.
    expect((await finance('POST', `/epf/claims/${id}/assessments`, { compensatedCents: 60_000_00, assessedOn: '2025-07-01' })).status).toBe(201);
    expect((await finance('POST', `/epf/claims/${id}/blockages`, { blocked: false, effectiveOn: '2025-05-01', reason: '' })).status).toBe(201);
    const unconfirmed = (await eventsOf(id)).filter((event) => !event.detail?.confirmedWarnings).map((event) => [event.action, event.after.assessedOn ?? event.after.effectiveOn]);
    expect(unconfirmed).toHaveLength(2);
    expect(unconfirmed).toEqual(expect.arrayContaining([['epf.claim.assess', '2025-07-01'], ['epf.claim.block', '2025-05-01']]));
  });
});
