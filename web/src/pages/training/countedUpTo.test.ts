import { describe, expect, it } from 'vitest';
import type { TrainingProgramme } from '../../api/training.ts';
import { countedUpTo, latestCounting } from './countedUpTo.ts';

type Contribution = TrainingProgramme['contributions'][number];

/** A programme with the given counts, in the order they were recorded; what the list shows of it needs no more. */
function programme(...counts: Partial<Contribution>[]): TrainingProgramme {
  const contributions = counts.map((count) => ({ trainers: null, trainees: null, courses: null, ...count }) as Contribution);
  return { contributions } as TrainingProgramme;
}

describe('the day a programme’s counts run up to', () => {
  it('is one day where every count shown is of that day', () => {
    const counted = programme({ countsUpTo: '2025-08-31', trainers: 71, trainees: 250, courses: 4 });
    expect(countedUpTo(counted)).toEqual([{ countsUpTo: '2025-08-31', measures: ['trainers', 'trainees', 'courses'] }]);
  });

  it('dates each count by its own day where a later count left a measure out', () => {
    const counted = programme({ countsUpTo: '2025-08-31', trainers: 71, trainees: 250 }, { countsUpTo: '2025-10-31', trainers: 80 });
    expect(latestCounting(counted, 'trainees')?.countsUpTo).toBe('2025-08-31');
    expect(countedUpTo(counted)).toEqual([
      { countsUpTo: '2025-10-31', measures: ['trainers'] },
      { countsUpTo: '2025-08-31', measures: ['trainees'] },
    ]);
  });

  it('is none before the first count', () => {
    expect(countedUpTo(programme())).toEqual([]);
  });
});
