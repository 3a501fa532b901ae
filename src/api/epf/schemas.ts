import { createRoute, z } from '@hono/zod-openapi';
import { assessmentViolations, blockageReasonViolations, claimViolations, EPF_CLAIM_STATUSES, EPF_DUTCH_ROLES, EPF_TRANCHE_KINDS, newTrancheViolations, receiptViolations } from '../../domain/epf.ts';
import { permitted } from '../access.ts';
import { amountCents, AsAtDateQuerySchema, confirmations, eventDate, idempotencyKey, isoDate, jsonBody, jsonContent as json, optionalMultilineText, passedFieldRules, positiveAmountCents, problemResponses, requiredText, safeText } from '../openapi-common.ts';
import { pageFields, pageQueryParameters } from '../cursor.ts';
import { historyEntryHeaders, historyVersion } from '../if-match.ts';

const cents = z.number().int().openapi({ description: 'Euro cents', example: 44_000_000_000 });
const positiveCents = positiveAmountCents;
const note = optionalMultilineText(2000).default('');

const TrancheInputSchema = z
  .strictObject({
    kind: z.enum(EPF_TRANCHE_KINDS),
    name: requiredText(300, 'title').openapi({ example: 'Windfall profits, tranche 2' }),
    euAmountCents: positiveCents.openapi({ description: 'The EU-wide amount as reported, in euro cents' }),
    decidedOn: eventDate,
    dutchRole: z.enum(EPF_DUTCH_ROLES),
    note,
    confirm: confirmations(['datedInSentLetterPeriod']),
  })
  .openapi('EpfTrancheInput');

/** A tranche's rules that need nothing but its body; whether its name is another's of its kind needs the register. */
export const trancheInputRules = passedFieldRules(TrancheInputSchema, newTrancheViolations);

export const TrancheSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(EPF_TRANCHE_KINDS),
    name: z.string(),
    euAmountCents: cents,
    decidedOn: isoDate,
    dutchRole: z.enum(EPF_DUTCH_ROLES),
    note: z.string(),
    isDemonstration: z.boolean(),
  })
  .openapi('EpfTranche');

export const ClaimInputSchema = z
  .strictObject({
    reference: requiredText(100, 'reference').openapi({ example: 'EPF-NL-2025-07' }),
    deliveryId: z.uuid().nullable().default(null).openapi({ description: 'The delivery claimed for; null for a batch' }),
    batch: safeText(500).trim().default('').openapi({ description: 'What a batch claim covers; empty for a claim on one delivery. A claim with neither is refused here (deliveryOrBundle)' }),
    trancheId: z.uuid().nullable().default(null),
    period: requiredText(100, 'title').openapi({ example: 'jan. t/m jun. 2025', description: 'The period whose costs the claim declares: a year it names lies from 2014 to this year (periodOutOfRange otherwise)' }),
    declaredCents: positiveCents,
    declaredOn: eventDate,
    note,
    confirm: confirmations(['datedInSentLetterPeriod']),
  })
  .openapi('EpfClaimInput');

/** A claim's rules that need nothing but its body; those against its delivery and tranche need the register. */
export const claimInputRules = passedFieldRules(ClaimInputSchema, (passed, today) => claimViolations(passed, today, null));

const claimFields = {
  id: z.uuid(),
  reference: z.string(),
  deliveryId: z.uuid().nullable(),
  batch: z.string(),
  trancheId: z.uuid().nullable(),
  period: z.string(),
  declaredCents: cents,
  declaredOn: isoDate,
  note: z.string(),
  isDemonstration: z.boolean(),
  recordedAt: z.iso.datetime(),
};

const stateFields = {
  status: z.enum(EPF_CLAIM_STATUSES),
  compensatedCents: cents,
  paidCents: cents,
  outstandingCents: cents.openapi({ description: 'Compensated but not yet received' }),
  blockedReason: z.string().nullable(),
  remainderExpectedBy: z.number().int().nullable().openapi({ description: 'The last year in which the rest is expected' }),
};

const AssessmentInputSchema = z
  .strictObject({
    compensatedCents: amountCents,
    assessedOn: eventDate,
    remainderExpectedBy: z.number().int().min(2014).max(2100).nullable().default(null),
    note,
    confirm: confirmations(['datedInSentLetterPeriod']),
  })
  .openapi('EpfAssessmentInput');

/** The rules of an assessment or a receipt that need nothing but its body; those against the claim's history need the register. */
export const assessmentInputRules = passedFieldRules(AssessmentInputSchema, (passed, today) => assessmentViolations(null, passed, today));

const ReceiptInputSchema = z.strictObject({ amountCents: positiveCents, receivedOn: eventDate, note, confirm: confirmations(['datedInSentLetterPeriod']) }).openapi('EpfReceiptInput');

export const receiptInputRules = passedFieldRules(ReceiptInputSchema, (passed, today) => receiptViolations(null, passed, today));

const BlockageInputSchema = z
  .strictObject({
    blocked: z.boolean().openapi({ description: 'true blocks the claim (give the reason), false releases it' }),
    effectiveOn: eventDate,
    reason: safeText(1000).trim().default('').openapi({ example: 'Hongaarse blokkade op het aannemen van volgende tranches' }),
    confirm: confirmations(['datedInSentLetterPeriod']),
  })
  .openapi('EpfBlockageInput');

/** A blockage's rules that need nothing but its body; those against the claim's history need the register. */
export const blockageInputRules = passedFieldRules(BlockageInputSchema, blockageReasonViolations);

const history = { id: z.uuid(), claimId: z.uuid(), note: z.string(), recordedAt: z.iso.datetime() };

