import { isDeepStrictEqual } from 'node:util';
import { z, type OpenAPIHonoOptions } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { DATE_CEILING, todayInAmsterdam, type IsoDate } from '../../common/dates.ts';
import { MAX_ENTRY_CENTS } from '../../common/money.ts';
import { countryCodeOf } from '../../common/countries.ts';
import { contentFault, isBlank, normaliseReference, textFault, type TextFormat } from '../../common/text.ts';
import type { RuleViolation } from '../domain/delivery.ts';
import type { WarningCode } from '../domain/warnings.ts';
import type { ApiEnv } from './context.ts';
import { MAX_COUNT, outOfRange } from '../domain/plausibility.ts';
import { repeatedPlaces } from '../domain/references.ts';
import { invalidParams, problem, violationsFromZod } from './problem.ts';
import { ValidationError } from '../register/errors.ts';

const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string(),
    code: z.string().optional().openapi({ description: 'Why, where the status alone does not say it, e.g. secondFactorRequired' }),
    requestId: z.string().optional().openapi({ description: 'The id of the request, as in the logs and the audit trail' }),
    invalidParams: z
      .array(z.object({ name: z.string(), code: z.string(), reason: z.string() }))
      .optional()
      .openapi({ description: 'The fields that are wrong, each with a reason in the language asked for' }),
    reasonsByLanguage: z
      .object({ nl: z.array(z.string()), en: z.array(z.string()) })
      .optional()
      .openapi({ description: 'The reasons of invalidParams, in their order, in each language the application speaks (a page switched to another language after the refusal says them in that one)' }),
  })
  .openapi('Problem');

/*
 * The building blocks of every field a person types: text, dates and amounts. Each refusal names its
 * field and says why (the code of a custom issue is its reason, see violationsFromZod).
 */

const withoutUnsafeCharacters = <S extends z.ZodType<string>>(schema: S, multiline: boolean) =>
  schema.superRefine((text, ctx) => {
    const fault = textFault(text, { multiline });
    if (fault) ctx.addIssue({ code: 'custom', message: fault, params: { code: fault } });
  });

/** Refuses a text that says nothing where it must say something, or that lacks the form of its kind (see contentFault). */
const saying = <T extends z.ZodType<string | null | undefined>>(schema: T, required: boolean, format?: TextFormat) =>
  schema.superRefine((text, ctx) => {
    const fault = typeof text === 'string' ? contentFault(text, { required, format }) : undefined;
    if (fault) ctx.addIssue({ code: 'custom', message: fault.code, params: { ...fault.params, code: fault.code } });
  });

/** Text on one line: no NUL, no lone surrogate, no control character (not even a new line), no direction control. */
export const safeText = (maximum: number) => withoutUnsafeCharacters(z.string().max(maximum), false);

/**
 * Text on one line, trimmed; a reference is first normalised (normaliseReference), so that it is judged,
 * compared and stored in one form, and its length is that of the text stored.
 */
const oneLine = (maximum: number, format?: TextFormat) =>
  withoutUnsafeCharacters((format === 'reference' ? z.string().overwrite(normaliseReference) : z.string()).max(maximum), false).trim();

/** A reference on one line, trimmed and normalised, whose form the domain judges with the record's other fields. */
export const referenceText = (maximum: number) => oneLine(maximum, 'reference');

/** Text on one line that must be filled in, trimmed: at least one letter or digit, in the form of its kind if it has one. */
export const requiredText = (maximum: number, format?: TextFormat) => saying(oneLine(maximum, format), true, format);

/**
 * Text on one line that may be left empty (''), trimmed: filled in, it says something in the form of its kind.
 * One that shows nothing (only format characters) is empty, as it is where it may be left out.
 */
export const textOrEmpty = (maximum: number, format: TextFormat) => saying(oneLine(maximum, format), false, format).transform((text) => (isBlank(text) ? '' : text));

/**
 * A web address (http or https), with the characters of any text on one line (safeText): a direction
 * control in it would show "…/\u202egpj.exe" as "…/exe.jpg", and a zero-width space in its host is not seen.
 * It is kept as typed, not as the URL parser writes it, whose percent-encoding and Punycode no reader reads.
 */
export const webAddress = (maximum: number) => withoutUnsafeCharacters(z.url({ protocol: /^https?$/ }).max(maximum), false);

