import { describe, expect, it } from 'vitest';
import type { TrainingProgrammeAt } from '../../api/training.ts';
import { countedUpTo } from './countedUpTo.ts';

type Counts = TrainingProgrammeAt['counts'];

/** A programme's counts shown, each counted up to the day given; what the list shows of them needs no more. */
function programme(days: Partial<Record<keyof Counts, string>>): Pick<TrainingProgrammeAt, 'counts'> {
  const count = (day: string | undefined) => (day === undefined ? null : { value: 1, qualifier: 'exact' as const, countsUpTo: day });
  return {
    counts: {
      trainers: count(days.trainers),
      trainees: count(days.trainees),
      courses: count(days.courses),
      rotations: count(days.rotations),
      soldiersPerRotation: count(days.soldiersPerRotation),
      costEstimate: count(days.costEstimate),
    },
  };
}

describe('the day a programme’s counts run up to', () => {
  it('is one day where every count shown is of that day', () => {
    expect(countedUpTo(programme({ trainers: '2025-08-31', trainees: '2025-08-31', courses: '2025-08-31' }))).toEqual([{ countsUpTo: '2025-08-31', measures: ['trainers', 'trainees', 'courses'] }]);
  });

  it('dates each count by its own day where a later count left a measure out', () => {
    expect(countedUpTo(programme({ trainers: '2025-10-31', trainees: '2025-08-31' }))).toEqual([
      { countsUpTo: '2025-10-31', measures: ['trainers'] },
      { countsUpTo: '2025-08-31', measures: ['trainees'] },
    ]);
  });

  it('dates a plan by the day it was decided, beside the training given', () => {
    expect(countedUpTo(programme({ trainees: '2025-08-31', rotations: '2025-09-10', soldiersPerRotation: '2025-09-10', costEstimate: '2025-09-10' }))).toEqual([
      { countsUpTo: '2025-08-31', measures: ['trainees'] },
      { countsUpTo: '2025-09-10', measures: ['rotations', 'soldiersPerRotation', 'costEstimate'] },
    ]);
  });

  it('is none before the first count', () => {
    expect(countedUpTo(programme({}))).toEqual([]);
  });
});
