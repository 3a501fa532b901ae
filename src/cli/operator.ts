import { userInfo } from 'node:os';
import { InvalidArgumentError } from 'commander';
import type { Kysely } from 'kysely';
import type { z } from '@hono/zod-openapi';
import { DATE_CEILING, DATE_FLOOR, isIsoDate } from '../../common/dates.ts';
import { euroAmountFault, parseEuroAmount } from '../../common/money.ts';
import { reason } from '../api/messages.ts';
import { violationsFromZod } from '../api/problem.ts';
import { recordAuditEvent, systemContext, type RequestContext } from '../audit/trail.ts';
import type { RuleViolation } from '../domain/delivery.ts';
import type { Database } from '../db/schema.ts';
import { NotFoundError, UnconfirmedWarningsError, ValidationError } from '../register/errors.ts';
import { CommandError } from './command-error.ts';

/** The operator, as the audit trail records changes made from the command line. */
export function operatorContext(): RequestContext {
  return systemContext(`cli:${userInfo().username}`);
}

/** What the operator typed a field of the API's input as, where that is not its option by name (amountCents as --amount). */
export type TypedAs = Readonly<Record<string, string>>;

/** The option a field came from: --first-year for firstYear, unless typed as another; the second of a repeated one as "--amount (2)". */
function optionOf(field: string, typedAs: TypedAs): string {
  const [head = field, index] = field.split('.');
  const option = typedAs[head] ?? `--${head.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
  return index !== undefined && /^\d+$/.test(index) ? `${option} (${Number(index) + 1})` : option;
}

/** A refusal of the rules, one line per option, in the API's words. */
function refusalLines(violations: readonly RuleViolation[], typedAs: TypedAs): string {
  return violations.map((violation) => `${optionOf(violation.field, typedAs)}: ${reason('en', violation.code, violation.params ?? {})}`).join('\n');
}

/** The option that confirms the warnings a change gives, as `confirm` does in the API. */
export const CONFIRM_OPTION = [
  '--confirm <warning...>',
  'record it anyway despite these warnings (datedInSentLetterPeriod: dated on or before the reference date of the latest letter sent to parliament, which changes a figure it printed)',
] as const;

/** Explains a refusal of the rules in one line per option, the way the API would. */
export const explain =
  (typedAs: TypedAs = {}) =>
  (error: unknown): never => {
    if (error instanceof ValidationError) throw new CommandError(refusalLines(error.violations, typedAs));
    throw error;
  };

/**
 * Runs a change typed on the command line through the API's own request schema and the use case behind
 * it. A refusal, by the schema or by the rules, is recorded in the audit trail as the API records a 400
 * (with the fields that were wrong) and explained one line per option the operator typed.
 */
export async function operatorChange<S extends z.ZodType, T>(
  db: Kysely<Database>,
  command: string,
  typed: { schema: S; input: unknown; typedAs?: TypedAs },
  change: (context: RequestContext, valid: z.output<S>) => Promise<T>,
): Promise<T> {
  const { schema, input, typedAs = {} } = typed;
  const context = operatorContext();
  const parsed = schema.safeParse(input);
  const violations = parsed.success ? undefined : violationsFromZod(parsed.error, input);
  try {
    if (violations) throw new ValidationError(violations);
    return await change(context, parsed.data as z.output<S>);
  } catch (error) {
    if (error instanceof NotFoundError) throw new CommandError(reason('en', 'recordNotFound', { record: error.resource, id: error.id }));
    if (error instanceof UnconfirmedWarningsError) {
      const codes = [...new Set(error.warnings.map((warning) => warning.code))];
      throw new CommandError(`${refusalLines(error.warnings, typedAs)}\nIf that is meant, record it with --confirm ${codes.join(' ')}.`);
    }
    if (!(error instanceof ValidationError)) throw error;
    await recordAuditEvent(db, context, {
      action: 'access',
      object: { type: 'path', id: `cli:${command}` },
      result: 'failure',
      detail: { reason: 'invalidInput', command, fields: error.violations.map((violation) => violation.field) },
    });
    throw new CommandError(refusalLines(error.violations, typedAs));
  }
}

/** A date typed as an option: as the API takes dates, one that exists, from 2014 to the end of the century. */
export function isoDateOption(value: string): string {
  if (!isIsoDate(value)) throw new InvalidArgumentError('use a date as YYYY-MM-DD');
  if (value < DATE_FLOOR || value > DATE_CEILING) throw new InvalidArgumentError(`use a date from ${DATE_FLOOR} to ${DATE_CEILING}`);
  return value;
}

/**
 * An amount in euro typed as an option ("1.234,56" or "1234.56"), as cents; text that is no amount of one
 * entry is refused with why, as the import says it of a cell ("1,234" could be read two ways).
 */
export function euroOption(text: string): number {
  const fault = euroAmountFault(text);
  if (fault) throw new InvalidArgumentError(reason('en', fault, { shown: text.trim() }));
  return parseEuroAmount(text)!;
}

/**
 * A whole number an operator types, handed to the API's schema as the browser would send it; anything
 * else as typed, so that the schema names the field and says why.
 */
export const wholeNumber = (text: string): unknown => (/^-?\d+$/.test(text.trim()) ? Number(text) : text);
