import { createRoute, z } from '@hono/zod-openapi';
import { listPageQueryParameters, pageFields } from '../cursor.ts';
import { CATEGORIES, SUPPORT_TYPES } from '../../domain/delivery.ts';
import {
  ASSESSMENT_OUTCOMES,
  CRITERION_FINDINGS,
  EXPORT_CRITERIA,
  EXPORT_REPORTS,
  GATE_STATES,
  MAX_NOTE,
  MILITARY_LIST_CATEGORIES,
  UN_REGISTER_CATEGORIES,
  WITHHELD_GROUNDS,
} from '../../domain/export-control.ts';
import { permitted } from '../access.ts';
import { DeliveryIdParamSchema } from '../deliveries/schemas.ts';
import { historyEntryHeaders, historyVersion } from '../if-match.ts';
import { countryCode, eventDate, idempotencyKey, isoDate, itemQuantity, jsonBody, jsonContent as json, languageQuery, multilineText, optionalMultilineText, positiveAmountCents, problemResponses, referenceText, safeText, wholeNumberParameter } from '../openapi-common.ts';

const cents = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).openapi({ description: 'Euro cents' });
const criterionNumber = z.union(EXPORT_CRITERIA.map((criterion) => z.literal(criterion))).openapi({ description: 'The criterion of Common Position 2008/944/CFSP, article 2 (1-8)' });

const CriterionSchema = z.object({ criterion: criterionNumber, finding: z.enum(CRITERION_FINDINGS), reasoning: z.string() }).openapi('CriterionAssessment');

const InspectionGrantSchema = z
  .object({ id: z.uuid(), assessmentId: z.uuid(), note: z.string(), grantedById: z.uuid().nullable(), grantedByName: z.string(), grantedAt: z.iso.datetime() })
  .openapi('InspectionGrant');

export const AssessmentSchema = z
  .object({
    id: z.uuid(),
    deliveryId: z.uuid(),
    criteria: z.array(CriterionSchema).openapi({ description: 'A finding on each of the eight criteria, in their order' }),
    endUser: z.string(),
    endUseStatement: z.string(),
    outcome: z.enum(ASSESSMENT_OUTCOMES),
    conditions: z.string(),
    expedited: z.boolean().openapi({ description: 'Done under the expedited procedure' }),
    assessedOn: isoDate,
    assessedById: z.uuid().nullable(),
    assessedByName: z.string(),
    recordedAt: z.iso.datetime(),
    isDemonstration: z.boolean(),
    inspectionGrants: z.array(InspectionGrantSchema).openapi({ description: 'Decisions that let parliament inspect this assessment' }),
  })
  .openapi('ExportAssessment');

export const AssessmentInputSchema = z
  .strictObject({
    criteria: z.array(z.strictObject({ criterion: criterionNumber, finding: z.enum(CRITERION_FINDINGS), reasoning: multilineText(4000) })).max(8),
    endUser: safeText(4000).trim(),
    endUseStatement: multilineText(4000),
    outcome: z.enum(ASSESSMENT_OUTCOMES),
    conditions: optionalMultilineText(4000).default(''),
    expedited: z.boolean().default(false),
    assessedOn: isoDate,
  })
  .openapi('ExportAssessmentInput');

export const LicenceSchema = z
  .object({
    id: z.uuid(),
    deliveryId: z.uuid(),
    assessmentId: z.uuid(),
    number: z.string(),
    issuedOn: isoDate,
    validUntil: isoDate,
    conditions: z.string(),
    militaryListCategory: z.enum(MILITARY_LIST_CATEGORIES),
    unRegisterCategory: z.enum(UN_REGISTER_CATEGORIES).nullable(),
    quantityAuthorised: z.number().int().nullable().openapi({ description: 'Null: the licence limits the value, not the number of items' }),
    valueAuthorisedCents: cents,
    importingState: z.string().openapi({ description: 'ISO 3166-1 alpha-2', example: 'UA' }),
    withheldGround: z.enum(WITHHELD_GROUNDS).nullable().openapi({ description: 'Left out of the Arms Trade Treaty report (article 13.3), and why' }),
    issuedById: z.uuid().nullable(),
    issuedByName: z.string(),
    recordedAt: z.iso.datetime(),
    isDemonstration: z.boolean(),
  })
  .openapi('ExportLicence');

