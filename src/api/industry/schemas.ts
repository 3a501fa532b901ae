import { createRoute, z } from '@hono/zod-openapi';
import {
  CATEGORIES,
  COMPANY_ORIGINS,
  CONFIDENTIALITY_GROUNDS,
  COPRODUCTION_STAGES,
  DISCLOSURE_STATES,
  LESSON_CATEGORIES,
  MILESTONE_STATUSES,
} from '../../../common/vocabulary/codes.ts';
import {
  companyDecisionViolations,
  companyViolations,
  companyWithdrawalViolations,
  contractViolations,
  contractWithdrawalViolations,
  coproductionProjectViolations,
  coproductionViolations,
  demandBundleViolations,
  lessonViolations,
  MAX_CONTRACT_CENTS,
  priceDevelopmentViolations,
  progressViolations,
  stageViolations,
} from '../../domain/industry.ts';
import { MAX_COUNT } from '../../domain/plausibility.ts';
import { permitted } from '../access.ts';
import { AsAtDateQuerySchema, confirmations, countryCode, deliveryIdList, eventDate, idempotencyKey, isoDate, jsonBody, jsonContent as json, multilineText, optionalMultilineText, optionalReference, passedFieldRules, problemResponses, referenceText, safeText } from '../openapi-common.ts';
import { historyEntryHeaders, historyVersion, ifMatchHeader } from '../if-match.ts';

/** The industry register: companies, contracts and their milestones, prices, lessons, co-production, demand bundling. */

const cents = z.number().int().openapi({ description: 'Euro cents' });
/**
 * A whole number whose bounds are the domain's rules (src/domain/industry.ts), which report every mistake of an
 * input at once: the schema only documents them. It does not even judge the number whole, for that would refuse
 * one beyond 2^53 by 2^53 alone, where the domain names its own bound.
 */
const judgedByDomain = (description: string, minimum: number, maximum: number) => z.number().openapi({ type: 'integer', description, minimum, maximum });
const contractCents = judgedByDomain('Euro cents, above zero, at most 10^12 (€10 mld.)', 1, MAX_CONTRACT_CENTS);
const bundledQuantity = judgedByDomain('At least 1, at most 10^9', 1, MAX_COUNT);
/** Text on one line, trimmed: whether it must be filled in is the domain's rule. */
const text = (maximum: number) => safeText(maximum).trim();
const note = optionalMultilineText(4000).default('');
const idParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

const CompanyInputSchema = z
  .strictObject({
    name: text(200),
    country: countryCode.openapi({ description: 'ISO 3166-1 alpha-2: NL makes a company Dutch, UA Ukrainian, any other country "other"', example: 'UA' }),
    registrationNumber: optionalReference(100).default(null),
  })
  .openapi('CompanyInput');

export const companyInputRules = passedFieldRules(CompanyInputSchema, companyViolations);

const MilestoneSchema = z
  .object({
    id: z.uuid(),
    contractId: z.uuid(),
    title: z.string(),
    dueOn: isoDate,
    percent: z.number().int().openapi({ description: 'Progress at the date of the overview' }),
    status: z.enum(MILESTONE_STATUSES),
    reports: z
      .array(z.object({ id: z.uuid(), percent: z.number().int(), reportedOn: isoDate, reason: z.string(), recordedByName: z.string(), recordedAt: z.iso.datetime() }))
      .openapi({ description: 'The reports made on or before the date of the overview' }),
    version: historyVersion,
  })
  .openapi('ContractMilestone');

const ContractSchema = z
  .object({
    id: z.uuid(),
    companyId: z.uuid(),
    reference: z.string(),
    subject: z.string(),
    amountCents: cents,
    signedOn: isoDate,
    isDemonstration: z.boolean(),
    deliveries: z.array(z.object({ id: z.uuid(), title: z.string() })).openapi({ description: 'The procurement deliveries the contract fulfils' }),
    milestones: z.array(MilestoneSchema),
    version: z.number().int().openapi({ description: 'Its version, which a correction or a withdrawal raises: its ETag, to send as If-Match with the next' }),
  })
  .openapi('IndustryContract');