/** Text that may run over several lines: as safeText, but new lines and tabs are allowed. */
export const multilineText = (maximum: number) => withoutUnsafeCharacters(z.string().max(maximum), true);

/**
 * Text without a lone surrogate, whose other characters the domain judges: a request holding one can be neither
 * fingerprinted for its Idempotency-Key nor recorded in the audit trail, so it is refused before either.
 */
export const wellFormedText = (maximum: number) =>
  z
    .string()
    .max(maximum)
    .superRefine((text, ctx) => {
      if (!text.isWellFormed()) ctx.addIssue({ code: 'custom', message: 'loneSurrogate', params: { code: 'loneSurrogate' } });
    });

/**
 * Optional text over several lines: one that shows nothing (only spaces, new lines or format characters)
 * is not filled in, empty. Where the domain judges its characters with the record's other fields
 * (textViolations), `judgedByDomain` leaves them to it, so that one answer names every wrong field.
 */
export const optionalMultilineText = (maximum: number, { judgedByDomain = false } = {}) =>
  (judgedByDomain ? wellFormedText(maximum) : multilineText(maximum)).transform((text) => (isBlank(text) ? '' : text));

/** Text over several lines that must be filled in: at least one letter or digit. */
export const requiredMultilineText = (maximum: number) => saying(multilineText(maximum), true);

/** Left out, null, empty or showing nothing (only spaces or format characters): not filled in (null). */
const blankAsNull = (schema: z.ZodType<string>) =>
  schema
    .transform((text) => (isBlank(text) ? null : text))
    .nullable()
    .optional();

/** Optional text on one line, trimmed, null when not filled in. Filled in, it has the form of its kind if it has one. */
export const optionalText = (maximum: number, format?: TextFormat) => blankAsNull(saying(oneLine(maximum, format), false, format));

/** An optional reference, as referenceText, null when not filled in. */
export const optionalReference = (maximum: number) => blankAsNull(referenceText(maximum));

/** A calendar date, YYYY-MM-DD, that exists and lies between the register's floor (2014) and the end of the century. */
export const isoDate = z.iso.date({ abort: true }).superRefine((date, ctx) => {
  const bound = outOfRange(date, DATE_CEILING);
  if (bound) ctx.addIssue({ code: 'custom', message: 'dateOutOfRange', params: { code: 'dateOutOfRange', ...bound }, continue: false });
});

/**
 * The date of something that happened (a payment, a valuation, a stage of a delivery): as isoDate. That it
 * is not after today is the register's rule, judged at the request's clock (pastDateViolations).
 */
export const eventDate = isoDate.openapi({ description: 'Not after today' });

/** The query of a list or figures as they stood at a date: a date of the register's years (isoDate), today in The Hague when left out. */
export const AsAtDateQuerySchema = z.object({ date: isoDate.optional().openapi({ description: 'The date the answer is as at; today (in The Hague) when left out' }) });

/** A moment (ISO 8601 with offset) within the same years as isoDate. */
export const isoMoment = z.iso.datetime({ offset: true, abort: true }).superRefine((moment, ctx) => {
  const time = Date.parse(moment);
  const date = Number.isNaN(time) ? '' : new Date(time).toISOString().slice(0, 10);
  const bound = outOfRange(date, DATE_CEILING);
  if (bound) ctx.addIssue({ code: 'custom', message: 'dateOutOfRange', params: { code: 'dateOutOfRange', ...bound }, continue: false });
});

/** The language of an answer's words and of the name of the file it gives: asked for here, else as Accept-Language prefers (Dutch by default). */
export const languageQuery = z.enum(['nl', 'en']).optional().openapi({ description: 'The language of headings, labels and the file’s name; without it, as Accept-Language prefers (Dutch by default)' });
/** The same for a file whose content is one language whatever is asked (a letter, the figures it printed): only its name follows it. */
export const fileNameLanguageQuery = languageQuery.openapi({ description: 'The language of the file’s name; its content is as published. Without it, as Accept-Language prefers (Dutch by default)' });

/** A list's filter in a query parameter, which a form may send empty: that means "no filter". */
export const queryFilter = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

/** The pairs of query parameters that bound a period, start first: the lists', their exports' and the audit trail's. */
const PERIODS = [
  ['realisedFrom', 'realisedTo'],
  ['from', 'until'],
  ['from', 'to'],
] as const;

