import { describe, expect, it } from 'vitest';
import { nestsDeeperThan } from './nesting-depth.ts';

describe('the nesting depth of a JSON text', () => {
  it('counts objects and arrays within each other, not side by side', () => {
    expect(nestsDeeperThan('{"a":[{"b":1}]}', 3)).toBe(false);
    expect(nestsDeeperThan('{"a":[{"b":[]}]}', 3)).toBe(true);
    expect(nestsDeeperThan('[[],[],{},[{}]]', 3)).toBe(false);
  });

  it('leaves out brackets in strings, whichever escapes the strings hold', () => {
    expect(nestsDeeperThan('{"a":"[[[[{{{{"}', 1)).toBe(false);
    expect(nestsDeeperThan('{"a":"\\"[[[["}', 1)).toBe(false);
    expect(nestsDeeperThan('{"a\\\\":"[[[["}', 1)).toBe(false);
    expect(nestsDeeperThan('{"a":"\\\\",[[["x"]]]}', 3)).toBe(true);
  });

  it('judges a text that is no JSON by its brackets all the same', () => {
    expect(nestsDeeperThan('[[[[', 3)).toBe(true);
    expect(nestsDeeperThan('"[[[[', 3)).toBe(false);
  });
});