export const ContractWithdrawalSchema = z
  .object({ contractId: z.uuid(), withdrawnOn: isoDate, reason: z.string(), recordedAt: z.iso.datetime() })
  .openapi('IndustryContractWithdrawal', { description: 'A contract withdrawn because it was entered in error or undone; from withdrawnOn on it no longer counts' });

export const CompanyWithdrawalSchema = z
  .object({ companyId: z.uuid(), withdrawnOn: isoDate, reason: z.string(), recordedAt: z.iso.datetime() })
  .openapi('CompanyWithdrawal', { description: 'A company withdrawn because it was recorded in error or no longer takes part; from withdrawnOn on it is in no overview' });

const CompanySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    country: z.string(),
    origin: z.enum(COMPANY_ORIGINS),
    registrationNumber: z.string().nullable(),
    disclosureState: z.enum(DISCLOSURE_STATES).openapi({ description: 'As its disclosure decisions left it on the date of the overview (undecided before the first); commercially confidential until a disclosure officer decides otherwise' }),
    isDemonstration: z.boolean(),
    version: z.number().int().openapi({
      description: 'Its version, which each correction of it and each disclosure decision on it raises: its ETag, to send as If-Match with the next',
    }),
  })
  .openapi('Company');

const CountrySummarySchema = z
  .object({
    country: z.string(),
    origin: z.enum(COMPANY_ORIGINS),
    contracts: z.number().int(),
    amountCents: cents,
    milestones: z.object(Object.fromEntries(MILESTONE_STATUSES.map((status) => [status, z.number().int()])) as Record<(typeof MILESTONE_STATUSES)[number], z.ZodNumber>),
  })
  .openapi('IndustryCountrySummary');

const IndustryOverviewSchema = z
  .object({
    date: isoDate,
    companies: z
      .array(CompanySchema.extend({ contracts: z.array(ContractSchema) }))
      .openapi({ description: 'The companies in the register at the date: recorded by then (in The Hague), or with a contract signed by then; each with its contracts that count at the date' }),
    withdrawnContracts: z
      .array(ContractSchema.extend({ withdrawal: ContractWithdrawalSchema }))
      .openapi({ description: 'The contracts signed by the date and withdrawn on or before it: in no company’s contracts and no figure' }),
    withdrawnCompanies: z
      .array(CompanySchema.extend({ withdrawal: CompanyWithdrawalSchema }))
      .openapi({ description: 'The companies in the register at the date and withdrawn on or before it: not among its companies' }),
    byCountry: z.array(CountrySummarySchema).openapi({ description: 'Contracts signed by the date per country, with the status of their milestones at the date' }),
    priceDevelopments: z.array(
      z.object({
        id: z.uuid(),
        item: z.string(),
        contractId: z.uuid().nullable(),
        earlierPriceCents: cents,
        earlierOn: isoDate,
        paidPriceCents: cents,
        paidOn: isoDate,
        changePerMille: z.number().int().openapi({ description: 'The price paid against the earlier price, in per mille' }),
        note: z.string(),
        isDemonstration: z.boolean(),
      }),
    ),
    lessons: z.array(z.object({ id: z.uuid(), notedOn: isoDate, category: z.enum(LESSON_CATEGORIES), text: z.string(), isDemonstration: z.boolean() })),
    coproductionProjects: z.array(
      z.object({
        id: z.uuid(),
        title: z.string(),
        partner: z.string(),
        isDemonstration: z.boolean(),
        stages: z
          .array(z.object({ id: z.uuid(), stage: z.enum(COPRODUCTION_STAGES), reachedOn: isoDate, note: z.string() }))
          .openapi({ description: 'The stages reached on or before the date of the overview; a project that reached none by then is not listed' }),
        version: z.number().int().openapi({ description: 'Its version, which each correction of it and each stage it reaches raises: its ETag, to send as If-Match with the next' }),
      }),
    ),
    demandBundles: z.array(
      z.object({
        id: z.uuid(),
        need: z.string(),
        category: z.enum(CATEGORIES),
        dutchQuantity: z.number().int(),
        ukrainianQuantity: z.number().int(),
        identifiedOn: isoDate,
        note: z.string(),
        isDemonstration: z.boolean(),
        version: z.number().int().openapi({ description: 'Its version, which each correction of it raises: its ETag, to send as If-Match with the next' }),
      }),
    ),
    isDemonstration: z.boolean().openapi({ description: 'The industry register holds demonstration data' }),
  })
  .openapi('IndustryOverview');

