import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.ts';

/** The text, or the error thrown instead. */
function outcome(serialise: (value: unknown) => string | undefined, value: unknown): { text: string | undefined } | { error: string } {
  try {
    return { text: serialise(value) };
  } catch (error) {
    return { error: String(error) };
  }
}

/** Any UTF-16 code unit, lone surrogates included. */
const anyText = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 6 }).map((units) => String.fromCharCode(...units));
const key = fc.oneof(anyText, fc.constantFrom('__proto__', 'toJSON', '0', '10', '9', '1a', '-1', '', 'é', '\u{1F600}', 'A', 'a'));
const leaf = fc.oneof(
  fc.constantFrom(null, true, false, undefined, Number.NaN, Infinity, -0, 1e21, 1e-7, 0.1 + 0.2, Number.MAX_SAFE_INTEGER),
  fc.double(),
  fc.integer(),
  anyText,
  fc.string(),
  fc.date({ noInvalidDate: false }),
  fc.constantFrom(new String('ab'), new Number(4), new Boolean(false), () => 1, { toJSON: () => 'via toJSON' }),
);
const value = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 5 }),
  object: fc.dictionary(key, tie('value'), { maxKeys: 6 }),
})).value;

describe('canonical JSON', () => {
  it('gives the text the canonicalize library gives, or fails as it does, for any value', () => {
    fc.assert(
      fc.property(value, (input) => {
        expect(outcome(canonicalJson, input)).toEqual(outcome(canonicalize, input));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the library\'s text for an audit event of the form an import writes, from its own fast path', () => {
    const event = { action: 'delivery.create', after: { title: 'Munitie, order 7', quantity: 100, createdAt: new Date(Date.UTC(2026, 0, 2)), tags: ['a'] }, before: null, detail: { row: 7, sheet: 'delivery' } };
    expect(canonicalJson(event)).toBe(canonicalize(event));
    expect(canonicalJson(event)).toBe('{"action":"delivery.create","after":{"createdAt":"2026-01-02T00:00:00.000Z","quantity":100,"tags":["a"],"title":"Munitie, order 7"},"before":null,"detail":{"row":7,"sheet":"delivery"}}');
  });

  it('orders integer keys as text, and refuses lone surrogates and cycles as the library does', () => {
    expect(canonicalJson({ 10: 'x', 9: 'y', b: 1, a: 2 })).toBe('{"10":"x","9":"y","a":2,"b":1}');
    expect(() => canonicalJson({ text: '\ud800' })).toThrow(/Lone surrogate/);
    expect(canonicalJson({ text: '\\ud800' })).toBe('{"text":"\\\\ud800"}');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/Circular/);
    expect(canonicalJson(JSON.parse('{"__proto__":{"b":1},"a":0}'))).toBe('{"__proto__":{"b":1},"a":0}');
  });
});
