export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

function fieldsOf(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Missing and null are the same: nothing there. */
function sameValue(left: unknown, right: unknown): boolean {
  return JSON.stringify(left ?? null) === JSON.stringify(right ?? null);
}

/**
 * The fields whose value differs between two versions of a record, in the order given or else in the
 * order the records list them. A record that did not exist before (or after) is null: then every field
 * it has is a change.
 */
export function fieldChanges(before: unknown, after: unknown, fields?: readonly string[]): FieldChange[] {
  const old = fieldsOf(before);
  const current = fieldsOf(after);
  const names = fields ?? [...new Set([...Object.keys(old), ...Object.keys(current)])];
  return names
    .filter((field) => !sameValue(old[field], current[field]))
    .map((field) => ({ field, before: old[field] ?? null, after: current[field] ?? null }));
}