/**
 * A route's query as the API takes it: a parameter the route does not know is refused, naming it, rather
 * than ignored (a mistyped filter would otherwise answer with the whole list), and a period whose end lies
 * before its start is refused at its end (`beforeFrom`) rather than answered with nothing.
 */
export function strictQuery<T extends z.ZodObject>(query: T) {
  return query.strict().superRefine((given: Record<string, unknown>, ctx) => {
    for (const [start, end] of PERIODS) {
      const [from, until] = [given[start], given[end]];
      if (typeof from === 'string' && typeof until === 'string' && Date.parse(until) < Date.parse(from)) {
        ctx.addIssue({ code: 'custom', path: [end], params: { code: 'beforeFrom' } });
      }
    }
  });
}

/** The query as given: a parameter given once is its text, one given more than once the list of its texts. */
function givenQuery(c: Context): Record<string, string | string[]> {
  return Object.fromEntries(Object.entries(c.req.queries()).map(([name, values]) => [name, values.length === 1 ? values[0]! : values]));
}

/**
 * What is wrong with a query, as the API names it: a field the query does not know is a parameter it does not
 * take, and one given more than once is that, rather than a value it does not take (a list, which no field takes).
 */
function queryViolations(error: z.ZodError, input: Record<string, unknown>): RuleViolation[] {
  return violationsFromZod(error, input).map((violation) => {
    if (violation.code === 'unknownField') return { ...violation, code: 'unknownParameter', params: { name: violation.field } };
    return Array.isArray(input[violation.field]) ? { field: violation.field, code: 'parameterRepeated' } : violation;
  });
}

/**
 * The query of a route answered by a plain handler (one that sends stored bytes, or a file beside its JSON),
 * checked as `apiRoutes` checks the query of every other route: strictly, and a parameter given twice is a
 * list, which no field takes. What is wrong is refused (ValidationError) before the handler reads anything.
 */
export function checkedQuery<T extends z.ZodObject>(c: Context, query: T): z.infer<T> {
  const given = givenQuery(c);
  const checked = strictQuery(query).safeParse(given);
  if (!checked.success) throw new ValidationError(queryViolations(checked.error, given));
  // The strict copy of the query has the query's own output, which TypeScript does not follow through strict() of a generic object.
  return checked.data as z.infer<T>;
}

/**
 * A whole number in a query or path parameter, written in digits ("2025": not "2025.5", "abc", " ", "1e3"
 * or "0x7e9", which a number's coercion would read), from `minimum` to `maximum`. Whatever else it holds is
 * refused with the one reason that names the bounds, `wholeNumberOutOfRange` unless the parameter has its own.
 */
export const wholeNumberParameter = (minimum: number, maximum: number, refusal: Record<string, string> = { code: 'wholeNumberOutOfRange', minimum: String(minimum), maximum: String(maximum) }) =>
  z.preprocess((text, ctx) => {
    const number = typeof text === 'string' && /^\d{1,16}$/.test(text) ? Number(text) : NaN;
    if (number >= minimum && number <= maximum) return number;
    ctx.addIssue({ code: 'custom', message: refusal.code, params: refusal, input: text });
    return z.NEVER;
  }, z.number().int().min(minimum).max(maximum));

/**
 * Deliveries by id, each named once: a repeat is refused at its place in the list (it would link or
 * decide the same delivery twice). Ids are compared as the database does, whatever their case.
 */
export const deliveryIdList = ({ min = 0, max }: { min?: number; max: number }) =>
  z
    .array(z.uuid())
    .min(min)
    .max(max)
    .superRefine((ids, ctx) => {
      for (const index of repeatedPlaces(ids)) ctx.addIssue({ code: 'custom', path: [index], message: 'duplicateDelivery', params: { code: 'duplicateDelivery' } });
    });

/**
 * A country by its ISO 3166-1 alpha-2 code, in any case and stored in capitals (countryCodeOf), as the import
 * and the forms take it. Whether it names a country is the domain's rule (countryViolations), which says so in
 * words for "NLD" and "XX" alike.
 */
export const countryCode = safeText(100)
  .overwrite(countryCodeOf)
  .openapi({ description: 'ISO 3166-1 alpha-2, a country that exists, in either case ("nl" is NL)', example: 'UA' });