export const ClaimDetailSchema = z
  .object({
    claim: z.object(claimFields),
    assessments: z.array(z.object({ ...history, compensatedCents: cents, assessedOn: isoDate, remainderExpectedBy: z.number().int().nullable() })),
    receipts: z.array(z.object({ ...history, amountCents: cents, receivedOn: isoDate })),
    blockages: z.array(z.object({ id: z.uuid(), claimId: z.uuid(), blocked: z.boolean(), effectiveOn: isoDate, reason: z.string(), recordedAt: z.iso.datetime() })),
    state: z.object(stateFields).openapi({ description: 'The claim as it stands today' }),
    version: historyVersion,
  })
  .openapi('EpfClaimDetail');

const ClaimListSchema = z
  .object({
    date: isoDate,
    items: z.array(z.object({ ...claimFields, ...stateFields, deliveryTitle: z.string().nullable().openapi({ description: 'The title of the delivery claimed for; null for a batch' }) })),
    ...pageFields,
  })
  .openapi('EpfClaimList');

const statusCount = z.object({ count: z.number().int(), declaredCents: cents });

const OverviewSchema = z
  .object({
    date: isoDate,
    declaredCents: cents,
    declaredUntil: isoDate.nullable(),
    compensatedCents: cents,
    paidCents: cents,
    paidByYear: z.array(z.object({ year: z.number().int(), cents })),
    outstandingCents: cents.openapi({ description: 'Compensated − paid' }),
    blockedCents: cents.openapi({ description: 'What the claims blocked at the date declared' }),
    remainderExpectedBy: z.number().int().nullable(),
    byStatus: z.object({ open: statusCount, compensated: statusCount, paid: statusCount, blocked: statusCount }),
    implementingActorCents: cents.openapi({ description: 'Work for the EU as implementing actor: shown, never in a Dutch total' }),
    tranches: z.array(TrancheSchema),
  })
  .openapi('EpfOverview');

const ClaimIdParamSchema = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

export const overviewRoute = createRoute(
  permitted('epf.read', {
    method: 'get',
    path: '/epf/overview',
    tags: ['epf'],
    summary: 'The EPF figures at a date: declared, compensated, paid per year, outstanding, blocked; the tranches and the implementing-actor work',
    request: { query: AsAtDateQuerySchema },
    responses: { 200: json(OverviewSchema, 'The figures'), ...problemResponses(400, 401, 403) },
  }),
);

export const listTranchesRoute = createRoute(
  permitted('epf.read', {
    method: 'get',
    path: '/epf/tranches',
    tags: ['epf'],
    summary: 'The EPF tranches, with their EU-wide amounts as reported and the Dutch role in them',
    responses: { 200: json(z.object({ items: z.array(TrancheSchema) }).openapi('EpfTrancheList'), 'The tranches'), ...problemResponses(401, 403) },
  }),
);

export const createTrancheRoute = createRoute(
  permitted('epf.write', {
    method: 'post',
    path: '/epf/tranches',
    tags: ['epf'],
    summary: 'Record an EPF tranche',
    request: { headers: idempotencyKey, ...jsonBody(TrancheInputSchema) },
    responses: { 201: json(TrancheSchema, 'The tranche'), ...problemResponses(400, 401, 403, 415, 422) },
  }),
);

export const listClaimsRoute = createRoute(
  permitted('epf.read', {
    method: 'get',
    path: '/epf/claims',
    tags: ['epf'],
    summary: 'The claims declared on or before a date, each with its status then, oldest first, a page at a time',
    description: 'Paged by position (keyset): a page starts after the `next` cursor of the page before it (or before the `previous` cursor of the page after it).',
    request: { query: AsAtDateQuerySchema.extend(pageQueryParameters) },
    responses: { 200: json(ClaimListSchema, 'The claims'), ...problemResponses(400, 401, 403) },
  }),
);

export const createClaimRoute = createRoute(
  permitted('epf.write', {
    method: 'post',
    path: '/epf/claims',
    tags: ['epf'],
    summary: 'Declare a claim on the EPF, for one delivery or a batch',
    request: { headers: idempotencyKey, ...jsonBody(ClaimInputSchema) },
    responses: { 201: json(ClaimDetailSchema, 'The claim'), ...problemResponses(400, 401, 403, 415, 422) },
  }),
);

export const getClaimRoute = createRoute(
  permitted('epf.read', {
    method: 'get',
    path: '/epf/claims/{id}',
    tags: ['epf'],
    summary: 'A claim with its history',
    request: { params: ClaimIdParamSchema },
    responses: { 200: json(ClaimDetailSchema, 'The claim (ETag: the version of its history)'), ...problemResponses(401, 403, 404) },
  }),
);

const historyRoute = <T extends z.ZodType>(path: string, summary: string, schema: T) =>
  createRoute(
    permitted('epf.write', {
      method: 'post',
      path: `/epf/claims/{id}/${path}`,
      tags: ['epf'],
      summary,
      request: { params: ClaimIdParamSchema, headers: historyEntryHeaders, ...jsonBody(schema) },
      responses: { 201: json(ClaimDetailSchema, 'The claim with its history (ETag: its version)'), ...problemResponses(400, 401, 403, 404, 412, 415, 422) },
    }),
  );

export const assessRoute = historyRoute('assessments', 'Record the assessment of a claim: the amount compensated', AssessmentInputSchema);
export const receiveRoute = historyRoute('receipts', 'Record money received on a claim', ReceiptInputSchema);
export const blockRoute = historyRoute('blockages', 'Block a claim with its reason, or release it', BlockageInputSchema);
