import { isDeepStrictEqual } from 'node:util';
import { todayInAmsterdam } from '../../common/dates.ts';
import { nameKey } from '../../common/text.ts';
import type { RuleViolation } from './delivery.ts';

type Typed = string | number | null;

/**
 * A record of no name of its own that is the same in every field the user typed as one recorded before is
 * that record sent again (a form sent twice, with a new idempotency key): refused at its first field, naming
 * the day the earlier one was recorded. Texts are the same whatever their case, accents and spaces (nameKey).
 * Judged once every such field is given: one that could not be read may differ from the record's. The
 * refusal names the earlier record's id too (`recordId`), by which a caller that made it tells it apart.
 */
export function sameRecordViolations<K extends string>(typed: readonly K[], input: Partial<Record<K, Typed>>, earlier: readonly (Record<K, Typed> & { id: string; recordedAt: string })[]): RuleViolation[] {
  if (typed.some((field) => input[field] === undefined)) return [];
  const recorded = earlier.find((record) => isSameRecord(typed, record, input));
  return recorded ? [{ field: typed[0]!, code: 'duplicateRecord', params: { recordedOn: todayInAmsterdam(new Date(recorded.recordedAt)), recordId: recorded.id } }] : [];
}

/** Whether two records are the same in every field typed, their texts whatever their case, accents and spaces (nameKey). */
export function isSameRecord<K extends string>(typed: readonly K[], a: Partial<Record<K, Typed>>, b: Partial<Record<K, Typed>>): boolean {
  const same = (x: Typed | undefined, y: Typed | undefined) => (typeof x === 'string' && typeof y === 'string' ? nameKey(x) === nameKey(y) : x === y);
  return typed.every((field) => same(a[field], b[field]));
}

/**
 * Whether a change gives each of its fields the value the record already has: such a change writes nothing, so
 * that it leaves no new version for others to conflict with and no event.
 */
export function changesNothing(current: object, change: object): boolean {
  return Object.entries(change).every(([field, value]) => isDeepStrictEqual(value, Reflect.get(current, field)));
}
