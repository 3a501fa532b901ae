import type { TrainingProgrammeAt } from '../../api/training.ts';

const COUNT_MEASURES = ['trainers', 'trainees', 'courses', 'rotations', 'soldiersPerRotation', 'costEstimate'] as const;
export type CountMeasure = (typeof COUNT_MEASURES)[number];

/**
 * The day each measure's count shown runs up to, the measures counted up to the same day together, in the order
 * of their columns: one group where the counts shown are of one day, more where a later count left a measure out.
 */
export function countedUpTo(programme: Pick<TrainingProgrammeAt, 'counts'>): { countsUpTo: string; measures: CountMeasure[] }[] {
  const groups = new Map<string, CountMeasure[]>();
  for (const measure of COUNT_MEASURES) {
    const count = programme.counts[measure];
    if (count) groups.set(count.countsUpTo, [...(groups.get(count.countsUpTo) ?? []), measure]);
  }
  return [...groups].map(([countsUpTo, measures]) => ({ countsUpTo, measures }));
}
