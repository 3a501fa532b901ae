import { describe, expect, it } from 'vitest';
import { duplicateKeys } from './duplicate-keys.ts';

describe('duplicateKeys', () => {
  it('names a key twice in one object by its path, once however often it recurs', () => {
    expect(duplicateKeys('{"a":[{"b":1},{"c":{"d":1,"d":2,"d":3}}],"a":3}')).toEqual([
      { field: 'a.1.c.d', code: 'duplicateKey', params: { key: 'd' } },
      { field: 'a', code: 'duplicateKey', params: { key: 'a' } },
    ]);
  });

  it('compares keys as JSON reads them, escapes decoded', () => {
    expect(duplicateKeys('{"a\\u0062":1,"ab":2}')).toEqual([{ field: 'ab', code: 'duplicateKey', params: { key: 'ab' } }]);
  });

  it('takes the same key in different objects, and leaves a body that is no JSON to the validator', () => {
    expect(duplicateKeys('{"a":{"a":1},"b":[{"a":1},{"a":2}]}')).toEqual([]);
    expect(duplicateKeys('{"a":1,"a":2,')).toEqual([]);
    expect(duplicateKeys('{"a":1,"a":2} // note')).toEqual([]);
    expect(duplicateKeys('')).toEqual([]);
  });
});
