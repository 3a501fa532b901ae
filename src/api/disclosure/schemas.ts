import { createRoute, z } from '@hono/zod-openapi';
import { CATEGORIES, VALUATION_BASES } from '../../domain/delivery.ts';
import { CONFIDENTIALITY_GROUNDS, DECIDE_AGAIN_REASONS, decisionRequestViolations, REALISED_DATE_PRECISIONS } from '../../domain/disclosure.ts';
import { StoredDecisionSchema } from '../../db/repositories/disclosure.ts';
import { permitted } from '../access.ts';
import { listPageQueryParameters, pageFields, pageQueryParameters } from '../cursor.ts';
import { DeliveryIdParamSchema, DeliverySummarySchema } from '../deliveries/schemas.ts';
import { historyEntryHeaders, historyVersion } from '../if-match.ts';
import { deliveryIdList, isoDate, jsonBody, jsonContent as json, optionalMultilineText, optionalText, passedFieldRules, problemResponses, safeText } from '../openapi-common.ts';

const DecisionSchema = StoredDecisionSchema.extend({
  id: z.uuid(),
  deliveryId: z.uuid(),
  reviewOn: isoDate.nullable(),
  publicFrom: isoDate.nullable(),
  decidedById: z.uuid().nullable().openapi({ description: 'The account that decided; null for the system' }),
  publicValueCents: z.number().int().nullable().openapi({ description: 'The value open data gives, in cents: the delivery’s value when decided; null when not public' }),
  publicValueBasis: z.enum(VALUATION_BASES).nullable().openapi({ description: 'The basis of that value: of the valuation that gave it for stock, what was paid for the rest; null when not public' }),
}).openapi('DisclosureDecision');

export const DecisionInputSchema = z
  .strictObject({
    deliveryIds: deliveryIdList({ min: 1, max: 1000 }).openapi({ description: 'One delivery, or a selection decided at once (all or nothing)' }),
    state: z.enum(['public', 'confidential']),
    publicTitle: safeText(300).trim().optional().openapi({ description: 'Public only: what the public list says; may be coarser than the internal title' }),
    publicDetail: optionalMultilineText(2000).optional(),
    publicCategory: z.enum(CATEGORIES).optional(),
    publicQuantity: optionalText(100).openapi({ description: 'Public only: the quantity as the public may read it, e.g. "circa 100"' }),
    publicFrom: isoDate.nullable().optional().openapi({ description: 'Public only: on public surfaces from this date; without it, from the publication of the first letter that lists it' }),
    publicRealisedDate: z.enum(REALISED_DATE_PRECISIONS).nullable().optional().openapi({ description: 'Public only: open data gives the realised date to the day, or only its month; without it, not at all' }),
    publicValue: z.boolean().optional().openapi({ description: 'Public only: open data gives the delivery’s value at the moment of this decision' }),
    ground: z.enum(CONFIDENTIALITY_GROUNDS).optional().openapi({ description: 'Confidential only: why' }),
    reviewOn: isoDate.nullable().optional().openapi({ description: 'Confidential only: when to look at it again' }),
    note: optionalMultilineText(2000).optional(),
  })
  .openapi('DisclosureDecisionInput');

export const decisionInputRules = passedFieldRules(DecisionInputSchema, decisionRequestViolations);

export const DecisionsSchema = z.object({ items: z.array(DecisionSchema) }).openapi('DisclosureDecisions');

const HistorySchema = DecisionsSchema.extend({
  version: historyVersion,
  awaitingLetters: z
    .array(z.object({ id: z.uuid(), referenceDate: isoDate, letterDate: isoDate }))
    .openapi({ description: 'Final letters not yet published that list the delivery or name its value: another decision holds back their publication' }),
  toDecideAgain: z.boolean().openapi({
    description:
      'The delivery waits to be decided on again: open data gives its item no value until then (the queue’s `toDecideAgain`), for the reason `decideAgainReason` gives',
  }),
  decideAgainReason: z.enum(DECIDE_AGAIN_REASONS).nullable().openapi({
    description:
      'Why the delivery waits to be decided on again, as the queue gives it: another delivery decided public at once with it left their item (`deliveryLeft`), or the value made public counted a payment or valuation withdrawn since (`valueWithdrawn`); null when it does not wait',
  }),
}).openapi('DisclosureHistory');

