import { createRoute, z } from '@hono/zod-openapi';
import { DISCLOSURE_STATES } from '../../domain/disclosure.ts';
import {
  CATEGORIES,
  DELIVERY_SORT_KEYS,
  FUNDING_SOURCES,
  LIFECYCLE_STAGES,
  SUPPORT_TYPES,
  VALUATION_BASES,
} from '../../domain/delivery.ts';
import { permitted } from '../access.ts';
import { pageFields, pageQueryParameters } from '../cursor.ts';
import { historyEntryHeaders, ifMatchHeader } from '../if-match.ts';
import {
  amountCents,
  confirmations,
  eventDate,
  idempotencyKey,
  isoDate,
  itemQuantity,
  jsonBody,
  jsonContent as json,
  optionalMultilineText,
  optionalText,
  positiveAmountCents,
  problemResponses,
  queryFilter,
  requiredMultilineText,
  requiredText,
  safeText,
  webAddress,
  wellFormedText,
} from '../openapi-common.ts';

const stageDate = eventDate.openapi({ example: '2025-08-31' });

const SourceSchema = z.strictObject({
  description: requiredText(500, 'title'),
  url: webAddress(2000).optional(),
});

/** Every field a user may set on a delivery; optional ones may be left out on create. */
export const DeliveryInputSchema = z
  .strictObject({
    title: requiredText(300, 'title').openapi({ example: 'Bijdrage PURL-initiatief' }),
    description: optionalMultilineText(10_000).optional(),
    publicTitle: optionalText(300, 'title'),
    category: z.enum(CATEGORIES),
    quantity: itemQuantity.nullable().optional(),
    unit: optionalText(50, 'title'),
    supportType: z.enum(SUPPORT_TYPES),
    fundingSource: z.enum(FUNDING_SOURCES),
    pledgedAt: stageDate.nullable().optional(),
    committedAt: stageDate.nullable().optional(),
    realisedAt: stageDate.nullable().optional(),
    deliveredAt: stageDate.nullable().optional(),
    company: optionalText(200, 'title'),
    contractReference: optionalText(200, 'reference'),
    sources: z.array(SourceSchema).max(20).optional(),
  })
  .openapi('DeliveryInput');

/** The fields a change of some of them gives: any of a delivery's. */
export const DeliveryPatchSchema = DeliveryInputSchema.partial();

/**
 * What a delivery recorded or changed may confirm: that it counts otherwise in the figures at the reference date of the
 * latest letter sent to parliament (realised by then, or its realisation moved across it, or its support type or EPF funding changed).
 */
const deliveryConfirmations = { confirm: confirmations(['datedInSentLetterPeriod']) };

const deliveryFields = {
  id: z.uuid(),
  title: z.string(),
  publicTitle: z.string().nullable(),
  category: z.enum(CATEGORIES),
  quantity: z.number().int().nullable(),
  unit: z.string().nullable(),
  supportType: z.enum(SUPPORT_TYPES),
  fundingSource: z.enum(FUNDING_SOURCES),
  pledgedAt: isoDate.nullable(),
  committedAt: isoDate.nullable(),
  realisedAt: isoDate.nullable(),
  deliveredAt: isoDate.nullable(),
  stage: z.enum(LIFECYCLE_STAGES).nullable(),
  valueCents: z.number().int().openapi({ description: 'What the delivery counts for today: the latest valuation of stock, the payments made for the rest' }),
  disclosureState: z.enum(DISCLOSURE_STATES).openapi({ description: 'Whether it may be made public: undecided until a disclosure officer decides' }),
  isDemonstration: z.boolean(),
};

export const DeliverySummarySchema = z.object(deliveryFields).openapi('DeliverySummary');

/** A rate as a decimal with a point: up to ten digits before it and eight after. */
const EXCHANGE_RATE = /^\d{1,10}(\.\d{1,8})?$/;

export const ValuationInputSchema = z
  .strictObject({
    amountCents,
    basis: z.enum(VALUATION_BASES),
    effectiveDate: eventDate,
    // Checked by the register, which names an unknown code as such.
    currency: wellFormedText(3).default('EUR').openapi({ description: 'ISO 4217 code', pattern: '^[A-Z]{3}$', example: 'USD' }),
    originalAmountMinor: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable().default(null),
    exchangeRate: z
      .string()
      .refine((rate) => EXCHANGE_RATE.test(rate), { params: { code: 'invalidExchangeRate' } })
      .nullable()
      .default(null)
      .openapi({ description: 'Euro per unit of the original currency', pattern: EXCHANGE_RATE.source, example: '0.92150000' }),
    note: optionalMultilineText(2000).default(''),
    confirm: confirmations(['datedInSentLetterPeriod']),
  })
  .openapi('ValuationInput');

export const ValuationSchema = z
  .object({
    id: z.uuid(),
    deliveryId: z.uuid(),
    amountCents: z.number().int(),
    currency: z.string(),
    originalAmountMinor: z.number().int().nullable(),
    exchangeRate: z.string().nullable(),
    basis: z.enum(VALUATION_BASES),
    effectiveDate: isoDate,
    recordedAt: z.iso.datetime(),
    note: z.string(),
  })
  .openapi('Valuation');

