import { createRoute, z } from '@hono/zod-openapi';
import { BUDGET_FUNDS, COMMITMENT_STAGES, commitmentViolations, decisionViolations, FIRST_BUDGET_YEAR, LAST_BUDGET_YEAR, shiftFieldViolations, stageFieldViolations } from '../../domain/budget.ts';
import type { CommitmentFilter } from '../../db/repositories/budget.ts';
import { permitted } from '../access.ts';
import { pageFields, pageQueryParameters } from '../cursor.ts';
import { historyEntryHeaders, historyVersion } from '../if-match.ts';
import { confirmations, idempotencyKey, isoDate, jsonBody, jsonContent as json, optionalMultilineText, optionalText, passedFieldRules, positiveAmountCents, problemResponses, queryFilter, requiredText, safeText, wholeNumberParameter } from '../openapi-common.ts';

const date = isoDate.openapi({ example: '2025-04-15' });
const positiveCents = positiveAmountCents.openapi({ example: 320_000_000_000 });
const centsValue = z.number().int().openapi({ description: 'Euro cents' });
/** A year outside the register is refused as a budget year ("from 2022 to 2040"), not as a number. */
const BUDGET_YEAR_REFUSAL = { code: 'budgetYearOutOfRange', first: String(FIRST_BUDGET_YEAR), last: String(LAST_BUDGET_YEAR) };
/** A budget year of the register. */
const budgetYear = z
  .number()
  .int()
  .superRefine((year, ctx) => {
    if (year < FIRST_BUDGET_YEAR || year > LAST_BUDGET_YEAR) ctx.addIssue({ code: 'custom', message: BUDGET_YEAR_REFUSAL.code, params: BUDGET_YEAR_REFUSAL });
  })
  .openapi({ minimum: FIRST_BUDGET_YEAR, maximum: LAST_BUDGET_YEAR, example: 2025 });
const moment = requiredText(200, 'title').openapi({ description: 'The moment of the budget cycle', example: 'Voorjaarsnota 2025' });
const description = optionalMultilineText(2000).default('');

export const BudgetDecisionInputSchema = z
  .strictObject({
    moment,
    decidedOn: date,
    fund: z.enum(BUDGET_FUNDS),
    firstYear: budgetYear,
    lastYear: budgetYear.openapi({ example: 2027 }),
    // At least one, which the rules check with the period: a period that ends before it starts has no years to give amounts for.
    amounts: z.array(z.strictObject({ budgetYear, amountCents: positiveCents })).max(30).openapi({ minItems: 1, description: 'The amount per budget year of the period' }),
    description,
    confirm: confirmations(['datedInSentLetterPeriod']),
  })
  .openapi('BudgetDecisionInput');

export const decisionInputRules = passedFieldRules(BudgetDecisionInputSchema, decisionViolations);

export const BudgetDecisionSchema = z
  .object({
    id: z.uuid(),
    moment: z.string(),
    decidedOn: isoDate,
    fund: z.enum(BUDGET_FUNDS),
    firstYear: z.number().int(),
    lastYear: z.number().int(),
    amounts: z.array(z.object({ budgetYear: z.number().int(), amountCents: centsValue })),
    description: z.string(),
    isDemonstration: z.boolean(),
    recordedAt: z.iso.datetime(),
  })
  .openapi('BudgetDecision');

export const BudgetShiftInputSchema = z
  .strictObject({
    moment,
    decidedOn: date,
    fund: z.enum(BUDGET_FUNDS),
    fromYear: budgetYear.openapi({ example: 2026 }),
    toYear: budgetYear,
    amountCents: positiveCents.openapi({ example: 200_000_000_000 }),
    description,
  })
  .openapi('BudgetShiftInput');

/** A shift's rules that need nothing but its body; what its year holds needs the register. */
export const shiftInputRules = passedFieldRules(BudgetShiftInputSchema, shiftFieldViolations);

export const BudgetShiftSchema = z
  .object({
    id: z.uuid(),
    moment: z.string(),
    decidedOn: isoDate,
    fund: z.enum(BUDGET_FUNDS),
    fromYear: z.number().int(),
    toYear: z.number().int(),
    amountCents: centsValue,
    description: z.string(),
    isDemonstration: z.boolean(),
    recordedAt: z.iso.datetime(),
  })
  .openapi('BudgetShift');

