import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import type { RuleViolation } from '../domain/delivery.ts';
import { LANGUAGES, type Language } from '../../common/vocabulary/languages.ts';
import { answerLanguage } from './language.ts';
import { reason, title } from './messages.ts';

interface InvalidParam {
  name: string;
  code: string;
  reason: string;
}

/** A field that is wrong, with its reason in every language the register speaks. */
interface WordedViolation extends InvalidParam {
  reasons: Record<Language, string>;
}

interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance: string;
  /** A machine-readable reason where the status alone does not say it (e.g. secondFactorRequired). */
  code?: string;
  /** The id of the request, as in the logs and the audit trail. */
  requestId?: string;
  invalidParams?: InvalidParam[];
  /**
   * The reasons of invalidParams, in their order, in each language: a page switched to another language
   * after the refusal says them in that one.
   */
  reasonsByLanguage?: Record<Language, string[]>;
}

/** An RFC 9457 problem answer in the client's language, typed as the routes' problem responses describe it. */
export function problem<Status extends ContentfulStatusCode>(
  c: Context,
  status: Status,
  { invalidParams: worded, ...extra }: { detail?: string; code?: string; invalidParams?: WordedViolation[] } = {},
) {
  const language = answerLanguage(c);
  const requestId: string | undefined = c.get('requestId');
  const body: Problem = {
    type: 'about:blank',
    title: title(language, status, extra.code),
    status,
    instance: c.req.path,
    ...(requestId ? { requestId } : {}),
    ...extra,
    ...(worded && {
      invalidParams: worded.map(({ name, code, reason }) => ({ name, code, reason })),
      reasonsByLanguage: Object.fromEntries(LANGUAGES.map((other) => [other, worded.map((param) => param.reasons[other])])) as Record<Language, string[]>,
    }),
  };
  return c.json(body, status, {
    'Content-Type': 'application/problem+json',
    'Content-Language': language,
  });
}

export function invalidParams(c: Context, violations: RuleViolation[]): WordedViolation[] {
  const language = answerLanguage(c);
  return violations.map((violation) => {
    const params = { later: violation.field, ...violation.params };
    const reasons = Object.fromEntries(LANGUAGES.map((other) => [other, reason(other, violation.code, params)])) as Record<Language, string>;
    return { name: violation.field, code: violation.code, reason: reasons[language], reasons };
  });
}

/**
 * Translates a schema's complaints about the input into the rule violations the API reports. A number
 * beyond two bounds (a whole number's, 2^53, and the field's own) is refused once, naming the nearer.
 */
export function violationsFromZod(error: z.ZodError, input: unknown): RuleViolation[] {
  return tightestBounds(error.issues.flatMap((issue): RuleViolation | RuleViolation[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: [...issue.path, key].join('.'), code: 'unknownField' }));
    }
    if (issue.path.length === 0 && issue.code === 'invalid_type') return { field: 'body', code: 'bodyNotObject' };
    const field = issue.path.join('.') || 'body';
    const value = valueAt(input, issue.path);
    if (value === undefined || value === null || value === '') return { field, code: 'required' };
    return { field, ...codeOfIssue(issue, value) };
  })).map(boundsOfAmountsInEuros);
}

/**
 * A field in cents holds an amount, typed in euros on every screen: its bounds are said as amounts (a
 * cent above zero is "more than € 0,00"), not as numbers of cents.
 */
function boundsOfAmountsInEuros(violation: RuleViolation): RuleViolation {
  if (!/Cents$/.test(violation.field)) return violation;
  if (violation.code === 'tooLarge') return { ...violation, params: { ...violation.params, kind: 'amount' } };
  if (violation.code === 'tooSmall') return { field: violation.field, code: Number(violation.params?.minimum) > 0 ? 'amountNotPositive' : 'amountNegative' };
  return violation;
}

const BOUNDS = { tooLarge: { param: 'maximum', nearer: (a: number, b: number) => a < b }, tooSmall: { param: 'minimum', nearer: (a: number, b: number) => a > b } } as const;

/** Of the bounds a field lies beyond, the nearest alone. */
function tightestBounds(violations: RuleViolation[]): RuleViolation[] {
  return violations.filter((violation, index) => {
    const bound = BOUNDS[violation.code as keyof typeof BOUNDS];
    if (!bound) return true;
    const value = Number(violation.params?.[bound.param]);
    return !violations.some((other, otherIndex) => {
      if (otherIndex === index || other.field !== violation.field || other.code !== violation.code) return false;
      const otherValue = Number(other.params?.[bound.param]);
      return bound.nearer(otherValue, value) || (otherValue === value && otherIndex < index);
    });
  });
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** A date and time of day without the offset or Z that makes it one moment. */
const LOCAL_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

function codeOfIssue(issue: z.core.$ZodIssue, value: unknown): Omit<RuleViolation, 'field'> {
  switch (issue.code) {
    case 'invalid_type':
      return { code: issue.expected === 'int' ? 'notWholeNumber' : 'invalidValue' };
    case 'too_small':
      // A text shorter than one character is not filled in (one of only spaces, trimmed); one with fewer than a longer minimum is too short.
      if (issue.origin === 'string') return Number(issue.minimum) > 1 ? { code: 'tooShort', params: { minimum: String(issue.minimum) } } : { code: 'required' };
      if (issue.origin === 'array') return { code: 'tooFewItems', params: { minimum: String(issue.minimum) } };
      return { code: 'tooSmall', params: { minimum: String(issue.minimum) } };
    case 'too_big':
      if (issue.origin === 'string') return { code: 'tooLong', params: { maximum: String(issue.maximum) } };
      if (issue.origin === 'array') return { code: 'tooManyItems', params: { maximum: String(issue.maximum) } };
      return { code: 'tooLarge', params: { maximum: String(issue.maximum) } };
    case 'invalid_format':
      if (issue.format === 'date') return { code: 'invalidDate' };
      if (issue.format === 'url') return { code: 'invalidUrl' };
      if (issue.format === 'email') return { code: 'invalidEmail' };
      if (issue.format === 'base64') return { code: 'notBase64' };
      if (issue.format === 'datetime') return { code: typeof value === 'string' && LOCAL_MOMENT.test(value) ? 'momentWithoutTimeZone' : 'invalidMoment' };
      return { code: 'invalidValue' };
    case 'invalid_value':
      return { code: 'invalidChoice', params: { values: issue.values.map(String).join(', ') } };
    case 'custom': {
      const { code = 'invalidValue', ...params } = (issue.params ?? {}) as Record<string, string>;
      return { code, params };
    }
    default:
      return { code: 'invalidValue' };
  }
}