export const LicenceInputSchema = z
  .strictObject({
    assessmentId: z.uuid().openapi({ description: "The delivery's latest assessment; it must be positive" }),
    number: referenceText(100),
    issuedOn: isoDate,
    validUntil: isoDate,
    conditions: optionalMultilineText(4000).default(''),
    militaryListCategory: z.enum(MILITARY_LIST_CATEGORIES),
    unRegisterCategory: z.enum(UN_REGISTER_CATEGORIES).nullable().default(null),
    quantityAuthorised: itemQuantity.nullable().default(null),
    valueAuthorisedCents: positiveAmountCents,
    importingState: countryCode.default('UA'),
    withheldGround: z.enum(WITHHELD_GROUNDS).nullable().default(null),
  })
  .openapi('ExportLicenceInput');

const effectiveOn = isoDate.openapi({ description: 'The day from which the override holds: what held before it is judged as before' });

const RequirementSchema = z
  .object({ id: z.uuid(), deliveryId: z.uuid(), required: z.boolean(), reason: z.string(), effectiveOn, decidedById: z.uuid().nullable(), decidedByName: z.string(), decidedAt: z.iso.datetime() })
  .openapi('ExportRequirement');

export const RequirementInputSchema = z
  .strictObject({ required: z.boolean(), reason: multilineText(MAX_NOTE), effectiveOn: eventDate.openapi({ description: 'The day from which the override holds; not after today' }) })
  .openapi('ExportRequirementInput');

export const ExportControlSchema = z
  .object({
    deliveryId: z.uuid(),
    leftOn: isoDate.nullable().openapi({
      description: "The day its goods left (the hand-over of stock, else the delivery); null while they have not. `required` and `gate` are judged on that day, else today",
    }),
    required: z.boolean().openapi({ description: 'Whether the delivery needs an assessment and a licence on that day: the override that held then, else the rule' }),
    requiredByRule: z.boolean().openapi({ description: 'What the rule from category and support type says' }),
    requirements: z.array(RequirementSchema).openapi({ description: 'Overrides of the rule, the latest effective first (of one day, the latest decided)' }),
    assessments: z.array(AssessmentSchema).openapi({
      description: 'Latest first: the latest made on or before the day its goods left (else the latest) stands; one made after it is a reassessment for the record',
    }),
    licences: z.array(LicenceSchema),
    gate: z.enum(GATE_STATES).openapi({ description: 'Where it stands at the shipment gate, judged on the day its goods left, else today' }),
    version: historyVersion.openapi({
      description: 'The version of its history (how many overrides, assessments and licences it has; a grant of inspection adds none): its ETag, to send as If-Match with the next one',
    }),
  })
  .openapi('ExportControl');

const QueueItemSchema = z
  .object({
    deliveryId: z.uuid(),
    title: z.string(),
    category: z.enum(CATEGORIES),
    supportType: z.enum(SUPPORT_TYPES),
    quantity: z.number().int().nullable(),
    realisedAt: isoDate.nullable(),
    deliveredAt: isoDate.nullable(),
    assessmentId: z.uuid().nullable(),
    outcome: z.enum(ASSESSMENT_OUTCOMES).nullable(),
    assessedOn: isoDate.nullable(),
  })
  .openapi('ExportQueueItem');

const QueuesSchema = z
  .object({
    awaitingAssessment: z.array(QueueItemSchema).openapi({ description: "A page of the assessor's queue: deliveries that need a licence and have no assessment" }),
    awaitingAssessmentPage: z.object(pageFields).openapi({ description: 'Where that page stands in the queue: cursors for `assessmentAfter` and `assessmentBefore`' }),
    awaitingLicence: z.array(QueueItemSchema).openapi({ description: "A page of the licensing officer's queue: positive latest assessments without a licence" }),
    awaitingLicencePage: z.object(pageFields).openapi({ description: 'Where that page stands in the queue: cursors for `licenceAfter` and `licenceBefore`' }),
  })
  .openapi('ExportQueues');

