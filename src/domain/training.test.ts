import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  GIVEN_TRAINING,
  TRAINING_MEASURES,
  contributionViolations,
  movesTrainingFiguresAt,
  programmeTakenViolations,
  trainingCountAt,
  trainingCountedUpTo,
  trainingCountedUpToByEach,
  trainingFigureAt,
  type Contribution,
  type ContributionInput,
} from './training.ts';

const TODAY = '2025-09-10';
const valid: ContributionInput = {
  periodFrom: '2023-01-01',
  periodTo: null,
  countsUpTo: '2025-08-31',
  trainers: 71,
  trainersIsMaximum: false,
  rotations: null,
  soldiersPerRotation: null,
  trainees: 250,
  traineesIsApproximate: true,
  courses: null,
  costEstimateCents: null,
  fundingSource: null,
  note: '',
};

describe('a training contribution', () => {
  it('is valid as the seed letter counts ST-C', () => {
    expect(contributionViolations(valid, TODAY)).toEqual([]);
  });

  it('names every wrong field at once', () => {
    const fields = contributionViolations(
      { ...valid, trainers: -1, trainees: 1.5, countsUpTo: '2099-01-01', periodFrom: '2013-12-31', note: 'a\u0000b', costEstimateCents: 500_000_000 },
      TODAY,
    ).map((violation) => violation.field);
    expect(fields).toEqual(expect.arrayContaining(['trainers', 'trainees', 'countsUpTo', 'periodFrom', 'note', 'fundingSource']));
  });

  it('counts no more than one contribution can hold: trainees and courses a million, trainers and soldiers per rotation a hundred thousand, rotations a thousand', () => {
    const largest = { trainers: 100_000, rotations: 1_000, soldiersPerRotation: 100_000, trainees: 1_000_000, courses: 1_000_000 };
    expect(contributionViolations({ ...valid, ...largest }, TODAY)).toEqual([]);
    expect(contributionViolations({ ...valid, trainers: 100_001, rotations: 1_001, soldiersPerRotation: 100_001, trainees: 1_000_001, courses: 1_000_001 }, TODAY)).toEqual(
      Object.entries(largest).map(([field, maximum]) => ({ field, code: 'tooLarge', params: { maximum: String(maximum) } })),
    );
  });

  it('counts training given over a period begun by the date it runs up to; a plan may begin later', () => {
    expect(contributionViolations({ ...valid, periodFrom: '2025-01-01', countsUpTo: '2024-06-30' }, TODAY)).toEqual([
      { field: 'periodFrom', code: 'periodAfterCount', params: { countsUpTo: '2024-06-30' } },
    ]);
    expect(contributionViolations({ ...valid, periodFrom: '2035-01-01', countsUpTo: '2025-06-30', trainees: null, traineesIsApproximate: false }, TODAY)).toEqual([
      { field: 'periodFrom', code: 'periodAfterCount', params: { countsUpTo: '2025-06-30' } },
    ]);
    expect(contributionViolations({ ...valid, periodFrom: '2025-08-31', countsUpTo: '2025-08-31' }, TODAY)).toEqual([]);
    // The continuation of Interflex in 2026, decided before the letter of 10 September 2025.
    const plan = { ...valid, trainers: null, trainees: null, traineesIsApproximate: false, soldiersPerRotation: 90, costEstimateCents: 500_000_000, fundingSource: 'internationalSecurityBudget' as const };
    expect(contributionViolations({ ...plan, periodFrom: '2026-01-01', periodTo: '2026-12-31', countsUpTo: '2025-08-31' }, TODAY)).toEqual([]);
  });

  it('counts something only with a count above zero or a cost: a 0 stands beside such a count, never alone', () => {
    const nothing = { ...valid, trainers: null, trainees: null, traineesIsApproximate: false };
    const nothingCounted = [{ field: 'trainers', code: 'nothingCounted' }];
    expect(contributionViolations(nothing, TODAY)).toEqual(nothingCounted);
    expect(contributionViolations({ ...nothing, trainers: 0, trainees: 0, courses: 0 }, TODAY)).toEqual(nothingCounted);
    expect(contributionViolations({ ...nothing, rotations: 0, soldiersPerRotation: 0 }, TODAY)).toEqual(nothingCounted);
    expect(contributionViolations({ ...nothing, trainers: 20, trainees: 0 }, TODAY)).toEqual([]);
    expect(contributionViolations({ ...nothing, rotations: 0, costEstimateCents: 500_000_000, fundingSource: 'internationalSecurityBudget' }, TODAY)).toEqual([]);
  });

  it('never accepts a negative count, whatever else it holds (property)', () => {
    const count = fc.option(fc.integer({ min: -1000, max: 1000 }), { nil: null });
    fc.assert(
      fc.property(count, count, count, count, count, (trainers, rotations, soldiersPerRotation, trainees, courses) => {
        const input = { ...valid, trainers, rotations, soldiersPerRotation, trainees, courses, trainersIsMaximum: false, traineesIsApproximate: false };
        const accepted = contributionViolations(input, TODAY).length === 0;
        const counts = [trainers, rotations, soldiersPerRotation, trainees, courses].filter((value) => value !== null);
        if (accepted) expect(counts.every((value) => value >= 0)).toBe(true);
        if (counts.some((value) => value < 0)) expect(accepted).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

describe('a training figure at a reference date', () => {
  const contribution = (countsUpTo: string, trainees: number, recordedAt = `${countsUpTo}T12:00:00.000Z`): Contribution => ({
    ...valid,
    trainers: null,
    id: `${countsUpTo}-${trainees}`,
    programmeId: 'p',
    countsUpTo,
    trainees,
    recordedByName: 'r',
    recordedAt,
  });

  it('comes from the latest contribution counted by then, never a later one (property)', () => {
    const history = fc.array(
      fc.record({ day: fc.integer({ min: 1, max: 28 }), trainees: fc.nat({ max: 100_000 }), order: fc.nat({ max: 1000 }) }),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(history, fc.integer({ min: 1, max: 28 }), (rows, referenceDay) => {
        const day = (n: number) => `2025-02-${String(n).padStart(2, '0')}`;
        const contributions = rows.map((row) => contribution(day(row.day), row.trainees, `2025-03-01T00:00:00.${String(row.order).padStart(3, '0')}Z`));
        const figure = trainingFigureAt(contributions, 'trainees', day(referenceDay));
        const known = contributions.filter((row) => row.countsUpTo <= day(referenceDay));
        if (known.length === 0) {
          expect(figure).toBeNull();
          return;
        }
        const latestDate = known.map((row) => row.countsUpTo).sort().at(-1)!;
        const candidates = known.filter((row) => row.countsUpTo === latestDate);
        const latestRecorded = candidates.map((row) => row.recordedAt).sort().at(-1)!;
        expect(candidates.filter((row) => row.recordedAt === latestRecorded).map((row) => row.trainees)).toContain(figure!.value);
        expect(figure!.value).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 200 },
    );
  });

  it('says whether the count is an estimate or a ceiling', () => {
    const rows = [{ ...contribution('2025-08-31', 220), traineesIsApproximate: true, trainers: 20, trainersIsMaximum: true }];
    expect(trainingFigureAt(rows, 'trainees', '2025-08-31')).toEqual({ value: 220, qualifier: 'approximate' });
    expect(trainingFigureAt(rows, 'trainers', '2025-08-31')).toEqual({ value: 20, qualifier: 'maximum' });
    expect(TRAINING_MEASURES.map((measure) => trainingFigureAt(rows, measure, '2025-08-30'))).toEqual(TRAINING_MEASURES.map(() => null));
  });

  it('dates each measure by the contribution it comes from, where a later count left that measure out', () => {
    const rows = [{ ...contribution('2025-05-31', 100), trainers: 12 }, contribution('2025-08-31', 220)];
    expect(trainingCountAt(rows, 'trainees', '2025-09-10')).toEqual({ value: 220, qualifier: 'approximate', countsUpTo: '2025-08-31' });
    expect(trainingCountAt(rows, 'trainers', '2025-09-10')).toEqual({ value: 12, qualifier: 'exact', countsUpTo: '2025-05-31' });
    expect(trainingFigureAt(rows, 'trainers', '2025-09-10')).toEqual({ value: 12, qualifier: 'exact' });
  });

  it('says up to when the training given was counted at a date: the latest count up to it, a plan aside', () => {
    const plan = { ...contribution('2025-09-05', 0), trainees: null, costEstimateCents: 500_000_000, soldiersPerRotation: 90 };
    const rows = [contribution('2025-05-31', 100), contribution('2025-08-31', 220), plan, contribution('2025-10-31', 300)];
    expect(trainingCountedUpTo(rows, '2025-09-10')).toBe('2025-08-31');
    expect(trainingCountedUpTo(rows, '2025-08-30')).toBe('2025-05-31');
    expect(trainingCountedUpTo(rows, '2025-05-30')).toBeNull();
  });

  it('says up to when the training given of each of the programmes was counted: the earliest of their latest counts, one with none counted by then aside', () => {
    const plan = { ...contribution('2025-06-30', 0), trainees: null, costEstimateCents: 500_000_000 };
    const stc = [contribution('2025-05-31', 100), contribution('2025-08-31', 220)];
    const specialist = [contribution('2025-10-15', 19)];
    expect(trainingCountedUpToByEach([stc, specialist, [plan]], '2025-10-31')).toBe('2025-08-31');
    // At a date before the specialist training's count, only the other programme's counts are known.
    expect(trainingCountedUpToByEach([stc, specialist], '2025-10-14')).toBe('2025-08-31');
    expect(trainingCountedUpToByEach([specialist, stc], '2025-07-01')).toBe('2025-05-31');
    expect(trainingCountedUpToByEach([specialist, [plan]], '2025-10-14')).toBeNull();
    expect(trainingCountedUpToByEach([], '2025-10-14')).toBeNull();
  });
});

describe('a contribution added in the period of a letter', () => {
  const counted = (countsUpTo: string, counts: Partial<ContributionInput>, recordedAt = `${countsUpTo}T12:00:00.000Z`): Contribution => ({
    ...valid,
    trainers: null,
    trainees: null,
    traineesIsApproximate: false,
    ...counts,
    id: `${countsUpTo}-${recordedAt}`,
    programmeId: 'p',
    countsUpTo,
    recordedByName: 'r',
    recordedAt,
  });
  const later = '2025-09-20T12:00:00.000Z';

  it('moves no figure where a later count by the reference date supersedes each of its measures, and moves the one no later count holds', () => {
    const programme = [counted('2025-08-15', { trainers: 20, trainees: 250 })];
    expect(movesTrainingFiguresAt(programme, counted('2025-06-30', { trainers: 12, trainees: 100 }, later), [], '2025-08-31')).toBe(false);
    expect(movesTrainingFiguresAt(programme, counted('2025-06-30', { trainers: 12, courses: 4 }, later), [], '2025-08-31')).toBe(true);
    // Of the same day as the count in force it is recorded later, and in force itself.
    expect(movesTrainingFiguresAt(programme, counted('2025-08-15', { trainers: 21 }, later), [], '2025-08-31')).toBe(true);
    expect(movesTrainingFiguresAt(programme, counted('2025-09-01', { trainers: 21 }, later), [], '2025-08-31')).toBe(false);
  });

  it('moves the count of training given at the earliest of the programmes’ latest counts, where a letter of format 7 takes it, though a later one supersedes it by the reference date', () => {
    const programme = [counted('2025-08-31', { trainers: 20 })];
    const countedEarlier = [counted('2025-07-31', { trainees: 80 })];
    const added = counted('2025-07-15', { trainers: 15 }, later);
    expect(movesTrainingFiguresAt(programme, added, [], '2025-08-31')).toBe(false);
    expect(movesTrainingFiguresAt(programme, added, [countedEarlier], '2025-08-31')).toBe(true);
    // A plan's cost the letter takes at the reference date alone.
    const plan = counted('2025-07-15', { costEstimateCents: 400_000_000, fundingSource: 'defenceBudget' }, later);
    expect(movesTrainingFiguresAt([...programme, counted('2025-08-01', { costEstimateCents: 500_000_000, fundingSource: 'defenceBudget' })], plan, [countedEarlier], '2025-08-31')).toBe(false);
  });

  /**
   * What a letter at the reference date prints of training, as its figures take it (src/letters/snapshot.ts), with the
   * programmes in `named` those whose counts of training given its text names: every programme's counts, those of
   * training given at the earliest of the named programmes' latest counts (format 7; the reference date where none is
   * named), the others at the reference date; up to when training given was counted, in both formats; and the annex's rows.
   */
  const printed = (programmes: readonly Contribution[][], named: readonly number[], referenceDate: string) => {
    const takenAt = named.length === 0 ? referenceDate : (trainingCountedUpToByEach(named.map((index) => programmes[index]!), referenceDate) ?? referenceDate);
    const given = (measure: string) => (GIVEN_TRAINING as readonly string[]).includes(measure);
    return JSON.stringify({
      counts: programmes.map((contributions) => TRAINING_MEASURES.map((measure) => trainingFigureAt(contributions, measure, given(measure) ? takenAt : referenceDate))),
      countedUpTo: [trainingCountedUpToByEach(named.length === 0 ? programmes : named.map((index) => programmes[index]!), referenceDate), trainingCountedUpTo(programmes.flat(), referenceDate)],
      annex: programmes.map((contributions) => [trainingCountedUpTo(contributions, referenceDate), ...GIVEN_TRAINING.map((measure) => trainingFigureAt(contributions, measure, referenceDate))]),
    });
  };

  it('moves a figure exactly where a letter at the reference date, whichever programmes its text names, prints otherwise with it (property)', () => {
    const day = (n: number) => `2025-02-${String(n).padStart(2, '0')}`;
    const count = fc.option(fc.integer({ min: 1, max: 3 }), { nil: null });
    const contribution = fc.record({ day: fc.integer({ min: 1, max: 12 }), trainers: count, trainees: count, rotations: count, order: fc.nat({ max: 999 }) });
    const contributionOf = ({ day: n, trainers, trainees, rotations }: { day: number; trainers: number | null; trainees: number | null; rotations: number | null }, recordedAt: string) =>
      counted(day(n), { trainers, trainees, rotations }, recordedAt);
    const programme = fc.array(contribution, { maxLength: 4 });
    fc.assert(
      fc.property(fc.array(programme, { minLength: 1, maxLength: 3 }), contribution, fc.integer({ min: 1, max: 12 }), (rows, addedRow, referenceDay) => {
        const programmes = rows.map((own, index) => own.map((row) => ({ ...contributionOf(row, `2025-03-01T00:00:00.${String(row.order).padStart(3, '0')}Z`), id: `${index}-${row.order}-${row.day}` })));
        const added = { ...contributionOf(addedRow, later), id: 'added' };
        const after = [[...programmes[0]!, added], ...programmes.slice(1)];
        const subsets = Array.from({ length: 2 ** programmes.length }, (_, mask) => programmes.flatMap((__, index) => ((mask >> index) & 1 ? [index] : [])));
        const expected = subsets.some((named) => printed(programmes, named, day(referenceDay)) !== printed(after, named, day(referenceDay)));
        expect(movesTrainingFiguresAt(programmes[0]!, added, programmes.slice(1), day(referenceDay))).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe('a programme', () => {
  const registered = [{ key: 'interflex', name: 'Operatie Interflex' }, { key: 'romania', name: 'Training in Roemenië' }];

  it.each(['Operatie Interflex', 'operatie interflex', 'OPERATIE  INTERFLEX ', 'Opératie\u00a0Interflex'])('is registered once: %j is the programme registered, named as the register has it', (name) => {
    expect(programmeTakenViolations({ key: 'nieuw', name }, registered)).toEqual([{ field: 'name', code: 'programmeNameTaken', params: { name: 'Operatie Interflex' } }]);
  });

  it("is registered once under its short name too, and says both at once; a name that differs in more than case, accents and spaces is another's", () => {
    expect(programmeTakenViolations({ key: 'romania', name: 'training in roemenie' }, registered).map((violation) => violation.code)).toEqual(['programmeKeyTaken', 'programmeNameTaken']);
    expect(programmeTakenViolations({ key: 'nieuw', name: 'Operatie Interflex 2' }, registered)).toEqual([]);
    expect(programmeTakenViolations({ key: 'nieuw', name: 'Operatie Interflex' }, [])).toEqual([]);
  });
});
