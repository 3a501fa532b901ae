import { z } from 'zod';
import { formatLetterDate } from '../../common/letter-format.ts';
import type { Cents } from '../../common/money.ts';
import { SYSTEM_ACTOR } from '../../common/actors.ts';
import { countryName } from '../../common/countries.ts';
import { READINESS_EFFECTS, REPLENISHMENT_STAGES, ROLES, TRAINING_FRAMEWORKS } from '../../common/vocabulary/codes.ts';
import { labelOf, roleInWords } from '../../common/vocabulary/index.ts';
import { nl } from '../../common/vocabulary/nl.ts';
import type { AnnexSection } from './letter-document.ts';
import { CentsSchema } from './snapshot.ts';

/**
 * The annex's sections for industry, training and readiness: what the letter's text keeps back (contracts per
 * company, trainers and trainees per programme, the judgement and replacement per stock delivery), at the
 * reference date. Each row names its record by id, absent in annexes frozen before rows had one.
 */

const CountSchema = z.object({ value: z.number().int(), qualifier: z.enum(['exact', 'approximate', 'maximum']) }).nullable();

/** One line of the annex's industry section: a government-to-business contract with its company. */
export const IndustryAnnexRowSchema = z.object({
  contractId: z.string().optional(),
  company: z.string(),
  country: z.string(),
  disclosureState: z.string(),
  reference: z.string(),
  subject: z.string(),
  signedOn: z.iso.date(),
  amountCents: CentsSchema,
  milestones: z.number().int(),
  milestonesCompleted: z.number().int(),
});
export type IndustryAnnexRow = z.infer<typeof IndustryAnnexRowSchema>;

export const TrainingAnnexRowSchema = z.object({
  programmeId: z.string().optional(),
  programme: z.string(),
  hostCountry: z.string(),
  framework: z.enum(TRAINING_FRAMEWORKS),
  trainers: CountSchema,
  trainees: CountSchema,
  courses: CountSchema,
  /** The latest date up to which any of its counts ran by the reference date. */
  countsUpTo: z.iso.date().nullable(),
});
export type TrainingAnnexRow = z.infer<typeof TrainingAnnexRowSchema>;

export const ReadinessAnnexRowSchema = z.object({
  deliveryId: z.string().optional(),
  delivery: z.string(),
  realisedAt: z.iso.date().nullable(),
  /** The judgement that held at the reference date, if any. */
  judgement: z
    .object({
      effect: z.enum(READINESS_EFFECTS),
      judgedOn: z.iso.date(),
      /** The role of the account that judged; null where the system recorded it. */
      judgedByRole: z.enum(ROLES).nullable().optional(),
      /** In annexes frozen before the role was: the account's login name, which is never printed. */
      judgedBy: z.string().optional(),
      reasoning: z.string(),
    })
    .nullable(),
  replacements: z.array(z.object({ project: z.string(), stage: z.enum(REPLENISHMENT_STAGES), replacedValueCents: CentsSchema })),
  /** Decisions not to replace taken by the reference date; revalued when the revaluation that came with one held by then. */
  nonReplacements: z.array(z.object({ decidedOn: z.iso.date(), reason: z.string(), revalued: z.boolean() })),
});
export type ReadinessAnnexRow = z.infer<typeof ReadinessAnnexRowSchema>;

/** Contracts per company: commercially confidential, so kept back from the public letter and listed here. */
export function contractsSection(rows: readonly IndustryAnnexRow[], amount: (cents: Cents) => string): AnnexSection {
  return {
    heading: 'Industrie: contracten per bedrijf',
    header: ['Bedrijf', 'Land', 'Openbaarmaking', 'Contract', 'Onderwerp', 'Getekend', 'Bedrag', 'Mijlpalen afgerond'],
    rows: rows.map((row) => [
      row.company,
      countryName(row.country),
      labelOf(nl.disclosureStates, row.disclosureState),
      row.reference,
      row.subject,
      formatLetterDate(row.signedOn),
      amount(row.amountCents),
      `${row.milestonesCompleted} van ${row.milestones}`,
    ]),
    numericColumns: [6, 7],
  };
}

function countText(count: TrainingAnnexRow['trainers']): string {
  if (count === null) return '';
  const value = count.value.toLocaleString('nl-NL');
  return count.qualifier === 'approximate' ? `circa ${value}` : count.qualifier === 'maximum' ? `maximaal ${value}` : value;
}

export function trainingSection(rows: readonly TrainingAnnexRow[]): AnnexSection {
  return {
    heading: 'Training: trainers en getrainden per programma',
    header: ['Programma', 'Land', 'Kader', 'Trainers', 'Getraind', 'Trainingen', 'Geteld tot en met'],
    rows: rows.map((row) => [
      row.programme,
      countryName(row.hostCountry),
      nl.trainingFrameworks[row.framework],
      countText(row.trainers),
      countText(row.trainees),
      countText(row.courses),
      row.countsUpTo === null ? '' : formatLetterDate(row.countsUpTo),
    ]),
    numericColumns: [3, 4, 5],
  };
}

/** Who judged, by role or as the system; of an annex frozen with a person's login name, nobody: that name is never printed. */
function judgeInWords(judgement: NonNullable<ReadinessAnnexRow['judgement']>): string[] {
  if (judgement.judgedByRole !== undefined) return [roleInWords(judgement.judgedByRole, nl)];
  return judgement.judgedBy === SYSTEM_ACTOR ? [roleInWords(null, nl)] : [];
}

export function readinessSection(rows: readonly ReadinessAnnexRow[], amount: (cents: Cents) => string): AnnexSection {
  return {
    heading: 'Effecten krijgsmacht: oordeel en vervanging per levering uit voorraad',
    header: ['Levering', 'Gerealiseerd', 'Oordeel', 'Onderbouwing', 'Vervanging', 'Niet vervangen'],
    rows: rows.map((row) => [
      row.delivery,
      row.realisedAt === null ? '' : formatLetterDate(row.realisedAt),
      row.judgement ? `${nl.readinessEffects[row.judgement.effect]} (${[formatLetterDate(row.judgement.judgedOn), ...judgeInWords(row.judgement)].join(', ')})` : 'niet beoordeeld',
      row.judgement?.reasoning ?? '',
      row.replacements.map((replacement) => `${replacement.project} (${nl.replenishmentStages[replacement.stage]}): ${amount(replacement.replacedValueCents)}`).join('; '),
      row.nonReplacements.map((decision) => `${formatLetterDate(decision.decidedOn)}: ${decision.reason}${decision.revalued ? ' (herwaardeerd)' : ''}`).join('; '),
    ]),
    numericColumns: [],
  };
}
