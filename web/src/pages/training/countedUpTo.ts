import type { TrainingProgramme } from '../../api/training.ts';

const COUNT_MEASURES = ['trainers', 'trainees', 'courses'] as const;
export type CountMeasure = (typeof COUNT_MEASURES)[number];

/** The latest contribution that counts the measure, as the letter would take it today. */
export function latestCounting(programme: TrainingProgramme, measure: CountMeasure): TrainingProgramme['contributions'][number] | undefined {
  return programme.contributions.filter((contribution) => contribution[measure] !== null).at(-1);
}

/**
 * The day each measure's latest count runs up to, the measures counted up to the same day together, in the order
 * of their columns: one group where the counts shown are of one day, more where a later count left a measure out.
 */
export function countedUpTo(programme: TrainingProgramme): { countsUpTo: string; measures: CountMeasure[] }[] {
  const groups = new Map<string, CountMeasure[]>();
  for (const measure of COUNT_MEASURES) {
    const latest = latestCounting(programme, measure);
    if (latest) groups.set(latest.countsUpTo, [...(groups.get(latest.countsUpTo) ?? []), measure]);
  }
  return [...groups].map(([countsUpTo, measures]) => ({ countsUpTo, measures }));
}