export const ContractInputSchema = z
  .strictObject({
    companyId: z.uuid(),
    reference: referenceText(200),
    subject: multilineText(4000),
    amountCents: contractCents,
    signedOn: isoDate,
    deliveryIds: deliveryIdList({ max: 100 }).default([]).openapi({ description: 'The procurement deliveries the contract fulfils, each once' }),
    milestones: z.array(z.strictObject({ title: text(200), dueOn: isoDate })).max(50).default([]),
    confirm: confirmations(['datedInSentLetterPeriod']),
  })
  .openapi('IndustryContractInput');

/** The rules of a contract judged beside the fields a request, or an import's row, has wrong; an import confirms warnings for the whole file, not per row. */
export const contractInputRules = passedFieldRules(ContractInputSchema.omit({ confirm: true }), contractViolations);

const ContractCorrectionSchema = ContractInputSchema.omit({ milestones: true }).openapi('IndustryContractCorrection');

export const contractCorrectionRules = passedFieldRules(ContractCorrectionSchema.omit({ confirm: true }), contractViolations);

/** What a withdrawal gives: the day from which the record no longer counts (`withdrawnOn`, described), and why. */
const withdrawalFields = (withdrawnOn: string) => ({ withdrawnOn: eventDate.openapi({ description: withdrawnOn }), reason: multilineText(4000) });

const ContractWithdrawalInputSchema = z
  .strictObject({
    ...withdrawalFields('From this date on the contract no longer counts; its signing date to take it out of every figure'),
    confirm: confirmations(['datedInSentLetterPeriod']),
  })
  .openapi('IndustryContractWithdrawalInput');

/** A withdrawal's own rules; those against its contract (signed before, not withdrawn yet) need the register. */
export const contractWithdrawalInputRules = passedFieldRules(ContractWithdrawalInputSchema.omit({ confirm: true }), contractWithdrawalViolations);

const CompanyWithdrawalInputSchema = z
  .strictObject(withdrawalFields('From this date on the company is in no overview; none of its contracts may count from it'))
  .openapi('CompanyWithdrawalInput');

/** A withdrawal's own rules; those against its company (its contracts withdrawn by then, no project its partner, not withdrawn yet) need the register. */
export const companyWithdrawalInputRules = passedFieldRules(CompanyWithdrawalInputSchema, companyWithdrawalViolations);

const ProgressInputSchema = z
  .strictObject({
    percent: judgedByDomain('0 to 100', 0, 100),
    reportedOn: isoDate,
    reason: optionalMultilineText(4000).default('').openapi({ description: 'Required when the progress is lower than the latest report' }),
    confirm: confirmations(['datedInSentLetterPeriod']),
  })
  .openapi('MilestoneProgressInput');

/** A report's own rules; those against its contract's signing and the milestone's latest report need the register. */
export const progressInputRules = passedFieldRules(ProgressInputSchema.omit({ confirm: true }), (passed, today) => progressViolations(null, passed, today, undefined));

const PriceDevelopmentInputSchema = z
  .strictObject({
    item: text(200),
    contractId: z.uuid().nullable().default(null),
    earlierPriceCents: contractCents,
    earlierOn: isoDate,
    paidPriceCents: contractCents,
    paidOn: isoDate,
    note: note.openapi({ description: 'The trade-off, e.g. speed of delivery against price' }),
  })
  .openapi('PriceDevelopmentInput');

export const priceInputRules = passedFieldRules(PriceDevelopmentInputSchema, priceDevelopmentViolations);