export const PaymentInputSchema = z
  .strictObject({
    amountCents: positiveAmountCents,
    paidOn: eventDate,
    reference: optionalText(200, 'reference'),
    note: optionalMultilineText(2000).default(''),
    confirm: confirmations(['paymentFarAboveValuation', 'datedInSentLetterPeriod']),
  })
  .openapi('PaymentInput');

export const PaymentSchema = z
  .object({
    id: z.uuid(),
    deliveryId: z.uuid(),
    amountCents: z.number().int(),
    paidOn: isoDate,
    reference: z.string().nullable(),
    recordedAt: z.iso.datetime(),
    note: z.string(),
  })
  .openapi('Payment');

export const WithdrawalSchema = z
  .object({ entryId: z.uuid(), withdrawnOn: isoDate, reason: z.string(), recordedAt: z.iso.datetime() })
  .openapi('Withdrawal', { description: 'A payment or valuation withdrawn because it was entered in error; from withdrawnOn on it no longer counts' });

export const WithdrawalInputSchema = z
  .strictObject({
    withdrawnOn: eventDate.openapi({ description: 'From this date on the entry no longer counts; its own date to take it out of every figure' }),
    reason: requiredMultilineText(2000),
    confirm: confirmations(['datedInSentLetterPeriod']),
  })
  .openapi('WithdrawalInput');

const EntryIdParamSchema = z.object({
  id: safeText(100).openapi({ param: { name: 'id', in: 'path' }, example: '0f8fad5b-d9cb-469f-a165-70867728950e' }),
});

export const DeliverySchema = z
  .object({
    ...deliveryFields,
    description: z.string(),
    company: z.string().nullable(),
    contractReference: z.string().nullable(),
    sources: z.array(SourceSchema),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    valuations: z.array(ValuationSchema),
    payments: z.array(PaymentSchema),
    withdrawals: z.array(WithdrawalSchema),
  })
  .openapi('Delivery');

export const DeliveryListQuerySchema = z.object({
  supportType: queryFilter(z.enum(SUPPORT_TYPES)),
  category: queryFilter(z.enum(CATEGORIES)),
  stage: queryFilter(z.enum(LIFECYCLE_STAGES)),
  disclosureState: queryFilter(z.enum(DISCLOSURE_STATES)),
  implementingActorWork: queryFilter(z.enum(['true', 'false'])).openapi({
    description:
      'With `false` only the support of the Netherlands, without the work it does for the EU as implementing actor of the European Peace Facility ' +
      '(funding source `epf`), which no Dutch total counts and no EPF claim covers; with `true` only that work',
  }),
  q: queryFilter(safeText(200)),
  realisedFrom: queryFilter(isoDate),
  realisedTo: queryFilter(isoDate),
  sort: queryFilter(z.enum([...DELIVERY_SORT_KEYS, ...DELIVERY_SORT_KEYS.map((key) => `-${key}` as const)])),
  after: queryFilter(pageQueryParameters.after),
  before: queryFilter(pageQueryParameters.before),
  pageSize: queryFilter(pageQueryParameters.pageSize),
});

const DeliveryListSchema = z
  .object({
    items: z.array(DeliverySummarySchema),
    ...pageFields,
    isDemonstration: z.boolean().openapi({ description: 'The register holds demonstration data' }),
  })
  .openapi('DeliveryList');

export const DeliveryIdParamSchema = z.object({
  id: safeText(100).openapi({ param: { name: 'id', in: 'path' }, example: '0f8fad5b-d9cb-469f-a165-70867728950e' }),
});

export const listRoute = createRoute(
  permitted('delivery.read', {
    method: 'get',
    path: '/deliveries',
    tags: ['deliveries'],
    summary: 'List deliveries, filtered, sorted and paged',
    description:
      'Paged by position (keyset): a page starts after the `next` cursor of the page before it (or before the `previous` cursor of the page after it), ' +
      'so that every page is an index walk from there, however deep. A cursor belongs to its sort: with another sort it is refused (400).',
    request: { query: DeliveryListQuerySchema },
    responses: { 200: json(DeliveryListSchema, 'A page of deliveries'), ...problemResponses(400, 401, 403) },
  }),
);

export const createDeliveryRoute = createRoute(
  permitted('delivery.create', {
    method: 'post',
    path: '/deliveries',
    tags: ['deliveries'],
    summary: 'Register a delivery',
    request: { headers: idempotencyKey, ...jsonBody(DeliveryInputSchema.extend(deliveryConfirmations).openapi('DeliveryRegistration')) },
    responses: { 201: json(DeliverySchema, 'The registered delivery'), ...problemResponses(400, 401, 403, 415, 422) },
  }),
);

export const getRoute = createRoute(
  permitted('delivery.read', {
    method: 'get',
    path: '/deliveries/{id}',
    tags: ['deliveries'],
    summary: 'A delivery with its lifecycle and the history of its money',
    request: { params: DeliveryIdParamSchema },
    responses: { 200: json(DeliverySchema, 'The delivery'), ...problemResponses(401, 403, 404) },
  }),
);

