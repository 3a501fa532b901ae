import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, AUDIT_OBJECT_TYPES } from './codes.ts';
import { en } from './en.ts';
import { nl } from './nl.ts';

describe('the audit trail codes', () => {
  it('names each action and object type once', () => {
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
    expect(new Set(AUDIT_OBJECT_TYPES).size).toBe(AUDIT_OBJECT_TYPES.length);
  });

  it.each([['nl', nl], ['en', en]] as const)('names each action and object type in words of its own in %s, so that the filter of the audit page offers no two alike', (_language, words) => {
    const actions = AUDIT_ACTIONS.map((action) => words.auditActions[action]);
    const objectTypes = AUDIT_OBJECT_TYPES.map((type) => words.auditObjectTypes[type]);
    expect(actions.filter((label, index) => actions.indexOf(label) !== index)).toEqual([]);
    expect(objectTypes.filter((label, index) => objectTypes.indexOf(label) !== index)).toEqual([]);
  });
});