const LessonInputSchema = z.strictObject({ notedOn: isoDate, category: z.enum(LESSON_CATEGORIES), text: multilineText(4000) }).openapi('LessonLearnedInput');

export const lessonInputRules = passedFieldRules(LessonInputSchema, lessonViolations);

const StageInputSchema = z.strictObject({ stage: z.enum(COPRODUCTION_STAGES), reachedOn: isoDate, note }).openapi('CoproductionStageInput');

/** A stage's own rules; those against the project's latest stage need the register. */
export const stageInputRules = passedFieldRules(StageInputSchema, stageViolations);

const CoproductionInputSchema = z
  .strictObject({ title: text(200), partner: text(200), stage: z.enum(COPRODUCTION_STAGES), reachedOn: isoDate, note, confirm: confirmations(['datedInSentLetterPeriod']) })
  .openapi('CoproductionProjectInput');

export const coproductionInputRules = passedFieldRules(CoproductionInputSchema.omit({ confirm: true }), coproductionViolations);

const CoproductionCorrectionSchema = CoproductionInputSchema.pick({ title: true, partner: true }).openapi('CoproductionProjectCorrection');

export const coproductionCorrectionRules = passedFieldRules(CoproductionCorrectionSchema, coproductionProjectViolations);

const DemandBundleInputSchema = z
  .strictObject({
    need: text(200),
    category: z.enum(CATEGORIES),
    dutchQuantity: bundledQuantity,
    ukrainianQuantity: bundledQuantity,
    identifiedOn: isoDate,
    note,
    confirm: confirmations(['datedInSentLetterPeriod']),
  })
  .openapi('DemandBundleInput');

export const demandBundleInputRules = passedFieldRules(DemandBundleInputSchema.omit({ confirm: true }), demandBundleViolations);

const CompanyDecisionInputSchema = z
  .strictObject({
    state: z.enum(['public', 'confidential']),
    publicName: text(200).optional().openapi({ description: 'Public only: the name the public may read' }),
    ground: z.enum(CONFIDENTIALITY_GROUNDS).optional().openapi({ description: 'Confidential only: why (for a company usually companyInterests)' }),
    reviewOn: isoDate.nullable().optional().openapi({ description: 'Confidential only: when to look at it again' }),
    note: optionalMultilineText(4000).optional(),
  })
  .openapi('CompanyDisclosureDecisionInput');

export const companyDecisionInputRules = passedFieldRules(CompanyDecisionInputSchema, companyDecisionViolations);

export const CreatedSchema = z.object({ id: z.uuid() }).openapi('Created');

export const CompanyDecisionSchema = z
  .object({
    id: z.uuid(),
    companyId: z.uuid(),
    state: z.enum(['public', 'confidential']),
    publicName: z.string().nullable(),
    ground: z.enum(CONFIDENTIALITY_GROUNDS).nullable(),
    reviewOn: isoDate.nullable(),
    note: z.string(),
    decidedById: z.uuid().nullable(),
    decidedByName: z.string(),
    decidedAt: z.iso.datetime(),
  })
  .openapi('CompanyDisclosureDecision');

const create = <S extends z.ZodType>(path: string, summary: string, schema: S, action: 'industry.write' | 'disclosure.decide' = 'industry.write') =>
  permitted(action, {
    method: 'post' as const,
    path,
    tags: ['industry'],
    summary,
    request: { headers: idempotencyKey, ...jsonBody(schema) },
    responses: { 201: json(CreatedSchema, 'What was recorded'), ...problemResponses(400, 401, 403, 415, 422) },
  });

/** The same of a record that belongs to the object of the path (404 when that does not exist). */
const createUnder = <S extends z.ZodType>(path: string, summary: string, schema: S, action?: 'industry.write' | 'disclosure.decide') => {
  const route = create(path, summary, schema, action);
  return {
    ...route,
    request: { params: idParam, ...route.request },
    responses: { ...route.responses, ...problemResponses(404) },
  };
};