/** A number of items (of a delivery, a licence): at least one, and not more than a plausible count (a billion). */
export const itemQuantity = z.number().int().min(1).max(MAX_COUNT).openapi({ description: 'At least 1, at most 10^9' });

/** An amount of one valuation or payment in euro cents, at most MAX_ENTRY_CENTS (€100 mld.). */
export const amountCents = z.number().int().min(0).max(MAX_ENTRY_CENTS).openapi({ description: 'Euro cents, at most 10^13 (€100 mld.)', example: 50_000_000_000 });

/** The same above zero (a payment, a budget, a claim): one bound below, so that a negative amount is refused once. */
export const positiveAmountCents = z.number().int().min(1).max(MAX_ENTRY_CENTS).openapi({ description: 'Euro cents, above zero, at most 10^13 (€100 mld.)', example: 50_000_000_000 });

/**
 * The warnings a request confirms, by the codes a 422 (confirmationRequired) named them with: what they warn
 * of is then recorded anyway, and the audit event keeps that it was confirmed.
 */
export const confirmations = <const Codes extends readonly [WarningCode, ...WarningCode[]]>(codes: Codes) =>
  z
    .array(z.enum(codes))
    .max(codes.length)
    .default([])
    .openapi({ description: 'The codes of the warnings confirmed (invalidParams of a 422 with code confirmationRequired), to record what they warn of anyway' });

/** A JSON response of the schema. */
export const jsonContent = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

/** A required JSON request body of the schema. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

/** The header of a create that may be retried safely. */
export const idempotencyKey = z.object({
  'idempotency-key': z.string().optional().openapi({
    description: 'Any unique text (e.g. a UUID): a retry with the same key and body returns the first answer and creates nothing; the same key with another body gets 422',
  }),
});

const DESCRIPTIONS = {
  400: 'The input is not valid; invalidParams names the fields',
  401: 'No valid session: log in first',
  403: 'The role of this account may not do this, or the session lacks the second factor (code says which)',
  404: 'No object at the path (an id the body gives that names nothing is a 400 at its field)',
  412: 'The object changed since the version in If-Match',
  413: 'The body is larger than the API accepts (for an import: the file is too large, invalidParams says the limit)',
  415: 'The body is not JSON',
  422: 'The Idempotency-Key was used before with another request (code idempotencyKeyReused), or the input is possible but more likely a mistake (code confirmationRequired: invalidParams names each warning; send their codes in `confirm` to record it anyway)',
  428: 'If-Match is required: send the ETag of the version the change is based on',
  429: 'Too many failed logins, or too many renderings from one address without a session; Retry-After says when to try again',
} as const;
type ProblemStatus = keyof typeof DESCRIPTIONS;

interface ProblemResponse {
  content: { 'application/problem+json': { schema: typeof ProblemSchema } };
  description: string;
}

/** The problem answers of a route, by status: typed, so that its handler may return them. */
export function problemResponses<const Statuses extends ProblemStatus[]>(...statuses: Statuses): Record<Statuses[number], ProblemResponse> {
  const responses: Partial<Record<ProblemStatus, ProblemResponse>> = {};
  for (const status of statuses) {
    responses[status] = { content: { 'application/problem+json': { schema: ProblemSchema } }, description: DESCRIPTIONS[status] };
  }
  return responses as Record<Statuses[number], ProblemResponse>;
}

/**
 * A hook that answers a request failing its schema with a 400 naming each wrong field. `alsoCheck` may
 * add the violations of rules between fields that can already be judged (on the day that is today at the
 * request's clock), also those that read the register (with the request's context in `c`), so that a user
 * learns of all mistakes at once rather than one round at a time. `nameOf` may rename a field of the body as the
 * domain and the form name it, where the schema's path (a place in a list) is not that name.
 */
export function validationHookWith(
  alsoCheck: (input: unknown, today: IsoDate, c: Context<ApiEnv>) => RuleViolation[] | Promise<RuleViolation[]>,
  nameOf: (field: string, input: unknown) => string = (field) => field,
) {
  return async (
    result: { success: true } | { success: false; error: z.ZodError; target?: string },
    c: Context<ApiEnv>,
  ) => {
    if (result.success) return;
    const input = await rawInput(c, result.target);
    const schemaViolations = result.target === 'query'
      ? queryViolations(result.error, input as Record<string, unknown>)
      : violationsFromZod(result.error, input).map((violation) => (result.target === 'json' ? { ...violation, field: nameOf(violation.field, input) } : violation));
    const reported = new Set(schemaViolations.map((violation) => violation.field));
    const ruleViolations = result.target === 'json' ? (await alsoCheck(input, todayInAmsterdam(c.get('deps').clock()), c)).filter((violation) => !reported.has(violation.field)) : [];
    return problem(c, 400, { invalidParams: invalidParams(c, [...schemaViolations, ...ruleViolations]) });
  };
}