const stageInput = {
  stage: z.enum(COMMITMENT_STAGES),
  amountCents: positiveCents.openapi({ example: 2_500_000_000 }),
  effectiveOn: date,
  note: optionalMultilineText(2000).default(''),
};

export const CommitmentStageInputSchema = z.strictObject({ ...stageInput, confirm: confirmations(['datedInSentLetterPeriod']) }).openapi('CommitmentStageInput');

/** A next stage's rules that need nothing but its body; those against its commitment's year and latest stage need the register. */
export const stageInputRules = passedFieldRules(CommitmentStageInputSchema, stageFieldViolations);

export const CommitmentInputSchema = z
  .strictObject({
    title: requiredText(300, 'title').openapi({ example: 'Extra bijdrage aan het NAVO UCAP in 2026' }),
    fund: z.enum(BUDGET_FUNDS),
    budgetYear,
    deliveryId: z.uuid().nullable().default(null),
    contractReference: optionalText(200, 'reference').default(null),
    ...stageInput,
  })
  .openapi('CommitmentInput');

/** The rules of a new commitment judged beside the fields a request, or an import's row, has wrong. */
export const commitmentInputRules = passedFieldRules(CommitmentInputSchema, (passed, today) => commitmentViolations(passed, passed, today));

export const CommitmentSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    fund: z.enum(BUDGET_FUNDS),
    budgetYear: z.number().int(),
    deliveryId: z.uuid().nullable(),
    contractReference: z.string().nullable(),
    isDemonstration: z.boolean(),
    createdAt: z.iso.datetime(),
    amountCents: centsValue.openapi({ description: 'The amount of its latest stage' }),
    exceedsBudget: z.boolean().openapi({ description: "More is committed and pledged in its fund's budget year than the year's budget holds; recorded, and flagged" }),
    version: historyVersion,
    stages: z.array(
      z.object({
        id: z.uuid(),
        commitmentId: z.uuid(),
        stage: z.enum(COMMITMENT_STAGES),
        amountCents: centsValue,
        effectiveOn: isoDate,
        note: z.string(),
        recordedAt: z.iso.datetime(),
      }),
    ),
  })
  .openapi('Commitment');

const BudgetListSchema = z.object({ decisions: z.array(BudgetDecisionSchema), shifts: z.array(BudgetShiftSchema) }).openapi('BudgetList');

/** The commitments' filter, on the page and in its export. */
export const commitmentQuery = {
  q: queryFilter(safeText(200)).openapi({ description: 'Only the commitments whose title or contract reference contains this text, whatever its case' }),
  year: queryFilter(wholeNumberParameter(FIRST_BUDGET_YEAR, LAST_BUDGET_YEAR, BUDGET_YEAR_REFUSAL)).openapi({ description: 'Only the commitments against this budget year' }),
  fund: queryFilter(z.enum(BUDGET_FUNDS)).openapi({ description: 'Only the commitments against this fund' }),
};

/** The filter those parameters ask for. */
export const commitmentFilter = ({ q, year, fund }: { q?: string | undefined; year?: number | undefined; fund?: CommitmentFilter['fund'] }): CommitmentFilter => ({
  contains: q?.trim() || undefined,
  budgetYear: year,
  fund,
});

const CommitmentListSchema = z.object({ items: z.array(CommitmentSchema), ...pageFields }).openapi('CommitmentList');

const figureLine = {
  budgeted: centsValue,
  committed: centsValue.openapi({ description: 'Legally committed (juridisch verplicht)' }),
  pledged: centsValue.openapi({ description: 'Pledged: plans and projects identified, not yet legally committed' }),
  unallocated: centsValue.openapi({ description: 'Budgeted less committed and pledged; negative when overcommitted' }),
  realised: centsValue.nullable().openapi({ description: 'Realised support in the calendar year, as in the figures (all funds together); null with a fund given, since realisation is not booked per fund' }),
  realisationPace: z.number().nullable().openapi({ description: 'Realised over budgeted in percent, one decimal; null without a budget, or with a fund given (realised is not known per fund)' }),
  overcommitted: z.boolean(),
};

const BudgetFiguresSchema = z
  .object({
    knownAt: isoDate,
    years: z.array(z.object({ budgetYear: z.number().int(), ...figureLine })),
    total: z.object(figureLine),
  })
  .openapi('BudgetFigures');

