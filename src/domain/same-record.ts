import { todayInAmsterdam } from '../../common/dates.ts';
import { nameKey } from '../../common/text.ts';
import type { RuleViolation } from './delivery.ts';

type Typed = string | number | null;

/**
 * A record of no name of its own that is the same in every field the user typed as one recorded before is
 * that record sent again (a form sent twice, with a new idempotency key): refused at its first field, naming
 * the day the earlier one was recorded. Texts are the same whatever their case, accents and spaces (nameKey).
 */
export function sameRecordViolations<K extends string>(typed: readonly K[], input: Record<K, Typed>, earlier: readonly (Record<K, Typed> & { recordedAt: string })[]): RuleViolation[] {
  const same = (a: Typed, b: Typed) => (typeof a === 'string' && typeof b === 'string' ? nameKey(a) === nameKey(b) : a === b);
  const recorded = earlier.find((record) => typed.every((field) => same(record[field], input[field])));
  return recorded ? [{ field: typed[0]!, code: 'duplicateRecord', params: { recordedOn: todayInAmsterdam(new Date(recorded.recordedAt)) } }] : [];
}
