const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether a text from outside can be a record's id: asked before a lookup, so that a malformed id is
 * "not found" rather than a database error on the uuid column.
 */
export function isUuid(text: string): boolean {
  return UUID.test(text);
}
