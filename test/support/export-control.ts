/** Assessments and licences as the API takes them, and ways to license a delivery for the tests that ship it. */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { shipmentDateFields } from '../../common/delivery-rules.ts';
import { MILITARY_LIST_CATEGORIES, UN_REGISTER_CATEGORIES, type Category, type SupportType } from '../../common/vocabulary/codes.ts';
import { systemContext } from '../../src/audit/trail.ts';
import type { Database } from '../../src/db/schema.ts';
import { licenceCoversGoods, type LicenceInput } from '../../src/domain/export-control.ts';
import { assess, issueLicence } from '../../src/register/export-control.ts';
import type { ApiCall, ApiResponse } from '../api/client.ts';

export const positiveAssessment = {
  criteria: [1, 2, 3, 4, 5, 6, 7, 8].map((criterion) => ({ criterion: criterion as 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8, finding: 'noObjection' as const, reasoning: `Criterium ${criterion}: geen bezwaar.` })),
  endUser: 'Ministerie van Defensie van Oekraïne',
  endUseStatement: 'Eindgebruikersverklaring van 1 maart 2025',
  outcome: 'positive' as const,
  conditions: '',
  expedited: true,
  assessedOn: '2025-03-10',
};

/**
 * A licence on the assessment, for 8 items of the delivery's goods: under ML2 and the UN Register's III
 * (large-calibre artillery) where those fit its category, else under the first categories that do.
 */
export const licenceFor = (assessmentId: string, category: Category = 'largeCalibreArtillery') => ({
  assessmentId,
  number: `NL-TEST-${randomUUID().slice(0, 8)}`,
  issuedOn: '2025-03-12',
  validUntil: '2026-03-12',
  conditions: '',
  ...licensedGoods(category),
  quantityAuthorised: 8,
  valueAuthorisedCents: 10_000_000_000,
  importingState: 'UA',
  withheldGround: null,
});

/** The categories of a licence that covers goods of the category: ML2 and III where they do, else the first that do. */
export function licensedGoods(category: Category): Pick<LicenceInput, 'militaryListCategory' | 'unRegisterCategory'> {
  const fits = (goods: Pick<LicenceInput, 'militaryListCategory' | 'unRegisterCategory'>) => licenceCoversGoods(category, goods);
  const militaryListCategory = fits({ militaryListCategory: 'ML2', unRegisterCategory: null }) ? 'ML2' : MILITARY_LIST_CATEGORIES.find((candidate) => fits({ militaryListCategory: candidate, unRegisterCategory: null }))!;
  const unRegisterCategory = fits({ militaryListCategory, unRegisterCategory: 'III' }) ? 'III' : UN_REGISTER_CATEGORIES.find((candidate) => fits({ militaryListCategory, unRegisterCategory: candidate }))!;
  return { militaryListCategory, unRegisterCategory };
}

/**
 * Assesses the delivery positively and issues a licence for its goods: by default for 8 items, valid from 12 March 2025
 * for a year; the period and quantity can be chosen. Returns the assessment's id.
 */
export async function licenseForShipment(
  db: Kysely<Database>,
  deliveryId: string,
  terms: Partial<Pick<LicenceInput, 'issuedOn' | 'validUntil' | 'quantityAuthorised'>> = {},
): Promise<string> {
  const assessedOn = terms.issuedOn && terms.issuedOn < positiveAssessment.assessedOn ? terms.issuedOn : positiveAssessment.assessedOn;
  const assessment = await assess(db, systemContext('test-assessor'), deliveryId, { ...positiveAssessment, assessedOn });
  const { category } = await db.selectFrom('delivery').select('category').where('id', '=', deliveryId).executeTakeFirstOrThrow();
  await issueLicence(db, systemContext('test-licensing'), deliveryId, { ...licenceFor(assessment.id, category as Category), ...terms });
  return assessment.id;
}

/** An export licence valid on every date the tests ship on (2024 to 2028), for any quantity. */
export const LICENCE_THROUGHOUT = { issuedOn: '2024-01-01', validUntil: '2028-12-31', quantityAuthorised: null };

/** A delivery's fields without the dates that ship it (the hand-over of stock, the delivery), and those dates. */
export function splitShipment<T extends { supportType: SupportType; realisedAt?: string | null; deliveredAt?: string | null }>(fields: T) {
  const shipment = Object.fromEntries(shipmentDateFields(fields.supportType).filter((field) => fields[field]).map((field) => [field, fields[field]]));
  const registered = { ...fields, ...Object.fromEntries(Object.keys(shipment).map((field) => [field, null])) };
  return { registered, shipment };
}

/**
 * Registers a delivery that has already left as the shipment gate has it done, through the API as a
 * registrar: registered without its shipment dates, assessed and licensed (LICENCE_THROUGHOUT), then
 * handed over or delivered, in the period of a letter sent to parliament too (its warning confirmed). Answers as
 * the last call did (201 without shipment dates, else 200).
 */
export async function registerShipped(registrar: ApiCall, db: Kysely<Database>, body: { supportType: SupportType; realisedAt?: string | null; deliveredAt?: string | null } & Record<string, unknown>): Promise<ApiResponse> {
  const { registered, shipment } = splitShipment(body);
  const created = await registrar('POST', '/deliveries', registered);
  if (created.status !== 201 || Object.keys(shipment).length === 0) return created;
  await licenseForShipment(db, created.body.id, LICENCE_THROUGHOUT);
  return registrar('PATCH', `/deliveries/${created.body.id}`, { ...shipment, confirm: ['datedInSentLetterPeriod'] }, { 'If-Match': created.headers.get('ETag') ?? '"1"' });
}
