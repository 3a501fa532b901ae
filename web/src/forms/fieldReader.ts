import { countryCodeOf, isCountryCode } from '../../../common/countries.ts';
import { euroAmountFault, parseEuroAmount } from '../../../common/money.ts';
import { parseWholeNumber, wholeNumberFault } from '../../../common/number-text.ts';
import { isBlank } from '../../../common/text.ts';
import { refusedField } from './typedRequest.ts';
import type { ClientProblem } from './useSubmission.ts';

export type Problems = Partial<Record<string, ClientProblem>>;

/**
 * Turns a form's typed text into a request's values, noting each field the client can already tell is
 * wrong. A refused field reads as its `refusedField` mark: the request is sent with it as typed, or not at all.
 */
export interface FieldReader<N extends string> {
  /** The text as typed. */
  text(name: N): string;
  /** The text as typed; refused when empty. */
  required(name: N): string;
  /** The code chosen, out of the codes the field offers; refused when none of them is chosen. */
  code<C extends string>(name: N, codes: readonly C[]): C;
  /** A whole number ("1.000", "1 000"), or null when left empty (then `required` says whether that is allowed). */
  wholeNumber(name: N, required: true): number;
  wholeNumber(name: N, required?: boolean): number | null;
  /** A whole number of percent, with or without "%" after it ("50%"); required. */
  percentage(name: N): number;
  /** An amount in euros as typed ("5.000.000", "5 mln" is not), in cents; null when left empty. */
  amount(name: N, required: true): number;
  amount(name: N, required?: boolean): number | null;
  /** A country's ISO 3166 code as typed ("nl" is NL), refused when it names no country; required. */
  country(name: N): string;
  /** A year of four digits as typed ("2025"); required. Whether the register has it is the server's to say. */
  year(name: N): number;
}

/** A whole year of four digits as typed, or undefined. */
export const yearOf = (text: string): number | undefined => (/^\d{4}$/.test(text.trim()) ? Number(text.trim()) : undefined);

/** Notes a field's problem; what the field reads as in the request (its `refusedField` mark). */
export function refuse<T>(problems: Problems, name: string, problem: ClientProblem): T {
  problems[name] = problem;
  return refusedField<T>(name);
}

/**
 * Why a typed whole number is refused: one read two ways ("1,000"), or none ("1.5"). One below zero is
 * a number: out of a field's range it is the server's to refuse, saying the range ("at least 1").
 */
function wholeNumberProblem(text: string): ClientProblem | undefined {
  const fault = wholeNumberFault(text);
  return fault === 'numberAmbiguous' ? fault : fault && 'invalidWholeNumber';
}

/** Why a typed amount is refused, as the import says it: one read two ways, of more than two decimals, too large, or none. */
function amountProblem(text: string): ClientProblem {
  const fault = euroAmountFault(text);
  return fault === 'amountAmbiguous' || fault === 'amountBeyondCents' || fault === 'amountTooLarge' ? fault : 'invalidAmount';
}

/** `unfinished` names the date fields typed only in part, which the browser gives as empty (unfinishedDates). */
export function fieldReader<N extends string>(values: Record<N, string>, problems: Problems, unfinished: readonly string[] = []): FieldReader<N> {
  const refused = <T>(name: N, problem: ClientProblem): T => refuse<T>(problems, name, problem);
  const text = (name: N) => (unfinished.includes(name) ? refused<string>(name, 'unfinishedDate') : values[name]);
  const required = (name: N) => (isBlank(values[name]) && !unfinished.includes(name) ? refused<string>(name, 'required') : text(name));

  /** The whole number typed in a field, as `text` writes it. */
  const whole = (name: N, text: string, required: boolean) => {
    if (isBlank(values[name])) return required ? refused<number>(name, 'required') : null;
    const problem = wholeNumberProblem(text);
    return problem ? refused<number>(name, problem) : parseWholeNumber(text)!;
  };

  function wholeNumber(name: N, required: true): number;
  function wholeNumber(name: N, required?: boolean): number | null;
  function wholeNumber(name: N, required = false): number | null {
    return whole(name, values[name], required);
  }

  function amount(name: N, required: true): number;
  function amount(name: N, required?: boolean): number | null;
  function amount(name: N, required = false): number | null {
    if (isBlank(values[name])) return required ? refused<number>(name, 'required') : null;
    return parseEuroAmount(values[name]) ?? refused<number>(name, amountProblem(values[name]));
  }

  return {
    text,
    required,
    code(name, codes) {
      // Nothing chosen, or something the field does not offer.
      return codes.find((code) => code === values[name]) ?? refused<(typeof codes)[number]>(name, 'required');
    },
    wholeNumber,
    percentage: (name) => whole(name, values[name].replace(/%\s*$/, ''), true) ?? 0,
    amount,
    country(name) {
      if (isBlank(values[name])) return refused<string>(name, 'required');
      const code = countryCodeOf(values[name]);
      return isCountryCode(code) ? code : refused<string>(name, 'invalidCountry');
    },
    year(name) {
      return yearOf(values[name]) ?? refused<number>(name, isBlank(values[name]) ? 'required' : 'invalidWholeNumber');
    },
  };
}