export const overviewRoute = createRoute(
  permitted('industry.read', {
    method: 'get',
    path: '/industry',
    tags: ['industry'],
    summary: 'The industry register as it stood at the date (default today), milestones judged at it, with the contracts per country',
    request: { query: AsAtDateQuerySchema },
    responses: { 200: json(IndustryOverviewSchema, 'The industry register'), ...problemResponses(400, 401, 403) },
  }),
);

export const createCompanyRoute = createRoute(create('/companies', 'Record a company', CompanyInputSchema));
export const correctCompanyRoute = createRoute(
  permitted('industry.write', {
    method: 'put',
    path: '/companies/{id}',
    tags: ['industry'],
    summary: 'Correct a company: its name, country and registration number',
    description:
      'If-Match is required (the company’s `version` in GET /industry): 412 when it was corrected or decided on since. A correction that changes nothing writes nothing. ' +
      'It says what the company always was: the industry figures at every date, the letter’s count of Ukrainian companies among them, read it so. What the public reads of a public company stays as its disclosure decision made it until the disclosure officer decides on it again.',
    request: { params: idParam, headers: ifMatchHeader, ...jsonBody(CompanyInputSchema) },
    responses: { 200: json(CompanyInputSchema.extend({ id: z.uuid(), version: z.number().int() }), 'The company as corrected (ETag: its version)'), ...problemResponses(400, 401, 403, 404, 412, 415, 422, 428) },
  }),
);
export const createContractRoute = createRoute(create('/industry-contracts', 'Record a government-to-business contract with its milestones and the deliveries it fulfils', ContractInputSchema));
export const progressRoute = createRoute({
  ...create('/contract-milestones/{id}/progress', 'Report the progress of a milestone (lower than before only with a reason)', ProgressInputSchema),
  request: { params: idParam, headers: historyEntryHeaders, ...jsonBody(ProgressInputSchema) },
  responses: { 201: json(CreatedSchema, 'The report (ETag: the version of the milestone’s reports)'), ...problemResponses(400, 401, 403, 404, 412, 415, 422) },
});
export const correctContractRoute = createRoute(
  permitted('industry.write', {
    method: 'put',
    path: '/industry-contracts/{id}',
    tags: ['industry'],
    summary: 'Correct a contract: its company, reference, subject, amount, signing date and deliveries (its milestones keep their own histories)',
    description: 'If-Match is required (the contract’s `version` in GET /industry): 412 when it was corrected or withdrawn since. A correction that changes nothing writes nothing.',
    request: { params: idParam, headers: ifMatchHeader, ...jsonBody(ContractCorrectionSchema) },
    responses: { 200: json(ContractCorrectionSchema.omit({ confirm: true }).extend({ id: z.uuid(), version: z.number().int() }), 'The contract as corrected (ETag: its version)'), ...problemResponses(400, 401, 403, 404, 412, 415, 422, 428) },
  }),
);
export const withdrawContractRoute = createRoute({
  ...create('/industry-contracts/{id}/withdrawal', 'Withdraw a contract entered in error or undone, from a date on, with the reason', ContractWithdrawalInputSchema),
  description:
    'From withdrawnOn on the contract counts in no figure; at earlier dates it still does, so that a letter whose reference date lies before it keeps its figures. ' +
    'With If-Match (the contract’s `version` in GET /industry), only when it was not corrected or withdrawn since (412 otherwise).',
  request: { params: idParam, headers: historyEntryHeaders, ...jsonBody(ContractWithdrawalInputSchema) },
  responses: { 201: json(ContractWithdrawalSchema, 'The withdrawal (ETag: the contract’s new version)'), ...problemResponses(400, 401, 403, 404, 412, 415, 422) },
});
export const withdrawCompanyRoute = createRoute({
  ...create('/companies/{id}/withdrawal', 'Withdraw a company recorded in error or that no longer takes part, from a date on, with the reason', CompanyWithdrawalInputSchema),
  description:
    'From withdrawnOn on the company is in no overview and the public no longer reads it; at earlier dates it still is. Refused while a contract of it counts on that date or a co-production project names it as its partner. ' +
    'With If-Match (the company’s `version` in GET /industry), only when it was not corrected, decided on or withdrawn since (412 otherwise).',
  request: { params: idParam, headers: historyEntryHeaders, ...jsonBody(CompanyWithdrawalInputSchema) },
  responses: { 201: json(CompanyWithdrawalSchema, 'The withdrawal (ETag: the company’s new version)'), ...problemResponses(400, 401, 403, 404, 412, 415, 422) },
});
export const priceRoute = createRoute(create('/price-developments', 'Record the price paid for an item against an earlier price', PriceDevelopmentInputSchema));
export const lessonRoute = createRoute(create('/lessons-learned', 'Record a lesson learned', LessonInputSchema));
export const coproductionRoute = createRoute(create('/coproduction-projects', 'Record a co-production project at its first stage', CoproductionInputSchema));
export const correctCoproductionRoute = createRoute(
  permitted('industry.write', {
    method: 'put',
    path: '/coproduction-projects/{id}',
    tags: ['industry'],
    summary: 'Correct a co-production project: its title and partner (its stages keep their own history)',
    description:
      'If-Match is required (the project’s `version` in GET /industry): 412 when it was corrected or reached a stage since. A correction that changes nothing writes nothing. ' +
      'It says what the project always was: the count of projects at every date reads it so.',
    request: { params: idParam, headers: ifMatchHeader, ...jsonBody(CoproductionCorrectionSchema) },
    responses: { 200: json(CoproductionCorrectionSchema.extend({ id: z.uuid(), version: z.number().int() }), 'The project as corrected (ETag: its version)'), ...problemResponses(400, 401, 403, 404, 412, 415, 422, 428) },
  }),
);
export const stageRoute = createRoute({
  ...create('/coproduction-projects/{id}/stages', 'Record a stage a co-production project reached', StageInputSchema),
  description: 'With If-Match (the project’s `version` in GET /industry), only when it was not corrected and reached no stage since (412 otherwise).',
  request: { params: idParam, headers: historyEntryHeaders, ...jsonBody(StageInputSchema) },
  responses: { 201: json(CreatedSchema, 'The stage (ETag: the project’s new version)'), ...problemResponses(400, 401, 403, 404, 412, 415, 422) },
});
export const demandBundleRoute = createRoute(create('/demand-bundles', 'Record a need the Dutch and Ukrainian forces share', DemandBundleInputSchema));
const companyDecision = createUnder('/companies/{id}/disclosure-decisions', 'Decide on a company: public (with the name the public may read) or confidential (with its ground)', CompanyDecisionInputSchema, 'disclosure.decide');
export const correctDemandBundleRoute = createRoute(
  permitted('industry.write', {
    method: 'put',
    path: '/demand-bundles/{id}',
    tags: ['industry'],
    summary: 'Correct a shared need: its need, category, quantities, date identified and note',
    description:
      'If-Match is required (the need’s `version` in GET /industry): 412 when it was corrected since. A correction that changes nothing writes nothing. ' +
      'It says what the need always was: the count of needs at every date reads it so. A date moved where either date is on or before the reference date of the latest letter sent to parliament ' +
      'is a warning to confirm (datedInSentLetterPeriod, at the earlier date): 422 confirmationRequired until `confirm` names it.',
    request: { params: idParam, headers: ifMatchHeader, ...jsonBody(DemandBundleInputSchema) },
    responses: { 200: json(DemandBundleInputSchema.omit({ confirm: true }).extend({ id: z.uuid(), version: z.number().int() }), 'The need as corrected (ETag: its version)'), ...problemResponses(400, 401, 403, 404, 412, 415, 422, 428) },
  }),
);
export const companyDecisionRoute = createRoute({
  ...companyDecision,
  description: 'With If-Match (the company’s `version` in GET /industry), only when it was not corrected or decided on since (412 otherwise).',
  request: { ...companyDecision.request, headers: historyEntryHeaders },
  responses: { ...companyDecision.responses, 201: json(CompanyDecisionSchema, 'The decision (ETag: the company’s new version)'), ...problemResponses(412) },
});
