import { nameKey } from '../../common/text.ts';
import type { RuleViolation } from './delivery.ts';

/**
 * A name a record of the register has already, whatever its case, accents and spaces (nameKey), refused
 * at the name with `code`, naming that record as the register has it: two records of one name would read
 * as one in the letter and the lists, their figures split over them.
 */
export function nameTakenViolations(name: string, registered: readonly { name: string }[], code: string): RuleViolation[] {
  const key = nameKey(name);
  const same = registered.find((record) => nameKey(record.name) === key);
  return same ? [{ field: 'name', code, params: { name: same.name } }] : [];
}