const QueueSchema = z
  .object({
    referenceDate: isoDate,
    neededForLetter: z.number().int().openapi({ description: 'Undecided deliveries realised, or claimed on the EPF, on or before the reference date: what the letter still needs' }),
    undecided: z.object({ items: z.array(DeliverySummarySchema), ...pageFields }),
    dueForReview: z
      .array(z.object({ deliveryId: z.uuid(), title: z.string(), ground: z.string().nullable(), reviewOn: isoDate, decidedAt: z.string() }))
      .openapi({ description: 'A page of the confidential deliveries due for review by the reference date, by review date' }),
    dueForReviewPage: z.object(pageFields).openapi({ description: 'Where that page stands in the list: cursors for `reviewsAfter` and `reviewsBefore`' }),
    toDecideAgain: z
      .array(
        z.object({
          deliveryId: z.uuid(),
          title: z.string(),
          publicTitle: z.string(),
          reason: z.enum(DECIDE_AGAIN_REASONS).openapi({
            description: '`deliveryLeft`: another delivery decided at once with it left its item; `valueWithdrawn`: the value made public counted a payment or valuation since withdrawn as of the decision’s day',
          }),
        }),
      )
      .openapi({
        description:
          'A page of the public deliveries whose item, which gave a value, another delivery decided at once with them has left (decided again apart, or removed), or whose value counted money withdrawn since as entered in error: open data gives the item no value, and its date as shown, until they are decided again. By the item’s public title',
      }),
    toDecideAgainPage: z.object(pageFields).openapi({ description: 'Where that page stands in the list: cursors for `decideAgainAfter` and `decideAgainBefore`' }),
    correctedCompanies: z
      .array(
        z.object({
          companyId: z.uuid(),
          name: z.string(),
          country: z.string(),
          disclosureState: z.enum(['public', 'confidential']),
          publicName: z.string().nullable().openapi({ description: 'The name the public reads, as the latest decision made it; null for a confidential company' }),
          publicCountry: z.string().nullable().openapi({ description: 'The country the public reads, as the latest decision made it; null for a confidential company' }),
          correctedAt: z.string().openapi({ description: 'The moment of its latest correction' }),
        }),
      )
      .openapi({
        description:
          'The companies corrected (PUT /companies/{id}) since the disclosure officer decided on them, the earliest corrected first: what the public reads of a public one stays as that decision made it until a new decision (POST /companies/{id}/disclosure-decisions), which takes it off this list',
      }),
  })
  .openapi('DisclosureQueue');

export const queueRoute = createRoute(
  permitted('disclosure.read', {
    method: 'get',
    path: '/disclosure-queue',
    tags: ['disclosure'],
    summary: 'What waits for a decision: undecided deliveries (realised first), confidential ones due for review, public ones whose item another delivery left, and companies corrected since they were decided on',
    request: {
      query: z.object({
        referenceDate: isoDate.optional().openapi({ description: 'The reference date of the next letter (default today)' }),
        ...pageQueryParameters,
        ...listPageQueryParameters('reviews'),
        ...listPageQueryParameters('decideAgain'),
      }),
    },
    responses: { 200: json(QueueSchema, 'The queue'), ...problemResponses(400, 401, 403) },
  }),
);

export const historyRoute = createRoute(
  permitted('disclosure.read', {
    method: 'get',
    path: '/deliveries/{id}/disclosure-decisions',
    tags: ['disclosure'],
    summary: 'The decisions on a delivery, latest first',
    request: { params: DeliveryIdParamSchema },
    responses: { 200: json(HistorySchema, 'The history (ETag: its version)'), ...problemResponses(401, 403, 404) },
  }),
);

export const decideRoute = createRoute(
  permitted('disclosure.decide', {
    method: 'post',
    path: '/disclosure-decisions',
    tags: ['disclosure'],
    summary: 'Decide for one delivery or a selection: public (with what the public may read) or confidential (with its ground)',
    description:
      'With If-Match (the ETag of GET /deliveries/{id}/disclosure-decisions), a decision on one delivery is taken only when no decision ' +
      'on it was added since (412 otherwise); with more than one delivery If-Match is refused (400).',
    request: { headers: historyEntryHeaders, ...jsonBody(DecisionInputSchema) },
    responses: {
      201: json(DecisionsSchema, 'The decisions (on one delivery, ETag: the version of its decisions)'),
      ...problemResponses(400, 401, 403, 412, 415, 422),
    },
  }),
);
