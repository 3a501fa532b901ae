import type { RuleViolation } from './delivery.ts';

/**
 * Records a request's body may name by their id. One that does not exist is a wrong value of the body's
 * field, refused (400) at that field like any other; only an object of the path that does not exist is
 * "not found" (404).
 */
const UNKNOWN_CODES = {
  delivery: 'unknownDelivery',
  tranche: 'unknownTranche',
  company: 'unknownCompany',
  contract: 'unknownContract',
  assessment: 'unknownAssessment',
} as const;

type NamedRecord = keyof typeof UNKNOWN_CODES;

/** The violation of a field of the body that names a record of the kind that does not exist. */
export function unknownRecord(field: string, record: NamedRecord): RuleViolation {
  return { field, code: UNKNOWN_CODES[record] };
}

/**
 * Of a list of ids the body gives in a field, each one not among the existing records (their ids as the
 * database writes them, in lower case), at its place in the list.
 */
export function unknownRecords(field: string, record: NamedRecord, ids: readonly string[], existing: { has(id: string): boolean }): RuleViolation[] {
  return ids.flatMap((id, index) => (existing.has(id.toLowerCase()) ? [] : [unknownRecord(`${field}.${index}`, record)]));
}

/**
 * The places in a list of delivery ids of each that names a delivery named before it in the list, ids
 * compared as the database does, whatever their case.
 */
export function repeatedPlaces(ids: readonly string[]): number[] {
  const seen = new Set<string>();
  return ids.flatMap((id, index) => {
    const key = id.toLowerCase();
    const repeated = seen.has(key);
    seen.add(key);
    return repeated ? [index] : [];
  });
}

/** Each delivery of a list of ids in a field that names one named before it, at its place: it would link or decide the same delivery twice. */
export function repeatedDeliveries(field: string, ids: readonly string[]): RuleViolation[] {
  return repeatedPlaces(ids).map((index) => ({ field: `${field}.${index}`, code: 'duplicateDelivery' }));
}

/** Whether a violation says that a record the body names does not exist, and which kind. */
export function unknownRecordOf(violation: RuleViolation): NamedRecord | undefined {
  return (Object.keys(UNKNOWN_CODES) as NamedRecord[]).find((record) => UNKNOWN_CODES[record] === violation.code);
}