export const validationHook = validationHookWith(() => []);

/**
 * The domain's own rules (`check`) on the fields of a body, `schema`'s object, that passed the schema when others
 * did not, as the schema gives them: so that a date after today is named with a text the schema refused, rather
 * than in the next round, and without a copy of the rules on the raw input. Each rule judges the fields it reads
 * that are there, and a rule between fields only once they all are (whereGiven).
 */
export interface PassedFieldRules<S extends z.ZodObject> {
  schema: S;
  check: (passed: Partial<z.output<S>>, today: IsoDate) => RuleViolation[];
}

export function passedFieldRules<S extends z.ZodObject>(schema: S, check: PassedFieldRules<S>['check']): PassedFieldRules<S> {
  return { schema, check };
}

/**
 * The fields of an input that pass the schema, as it gives them, or undefined for an input that is no object;
 * `refused` names fields the input has wrong though it lacks them (a spreadsheet's cell that could not be read),
 * which do not pass as their default.
 */
export function passedFields<S extends z.ZodObject>(schema: S, input: unknown, refused: ReadonlySet<string> = new Set()): Partial<z.output<S>> | undefined {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return undefined;
  return Object.fromEntries(
    Object.entries(schema.shape).flatMap(([field, fieldSchema]) => {
      if (refused.has(field)) return [];
      const result = (fieldSchema as z.ZodType).safeParse(Reflect.get(input, field));
      return result.success && result.data !== undefined ? [[field, result.data]] : [];
    }),
  ) as Partial<z.output<S>>;
}

/** The violations of such rules on the fields of an input that pass the schema (`refused` as passedFields takes it). */
export function passedFieldViolations<S extends z.ZodObject>({ schema, check }: PassedFieldRules<S>, input: unknown, today: IsoDate, refused: ReadonlySet<string> = new Set()): RuleViolation[] {
  const passed = passedFields(schema, input, refused);
  return passed ? check(passed, today) : [];
}

/**
 * The rules of a route that read the register (a number another record has, a date before the record it
 * follows, a record named that does not exist), on the fields that passed the schema and the route's path as
 * validated (`c`), on the day that is today at the request's clock: each judges the fields it reads that are there, and nothing of an object the path names
 * that does not exist, which the route answers with 404 once the body passes.
 */
export type RegisterRules<S extends z.ZodObject> = (c: Context<ApiEnv>, passed: Partial<z.output<S>>, today: IsoDate) => Promise<RuleViolation[]>;

/**
 * The hook of a route that adds to the fields failing its schema the domain's rules on the fields that passed it,
 * and the rules of the register on them (`inRegister`), so that the refusal names them all in one round.
 * `nameOf` renames the schema's fields as validationHookWith's does.
 */
export function passedFieldsHook<S extends z.ZodObject>(
  rules: PassedFieldRules<S>,
  { inRegister, nameOf }: { inRegister?: RegisterRules<S>; nameOf?: (field: string, input: unknown) => string } = {},
): NonNullable<OpenAPIHonoOptions<ApiEnv>['defaultHook']> {
  return validationHookWith(async (input, today, c) => {
    const passed = passedFields(rules.schema, input);
    if (!passed) return [];
    const violations = [...rules.check(passed, today), ...(inRegister ? await inRegister(c, passed, today) : [])];
    // A rule the register's judges again beside those that need it (a date after today) is named once.
    return violations.filter((violation, index) => violations.findIndex((other) => isDeepStrictEqual(other, violation)) === index);
  }, nameOf);
}

async function rawInput(c: Context, target: string | undefined): Promise<unknown> {
  switch (target) {
    case 'json':
      return c.req.json().catch(() => undefined);
    case 'query':
      return givenQuery(c);
    case 'param':
      return c.req.param();
    case 'header':
      return c.req.header();
    default:
      return undefined;
  }
}
