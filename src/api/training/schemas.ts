import { createRoute, z } from '@hono/zod-openapi';
import { FUNDING_SOURCES } from '../../domain/delivery.ts';
import { StoredContributionSchema, StoredProgrammeSchema } from '../../db/repositories/training.ts';
import { contributionViolations, MAX_COUNTS, programmeViolations, TRAINING_FRAMEWORKS, TRAINING_MEASURES } from '../../domain/training.ts';
import { permitted } from '../access.ts';
import { historyEntryHeaders, historyVersion, ifMatchHeader } from '../if-match.ts';
import { AsAtDateQuerySchema, confirmations, countryCode, deliveryIdList, positiveAmountCents, idempotencyKey, isoDate, jsonBody, jsonContent as json, optionalMultilineText, optionalText, passedFieldRules, problemResponses, safeText } from '../openapi-common.ts';

/** A count of a contribution, within the domain's bound for it (MAX_COUNTS), so that one beyond 2^53 is refused naming that bound. */
const count = (measure: keyof typeof MAX_COUNTS) =>
  z
    .number()
    .int()
    .min(0)
    .max(MAX_COUNTS[measure])
    .nullable()
    .openapi({ description: 'A count, or null when the contribution does not count it' });

export const ProgrammeInputSchema = z
  .strictObject({
    key: safeText(40).openapi({ description: 'The short name the letter uses: {{training:KEY.trainers}}; lowercase letters, digits and -', example: 'stc' }),
    name: safeText(300).trim().openapi({ example: 'EUMAM Specialized Training Command (ST-C)' }),
    hostCountry: countryCode.openapi({ example: 'DE' }),
    framework: z.enum(TRAINING_FRAMEWORKS),
    systemTrainedOn: optionalText(300, 'title').default(null).openapi({ example: 'Leopard 1, Panzerhaubitze 2000' }),
    description: optionalMultilineText(4000).default(''),
    deliveryIds: deliveryIdList({ max: 100 }).default([]).openapi({ description: 'The deliveries the programme trains for, each once' }),
  })
  .openapi('TrainingProgrammeInput');

/** A programme's rules that need nothing but its body; whether its key or name is another's needs the register. */
export const programmeInputRules = passedFieldRules(ProgrammeInputSchema, programmeViolations);

const ContributionInputSchema = z
  .strictObject({
    periodFrom: isoDate,
    periodTo: isoDate.nullable().default(null),
    countsUpTo: isoDate.openapi({ description: 'The date up to which the counts run; for a plan, the date it was decided' }),
    trainers: count('trainers').default(null),
    trainersIsMaximum: z.boolean().default(false).openapi({ description: 'The trainers count is a ceiling ("maximaal")' }),
    rotations: count('rotations').default(null),
    soldiersPerRotation: count('soldiersPerRotation').default(null),
    trainees: count('trainees').default(null),
    traineesIsApproximate: z.boolean().default(false).openapi({ description: 'The trainees count is an estimate ("circa")' }),
    courses: count('courses').default(null),
    costEstimateCents: positiveAmountCents.nullable().default(null).openapi({ description: 'Estimated cost in euro cents, at most 10^13 (€100 mld.)' }),
    fundingSource: z.enum(FUNDING_SOURCES).nullable().default(null),
    note: optionalMultilineText(2000, { judgedByDomain: true }).default(''),
    confirm: confirmations(['datedInSentLetterPeriod']),
  })
  .openapi('TrainingContributionInput');

/** The rules of a contribution judged beside the fields a request, or an import's row, has wrong; an import confirms warnings for the whole file, not per row. */
export const contributionInputRules = passedFieldRules(ContributionInputSchema.omit({ confirm: true }), contributionViolations);

export const ContributionSchema = StoredContributionSchema.extend({
  id: z.uuid(),
  programmeId: z.uuid(),
  periodFrom: isoDate,
  periodTo: isoDate.nullable(),
  countsUpTo: isoDate,
}).openapi('TrainingContribution');

export const ProgrammeSchema = StoredProgrammeSchema.omit({ createdAt: true, updatedAt: true })
  .extend({
    id: z.uuid(),
    deliveryIds: z.array(z.uuid()),
    contributions: z.array(ContributionSchema).openapi({ description: 'In the order they were counted' }),
    contributionsVersion: historyVersion.openapi({
      description:
        'The version of its contributions (how many it has): to send as If-Match with the next contribution. Apart from `version` ' +
        '(the ETag, for a change of the programme), which a contribution leaves as it is',
    }),
  })
  .openapi('TrainingProgramme');

