import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIRST_BUDGET_YEAR, LAST_BUDGET_YEAR } from '../../common/vocabulary/codes.ts';
import {
  budgetByYearAt,
  budgetFigures,
  decisionViolations,
  movementsOf,
  shiftBudgetViolations,
  shiftFieldViolations,
  stageFollowsDeliveryViolations,
  stageViolations,
  type BudgetDecisionInput,
  type BudgetMovement,
  type BudgetShiftInput,
} from './budget.ts';

const TODAY = '2025-09-10';
const billion = (value: number) => Math.round(value * 100_000_000_000);

const spring2025: BudgetDecisionInput = {
  moment: 'Voorjaarsnota 2025',
  decidedOn: '2025-04-15',
  fund: 'internationalSecurityBudget',
  firstYear: 2025,
  lastYear: 2027,
  amounts: [
    { budgetYear: 2025, amountCents: billion(0.4) },
    { budgetYear: 2026, amountCents: billion(2.4) },
    { budgetYear: 2027, amountCents: billion(0.4) },
  ],
  description: '',
};

const shift = (fields: Partial<BudgetShiftInput>): BudgetShiftInput => ({
  moment: 'Voorjaarsnota 2025',
  decidedOn: '2025-04-15',
  fund: 'internationalSecurityBudget',
  fromYear: 2026,
  toYear: 2025,
  amountCents: billion(2),
  description: '',
  ...fields,
});

describe('budget decisions', () => {
  it('accepts amounts within the period', () => {
    expect(decisionViolations(spring2025, TODAY)).toEqual([]);
  });

  it('refuses a year outside the period, a year twice, an amount of zero and a date in the future, all at once', () => {
    const violations = decisionViolations(
      {
        ...spring2025,
        decidedOn: '2026-01-01',
        amounts: [
          { budgetYear: 2028, amountCents: billion(1) },
          { budgetYear: 2025, amountCents: 0 },
          { budgetYear: 2025, amountCents: billion(1) },
        ],
      },
      TODAY,
    );
    expect(violations.map((violation) => `${violation.field} ${violation.code}`)).toEqual([
      'decidedOn dateInFuture',
      'amounts.0.budgetYear yearOutsideDecision',
      'amounts.1.amountCents notPositive',
      'amounts.2.budgetYear duplicateYear',
    ]);
  });

  it('are about the years from that of the decision up to five after it, not a closed year nor one decades ahead', () => {
    const reach = { decidedOn: '2025-04-15', first: '2025', last: '2030' };
    expect(decisionViolations({ ...spring2025, lastYear: 2030 }, TODAY)).toEqual([]);
    expect(decisionViolations({ ...spring2025, decidedOn: '2014-03-01', firstYear: 2040, lastYear: 2040, amounts: [{ budgetYear: 2040, amountCents: 1 }] }, TODAY)).toEqual([
      { field: 'firstYear', code: 'yearOutsideReach', params: { decidedOn: '2014-03-01', first: '2014', last: '2019' } },
      { field: 'lastYear', code: 'yearOutsideReach', params: { decidedOn: '2014-03-01', first: '2014', last: '2019' } },
    ]);
    expect(decisionViolations({ ...spring2025, lastYear: 2031 }, TODAY)).toEqual([{ field: 'lastYear', code: 'yearOutsideReach', params: reach }]);
    expect(decisionViolations({ ...spring2025, firstYear: 2024, amounts: [{ budgetYear: 2024, amountCents: 1 }] }, TODAY)).toEqual([
      { field: 'firstYear', code: 'yearOutsideReach', params: reach },
    ]);
  });
});

