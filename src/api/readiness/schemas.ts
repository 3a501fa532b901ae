import { createRoute, z } from '@hono/zod-openapi';
import type { IsoDate } from '../../../common/dates.ts';
import { VALUATION_BASES } from '../../domain/delivery.ts';
import type { StockDeliveryFilter } from '../../db/repositories/readiness.ts';
import { EFFECT_FILTERS, judgementViolations, LARGEST_STOCK_DELIVERIES, nonReplacementViolations, projectViolations, READINESS_EFFECTS, REPLENISHMENT_STAGES, type EffectFilter } from '../../domain/readiness.ts';
import { permitted } from '../access.ts';
import { pageFields, pageQueryParameters } from '../cursor.ts';
import { ValuationSchema } from '../deliveries/schemas.ts';
import { historyEntryHeaders, historyVersion, ifMatchHeader } from '../if-match.ts';
import { amountCents, AsAtDateQuerySchema, confirmations, idempotencyKey, itemQuantity, positiveAmountCents, isoDate, jsonBody, jsonContent as json, multilineText, optionalMultilineText, passedFieldRules, problemResponses, queryFilter, safeText } from '../openapi-common.ts';

const DeliveryIdParamSchema = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
const ProjectIdParamSchema = DeliveryIdParamSchema;

const JudgementInputSchema = z
  .strictObject({
    effect: z.enum(READINESS_EFFECTS).openapi({ description: 'The effect on readiness and the NATO capability targets' }),
    reasoning: multilineText(4000),
    judgedOn: isoDate,
    confirm: confirmations(['datedInSentLetterPeriod']),
  })
  .openapi('ReadinessJudgementInput');

/** The rules of a judgement judged beside the fields a request, or an import's row, has wrong; an import confirms warnings for the whole file, not per row. */
export const judgementInputRules = passedFieldRules(JudgementInputSchema.omit({ confirm: true }), judgementViolations);

export const JudgementSchema = z
  .object({
    id: z.uuid(),
    deliveryId: z.uuid(),
    effect: z.enum(READINESS_EFFECTS),
    reasoning: z.string(),
    judgedOn: isoDate,
    judgedByName: z.string(),
    recordedAt: z.string(),
  })
  .openapi('ReadinessJudgement');

const ReplacementSchema = z
  .strictObject({
    deliveryId: z.uuid(),
    replacedValueCents: positiveAmountCents.openapi({ description: 'The part of the delivery’s value this project replaces, in euro cents' }),
    replacedQuantity: itemQuantity.nullable().default(null),
  })
  .openapi('Replacement');

const ProjectInputSchema = z
  .strictObject({
    name: safeText(300).trim(),
    stage: z.enum(REPLENISHMENT_STAGES),
    budgetCents: positiveAmountCents.nullable().default(null),
    expectedOn: isoDate.nullable().default(null),
    note: optionalMultilineText(2000, { judgedByDomain: true }).default(''),
    replaces: z.array(ReplacementSchema).max(100).default([]).openapi({ description: 'The stock deliveries it replaces; together no more than was delivered' }),
    asOf: isoDate.openapi({
      description: 'The day from which its name, stage and what it replaces hold (not after today); a letter at an earlier reference date shows the state that held then. A change holds from the day of the current state or later',
    }),
    reason: optionalMultilineText(2000, { judgedByDomain: true })
      .default('')
      .openapi({ description: 'Why the project goes back to an earlier stage: required then, kept with this change in its history (the note is the whole project’s); forward needs none' }),
    confirm: confirmations(['datedInSentLetterPeriod']),
  })
  .openapi('ReplenishmentProjectInput');

/** A project's rules that need nothing but its body; those against the deliveries it replaces and its latest state need the register. */
export const projectInputRules = passedFieldRules(ProjectInputSchema.omit({ confirm: true }), projectViolations);

