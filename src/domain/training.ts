import { isIsoDate, type IsoDate } from '../../common/dates.ts';
import type { Cents } from '../../common/money.ts';
import { latestCountBy } from '../../common/training-rules.ts';
import { TRAINING_MEASURES, type FundingSource, type TrainingFramework, type TrainingMeasure } from '../../common/vocabulary/codes.ts';
import type { RuleViolation } from './delivery.ts';
import { nameTakenViolations } from './names.ts';
import { repeatedDeliveries } from './references.ts';
import { amountViolations, countViolations, countryViolations, pastDateViolations, plannedDateViolations, textViolations, whereGiven } from './plausibility.ts';

export { TRAINING_FRAMEWORKS, TRAINING_MEASURES, type TrainingMeasure } from '../../common/vocabulary/codes.ts';

export interface TrainingProgrammeInput {
  /** The short name the letter's text uses: `{{training:stc.trainers}}`. */
  key: string;
  name: string;
  /** ISO 3166-1 alpha-2. */
  hostCountry: string;
  framework: TrainingFramework;
  systemTrainedOn: string | null;
  description: string;
  deliveryIds: string[];
}

/** What the Netherlands contributed to a programme over a period, counted up to a date. */
export interface ContributionInput {
  periodFrom: IsoDate;
  periodTo: IsoDate | null;
  /** The date up to which the counts run; for a plan, the date it was decided. */
  countsUpTo: IsoDate;
  trainers: number | null;
  /** "maximaal twintig trainers": the count is a ceiling. */
  trainersIsMaximum: boolean;
  rotations: number | null;
  soldiersPerRotation: number | null;
  trainees: number | null;
  /** "circa 220 Oekraïners": the count is an estimate. */
  traineesIsApproximate: boolean;
  courses: number | null;
  costEstimateCents: Cents | null;
  fundingSource: FundingSource | null;
  note: string;
}

export interface Contribution extends ContributionInput {
  id: string;
  programmeId: string;
  recordedByName: string;
  recordedAt: string;
}

const PROGRAMME_KEY = /^[a-z][a-z0-9-]{0,39}$/;

/** What a programme must meet, each rule judged on the fields given (whereGiven). */
export function programmeViolations(input: Partial<TrainingProgrammeInput>): RuleViolation[] {
  return [
    ...whereGiven(input.key, (key) => (PROGRAMME_KEY.test(key) ? [] : [{ field: 'key', code: 'invalidProgrammeKey' }])),
    ...whereGiven(input.name, (name) => textViolations('name', name, { maximum: 300, required: true, format: 'title' })),
    ...whereGiven(input.hostCountry, (country) => countryViolations('hostCountry', country)),
    ...textViolations('systemTrainedOn', input.systemTrainedOn ?? '', { maximum: 300, required: false, format: 'title' }),
    ...textViolations('description', input.description ?? '', { maximum: 4000, required: false }),
    ...whereGiven(input.deliveryIds, (ids) => repeatedDeliveries('deliveryIds', ids)),
  ];
}

/**
 * A programme is registered once: under a name another programme of the register has, whatever its case,
 * accents and spaces (nameKey), it would read as that programme in the letter's annex and the lists, and
 * under another's short name the letter's figures would name two. `others` are the register's programmes
 * besides this one. Each is judged on the field given.
 */
export function programmeTakenViolations(programme: Partial<Pick<TrainingProgrammeInput, 'key' | 'name'>>, others: readonly Pick<TrainingProgrammeInput, 'key' | 'name'>[]): RuleViolation[] {
  return [
    ...(others.some((other) => other.key === programme.key) ? [{ field: 'key', code: 'programmeKeyTaken' }] : []),
    ...whereGiven(programme.name, (name) => nameTakenViolations('trainingProgramme', 'name', name, others.map((other) => other.name))),
  ];
}

/** The measures of training given, as against a plan's rotations and cost. */
export const GIVEN_TRAINING = ['trainers', 'trainees', 'courses'] as const satisfies readonly TrainingMeasure[];

/** Whether a contribution counts training given (trainers, trainees, courses), not only a plan. */
function countsGivenTraining(contribution: Partial<ContributionInput>): boolean {
  return GIVEN_TRAINING.some((measure) => typeof contribution[measure] === 'number');
}

