import { describe, expect, it } from 'vitest';
import { parseExactJson } from './exact-json.ts';

describe('exact JSON', () => {
  it('reads an integer beyond 2^53 as a BigInt of its digits, and smaller ones as numbers', () => {
    expect(parseExactJson('{"sum":9007199254740993,"cents":900719925474099,"rate":0.9215}')).toEqual({ sum: 9_007_199_254_740_993n, cents: 900_719_925_474_099, rate: 0.9215 });
    expect(parseExactJson('[1e20,"12345678901234567"]')).toEqual([1e20, '12345678901234567']);
  });
});