const InspectableSchema = z
  .object({ items: z.array(z.object({ assessmentId: z.uuid(), deliveryTitle: z.string(), outcome: z.enum(ASSESSMENT_OUTCOMES), assessedOn: isoDate, grantedAt: z.iso.datetime() })) })
  .openapi('InspectableAssessments');

const OpenedAssessmentSchema = z.object({ deliveryTitle: z.string(), assessment: AssessmentSchema }).openapi('OpenedAssessment');

const ItemNameFields = {
  publicTitle: z.string().nullable().openapi({ description: 'Its title on the public register; null where the register does not show it, and the reports name it by its category' }),
  deliveryCategory: z.enum(CATEGORIES).openapi({ description: "The delivery's category" }),
};

const ReportsSchema = z
  .object({
    year: z.number().int(),
    att: z.object({
      basis: z.literal('actual'),
      rows: z.array(z.object({ category: z.enum(UN_REGISTER_CATEGORIES), importingState: z.string(), numberOfItems: z.number().int().nullable(), valueCents: cents, ...ItemNameFields, shippedOn: isoDate })),
      withheld: z.object({ count: z.number().int(), valueCents: cents, grounds: z.array(z.enum(WITHHELD_GROUNDS)) }),
      totalValueCents: cents,
    }),
    unroca: z.object({
      rows: z.array(z.object({ category: z.enum(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII']), importingState: z.string(), numberOfItems: z.number().int().nullable(), items: z.array(z.object(ItemNameFields)) })),
      smallArmsAndLightWeapons: z.number().int(),
    }),
    coarm: z.object({
      rows: z.array(z.object({ militaryListCategory: z.enum(MILITARY_LIST_CATEGORIES), licences: z.number().int(), valueCents: cents })),
      denials: z.number().int(),
      criteriaInvoked: z.array(z.object({ criterion: criterionNumber, denials: z.number().int() })),
      totalLicences: z.number().int(),
      totalValueCents: cents,
    }),
    register: z.object({
      shipments: z.number().int(),
      shipmentValueCents: cents,
      withoutLicence: z.number().int(),
      outsideCategories: z.number().int(),
      licencesIssued: z.number().int(),
      licenceValueCents: cents,
    }),
  })
  .openapi('ArmsTransferReports');

/** What If-Match means on an entry added to a delivery's export control. */
const EXPORT_IF_MATCH =
  'With If-Match (the ETag of GET /deliveries/{id}/export-control), only when no override, assessment or licence was added to the ' +
  'delivery’s export control since (412 otherwise).';

const AssessmentIdParamSchema = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
const YearParamSchema = z.object({ year: wholeNumberParameter(2014, 2100).openapi({ param: { name: 'year', in: 'path' }, example: 2025 }) });

export const queuesRoute = createRoute(
  permitted('export.read', {
    method: 'get',
    path: '/export-control/queues',
    tags: ['export control'],
    summary: "The assessor's and the licensing officer's queues, each paged on its own, the earliest first",
    request: { query: z.object({ ...listPageQueryParameters('assessment'), ...listPageQueryParameters('licence') }) },
    responses: { 200: json(QueuesSchema, 'The queues'), ...problemResponses(400, 401, 403) },
  }),
);

export const exportControlRoute = createRoute(
  permitted('export.read', {
    method: 'get',
    path: '/deliveries/{id}/export-control',
    tags: ['export control'],
    summary: 'Whether a delivery needs a licence, its assessments and licences, and where it stands at the shipment gate',
    request: { params: DeliveryIdParamSchema },
    responses: { 200: json(ExportControlSchema, 'Its export control'), ...problemResponses(401, 403, 404) },
  }),
);

export const requirementRoute = createRoute(
  permitted('export.assess', {
    method: 'post',
    path: '/deliveries/{id}/export-requirement',
    tags: ['export control'],
    summary: 'Override the rule for one delivery from a date (a licence is or is not required), with a reason',
    description: EXPORT_IF_MATCH,
    request: { params: DeliveryIdParamSchema, headers: historyEntryHeaders, ...jsonBody(RequirementInputSchema) },
    responses: { 201: json(ExportControlSchema, 'Its export control (ETag: the version of the delivery’s export control)'), ...problemResponses(400, 401, 403, 404, 412, 415, 422) },
  }),
);

export const assessRoute = createRoute(
  permitted('export.assess', {
    method: 'post',
    path: '/deliveries/{id}/export-assessments',
    tags: ['export control'],
    summary: 'Assess a delivery on the eight criteria of Common Position 2008/944/CFSP; a later assessment takes the place of an earlier one',
    description: EXPORT_IF_MATCH,
    request: { params: DeliveryIdParamSchema, headers: historyEntryHeaders, ...jsonBody(AssessmentInputSchema) },
    responses: { 201: json(AssessmentSchema, 'The assessment (ETag: the version of the delivery’s export control)'), ...problemResponses(400, 401, 403, 404, 412, 415, 422) },
  }),
);

export const grantInspectionRoute = createRoute(
  permitted('export.assess', {
    method: 'post',
    path: '/export-assessments/{id}/inspection-grants',
    tags: ['export control'],
    summary: 'Let parliament inspect this assessment confidentially',
    request: { params: AssessmentIdParamSchema, headers: idempotencyKey, ...jsonBody(z.strictObject({ note: optionalMultilineText(MAX_NOTE).default('') }).openapi('InspectionGrantInput')) },
    responses: { 201: json(AssessmentSchema, 'The assessment'), ...problemResponses(400, 401, 403, 404, 415, 422) },
  }),
);

export const issueLicenceRoute = createRoute(
  permitted('licence.issue', {
    method: 'post',
    path: '/deliveries/{id}/export-licences',
    tags: ['export control'],
    summary: "Issue an export licence on the delivery's latest, positive assessment",
    description: EXPORT_IF_MATCH,
    request: { params: DeliveryIdParamSchema, headers: historyEntryHeaders, ...jsonBody(LicenceInputSchema) },
    responses: { 201: json(LicenceSchema, 'The licence (ETag: the version of the delivery’s export control)'), ...problemResponses(400, 401, 403, 404, 412, 415, 422) },
  }),
);

export const inspectableRoute = createRoute(
  permitted('assessment.inspect', {
    method: 'get',
    path: '/export-assessments/inspectable',
    tags: ['export control'],
    summary: 'The assessments whose inspection was granted',
    responses: { 200: json(InspectableSchema, 'The assessments'), ...problemResponses(401, 403) },
  }),
);

export const openAssessmentRoute = createRoute(
  permitted('assessment.inspect', {
    method: 'get',
    path: '/export-assessments/{id}',
    tags: ['export control'],
    summary: 'Open one assessment (parliament: only one whose inspection was granted); every opening is recorded',
    request: { params: AssessmentIdParamSchema },
    responses: { 200: json(OpenedAssessmentSchema, 'The assessment'), ...problemResponses(400, 401, 403, 404) },
  }),
);

export const reportsRoute = createRoute(
  permitted('export.report', {
    method: 'get',
    path: '/export-control/reports/{year}',
    tags: ['export control'],
    summary: 'The arms-transfer reports of a year (ATT, UN Register, COARM) from the register, with the totals they reconcile to',
    request: { params: YearParamSchema },
    responses: { 200: json(ReportsSchema, 'The reports'), ...problemResponses(400, 401, 403) },
  }),
);

export const reportDownloadRoute = createRoute(
  permitted('export.report', {
    method: 'get',
    path: '/export-control/reports/{year}/{report}',
    tags: ['export control'],
    summary: 'One report of a year as CSV or XLSX',
    request: {
      params: YearParamSchema.extend({ report: z.enum(EXPORT_REPORTS).openapi({ param: { name: 'report', in: 'path' } }) }),
      query: z.object({ format: z.enum(['csv', 'xlsx']).default('xlsx'), lang: languageQuery }),
    },
    responses: {
      200: {
        content: { 'text/csv': { schema: z.string() }, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().openapi({ format: 'binary' }) } },
        description: 'The report',
      },
      ...problemResponses(400, 401, 403),
    },
  }),
);
