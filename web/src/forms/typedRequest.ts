/**
 * A request may be sent with fields the client refused, so that the server names what else is wrong in
 * the same round (useSubmission's `submitRequest`): each such field is then sent as typed, which the
 * server refuses too. A form building its request puts `refusedField(name)` where the refused field's
 * value goes, nested or not; `asTyped` puts the typed text there and says which refused fields the
 * request so carries. A field whose mark the form read into something else (a record chosen by its id,
 * say) is not carried, and the request is not sent.
 */
const MARK = '\u0000refused:';

/** Stands for a refused field in a request, until `asTyped` puts its text as typed there. */
export function refusedField<T>(field: string): T {
  return `${MARK}${field}` as T & string;
}

/** The request with each refused field as typed (`typed` gives it by name), and the fields it carries so. */
export function asTyped<R>(request: R, typed: (field: string) => unknown): { request: R; carried: ReadonlySet<string> } {
  const carried = new Set<string>();
  let altered = false;
  const replaced = (value: unknown): unknown => {
    if (typeof value === 'string') {
      if (value.startsWith(MARK)) {
        const field = value.slice(MARK.length);
        carried.add(field);
        return typed(field);
      }
      // A mark the form changed (cut or cased) would be sent as a value: then none is carried.
      if (value.includes(MARK[0]!)) altered = true;
      return value;
    }
    if (Array.isArray(value)) return value.map(replaced);
    if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      return Object.fromEntries(Object.entries(value).map(([name, inner]) => [name, replaced(inner)]));
    }
    return value;
  };
  const sent = replaced(request) as R;
  return { request: sent, carried: altered ? new Set() : carried };
}
