/**
 * The budget forms' fields as their requests take them, each refused field noted with its problem and
 * read as its mark (refusedField), so that the request is sent with it as typed.
 */
import { parseEuroAmount } from '../../../../common/money.ts';
import { isBlank } from '../../../../common/text.ts';
import { amountProblem } from '../../forms/fieldReader.ts';
import { refusedField } from '../../forms/typedRequest.ts';
import type { ClientProblem } from '../../forms/useSubmission.ts';

type Problems = Record<string, ClientProblem>;

/** A whole year as typed, or undefined. */
export const yearOf = (text: string) => (/^\d{4}$/.test(text.trim()) ? Number(text.trim()) : undefined);

/** Notes the field's problem; what it reads as. */
export function refuse<T>(problems: Problems, name: string, problem: ClientProblem): T {
  problems[name] = problem;
  return refusedField<T>(name);
}

export function requireText(problems: Problems, name: string, value: string): string {
  return isBlank(value) ? refuse(problems, name, 'required') : value;
}

export function requireYear(problems: Problems, name: string, value: string): number {
  return yearOf(value) ?? refuse(problems, name, value.trim() ? 'invalidWholeNumber' : 'required');
}

export function requireAmount(problems: Problems, name: string, value: string): number {
  return parseEuroAmount(value) ?? refuse(problems, name, value.trim() ? amountProblem(value) : 'required');
}