/**
 * The most each count of one contribution can be; more is a typing mistake. Trainees: no more Ukrainians than
 * Ukraine's armed forces hold, about a million (the letter counts hundreds per programme, and the programmes of
 * all partners together tens of thousands); courses: each trains at least one of them. Trainers and soldiers per
 * rotation: no more than the Dutch armed forces hold, well under a hundred thousand. Rotations: each lasts
 * weeks, and a thousand would be weekly ones for twenty years.
 */
export const MAX_COUNTS = { trainers: 100_000, rotations: 1_000, soldiersPerRotation: 100_000, trainees: 1_000_000, courses: 1_000_000 } as const;

const COUNTS = Object.keys(MAX_COUNTS) as (keyof typeof MAX_COUNTS)[];

/**
 * What a contribution must meet. A field may be missing when a request's value for it is no value of its
 * kind (refused as such): a rule is then judged without it, and a rule between fields only once they are all there.
 */
export function contributionViolations(input: Partial<ContributionInput>, today: IsoDate): RuleViolation[] {
  const { periodFrom, periodTo, countsUpTo, costEstimateCents, fundingSource } = input;
  const violations = [
    ...(periodFrom === undefined ? [] : plannedDateViolations('periodFrom', periodFrom, today)),
    ...(periodTo === undefined || periodTo === null ? [] : plannedDateViolations('periodTo', periodTo, today)),
    ...(countsUpTo === undefined ? [] : pastDateViolations('countsUpTo', countsUpTo, today)),
    ...COUNTS.flatMap((field) => countViolations(field, input[field] ?? null, { maximum: MAX_COUNTS[field] })),
    ...amountViolations('costEstimateCents', costEstimateCents ?? null),
    ...textViolations('note', input.note ?? '', { maximum: 2000, required: false }),
  ];
  if (periodFrom !== undefined && typeof periodTo === 'string' && periodTo < periodFrom) violations.push({ field: 'periodTo', code: 'beforeFrom' });
  // The date of a plan's count is the day it was decided, so only a plan may count a period that begins later.
  if (countsGivenTraining(input) && periodFrom !== undefined && countsUpTo !== undefined && isIsoDate(countsUpTo) && periodFrom > countsUpTo) {
    violations.push({ field: 'periodFrom', code: 'periodAfterCount', params: { countsUpTo } });
  }
  if (input.trainersIsMaximum && input.trainers === null) violations.push({ field: 'trainers', code: 'required' });
  if (input.traineesIsApproximate && input.trainees === null) violations.push({ field: 'trainees', code: 'required' });
  if (costEstimateCents !== undefined && fundingSource !== undefined && (costEstimateCents === null) !== (fundingSource === null)) {
    violations.push({ field: fundingSource === null ? 'fundingSource' : 'costEstimateCents', code: 'required' });
  }
  // A count of 0 beside others says that measure stands at nothing; counts that are all 0 say nothing, yet
  // would replace the programme's earlier counts in the letter and move the date training was counted up to.
  if (COUNTS.every((field) => input[field] === null || input[field] === 0) && costEstimateCents === null) violations.push({ field: 'trainers', code: 'nothingCounted' });
  return violations;
}

/** A measure as the letter places it: its value, and whether it is an estimate or a ceiling. */
export interface TrainingFigure {
  value: number;
  qualifier: 'exact' | 'approximate' | 'maximum';
}

function measureOf(contribution: ContributionInput, measure: TrainingMeasure): TrainingFigure | null {
  switch (measure) {
    case 'trainers':
      return contribution.trainers === null ? null : { value: contribution.trainers, qualifier: contribution.trainersIsMaximum ? 'maximum' : 'exact' };
    case 'trainees':
      return contribution.trainees === null ? null : { value: contribution.trainees, qualifier: contribution.traineesIsApproximate ? 'approximate' : 'exact' };
    case 'costEstimate':
      return contribution.costEstimateCents === null ? null : { value: contribution.costEstimateCents, qualifier: 'approximate' };
    default: {
      const value = contribution[measure];
      return value === null ? null : { value, qualifier: 'exact' };
    }
  }
}