describe('shifts between budget years', () => {
  const movements = movementsOf([spring2025], []);
  /** A shift's rules of its own, and what its year holds. */
  const shiftViolations = (input: BudgetShiftInput, fundMovements: BudgetMovement[], today: string) => [...shiftFieldViolations(input, today), ...shiftBudgetViolations(input, fundMovements, today)];

  it('moves no more than the year holds on the day of the decision', () => {
    expect(shiftViolations(shift({}), movements, TODAY)).toEqual([]);
    expect(shiftViolations(shift({ amountCents: billion(2.4) + 1 }), movements, TODAY)).toEqual([
      { field: 'amountCents', code: 'exceedsYearBudget', params: { year: '2026', available: String(billion(2.4)) } },
    ]);
  });

  it('counts only what was decided by its date', () => {
    expect(shiftViolations(shift({ decidedOn: '2025-04-14' }), movements, TODAY)[0]).toMatchObject({ code: 'exceedsYearBudget', params: { available: '0' } });
  });

  it('refuses a shift dated earlier that would leave a later shift without money', () => {
    const withShift = movementsOf([spring2025], [shift({ decidedOn: '2025-06-01' })]);
    expect(shiftViolations(shift({ decidedOn: '2025-05-01', amountCents: billion(1) }), withShift, TODAY)[0]).toMatchObject({
      code: 'exceedsYearBudget',
      params: { available: String(billion(0.4)) },
    });
  });

  it('moves money between years within the reach of its decision only', () => {
    expect(shiftViolations(shift({ fromYear: 2024 }), movements, TODAY)).toEqual([
      { field: 'fromYear', code: 'yearOutsideReach', params: { decidedOn: '2025-04-15', first: '2025', last: '2030' } },
    ]);
  });

  it('looks only at its own fund', () => {
    expect(shiftViolations(shift({ fund: 'ukraineSupportBudget' }), movements, TODAY)[0]).toMatchObject({ code: 'exceedsYearBudget' });
  });

  it('the budget per year at any date is the sum of the decisions and shifts known by then', () => {
    const year = fc.integer({ min: 2022, max: 2027 });
    const day = fc.integer({ min: 0, max: 1500 }).map((offset) => new Date(Date.UTC(2022, 0, 1 + offset)).toISOString().slice(0, 10));
    const decision = fc.record({ budgetYear: year, decidedOn: day, amountCents: fc.integer({ min: 1, max: 1e12 }) });
    const move = fc.record({ fromYear: year, toYear: year, decidedOn: day, amountCents: fc.integer({ min: 1, max: 1e12 }) });
    fc.assert(
      fc.property(fc.array(decision, { maxLength: 12 }), fc.array(move, { maxLength: 8 }), day, year, (decisions, moves, knownAt, asked) => {
        const budget = budgetByYearAt(
          movementsOf(
            decisions.map((d) => ({ ...spring2025, decidedOn: d.decidedOn, firstYear: d.budgetYear, lastYear: d.budgetYear, amounts: [{ budgetYear: d.budgetYear, amountCents: d.amountCents }] })),
            moves.map((m) => shift(m)),
          ),
          knownAt,
        );
        const known = <T extends { decidedOn: string }>(items: T[]) => items.filter((item) => item.decidedOn <= knownAt);
        const expected =
          known(decisions).filter((d) => d.budgetYear === asked).reduce((sum, d) => sum + d.amountCents, 0) +
          known(moves).filter((m) => m.toYear === asked).reduce((sum, m) => sum + m.amountCents, 0) -
          known(moves).filter((m) => m.fromYear === asked).reduce((sum, m) => sum + m.amountCents, 0);
        expect(budget.get(asked) ?? 0).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });
});

describe('commitment stages', () => {
  const pledged = { stage: 'pledged' as const, amountCents: 2_500_000_000, effectiveOn: '2025-04-15', note: '' };

  it('go forward in time and stage, and may change the amount', () => {
    expect(stageViolations(2025, [pledged], { ...pledged, stage: 'committed', amountCents: 2_600_000_000, effectiveOn: '2025-06-01' }, TODAY)).toEqual([]);
    expect(stageViolations(2025, [pledged], { ...pledged, effectiveOn: '2025-04-01' }, TODAY)).toEqual([
      { field: 'effectiveOn', code: 'beforeLatestStage', params: { latest: '2025-04-15' } },
    ]);
    expect(stageViolations(2025, [{ ...pledged, stage: 'committed' }], pledged, TODAY)).toEqual([{ field: 'stage', code: 'stageGoesBack' }]);
  });

  it('are not the latest stage again, to the cent and the day; another amount or day is a step', () => {
    expect(stageViolations(2025, [pledged], pledged, TODAY)).toEqual([{ field: 'stage', code: 'sameAsLatestStage' }]);
    expect(stageViolations(2025, [pledged], { ...pledged, amountCents: 2_400_000_000 }, TODAY)).toEqual([]);
    expect(stageViolations(2025, [pledged], { ...pledged, effectiveOn: '2025-05-01' }, TODAY)).toEqual([]);
  });

  it('are made in their budget year or before it, not after the year closed', () => {
    expect(stageViolations(2026, [], pledged, TODAY)).toEqual([]);
    expect(stageViolations(2024, [], { ...pledged, effectiveOn: '2024-12-31' }, TODAY)).toEqual([]);
    expect(stageViolations(2022, [], pledged, TODAY)).toEqual([{ field: 'effectiveOn', code: 'afterBudgetYear', params: { year: '2022' } }]);
    expect(stageViolations(2024, [pledged], { ...pledged, stage: 'committed', effectiveOn: '2025-06-01' }, TODAY)).toEqual([
      { field: 'effectiveOn', code: 'afterBudgetYear', params: { year: '2024' } },
    ]);
  });

  it('are made no earlier than a decision on the budget reaches their year, five years ahead', () => {
    expect(stageViolations(2030, [], { ...pledged, effectiveOn: '2025-01-01' }, TODAY)).toEqual([]);
    expect(stageViolations(2030, [], { ...pledged, effectiveOn: '2024-12-31' }, TODAY)).toEqual([
      { field: 'effectiveOn', code: 'beforeBudgetReach', params: { year: '2030', first: '2025' } },
    ]);
    expect(stageViolations(2025, [], { ...pledged, effectiveOn: '2014-01-01' }, TODAY)).toEqual([
      { field: 'effectiveOn', code: 'beforeBudgetReach', params: { year: '2025', first: '2020' } },
    ]);
  });

  it('of a commitment for a delivery are dated on or after its pledge, or without one its commitment', () => {
    const delivery = { pledgedAt: '2025-04-17', committedAt: '2025-05-01' };
    expect(stageFollowsDeliveryViolations(delivery, '2022-01-03')).toEqual([
      { field: 'effectiveOn', code: 'beforeEarlierStage', params: { later: 'budgetCommitment', earlier: 'pledgedAt', earlierDate: '2025-04-17', laterDate: '2022-01-03' } },
    ]);
    expect(stageFollowsDeliveryViolations(delivery, '2025-04-17')).toEqual([]);
    expect(stageFollowsDeliveryViolations({ ...delivery, pledgedAt: null }, '2025-04-30')).toEqual([
      { field: 'effectiveOn', code: 'beforeEarlierStage', params: { later: 'budgetCommitment', earlier: 'committedAt', earlierDate: '2025-05-01', laterDate: '2025-04-30' } },
    ]);
    expect(stageFollowsDeliveryViolations({ pledgedAt: null, committedAt: null }, '2022-01-03')).toEqual([]);
    expect(stageFollowsDeliveryViolations(undefined, '2022-01-03')).toEqual([]);
  });
});

describe('the budget figures per year', () => {
  it('flag a year with more committed and pledged than budgeted, and total every year since 2022', () => {
    const figures = budgetFigures(
      '2025-08-31',
      new Map([[2025, billion(5.9)], [2026, billion(0.4)]]),
      new Map([[2025, { committed: billion(4.9), pledged: billion(0.95) }], [2026, { committed: 0, pledged: billion(0.5) }]]),
      new Map([[2025, billion(2.95)]]),
    );
    const [, , , y2025, y2026] = figures.years;
    expect(figures.years.map((year) => year.budgetYear)).toEqual([2022, 2023, 2024, 2025, 2026]);
    expect(y2025).toMatchObject({ unallocated: billion(0.05), realisationPace: 50, overcommitted: false });
    expect(y2026).toMatchObject({ unallocated: -billion(0.1), realisationPace: 0, overcommitted: true });
    expect(figures.total).toMatchObject({ budgeted: billion(6.3), committed: billion(4.9), pledged: billion(1.45), realised: billion(2.95) });
  });

  it('end at the last budget year the register takes, however far ahead the date they are known at', () => {
    const figures = budgetFigures('2099-12-31', new Map([[2026, billion(0.4)]]), new Map(), new Map());
    expect(figures.years.map((year) => year.budgetYear)).toEqual(Array.from({ length: LAST_BUDGET_YEAR - FIRST_BUDGET_YEAR + 1 }, (_, index) => FIRST_BUDGET_YEAR + index));
    expect(figures.total.budgeted).toBe(billion(0.4));
  });
});
