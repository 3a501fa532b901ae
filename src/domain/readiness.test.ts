import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  READINESS_EFFECTS,
  judgementAt,
  judgementViolations,
  laterStateViolations,
  nonReplacementViolations,
  overallEffect,
  projectStatesAt,
  projectViolations,
  replacementViolations,
  sameDecisionViolations,
  stageChangeViolations,
  type Judgement,
  type ProjectState,
  type ReplaceableDelivery,
  type Replacement,
} from './readiness.ts';

describe('readiness judgements', () => {
  it('refuse a judgement without reasoning, in the future or before 2014', () => {
    expect(judgementViolations({ effect: 'none', reasoning: ' ', judgedOn: '2099-01-01' }, '2025-09-10').map((v) => v.field)).toEqual(['reasoning', 'judgedOn']);
    expect(judgementViolations({ effect: 'none', reasoning: 'x', judgedOn: '2013-01-01' }, '2025-09-10')).toEqual([
      { field: 'judgedOn', code: 'dateOutOfRange', params: { floor: '2014-01-01' } },
    ]);
  });

  it('are a history: at any date the judgement that holds is the latest made by then (model)', () => {
    const step = fc.record({ effect: fc.constantFrom(...READINESS_EFFECTS), day: fc.integer({ min: 1, max: 28 }) });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 15 }), fc.integer({ min: 1, max: 28 }), (steps, referenceDay) => {
        const day = (n: number) => `2025-05-${String(n).padStart(2, '0')}`;
        // Recorded one after another; a later recording on the same day corrects the earlier one.
        const history: Judgement[] = steps.map((s, index) => ({
          id: String(index),
          deliveryId: 'd',
          effect: s.effect,
          reasoning: 'r',
          judgedOn: day(s.day),
          judgedByName: 'r',
          recordedAt: `2025-06-01T00:00:${String(index).padStart(2, '0')}.000Z`,
        }));
        let model: Judgement | null = null;
        for (const judgement of history) {
          if (judgement.judgedOn <= day(referenceDay) && (model === null || judgement.judgedOn >= model.judgedOn)) model = judgement;
        }
        expect(judgementAt(history, day(referenceDay))).toBe(model);
      }),
      { numRuns: 200 },
    );
  });

  it('of the same day and recorded in the same millisecond (an import) resolve to the greater id, as the database picks a delivery\'s latest', () => {
    const judgement = (id: string, effect: Judgement['effect']): Judgement => ({ id, deliveryId: 'd', effect, reasoning: 'r', judgedOn: '2025-05-01', judgedByName: 'r', recordedAt: '2025-06-01T00:00:00.000Z' });
    const history = [judgement('0b6f2c6e-0000-4000-8000-000000000001', 'none'), judgement('f1d0c1a2-0000-4000-8000-000000000002', 'unacceptable')];
    expect(judgementAt(history, '2025-05-01')?.effect).toBe('unacceptable');
    expect(judgementAt(history.toReversed(), '2025-05-01')?.effect).toBe('unacceptable');
  });

  it('add up to the most severe effect', () => {
    expect(overallEffect([])).toBeNull();
    expect(overallEffect(['acceptable', 'significantButAcceptable', 'none'])).toBe('significantButAcceptable');
  });
});