const projectFields = {
  id: z.uuid(),
  name: z.string(),
  stage: z.enum(REPLENISHMENT_STAGES),
  replaces: z.array(z.object({ deliveryId: z.uuid(), replacedValueCents: z.number().int(), replacedQuantity: z.number().int().nullable() })),
  isDemonstration: z.boolean(),
  version: z.number().int(),
  asOf: isoDate.openapi({ description: 'The day from which its current state holds' }),
  history: z
    .array(z.object({ asOf: isoDate, stage: z.enum(REPLENISHMENT_STAGES), reason: z.string(), recordedAt: z.string() }))
    .openapi({ description: 'Every state it was recorded in, in the order they hold, each with the reason it went back to an earlier stage (empty when it did not)' }),
};

/** What a project holds that has no history: known only as it is now. */
const recordedNowFields = {
  budgetCents: z.number().int().nullable(),
  expectedOn: isoDate.nullable(),
  note: z.string(),
};

export const ProjectSchema = z.object({ ...projectFields, ...recordedNowFields }).openapi('ReplenishmentProject');

const ProjectAtSchema = z
  .object({
    ...projectFields,
    budgetCents: recordedNowFields.budgetCents.optional(),
    expectedOn: recordedNowFields.expectedOn.optional(),
    note: recordedNowFields.note.optional(),
  })
  .openapi('ReplenishmentProjectAt', { description: 'A project at a date: its budget, expected date and note, which have no history, only at today’s date, as recorded' });

const NonReplacementInputSchema = z
  .strictObject({
    decidedOn: isoDate,
    reason: multilineText(4000),
    revaluation: z
      .strictObject({ amountCents, basis: z.enum(VALUATION_BASES), effectiveDate: isoDate })
      .nullable()
      .default(null)
      .openapi({ description: 'When the delivery’s value changes basis because it will not be replaced: the new value and the date it holds from, the day of the decision or later' }),
    confirm: confirmations(['datedInSentLetterPeriod']),
  })
  .openapi('NonReplacementInput');

export const nonReplacementInputRules = passedFieldRules(NonReplacementInputSchema, nonReplacementViolations);

const NonReplacementDecisionSchema = z.object({
  id: z.uuid(),
  deliveryId: z.uuid(),
  decidedOn: isoDate,
  reason: z.string(),
  valuationId: z.uuid().nullable(),
  decidedByName: z.string(),
  recordedAt: z.string(),
});

export const NonReplacementSchema = z
  .object({ decision: NonReplacementDecisionSchema, valuation: ValuationSchema.nullable() })
  .openapi('NonReplacement');

const stockDeliveryFields = {
  id: z.uuid(),
  title: z.string(),
  quantity: z.number().int().nullable(),
  unit: z.string().nullable(),
  realisedAt: isoDate.nullable(),
};

/** The stock deliveries' filter, on the page and in its export. */
export const stockDeliveryQuery = {
  ...AsAtDateQuerySchema.shape,
  q: queryFilter(safeText(200)).openapi({ description: 'Only the deliveries whose title contains this text, whatever its case' }),
  effect: queryFilter(z.enum(EFFECT_FILTERS)).openapi({ description: 'Only the deliveries whose judgement that held at the date (as `latestJudgement`) has this effect, or with `unjudged` those not judged by then' }),
};

/** The filter those parameters ask for, at today's date when they name none. */
export const stockDeliveryFilter = ({ date, q, effect }: { date?: IsoDate | undefined; q?: string | undefined; effect?: EffectFilter | undefined }, today: IsoDate): StockDeliveryFilter => ({
  date: date ?? today,
  titleContains: q?.trim() || undefined,
  effect,
});

const StockDeliveryReadinessListSchema = z
  .object({
    items: z.array(
      z.object({
        ...stockDeliveryFields,
        valueCents: z.number().int().openapi({ description: 'Its value at the date: its latest valuation effective on or before it and not withdrawn by then; 0 without one' }),
        latestJudgement: z
          .object({ effect: z.enum(READINESS_EFFECTS), judgedOn: isoDate, judgedByName: z.string() })
          .nullable()
          .openapi({ description: 'The judgement that held at the date: the latest made on or before it (by the day judged, then the moment recorded); null when none was made by then' }),
        judgements: z.number().int().openapi({ description: 'How many judgements its history holds up to the date' }),
        replacedValueCents: z.number().int().openapi({ description: 'What the replenishment projects together replaced of its value in the states that held at the date' }),
        replacedQuantity: z.number().int(),
        nonReplacements: z.number().int().openapi({ description: 'Decisions not to replace it taken on or before the date' }),
      }),
    ),
    date: isoDate.openapi({ description: 'The date the list is as at' }),
    ...pageFields,
  })
  .openapi('StockDeliveryReadinessList');

