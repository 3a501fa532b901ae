import { nameKey } from '../../common/text.ts';
import type { RuleViolation } from './delivery.ts';

/**
 * The records the register holds once by their name within a scope, each with the code its refusal is
 * said by: a company in its country, a budget decision of a moment (Voorjaarsnota 2025) on a fund, an EPF
 * tranche of a kind, a co-production project with a partner, a demand bundle's need in a category, a
 * training programme among all.
 */
const NAME_TAKEN_CODES = {
  company: 'companyNameTaken',
  budgetDecision: 'budgetDecisionTaken',
  epfTranche: 'trancheNameTaken',
  coproductionProject: 'coproductionProjectTaken',
  demandBundle: 'demandBundleTaken',
  trainingProgramme: 'programmeNameTaken',
} as const;

export type NamedKind = keyof typeof NAME_TAKEN_CODES;

/**
 * A name that reads as one another record of the kind in the scope has, whatever its case, accents and
 * spaces, its letters of another script that look alike and the dots of its initials (nameKey), is that
 * record typed again: refused at the name's field, naming the record as the register has it. A copy
 * would count twice in the letter's figures, or split a company's contracts over two of it.
 */
export function nameTakenViolations(kind: NamedKind, field: string, name: string, namesInScope: readonly string[]): RuleViolation[] {
  const key = nameKey(name);
  const taken = namesInScope.find((recorded) => nameKey(recorded) === key);
  return taken === undefined ? [] : [{ field, code: NAME_TAKEN_CODES[kind], params: { name: taken } }];
}