/** The contributions a reference date knows: those counted up to it. Contributions counted after the date do not exist yet. */
export function contributionsCountedBy(contributions: readonly Contribution[], referenceDate: IsoDate): Contribution[] {
  return contributions.filter((contribution) => contribution.countsUpTo <= referenceDate);
}

/** A measure at a reference date with the date its count runs up to. */
export interface TrainingCount extends TrainingFigure {
  countsUpTo: IsoDate;
}

/**
 * A programme's measure at a reference date, with the date it was counted up to: from the latest contribution
 * counted up to that date that counts it (the later recording wins on the same date).
 */
export function trainingCountAt(contributions: readonly Contribution[], measure: TrainingMeasure, referenceDate: IsoDate): TrainingCount | null {
  const latest = latestCountBy(contributions, referenceDate, (contribution) => measureOf(contribution, measure) !== null);
  const figure = latest ? measureOf(latest, measure) : null;
  return figure && { ...figure, countsUpTo: latest!.countsUpTo };
}

/** A programme's measure at a reference date, as the letter places it (trainingCountAt). */
export function trainingFigureAt(contributions: readonly Contribution[], measure: TrainingMeasure, referenceDate: IsoDate): TrainingFigure | null {
  const count = trainingCountAt(contributions, measure, referenceDate);
  return count && { value: count.value, qualifier: count.qualifier };
}

/**
 * The date up to which the training given was counted at a reference date: the latest count up to it. Of one
 * programme's contributions, the date the annex gives it; a letter before format 7 took it of all programmes' together.
 */
export function trainingCountedUpTo(contributions: readonly Contribution[], referenceDate: IsoDate): IsoDate | null {
  const counted = contributionsCountedBy(contributions, referenceDate)
    .filter(countsGivenTraining)
    .map((contribution) => contribution.countsUpTo);
  return counted.length === 0 ? null : counted.reduce((latest, date) => (date > latest ? date : latest));
}

/**
 * The date up to which the training given of each of the programmes was counted at a reference date: the
 * earliest of their dates (trainingCountedUpTo, as the annex dates each), so that what is said of it holds for
 * all their counts; a programme with no training given counted by then has none. Null when none has.
 */
export function trainingCountedUpToByEach(programmes: readonly (readonly Contribution[])[], referenceDate: IsoDate): IsoDate | null {
  const dates = programmes.map((contributions) => trainingCountedUpTo(contributions, referenceDate)).filter((date) => date !== null);
  return dates.length === 0 ? null : dates.reduce((earliest, date) => (date < earliest ? date : earliest));
}

/**
 * Whether a contribution added to a programme's (`before`) moves a figure a letter with the reference date prints of
 * it, beside the other programmes' contributions (`others`): the date its training given was counted up to, a count of
 * a plan at the reference date, or a count of training given at a date the letter takes those at. That is the
 * reference date (the annex, and a text that names none), or, in format 7, the earliest of the latest counts of the
 * programmes the text names (trainingCountedUpToByEach), which is one of those programmes' latest counts. A
 * contribution that a later count of each of its measures supersedes at each of those dates, as the letter takes a
 * count (trainingFigureAt), moves none, as does one counted up to after the reference date.
 */
export function movesTrainingFiguresAt(before: readonly Contribution[], added: Contribution, others: readonly (readonly Contribution[])[], referenceDate: IsoDate): boolean {
  const after = [...before, added];
  if (trainingCountedUpTo(before, referenceDate) !== trainingCountedUpTo(after, referenceDate)) return true;
  const givenTakenAt = new Set([referenceDate, ...[...others, after].flatMap((contributions) => trainingCountedUpTo(contributions, referenceDate) ?? [])]);
  const movesAt = (measure: TrainingMeasure, date: IsoDate) => {
    const [was, is] = [trainingFigureAt(before, measure, date), trainingFigureAt(after, measure, date)];
    return was?.value !== is?.value || was?.qualifier !== is?.qualifier;
  };
  return TRAINING_MEASURES.some((measure) => ((GIVEN_TRAINING as readonly TrainingMeasure[]).includes(measure) ? [...givenTakenAt] : [referenceDate]).some((date) => movesAt(measure, date)));
}