export const listStockDeliveriesRoute = createRoute(
  permitted('readiness.read', {
    method: 'get',
    path: '/readiness/deliveries',
    tags: ['readiness'],
    summary: 'The stock deliveries by title as they stood at a date, each with the judgement that held then and its replacement then, a page at a time',
    description:
      'A delivery is listed from its beginning (its pledge, else its commitment; one with neither at every date). ' +
      'Paged by position (keyset): a page starts after the `next` cursor of the page before it (or before the `previous` cursor of the page after it).',
    request: {
      query: z.object({
        ...stockDeliveryQuery,
        ...pageQueryParameters,
      }),
    },
    responses: { 200: json(StockDeliveryReadinessListSchema, 'The stock deliveries'), ...problemResponses(400, 401, 403) },
  }),
);

export const DeliveryReadinessSchema = z
  .object({
    ...stockDeliveryFields,
    currentValueCents: z.number().int(),
    judgements: z.array(JudgementSchema).openapi({ description: 'The history, oldest first' }),
    version: historyVersion,
    replacements: z.array(
      z.object({
        projectId: z.uuid(),
        project: z.string(),
        stage: z.enum(REPLENISHMENT_STAGES),
        replacedValueCents: z.number().int(),
        replacedQuantity: z.number().int().nullable(),
      }),
    ),
    nonReplacements: z.array(NonReplacementDecisionSchema).openapi({ description: 'Oldest first' }),
  })
  .openapi('DeliveryReadiness');

export const getDeliveryReadinessRoute = createRoute(
  permitted('readiness.read', {
    method: 'get',
    path: '/readiness/deliveries/{id}',
    tags: ['readiness'],
    summary: 'A stock delivery with the history of its effect on readiness, the projects that replace it and the decisions not to',
    request: { params: DeliveryIdParamSchema },
    responses: { 200: json(DeliveryReadinessSchema, 'The stock delivery (ETag: the version of its judgements and decisions not to replace)'), ...problemResponses(400, 401, 403, 404) },
  }),
);

export const ReadinessOverviewSchema = z
  .object({
    date: isoDate.openapi({ description: 'The date the overview is as at' }),
    projects: z.array(ProjectAtSchema).openapi({
      description:
        'The projects as their states held at the date (name, stage, the day it held from, what they replaced), with their history up to it; a project with no state by then is left out. ' +
        'Budget, expected date and note have no history: they are given at today’s date only, as recorded now, and left out at another',
    }),
    nonReplacements: z
      .array(NonReplacementDecisionSchema.extend({ deliveryTitle: z.string(), revalued: z.boolean().openapi({ description: 'Whether its revaluation held at the date, as the confidential annex says it' }) }))
      .openapi({ description: 'The decisions not to replace taken on or before the date, newest first' }),
  })
  .openapi('ReadinessOverview');

export const overviewRoute = createRoute(
  permitted('readiness.read', {
    method: 'get',
    path: '/readiness',
    tags: ['readiness'],
    summary: 'The replenishment projects and the decisions not to replace as they stood at a date, as the confidential annex takes them (the stock deliveries are listed at /readiness/deliveries)',
    request: { query: AsAtDateQuerySchema },
    responses: { 200: json(ReadinessOverviewSchema, 'The overview'), ...problemResponses(400, 401, 403) },
  }),
);

