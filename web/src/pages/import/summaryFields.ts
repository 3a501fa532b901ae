import type { ImportRow } from '../../api/imports.ts';

/**
 * The fields that say what a row is, per sheet, in the order they are shown: every column of the template
 * the row records (its own reference has a column of its own), a count's qualifier within the count.
 */
export const SUMMARY_FIELDS: Record<ImportRow['sheet'], readonly string[]> = {
  delivery: ['title', 'publicTitle', 'supportType', 'category', 'fundingSource', 'quantity', 'unit', 'pledgedAt', 'committedAt', 'realisedAt', 'deliveredAt', 'company', 'contractReference', 'description'],
  valuation: ['deliveryReference', 'amountCents', 'basis', 'effectiveDate', 'note'],
  payment: ['deliveryReference', 'amountCents', 'paidOn', 'reference', 'note'],
  trainingProgramme: ['name', 'key', 'hostCountry', 'framework', 'systemTrainedOn', 'deliveryReferences', 'description'],
  trainingContribution: ['programmeKey', 'periodFrom', 'periodTo', 'countsUpTo', 'trainers', 'trainees', 'courses', 'rotations', 'soldiersPerRotation', 'costEstimateCents', 'fundingSource', 'note'],
  readinessJudgement: ['deliveryReference', 'effect', 'judgedOn', 'reasoning'],
  company: ['name', 'country', 'registrationNumber'],
  industryContract: ['companyReference', 'reference', 'subject', 'amountCents', 'signedOn', 'deliveryReferences', 'milestoneTitle', 'milestoneDueOn'],
  budgetCommitment: ['title', 'fund', 'budgetYear', 'stage', 'amountCents', 'effectiveOn', 'deliveryReference', 'contractReference', 'note'],
  epfClaim: ['reference', 'deliveryReference', 'batch', 'period', 'declaredCents', 'declaredOn', 'note'],
  exportLicence: ['deliveryReference', 'number', 'issuedOn', 'validUntil', 'militaryListCategory', 'unRegisterCategory', 'quantityAuthorised', 'valueAuthorisedCents', 'importingState', 'withheldGround', 'conditions'],
};

/** Yes-or-no fields shown in the count they qualify, as the training page shows them ("max. 20", "circa 250"). */
export const COUNT_QUALIFIERS: Readonly<Record<string, { count: string; qualifier: 'maximum' | 'approximate' }>> = {
  trainersIsMaximum: { count: 'trainers', qualifier: 'maximum' },
  traineesIsApproximate: { count: 'trainees', qualifier: 'approximate' },
};
