import { isDeepStrictEqual } from 'node:util';
import type { Cents } from '../../common/money.ts';
import type { AnnexSnapshot } from './compose.ts';
import { contractsSection, readinessSection, trainingSection, type IndustryAnnexRow, type ReadinessAnnexRow, type TrainingAnnexRow } from './annex-domain-sections.ts';
import type { AnnexSection } from './letter-document.ts';

/** A row of a domain section of a final letter's annex as it printed it, and as the register gives it at the reference date now. */
export interface AnnexSectionDifference {
  section: 'industry' | 'training' | 'readiness';
  /** The contract, programme or delivery the row is of. */
  item: string;
  /** The row as printed, its cells joined; empty where the annex has no such row. */
  published: string;
  recomputed: string;
}

/** The annex's sections per domain: all a frozen annex and the register's annex now are compared by here. */
type DomainSections = Pick<AnnexSnapshot, 'contractsByCompany' | 'trainingByProgramme' | 'readinessByDelivery'>;

interface SectionRows<Row> {
  section: AnnexSectionDifference['section'];
  rows: (annex: DomainSections) => readonly Row[] | undefined;
  id: (row: Row) => string | undefined;
  /** What names the row in annexes frozen before rows had an id. */
  name: (row: Row) => string;
  /**
   * What the reference date decides of a row. Names, titles and subjects are left out: they are the register's
   * current ones, so correcting one later is no difference in what the letter reported.
   */
  figures: (row: Row) => unknown;
  render: (rows: readonly Row[], amount: (cents: Cents) => string) => AnnexSection;
}

const industry: SectionRows<IndustryAnnexRow> = {
  section: 'industry',
  rows: (annex) => annex.contractsByCompany,
  id: (row) => row.contractId,
  name: (row) => `${row.company} ${row.reference}`,
  figures: ({ signedOn, amountCents, milestones, milestonesCompleted }) => ({ signedOn, amountCents, milestones, milestonesCompleted }),
  render: contractsSection,
};

const training: SectionRows<TrainingAnnexRow> = {
  section: 'training',
  rows: (annex) => annex.trainingByProgramme,
  id: (row) => row.programmeId,
  name: (row) => row.programme,
  figures: ({ trainers, trainees, courses, countsUpTo }) => ({ trainers, trainees, courses, countsUpTo }),
  render: trainingSection,
};

const readiness: SectionRows<ReadinessAnnexRow> = {
  section: 'readiness',
  rows: (annex) => annex.readinessByDelivery,
  id: (row) => row.deliveryId,
  name: (row) => row.delivery,
  figures: ({ realisedAt, judgement, replacements, nonReplacements }) => ({
    realisedAt,
    judgement: judgement && { effect: judgement.effect, judgedOn: judgement.judgedOn, reasoning: judgement.reasoning },
    replacements: replacements.map(({ stage, replacedValueCents }) => ({ stage, replacedValueCents })),
    nonReplacements: nonReplacements.map(({ decidedOn, revalued }) => ({ decidedOn, revalued })),
  }),
  render: readinessSection,
};

/**
 * The rows of the annex's industry, training and readiness sections that the register no longer gives at the
 * letter's reference date: a count, amount, judgement or date changed, or a row added or gone (a record dated
 * before the reference date entered later). A section the frozen annex does not have (frozen before the
 * register kept that domain) is not compared.
 */
export function annexSectionDifferences(frozen: DomainSections, now: DomainSections, amount: (cents: Cents) => string): AnnexSectionDifference[] {
  return [...sectionDifferences(industry, frozen, now, amount), ...sectionDifferences(training, frozen, now, amount), ...sectionDifferences(readiness, frozen, now, amount)];
}

function sectionDifferences<Row>(section: SectionRows<Row>, frozen: DomainSections, now: DomainSections, amount: (cents: Cents) => string): AnnexSectionDifference[] {
  const published = section.rows(frozen);
  if (published === undefined) return [];
  const recomputed = section.rows(now) ?? [];
  const byIds = published.every((row) => section.id(row) !== undefined);
  const key = (row: Row) => (byIds ? section.id(row) : undefined) ?? section.name(row);
  const publishedBy = new Map(published.map((row) => [key(row), row]));
  const recomputedBy = new Map(recomputed.map((row) => [key(row), row]));
  const printed = (row: Row | undefined) => (row === undefined ? '' : (section.render([row], amount).rows[0] as string[]).join(' · '));
  return [...publishedBy.keys(), ...[...recomputedBy.keys()].filter((id) => !publishedBy.has(id))].flatMap((id) => {
    const [before, after] = [publishedBy.get(id), recomputedBy.get(id)];
    if (before && after && isDeepStrictEqual(section.figures(before), section.figures(after))) return [];
    return [{ section: section.section, item: section.name((before ?? after)!), published: printed(before), recomputed: printed(after) }];
  });
}