describe('replenishment', () => {
  it('goes back to an earlier stage only with a reason; forward, or staying, needs none', () => {
    expect(stageChangeViolations('approved', { stage: 'contracted', reason: '' })).toEqual([]);
    expect(stageChangeViolations('approved', { stage: 'approved', reason: '' })).toEqual([]);
    expect(stageChangeViolations('contracted', { stage: 'identified', reason: ' – ' })).toEqual([{ field: 'reason', code: 'replenishmentStageGoesBack', params: { latest: 'contracted' } }]);
    expect(stageChangeViolations('contracted', { stage: 'identified', reason: 'Het contract is ontbonden.' })).toEqual([]);
  });

  const delivery = (quantity: number | null, valueCents: number): ReplaceableDelivery => ({
    id: 'd',
    isStock: true,
    pledgedAt: '2025-01-01',
    committedAt: '2025-02-01',
    quantity,
    valueCents,
    replacedElsewhere: { valueCents: 0, quantity: 0 },
  });

  it('replaces at most what was delivered, across all projects (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ value: fc.integer({ min: 1, max: 1000 }), quantity: fc.option(fc.integer({ min: 1, max: 20 }), { nil: null }) }), { maxLength: 8 }),
        fc.integer({ min: 1, max: 3000 }),
        fc.option(fc.integer({ min: 1, max: 40 }), { nil: null }),
        (projects, valueCents, quantity) => {
          // Projects are added one by one; each is accepted only if the rule allows it.
          let replacedValue = 0;
          let replacedQuantity = 0;
          for (const project of projects) {
            const replacement: Replacement = { deliveryId: 'd', replacedValueCents: project.value, replacedQuantity: project.quantity };
            const target = { ...delivery(quantity, valueCents), replacedElsewhere: { valueCents: replacedValue, quantity: replacedQuantity } };
            if (replacementViolations({ replaces: [replacement], asOf: '2025-06-01' }, new Map([['d', target]])).length === 0) {
              replacedValue += project.value;
              replacedQuantity += project.quantity ?? 0;
            }
          }
          expect(replacedValue).toBeLessThanOrEqual(valueCents);
          expect(replacedQuantity).toBeLessThanOrEqual(quantity ?? 0);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('only replaces stock deliveries the register knows', () => {
    const replacement = { deliveryId: 'd', replacedValueCents: 1, replacedQuantity: null };
    const project = { replaces: [replacement], asOf: '2025-06-01' };
    expect(replacementViolations(project, new Map())).toEqual([{ field: 'replaces.0.deliveryId', code: 'unknownDelivery' }]);
    expect(replacementViolations(project, new Map([['d', { ...delivery(null, 10), isStock: false }]]))).toEqual([
      { field: 'replaces.0.deliveryId', code: 'notStock' },
    ]);
  });

  it('replaces a delivery from its beginning on: its pledge, else its commitment', () => {
    const project = { replaces: [{ deliveryId: 'd', replacedValueCents: 1, replacedQuantity: null }], asOf: '2024-12-31' };
    expect(replacementViolations(project, new Map([['d', delivery(null, 10)]]))).toEqual([
      {
        field: 'asOf',
        code: 'beforeEarlierStage',
        params: { later: 'replenishmentProject', earlier: 'pledgedAt', earlierDate: '2025-01-01', laterDate: '2024-12-31' },
      },
    ]);
    expect(replacementViolations({ ...project, asOf: '2025-01-01' }, new Map([['d', delivery(null, 10)]]))).toEqual([]);
    // Of several, the latest pledge is the one named.
    const two = { replaces: [...project.replaces, { ...project.replaces[0]!, deliveryId: 'e' }], asOf: '2025-02-01' };
    const later = { ...delivery(null, 10), id: 'e', pledgedAt: '2025-03-01' };
    expect(replacementViolations(two, new Map([['d', delivery(null, 10)], ['e', later]]))[0]?.params).toMatchObject({ earlierDate: '2025-03-01' });
    // One never pledged begins with its commitment.
    const unpledged = { ...later, pledgedAt: null, committedAt: '2025-04-01' };
    expect(replacementViolations(two, new Map([['d', delivery(null, 10)], ['e', unpledged]]))[0]?.params).toMatchObject({ earlier: 'committedAt', earlierDate: '2025-04-01' });
  });

  it('expects a project not yet delivered on or after the day its state holds from', () => {
    const project = { name: 'Vervanging', stage: 'identified' as const, budgetCents: null, expectedOn: '2015-06-01', note: '', replaces: [], asOf: '2025-06-01', reason: '' };
    expect(projectViolations(project, '2025-09-10')).toEqual([{ field: 'expectedOn', code: 'expectedBeforeState', params: { asOf: '2025-06-01' } }]);
    expect(projectViolations({ ...project, expectedOn: '2025-06-01' }, '2025-09-10')).toEqual([]);
    // Delivered, it says when it came.
    expect(projectViolations({ ...project, stage: 'delivered' }, '2025-09-10')).toEqual([]);
  });

  it('expects a delivered project on or before the day it came, if at all', () => {
    const delivered = { name: 'Vervanging', stage: 'delivered' as const, budgetCents: null, expectedOn: '2030-01-01', note: '', replaces: [], asOf: '2025-06-01', reason: '' };
    expect(projectViolations(delivered, '2025-09-10')).toEqual([{ field: 'expectedOn', code: 'expectedAfterDelivery', params: { asOf: '2025-06-01' } }]);
    expect(projectViolations({ ...delivered, expectedOn: '2025-06-02' }, '2025-09-10')).toEqual([{ field: 'expectedOn', code: 'expectedAfterDelivery', params: { asOf: '2025-06-01' } }]);
    expect(projectViolations({ ...delivered, expectedOn: '2025-06-01' }, '2025-09-10')).toEqual([]);
    expect(projectViolations({ ...delivered, expectedOn: null }, '2025-09-10')).toEqual([]);
  });

  it('revalues stock not replaced at a basis stock is valued at', () => {
    const decision = { decidedOn: '2025-05-01', reason: 'Niet vervangen.', revaluation: { amountCents: 100, basis: 'bookValue' as const, effectiveDate: '2025-05-01' } };
    expect(nonReplacementViolations(decision, '2025-09-10')).toEqual([]);
    expect(nonReplacementViolations({ ...decision, revaluation: { ...decision.revaluation, basis: 'contribution' } }, '2025-09-10')).toEqual([
      { field: 'revaluation.basis', code: 'basisNotOfSupportType', params: { supportType: 'stock', bases: 'replacementValue,bookValue' } },
    ]);
  });

  it('refuses a revaluation effective before the decision it follows from, judged only when both dates are dates it takes', () => {
    const decision = { decidedOn: '2025-09-05', reason: 'Niet vervangen.', revaluation: { amountCents: 1_111_111_111, basis: 'bookValue' as const, effectiveDate: '2025-08-01' } };
    expect(nonReplacementViolations(decision, '2025-09-10')).toEqual([
      { field: 'revaluation.effectiveDate', code: 'beforeDecision', params: { decidedOn: '2025-09-05', date: '2025-08-01' } },
    ]);
    expect(nonReplacementViolations({ ...decision, revaluation: { ...decision.revaluation, effectiveDate: '2025-09-05' } }, '2025-09-10')).toEqual([]);
    expect(nonReplacementViolations({ ...decision, revaluation: { ...decision.revaluation, effectiveDate: '2025-09-08' } }, '2025-09-10')).toEqual([]);
    expect(nonReplacementViolations({ ...decision, decidedOn: '2025-09-12' }, '2025-09-10')).toEqual([{ field: 'decidedOn', code: 'dateInFuture' }]);
  });

  it('records a decision not to replace once: the same day and reason again is the same decision', () => {
    const earlier = [{ decidedOn: '2025-03-01', reason: 'Verouderd  materieel' }];
    expect(sameDecisionViolations({ decidedOn: '2025-03-01', reason: ' verouderd materieel ' }, earlier)).toEqual([
      { field: 'reason', code: 'decisionRecorded', params: { decidedOn: '2025-03-01' } },
    ]);
    expect(sameDecisionViolations({ decidedOn: '2025-03-02', reason: 'Verouderd materieel' }, earlier)).toEqual([]);
    expect(sameDecisionViolations({ decidedOn: '2025-03-01', reason: 'Een ander deel: niet meer nodig' }, earlier)).toEqual([]);
  });

  it('at a date, shows each project in the state that held then: none before its first, the same day\'s later recording over the earlier', () => {
    const state = (projectId: string, asOf: string, stage: ProjectState['stage'], recordedAt: string): ProjectState => ({
      id: `${projectId}-${asOf}-${stage}`,
      projectId,
      asOf,
      name: projectId,
      stage,
      reason: '',
      replaces: [],
      recordedAt,
    });
    const states = [
      state('a', '2025-05-01', 'identified', '2025-05-01T10:00:00.000Z'),
      state('a', '2025-07-01', 'contracted', '2025-07-01T10:00:00.000Z'),
      // Two of the same day, the later recorded (listed first) holds.
      state('a', '2025-06-01', 'approved', '2025-06-02T10:00:00.000Z'),
      state('a', '2025-06-01', 'identified', '2025-06-01T10:00:00.000Z'),
      state('b', '2025-06-15', 'delivered', '2025-06-15T10:00:00.000Z'),
    ];
    const stagesAt = (date: string) => Object.fromEntries(projectStatesAt(states, date).map((held) => [held.projectId, held.stage]));
    expect(stagesAt('2025-04-30')).toEqual({});
    expect(stagesAt('2025-05-31')).toEqual({ a: 'identified' });
    expect(stagesAt('2025-06-30')).toEqual({ a: 'approved', b: 'delivered' });
    expect(stagesAt('2025-07-01')).toEqual({ a: 'contracted', b: 'delivered' });
  });

  it('refuses a change that holds from before the state it follows, and takes one of the same day', () => {
    expect(laterStateViolations('2025-05-31', '2025-06-01')).toEqual([{ field: 'asOf', code: 'beforeLatestState', params: { latest: '2025-06-01' } }]);
    expect(laterStateViolations('2025-06-01', '2025-06-01')).toEqual([]);
  });
});