export const replaceRoute = createRoute(
  permitted('delivery.update', {
    method: 'put',
    path: '/deliveries/{id}',
    tags: ['deliveries'],
    summary: 'Replace the fields of a delivery',
    request: { params: DeliveryIdParamSchema, headers: ifMatchHeader, ...jsonBody(DeliveryInputSchema.extend(deliveryConfirmations).openapi('DeliveryReplacement')) },
    responses: { 200: json(DeliverySchema, 'The changed delivery'), ...problemResponses(400, 401, 403, 404, 412, 415, 422, 428) },
  }),
);

export const patchRoute = createRoute(
  permitted('delivery.update', {
    method: 'patch',
    path: '/deliveries/{id}',
    tags: ['deliveries'],
    summary: 'Change some fields of a delivery',
    request: { params: DeliveryIdParamSchema, headers: ifMatchHeader, ...jsonBody(DeliveryPatchSchema.extend(deliveryConfirmations).openapi('DeliveryPatch')) },
    responses: { 200: json(DeliverySchema, 'The changed delivery'), ...problemResponses(400, 401, 403, 404, 412, 415, 422, 428) },
  }),
);

/**
 * What the removal of a delivery may confirm, in its query (a removal takes no body): that it takes one realised by then
 * from the figures at the reference date of the latest letter sent to parliament.
 */
const RemovalQuerySchema = z.object({
  confirm: queryFilter(z.enum(['datedInSentLetterPeriod'])).openapi({
    description: 'The code of the warning confirmed (invalidParams of a 422 with code confirmationRequired), to remove the delivery anyway',
  }),
});

export const deleteRoute = createRoute(
  permitted('delivery.delete', {
    method: 'delete',
    path: '/deliveries/{id}',
    tags: ['deliveries'],
    summary: 'Remove a delivery from the register (its history is kept)',
    request: { params: DeliveryIdParamSchema, headers: ifMatchHeader, query: RemovalQuerySchema },
    responses: { 204: { description: 'Removed' }, ...problemResponses(400, 401, 403, 404, 412, 422, 428) },
  }),
);

export const addValuationRoute = createRoute(
  permitted('valuation.create', {
    method: 'post',
    path: '/deliveries/{id}/valuations',
    tags: ['deliveries'],
    summary: 'Value or revalue a delivery',
    request: { params: DeliveryIdParamSchema, headers: historyEntryHeaders, ...jsonBody(ValuationInputSchema) },
    responses: { 201: json(ValuationSchema, 'The new valuation (ETag: the delivery’s new version)'), ...problemResponses(400, 401, 403, 404, 412, 415, 422) },
  }),
);

export const addPaymentRoute = createRoute(
  permitted('payment.create', {
    method: 'post',
    path: '/deliveries/{id}/payments',
    tags: ['deliveries'],
    summary: 'Record a payment for a procurement or fund contribution',
    request: { params: DeliveryIdParamSchema, headers: historyEntryHeaders, ...jsonBody(PaymentInputSchema) },
    responses: { 201: json(PaymentSchema, 'The new payment (ETag: the delivery’s new version)'), ...problemResponses(400, 401, 403, 404, 412, 415, 422) },
  }),
);

export const withdrawPaymentRoute = createRoute(
  permitted('payment.withdraw', {
    method: 'post',
    path: '/payments/{id}/withdrawal',
    tags: ['deliveries'],
    summary: 'Withdraw a payment entered in error, from a date on, with the reason',
    description:
      'With If-Match (the ETag of GET /deliveries/{id} of the delivery the payment belongs to), only when the delivery was not changed since ' +
      '(412 otherwise): a withdrawal changes what the delivery counts, and raises its version as a payment does.',
    request: { params: EntryIdParamSchema, headers: historyEntryHeaders, ...jsonBody(WithdrawalInputSchema) },
    responses: { 201: json(WithdrawalSchema, 'The withdrawal (ETag: the delivery’s new version)'), ...problemResponses(400, 401, 403, 404, 412, 415, 422) },
  }),
);

export const withdrawValuationRoute = createRoute(
  permitted('valuation.withdraw', {
    method: 'post',
    path: '/valuations/{id}/withdrawal',
    tags: ['deliveries'],
    summary: 'Withdraw a valuation entered in error, from a date on, with the reason',
    description:
      'With If-Match (the ETag of GET /deliveries/{id} of the delivery the valuation belongs to), only when the delivery was not changed since ' +
      '(412 otherwise): a withdrawal changes what the delivery counts, and raises its version as a valuation does.',
    request: { params: EntryIdParamSchema, headers: historyEntryHeaders, ...jsonBody(WithdrawalInputSchema) },
    responses: { 201: json(WithdrawalSchema, 'The withdrawal (ETag: the delivery’s new version)'), ...problemResponses(400, 401, 403, 404, 412, 415, 422) },
  }),
);
