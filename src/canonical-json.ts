/**
 * The RFC 8785 (JSON Canonicalization Scheme) text of a value: what the audit chain, a letter's snapshot
 * and an idempotency key's fingerprint hash. The canonicalize library defines it here. For the plain data
 * those are made of, the same text comes from JSON.stringify over a copy whose keys are inserted in
 * sorted order: the engine's serializer makes one flat string, where the library builds it a piece at a
 * time, which costs an import's 100,000 events seconds and the collector hundreds of megabytes. Any value
 * that copy could not render as the library does is left to the library.
 */
import canonicalize from 'canonicalize';

export function canonicalJson(value: unknown): string | undefined {
  const copy = sortedCopy(value, 0);
  if (copy === IRREGULAR) return canonicalize(value);
  const text = JSON.stringify(copy);
  // JSON.stringify escapes a lone surrogate as \udXXX, which the library refuses: a text that may hold one is the library's.
  return text?.includes('\\ud') ? canonicalize(value) : text;
}

/** Met where the copy would differ from the library's text. */
const IRREGULAR = Symbol('irregular');
const MAX_DEPTH = 100;

/**
 * The value with each object's keys inserted in UTF-16 order (as RFC 8785 orders them), or IRREGULAR for
 * what JSON.stringify would not order or render so: a key that starts with a digit (an integer key comes
 * first in any object, whatever its order), a number without a JSON form (the library refuses it), an
 * object of another kind than a plain one, an array or a date (boxed values, classes with toJSON), or
 * nesting deeper than the stack may hold (the library walks it without recursion). An object or array
 * already so (its keys in order, nothing in it to change) is given itself rather than a copy.
 */
function sortedCopy(value: unknown, depth: number): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? value : IRREGULAR;
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value.toJSON();
  if (depth === MAX_DEPTH || 'toJSON' in value) return IRREGULAR;
  if (Array.isArray(value)) return sortedArray(value, depth);
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return IRREGULAR;
  return sortedObject(value as Record<string, unknown>, depth);
}

function sortedArray(value: readonly unknown[], depth: number): unknown {
  let copy: unknown[] | undefined;
  for (let index = 0; index < value.length; index++) {
    const item = sortedCopy(value[index], depth + 1);
    if (item === IRREGULAR) return IRREGULAR;
    if (item !== value[index] && !copy) copy = value.slice(0, index);
    copy?.push(item);
  }
  return copy ?? value;
}

function sortedObject(value: Record<string, unknown>, depth: number): unknown {
  const keys = Object.keys(value);
  let inOrder = true;
  for (let index = 0; index < keys.length; index++) {
    const first = keys[index]!.charCodeAt(0);
    if (first >= 0x30 && first <= 0x39) return IRREGULAR;
    if (index > 0 && keys[index - 1]! > keys[index]!) inOrder = false;
  }
  if (!inOrder) keys.sort();
  const items = new Array<unknown>(keys.length);
  let changed = !inOrder;
  for (let index = 0; index < keys.length; index++) {
    const original = value[keys[index]!];
    const item = sortedCopy(original, depth + 1);
    if (item === IRREGULAR) return IRREGULAR;
    items[index] = item;
    if (item !== original) changed = true;
  }
  if (!changed) return value;
  // A copy made as a plain object keeps fast properties, which the serializer reads much faster than those of one
  // without a prototype; but a key "__proto__" would set a plain object's prototype, so with one the copy has none.
  const copy: Record<string, unknown> = Object.hasOwn(value, '__proto__') ? Object.create(null) : {};
  for (let index = 0; index < keys.length; index++) copy[keys[index]!] = items[index];
  return copy;
}
