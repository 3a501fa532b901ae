/** Assessments and licences as the API takes them, and a way to license a delivery for the tests that ship it. */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { systemContext } from '../../src/audit/trail.ts';
import type { Database } from '../../src/db/schema.ts';
import type { LicenceInput } from '../../src/domain/export-control.ts';
import { assess, issueLicence } from '../../src/register/export-control.ts';

export const positiveAssessment = {
  criteria: [1, 2, 3, 4, 5, 6, 7, 8].map((criterion) => ({ criterion: criterion as 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8, finding: 'noObjection' as const, reasoning: `Criterium ${criterion}: geen bezwaar.` })),
  endUser: 'Ministerie van Defensie van Oekraïne',
  endUseStatement: 'Eindgebruikersverklaring van 1 maart 2025',
  outcome: 'positive' as const,
  conditions: '',
  expedited: true,
  assessedOn: '2025-03-10',
};

export const licenceFor = (assessmentId: string) => ({
  assessmentId,
  number: `NL-TEST-${randomUUID().slice(0, 8)}`,
  issuedOn: '2025-03-12',
  validUntil: '2026-03-12',
  conditions: '',
  militaryListCategory: 'ML2' as const,
  unRegisterCategory: 'III' as const,
  quantityAuthorised: 8,
  valueAuthorisedCents: 10_000_000_000,
  importingState: 'UA',
  withheldGround: null,
});

/**
 * Assesses the delivery positively and issues a licence: by default for 8 items, valid from 12 March 2025
 * for a year; the period and quantity can be chosen. Returns the assessment's id.
 */
export async function licenseForShipment(
  db: Kysely<Database>,
  deliveryId: string,
  terms: Partial<Pick<LicenceInput, 'issuedOn' | 'validUntil' | 'quantityAuthorised'>> = {},
): Promise<string> {
  const assessedOn = terms.issuedOn && terms.issuedOn < positiveAssessment.assessedOn ? terms.issuedOn : positiveAssessment.assessedOn;
  const assessment = await assess(db, systemContext('test-assessor'), deliveryId, { ...positiveAssessment, assessedOn });
  await issueLicence(db, systemContext('test-licensing'), deliveryId, { ...licenceFor(assessment.id), ...terms });
  return assessment.id;
}
