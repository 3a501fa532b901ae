/**
 * JSON whose integers stay exact at any size. A sum of money can pass 2^53 cents, beyond which a JSON
 * number read into a double loses cents. Such a sum is written as a plain JSON integer from its digits
 * (JSON.rawJSON) and read back from its source text as a BigInt (JSON.parse hands a reviver the source).
 * Integers within 2^53 stay numbers both ways, so small answers look exactly as before.
 */

declare global {
  interface JSON {
    /** Node 21+, Chromium 114+, Firefox 135+, Safari 18.4+: a value JSON.stringify writes as the given text. */
    rawJSON(text: string): unknown;
  }
}

/** The type of a value once its BigInts are JSON integers: numbers, as the API's schemas describe them. */
export type WithExactIntegers<T> = T extends bigint
  ? number
  : T extends readonly (infer Item)[]
    ? WithExactIntegers<Item>[]
    : T extends object
      ? { [Key in keyof T]: WithExactIntegers<T[Key]> }
      : T;

/** The value with every BigInt replaced by a JSON integer of exactly its digits, for JSON.stringify. */
export function withExactIntegers<T>(value: T): WithExactIntegers<T> {
  return exactly(value) as WithExactIntegers<T>;
}

function exactly(value: unknown): unknown {
  if (typeof value === 'bigint') return JSON.rawJSON(value.toString());
  if (Array.isArray(value)) return value.map(exactly);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, exactly(item)]));
  return value;
}

/**
 * An integer beyond 2^53 has at least 16 digits: text without such a run needs no reviver, which is
 * called for every value and makes a large answer (the dry run of an import of 100,000 rows) parse
 * several times slower.
 */
const SIXTEEN_DIGITS = /\d{16}/;

/** JSON.parse, but an integer beyond 2^53 becomes a BigInt of exactly the digits sent. */
export function parseExactJson(text: string): unknown {
  if (!SIXTEEN_DIGITS.test(text)) return JSON.parse(text);
  return JSON.parse(text, (_key, value: unknown, context?: { source?: string }) =>
    typeof value === 'number' && !Number.isSafeInteger(value) && context?.source !== undefined && /^-?\d+$/.test(context.source)
      ? BigInt(context.source)
      : value,
  );
}