const TrainingCountSchema = z
  .object({
    value: z.number().int().openapi({ description: 'The count; for costEstimate, euro cents' }),
    qualifier: z.enum(['exact', 'approximate', 'maximum']).openapi({ description: 'An estimate ("circa") or a ceiling ("maximaal") as the letter says it' }),
    countsUpTo: isoDate.openapi({ description: 'The date the contribution it is taken from counts up to' }),
  })
  .nullable()
  .openapi('TrainingCount');

export const ProgrammeAtSchema = ProgrammeSchema.extend({
  contributions: z.array(ContributionSchema).openapi({ description: 'Those counted up to the date, in the order they were counted' }),
  contributionsVersion: historyVersion.openapi({ description: 'The version of all its contributions, whatever the date: to send as If-Match with the next contribution' }),
  counts: z
    .object(Object.fromEntries(TRAINING_MEASURES.map((measure) => [measure, TrainingCountSchema])) as Record<(typeof TRAINING_MEASURES)[number], typeof TrainingCountSchema>)
    .openapi({ description: 'Each measure as a letter with the date as its reference date takes it ({{training:KEY.MEASURE}}); null when nothing counted it by then' }),
  countedUpTo: isoDate.nullable().openapi({ description: 'The date up to which its training given (trainers, trainees, courses) was counted by the date, as the annex gives it' }),
}).openapi('TrainingProgrammeAt');

const ProgrammeListSchema = z
  .object({
    date: isoDate.openapi({ description: 'The date the programmes are as at' }),
    items: z.array(ProgrammeAtSchema),
  })
  .openapi('TrainingProgrammeList');
const ProgrammeIdParamSchema = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

export const listProgrammesRoute = createRoute(
  permitted('training.read', {
    method: 'get',
    path: '/training-programmes',
    tags: ['training'],
    summary: 'The training programmes as they stood at a date, with their contributions and counts then',
    description: 'A programme recorded after the date (in The Hague) that counted nothing up to it is not listed; a contribution counted up to a later date is not known at the date.',
    request: { query: AsAtDateQuerySchema },
    responses: { 200: json(ProgrammeListSchema, 'The programmes, by name'), ...problemResponses(400, 401, 403) },
  }),
);

export const createProgrammeRoute = createRoute(
  permitted('training.write', {
    method: 'post',
    path: '/training-programmes',
    tags: ['training'],
    summary: 'Record a training programme',
    request: { headers: idempotencyKey, ...jsonBody(ProgrammeInputSchema) },
    responses: { 201: json(ProgrammeSchema, 'The new programme'), ...problemResponses(400, 401, 403, 415, 422) },
  }),
);

export const getProgrammeRoute = createRoute(
  permitted('training.read', {
    method: 'get',
    path: '/training-programmes/{id}',
    tags: ['training'],
    summary: 'A training programme with its contributions',
    request: { params: ProgrammeIdParamSchema },
    responses: { 200: json(ProgrammeSchema, 'The programme'), ...problemResponses(400, 401, 403, 404) },
  }),
);

export const replaceProgrammeRoute = createRoute(
  permitted('training.write', {
    method: 'put',
    path: '/training-programmes/{id}',
    tags: ['training'],
    summary: 'Change a training programme',
    request: { params: ProgrammeIdParamSchema, headers: ifMatchHeader, ...jsonBody(ProgrammeInputSchema) },
    responses: { 200: json(ProgrammeSchema, 'The changed programme'), ...problemResponses(400, 401, 403, 404, 412, 415, 428) },
  }),
);

export const addContributionRoute = createRoute(
  permitted('training.write', {
    method: 'post',
    path: '/training-programmes/{id}/contributions',
    tags: ['training'],
    summary: 'Record what the Netherlands contributed to a programme, counted up to a date',
    description: 'With If-Match (the programme’s `contributionsVersion`), only when no contribution was added since (412 otherwise).',
    request: { params: ProgrammeIdParamSchema, headers: historyEntryHeaders, ...jsonBody(ContributionInputSchema) },
    responses: {
      201: json(ContributionSchema, 'The contribution (ETag: the new version of the programme’s contributions)'),
      ...problemResponses(400, 401, 403, 404, 412, 415, 422),
    },
  }),
);