export const ReplenishmentSummarySchema = z
  .object({
    date: isoDate.openapi({ description: 'The date the summary is as at' }),
    stockDeliveries: z.number().int().openapi({ description: 'The stock deliveries the readiness list shows at the date: those begun by then' }),
    deliveredCents: z.number().int().openapi({ description: 'Their value at the date, added up' }),
    replacedCents: z.number().int().openapi({ description: 'What replenishment projects replaced of them in the states that held at the date' }),
    largest: z
      .array(
        z.object({
          id: z.uuid(),
          title: z.string(),
          valueCents: z.number().int().openapi({ description: 'Its value at the date: its latest valuation effective on or before it and not withdrawn by then; 0 without one' }),
          replacedValueCents: z.number().int(),
          nonReplacements: z.number().int().openapi({ description: 'Decisions not to replace it taken on or before the date' }),
        }),
      )
      .openapi({ description: `The stock deliveries of the highest value at the date (at most ${LARGEST_STOCK_DELIVERIES}), highest first` }),
  })
  .openapi('ReplenishmentSummary');

export const replenishmentSummaryRoute = createRoute(
  permitted('readiness.read', {
    method: 'get',
    path: '/readiness/replenishment',
    tags: ['readiness'],
    summary: 'What the stock deliveries add up to at a date and what projects replaced of them then, with the largest deliveries one by one, as the readiness list has them at that date',
    request: { query: AsAtDateQuerySchema },
    responses: { 200: json(ReplenishmentSummarySchema, 'The summary'), ...problemResponses(400, 401, 403) },
  }),
);

export const judgeRoute = createRoute(
  permitted('readiness.write', {
    method: 'post',
    path: '/deliveries/{id}/readiness-judgements',
    tags: ['readiness'],
    summary: 'Judge the effect of a stock delivery on readiness (earlier judgements stay as its history)',
    request: { params: DeliveryIdParamSchema, headers: historyEntryHeaders, ...jsonBody(JudgementInputSchema) },
    responses: { 201: json(JudgementSchema, 'The judgement (ETag: the version of the delivery’s readiness history)'), ...problemResponses(400, 401, 403, 404, 412, 415, 422) },
  }),
);

export const nonReplacementRoute = createRoute(
  permitted('readiness.write', {
    method: 'post',
    path: '/deliveries/{id}/non-replacement-decisions',
    tags: ['readiness'],
    summary: 'Decide not to replace a stock delivery, revaluing it when its valuation basis changes with that',
    request: { params: DeliveryIdParamSchema, headers: historyEntryHeaders, ...jsonBody(NonReplacementInputSchema) },
    responses: {
      201: json(NonReplacementSchema, 'The decision and the revaluation it made (ETag: the version of the delivery’s readiness history)'),
      ...problemResponses(400, 401, 403, 404, 412, 415, 422),
    },
  }),
);

export const createProjectRoute = createRoute(
  permitted('readiness.write', {
    method: 'post',
    path: '/replenishment-projects',
    tags: ['readiness'],
    summary: 'Record a replenishment project and the deliveries it replaces',
    request: { headers: idempotencyKey, ...jsonBody(ProjectInputSchema) },
    responses: { 201: json(ProjectSchema, 'The project'), ...problemResponses(400, 401, 403, 415, 422) },
  }),
);

export const getProjectRoute = createRoute(
  permitted('readiness.read', {
    method: 'get',
    path: '/replenishment-projects/{id}',
    tags: ['readiness'],
    summary: 'A replenishment project',
    request: { params: ProjectIdParamSchema },
    responses: { 200: json(ProjectSchema, 'The project'), ...problemResponses(400, 401, 403, 404) },
  }),
);

export const replaceProjectRoute = createRoute(
  permitted('readiness.write', {
    method: 'put',
    path: '/replenishment-projects/{id}',
    tags: ['readiness'],
    summary: 'Change a replenishment project: its stage, budget, expected date and what it replaces',
    request: { params: ProjectIdParamSchema, headers: ifMatchHeader, ...jsonBody(ProjectInputSchema) },
    responses: { 200: json(ProjectSchema, 'The changed project'), ...problemResponses(400, 401, 403, 404, 412, 415, 428) },
  }),
);