const CommitmentIdParamSchema = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' }, example: '0f8fad5b-d9cb-469f-a165-70867728950e' }),
});

const tags = ['budget'];

export const listBudgetRoute = createRoute(
  permitted('budget.read', {
    method: 'get',
    path: '/budget',
    tags,
    summary: 'The budget decisions and the shifts between years; the commitments are a list of their own (/budget/commitments)',
    responses: { 200: json(BudgetListSchema, 'Everything recorded, newest first'), ...problemResponses(401, 403) },
  }),
);

export const listCommitmentsRoute = createRoute(
  permitted('budget.read', {
    method: 'get',
    path: '/budget/commitments',
    tags,
    summary: 'The commitments by title, each with its stages, a page at a time',
    description: 'Paged by position (keyset): a page starts after the `next` cursor of the page before it (or before the `previous` cursor of the page after it).',
    request: { query: z.object({ ...commitmentQuery, ...pageQueryParameters }) },
    responses: { 200: json(CommitmentListSchema, 'The commitments'), ...problemResponses(400, 401, 403) },
  }),
);

export const getCommitmentRoute = createRoute(
  permitted('budget.read', {
    method: 'get',
    path: '/budget/commitments/{id}',
    tags,
    summary: 'A commitment with its stages, as the list shows it',
    request: { params: CommitmentIdParamSchema },
    responses: { 200: json(CommitmentSchema, 'The commitment (ETag: its version)'), ...problemResponses(400, 401, 403, 404) },
  }),
);

export const budgetFiguresRoute = createRoute(
  permitted('budget.read', {
    method: 'get',
    path: '/budget/figures',
    tags,
    summary: 'Per budget year and in total: budgeted, committed, pledged, unallocated, realised, as known at a date',
    description: `One row per budget year from ${FIRST_BUDGET_YEAR} up to the year of knownAt, and none after ${LAST_BUDGET_YEAR}, the last budget year the register takes.`,
    request: { query: z.object({ knownAt: date.openapi({ example: '2025-08-31' }), fund: z.enum(BUDGET_FUNDS).optional() }) },
    responses: { 200: json(BudgetFiguresSchema, 'The figures per year'), ...problemResponses(400, 401, 403) },
  }),
);

export const createDecisionRoute = createRoute(
  permitted('budget.write', {
    method: 'post',
    path: '/budget/decisions',
    tags,
    summary: 'Record a budget decision, its amount spread over budget years',
    request: { headers: idempotencyKey, ...jsonBody(BudgetDecisionInputSchema) },
    responses: { 201: json(BudgetDecisionSchema, 'The recorded decision'), ...problemResponses(400, 401, 403, 415, 422) },
  }),
);

export const createShiftRoute = createRoute(
  permitted('budget.write', {
    method: 'post',
    path: '/budget/shifts',
    tags,
    summary: 'Record a shift of budget from one year to another; never more than the year holds',
    request: { headers: idempotencyKey, ...jsonBody(BudgetShiftInputSchema) },
    responses: { 201: json(BudgetShiftSchema, 'The recorded shift'), ...problemResponses(400, 401, 403, 415, 422) },
  }),
);

export const createCommitmentRoute = createRoute(
  permitted('budget.write', {
    method: 'post',
    path: '/budget/commitments',
    tags,
    summary: 'Record a commitment against a budget year with its first stage (pledged or legally committed)',
    request: { headers: idempotencyKey, ...jsonBody(CommitmentInputSchema) },
    responses: { 201: json(CommitmentSchema, 'The recorded commitment'), ...problemResponses(400, 401, 403, 415, 422) },
  }),
);

export const addStageRoute = createRoute(
  permitted('budget.write', {
    method: 'post',
    path: '/budget/commitments/{id}/stages',
    tags,
    summary: 'Record the next stage of a commitment, or its new amount; earlier stages stay',
    request: { params: CommitmentIdParamSchema, headers: historyEntryHeaders, ...jsonBody(CommitmentStageInputSchema) },
    responses: { 201: json(CommitmentSchema, 'The commitment with its stages (ETag: its version)'), ...problemResponses(400, 401, 403, 404, 412, 415, 422) },
  }),
);
